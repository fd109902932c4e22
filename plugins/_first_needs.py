"""A long alternation compiled, for the first text, of only the alternatives that text can match;
for any text that needs others, whole (compiled once, then kept).

``regex`` takes milliseconds to compile a long alternation; a one-page run (the pre-commit case)
then compiles a fraction of it, and a run over many pages compiles the whole once more, never a
pattern for every mix of alternatives. Leaving out alternatives that cannot match anywhere in
the text changes no match: an alternation tries its alternatives in order, and passes over one
that cannot match. (Unlike trying the alternatives one by one, the text is still scanned in C.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Union

if TYPE_CHECKING:
    import re

    import regex

    Pattern = Union[regex.Pattern[str], re.Pattern[str]]

__all__ = ["FirstNeeds", "SMALL"]

#: Texts up to this many characters ask what they need. A longer one gets the whole alternation:
#: its compiling is little beside the text's own scan, and finding what it needs is not.
SMALL = 100_000


class FirstNeeds:
    """``build(numbers)`` is the pattern of the alternatives with those numbers (of ``count``);
    ``plain`` are those that the standard ``re`` matches as ``regex`` does (the pattern's flags
    too): a first text that needs only them gets them compiled by ``re``, several times faster."""

    def __init__(self, build: Callable[[frozenset[int]], str], count: int, plain: frozenset[int] = frozenset()) -> None:
        self._build = build
        self._count = count
        self._plain = plain
        self._first: tuple[frozenset[int], "Pattern"] | None = None
        self._whole: "regex.Pattern[str] | None" = None

    def pattern(self, needed: Callable[[], Iterable[int]], size: int) -> "Pattern":
        """A pattern that holds (in their order) the alternatives ``needed()`` names, and others
        only where they cannot match; ``needed`` is asked only until the whole is compiled, and
        not for a text of ``size`` above :data:`SMALL`."""
        import regex

        if self._whole is None:
            wanted = frozenset(needed()) if size <= SMALL else frozenset()
            if wanted and self._first is None:
                if wanted <= self._plain:
                    import re

                    self._first = (wanted, re.compile(self._build(wanted)))
                else:
                    self._first = (wanted, regex.compile(self._build(wanted)))
            if wanted and self._first is not None and wanted <= self._first[0]:
                return self._first[1]
            self._whole = regex.compile(self._build(frozenset(range(self._count))))
        return self._whole
