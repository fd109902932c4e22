"""Where a page's article sits: a header before it, a body, and a tail after it.

User rules scope themselves to one region (a site's "back to home page" link only counts in the
tail). The body runs from the first prose line to the last one; a prose line is long and has
sentence punctuation. A page with no prose line is all body.
"""

from __future__ import annotations

import regex

from lint.page import Page

__all__ = ["REGIONS", "region_bounds", "is_prose_line"]

REGIONS = ("page", "header", "body", "tail")
PROSE_MIN_CHARS = 40
_SENTENCE_PUNCTUATION = regex.compile(r"[。！？；，.!?;,]")


def is_prose_line(line: str) -> bool:
    """A line that reads like article text rather than a heading, a link or a list item."""
    stripped = line.strip()
    return len(stripped) >= PROSE_MIN_CHARS and _SENTENCE_PUNCTUATION.search(stripped) is not None


def region_bounds(page: Page, region: str) -> tuple[int, int]:
    """``(start, end)`` offsets of a region of the page."""
    if region == "page":
        return 0, len(page.text)
    cached = page.__dict__.get("_prose_bounds")
    if cached is None:
        prose = [index for index, line in enumerate(page.lines) if is_prose_line(line)]
        if prose:
            cached = (page.line_starts[prose[0]], page.line_span_with_break(prose[-1])[1])
        else:
            cached = (0, len(page.text))
        page.__dict__["_prose_bounds"] = cached
    body_start, body_end = cached
    if region == "header":
        return 0, body_start
    if region == "body":
        return body_start, body_end
    return body_end, len(page.text)
