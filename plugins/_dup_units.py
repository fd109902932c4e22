"""DUP's reading of a page: which lines may repeat others, and those lines as units and shingles.

Cutting every line into units costs a regex match per Han character, more than all the rest of
the rule; and most pages repeat nothing. So a cheap pass comes first (:func:`related_lines`):
a few whole-page C-level string passes cut the page into clauses, and only lines where the text
starting or ending at a clause boundary (ten Han characters, five or six words) is found at
another boundary too are read as units. A copy shares whole clauses with what it copies, however
it was reshuffled, and a near-copy keeps at least one end of most clauses.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import accumulate, compress, count, islice, repeat
from operator import add, itemgetter, or_, sub
from typing import Iterator, Sequence

from lint.page import DenoisedView, Page
from plugins._lazy import lazy_re, lazy_regex
from plugins._pieces import PIECE

#: Units a shingle is made of: 5 Han characters or 5 words. Long enough that shared set phrases
#: (a name, an institution) rarely cover most of a paragraph, short enough that one changed
#: word in a near-copy only spoils a few shingles.
SHINGLE = 5

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_CUT = b"\x1f"
#: The cheap pass replaces the common CJK marks and spaces one by one (a C scan for one code
#: point each), then works on UTF-8 bytes: one table turns ASCII clause marks into cuts, drops
#: spaces (so "a  b" and "a b" agree) and lowers the case.
_ASCII_MARKS = b",.!?;:\"'()[]|/\t"
_ASCII_TABLE = bytes(
    _CUT[0] if byte in _ASCII_MARKS else byte + 32 if 65 <= byte <= 90 else byte for byte in range(256)
)
_CJK_MARKS = "，。！？；：、“”‘’（）《》「」『』【】…—·"
_WIDE_SPACES = "\u3000\xa0"
#: UTF-8 bytes compared from each clause boundary by the cheap pass: ten Han characters (two
#: shingles), or about thirty letters of other scripts (spaces dropped).
_WINDOW = 30
#: Bytes compared for :func:`lines_sharing`: five Han characters, about three English words.
_SHORT_WINDOW = 15
#: How often a window is found when it marks a repeat rather than boilerplate.
_REPEATED = range(2, 9)


#: One unit: a CJK character, or a run of letters, digits and marks of another script.
unit_pattern = lazy_regex(rf"(?V1)[{_CJK}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+")
#: Runs of CJK characters (group 1) or one word of another script (group 2): a match per run
#: of Han text, not per character, so it reads Chinese several times faster.
_run_pattern = lazy_regex(rf"(?V1)([{_CJK}]+)|([[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+)")
#: A unit of a line that is all ASCII, once lowered.
_ascii_word = lazy_re(r"[a-z0-9]+")
_line_break = lazy_re(r"\r\n|\r|\n")  # as lint.page splits lines


def _fold(unit: str) -> str:
    """Case and width folded (NFKC); common Han characters are their own key."""
    if "\u4e00" <= unit <= "\u9fff":
        return unit
    if unit.isascii():
        return unit.lower()
    return unicodedata.normalize("NFKC", unit).casefold()


def unit_keys(line: str) -> list[str]:
    """The folded units of a line, in order."""
    if line.isascii():  # words of letters and digits, folded at once rather than word by word
        return _ascii_word().findall(line.lower())
    keys: list[str] = []
    for cjk, word in _run_pattern().findall(line):
        if not cjk:  # most words in Chinese text are ASCII (numbers, names): lowered without a call
            keys.append(word.lower() if word.isascii() else _fold(word))
        elif unicodedata.is_normalized("NFKC", cjk):
            keys.extend(cjk)  # one key per character; casefolding leaves CJK alone
        else:
            keys.extend(map(_fold, cjk))
    return keys


def units_in(text: str, start: int, end: int) -> int:
    """How many units ``text[start:end]`` holds (as :func:`unit_keys` cuts them), counted a run
    of Han text at a time: half the regex work of a match per character."""
    cjk = list(map(itemgetter(0), _run_pattern().findall(text, start, end)))
    return sum(map(len, cjk)) + cjk.count("")  # each character of a CJK run, and each word


def shingles_of(keys: Sequence[str]) -> Iterator[int]:
    """Hashes of every run of :data:`SHINGLE` consecutive units, in order. The keys are read in
    place by offset iterators, not copied once per offset."""
    return map(hash, zip(*[islice(keys, start, None) for start in range(SHINGLE)]))


class View:
    """The page's lines, its de-noised lines (injected emoji do not split words) and where each
    starts. Holds no reference to the page, so a memo keyed on the page can hold a view. (A
    plain class: a named tuple costs a third of a millisecond to build at import.)"""

    __slots__ = ("page_lines", "page_starts", "lines", "starts", "denoised")

    def __init__(
        self,
        page_lines: tuple[str, ...],
        page_starts: tuple[int, ...],
        lines: tuple[str, ...],
        starts: tuple[int, ...],  # offsets in the de-noised text
        denoised: DenoisedView | None,  # None when the page has no noise
    ) -> None:
        self.page_lines = page_lines
        self.page_starts = page_starts
        self.lines = lines
        self.starts = starts
        self.denoised = denoised


def view_of(page: Page) -> View:
    """The page's lines and its de-noised lines, side by side."""
    view = page.denoised
    plain = View(page.lines, page.line_starts, page.lines, page.line_starts, None)
    if view.text is page.text or view.text == page.text:
        return plain
    # noise never holds a line break: the same lines (split in C when there is no CR, as lint.page)
    lines = tuple(view.text.split("\n") if "\r" not in view.text else _line_break().split(view.text))
    if len(lines) != len(page.lines):
        return plain  # but "\r😀\n" becomes one break: read that page as it is
    breaks = map(sub, page.line_starts[1:], map(add, page.line_starts, map(len, page.lines)))
    starts = (0, *accumulate(map(add, map(len, lines), breaks)))
    return View(page.lines, page.line_starts, lines, starts, view)


