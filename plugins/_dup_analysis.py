"""DUP's analysis of a page: which lines are copies of others, and which copy to report.

Only the lines :func:`plugins._dup_units.related_lines` finds sharing text with another line
are read as units and shingles (runs of a few units); each shingle is looked up in one hash
table, so the work is linear in the text that repeats. A line whose shingles nearly all occur
elsewhere is a copy; which copy to report is the one whose removal leaves the article whole
(see :func:`analyse`).
"""

from __future__ import annotations

import heapq
import weakref
from array import array
from collections import Counter, defaultdict
from itertools import chain, count
from typing import Any, Callable, Iterable

from lint.page import Page
from plugins._collector import collector_paused
from plugins._dup_units import View, clauses_of, lines_sharing, related_lines, shingles_of, unit_keys, unit_spans, view_of
from plugins._lazy import lazy_re

#: An unlabelled lead is one of the page's first lines (after the title): its opening.
HEAD_LINES = 2
#: A shingle found on more lines than this is boilerplate (a slogan on every item), not a copy.
MAX_OCCURRENCES = 8
_MAX_TITLE = 200  # characters; headlines run to about 80 (BYL's max-title-chars), 99% of first lines that are titles to 77
#: A line this close to ``min_share`` may be a copy once lines that share only set phrases
#: with it (not read at first) are read too.
NEAR = 0.2

#: Labels of a summary a site prints above the article it copies.
_SUMMARY = lazy_re(
    r"(?i)^\s*(?:本文摘要|文章摘要|内容摘要|摘要|简要描述|简要说明|内容简介|文章简介|简介|导读|导语|核心提示|"
    r"内容提要|提要|summary|abstract)\s*[:：]"
)
#: Closing quotes and brackets after the mark that ends a sentence.
_CLOSERS = "”’」』\"')）"
#: A numbered list item or clause: "3、", "2. ", "（b）", "一、", "①", "第三条".
_LIST_ITEM = lazy_re(
    r"^\s*(?:[(（]\s*(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})\s*[)）]|(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})"
    r"\s*[、.．)）](?!\d)|[\u2460-\u2473\u2776-\u277f]|第[一二三四五六七八九十百\d]{1,4}[条款章节])"
)
#: Sentence punctuation: a line without any is a heading or a list item, never a paragraph copy.
#: These patterns open with one class of all the marks they may start with, and tell the mark
#: they met by looking back at it: ``re`` then skips the characters that are no mark in C,
#: rather than trying each alternative at every character (ten times faster on a long line).
_SENTENCE_MARK = lazy_re(r"[。！？；，!?;,.](?:(?<!\.)|\s|$)")  # a full stop only before a space or the end
_FULL_STOP = lazy_re(r"[。.；;](?:(?<=。)|(?<=\.)(?<!\.\.)(?:\s|$)|(?<=[；;])\s*$)")  # "。", a single ". ", a ";" that ends the line
_SPACE = lazy_re(r"\s+")


class Line:
    """How many units a line has, and its shingles (numbered, see :class:`_Places`), in order
    and as a set (never changed: lines of the same text share it); unit spans are read when
    needed. The units themselves are not kept: a big page's millions of them would be walked by
    the garbage collector."""

    __slots__ = ("index", "units", "shingles", "shingle_set", "fresh", "spans")

    def __init__(
        self, index: int, units: int, shingles: array[int], shingle_set: set[int], fresh: bool = False
    ) -> None:
        self.index = index
        self.units = units
        self.shingles = shingles
        self.shingle_set = shingle_set
        self.fresh = fresh  # all its shingles first met on it (see _Places.read)
        self.spans: list[tuple[int, int]] | None = None


class Copy:
    """A line reported as a copy: which lines it repeats and how much of it they hold."""

    __slots__ = ("index", "sources", "share", "summary", "exact")

    def __init__(self, index: int, sources: tuple[int, ...], share: float, summary: bool, exact: bool) -> None:
        self.index = index
        self.sources = sources
        self.share = share
        self.summary = summary  # a labelled or truncated lead that copies what follows
        self.exact = exact  # same text as its single source, spaces aside


class Analysis:
    """The lines that may repeat others as units and shingles, and the lines found to be copies."""

    def __init__(self, view: View, lines: dict[int, Line], title: int | None) -> None:
        self.view = view
        self.lines = lines
        self.title = title
        self.copies: dict[int, Copy] = {}
        self.leads: set[int] = set()
        self._prose: list[Line] | None = None

    def spans(self, line: Line) -> list[tuple[int, int]]:
        """Where each unit of ``line`` is in the page (read once, for the few lines that need it)."""
        if line.spans is None:
            line.spans = _spans_after_label(self.view, line.index)
        return line.spans

    def prose(self) -> list[Line]:
        """Lines the sentence rule compares with, once the copies are known: not leads (what
        they copy is said *after* them), not the title, and only lines with a full stop (a
        heading's words said again in a sentence are no repeat)."""
        if self._prose is None:
            self._prose = [
                line
                for line in self.lines.values()
                if line.index not in self.leads
                and line.index != self.title
                and _FULL_STOP().search(self.view.page_lines[line.index])
            ]
        return self._prose


