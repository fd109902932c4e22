"""Properties over arbitrary Unicode text: linting never fails, positions stay inside the page,
fixing only removes and is idempotent."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.api import Linter
from lint.config import Settings
from lint.engine import check_page
from lint.fixer import fix_page_text
from lint.page import Page

TOKENS = [
    "文 | 财华社", "来源：新华社", "By Jane Doe", "浏览次数:2055", "阅读量：1.2万", "12,345 views", "展开全文",
    "返回搜狐,查看更多", "Read more", "更新时间:", "推荐阅读", "&nbsp;", "<br>", "%E4%B8%AD%E6%96%87",
    "👨\u200d👩\u200d👧", "🇨🇳", "#️⃣", "👍🏽", "❤️", "😜", "😭😭😭", "👉", "©", "™", "★",
    "e\u0301", "\U0001d400", "\x07", "\x1b", "\u200b", "\ufeff", " ", "\t", "\n", "\r\n", "\r", "\n\n",
    "。", "，", ".", "2024年", "OpenAI", "英伟达", "公园", "the council said",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=12)),
    max_size=60,
).map("".join)


@lru_cache(maxsize=1)
def _active():
    linter = Linter.create({})
    return linter.ruleset(Settings()).active_for("page.txt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_linting_never_fails_and_positions_lie_inside_the_page(text: str):
    page = Page(text, "page.txt")
    outcome = check_page(page, _active())
    assert outcome.failures == []
    line_count = len(page.lines)
    for finding in outcome.findings:
        assert 1 <= finding.line <= finding.end_line <= line_count
        assert 1 <= finding.column <= len(page.lines[finding.line - 1]) + 1
        assert 1 <= finding.end_column <= len(page.lines[finding.end_line - 1]) + 1
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)
        assert 0 <= finding.start <= finding.end <= len(text)


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_fixing_only_removes_and_a_second_fix_changes_nothing(text: str):
    active = _active()
    first = fix_page_text(text, active, unsafe=True)
    assert first.failures == ()
    inserted = any(applied.code.startswith("MKP") for applied in first.applied)  # entity decoding writes a character
    if not inserted:
        assert _is_subsequence(first.text, text)
    second = fix_page_text(first.text, active, unsafe=True)
    assert first.converged
    assert second.text == first.text
    assert second.applied == ()


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_the_emoji_among_the_denoised_views_spans_are_those_a_scan_for_emoji_alone_finds(text: str):
    """EMJ takes its units from the spans the de-noised view removed: the noise pattern (emoji
    units or invisible characters) meets every unit the unit pattern alone meets, since no unit
    starts with an invisible character."""
    import regex

    from lint.emoji_units import _UNIT, emoji_among, is_emoji

    alone = [(m.start(), m.end(), m.group()) for m in regex.finditer(_UNIT, text, flags=regex.V1) if is_emoji(m.group())]
    assert list(emoji_among(text, Page(text).denoised.removed())) == alone
