"""Small rules of our own, so fixer tests do not depend on how the built-in rules decide.

Used two ways: imported directly (``load_plugins(extra=...)`` and ``ActiveRule``) by the unit
tests, and installed on ``PYTHONPATH`` with an entry point by the CLI tests.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from lint import hookimpl
from lint.emoji_units import iter_emoji
from lint.model import Edit, Family, Fix, Rule, Violation
from lint.page import Page

PHRASES = ("【广告】", "[ad]")
TAIL_HEADINGS = ("相关阅读", "Related stories")
_NUMBER_LINE = regex.compile(r"^[0-9]+$")


def _every_emoji(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    for start, end, unit in iter_emoji(page.text):
        yield Violation(start, end, f"emoji {unit!r}", Fix.delete(start, end, message="remove the emoji"))


def _phrases(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    for phrase in PHRASES:
        start = page.text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            yield Violation(start, end, f"ad marker {phrase!r}", Fix.delete(start, end))
            start = page.text.find(phrase, end)


def _tail(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    for index, line in enumerate(page.lines):
        if line.strip() in TAIL_HEADINGS:
            start = page.line_starts[index]
            yield Violation(start, len(page.text), "off-topic tail", Fix.delete(start, len(page.text), safe=False))
            return


def _number_lines(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    for index, line in enumerate(page.lines):
        if _NUMBER_LINE.match(line):
            start, end = page.line_span(index)
            yield Violation(start, end, f"bare number line {line!r}", Fix.delete(start, end))


def _full_width_colon(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A replacement (not a removal) fix: ``: `` after a Chinese label becomes ``：``."""
    for match in regex.finditer(r"(?<=\p{Han}):", page.text):
        yield Violation(match.start(), match.end(), "half-width colon", Fix((Edit(match.start(), match.end(), "："),)))


def _rule(code: str, name: str, check, fixable: bool = True) -> Rule:
    return Rule(code, name, f"test rule {name}", "for the fixer's tests", "bad", "good", check, fixable=fixable)


EMOJI = _rule("TST001", "test-emoji", _every_emoji)
PHRASE = _rule("TST002", "test-phrase", _phrases)
TAIL = _rule("TST003", "test-tail", _tail)
NUMBER_LINE = _rule("TST004", "test-number-line", _number_lines)
COLON = _rule("TST005", "test-colon", _full_width_colon)
RULES = [EMOJI, PHRASE, TAIL, NUMBER_LINE, COLON]


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("TST", "fixer test rules", "Rules the fixer's tests bring.")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return list(RULES)
