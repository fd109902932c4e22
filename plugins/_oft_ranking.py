"""A ranking box closing the page: other pages' headlines numbered 1, 2, 3… by popularity.

Sites show their most read pages as a ranked list, the rank set in its own element; a scraper
glues it to the headline (``1女性职场礼仪要点``). An article numbers its own steps with a mark
after the number (``1.``, ``1、``, ``(1)``), so a run of lines numbered from one with nothing
between number and text is the site's widget, on an article page and on a listing alike.
"""

from __future__ import annotations

from typing import Sequence

from plugins._lazy import lazy_regex
from plugins._line_shapes import Line, Shape

__all__ = ["ranking_tail"]

_RANK = lazy_regex(r"^(\d{1,2})(?=[^\W\d_])")  # a rank glued to a word: not ``1.``, not ``2024年``
_MIN_RANKED = 5


def ranking_tail(lines: Sequence[Line], start: int) -> int | None:
    """Position of the first line of a ranking that closes the page below ``lines[start]``, or ``None``."""
    end = len(lines)
    while end > start and lines[end - 1].shape is Shape.NEUTRAL:
        end -= 1  # the site's footer
    ranked = _rank(lines[end - 1]) if end > start else 0
    first = end - ranked
    if ranked < _MIN_RANKED or first <= start:
        return None
    if all(line.shape is Shape.ITEM and _rank(line) == rank for rank, line in enumerate(lines[first:end], 1)):
        return first
    return None


def _rank(line: Line) -> int:
    found = _RANK().match(line.text) if line.text[0].isdigit() else None
    return int(found.group(1)) if found else 0
