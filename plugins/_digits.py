"""What ``regex``'s ``\\d`` may match, told without compiling a pattern.

``regex`` follows a newer Unicode than ``unicodedata``: its ``\\d`` is every decimal digit
Python knows (``str.isdecimal``) and the digits of scripts added since, which Python holds
unassigned. A test that must never miss a digit (to skip a pattern that needs one) asks this.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["may_be_digit", "may_hold_digit"]


def may_be_digit(char: str) -> bool:
    """``char`` (one character, or '' for none) may be what ``\\d`` matches."""
    return char.isdecimal() or (char != "" and not char.isascii() and unicodedata.category(char) == "Cn")


@functools.cache
def _digit_or_beyond_bmp() -> re.Pattern[str]:
    return re.compile(r"[\d\U00010000-\U0010ffff]")


def may_hold_digit(text: str) -> bool:
    """``text`` may hold what ``\\d`` matches: a digit Python knows, or a character beyond the
    BMP (where every script with digits Python does not know yet is), found in one scan in C."""
    return _digit_or_beyond_bmp().search(text) is not None
