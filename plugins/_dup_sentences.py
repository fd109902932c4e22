"""DUP002's search for a sentence said again: which lines may hold one, and where it was said.

Most lines share nothing but a set phrase with what came before; the shingles a line shares
are counted in C (:func:`_candidates`), and only the sentences of the few lines with a long
enough run of them are aligned with their earlier places (:func:`_repeated_from`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress, count, islice, pairwise, repeat
from operator import add, eq, getitem, lt, or_, sub
from typing import Iterator

from lint.emoji_units import iter_noise
from lint.page import Page
from plugins._dup_analysis import MAX_OCCURRENCES, Analysis, Line
from plugins._dup_units import SHINGLE, unit_pattern, units_in
from plugins._lazy import lazy_re

#: Where a sentence ends: stops, a single full stop before a space or the end, an ellipsis or
#: dots, then closing quotes. One class of every mark comes first, then the mark met is told by
#: looking back at it: ``re`` skips the characters that are no mark in C (ten times faster on a
#: long line than trying each alternative at every character).
_SENTENCE_END = lazy_re(
    r"[。！？!?；;….](?:(?<=[。！？!?；;])[。！？!?；;]*[”’」』\"')）]*|(?<=…)…*"
    r"|(?<=\.)(?<!\.\.)(?=\s|$)[”’\"')]*|(?<=\.)\.+)"
)


def repeated_sentences(
    analysis: Analysis, page: Page, min_units: int, min_share: float
) -> Iterator[tuple[int, int, int, int]]:
    """Each run of sentences said before, as ``(line, start, end, source line)`` in page order.

    Sentences of whole lines that repeat another line (DUP001's copies and leads) are left out.
    """
    lines = []
    for line, said in _candidates(analysis, min_units, min_share):
        sentences = [
            (start, end, first, last)
            for start, end, complete, first, last in _sentence_units(analysis, page, line)
            if complete
            and min_units <= last - first < 0.8 * line.units  # a whole-line repeat is DUP001's
            and said.enough(first, last - SHINGLE + 1)
        ]
        if sentences:
            lines.append((line, sentences))
    if not lines:
        return
    wanted: set[int] = set()
    for line, sentences in lines:
        for *_, first, last in sentences:
            wanted.update(line.shingles[first:last])  # in C: a one-line page has millions
    found = _places(analysis, wanted)
    for line, sentences in lines:
        pending: tuple[int, int, int] | None = None  # start, end, source line of a run of repeats
        previous_end = None
        for start, end, first, last in sentences:
            source = _repeated_from(found, line, first, last, min_units, min_share)
            if pending and (source is None or source != pending[2] or start != previous_end):
                yield line.index, *pending
                pending = None
            if source is not None:
                if pending:
                    pending = (pending[0], end, source)
                else:
                    pending = (_unit_start(analysis, page, line, (start, end, first)), end, source)
            previous_end = end
        if pending:
            yield line.index, *pending


class _Said:
    """Which shingles of a line were said before (1) or not (0), and what a repeat needs."""

    __slots__ = ("mask", "in_runs", "min_share")

    def __init__(self, mask: bytes, in_runs: bytes | None, min_share: float) -> None:
        self.mask = mask
        self.in_runs = in_runs  # said in lines with runs (see :func:`_candidates`), if any were
        self.min_share = min_share

    def enough(self, first: int, end: int) -> bool:
        """Whether shingles ``first:end`` may be a sentence said before (``min_share`` of them)."""
        needed = self.min_share * (end - first)
        if self.mask.count(1, first, end) >= needed:
            return True
        return self.in_runs is not None and self.in_runs.count(1, first, end) * _SLACK >= needed


#: How many neighbouring alignments :func:`_repeated_from` counts one shingle under, at most.
_SLACK = 3


def _candidates(analysis: Analysis, min_units: int, min_share: float) -> list[tuple[Line, _Said]]:
    """Lines with a sentence end and enough shingles said in prose before (or earlier in the
    same line) to hold a repeated sentence, found in C; with which shingles were. Only what
    came *before* counts: the first of two copies of a passage is no candidate.

    :func:`_repeated_from` counts a shingle under three neighbouring alignments, but only
    once unless the earlier line holds a run of six identical units ("哈哈哈哈哈哈"); so a
    sentence said again whole is a run of shingles all said before, or one said in lines with
    such runs. Which lines hold runs is told line by line: a long page nearly always holds one
    somewhere ("very very very very very very"), and it must not make every line a candidate.
    """
    needed = min_share * (min_units - SHINGLE + 1)
    whole = b"\x01" * max(1, math.ceil(needed))
    is_prose = {line.index for line in analysis.prose()}
    seen: set[int] = set()  # shingles of the prose lines before this one
    in_seen: set[int] = set()  # which lines' sets they are (lines of the same text share one)
    in_runs: set[int] = set()  # those of such lines with a run
    found = []
    for line in analysis.lines.values():
        index = line.index
        prose = index in is_prose
        runs = (
            prose
            and len(line.shingle_set) < len(line.shingles)  # a run repeats a shingle
            and any(map(eq, line.shingles, islice(line.shingles, 1, None)))
        )
        if (
            index not in analysis.copies
            and index not in analysis.leads
            and line.units >= min_units
            and _SENTENCE_END().search(analysis.view.page_lines[index])
        ):
            again = id(line.shingle_set) in in_seen
            earlier = _said_earlier(line) if prose and (runs or not again) else None
            if again:  # the same text said in prose before
                said = b"\x01" * len(line.shingles)
            else:
                said = _said_before(line, seen, earlier)
            said_in_runs = _said_before(line, in_runs, earlier if runs else None) if in_runs or runs else None
            if (
                (whole in said if min_share >= 1 else said.count(1) >= needed)
                or said_in_runs is not None
                and said_in_runs.count(1) * _SLACK >= needed
            ):
                found.append((line, _Said(said, said_in_runs, min_share)))
        if prose and id(line.shingle_set) not in in_seen:
            seen |= line.shingle_set
            in_seen.add(id(line.shingle_set))
        if runs:
            in_runs |= line.shingle_set
    return found


def _said_before(line: Line, seen: set[int], earlier: bytes | None) -> bytes:
    """Which of the line's shingles are in ``seen`` or, where ``earlier`` (see
    :func:`_said_earlier`) says so, earlier in the line (the few found are looked up one by
    one, not the big set: set-to-set steps read stored hashes)."""
    shingles = line.shingles
    found = line.shingle_set & seen
    if not found:
        return earlier or bytes(len(shingles))
    said = bytes(map(found.__contains__, shingles))
    return bytes(map(or_, said, earlier)) if earlier else said


def _said_earlier(line: Line) -> bytes | None:
    """Which of the line's shingles occur earlier in it (the first of two copies in a line
    is no repeat), or None when no shingle occurs twice."""
    shingles = line.shingles
    if len(line.shingle_set) == len(shingles):
        return None
    if line.fresh:  # numbered along the line: a number below its place was met before on it
        return bytes(map(lt, shingles, count(shingles[0])))
    first: dict[int, int] = {}  # where each shingle was first met, kept by setdefault
    return bytes(map(lt, map(first.setdefault, shingles, count()), count()))


def _sentence_units(analysis: Analysis, page: Page, line: Line) -> list[tuple[int, int, bool, int, int]]:
    """Each sentence of a line (see :func:`_sentences`) with the range of its units.

    A unit never spans a sentence end, so each sentence's units are counted in C on its own
    stretch of the line (of the line without its noise on a noisy page: ``abc😀def`` is one
    word). After a summary label, whose units are not counted, the units' spans tell.
    """
    index = line.index
    text = page.lines[index]
    line_start = page.line_starts[index]
    sentences = list(_sentences(text, line_start))
    if line.spans is None and sentences:
        bounds = [start - line_start for start, _, _ in sentences]
        bounds.append(sentences[-1][1] - line_start)
        if analysis.view.denoised is not None and analysis.view.lines[index] != text:
            text, bounds = analysis.view.lines[index], _without_noise(text, bounds)
        counts = [units_in(text, start, end) for start, end in pairwise(bounds)]
        if sum(counts) == line.units:
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


def _without_noise(text: str, offsets: list[int]) -> list[int]:
    """Where ``offsets`` in ``text`` fall in its de-noised line (see :class:`lint.page.DenoisedView`):
    each moves back by the noise before it. Noise holds no stop mark or closing quote, so none
    of a line's sentence bounds is inside noise."""
    spans = list(iter_noise(text))
    ends = [end for _, end in spans]
    removed = [0, *accumulate(end - start for start, end in spans)]
    return [offset - removed[bisect_right(ends, offset)] for offset in offsets]


