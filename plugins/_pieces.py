"""A long text worked a piece of some 64 KB at a time.

``ahocorasick_rs`` and ``str.replace`` cost several times more per MB on a text of megabytes
than on pieces of it (all the text goes through memory at each call; for the automaton,
measured: 0.0065 against 0.0010 s/MB). So long texts are scanned piece by piece: either cut
just after a mark (a line break, a sentence end) that nothing searched for holds, as here, so
that every match stays whole with no overlap; or, for words that may stand anywhere, with each
piece reaching a word's length into the next (:func:`plugins._automata.occurrences`).
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

__all__ = ["PIECE", "pieces"]

PIECE = 1 << 16


def pieces(text: str, cut: Callable[[], re.Pattern[str]]) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` for consecutive pieces of ``text``, each of :data:`PIECE` characters
    and then up to and including the next match of ``cut()`` (or to the end). A text of one
    piece (most pages) is not searched, and does not compile ``cut()``."""
    start = 0
    while start < len(text):
        if start + PIECE >= len(text):
            yield start, text[start:]
            return
        mark = cut().search(text, start + PIECE)
        end = mark.end() if mark else len(text)
        yield start, text[start:end]
        start = end
