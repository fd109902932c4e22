"""The walk back from the end of the page that collects what was appended to the article.

Appended content sits after the article, so the walk starts at the last segment and moves
up: a block that does not belong to the article joins the tail, and the first block that
does ends the walk. Whatever comes before it, a list in the body or a digression, is the
article's. Headline lists under a "related" header are reported wherever they stand, on a
page without prose too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

from plugins._line_shapes import Line, Shape, neighbour_link
from plugins._oft_lists import dated_list, list_kind, own_list, site_list, unrelated_list
from plugins._oft_prose import Limit, headed_article, unrelated_prose, unrelated_suffix
from plugins._oft_segments import Segment, cut_segments
from plugins._oft_tally import Tally, count_terms
from plugins._records import record
from plugins._text_stats import subtract

__all__ = ["Block", "appended_blocks", "headed_lists"]

_SHORT = "short text"  # the reason of leftovers that join the block next to them


@record
class Block:
    """An appended block: positions of its first and last measured lines, and why."""

    first: int
    last: int
    reason: str


def appended_blocks(tally: Tally, start: int, options: Mapping[str, Any]) -> list[Block]:
    """The appended blocks after the article that starts at line ``start`` of the lines
    ``tally`` counts, in page order."""
    lines = tally.lines
    segments = cut_segments(lines, start, options["min-list-lines"], options["min-list-items"])
    limit = Limit.for_page(lines, options)
    blocks: list[Block] = []
    pending: list[Segment] = []  # short prose: appended only if what precedes it is
    in_tail = False  # an appended block follows the segment in hand
    before: Counter | None = None  # the terms before the segment in hand, counted once needed
    for number in range(len(segments) - 1, -1, -1):
        segment = segments[number]
        if before is not None:
            subtract(before, count_terms(segment.lines))  # zero counts stay: every measure treats them as absent
        elif segment.kind is Shape.ITEM or segment.kind is Shape.PROSE and in_tail:
            before = tally.before(segment.first)
        if segment.kind is Shape.NEUTRAL:
            continue
        if segment.kind is Shape.HEADER:
            in_tail = True  # reported wherever it stands, below
        elif segment.kind is Shape.ITEM:
            reason = _appended_list(lines, segments, number, start, before, options)
            if reason is None:
                break
            blocks.append(Block(segment.first, segment.last, reason))
            in_tail = True
        else:
            holds_article = segment.first <= start
            if not holds_article and not limit.judged(len(segment.terms())):
                pending.append(segment)
                continue
            reason = None
            if not holds_article:
                reason = (
                    unrelated_prose(segment.terms(), before, limit)
                    if in_tail
                    else _after_appended_list(tally, segments, number, start, limit, options)
                )
            if reason is not None:
                blocks.append(Block(segment.first, segment.last, reason))
                in_tail = True
            else:
                cut = None if headed_article(lines, start) else unrelated_suffix(tally, max(segment.first, start + 1), segment.last, limit)
                if cut is None:
                    break
                blocks.append(Block(cut[0], segment.last, cut[1]))
                if cut[0] > segment.first:  # the article ends inside this segment: the walk too
                    blocks.extend(_leftovers(pending))
                    break
                in_tail = True
        blocks.extend(_leftovers(pending))
        pending = []
    return _merge(blocks + headed_lists(segments))


def headed_lists(segments: Sequence[Segment]) -> list[Block]:
    """Every header ("相关阅读", "Related stories") with the headlines under it, wherever it stands."""
    return [
        Block(segment.first, segment.last, f"headline list after '{segment.lines[0].header}'")
        for segment in segments if segment.kind is Shape.HEADER
    ]


def _appended_list(
    lines: Sequence[Line], segments: Sequence[Segment], number: int, start: int, article: Counter, options: Mapping[str, Any]
) -> str | None:
    """Why a list is appended, or ``None`` for the article's own list.

    A list after a footer or chrome line (责任编辑, 上一篇, Share this) comes after the
    article's end, whatever it talks about; otherwise it must not share the article's words.
    After the links to the neighbouring articles, even a page's only content, a data sheet
    above them, has ended.
    """
    segment = segments[number]
    dated = dated_list(segment) or site_list(segment, lines[0])
    if dated is not None:
        return dated
    chrome = segments[number - 1] if number and segments[number - 1].kind is Shape.NEUTRAL else None
    ended = chrome is not None and any(neighbour_link(line) for line in chrome.lines)
    if not ended and own_list(lines, segment, start):
        return None
    if chrome is not None:
        return list_kind(segment) + " after the end of the article"
    return unrelated_list(segment, article, options["max-list-shared"])


def _after_appended_list(
    tally: Tally, segments: Sequence[Segment], number: int, start: int, limit: Limit, options: Mapping[str, Any]
) -> str | None:
    """Prose that follows an appended list is judged as if already in the tail.

    (A list of headlines, then another article: that article is compared with the page's
    article before the list, under the tail's more lenient limit.)
    """
    previous = next((segment for segment in reversed(segments[:number]) if segment.kind is not Shape.NEUTRAL), None)
    if previous is None or previous.kind is Shape.PROSE:
        return None
    article = tally.before(previous.first)
    if previous.kind is Shape.ITEM and _appended_list(tally.lines, segments, segments.index(previous), start, article, options) is None:
        return None
    return unrelated_prose(segments[number].terms(), article, limit)


def _leftovers(pending: list[Segment]) -> list[Block]:
    return [Block(segment.first, segment.last, f"{_SHORT} between appended blocks") for segment in pending]


def _merge(blocks: list[Block]) -> list[Block]:
    """Short leftovers join the block next to them, so each appended block is one finding."""
    merged: list[Block] = []
    for block in sorted(blocks, key=lambda block: block.first):
        if merged and merged[-1].last + 1 == block.first and block.reason.startswith(_SHORT):
            merged[-1] = Block(merged[-1].first, block.last, merged[-1].reason)
        elif merged and merged[-1].last + 1 == block.first and merged[-1].reason.startswith(_SHORT):
            merged[-1] = Block(merged[-1].first, block.last, block.reason)
        else:
            merged.append(block)
    return merged