def _unit_start(analysis: Analysis, page: Page, line: Line, sentence: tuple[int, int, int]) -> int:
    """Where the first unit of a sentence (``start``, ``end``, its first unit) starts."""
    start, end, unit = sentence
    if line.spans is not None:
        return analysis.spans(line)[unit][0]
    line_start = page.line_starts[line.index]
    view = Page(page.lines[line.index][start - line_start : end - line_start]).denoised  # as the analysis read it
    return start + view.to_original(unit_pattern().search(view.text).start())


def _sentences(text: str, offset: int) -> Iterator[tuple[int, int, bool]]:
    """Original spans of the sentences of a line (``offset``: where the line starts), and
    whether each is complete: a fragment cut off at the line's end or by an ellipsis is not."""
    start = 0
    for match in _SENTENCE_END().finditer(text):
        yield offset + start, offset + match.end(), not match.group().startswith(("..", "…"))
        start = match.end()
    if text[start:].strip():
        yield offset + start, offset + len(text), False


def _places(analysis: Analysis, shingles: set[int]) -> dict[int, list[int]]:
    """The first places in prose lines (see :meth:`Analysis.prose`) of ``shingles``, each as
    :func:`_place` (ascending, as the page reads): only those of sentences that may be repeats,
    most of a page's are never looked up. A shingle is looked for no more once it has
    :data:`MAX_OCCURRENCES` places, so the work is bounded by the shingles looked up, not by how
    often a page repeats them."""
    places: dict[int, list[int]] = dict(zip(shingles, iter(list, None)))  # empty lists, made in C
    missing = set(shingles)
    for line in analysis.prose():
        if missing.isdisjoint(line.shingle_set):
            continue
        here = line.shingles
        for shingle, place in compress(zip(here, count(_place(line.index, 0))), map(missing.__contains__, here)):
            found = places[shingle]
            found.append(place)
            if len(found) == MAX_OCCURRENCES:
                missing.discard(shingle)
    return places


