"""plugins._digits: a character regex's \\d matches is never ruled out."""

from __future__ import annotations

import regex

from plugins._digits import may_be_digit


def test_every_character_regex_calls_a_digit_may_be_one_and_letters_are_not():
    digit = regex.compile(r"(?V1)\d")
    assert [hex(point) for point in range(0x110000) if digit.match(chr(point)) and not may_be_digit(chr(point))] == []
    assert not any(map(may_be_digit, "aZ中，: \u3000")) and not may_be_digit("")
