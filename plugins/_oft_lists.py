"""Is a list the article's own, or appended to it?

An article's own list is announced by its text ("如下：", "the following"), bulleted or
numbered, a data sheet (``重复性误差：±2%；``), or shares the article's words. A list of other
pages' headlines, of places or of names shares almost none of them.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from plugins._line_shapes import Line, Shape, introduces
from plugins._oft_segments import Segment
from plugins._text_stats import containment

__all__ = ["own_list", "unrelated_list", "list_kind", "list_cohesion", "dated_list", "site_list"]

_MIN_PROSE_TERMS = 30  # after less prose than this, a list is the page's content
# So is a list with this many times more terms than the prose before it, if its items share
# their words as the lines of one product's data sheet do.
_CONTENT_RATIO = 3
_COHESIVE_LIST = 0.3
_HEADLINE_WORDS = 6  # list items this long on average are headlines, shorter ones names or places
# Headlines pick up a page's common words more than names do: a long list of them may share
# this much more with the article and still be unrelated to it.
_HEADLINE_FACTOR = 1.5
_LONG_LIST = 5
_MIN_DATED = 3
_DATED_WORDS = 6  # a dated headline: its words and the date (a date counts one or two words)


def own_list(lines: Sequence[Line], segment: Segment, start: int) -> bool:
    """The article's own list: announced by its text, bulleted or numbered, or a data sheet.

    Also a list after too little prose to judge it by, or a long list of items that share
    their words after a short text: then the list is the page's content.
    """
    entries = segment.entries()
    if sum(line.marked for line in entries) * 2 >= len(entries) or sum(line.data for line in entries) * 2 >= len(entries):
        return True
    previous = next((line for line in reversed(lines[: segment.first]) if line.shape is not Shape.NEUTRAL), None)
    if previous is not None and introduces(previous):
        return True
    prose = sum(len(line.terms) for line in lines[start : segment.first] if line.shape is Shape.PROSE)
    if prose < _MIN_PROSE_TERMS:
        return True
    return len(segment.terms()) > _CONTENT_RATIO * prose and list_cohesion(segment) >= _COHESIVE_LIST


def dated_list(segment: Segment) -> str | None:
    """A list of headlines that end with their dates: other pages' news, whatever its subject.

    An article's own timeline puts its dates first; a related-news box puts them last. Items
    too short to be headlines (a table of dates and numbers) do not count.
    """
    entries = segment.entries()
    dated = [line for line in entries if line.dated and not line.marked and line.words >= _DATED_WORDS]
    if len(dated) < _MIN_DATED or len(dated) * 2 < len(entries):
        return None
    return f"list of {len(entries)} dated headlines after the article"


def site_list(segment: Segment, title: Line) -> str | None:
    """A list of the site's pages with this page's own title among them ("latest posts")."""
    entries = segment.entries()
    if len(entries) < _MIN_DATED or title.words < _DATED_WORDS or all(line.text != title.text for line in entries):
        return None
    return f"list of {len(entries)} of the site's headlines, this page's title among them"


def list_cohesion(segment: Segment) -> float:
    """How much a list's items talk about the same things: the mean share of an item's terms
    found in other items. A product's spec lines share their words; other pages' headlines do not."""
    items = [set(line.terms) for line in segment.entries() if line.terms]
    if len(items) < 2:
        return 0.0
    seen: Counter = Counter()
    for terms in items:
        seen.update(terms)
    shares = [sum(1 for term in terms if seen[term] > 1) / len(terms) for terms in items]
    return sum(shares) / len(shares)


def unrelated_list(segment: Segment, article: Counter, max_shared: float) -> str | None:
    """Why a list is not about the article (it shares few of its terms), or ``None``."""
    shared = containment(segment.terms(), article)
    headlines = _mean_words(segment) >= _HEADLINE_WORDS and len(segment.entries()) >= _LONG_LIST
    if shared > max_shared * (_HEADLINE_FACTOR if headlines else 1):
        return None
    return f"{list_kind(segment)} unrelated to the article: shares {shared:.0%} of its terms with it"


def list_kind(segment: Segment) -> str:
    """"list of 12 headlines" or "list of 40 short items" (names, places)."""
    entries = segment.entries()
    if _mean_words(segment) >= _HEADLINE_WORDS:
        return f"list of {len(entries)} headlines"
    return f"list of {sum(line.items for line in entries)} short items"


def _mean_words(segment: Segment) -> float:
    entries = segment.entries()
    return sum(line.words for line in entries) / max(1, sum(line.items for line in entries))
