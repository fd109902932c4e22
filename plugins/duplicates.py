"""DUP: a paragraph or sentence of the page repeated, exact or near-exact.

Content farms paste a "本文摘要：" that copies the first paragraph, print a lead that the next
paragraph repeats, say a conclusion twice, or build whole pages from reshuffled sentences.
Comparing every paragraph with every other one is quadratic, so the page is cut into shingles
(runs of a few units: one Han character or one word of another script, letters and digits only,
case and width folded) and each shingle is looked up in one hash table: linear in page size.
A line whose shingles nearly all occur elsewhere is a copy; which copy to report is the one
whose removal leaves the article whole (see :func:`analyse`).
"""

from __future__ import annotations

import heapq
import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice, repeat
from operator import eq
from typing import Any, Callable, Iterator, Mapping

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._dup_units import SHINGLE, View, related_lines, shingles_of, unit_keys, unit_pattern, unit_spans, view_of

#: An unlabelled lead is one of the page's first lines (after the title): its opening.
HEAD_LINES = 2
#: A shingle found on more lines than this is boilerplate (a slogan on every item), not a copy.
MAX_OCCURRENCES = 8

#: Labels of a summary a site prints above the article it copies.
_SUMMARY = re.compile(
    r"^\s*(?:本文摘要|文章摘要|内容摘要|摘要|简要描述|简要说明|内容简介|文章简介|简介|导读|导语|核心提示|"
    r"内容提要|提要|summary|abstract)\s*[:：]",
    re.IGNORECASE,
)
#: How a first line that is a sentence, not a title, ends.
_TITLE_END = re.compile(r"(?:[。；;]|(?<!\.)\.|\.{3,}|…+)[”’」』\"')）]*$")
#: A numbered list item or clause: "3、", "2. ", "（b）", "一、", "①", "第三条".
_LIST_ITEM = re.compile(
    r"^\s*(?:[(（]\s*(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})\s*[)）]|(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})"
    r"\s*[、.．)）](?!\d)|[\u2460-\u2473\u2776-\u277f]|第[一二三四五六七八九十百\d]{1,4}[条款章节])"
)
#: Sentence punctuation: a line without any is a heading or a list item, never a paragraph copy.
_SENTENCE_MARK = re.compile(r"[。！？；，!?;,]|\.(?:\s|$)")
_FULL_STOP = re.compile(r"[。]|(?<!\.)\.(?:\s|$)|[；;]\s*$")
#: Where a sentence ends, for the sentence rule (a full stop only before a space or the end).
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』\"')）]*|(?<!\.)\.(?=\s|$)[”’\"')]*|…+|\.{2,}")
_SPACE = re.compile(r"\s+")


@dataclass
class _Line:
    """One line's units (normalised keys) and shingle hashes; unit spans are read when needed."""

    index: int
    keys: list[str]
    shingles: list[int] = field(default_factory=list)
    _spans: list[tuple[int, int]] | None = None

    def shingle_set(self) -> set[int]:
        return set(self.shingles)


@dataclass(frozen=True)
class Copy:
    """A line reported as a copy: which lines it repeats and how much of it they hold."""

    index: int
    sources: tuple[int, ...]
    share: float
    summary: bool  # a labelled or truncated lead that copies what follows
    exact: bool  # same text as its single source, spaces aside


