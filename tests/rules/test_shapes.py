"""plugins._shapes: an alternation written as shapes finds what the alternation finds, and
compiles only the shapes whose words the text holds."""

from __future__ import annotations

import regex

from plugins._shapes import Shapes, shape

_ALTERNATIVES = (
    (r"Read[ \t]+full[ \t]+story", ("Read",)),
    (r"(?:Read|See)[ \t]+more(?![\p{L}])", ("Read", "See")),
    (r"\bvar\s+\w+\s*=", ("var",)),
)
_TEXTS = (
    "Read full story. Read more >> See more",
    "Read more story, Read full storyline; See moreover",
    "variable = 1; var x = 2; avar y = 3; Read\tmore",
    "",
)


def _shapes() -> Shapes:
    return Shapes(*(shape(rf"(?V1){pattern}", *starts, name=str(index)) for index, (pattern, starts) in enumerate(_ALTERNATIVES)))


def test_shapes_find_the_matches_of_their_alternation_in_any_span():
    shapes = _shapes()
    alternation = regex.compile("(?V1)" + "|".join(f"(?P<s{index}>{pattern})" for index, (pattern, _) in enumerate(_ALTERNATIVES)))
    for text in _TEXTS:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1, 3):
                expected = [(match.span(), match.lastgroup[1:]) for match in alternation.finditer(text, start, end)]
                assert [(match.span(), found.name) for found, match in shapes.finditer(text, start, end)] == expected
                at = alternation.match(text, start, end)
                found = shapes.match_at(text, start, end)
                assert (found and (found[1].span(), found[0].name)) == (at and (at.span(), at.lastgroup[1:]))


def test_only_the_shapes_whose_words_the_text_holds_are_compiled():
    shapes = _shapes()
    assert [found.name for found, _ in shapes.finditer("See more, var x = 1", 0, 19)] == ["1", "2"]
    assert [each.pattern.cache_info().currsize for each in shapes.shapes] == [0, 1, 1]
