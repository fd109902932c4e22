"""Phrases that recur through a page out of their sentences' context, found without a lexicon.

Spam generators splice the page's target phrase into the copied text again and again, as a
clause of its own after unrelated sentences (``…电气线路。<target query>。``). Writers repeat
names and terms inside clauses, short connectives (``与此同时，``), and whole sentences or
paragraphs (a template, a copied block: DUP's business), but they do not put the same clause of
content between three different pairs of neighbours.

Clauses are hashed (a dictionary keyed by their normalised text), so the pass is linear in
the page whatever the number of sentences. Most pages repeat no clause of content; a count
of roughly normalised clauses made by ``str`` calls in C (:func:`lines_to_read`) tells them
before any clause is looked at in Python, and on the others picks the lines to read. Those
lines are cut into clauses all at once (:class:`_Clauses`), and only the clauses of a key that
may be an insertion are looked at one by one.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Iterator, Sequence

import ahocorasick_rs
import regex

from plugins._lazy import lazy_re, lazy_regex
from plugins._pieces import pieces
from plugins._records import record

__all__ = ["Insertion", "lines_to_read", "repeated_clauses"]

#: A clause ends at sentence or clause punctuation or a line break (kept by the split).
_CLAUSE_OR_LINE = lazy_re(r"([。！？!?；;，,：:\n])")
#: What may open a clause without being part of it: list numbers, bullets, spaces, quotes.
_LEAD = lazy_regex(r"^(?:[\s\u3000]*(?:\d{1,2}[、.．)]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[•·●■◆▪-]))?[\s\u3000“”\"'‘’「」]*")
_WRAPPING = " \t\u3000“”\"'‘’「」"
_MARKER_START = frozenset("0123456789（(一二三四五六七八九十•·●■◆▪-")
_BRACKET = lazy_regex(r"[()（）\[\]【】&]")
_LETTER = lazy_regex(r"[\p{L}\p{N}]")
_HAN = lazy_regex(r"\p{Han}")
_DIGIT = lazy_regex(r"\d")
_SENTENCE_END = frozenset("。！？!?；;")
_COMMAS = frozenset("，,")
#: A clause that ends its line is followed by no punctuation.
_AT_LINE_END = {"\n": ""}
_FIRST = itemgetter(slice(None, 1))
#: Where the text may be cut into pieces: after a line break or a sentence mark.
_CUT = lazy_re(r"[\n。！？!?；;]")
#: A clause that starts with one of these continues its sentence (``…，并且当前仍持有。``).
_BINDING = frozenset("是并而也还都就又且但或及和与被把将对从在由让给即则")
#: Connectives and stock openers: clauses a writer does repeat.
_CONNECTIVE = lazy_regex(
    r"^(?:与此同时|同时|此外|另外|其次|再次|首先|最后|然后|因此|所以|但是|然而|不过|其实|事实上|总之|总而言之|综上所述|"
    r"一方面|另一方面|换句话说|也就是说|比如说|例如|比如|当然|可见|由此可见|值得一提的是|值得注意的是|需要注意的是|"
    r"更重要的是|不仅如此|除此之外|据了解|据悉|据介绍|据报道|记者了解到|近年来|目前|当前|如今|现在|那么|所以说|"
    r"是的|对|好的|谢谢|没错|不是|没有|为什么|怎么办|what's more|in addition|however|moreover)$",
    regex.IGNORECASE,
)


@record
class Insertion:
    """A phrase spliced in at ``start:end`` (text offsets), and how often the page repeats it."""

    start: int
    end: int
    phrase: str
    count: int


#: What a clause's key (:func:`_line_clauses`) leaves out: spaces everywhere in a clause, quotes around it, list numbers
#: and bullets before it (stripped here at both ends, with any figures and Chinese numerals).
_EDGE_CHARS = "“”\"'‘’「」0123456789０１２３４５６７８９一二三四五六七八九十、.．)）(（•·●■◆▪-"


def lines_to_read(text: str, lowered: str, min_repeats: int = 3, min_letters: int = 4, max_chars: int = 30) -> list[int]:
    """The lines :func:`repeated_clauses` must read to find all it can find in ``text``
    (``lowered`` is it in lower case); most pages have none.

    A clause of content has two Han characters, and it must close a sentence ``min_repeats``
    times, as an insertion must. So the last clauses of sentences and lines are counted without
    spaces and stripped of quotes, list marks and figures at both ends (which only ever merges
    clauses whose keys differ), and those that recur and may yet be a clause of
    content are looked for on the lines; only the lines holding one are read. Made with ``str``
    calls, in C, but the last step, a piece of the page at a time (:mod:`plugins._pieces`).
    """
    if text.isascii():
        return []
    # No sentence or clause crosses a line break or a sentence mark: the pieces keep them whole.
    squeezed = [_squeezed(piece) for _, piece in pieces(lowered, _CUT)]
    sentences = [_sentences(piece) for piece in squeezed]
    # A sentence's first and last clauses of content: clauses of marks alone (``，”``, ``，1、``)
    # at either end go first. An insertion closes a sentence min_repeats times, opens one twice.
    counts: Counter = Counter()
    for split in sentences:
        ends = map(str.rstrip, split, repeat(_EDGE_CHARS + "，"))
        counts.update(map(str.strip, map(itemgetter(2), map(str.rpartition, ends, repeat("，"))), repeat(_EDGE_CHARS)))
    counts.pop("", None)
    if not counts or max(counts.values()) < min_repeats:
        return []
    opening: Counter = Counter()
    for split in sentences:
        starts = map(str.lstrip, split, repeat(_EDGE_CHARS + "，"))
        opening.update(map(str.strip, map(itemgetter(0), map(str.partition, starts, repeat("，"))), repeat(_EDGE_CHARS)))
    recurring = [
        clause
        for clause, count in counts.items()
        if count >= min_repeats
        and opening[clause] >= 2
        and min_letters <= len(clause) <= max_chars
        and not _DIGIT().search(clause)
        and not _BRACKET().search(clause)
        and len(_HAN().findall(clause)) >= 2
        and len(_LETTER().findall(clause)) >= min_letters
    ]
    if not recurring:
        return []
    # A clause never holds a mark a piece ends at, nor a line break: each occurrence is inside
    # one line of one piece, and the first in a line is enough.
    automaton = ahocorasick_rs.AhoCorasick(recurring)
    holding: set[int] = set()
    line = 0  # the line at ``at`` in the piece
    for piece in squeezed:
        at = 0
        for _, start, _ in automaton.find_matches_as_indexes(piece):
            line += piece.count("\0", at, start)
            at = start
            holding.add(line)
        line += piece.count("\0", at)
    return sorted(holding)


def _squeezed(piece: str) -> str:
    """``piece`` without spaces, every line break a NUL (\\r\\n, \\r and \\n each end one, as in
    the rule's lines)."""
    squeezed = piece.replace(" ", "")
    for line_break in ("\r\n", "\r", "\n"):
        squeezed = squeezed.replace(line_break, "\0")
    return "".join(squeezed.split())


def _sentences(squeezed: str) -> list[str]:
    """The sentences of a squeezed piece, each clause mark a comma, so that a sentence's last
    clause follows its last comma."""
    sentences = squeezed.replace("\0", "。")
    for mark in ",：:":
        sentences = sentences.replace(mark, "，")
    for mark in "！？!?；;":
        sentences = sentences.replace(mark, "。")
    return sentences.split("。")


def repeated_clauses(
    text: str,
    lines: list[tuple[int, int]],
    min_repeats: int = 3,
    min_letters: int = 4,
    max_chars: int = 30,
    only: list[int] | None = None,
) -> list[Insertion]:
    """Whole clauses of content that close a sentence, between different neighbours, at least
    ``min_repeats`` times on at least two lines.

    Openers (``今年以来，``, ``记者注意到，``) are followed by the rest of their sentence, so only a
    clause that ends a sentence counts. A clause ended by a colon is a label, one with figures
    is a template's sentence (``…有效破位30个点止损。``). An occurrence that opens its line with at
    most a short remark after it is the heading the phrase was taken from, and a line that is
    nothing but the phrase is a repeated line (DUP): neither counts. When the clause keeps the
    same neighbour in most places, a sentence was repeated, not a phrase inserted. ``only``
    (from :func:`lines_to_read`) are the lines to read, all by default.
    """
    numbers = range(len(lines)) if only is None else only
    clauses = _Clauses(text, [lines[number] for number in numbers])
    closers = clauses.closers()
    candidates = {key for key, count in closers.items() if count >= min_repeats and _content(key, min_letters, max_chars)}
    places: dict[str, list[_Place]] = defaultdict(list)
    for index in clauses.holding(candidates):
        place = clauses.place(text, index, numbers)
        if place:
            places[clauses.keys[index]].append(place)
    found = []
    for found_places in places.values():
        count = len(found_places)
        closing = sum(1 for place in found_places if place.closes)
        opening = sum(1 for place in found_places if place.opens)
        if closing < min_repeats or opening < 2 or len({place.line for place in found_places}) < 2:
            continue  # a clause that always follows a comma is its sentence's own ("…表示，完全赞成。")
        if min(len({place.before for place in found_places}), len({place.after for place in found_places})) * 3 < count * 2:
            continue  # the same neighbours each time: a repeated sentence, not an inserted phrase
        found.extend(Insertion(*_trimmed(text, place.start, place.end), count) for place in found_places)
    return sorted(found, key=lambda insertion: insertion.start)


@record
class _Place:
    """Where a clause stands: its span in the text, its line, whether it closes or opens a
    sentence, and the keys of its neighbours."""

    start: int
    end: int
    line: int
    closes: bool
    opens: bool
    before: str
    after: str


class _Clauses:
    """The clauses of some lines, those with a key: a key is the clause without spaces, in lower
    case, without the list number, bullet or quotes around it.

    The lines are joined by line breaks and all their clauses cut and keyed at once, by ``str``
    calls mapped over the lot: nothing is done line by line, so a page of many short lines to
    read costs what one long line does. Offsets here are into the joined lines.
    """

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        #: Where each line starts in the joined lines; one more, past the end.
        self.offsets = list(accumulate((end - start + 1 for start, end in spans), initial=0))
        parts = _CLAUSE_OR_LINE().split("\n".join([text[start:end] for start, end in spans]))  # body, mark, ..., body
        self.bodies = parts[0::2]
        unmarked = list(map(str.strip, self.bodies, repeat(_WRAPPING)))
        for index in compress(range(len(unmarked)), map(_MARKER_START.__contains__, map(_FIRST, unmarked))):
            unmarked[index] = _unlisted(unmarked[index])
        keys = list(map(str.lower, map("".join, map(str.split, unmarked))))
        self.kept = list(compress(range(len(keys)), keys))  # clause -> its body
        starts = list(accumulate(map(len, parts), initial=0))[0::2]
        marks = [*parts[1::2], ""]
        kept = self.kept
        self.keys: list[str] = list(map(keys.__getitem__, kept))
        self.starts: list[int] = list(map(starts.__getitem__, kept))
        #: The punctuation after each clause, "" at its line's end.
        self.closings: list[str] = list(map(_AT_LINE_END.get, map(marks.__getitem__, kept), map(marks.__getitem__, kept)))

    def closers(self) -> Counter:
        """Key -> how many of its clauses may close a sentence: those followed by a sentence
        mark, and those that end their line with a comma. An insertion closes a sentence
        ``min_repeats`` times, so no other key needs to be placed."""
        counts = Counter(compress(self.keys, map(_SENTENCE_END.__contains__, self.closings)))
        firsts_after = map(bisect.bisect_left, repeat(self.starts), self.offsets[1:])  # the last clause of each line, + 1
        counts.update(self.keys[after - 1] for after in set(firsts_after) - {0} if self.closings[after - 1] in _COMMAS)
        return counts

    def holding(self, keys: set[str]) -> Iterator[int]:
        """The clauses whose key is one of ``keys``, in order."""
        return compress(range(len(self.keys)), map(keys.__contains__, self.keys))

    def place(self, text: str, index: int, numbers: Sequence[int]) -> _Place | None:
        """Where clause ``index`` stands in ``text`` (whose line numbers are ``numbers``), unless
        it cannot be an insertion: a label, a clause that ends its line unmarked (the empty
        string is in every string), a heading."""
        closing = self.closings[index]
        if closing in ":：":
            return None
        line = bisect.bisect_right(self.offsets, self.starts[index]) - 1
        first = index == 0 or self.starts[index - 1] < self.offsets[line]
        last = index + 1 == len(self.keys) or self.starts[index + 1] >= self.offsets[line + 1]
        line_start, line_end = self.spans[line]
        start = line_start + self.starts[index] - self.offsets[line]
        end = start + len(self.bodies[self.kept[index]])
        if first and (last or _heading_like(text, end, line_end)):
            return None
        before = "<line start>" if first else self.keys[index - 1]
        after = "<line end>" if last else self.keys[index + 1]
        opens = first or self.closings[index - 1] in _SENTENCE_END
        return _Place(start, end, numbers[line], last or closing in _SENTENCE_END, opens, before, after)


def _unlisted(key: str) -> str:
    lead = _LEAD().match(key)
    return key[lead.end() :] if lead else key


def _content(key: str, min_letters: int, max_chars: int) -> bool:
    """A clause of content: long enough, not a connective, no figures, no bracket left open,
    Chinese or at least three words."""
    if len(key) > max_chars or len(key) < min_letters or _DIGIT().search(key) or _BRACKET().search(key):
        return False
    if len(_LETTER().findall(key)) < min_letters or _CONNECTIVE().match(key) or key[0] in _BINDING:
        return False
    return len(_HAN().findall(key)) >= 2 or len(key.split()) >= 3


def _trimmed(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The clause without the list number, spaces and quotes around it."""
    body = text[start:end]
    stripped = body.lstrip(_WRAPPING)
    if stripped[:1] in _MARKER_START:
        lead = _LEAD().match(stripped)
        stripped = stripped[lead.end() :] if lead else stripped
    start += len(body) - len(stripped)
    end = start + len(stripped.rstrip(_WRAPPING))
    return start, end, text[start:end]


def _heading_like(text: str, finish: int, line_end: int) -> bool:
    """After a phrase that opens its line, a short remark with no sentence: a heading."""
    rest = text[finish:line_end].strip(" \t\u3000？?！!。")
    return len(rest) <= 20 and not regex.search(r"[。！!，,]", rest)