@dataclass
class Analysis:
    """The lines that may repeat others as units and shingles, and the lines found to be copies."""

    view: View
    lines: dict[int, _Line]
    copies: dict[int, Copy]
    leads: set[int]
    title: int | None

    def spans(self, line: _Line) -> list[tuple[int, int]]:
        """Where each unit of ``line`` is in the page (read once, for the few lines that need it)."""
        if line._spans is None:
            line._spans = _spans_after_label(self.view, line.index)
        return line._spans

    def places(self, shingles: set[int]) -> dict[int, list[tuple[int, int]]]:
        """The first (line, unit) places in prose lines of ``shingles``, for the sentence rule
        (only those of sentences that may be repeats: most of a page's are never looked up).

        Leads are left out (what they copy is said *after* them), and so are headings and other
        lines without a full stop: a heading's words said again in a sentence are no repeat.
        """
        places: dict[int, list[tuple[int, int]]] = {}
        for line in self.prose():
            common = shingles.intersection(line.shingles)
            if not common:
                continue
            for position, shingle in enumerate(line.shingles):
                if shingle in common:
                    found = places.setdefault(shingle, [])
                    if len(found) < MAX_OCCURRENCES:
                        found.append((line.index, position))
        return places

    def may_repeat_sentences(self, min_units: int, min_share: float) -> list[tuple[_Line, "_Said"]]:
        """Lines with a sentence end and enough shingles said in prose before (or elsewhere in
        the same line) to hold a repeated sentence, counted in C; with which shingles were.

        :func:`_repeated_from` counts a shingle under three neighbouring alignments, but only
        once unless the earlier line holds a run of six identical units ("哈哈哈哈哈哈"); so a
        sentence said again whole is a run of shingles all said before.
        """
        prose = self.prose()
        counts = Counter(chain.from_iterable(line.shingles for line in prose))
        runs = any(any(map(eq, line.shingles, islice(line.shingles, 1, None))) for line in prose)
        slack = 3 if runs else 1
        needed = max(1, math.ceil(min_share * (min_units - SHINGLE + 1) / slack))
        whole = min_share >= 1 and not runs
        is_prose = {line.index for line in prose}
        found = []
        for line in self.lines.values():
            index = line.index
            if index in self.copies or index in self.leads or len(line.keys) < min_units:
                continue
            if not _SENTENCE_END.search(self.view.page_lines[index]):
                continue
            twice = 2 if index in is_prose else 1  # said before, not only here
            said = bytes(map(twice.__le__, map(counts.get, line.shingles, repeat(0))))
            if (b"\x01" * needed in said) if whole else said.count(1) >= needed:
                found.append((line, _Said(said, min_share, slack)))
        return found

    def prose(self) -> list[_Line]:
        """Lines whose sentences the sentence rule compares with (see :meth:`places`)."""
        return [
            line
            for line in self.lines.values()
            if line.index not in self.leads
            and line.index != self.title
            and _FULL_STOP.search(self.view.page_lines[line.index])
        ]


def _spans_after_label(view: View, index: int) -> list[tuple[int, int]]:
    spans = unit_spans(view, index)
    label = _SUMMARY.match(view.page_lines[index])
    if label:  # "本文摘要：" is the site's label, not part of the text it copies
        cut = view.page_starts[index] + label.end()
        spans = [span for span in spans if span[0] >= cut]
    return spans


def _read_lines(page: Page, view: View, indices: list[int]) -> dict[int, _Line]:
    """Units and shingles of the lines that may repeat (see :func:`related_lines`)."""
    lines = {}
    for index in indices:
        line = _Line(index, unit_keys(view.lines[index]))
        if _SUMMARY.match(page.lines[index]):
            line._spans = _spans_after_label(view, index)
            line.keys = line.keys[len(line.keys) - len(line._spans) :]
        line.shingles = shingles_of(line.keys)
        lines[index] = line
    return lines


def _is_paragraph(page: Page, line: _Line, min_units: int) -> bool:
    """Long enough, and shaped like prose rather than a heading or a headline in a list.

    A short line must hold a full stop (``。``, ``. ``) or end like a sentence; a longer one
    any sentence mark. Headlines ("齐鲁德比又来，山东男篮最该提升的是血性！") repeat in lists
    and teasers as a matter of course: that is OFT's or BYL's business.
    """
    units = len(line.keys)
    if units < min_units:
        return False
    text = page.lines[line.index].rstrip()
    if units >= 3 * min_units:
        return True
    if units >= 40:
        return bool(_SENTENCE_MARK.search(text))
    return bool(_FULL_STOP.search(text))


def _title_index(page: Page) -> int | None:
    """The first non-blank line when it looks like a title (BYL owns a repeated title)."""
    for index, line in enumerate(page.lines):
        text = line.strip()
        if text:
            return None if _TITLE_END.search(text) else index
    return None


