"""Headlines interleaved with the text: generated pages that splice other pages' headlines in.

Content farms build pages from sentences of several sources and put unrelated news headlines
between the paragraphs. Such a headline stands alone between prose lines like a section
heading, but a heading announces what its section talks about, so it shares words with the
page, while a spliced headline shares almost none. One such line could be a heading with a
turn of phrase of its own; a page where most lone headlines are unrelated is generated, and
there a short headline that shares a word or two with the page's salad is spliced as well.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from plugins._line_shapes import Line, Shape
from plugins._oft_tally import Tally
from plugins._text_stats import unrelated_line

__all__ = ["interleaved_headlines"]

_MIN_WORDS = 4.0  # shorter lines are names and keywords, not headlines
_MIN_SPLICED = 3
_MAX_RUN = 2  # headlines in a row between paragraphs; more make a list
_PARAGRAPH_WORDS = 12.0
_GENERATED = 2.0  # on a page shown to be generated, a lone headline may share this many times as much  # a paragraph, not a sentence on a line of its own


def interleaved_headlines(tally: Tally, max_shared: float) -> list[int]:
    """Positions of the unrelated lone headlines below the page's title, or none.

    The title is the first line of a headline's length: a shorter one above it is a site's
    name or a keyword.

    ``max_shared`` is the list limit of shared terms (see ``unrelated_line``); ``tally`` counts
    the terms of the measured lines judged.
    """
    lines = tally.lines
    title = next(
        (number for number, line in enumerate(lines) if line.shape is not Shape.NEUTRAL and line.words >= _MIN_WORDS), len(lines)
    )
    lone = _lone_headlines(lines, title)
    if len(lone) < _MIN_SPLICED:
        return []
    page = tally.total()
    spliced = [
        number for number in lone if unrelated_line(lines[number].terms, _elsewhere(page, lines[number].terms), max_shared)
    ]
    if len(spliced) < _MIN_SPLICED or len(spliced) * 2 <= len(lone):
        return []
    return [
        number for number in lone
        if number in spliced or unrelated_line(lines[number].terms, _elsewhere(page, lines[number].terms), _GENERATED * max_shared)
    ]


def _elsewhere(page: Counter, terms: Sequence[str]) -> dict[str, int]:
    """How often each of a line's terms occurs on the page outside the line."""
    own = Counter(terms)
    return {term: page[term] - count for term, count in own.items()}


def _lone_headlines(lines: Sequence[Line], title: int) -> list[int]:
    """Headlines that stand between two paragraphs (or the title, or the page's end), one or
    two at a time, perhaps with a keyword or two beside them. More make a list, judged
    elsewhere; a text broken into short lines for phones has no paragraphs between them."""
    found: list[int] = []
    number = title + 1
    while number < len(lines):
        if _paragraph(lines[number]):
            number += 1
            continue
        end = number
        while end < len(lines) and not _paragraph(lines[end]):
            end += 1
        headlines = [near for near in range(number, end) if _headline(lines[near])]
        if len(headlines) <= _MAX_RUN and all(near in headlines or _keyword(lines[near]) for near in range(number, end)):
            found += headlines
        number = end
    return found


def _paragraph(line: Line) -> bool:
    return line.shape is Shape.PROSE and line.words >= _PARAGRAPH_WORDS


def _keyword(line: Line) -> bool:
    """A word or two on a line of its own, spliced in as well (``袋鼠皮革``)."""
    return line.shape is Shape.ITEM and line.words < _MIN_WORDS


def _headline(line: Line) -> bool:
    return (
        line.shape is Shape.ITEM and line.words >= _MIN_WORDS
        and not (line.marked or line.data or line.announces or line.dated)
    )
