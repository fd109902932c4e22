"""Spans for the CHR rules: report a de-noised span at original columns.

Every CHR rule matches on the de-noised view of the page and reports, and fixes, in the original
text. These helpers are shared so that the rules split over several modules agree on how a
chrome span is trimmed, reported and removed.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from lint.model import Fix, Violation
from lint.page import DenoisedView, Page
from plugins._lazy import lazy_regex

__all__ = ["LINE_BREAK", "SPACE", "strip_span", "violation", "report", "shown"]

SPACE = " \t\u3000\u00a0"
LINE_BREAK = lazy_regex(r"\r\n|\r|\n")
_NOT_SPACE = lazy_regex(r"[^ \t\u3000\u00a0]")


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


def report(
    page: Page,
    view: DenoisedView,
    spans: Iterable[tuple[int, int, str]],
    message: Callable[[str, str], str],
    fix_message: str,
) -> Iterator[Violation]:
    """Findings for ``(start, end, kind)`` spans of the de-noised text, trimmed, in order, each
    place once: a span that overlaps one already reported is dropped. ``message(kind, span)``."""
    text = view.text
    last_end = -1
    for start, end, kind in sorted((*strip_span(text, start, end), kind) for start, end, kind in spans):
        if start < last_end or end <= start:
            continue
        last_end = end
        yield violation(page, view, start, end, message(kind, text[start:end]), fix_message)


def violation(page: Page, view: DenoisedView, start: int, end: int, message: str, fix_message: str) -> Violation:
    """A finding for a de-noised span; the fix removes the whole line when nothing else is on it."""
    o_start, o_end = view.span_to_original(start, end)
    index = page.line_index(o_start)
    line_start, line_end = page.line_span(index)
    alone = not _NOT_SPACE().search(page.text, line_start, o_start) and not _NOT_SPACE().search(page.text, o_end, line_end)
    if alone and len(page.line_starts) > 1:
        fix_start, fix_end = page.line_span_with_break(index)
        if fix_end == len(page.text) and index > 0 and not page.text.endswith(("\n", "\r")):
            fix_start = page.line_span(index - 1)[1]
    else:
        fix_start, fix_end = o_start, o_end
        while fix_start > line_start and page.text[fix_start - 1] in SPACE:
            fix_start -= 1
    return Violation(o_start, o_end, message, Fix.delete(fix_start, fix_end, message=fix_message))
