"""The page model: positions in code points, every newline style, and the de-noised view."""

from __future__ import annotations

import pytest

from lint.page import Page


def test_lines_split_on_lf_crlf_and_cr_alike():
    page = Page("标题\r\n第一段\n第二段\r最后")
    assert page.lines == ("标题", "第一段", "第二段", "最后")
    assert page.line_span(0) == (0, 2)
    assert page.line_span_with_break(0) == (0, 4)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, (1, 1)), (3, (2, 1)), (5, (2, 3)), (6, (2, 4))],
)
def test_position_is_one_based_line_and_code_point_column(offset, expected):
    page = Page("😀é\n当前😜AI")  # one astral emoji counts as one column
    assert page.position(offset) == expected


def test_offset_is_the_inverse_of_position():
    page = Page("first line\nsecond 🇨🇳 line\nthird")
    for offset in range(len(page.text) + 1):
        assert page.offset(*page.position(offset)) == offset


def test_denoised_view_drops_emoji_sequences_and_invisible_characters():
    page = Page("返回😘搜狐 O🤔penAI ❤️ 👨\u200d👩\u200d👧 ok #️⃣ 👍🏽 zero\u200bwidth © ™")
    assert page.denoised.text == "返回搜狐 OpenAI   ok   zerowidth © ™"


def test_denoised_view_tells_the_spans_it_removed_in_the_original_text():
    page = Page("返回😘搜狐 zero\u200bwidth 👨\u200d👩\u200d👧 ok 👍🏽👍🏽")
    removed = [page.text[start:end] for start, end in page.denoised.removed()]
    assert removed == ["😘", "\u200b", "👨\u200d👩\u200d👧", "👍🏽", "👍🏽"]


def test_the_emoji_among_the_removed_spans_are_the_emoji_of_the_page():
    from lint.emoji_units import emoji_among, iter_emoji

    page = Page("返回😘搜狐 zero\u200bwidth 👨\u200d👩\u200d👧 #️⃣ 🇨🇳 ok © ™ ❤️ 👍🏽\u00ad👍🏽")
    found = list(emoji_among(page.text, page.denoised.removed()))
    assert [unit for _, _, unit in found] == ["😘", "👨\u200d👩\u200d👧", "#️⃣", "🇨🇳", "❤️", "👍🏽", "👍🏽"]
    assert found == list(iter_emoji(page.text))


def test_denoised_span_maps_back_to_the_original_columns():
    page = Page("标题\n文章结尾。返回😘搜狐,查看更多")
    view = page.denoised
    start = view.text.index("返回搜狐")
    original = view.span_to_original(start, start + len("返回搜狐,查看更多"))
    assert page.text[slice(*original)] == "返回😘搜狐,查看更多"
    assert page.position(original[0]) == (2, 6)


def test_a_page_without_noise_is_its_own_denoised_view():
    text = "标题\n正文 © ™ 2024, café — no emoji here"
    view = Page(text).denoised
    assert view.text is text
    assert view.span_to_original(3, 5) == (3, 5)


@pytest.mark.parametrize("text", ["#\u20e3", "🇨🇳", "a\u200bb", "soft\u00adhyphen", "x👍🏽", "\U0001f3fb", "🏴\U000e0067\U000e0062\U000e007f"])
def test_the_no_noise_shortcut_sees_every_kind_of_noise(text):
    assert Page(text).denoised.text != text


def test_the_no_noise_shortcut_never_skips_a_character_the_view_drops():
    """Each code point that is noise on its own is one the quick scan looks for."""
    from lint.emoji_units import iter_noise
    from lint.page import _may_hold_noise

    for code in [*range(0x80, 0x30000), *range(0xE0000, 0xE0080)]:
        char = chr(code)
        if not _may_hold_noise(char):
            assert not list(iter_noise(char)), f"U+{code:04X}"
