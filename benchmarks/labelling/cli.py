"""``python -m benchmarks.labelling show|label|progress|check``: label real pages line by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.labelling.corpus import CorpusError, load_corpus, split_lines, text_sha1
from benchmarks.labelling.store import (
    FAMILIES,
    LabelError,
    PageLabels,
    load_labels,
    parse_families,
    parse_lines,
    save_labels,
)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_LABELS = REPO / "tests" / "data" / "real-labels.jsonl"
DEFAULT_CORPUS_DIR = REPO.parent / "shared" / "corpus"


def _page_text(corpus: Path, record_id: str) -> str:
    records = load_corpus(corpus)
    if record_id not in records:
        raise CorpusError(f"no record with id {record_id!r} in {corpus}")
    return records[record_id]


def _find(pages: list[PageLabels], corpus_file: str, record_id: str) -> PageLabels | None:
    return next((p for p in pages if p.corpus_file == corpus_file and p.id == record_id), None)


def cmd_show(args: argparse.Namespace) -> int:
    lines = split_lines(_page_text(args.corpus, args.id))
    page = _find(load_labels(args.labels), args.corpus.name, args.id)
    marks = page.lines if page else {}
    status = "unlabelled" if page is None else f"{len(marks)} labelled lines"
    print(f"# {args.corpus.name} {args.id}: {len(lines)} lines, {status}")
    for number, line in enumerate(lines, 1):
        print(f"{number:>4} {','.join(marks.get(number, [])):<11}| {line}")
    return 0


def cmd_label(args: argparse.Namespace) -> int:
    text = _page_text(args.corpus, args.id)
    n_lines, sha1 = len(split_lines(text)), text_sha1(text)
    pages = load_labels(args.labels)
    page = _find(pages, args.corpus.name, args.id)
    if args.clear:
        if page is not None:
            pages.remove(page)
        save_labels(args.labels, pages)
        print(f"{args.id}: labels cleared")
        return 0
    if page is not None and page.text_sha1 != sha1:
        raise LabelError(f"{args.id}: the page text changed since it was labelled; --clear it first")
    if page is None:
        page = PageLabels(args.corpus.name, args.id, n_lines, sha1)
        pages.append(page)
    if args.clean:
        if page.lines:
            raise LabelError(f"{args.id}: has {len(page.lines)} labelled lines; --clear it first to mark it clean")
        save_labels(args.labels, pages)
        print(f"{args.id}: reviewed, clean")
        return 0
    if args.lines is None or args.families is None:
        raise LabelError("label needs LINES and FAMILIES (or --clear / --clean)")
    numbers, families = parse_lines(args.lines), parse_families(args.families)
    if numbers[-1] > n_lines:
        raise LabelError(f"{args.id}: line {numbers[-1]} does not exist (the page has {n_lines} lines)")
    (page.remove if args.remove else page.add)(numbers, families)
    save_labels(args.labels, pages)
    print(f"{args.id}: {len(page.lines)} labelled lines")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    pages = load_labels(args.labels)
    for page in sorted(pages, key=lambda p: (p.corpus_file, p.id)):
        families = sorted({f for fams in page.lines.values() for f in fams}, key=FAMILIES.index)
        print(f"{page.corpus_file} {page.id}: {len(page.lines)}/{page.n_lines} lines {' '.join(families) or 'clean'}")
    if args.corpus is not None:
        done = {p.id for p in pages if p.corpus_file == args.corpus.name}
        todo = [record_id for record_id in load_corpus(args.corpus) if record_id not in done]
        print(f"{args.corpus.name}: {len(done)} labelled, {len(todo)} to do" + (f", next {todo[0]}" if todo else ""))
    else:
        print(f"{len(pages)} pages labelled")
    return 0


def check_labels(pages: list[PageLabels], corpus_dir: Path) -> list[str]:
    """Every problem that makes the label file disagree with the corpus, one line each."""
    problems: list[str] = []
    corpora: dict[str, dict[str, str]] = {}
    seen: set[tuple[str, str]] = set()
    for page in pages:
        where = f"{page.corpus_file} {page.id}"
        if (page.corpus_file, page.id) in seen:
            problems.append(f"{where}: labelled twice")
        seen.add((page.corpus_file, page.id))
        if page.corpus_file not in corpora:
            corpora[page.corpus_file] = load_corpus(corpus_dir / page.corpus_file)
        text = corpora[page.corpus_file].get(page.id)
        if text is None:
            problems.append(f"{where}: no such record in the corpus")
            continue
        if text_sha1(text) != page.text_sha1:
            problems.append(f"{where}: text hash differs from the corpus")
        n_lines = len(split_lines(text))
        if page.n_lines != n_lines:
            problems.append(f"{where}: n_lines is {page.n_lines}, the page has {n_lines}")
        for number, families in sorted(page.lines.items()):
            if not 1 <= number <= n_lines:
                problems.append(f"{where}: line {number} does not exist")
            unknown = [f for f in families if f not in FAMILIES]
            if unknown or not families:
                problems.append(f"{where}: line {number} has unknown or no families {unknown or families}")
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    pages = load_labels(args.labels)
    problems = check_labels(pages, args.corpus_dir)
    for problem in problems:
        print(problem)
    lines = sum(len(p.lines) for p in pages)
    print(f"{'FAILED' if problems else 'ok'}: {len(pages)} pages, {lines} labelled lines, {len(problems)} problems")
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.labelling", description=__doc__)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="label file (JSON Lines)")
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser("show", help="print a page with line numbers and its labels")
    show.add_argument("corpus", type=Path, metavar="CORPUS_FILE")
    show.add_argument("id", metavar="ID")
    show.set_defaults(run=cmd_show)

    label = commands.add_parser("label", help="add families to lines of a page")
    label.add_argument("corpus", type=Path, metavar="CORPUS_FILE")
    label.add_argument("id", metavar="ID")
    label.add_argument("lines", nargs="?", metavar="LINES", help="3, 5-15 or 3,7,9")
    label.add_argument("families", nargs="?", metavar="FAMILIES", help="e.g. OFT or OFT,VWC")
    mode = label.add_mutually_exclusive_group()
    mode.add_argument("--clear", action="store_true", help="drop the page's labels (back to unreviewed)")
    mode.add_argument("--clean", action="store_true", help="mark the page reviewed with no defects")
    mode.add_argument("--remove", action="store_true", help="remove these families from these lines")
    label.set_defaults(run=cmd_label)

    progress = commands.add_parser("progress", help="list labelled pages")
    progress.add_argument("corpus", type=Path, nargs="?", metavar="CORPUS_FILE", help="also count what is left")
    progress.set_defaults(run=cmd_progress)

    check = commands.add_parser("check", help="validate the label file against the corpus")
    check.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS_DIR)
    check.set_defaults(run=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (CorpusError, LabelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
