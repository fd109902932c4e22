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
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

import regex

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page

#: Units a shingle is made of: 5 Han characters or 5 words. Long enough that shared set phrases
#: (a name, an institution) rarely cover most of a paragraph, short enough that one changed
#: word in a near-copy only spoils a few shingles.
SHINGLE = 5
#: An unlabelled lead is one of the page's first lines (after the title): its opening.
HEAD_LINES = 2
#: A shingle found on more lines than this is boilerplate (a slogan on every item), not a copy.
MAX_OCCURRENCES = 8

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_UNIT = regex.compile(rf"[{_CJK}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+", regex.V1)
#: Labels of a summary a site prints above the article it copies.
_SUMMARY = regex.compile(
    r"^\s*(?:本文摘要|文章摘要|内容摘要|摘要|简要描述|简要说明|内容简介|文章简介|简介|导读|导语|核心提示|"
    r"内容提要|提要|summary|abstract)\s*[:：]",
    regex.V1 | regex.IGNORECASE,
)
#: How a first line that is a sentence, not a title, ends.
_TITLE_END = regex.compile(r"(?:[。；;]|(?<!\.)\.|\.{3,}|…+)[”’」』\"')）]*$")
#: A numbered list item or clause: "3、", "2. ", "（b）", "一、", "①", "第三条".
_LIST_ITEM = regex.compile(
    r"^\s*(?:[(（]\s*(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})\s*[)）]|(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})"
    r"\s*[、.．)）](?!\d)|[\u2460-\u2473\u2776-\u277f]|第[一二三四五六七八九十百\d]{1,4}[条款章节])",
    regex.V1,
)
#: Sentence punctuation: a line without any is a heading or a list item, never a paragraph copy.
_SENTENCE_MARK = regex.compile(r"[。！？；，!?;,]|\.(?:\s|$)")
_FULL_STOP = regex.compile(r"[。]|(?<!\.)\.(?:\s|$)|[；;]\s*$")
#: Where a sentence ends, for the sentence rule (a full stop only before a space or the end).
_SENTENCE_END = regex.compile(r"[。！？!?；;]+[”’」』\"')）]*|(?<!\.)\.(?=\s|$)[”’\"')]*|…+|\.{2,}")


@dataclass
class _Line:
    """One line's units (normalised keys and original spans) and shingle hashes."""

    index: int
    keys: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    shingles: list[int] = field(default_factory=list)

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
    """The page's lines as units and shingles, and the lines found to be copies."""

    lines: list[_Line]
    copies: dict[int, Copy]
    leads: set[int]
    title: int | None
    _places: dict[int, list[tuple[int, int]]] | None = None

    def places(self, page: Page) -> dict[int, list[tuple[int, int]]]:
        """Each shingle's first (line, unit) places in prose lines, for the sentence rule.

        Leads are left out (what they copy is said *after* them), and so are headings and other
        lines without a full stop: a heading's words said again in a sentence are no repeat.
        """
        if self._places is None:
            places: dict[int, list[tuple[int, int]]] = {}
            for line in self.lines:
                if line.index in self.leads or line.index == self.title:
                    continue
                if not _FULL_STOP.search(page.lines[line.index]):
                    continue
                for position, shingle in enumerate(line.shingles):
                    found = places.setdefault(shingle, [])
                    if len(found) < MAX_OCCURRENCES:
                        found.append((line.index, position))
            self._places = places
        return self._places


def _units(page: Page) -> list[_Line]:
    """Units of every line, read on the de-noised view so injected emoji do not split words."""
    view = page.denoised
    clean = view.text == page.text  # nothing removed: offsets need no mapping
    starts = page.line_starts
    lines = [_Line(index) for index in range(len(starts))]
    current = 0
    for match in _UNIT.finditer(view.text):
        start, end = match.span() if clean else view.span_to_original(*match.span())
        while current + 1 < len(starts) and starts[current + 1] <= start:
            current += 1  # units come in page order, so the line only moves forward
        unit = match.group()
        line = lines[current]
        line.keys.append(unit if "\u4e00" <= unit <= "\u9fff" else unicodedata.normalize("NFKC", unit).casefold())
        line.spans.append((start, end))
    for line in lines:
        label = _SUMMARY.match(page.lines[line.index])
        if label:  # "本文摘要：" is the site's label, not part of the text it copies
            cut = page.line_starts[line.index] + label.end()
            kept = [i for i, span in enumerate(line.spans) if span[0] >= cut]
            line.keys = [line.keys[i] for i in kept]
            line.spans = [line.spans[i] for i in kept]
        keys = line.keys
        line.shingles = [hash(tuple(keys[j : j + SHINGLE])) for j in range(len(keys) - SHINGLE + 1)]
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


def _title_index(page: Page, lines: list[_Line]) -> int | None:
    """The first non-blank line when it looks like a title (BYL owns a repeated title)."""
    for line in lines:
        text = page.lines[line.index].strip()
        if text:
            return None if _TITLE_END.search(text) else line.index
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
    """
    lines = _units(page)
    title = _title_index(page, lines)
    occurrences: dict[int, list[int] | None] = {}
    for line in lines:
        if line.index == title:
            continue
        for shingle in dict.fromkeys(line.shingles):
            seen = occurrences.setdefault(shingle, [])
            if seen is None:
                continue
            if len(seen) >= MAX_OCCURRENCES:
                occurrences[shingle] = None
            else:
                seen.append(line.index)
    nonblank = [line.index for line in lines if page.lines[line.index].strip()]
    rank = {index: position for position, index in enumerate(nonblank)}
    candidates = [
        line for line in lines if line.index != title and line.shingles and _is_paragraph(page, line, min_units)
    ]

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

    return Analysis(lines, copies, set(leads), title)


def _shared(
    shingles: set[int], occurrences: dict[int, list[int] | None], counts: Callable[[int], bool]
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


#: Analyses of the pages being checked, so DUP001 and DUP002 (same settings) cut a page into
#: shingles once. A memo, not state: it holds nothing a page's result depends on, and an entry
#: goes when its page does.
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
    return regex.sub(r"\s+", "", a) == regex.sub(r"\s+", "", b)


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
    places = analysis.places(page)
    for line in analysis.lines:
        index = line.index
        if index in analysis.copies or index in analysis.leads or len(line.keys) < min_units:
            continue
        line_start, _ = page.line_span(index)
        unit_starts = [span[0] for span in line.spans]
        unit = 0
        pending: tuple[int, int, int] | None = None  # start, end, source line of a run of repeats
        for start, end, complete in _sentences(page.lines[index], line_start):
            while unit < len(unit_starts) and unit_starts[unit] < start:
                unit += 1
            first = unit
            last = first
            while last < len(unit_starts) and unit_starts[last] < end:
                last += 1
            source = None
            if complete and last - first < 0.8 * len(unit_starts):  # a whole-line repeat is DUP001's
                source = _repeated_from(places, line, first, last, min_units, min_share)
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
                pending = (line.spans[first][0], end, source)
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
