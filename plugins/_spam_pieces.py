"""A long text cut into pieces of some 64 KB at marks that nothing searched for crosses.

``str.replace`` and ``ahocorasick_rs`` cost several times more per MB on a text of megabytes
than on pieces of it (all the text goes through memory at each call), so the SPM rules work a
piece at a time; cutting just after a mark (a line break, a sentence end) that no phrase they
look for holds keeps every phrase whole, with no overlap between pieces.
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["pieces"]

_PIECE = 1 << 16


def pieces(text: str, cut: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` for consecutive pieces of ``text``, each of ``_PIECE`` characters and
    then up to and including the next match of ``cut`` (or to the end)."""
    start = 0
    while start < len(text):
        mark = cut.search(text, start + _PIECE)
        end = mark.end() if mark else len(text)
        yield start, text[start:end]
        start = end