def _spans_after_label(view: View, index: int) -> list[tuple[int, int]]:
    spans = unit_spans(view, index)
    label = _SUMMARY().match(view.page_lines[index])
    if label:  # "本文摘要：" is the site's label, not part of the text it copies
        cut = view.page_starts[index] + label.end()
        spans = [span for span in spans if span[0] >= cut]
    return spans


class _Places:
    """Each shingle of a page as the place where the page's reading first met it, rather than
    as its hash: the same shingle is the same number, and the sets and tables of a big page,
    keyed by numbers that mostly follow one another, are read and filled in the order they are
    laid out in memory, not at random (on a 10 MB page, the page-wide set steps took twice as
    long with hashes)."""

    __slots__ = ("_first", "_next")

    def __init__(self) -> None:
        self._first: dict[int, int] = {}
        self._next = count()  # shared by all lines, so no two shingles get one number

    def read(self, keys: list[str]) -> tuple[array[int], set[int], bool]:
        """The shingles of a line's units, numbered, in order (an array of machine integers,
        which the garbage collector never walks: a big page holds millions) and as a set; and
        whether all of them are first met on this line. Then each is numbered by the place
        along the line where it first occurs, and one occurs earlier in the line where its
        number is below its own place."""
        known = len(self._first)
        shingles = array("q", map(self._first.setdefault, shingles_of(keys), self._next))
        shingle_set = set(shingles)
        return shingles, shingle_set, len(self._first) - known == len(shingle_set)


def _read_lines(page: Page, view: View, indices: list[int], places: _Places) -> dict[int, Line]:
    """Units and shingles of the lines that may repeat (see :func:`related_lines`); a line
    pasted again is cut into units once. A line's units are dropped once its shingles are made
    (a labelled summary's are read again): a big page's millions would be held to the end."""
    lines = {}
    read: dict[str, tuple[int, tuple[array[int], set[int], bool]]] = {}
    for index in indices:
        text = view.lines[index]
        if text not in read:
            keys = unit_keys(text)
            read[text] = (len(keys), places.read(keys))
        units, shingles = read[text]
        if _SUMMARY().match(page.lines[index]):
            spans = _spans_after_label(view, index)
            keys = unit_keys(text)[units - len(spans) :]
            line = Line(index, len(keys), *places.read(keys))
            line.spans = spans
        else:
            line = Line(index, units, *shingles)  # one set per text (see _Met)
        lines[index] = line
    return lines


def _is_paragraph(page: Page, line: Line, min_units: int) -> bool:
    """Long enough, and shaped like prose rather than a heading or a headline in a list.

    A short line must hold a full stop (``。``, ``. ``) or end like a sentence; a longer one
    any sentence mark. Headlines ("齐鲁德比又来，山东男篮最该提升的是血性！") repeat in lists
    and teasers as a matter of course: that is OFT's or BYL's business.
    """
    units = line.units
    if units < min_units:
        return False
    text = page.lines[line.index].rstrip()
    if units >= 3 * min_units:
        return True
    if units >= 40:
        return bool(_SENTENCE_MARK().search(text))
    return bool(_FULL_STOP().search(text))


def title_index(page: Page) -> int | None:
    """The first non-blank line when it looks like a title (BYL owns a repeated title): it does
    not end like a sentence and is no longer than a headline can be (a page on one line, cut
    off mid-sentence, is prose, not a title of megabytes)."""
    for index, line in enumerate(page.lines):
        text = line.strip()
        if text:
            return None if len(text) > _MAX_TITLE or _ends_sentence(text) else index
    return None


