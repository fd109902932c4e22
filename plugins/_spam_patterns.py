"""Patterns of the SPM modules, compiled on first use rather than at import: loading the family
then costs a few milliseconds, and most pages never need most patterns."""

from __future__ import annotations

import functools
import re
from typing import Callable

import regex

__all__ = ["lazy", "lazy_re"]


def lazy(pattern: str | bytes | Callable[[], str], flags: int = 0, module=regex) -> Callable[[], "regex.Pattern[str]"]:
    """A function that compiles ``pattern`` (or what it returns) with ``module`` on its first
    call and gives the same pattern on every call after."""
    return functools.cache(lambda: module.compile(pattern() if callable(pattern) else pattern, flags))


def lazy_re(pattern: str | bytes | Callable[[], str], flags: int = 0) -> Callable[[], "re.Pattern[str]"]:
    """:func:`lazy` with ``re``, which compiles faster, for patterns that need nothing of ``regex``."""
    return lazy(pattern, flags, re)
