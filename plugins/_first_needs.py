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

__all__ = ["FirstNeeds", "SMALL"]

#: Texts up to this many characters ask what they need. A longer one gets the whole alternation:
#: its compiling is little beside the text's own scan, and finding what it needs is not.
SMALL = 100_000


class FirstNeeds:
    """``build(numbers)`` is the pattern of the alternatives with those numbers (of ``count``)."""

    def __init__(self, build: Callable[[frozenset[int]], str], count: int) -> None:
        self._build = build
        self._count = count
        self._first: tuple[frozenset[int], "regex.Pattern[str]"] | None = None
        self._whole: "regex.Pattern[str] | None" = None

    def pattern(self, needed: Callable[[], Iterable[int]], size: int) -> "regex.Pattern[str]":
        """A pattern that holds (in their order) the alternatives ``needed()`` names, and others
        only where they cannot match; ``needed`` is asked only until the whole is compiled, and
        not for a text of ``size`` above :data:`SMALL`."""
        import regex

        if self._whole is None:
            wanted = frozenset(needed()) if size <= SMALL else frozenset()
            if wanted and self._first is None:
                self._first = (wanted, regex.compile(self._build(wanted)))
            if wanted and self._first is not None and wanted <= self._first[0]:
                return self._first[1]
            self._whole = regex.compile(self._build(frozenset(range(self._count))))
        return self._whole
