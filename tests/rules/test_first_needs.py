"""plugins._first_needs: the first text compiles only the alternatives it needs; a text that
needs others gets the whole alternation, compiled once; the matches are the alternation's."""

from __future__ import annotations

import regex

from plugins._first_needs import SMALL, FirstNeeds

_ALTERNATIVES = ("Read[ ]+more", "See[ ]+more", "Click[ ]+here")


def _source(needed: frozenset[int]) -> str:
    return "|".join(pattern for index, pattern in enumerate(_ALTERNATIVES) if index in needed)


def test_the_first_need_is_compiled_alone_then_the_whole_alternation_once():
    alternation = FirstNeeds(_source, len(_ALTERNATIVES))
    first = alternation.pattern(lambda: [1], 100)
    assert first.pattern == "See[ ]+more"
    assert alternation.pattern(lambda: [1], 100) is first
    whole = alternation.pattern(lambda: [0, 2], 100)
    assert whole.pattern == "Read[ ]+more|See[ ]+more|Click[ ]+here"
    assert alternation.pattern(lambda: [2], 100) is whole and alternation.pattern(lambda: [1], 100) is whole


def test_leaving_out_what_cannot_match_in_the_text_changes_no_match():
    text = "See more, See  more or Click here, Read-more"  # nothing here for "Read[ ]+more"
    whole = regex.compile(_source(frozenset(range(len(_ALTERNATIVES)))))
    needed = FirstNeeds(_source, len(_ALTERNATIVES)).pattern(lambda: [1, 2], len(text))
    assert [match.span() for match in needed.finditer(text)] == [match.span() for match in whole.finditer(text)]


def test_a_long_text_gets_the_whole_alternation_without_asking_what_it_needs():
    def needed() -> list[int]:
        raise AssertionError("a long text is not asked")

    assert FirstNeeds(_source, len(_ALTERNATIVES)).pattern(needed, SMALL + 1).pattern == _source(frozenset(range(3)))


def test_a_first_need_of_plain_alternatives_only_is_compiled_by_re_and_the_whole_by_regex():
    import re

    alternation = FirstNeeds(_source, len(_ALTERNATIVES), plain=frozenset({0, 1}))
    first = alternation.pattern(lambda: [0, 1], 100)
    assert isinstance(first, re.Pattern) and first.pattern == "Read[ ]+more|See[ ]+more"
    assert isinstance(alternation.pattern(lambda: [2], 100), regex.Pattern)
    assert isinstance(FirstNeeds(_source, len(_ALTERNATIVES), plain=frozenset({0})).pattern(lambda: [0, 2], 100), regex.Pattern)
