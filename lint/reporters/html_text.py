"""A page's text as HTML with every finding's span highlighted, for the HTML report.

The text inside the ``<pre>`` is exactly the page's text (line numbers are CSS pseudo-elements,
carriage returns are written as ``&#13;`` so the parser keeps them), so the browser's DOM can
be checked against the findings. Spans may overlap: the text is cut into segments at every
span edge and line start, and each segment is one ``<mark>`` listing, in ``data-f``, every
finding that covers it; the segments of finding ``j`` joined together are its flagged text.
For large files only windows of context around the findings are shown.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from html import escape
from typing import Sequence

from lint.model import Finding
from lint.page import Page

__all__ = ["Span", "spans_for", "render_text", "visible_ranges"]

CONTEXT_LINES = 3  # lines shown above and below a finding in a large file
CONTEXT_CHARS = 300  # at most this many code points on either side of a span
LONG_SPAN = 3000  # spans longer than this show only their head and tail in a large file


@dataclass(frozen=True, slots=True)
class Span:
    """Finding ``index`` (its number in the file) at offsets ``start``..``end`` of the text."""

    index: int
    start: int
    end: int
    finding: Finding


def spans_for(page: Page, findings: Sequence[Finding]) -> list[Span]:
    """Offsets from each finding's line and column, the positions every format reports."""
    spans = []
    limit = len(page.text)
    for index, finding in enumerate(findings):
        start = _offset(page, finding.line, finding.column, limit)
        end = max(start, _offset(page, finding.end_line, finding.end_column, limit))
        spans.append(Span(index, start, end, finding))
    return spans


def _offset(page: Page, line: int, column: int, limit: int) -> int:
    starts = page.line_starts
    base = starts[min(max(line, 1), len(starts)) - 1]
    return min(base + max(column, 1) - 1, limit)


def visible_ranges(page: Page, spans: Sequence[Span], whole: bool) -> list[tuple[int, int]]:
    """Parts of the text to show: all of it, or merged windows of context around the spans."""
    length = len(page.text)
    if whole:
        return [(0, length)]
    last_line = len(page.line_starts) - 1
    windows: list[tuple[int, int]] = []
    for span in spans:
        first = page.line_index(span.start)
        final = page.line_index(span.end)
        low = max(page.line_starts[max(0, first - CONTEXT_LINES)], span.start - CONTEXT_CHARS)
        high = min(page.line_span_with_break(min(last_line, final + CONTEXT_LINES))[1], span.end + CONTEXT_CHARS)
        if span.end - span.start > LONG_SPAN:
            half = LONG_SPAN // 2
            windows += [(low, span.start + half), (span.end - half, high)]
        else:
            windows.append((low, max(high, span.end)))
    windows.sort()
    merged: list[tuple[int, int]] = []
    for low, high in windows:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, min(high, length)))
    return merged


def _text(fragment: str) -> str:
    return escape(fragment, quote=False).replace("\r", "&#13;")


def _title(span: Span) -> str:
    finding = span.finding
    return f"{finding.code} {finding.message} ({finding.line}:{finding.column})"


class _Writer:
    """Builds the ``<pre>`` body: line spans, anchors and marks, in document order."""

    def __init__(self, page: Page, file_id: str) -> None:
        self.page = page
        self.file_id = file_id
        self.parts: list[str] = []
        self.line_open = False

    def open_line(self, offset: int) -> None:
        self.close_line()
        number = self.page.line_index(offset) + 1
        cut = offset != self.page.line_starts[number - 1]
        self.parts.append(f'<span class="line" data-n="{number}">')
        if cut:
            self.parts.append('<span class="cut" aria-hidden="true"></span>')
        self.line_open = True

    def close_line(self, cut: bool = False) -> None:
        if self.line_open:
            if cut:
                self.parts.append('<span class="cut" aria-hidden="true"></span>')
            self.parts.append("</span>")
            self.line_open = False

    def gap(self, hidden_from: int, hidden_to: int) -> None:
        lines = self.page.line_index(hidden_to) - self.page.line_index(hidden_from)
        what = f"{lines} line{'s' if lines != 1 else ''}" if lines else f"{hidden_to - hidden_from} characters"
        self.parts.append(f'<span class="gap" data-hidden="{hidden_to - hidden_from}">{what} not shown</span>')

    def anchor(self, span: Span) -> None:
        self.parts.append(f'<a class="anchor" id="{self.file_id}-{span.index}"></a>')

    def mark(self, covering: Sequence[Span], fragment: str) -> None:
        if not covering:
            self.parts.append(_text(fragment))
            return
        inner = min(covering, key=lambda span: (span.end - span.start, span.index))
        ids = " ".join(str(span.index) for span in covering)
        title = escape("\n".join(_title(span) for span in covering), quote=True)
        css = f"hl fam-{inner.finding.family}" + (" zero" if not fragment else "")
        self.parts.append(f'<mark class="{css}" data-f="{ids}" title="{title}">{_text(fragment)}</mark>')


def render_text(page: Page, spans: Sequence[Span], ranges: Sequence[tuple[int, int]], file_id: str) -> str:
    """The ``<pre>`` element for ``ranges`` of the page, with highlights and ``file_id-N`` anchors."""
    text = page.text
    starts_at: dict[int, list[Span]] = {}
    ends_at: dict[int, list[Span]] = {}
    for span in spans:
        starts_at.setdefault(span.start, []).append(span)
        if span.end > span.start:
            ends_at.setdefault(span.end, []).append(span)
    line_points: set[int] = set()
    for low, high in ranges:
        index = bisect.bisect_left(page.line_starts, low)
        while index < len(page.line_starts) and page.line_starts[index] < high:
            line_points.add(page.line_starts[index])
            index += 1
    range_points = {point for window in ranges for point in window}
    points = sorted(set(starts_at) | set(ends_at) | line_points | range_points)
    writer = _Writer(page, file_id)
    active: dict[int, Span] = {}
    window = 0
    previous_end = 0
    for position, point in enumerate(points):
        for span in ends_at.get(point, ()):
            active.pop(span.index, None)
        opening = starts_at.get(point, ())
        while window < len(ranges) and point >= ranges[window][1] and not point == ranges[window][1] == len(text):
            previous_end = ranges[window][1]
            writer.close_line(cut=previous_end > 0 and text[previous_end - 1] not in "\r\n")
            window += 1
        inside = window < len(ranges) and ranges[window][0] <= point
        if inside and point == ranges[window][0]:
            if point > previous_end:
                writer.close_line()
                writer.gap(previous_end, point)
            writer.open_line(point)
        elif inside and point in line_points:
            writer.open_line(point)
        for span in opening:
            if inside:
                writer.anchor(span)
                if span.end == span.start:
                    writer.mark([span], "")
            if span.end > span.start:
                active[span.index] = span
        if inside and position + 1 < len(points):
            following = points[position + 1]
            covering = sorted(active.values(), key=lambda span: span.index)
            writer.mark(covering, text[point:following])
    writer.close_line()
    if ranges and ranges[-1][1] < len(text):
        writer.gap(ranges[-1][1], len(text))
    return '<pre class="page">' + "".join(writer.parts) + "</pre>"
