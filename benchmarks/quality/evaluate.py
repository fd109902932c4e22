"""The evaluation run: planted pages, clean articles, genuine emoji, the seed page, real labels.

Everything is drawn from one ``random.Random(seed)`` in a fixed order, so a seed gives the same
pages and the same figures for the same rules.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from lint.emoji_units import iter_emoji

from benchmarks.quality.corpus import EmojiPool, QualityError, Record, read_emoji_pool, read_records, split_lines
from benchmarks.quality.linting import PageLinter
from benchmarks.quality.planting import FAMILIES, PlantedPage, Planter, Sources, negative_page
from benchmarks.quality.real_labels import read_labels, resolve_pages
from benchmarks.quality.scoring import CleanPass, EmojiCoverage, LineScores, emoji_hits, predicted_lines
from benchmarks.quality.seed import SeedCheck, check_seed

__all__ = ["Options", "Miss", "Results", "evaluate", "REQUIRED_FILES", "SEED_NAME"]

CLEAN_FILES = ("zh-news.jsonl", "en-news.jsonl")
WEB_FILE = "zh-web.jsonl"
EMOJI_FILE = "emoji-test.txt"
REQUIRED_FILES = (*CLEAN_FILES, WEB_FILE, EMOJI_FILE)
SEED_NAME = "000_9a6256f477bc7ba9.txt"


@dataclass(frozen=True)
class Options:
    """What to evaluate; ``None`` paths are skipped, ``*_required`` ones must exist."""

    corpus_dir: Path
    seed: int = 0
    planted: int = 2000
    pages: int | None = None
    zh_share: float = 0.6
    seed_page: Path | None = None
    seed_page_required: bool = False
    real_labels: Path | None = None
    real_labels_required: bool = False
    misses: int = 0


@dataclass(frozen=True)
class Miss:
    """A false negative or false positive line, for ``--show-misses``."""

    set: str
    family: str
    kind: str
    page: str
    line: int
    methods: tuple[str, ...]
    text: str


@dataclass
class Results:
    options: Options
    rules: list[str] = field(default_factory=list)
    planted: LineScores = field(default_factory=LineScores)
    planted_kinds: dict[str, int] = field(default_factory=dict)
    clean: CleanPass = field(default_factory=CleanPass)
    emoji: EmojiCoverage = field(default_factory=EmojiCoverage)
    seed: SeedCheck | None = None
    seed_note: str = ""
    real: LineScores | None = None
    real_labelled: dict[str, int] = field(default_factory=dict)
    real_skipped: list[str] = field(default_factory=list)
    real_note: str = ""
    misses: list[Miss] = field(default_factory=list)
    rule_failures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def evaluate(options: Options, progress: Callable[[str], None] | None = None) -> Results:
    """Run every part of the evaluation; raises :class:`QualityError` for unusable inputs."""
    say = progress or (lambda message: None)
    _check_inputs(options)
    results = Results(options)
    linter = PageLinter.default()
    results.rules = linter.codes
    rng = random.Random(options.seed)
    clock = time.perf_counter()

    say("reading the corpus")
    corpus = {name: read_records(options.corpus_dir / name) for name in (*CLEAN_FILES, WEB_FILE)}
    pool = read_emoji_pool(options.corpus_dir / EMOJI_FILE)
    clock = _lap(results, "read", clock)

    say(f"planting and checking {options.planted} pages")
    _planted(options, results, linter, rng, corpus, pool)
    clock = _lap(results, "planted", clock)

    clean_records = corpus["zh-news.jsonl"] + corpus["en-news.jsonl"]
    if options.pages is not None and options.pages < len(clean_records):
        chosen = sorted(rng.sample(range(len(clean_records)), options.pages))
        clean_records = [clean_records[index] for index in chosen]
    say(f"checking {len(clean_records)} clean articles")
    for record in clean_records:
        results.clean.add_page(linter.findings(_page_text(record), record.id))
    clock = _lap(results, "clean", clock)

    if options.seed_page is not None:
        _seed(options, results, linter)
    if options.real_labels is not None:
        say("checking real labelled pages")
        _real(options, results, linter)
    _lap(results, "seed+real", clock)
    results.rule_failures = linter.failures
    return results


def _check_inputs(options: Options) -> None:
    """Fail before any work when a named input is missing."""
    if not options.corpus_dir.is_dir():
        raise QualityError(f"{options.corpus_dir}: not a directory")
    for name in REQUIRED_FILES:
        if not (options.corpus_dir / name).is_file():
            raise QualityError(f"{options.corpus_dir / name}: no such file (the corpus needs {', '.join(REQUIRED_FILES)})")
    if options.seed_page_required and options.seed_page is not None and not options.seed_page.is_file():
        raise QualityError(f"{options.seed_page}: no such file")
    if options.real_labels_required and options.real_labels is not None and not options.real_labels.is_file():
        raise QualityError(f"{options.real_labels}: no such file")
    if options.planted < 0 or (options.pages is not None and options.pages < 0):
        raise QualityError("--planted and --pages must not be negative")


def _planted(options: Options, results: Results, linter: PageLinter, rng: random.Random,
             corpus: dict[str, list[Record]], pool: EmojiPool) -> None:
    articles = {
        "zh": [r for r in corpus["zh-news.jsonl"] if r.title.strip() and r.text.strip()],
        "en": [r for r in corpus["en-news.jsonl"] if r.title.strip() and r.text.strip()],
    }
    for lang, records in articles.items():
        if not records:
            raise QualityError(f"{options.corpus_dir}: no usable {lang} article (records need a title and text)")
    web_titles = [r.title.strip() for r in corpus[WEB_FILE] if r.title.strip() and not any(iter_emoji(r.title))]
    headlines = {
        "zh": [r.title.strip() for r in articles["zh"]] + web_titles,
        "en": [r.title.strip() for r in articles["en"]],
    }
    planter = Planter(rng, Sources(articles, headlines, pool))
    pages: list[PlantedPage] = []
    for _ in range(options.planted):
        lang = "zh" if rng.random() < options.zh_share else "en"
        pages.append(planter.page(rng.choice(articles[lang])))
    genuine = [r for r in corpus[WEB_FILE] if any(iter_emoji(_page_text(r)))]
    pages += [negative_page(record, "genuine-emoji", frozenset({"EMJ"})) for record in genuine]

    for page in pages:
        results.planted_kinds[page.kind] = results.planted_kinds.get(page.kind, 0) + 1
        findings = linter.findings(page.text, page.id)
        lines = split_lines(page.text)
        predicted = predicted_lines(findings, len(lines))
        families = sorted(page.scored) if page.scored is not None else FAMILIES
        results.planted.add_page(page.labels, predicted, families)
        if page.kind == "genuine-emoji":
            spans = [(start, end) for start, end, _ in iter_emoji(page.text)]
            results.emoji.documents += 1
            results.emoji.emoji += len(spans)
            hits = emoji_hits(spans, findings)
            results.emoji.flagged += hits
            results.emoji.documents_flagged += int(hits > 0)
        if options.misses:
            _collect_misses(results, "planted", page.id, page.labels, predicted, families, lines, options.misses)


def _seed(options: Options, results: Results, linter: PageLinter) -> None:
    path = options.seed_page
    assert path is not None
    if not path.is_file():
        results.seed_note = f"{path}: not found, skipped"
        return
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QualityError(f"{path}: cannot read ({error})") from None
    results.seed = check_seed(str(path), len(split_lines(text)), linter.findings(text, path.name))


def _real(options: Options, results: Results, linter: PageLinter) -> None:
    path = options.real_labels
    assert path is not None
    if not path.is_file():
        results.real_note = f"{path}: not found, skipped"
        return
    resolved = resolve_pages(read_labels(path), options.corpus_dir, strict=options.real_labels_required)
    results.real_skipped = resolved.skipped
    scores = LineScores()
    for page, text in resolved.pages:
        for families in page.lines.values():
            for family in families:
                results.real_labelled[family] = results.real_labelled.get(family, 0) + 1
    families_seen = set(results.real_labelled)
    pages = []
    for page, text in resolved.pages:
        findings = linter.findings(text, page.id)
        predicted = predicted_lines(findings, page.n_lines)
        families_seen |= set(predicted)
        pages.append((page, predicted, text))
    families = sorted(families_seen)
    for page, predicted, text in pages:
        scores.add_page(page.lines, predicted, families)
        if options.misses:
            _collect_misses(results, "real", f"{page.corpus_file} {page.id}", page.lines, predicted, families,
                            split_lines(text), options.misses)
    results.real = scores


def _collect_misses(results: Results, set_name: str, page_id: str, labels: Mapping[int, Iterable[str]],
                    predicted: Mapping[str, set[int]], families: Iterable[str], lines: Sequence[str], limit: int) -> None:
    """Keep the first ``limit`` false negatives and false positives per family and set."""
    kept: dict[tuple[str, str], int] = {}
    for miss in results.misses:
        if miss.set == set_name:
            kept[(miss.family, miss.kind)] = kept.get((miss.family, miss.kind), 0) + 1
    for family in families:
        found = predicted.get(family, set())
        truth = {number for number, line_families in labels.items() if family in line_families}
        for kind, numbers in (("FN", sorted(truth - found)), ("FP", sorted(found - truth))):
            for number in numbers:
                if kept.get((family, kind), 0) >= limit:
                    break
                kept[(family, kind)] = kept.get((family, kind), 0) + 1
                line_labels = labels.get(number, {})
                methods = tuple(sorted(line_labels.get(family, ()))) if isinstance(line_labels, dict) else ()
                results.misses.append(Miss(set_name, family, kind, page_id, number, methods, lines[number - 1]))


def _page_text(record: Record) -> str:
    """A clean page: the title line, then the text."""
    return f"{record.title}\n{record.text}" if record.title else record.text


def _lap(results: Results, name: str, since: float) -> float:
    now = time.perf_counter()
    results.seconds[name] = round(now - since, 2)
    return now


def stderr_progress(message: str) -> None:
    """Progress on stderr, only when a person is watching."""
    if sys.stderr.isatty():
        print(f"... {message}", file=sys.stderr, flush=True)