def _ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence: a stop, a single full stop or an ellipsis, then
    closing quotes or brackets. Told from the end of the line: a regex search would try every
    stop of a one-line page."""
    body = text.rstrip(_CLOSERS)
    if body.endswith(("。", "；", ";", "…")):
        return True
    return body.endswith(".") and (not body.endswith("..") or body.endswith("..."))


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

    Only lines that share a window of text at a clause boundary with another line are read and
    compared (see :func:`related_lines`); a line close to ``min_share`` has the lines that share
    a shorter window with it read too (see :func:`lines_sharing`).
    """
    view = view_of(page)
    title = title_index(page)
    clauses = clauses_of(view, title)
    places = _Places()
    lines = _read_lines(page, view, related_lines(clauses), places)
    analysis = Analysis(view, lines, title)
    if not lines:
        return analysis
    candidates = [
        line
        for line in lines.values()
        if line.index != title and line.shingles and _is_paragraph(page, line, min_units)
    ]
    sets = {index: line.shingle_set for index, line in lines.items() if index != title}
    met = _Met()
    met.add(sets.items())
    shares = _found_elsewhere(candidates, met)
    near = {index for index, share in shares.items() if share >= min_share - NEAR}
    extra = lines_sharing(clauses, near).difference(lines) if near else set()
    if extra:  # set phrases shared with lines read for nothing else may complete a copy
        added = _read_lines(page, view, sorted(extra), places)
        analysis.lines = lines = dict(sorted({**lines, **added}.items()))
        sets = {index: line.shingle_set for index, line in lines.items() if index != title}
        newly = met.add((index, sets[index]) for index in added if index in sets)
        changed = [line for line in candidates if not line.shingle_set.isdisjoint(newly)]
        shares.update(_found_elsewhere(changed, met))
    del places  # every line is read: a big page's numbering need not be held to the end
    possible = {index for index, share in shares.items() if share >= min_share}
    if not possible:
        return analysis
    rank = _ranks(page)
    leading = {index for index in possible if rank[index] <= HEAD_LINES or _SUMMARY().match(page.lines[index])}
    possible = leading | _found_before(sets, possible - leading, met.before, extra, min_share)
    candidates = [line for line in candidates if line.index in possible]
    if not candidates:
        return analysis
    occurrences = _occurrences(sets, set().union(*(sets[index] for index in possible)) & met.repeated)

    tallies: dict[int, _Tally] = {}
    leads: dict[int, Copy] = {}
    for line in candidates:
        summary = bool(_SUMMARY().match(page.lines[line.index]))
        # An unlabelled lead is the page's opening: further down, a short line followed by a
        # longer one that holds it is a list of similar items (a CV, a price list), not a lead.
        if not summary and rank[line.index] > HEAD_LINES:
            continue
        limit = rank[line.index] + lead_window
        shingles = line.shingle_set
        shared, covered = _shared(
            _tallied(shingles, occurrences, tallies),
            lambda other: other > line.index and other not in leads and rank[other] <= limit,
        )
        share = covered / len(shingles)
        if share < min_share:
            continue
        sources = _main_sources(shared, covered)
        held = sum(len(lines[other].shingle_set) for other in sources)
        if summary or held > 1.15 * len(shingles):
            leads[line.index] = Copy(line.index, sources, share, summary, False)

    copies: dict[int, Copy] = dict(leads)
    for line in candidates:
        if line.index in leads:
            continue
        shingles = line.shingle_set
        shared, covered = _shared(
            _tallied(shingles, occurrences, tallies), lambda other: other < line.index and other not in leads
        )
        share = covered / len(shingles)
        if share < min_share:
            continue
        sources = _main_sources(shared, covered)
        source = sources[0]
        if (
            len(sources) == 1
            and source not in copies
            and rank[line.index] - rank[source] <= lead_window
            and _SUMMARY().match(page.lines[source])
        ):
            # A labelled summary that holds this paragraph and more: the summary is the copy.
            summary_shingles = lines[source].shingle_set
            held = len(summary_shingles & shingles) / len(summary_shingles)
            copies[source] = Copy(source, (line.index,), held, True, False)
            leads[source] = copies[source]
            continue
        if skip_list_items and any(_LIST_ITEM().match(page.lines[i]) for i in (line.index, *sources)):
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


class _Met:
    """The shingles of the lines met so far, those on two lines or more, and, for each line met
    in the first pass (in page order), those it shares with the lines before it. Added in C,
    set to set; a set met again is a line of the same text (see :func:`_read_lines`): all its
    shingles repeat, and it is not looked up again."""

    __slots__ = ("seen", "repeated", "before", "_again")

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.repeated: set[int] = set()
        self.before: dict[int, set[int] | None] = {}  # None: the same text was met before
        self._again: dict[int, bool] = {}  # by set: met twice already

    def add(self, lines: Iterable[tuple[int, set[int]]]) -> set[int]:
        """Add lines (index, shingles); the shingles newly repeated."""
        newly: set[int] = set()
        for index, shingles in lines:
            again = self._again.get(id(shingles))
            if again is None:
                self.before[index] = shared = shingles & self.seen
                newly |= shared
                self.seen |= shingles
                self._again[id(shingles)] = False
            else:
                self.before[index] = None
                if not again:
                    newly |= shingles
                    self._again[id(shingles)] = True
        newly -= self.repeated
        self.repeated |= newly
        return newly

    def on_two_lines(self, shingles: set[int]) -> bool:
        """Whether this set (not only its shingles) was met on two lines: all of it repeats."""
        return self._again.get(id(shingles), False)


