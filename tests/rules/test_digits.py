"""plugins._digits: a character regex's \\d matches is never ruled out."""

from __future__ import annotations

import regex

from plugins._digits import may_be_digit, may_hold_digit


def test_every_character_regex_calls_a_digit_may_be_one_and_letters_are_not():
    digit = regex.compile(r"(?V1)\d")
    assert [hex(point) for point in range(0x110000) if digit.match(chr(point)) and not may_be_digit(chr(point))] == []
    assert not any(map(may_be_digit, "aZ中，: \u3000")) and not may_be_digit("")


def test_a_text_holding_a_character_regex_calls_a_digit_may_hold_one_and_letters_do_not():
    digits = regex.findall(r"(?V1)\d", "".join(map(chr, range(0x110000))))
    assert [hex(ord(digit)) for digit in digits if not may_hold_digit(f"abc{digit}中")] == []
    assert not may_hold_digit("Souness lines up Owen, 中文，: \u3000") and not may_hold_digit("")
