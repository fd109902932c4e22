"""The terms of a page's measured lines, counted once for every question about them.

The walk back from the page's end, the test for a digest, a lone closing headline and the
headlines spliced between paragraphs each compare lines with the terms above them or with the
whole page. Counted anew each time, a big page paid for its whole text several times over.
A tally counts the page once; the terms above a line in the page's lower half are the total
less the few lines below it.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import Sequence

from plugins._line_shapes import Line
from plugins._text_stats import subtract

__all__ = ["Tally", "count_terms"]


def count_terms(lines: Sequence[Line]) -> Counter:
    """The terms of ``lines``, counted (one pass in C over all of them)."""
    return Counter(chain.from_iterable(line.terms for line in lines))


class Tally:
    """Term counts of ``lines``: the whole and what comes before any position."""

    __slots__ = ("lines", "_total")

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self._total: Counter | None = None

    def total(self) -> Counter:
        """Every line's terms, counted. Shared by all callers: read it, never change it."""
        if self._total is None:
            self._total = count_terms(self.lines)
        return self._total

    def before(self, position: int) -> Counter:
        """The terms of the lines before ``position``, counted, for the caller to change at will.

        In the page's lower half, from the total: terms found only below stay with a count of 0,
        which every measure treats as absent (as ``Counter`` arithmetic does).
        """
        if position * 2 < len(self.lines):
            return count_terms(self.lines[:position])
        counts = self.total().copy()
        subtract(counts, count_terms(self.lines[position:]))
        return counts