#: Units a line may hold, at most: a place (line, unit) is one integer, ``line * _ROW + unit``,
#: and an alignment (line, offset) too, so alignments are counted in C.
_ROW = 1 << 40


def _place(line: int, unit: int) -> int:
    """A place, or an alignment (``unit`` an offset, which may be negative), as one integer."""
    return line * _ROW + unit


def _repeated_from(
    places: dict[int, list[int]], line: Line, first: int, last: int, min_units: int, min_share: float
) -> int | None:
    """The line where the units ``first:last`` of ``line`` were said before, or None.

    A sentence is a repeat when most of its shingles occur earlier *in the same order at the
    same distance*: shingles are counted per alignment (source line, offset), allowing the
    offset to drift by one for a character dropped or added. Shingles scattered over a page
    (set phrases of a long report) never line up like that. Places and alignments are integers
    (see :data:`_ROW`): a shingle's earlier places are a prefix of its list, counted in C.
    """
    if last - first < min_units:
        return None
    positions = range(first, last - SHINGLE + 1)
    if not positions:
        return None
    before = _place(line.index, first - SHINGLE) + 1  # places ending before the sentence starts
    seen = list(map(places.get, line.shingles[positions.start : positions.stop], repeat(())))
    earlier = map(getitem, seen, map(slice, repeat(0), map(bisect_left, seen, repeat(before))))
    alignments = Counter(chain.from_iterable(map(map, repeat(sub), earlier, map(repeat, positions))))
    if not alignments:
        return None
    keys = list(alignments)
    near = alignments.get
    left = map(near, map(sub, keys, repeat(1)), repeat(0))
    right = map(near, map(add, keys, repeat(1)), repeat(0))
    scores = list(map(add, map(add, map(near, keys), left), right))
    best = max(scores)  # the first alignment with the most, as max() over them picked it
    if best < min_share * len(positions):
        return None
    return (keys[scores.index(best)] + _ROW // 2) // _ROW  # its line: offsets are far below _ROW / 2
