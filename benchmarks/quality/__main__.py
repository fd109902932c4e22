"""``python -m benchmarks.quality CORPUS_DIR``: measure the rules on real text (see README.md here).

Only wiring: parse arguments, run :func:`evaluate`, print a report. Exits 0 whatever the figures
(it reports, it does not judge) and 2 with a one-line error when an input is unusable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.quality.corpus import QualityError
from benchmarks.quality.evaluate import SEED_NAME, Options, evaluate, stderr_progress
from benchmarks.quality.report import to_json, to_text

PROG = "python -m benchmarks.quality"
REPO = Path(__file__).resolve().parents[2]
DEFAULT_LABELS = REPO / "tests" / "data" / "real-labels.jsonl"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path, metavar="CORPUS_DIR",
                        help="folder with zh-news.jsonl, en-news.jsonl, zh-web.jsonl, emoji-test.txt")
    parser.add_argument("--seed", type=int, default=0, help="random seed: same seed, same pages (default 0)")
    parser.add_argument("--pages", type=_count, default=None,
                        help="check a sample of N clean articles instead of all of them")
    parser.add_argument("--planted", type=_count, default=2000, help="number of planted pages (default 2000)")
    parser.add_argument("--seed-page", type=Path, default=None,
                        help=f"the seed page (default CORPUS_DIR/../seed/{SEED_NAME}, skipped if absent)")
    parser.add_argument("--real-labels", type=Path, default=None,
                        help="labels of real pages (default tests/data/real-labels.jsonl, skipped if absent)")
    parser.add_argument("--details", action="store_true", help="also print recall by planting method and by rule")
    parser.add_argument("--show-misses", type=_count, default=0, metavar="N",
                        help="print up to N missed and N false lines per family and set")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a number of 0 or more, got {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = Options(
        corpus_dir=args.corpus_dir,
        seed=args.seed,
        planted=args.planted,
        pages=args.pages,
        seed_page=args.seed_page or args.corpus_dir.resolve().parent / "seed" / SEED_NAME,
        seed_page_required=args.seed_page is not None,
        real_labels=args.real_labels or DEFAULT_LABELS,
        real_labels_required=args.real_labels is not None,
        misses=args.show_misses,
    )
    try:
        results = evaluate(options, stderr_progress)
    except QualityError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    print(to_json(results) if args.json else to_text(results, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