def analyse(
    page: Page, *, min_units: int, min_share: float, lead_window: int, skip_list_items: bool = True
) -> Analysis:
    """Find the lines that repeat other lines, and decide which copy of each pair is the repeat.

    1. A *lead*: a line followed within ``lead_window`` non-blank lines by the text it copies,
       when it is labelled as a summary (``本文摘要：``), or when it opens the page and holds
       less than those lines (a part of the next paragraph, often cut off with ``...``). The lead is the copy,
       though it comes first. A labelled summary that holds the next paragraph and more is the
       copy too.
    2. Otherwise the later line is the copy: a line whose shingles occur (``min_share`` of them)
       in earlier lines that are not leads; unless ``skip_list_items`` and the line or its
       source is a numbered list item.

    Only lines that share a clause with another line are compared (see :func:`related_lines`).
    """
    view = view_of(page)
    title = _title_index(page)
    lines = _read_lines(page, view, related_lines(view, title))
    analysis = Analysis(view, lines, {}, set(), title)
    candidates = [
        line for line in lines.values() if line.index != title and line.shingles and _is_paragraph(page, line, min_units)
    ]
    occurrences = _occurrences(lines, title, candidates, min_share)
    candidates = [line for line in candidates if line.index in occurrences.lines]
    if not candidates:
        return analysis
    rank = _ranks(page)

    leads: dict[int, Copy] = {}
    for line in candidates:
        summary = bool(_SUMMARY.match(page.lines[line.index]))
        # An unlabelled lead is the page's opening: further down, a short line followed by a
        # longer one that holds it is a list of similar items (a CV, a price list), not a lead.
        if not summary and rank[line.index] > HEAD_LINES:
            continue
        limit = rank[line.index] + lead_window
        shingles = line.shingle_set()
        shared, covered = _shared(
            shingles, occurrences, lambda other: other > line.index and other not in leads and rank[other] <= limit
        )
        share = covered / len(shingles)
        if share < min_share:
            continue
        sources = _main_sources(shared, covered)
        held = sum(len(lines[other].shingle_set()) for other in sources)
        if summary or held > 1.15 * len(shingles):
            leads[line.index] = Copy(line.index, sources, share, summary, False)

    copies: dict[int, Copy] = dict(leads)
    for line in candidates:
        if line.index in leads:
            continue
        shingles = line.shingle_set()
        shared, covered = _shared(shingles, occurrences, lambda other: other < line.index and other not in leads)
        share = covered / len(shingles)
        if share < min_share:
            continue
        sources = _main_sources(shared, covered)
        source = sources[0]
        if (
            len(sources) == 1
            and source not in copies
            and rank[line.index] - rank[source] <= lead_window
            and _SUMMARY.match(page.lines[source])
        ):
            # A labelled summary that holds this paragraph and more: the summary is the copy.
            summary_shingles = lines[source].shingle_set()
            held = len(summary_shingles & shingles) / len(summary_shingles)
            copies[source] = Copy(source, (line.index,), held, True, False)
            leads[source] = copies[source]
            continue
        if skip_list_items and any(_LIST_ITEM.match(page.lines[i]) for i in (line.index, *sources)):
            continue  # clauses of parallel sections (A and C shares, one rule per category) repeat by design
        exact = len(sources) == 1 and _same_text(page.lines[line.index], page.lines[sources[0]])
        copies[line.index] = Copy(line.index, sources, share, False, exact)

    analysis.copies = copies
    analysis.leads = set(leads)
    return analysis


def _ranks(page: Page) -> dict[int, int]:
    """Each non-blank line's place among the non-blank lines."""
    nonblank = [index for index, line in enumerate(page.lines) if line.strip()]
    return {index: position for position, index in enumerate(nonblank)}


@dataclass
class _Occurrences:
    """The lines (in page order) each shingle of a candidate occurs in, and the candidates that
    have enough shingles found elsewhere to be a copy at all."""

    found: dict[int, list[int]]
    lines: set[int]

    def get(self, shingle: int, default=None):
        return self.found.get(shingle, default)


def _occurrences(lines: dict[int, _Line], title: int | None, candidates: list[_Line], min_share: float) -> _Occurrences:
    """Where the candidates' shingles occur, counted in C first: most candidates share only a
    set phrase or two with the rest of the page and need no per-shingle work.

    A shingle found on more than :data:`MAX_OCCURRENCES` lines is boilerplate and counts nowhere.
    """
    sets = {index: line.shingle_set() for index, line in lines.items() if index != title}
    counts = Counter(chain.from_iterable(sets.values()))
    possible = set()
    for line in candidates:
        found = list(map(counts.get, sets[line.index]))
        if len(found) - found.count(1) >= min_share * len(found):
            possible.add(line.index)
    wanted = {shingle for index in possible for shingle in sets[index] if 1 < counts[shingle] <= MAX_OCCURRENCES}
    found: dict[int, list[int]] = {}
    for index in sorted(sets):
        for shingle in sets[index] & wanted:
            found.setdefault(shingle, []).append(index)
    return _Occurrences(found, possible)


