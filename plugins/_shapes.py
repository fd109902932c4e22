"""One long alternation written as its alternatives ("shapes"), each compiled apart, on the
first try at a place where one of the words it starts with stands.

``regex`` takes milliseconds to compile a long alternation, most of a one-page run's cost for a
rule whose page holds one or two of its shapes. Each shape here starts with one of its words (a
shape that can start anywhere else does not belong here), so trying the shapes in their order
at a place gives what the alternation matches there, and a page compiles only the shapes whose
words it holds.

A shape alone may make ``regex`` look ahead for a literal it must hold (a closing ``;``) from
every place it is tried, to the end of the text, where the alternation did not: only split an
alternation whose shapes, tried from every place of a long page without that literal, stay
linear (see tests/rules/test_shapes.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from plugins._lazy import lazy_regex
from plugins._records import record

if TYPE_CHECKING:
    import regex

__all__ = ["Shape", "Shapes", "shape"]


@record
class Shape:
    """A shape: the words it starts with, and its pattern (compiled on first use)."""

    starts: tuple[str, ...]
    pattern: Callable[[], "regex.Pattern[str]"]


def shape(pattern: str, *starts: str) -> Shape:
    return Shape(starts, lazy_regex(pattern))


class Shapes:
    """The alternation of ``shapes``, in their order."""

    def __init__(self, *shapes: Shape) -> None:
        self.shapes = shapes
        #: the shapes that may start with each first letter, in their order
        self._by_first: dict[str, tuple[Shape, ...]] = {}
        for each in shapes:
            for first in sorted({word[0] for word in each.starts}):
                self._by_first[first] = (*self._by_first.get(first, ()), each)

    def match_at(self, text: str, start: int) -> tuple[Shape, "regex.Match[str]"] | None:
        """The first shape that matches at ``start``, with its match: what the alternation would
        match there."""
        for each in self._by_first.get(text[start : start + 1], ()):
            if text.startswith(each.starts, start):
                match = each.pattern().match(text, start)
                if match:
                    return each, match
        return None
