"""Patterns compiled on first use.

Importing a plugin then costs neither ``import regex`` nor its compilations (a few ms each for
the long ones), and a page that a cheaper test already ruled out never needs them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable, Union

if TYPE_CHECKING:
    import re

    import regex

__all__ = ["lazy_regex", "lazy_re", "RegexFirst"]

#: A pattern's text, or a function that builds it (called on first use, too).
Source = Union[str, Callable[[], str]]


def lazy_regex(pattern: Source, flags: int = 0) -> Callable[[], "regex.Pattern[str]"]:
    """A function that compiles ``pattern`` with ``regex`` once, on its first call.

    Flags may go inline in the pattern (``(?V1m)``), so that a module needs no ``regex`` loaded
    to name them.
    """

    @functools.cache
    def compiled() -> "regex.Pattern[str]":
        import regex

        return regex.compile(pattern() if callable(pattern) else pattern, flags)

    return compiled


def lazy_re(pattern: Source, flags: int = 0) -> Callable[[], "re.Pattern[str]"]:
    """:func:`lazy_regex` with the standard ``re``, which compiles several times faster, for
    patterns that need nothing of ``regex`` (no ``\\p{..}``, no set operations)."""

    @functools.cache
    def compiled() -> "re.Pattern[str]":
        import re

        return re.compile(pattern() if callable(pattern) else pattern, flags)

    return compiled


class RegexFirst:
    """A character class of many ranges, scanned with ``regex`` for the first ``limit`` characters
    a process scans, then with ``re``.

    ``re`` compiles ranges beyond Latin-1 a code point at a time (ms), then scans several times
    faster; ``regex`` compiles them at once. A run over one page (the pre-commit case) compiles
    no ``re`` scan, a run over many pays the ``regex`` compile once more. The same class in both:
    the same matches.
    """

    def __init__(self, pattern: str, limit: int) -> None:
        self.by_regex = lazy_regex(pattern)
        self.by_re = lazy_re(pattern)
        self._limit = limit
        self._scanned = 0

    def __call__(self, size: int) -> "regex.Pattern[str] | re.Pattern[str]":
        """The pattern to scan ``size`` more characters with."""
        if self._scanned < self._limit:
            self._scanned += size
            return self.by_regex()
        return self.by_re()