def unit_spans(view: View, index: int) -> list[tuple[int, int]]:
    """Where each unit of line ``index`` is in the page's text (the order of :func:`unit_keys`)."""
    base = view.starts[index]
    spans = [(base + match.start(), base + match.end()) for match in unit_pattern().finditer(view.lines[index])]
    if view.denoised is None:
        return spans
    return [view.denoised.span_to_original(start, end) for start, end in spans]


def related_lines(clauses: list[bytes]) -> list[int]:
    """Lines that may repeat, or be repeated by, another line or themselves: those where a
    window of text that starts (or ends) at a clause boundary is found starting (ending) at
    another clause boundary too (``clauses``: see :func:`clauses_of`).

    Windows are cut from the UTF-8 bytes, so one width fits every script (ten Han characters,
    five or six English words), and from the whole page at once, so the pass stays in C: line
    breaks are kept as clauses of their own to tell which line a window starts in.
    """
    heads, tails = _windows(clauses, _WINDOW)
    repeated_heads, repeated_tails = _repeated(heads, _WINDOW), _repeated(tails, _WINDOW)
    if not (repeated_heads or repeated_tails):
        return []
    shared = map(or_, map(repeated_heads.__contains__, heads), map(repeated_tails.__contains__, tails))
    return sorted(set(compress(_line_of_clause(clauses), shared)))


def lines_sharing(clauses: list[bytes], lines: set[int]) -> set[int]:
    """Lines that share a shorter window (a shingle's worth of Han text) with one of ``lines``:
    the set phrases that, with what :func:`related_lines` found, may make a line a copy."""
    heads, tails = _windows(clauses, _SHORT_WINDOW)
    owners = list(_line_of_clause(clauses))
    of_lines = list(map(lines.__contains__, owners))
    found = set()
    for windows in (heads, tails):
        theirs = set(compress(windows, of_lines))
        found.update(compress(owners, map(theirs.__contains__, windows)))
    return found - lines


def clauses_of(view: View, title: int | None) -> list[bytes]:
    """The page's clauses, case folded and without spaces, with each line break a clause (the
    title's text left out: no rule compares with it)."""
    lines = list(view.lines)
    if title is not None:
        lines[title] = ""
    text = "\n".join(lines)
    # folded a piece at a time (see plugins._pieces); any cut does: every mark is one character
    data = b"".join(_folded(text[start : start + PIECE]) for start in range(0, len(text), PIECE))
    return list(filter(None, data.replace(b"\n", _CUT + b"\n" + _CUT).split(_CUT)))


def _folded(text: str) -> bytes:
    """A piece of the page as UTF-8 bytes, clause marks made cuts, spaces dropped, case lowered."""
    if not text.isascii():
        for mark in _CJK_MARKS:
            if mark in text:
                text = text.replace(mark, "\x1f")
        for space in _WIDE_SPACES:
            if space in text:
                text = text.replace(space, "")
    return text.encode().translate(_ASCII_TABLE, b" ")


def _windows(clauses: list[bytes], width: int) -> tuple[list[bytes], list[bytes]]:
    """The window starting at each clause, and the one ending with it (clauses may be shorter)."""
    joined = b"".join(clauses)
    ends = list(accumulate(map(len, clauses)))
    heads = [joined[start : start + width] for start in [0, *ends[:-1]]]
    tails = [joined[end - width : end] if end >= width else b"" for end in ends]
    return heads, tails


def _line_of_clause(clauses: list[bytes]) -> Iterator[int]:
    return accumulate(map(b"\n".__eq__, clauses))  # a break clause counts as the next line's


def _repeated(windows: list[bytes], width: int) -> set[bytes]:
    """Whole windows (not the short ends of the page) found more than once, but not so often
    that they are boilerplate (see MAX_OCCURRENCES in plugins._dup_analysis)."""
    counts = Counter(windows)
    if len(counts) == len(windows):
        return set()
    repeated = compress(counts, map(_REPEATED.__contains__, counts.values()))
    return {window for window in repeated if len(window) == width}