def _found_elsewhere(candidates: list[Line], met: _Met) -> dict[int, float]:
    """The share of each candidate's shingles found on another line, counted in C (at most
    what :func:`_shared` finds): most candidates share only a set phrase or two."""
    shares = {}
    known: dict[int, float] = {}  # by set: lines of the same text share one
    for line in candidates:
        shingles = line.shingle_set
        share = known.get(id(shingles))
        if share is None:
            if met.on_two_lines(shingles):
                share = 1.0
            else:
                share = _count_in(shingles, met.repeated) / len(shingles)
            known[id(shingles)] = share
        shares[line.index] = share
    return shares


def _count_in(shingles: set[int], repeated: set[int]) -> int:
    """How many of ``shingles`` are in ``repeated``, walking the smaller set (a line of a
    megabyte that repeats nothing else has few or none)."""
    if len(repeated) < len(shingles):
        return len(shingles & repeated)
    return len(shingles) - len(shingles - repeated)  # a set of the few not repeated, most often


def _found_before(
    sets: dict[int, set[int]],
    lines: set[int],
    before: dict[int, set[int] | None],
    late: set[int],
    min_share: float,
) -> set[int]:
    """Those of ``lines`` with ``min_share`` of their shingles on lines before them (the title
    left out): the first of two copies is not one, and a page that repeats much holds many such
    pairs. ``before``: what each line shares with the lines before it that were read first;
    ``late``: the lines read later (see :func:`lines_sharing`), few if any."""
    found = set()
    late_lines = sorted(index for index in late if index in sets)
    late_before: set[int] = set()  # the shingles of the late lines before this one
    passed = 0
    for index in sorted(lines):
        while passed < len(late_lines) and late_lines[passed] < index:
            late_before |= sets[late_lines[passed]]
            passed += 1
        shingles = sets[index]
        shared = before[index]
        if shared is None:  # the same text before it: all of it was said
            count = len(shingles)
        elif late_before:
            count = len(shared | (shingles & late_before))
        else:
            count = len(shared)
        if count >= min_share * len(shingles):
            found.add(index)
    return found


def _occurrences(sets: dict[int, set[int]], shingles: set[int]) -> dict[int, list[int]]:
    """The lines each of ``shingles`` occurs in (in no set order); of a shingle on more than
    :data:`MAX_OCCURRENCES` lines (boilerplate, which :func:`_tallied` leaves out), more than
    that but not all: a page that repeats a slogan on every item is not read item by item for it.
    Lines of the same text (one set, see :func:`_read_lines`) are looked up together: a page
    that repeats much holds many."""
    found: defaultdict[int, list[int]] = defaultdict(list)
    missing = set(shingles)
    for shingle_set, lines in _by_set(sets):
        for shingle in shingle_set & missing:
            places = found[shingle]
            places += lines
            if len(places) > MAX_OCCURRENCES:
                missing.discard(shingle)
    return found


def _by_set(sets: dict[int, set[int]]) -> Iterable[tuple[set[int], list[int]]]:
    """Each set once, with the lines (in page order) that hold it."""
    groups: dict[int, tuple[set[int], list[int]]] = {}
    for index in sorted(sets):
        shingle_set = sets[index]
        group = groups.get(id(shingle_set))
        if group is None:
            groups[id(shingle_set)] = (shingle_set, [index])
        else:
            group[1].append(index)
    return groups.values()


#: The lines each (non-boilerplate) shingle of a line is on, and how many it shares with each.
_Tally = tuple[list[list[int]], Counter[int]]


def _tallied(shingles: set[int], occurrences: dict[int, list[int]], known: dict[int, _Tally]) -> _Tally:
    """The lines ``shingles`` are on (boilerplate left out), counted once per set (lines of one
    text share a set)."""
    tally = known.get(id(shingles))
    if tally is None:
        places = list(filter(None, map(occurrences.get, shingles)))
        if places and max(map(len, places)) > MAX_OCCURRENCES:  # in C: most copies hold no boilerplate
            places = [lines for lines in places if len(lines) <= MAX_OCCURRENCES]
        tally = known[id(shingles)] = (places, Counter(chain.from_iterable(places)))
    return tally


def _shared(tally: _Tally, counts: Callable[[int], bool]) -> tuple[dict[int, int], int]:
    """Shingles shared with each other line that ``counts``, and how many are shared at all."""
    places, lines = tally
    shared = {other: lines[other] for other in lines if counts(other)}
    return shared, len(places) - sum(map(shared.keys().isdisjoint, places))


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
        memo = {}
    if key not in memo:
        with collector_paused():
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
    """Whether two lines are the same text, spaces aside."""
    return a == b or _SPACE().sub("", a) == _SPACE().sub("", b)