def _shared(
    shingles: set[int], occurrences: _Occurrences, counts: Callable[[int], bool]
) -> tuple[dict[int, int], int]:
    """Shingles shared with each other line that ``counts``, and how many are shared at all."""
    shared: dict[int, int] = {}
    covered = 0
    for shingle in shingles:
        found = False
        for other in occurrences.get(shingle) or ():
            if counts(other):
                shared[other] = shared.get(other, 0) + 1
                found = True
        covered += found
    return shared, covered


#: Analyses of the pages being checked, so DUP001 and DUP002 (same settings) read a page once.
#: A memo, not state: it holds nothing a page's result depends on, and an entry goes when its
#: page does.
_ANALYSES: "weakref.WeakKeyDictionary[Page, dict[tuple[Any, ...], Analysis]]" = weakref.WeakKeyDictionary()


def analysed(page: Page, **settings: Any) -> Analysis:
    """:func:`analyse` once per page and settings."""
    key = tuple(sorted(settings.items()))
    try:
        memo = _ANALYSES.setdefault(page, {})
    except TypeError:  # a page object that cannot be weakly referenced: no memo
        return analyse(page, **settings)
    if key not in memo:
        memo[key] = analyse(page, **settings)
    return memo[key]


def _main_sources(shared: dict[int, int], covered: int) -> tuple[int, ...]:
    """The fewest lines (at most three) that hold nearly all of what the copy shares."""
    ranked = heapq.nsmallest(3, shared, key=lambda other: (-shared[other], other))
    sources: list[int] = []
    held = 0
    for other in ranked:
        sources.append(other)
        held += shared[other]
        if held >= 0.9 * covered:
            break
    return tuple(sorted(sources))


def _same_text(a: str, b: str) -> bool:
    return _SPACE.sub("", a) == _SPACE.sub("", b)


def _lines_phrase(indices: tuple[int, ...]) -> str:
    numbers = [str(index + 1) for index in indices]
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {', '.join(numbers[:-1])} and {numbers[-1]}"


# --- DUP001: a whole line repeated ------------------------------------------------------------


def _check_repeated_paragraph(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    analysis = analysed(
        page,
        min_units=options["min_units"],
        min_share=options["min_share"],
        lead_window=options["lead_window"],
        skip_list_items=options["skip_list_items"],
    )
    for index in sorted(analysis.copies):
        copy = analysis.copies[index]
        what = "summary" if copy.summary else "paragraph"
        percent = int(copy.share * 100)
        message = f"{what} repeats {_lines_phrase(copy.sources)} ({percent}% of its text)"
        start, end = page.line_span(index)
        text = page.lines[index]
        start += len(text) - len(text.lstrip())
        remove = page.line_span_with_break(index)
        if copy.exact:
            fix = Fix.delete(*remove, message="remove the repeated line")
        else:
            fix = Fix.delete(*remove, safe=False, message="remove the near-copy (check what differs)")
        yield Violation(start, end, message, fix)


REPEATED_PARAGRAPH = Rule(
    code="DUP001",
    name="repeated-paragraph",
    summary="A paragraph that repeats another paragraph of the page, exactly or nearly",
    explanation=(
        "Scraped pages often hold the same paragraph twice: a '本文摘要：' or lead line that copies "
        "the first paragraph, a teaser printed again almost word for word, a conclusion that "
        "repeats the introduction, a product description copied from the previous item with only "
        "the model name changed, or a generated page made of reshuffled sentences. The copy "
        "reported is the one whose removal leaves the article whole: a labelled summary, or a "
        "lead at the page's opening that holds only part of the paragraph right after it (often "
        "cut off with '...'); otherwise the later copy. Similarity counts shared runs of five characters (five words in Latin "
        "script), so punctuation, spacing and a changed word or two do not hide a copy. Headings, "
        "headlines, short lines and (by default) numbered clauses, which parallel sections repeat "
        "by design, are never reported. An exact repeat is removed by --fix; a "
        "near-copy only with --unsafe-fixes, since its few different words may matter."
    ),
    bad_example=(
        "社区夜校开班\n"
        "本文摘要：本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。\n"
        "本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。课程包括急救常识和手机使用。"
    ),
    good_example=(
        "社区夜校开班\n"
        "本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。课程包括急救常识和手机使用。"
    ),
    check=_check_repeated_paragraph,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "min_units",
            16,
            "Shortest line that counts, in units (a Han character, or a word of another script).",
            int,
        ),
        RuleOption("min_share", 0.8, "Share (0-1) of a line's text that must occur in the lines it repeats.", float),
        RuleOption(
            "lead_window",
            3,
            "A lead that copies the text after it is reported when that text starts within this many non-blank lines.",
            int,
        ),
        RuleOption(
            "skip_list_items",
            True,
            "Leave numbered items and clauses ('3、', '（b）', '第三条') alone: parallel sections of rules, "
            "contracts and forms repeat them by design.",
            bool,
        ),
    ),
)


