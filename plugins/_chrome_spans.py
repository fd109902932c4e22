"""Spans and lines for the CHR rules: find a match's line fast, report it at original columns.

Every CHR rule matches on the de-noised view of the page and reports, and fixes, in the original
text. These helpers are shared so that the rules split over several modules agree on what a
line is and on how a chrome span is removed.
"""

from __future__ import annotations

import bisect
from typing import Iterator

import regex

from lint.model import Fix, Violation
from lint.page import DenoisedView, Page

__all__ = ["LINE_BREAK", "SPACE", "LineIndex", "lines", "strip_span", "violation", "shown"]

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
SPACE = " \t\u3000\u00a0"
_NOT_SPACE = regex.compile(r"[^ \t\u3000\u00a0]")


def lines(text: str) -> Iterator[tuple[int, int, int]]:
    """``(index, start, end)`` of each line of the de-noised text, without its break."""
    start = 0
    index = 0
    for match in LINE_BREAK.finditer(text):
        yield index, start, match.start()
        start = match.end()
        index += 1
    yield index, start, len(text)


class LineIndex:
    """Line starts of a text, so a rule finds a match's line in log time, never by scanning."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def bounds(self, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``offset``, without its break."""
        index = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[index]
        if index + 1 == len(self.starts):
            return start, len(self.text)
        end = self.starts[index + 1] - 1  # the "\n" or lone "\r"
        if self.text[end] == "\n" and end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces at either end."""
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return start, end


def shown(text: str, limit: int = 40) -> str:
    """A span as a message shows it: cut with ``...`` when long."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def violation(page: Page, view: DenoisedView, start: int, end: int, message: str, fix_message: str) -> Violation:
    """A finding for a de-noised span; the fix removes the whole line when nothing else is on it."""
    o_start, o_end = view.span_to_original(start, end)
    index = page.line_index(o_start)
    line_start, line_end = page.line_span(index)
    alone = not _NOT_SPACE.search(page.text, line_start, o_start) and not _NOT_SPACE.search(page.text, o_end, line_end)
    if alone and len(page.line_starts) > 1:
        fix_start, fix_end = page.line_span_with_break(index)
        if fix_end == len(page.text) and index > 0 and not page.text.endswith(("\n", "\r")):
            fix_start = page.line_span(index - 1)[1]
    else:
        fix_start, fix_end = o_start, o_end
        while fix_start > line_start and page.text[fix_start - 1] in SPACE:
            fix_start -= 1
    return Violation(o_start, o_end, message, Fix.delete(fix_start, fix_end, message=fix_message))
