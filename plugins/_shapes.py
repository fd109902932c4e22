"""One long alternation written as its alternatives ("shapes"), each compiled apart, on the
first try at a place where one of the words it starts with stands.

``regex`` takes milliseconds to compile a long alternation, most of a one-page run's cost for a
rule whose page holds one or two of its shapes. Each shape here starts with one of its words (a
shape that can start anywhere else does not belong here), so trying the shapes in their order
at the places where their words stand gives the alternation's matches, and a page compiles only
the shapes whose words it holds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from plugins._lazy import lazy_re, lazy_regex

if TYPE_CHECKING:
    import regex

__all__ = ["Shape", "Shapes", "shape"]


class Shape(NamedTuple):
    """A shape: the words it starts with, its pattern (compiled on first use) and a name."""

    starts: tuple[str, ...]
    pattern: Callable[[], "regex.Pattern[str]"]
    name: str


def shape(pattern: str, *starts: str, flags: int = 0, name: str = "") -> Shape:
    return Shape(starts, lazy_regex(pattern, flags), name)


class Shapes:
    """The alternation of ``shapes``, in their order."""

    def __init__(self, *shapes: Shape) -> None:
        self.shapes = shapes
        #: the shapes that may start with each first letter, in their order
        self._by_first: dict[str, tuple[Shape, ...]] = {}
        for each in shapes:
            for first in sorted({word[0] for word in each.starts}):
                self._by_first[first] = (*self._by_first.get(first, ()), each)
        # where a match may start: where one of the words starts, found in C (cheap to compile
        # with ``re``)
        words = sorted({word for each in shapes for word in each.starts}, key=len, reverse=True)
        self._places = lazy_re("(?=" + "|".join(map(re.escape, words)) + ")")

    def match_at(self, text: str, start: int, end: int | None = None) -> tuple[Shape, "regex.Match[str]"] | None:
        """The first shape that matches at ``start`` (up to ``end``), with its match: what the
        alternation would match there."""
        stop = len(text) if end is None else end
        for each in self._by_first.get(text[start : start + 1], ()):
            if text.startswith(each.starts, start):
                match = each.pattern().match(text, start, stop)
                if match:
                    return each, match
        return None

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[Shape, "regex.Match[str]"]]:
        """The alternation's matches between ``start`` and ``end``, as its ``finditer`` finds
        them (left to right, not overlapping; no shape matches empty)."""
        resume = start
        for first in self._places().finditer(text, start, end):
            place = first.start()
            if place >= resume:
                found = self.match_at(text, place, end)
                if found is not None:
                    yield found
                    resume = found[1].end()