# --- DUP002: a sentence repeated --------------------------------------------------------------


def _sentences(text: str, offset: int) -> Iterator[tuple[int, int, bool]]:
    """Original spans of the sentences of a line (``offset``: where the line starts), and
    whether each is complete: a fragment cut off at the line's end or by an ellipsis is not."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield offset + start, offset + match.end(), not match.group().startswith(("..", "…"))
        start = match.end()
    if text[start:].strip():
        yield offset + start, offset + len(text), False


@dataclass(frozen=True)
class _Said:
    """Which shingles of a line were said before (1) or not (0), and what a repeat needs."""

    mask: bytes
    min_share: float
    slack: int  # how many alignments one shingle may count under (see may_repeat_sentences)

    def enough(self, first: int, end: int) -> bool:
        """Whether shingles ``first:end`` may be a sentence said before (``min_share`` of them)."""
        return self.mask.count(1, first, end) * self.slack >= self.min_share * (end - first)


def _sentence_units(analysis: Analysis, page: Page, line: _Line) -> list[tuple[int, int, bool, int, int]]:
    """Each sentence of a line (see :func:`_sentences`) with the range of its units.

    A unit never spans a sentence end, so each sentence's units are counted in C on its own
    text. Noise only ever joins units (``abc😀def`` is one word once the emoji is gone): when
    the counts add up to the line's units none was joined, else (and after a summary label)
    the units' spans tell.
    """
    index = line.index
    text = page.lines[index]
    line_start = page.line_starts[index]
    sentences = list(_sentences(text, line_start))
    if line._spans is None:
        findall = unit_pattern().findall
        counts = [len(findall(text, start - line_start, end - line_start)) for start, end, _ in sentences]
        if sum(counts) == len(line.keys):
            lasts = list(accumulate(counts))
            return [(*sentence, last - units, last) for sentence, units, last in zip(sentences, counts, lasts)]
    unit_starts = [span[0] for span in analysis.spans(line)]
    found = []
    unit = 0
    for start, end, complete in sentences:
        while unit < len(unit_starts) and unit_starts[unit] < start:
            unit += 1
        last = unit
        while last < len(unit_starts) and unit_starts[last] < end:
            last += 1
        found.append((start, end, complete, unit, last))
        unit = last
    return found


def _unit_start(analysis: Analysis, page: Page, line: _Line, sentence: int, unit: int) -> int:
    """Where unit ``unit`` of ``line``, the first of the sentence starting at ``sentence``, starts."""
    if line._spans is None:
        line_start = page.line_starts[line.index]
        return line_start + unit_pattern().search(page.lines[line.index], sentence - line_start).start()
    return analysis.spans(line)[unit][0]


def _check_repeated_sentence(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    min_units: int = options["min_units"]
    min_share: float = options["min_share"]
    defaults = REPEATED_PARAGRAPH.default_options()
    analysis = analysed(
        page,
        min_units=defaults["min_units"],
        min_share=defaults["min_share"],
        lead_window=defaults["lead_window"],
        skip_list_items=defaults["skip_list_items"],
    )
    lines = []
    for line, said in analysis.may_repeat_sentences(min_units, min_share):
        sentences = [
            (start, end, complete and min_units <= last - first < 0.8 * len(line.keys) and said.enough(first, last - SHINGLE + 1), first, last)
            for start, end, complete, first, last in _sentence_units(analysis, page, line)
        ]  # a whole-line repeat is DUP001's
        lines.append((line, sentences))
    wanted = {
        shingle for line, sentences in lines for _, _, maybe, first, last in sentences if maybe
        for shingle in line.shingles[first:last]
    }
    if not wanted:
        return
    places = analysis.places(wanted)
    for line, sentences in lines:
        index = line.index
        pending: tuple[int, int, int] | None = None  # start, end, source line of a run of repeats
        for start, end, maybe, first, last in sentences:
            source = _repeated_from(places, line, first, last, min_units, min_share) if maybe else None
            if source is None:
                if pending:
                    yield _sentence_violation(page, index, *pending)
                    pending = None
                continue
            if pending and pending[2] == source:
                pending = (pending[0], end, source)
            else:
                if pending:
                    yield _sentence_violation(page, index, *pending)
                pending = (_unit_start(analysis, page, line, start, first), end, source)
        if pending:
            yield _sentence_violation(page, index, *pending)


def _repeated_from(
    places: dict[int, list[tuple[int, int]]], line: _Line, first: int, last: int, min_units: int, min_share: float
) -> int | None:
    """The line where the units ``first:last`` of ``line`` were said before, or None.

    A sentence is a repeat when most of its shingles occur earlier *in the same order at the
    same distance*: shingles are counted per alignment (source line, offset), allowing the
    offset to drift by one for a character dropped or added. Shingles scattered over a page
    (set phrases of a long report) never line up like that.
    """
    if last - first < min_units:
        return None
    positions = range(first, last - SHINGLE + 1)
    if not positions:
        return None
    alignments: Counter[tuple[int, int]] = Counter()
    for position in positions:
        for seen_line, seen_unit in places.get(line.shingles[position], ()):
            if seen_line < line.index or (seen_line == line.index and seen_unit + SHINGLE <= first):
                alignments[(seen_line, seen_unit - position)] += 1
    if not alignments:
        return None
    best, count = max(
        (
            (key, alignments[key] + alignments[(key[0], key[1] - 1)] + alignments[(key[0], key[1] + 1)])
            for key in list(alignments)
        ),
        key=lambda item: item[1],
    )
    if count < min_share * len(positions):
        return None
    return best[0]


def _sentence_violation(page: Page, index: int, start: int, end: int, source: int) -> Violation:
    where = "earlier on this line" if source == index else f"line {source + 1}"
    text = page.text[start:end].strip()
    while end > start and page.text[end - 1].isspace():
        end -= 1
    shown = text if len(text) <= 40 else text[:37] + "..."
    return Violation(start, end, f"sentence repeats {where}: {shown!r}", Fix.delete(start, end, safe=False))


REPEATED_SENTENCE = Rule(
    code="DUP002",
    name="repeated-sentence",
    summary="A sentence said again later in the page, inside a paragraph that is otherwise new",
    explanation=(
        "A sentence pasted twice in one paragraph ('U15 精度高，用于标定。非常结实。U15 精度高，用于"
        "标定。'), or a sentence of an earlier paragraph pasted into a later one. The later copy is "
        "reported, with the line it repeats. By default only a sentence said again word for word "
        "counts (letters and digits; spacing and punctuation aside): parallel sentences that differ "
        "by a name ('张某买入该基金并持有至今。李某买入该基金并持有至今。') are the writer's. Whole "
        "lines that repeat another line are DUP001's; short sentences (a set phrase, 'Thank you.'), "
        "fragments cut off at the end of a teaser and a heading quoted in a sentence are never "
        "reported. The fix removes the sentence and is unsafe: a writer may repeat one on purpose."
    ),
    bad_example="这款传感器精度很高，适合实验室标定使用。它非常结实。这款传感器精度很高，适合实验室标定使用。",
    good_example="这款传感器精度很高，适合实验室标定使用。它非常结实。",
    check=_check_repeated_sentence,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "min_units",
            14,
            "Shortest sentence that counts, in units (a Han character, or a word of another script).",
            int,
        ),
        RuleOption(
            "min_share",
            1.0,
            "Share (0-1) of a sentence's text said before, in the same order. Whole by default: "
            "parallel sentences about different people or products differ by a name only.",
            float,
        ),
    ),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("DUP", "repeated content", "A paragraph or sentence of the page repeated.", "#8c564b")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [REPEATED_PARAGRAPH, REPEATED_SENTENCE]
