"""What ``regex``'s ``\\d`` may match, told without compiling a pattern.

``regex`` follows a newer Unicode than ``unicodedata``: its ``\\d`` is every decimal digit
Python knows (``str.isdecimal``) and the digits of scripts added since, which Python holds
unassigned. A test that must never miss a digit (to skip a pattern that needs one) asks this.
"""

from __future__ import annotations

import unicodedata

__all__ = ["may_be_digit"]


def may_be_digit(char: str) -> bool:
    """``char`` (one character, or '' for none) may be what ``\\d`` matches."""
    return char.isdecimal() or (char != "" and not char.isascii() and unicodedata.category(char) == "Cn")
