"""Patterns compiled on first use.

Importing a plugin then costs neither ``import regex`` nor its compilations (a few ms each for
the long ones), and a page that a cheaper test already ruled out never needs them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import regex

__all__ = ["lazy_regex"]


def lazy_regex(pattern: str) -> Callable[[], "regex.Pattern[str]"]:
    """A function that compiles ``pattern`` with ``regex`` once, on its first call.

    Flags go inline in the pattern (``(?V1m)``): the flag constants would need ``regex`` loaded.
    """

    @functools.cache
    def compiled() -> "regex.Pattern[str]":
        import regex

        return regex.compile(pattern)

    return compiled
