"""Every occurrence of a set of words in a page, found with an Aho-Corasick automaton; and, for
a few strings, whether a text holds any of them at all.

A long text is scanned piece by piece (see :mod:`plugins._pieces`), each piece reaching a
word's length into the next so that no occurrence is cut in two.
"""

from __future__ import annotations

from typing import Any, Iterable

from plugins._pieces import PIECE

__all__ = ["holds_any", "occurrences"]


def holds_any(text: str, strings: Iterable[str]) -> bool:
    """Whether any of ``strings`` occurs in ``text``: each test in C, no generator frame per text
    (the gate a pattern or an automaton is spared behind)."""
    return any(map(text.__contains__, strings))


def occurrences(automaton: Any, text: str, longest: int) -> list[tuple[int, int, int]]:
    """``(word index, start, end)`` of every occurrence, overlapping ones too, ordered by start.

    ``automaton`` is an ``ahocorasick_rs.AhoCorasick`` with the standard match kind; ``longest``
    is the length of its longest word.
    """
    if len(text) <= PIECE + longest:
        found = automaton.find_matches_as_indexes(text, overlapping=True)
    else:
        found = [
            (index, offset + start, offset + end)
            for offset in range(0, len(text), PIECE)
            for index, start, end in automaton.find_matches_as_indexes(text[offset : offset + PIECE + longest - 1], overlapping=True)
            if start < PIECE
        ]
    found.sort(key=lambda occurrence: occurrence[1])
    return found
