"""plugins._shapes: an alternation written as shapes matches where the alternation matches, and
compiles only the shapes whose words the text holds."""

from __future__ import annotations

import time

import regex

from plugins import byline
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
    return Shapes(*(shape(rf"(?V1){pattern}", *starts) for pattern, starts in _ALTERNATIVES))


def test_shapes_match_what_their_alternation_matches_at_every_place():
    shapes = _shapes()
    alternation = regex.compile("(?V1)" + "|".join(f"(?P<s{index}>{pattern})" for index, (pattern, _) in enumerate(_ALTERNATIVES)))
    for text in _TEXTS:
        for start in range(len(text) + 1):
            expected = alternation.match(text, start)
            found = shapes.match_at(text, start)
            assert (found and (found[1].span(), shapes.shapes.index(found[0]))) == (
                expected and (expected.span(), int(expected.lastgroup[1:]))
            )


def test_only_the_shapes_whose_words_the_text_holds_are_compiled():
    shapes = _shapes()
    text = "See more, var x = 1"
    assert [shapes.match_at(text, start)[1].group() for start in (0, 10)] == ["See more", "var x ="]
    assert [each.pattern.cache_info().currsize for each in shapes.shapes] == [0, 1, 1]


def test_the_byline_shapes_tried_at_every_label_of_a_long_page_stay_linear():
    """A shape alone may look ahead for a literal it must hold; the byline shapes must not, or
    a page of labels without it costs the square of its length."""

    def seconds(repeats: int) -> float:
        text = "作者 某某某 | By Jane 来源：新华社 Written by 文 " * repeats
        places = [index for index in range(len(text)) if text.startswith(byline._ZH_STARTS + byline._EN_LABEL_WORDS, index)]
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for place in places:
                byline._BYLINE.match_at(text, place)
                byline._REPEATED_BYLINE.match_at(text, place)
            best = min(best, time.process_time() - start)
        return best

    seconds(10)  # compile first
    assert seconds(4000) < 8 * seconds(1000)
