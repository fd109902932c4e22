"""A page: decoded text shared by every rule, with positions and a de-noised view.

"Where a page comes from" (a file, a record in a shard) is kept apart from "what a page is":
a :class:`Page` only knows its text and a display path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Iterator

__all__ = ["Page", "DenoisedView"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Characters a noise span (lint.emoji_units.iter_noise) may hold besides pictographs: the
#: invisible characters, the keycap mark, skin-tone modifiers and regional indicators (flags).
#: A page holding none of these and no pictograph has nothing to de-noise.
_NOISE_MARKS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u20e3"
_NOISE_ASTRAL = "[\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]"


class DenoisedView:
    """The page's text with injected emoji and invisible characters removed.

    ``to_original`` maps an offset in ``text`` back to the page's text, so a phrase broken by
    noise (``返回😘搜狐``) is matched here and reported where it really is. The map is kept as
    breakpoints (one per removed span), not one integer per character, so it stays small.
    """

    __slots__ = ("text", "_breaks", "_shifts")

    def __init__(self, text: str, breaks: tuple[int, ...], shifts: tuple[int, ...]) -> None:
        self.text = text
        self._breaks = breaks  # de-noised offsets where a removed span sat
        self._shifts = shifts  # characters removed up to and including that span

    def removed(self) -> Iterator[tuple[int, int]]:
        """Original ``(start, end)`` of each removed span, in order: the noise the view found, for
        a rule about the noise itself (EMJ) that would otherwise scan the page for it again."""
        before = 0
        for at, shift in zip(self._breaks, self._shifts):
            yield at + before, at + shift
            before = shift

    def to_original(self, offset: int) -> int:
        """Original offset of the de-noised character at ``offset`` (or the end)."""
        index = bisect.bisect_right(self._breaks, offset) - 1
        return offset + (self._shifts[index] if index >= 0 else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a de-noised span: starts at its first kept character, ends after its last."""
        if not self._breaks:  # nothing was removed (most pages)
            return (start, start) if end <= start else (start, end)
        if end <= start:
            origin = self.to_original(start)
            return origin, origin
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class Page:
    """One decoded page. Columns are 1-based code points; lines split on LF, CRLF or CR."""

    text: str
    path: str = "<text>"
    record_id: str | None = None
    record_index: int | None = None

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Offset where each line starts (the first is 0)."""
        if "\r" not in self.text:  # the common case, done by str.split and accumulate in C
            return tuple(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))
        starts = [0]
        starts.extend(match.end() for match in _LINE_BREAK.finditer(self.text))
        return tuple(starts)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """Each line without its line break."""
        if "\r" not in self.text:
            return tuple(self.text.split("\n"))
        return tuple(_LINE_BREAK.split(self.text))

    def line_span(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of line ``index`` (0-based), without its line break."""
        start, end = self.line_span_with_break(index)
        if self.text.endswith("\r\n", start, end):
            return start, end - 2
        if end > start and self.text[end - 1] in "\r\n":
            return start, end - 1
        return start, end

    def line_text(self, index: int) -> str:
        start, end = self.line_span(index)
        return self.text[start:end]

    def line_span_with_break(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of line ``index`` including its line break, for whole-line removal."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def line_index(self, offset: int) -> int:
        """0-based line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of an offset; ``len(text)`` is a valid position."""
        offset = max(0, min(offset, len(self.text)))
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self.line_starts[line - 1] + column - 1

    @cached_property
    def denoised(self) -> DenoisedView:
        """The de-noised view, computed once on first use (the page itself when it has no noise)."""
        if not _may_hold_noise(self.text):
            return DenoisedView(self.text, (), ())
        from lint.emoji_units import iter_noise

        pieces: list[str] = []
        breaks: list[int] = []
        shifts: list[int] = []
        kept_until = 0
        removed = 0
        for start, end in iter_noise(self.text):
            pieces.append(self.text[kept_until:start])
            breaks.append(start - removed)
            removed += end - start
            shifts.append(removed)
            kept_until = end
        pieces.append(self.text[kept_until:])
        return DenoisedView("".join(pieces), tuple(breaks), tuple(shifts))


def _may_hold_noise(text: str) -> bool:
    """False only when ``text`` has nothing the de-noised view drops: a few C-level scans,
    several times cheaper than looking for the noise itself (most pages have none)."""
    if text.isascii():
        return False
    if any(mark in text for mark in _NOISE_MARKS):
        return True
    patterns = _noise_patterns()
    return any(pattern.search(text) is not None for pattern in patterns)


def _noise_patterns() -> tuple:
    """Pictographs and the astral marks, compiled on first use (regex is not needed before)."""
    global _NOISE_PATTERNS
    if _NOISE_PATTERNS is None:
        import regex

        _NOISE_PATTERNS = (regex.compile(r"\p{Extended_Pictographic}"), regex.compile(_NOISE_ASTRAL))
    return _NOISE_PATTERNS


_NOISE_PATTERNS: tuple | None = None
