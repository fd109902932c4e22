"""Cut the page, from the article's first paragraph on, into segments of one shape each.

A segment is a header with the headlines under it, a list (three or more item lines, or an
enumeration of many items), a footer or chrome line, or prose (with any item lines too few to
make a list). The OFT rule then judges segments, not lines.
"""

from __future__ import annotations

from itertools import chain
from typing import Sequence

from plugins._line_shapes import Line, Shape

__all__ = ["Segment", "cut_segments"]

_LISTED = (Shape.ITEM, Shape.NUMBER)


class Segment:
    """Consecutive measured lines of one kind: HEADER, ITEM (a list), PROSE or NEUTRAL."""

    __slots__ = ("kind", "first", "lines")

    def __init__(self, kind: Shape, first: int, lines: list[Line] | None = None) -> None:
        self.kind = kind
        self.first = first  # position of its first line among the measured lines
        self.lines = [] if lines is None else lines

    @property
    def last(self) -> int:
        return self.first + len(self.lines) - 1

    def terms(self) -> list[str]:
        return list(chain.from_iterable(line.terms for line in self.lines))

    def entries(self) -> list[Line]:
        """The item lines of a list or header block (not its count lines)."""
        return [line for line in self.lines if line.shape is Shape.ITEM]


def cut_segments(lines: Sequence[Line], start: int, min_list_lines: int, min_list_items: int) -> list[Segment]:
    """Segments covering ``lines[start:]`` in order, each line in exactly one."""
    segments: list[Segment] = []
    number = start
    while number < len(lines):
        line = lines[number]
        if line.shape is Shape.HEADER:
            block = Segment(Shape.HEADER, number, [line])
            number += 1
            while number < len(lines) and lines[number].shape in _LISTED and not _field(lines[number]):
                block.lines.append(lines[number])
                number += 1
            if len(block.lines) == 1 and not line.items:
                block.kind = Shape.NEUTRAL  # a header with nothing under it
            segments.append(block)
        elif line.shape in _LISTED:
            run = Segment(Shape.ITEM, number)
            while number < len(lines) and lines[number].shape in _LISTED:
                run.lines.append(lines[number])
                number += 1
            item_lines = len(run.entries())
            items = sum(item.items for item in run.entries())
            if item_lines >= min_list_lines or (item_lines and items >= min_list_items):
                segments.append(run)
            else:
                _add_prose(segments, run)
        else:
            if line.shape is Shape.NEUTRAL:
                segments.append(Segment(Shape.NEUTRAL, number, [line]))
            else:
                _add_prose(segments, Segment(Shape.PROSE, number, [line]))
            number += 1
    return segments


def _field(line: Line) -> bool:
    """A field of the page's own data sheet (``内胆材质：铝合金``): no headline of another page."""
    return line.shape is Shape.ITEM and line.data


def _add_prose(segments: list[Segment], run: Segment) -> None:
    """Prose, and item lines too few to make a list, join the prose segment before them."""
    if segments and segments[-1].kind is Shape.PROSE:
        segments[-1].lines.extend(run.lines)
    else:
        segments.append(Segment(Shape.PROSE, run.first, list(run.lines)))
