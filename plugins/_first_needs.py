"""A long alternation compiled, for the first text, of only the alternatives that text can match;
for any text that needs others, whole (compiled once, then kept).

``regex`` takes milliseconds to compile a long alternation; a one-page run (the pre-commit case)
then compiles a fraction of it, and a run over many pages compiles the whole once more, never a
pattern for every mix of alternatives. Leaving out alternatives that cannot match anywhere in
the text changes no match: an alternation tries its alternatives in order, and passes over one
that cannot match. (Unlike trying the alternatives one by one, the text is still scanned in C.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    import regex

__all__ = ["FirstNeeds"]


class FirstNeeds:
    """``build(numbers)`` is the pattern of the alternatives with those numbers (of ``count``)."""

    def __init__(self, build: Callable[[frozenset[int]], str], count: int) -> None:
        self._build = build
        self._count = count
        self._first: tuple[frozenset[int], "regex.Pattern[str]"] | None = None
        self._whole: "regex.Pattern[str] | None" = None

    def pattern(self, needed: Iterable[int]) -> "regex.Pattern[str]":
        """A pattern that holds (in their order) the alternatives ``needed``, and others only
        where they cannot match."""
        import regex

        wanted = frozenset(needed)
        if self._first is None:
            self._first = (wanted, regex.compile(self._build(wanted)))
        if wanted <= self._first[0]:
            return self._first[1]
        if self._whole is None:
            self._whole = regex.compile(self._build(frozenset(range(self._count))))
        return self._whole
