"""The fix engine on its own: choosing fixes, applying and tidying edits, passes, properties.

Rules here are our own (``fixtest_plugin``), so these tests hold whatever the built-in rules
decide; the last tests run the built-in rules through ``lint.fix_text``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import fixtest_plugin as tp
from lint.fixer import apply_edits, fix_page_text, select_fixes
from lint.model import Applicability, Edit, Finding, Fix, Rule, Severity, Violation
from lint.selection import ActiveRule


def active(*rules: Rule) -> list[ActiveRule]:
    return [ActiveRule(rule, rule.default_options()) for rule in rules]


def finding(start: int, end: int, code: str = "TST001", safe: bool = True, content: str = "") -> Finding:
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    fix = Fix((Edit(start, end, content),), applicability)
    return Finding("<t>", 1, start + 1, 1, end + 1, code, "x", "m", Severity.WARNING, fix, start, end)


def remove(text: str, *pieces: str) -> str:
    """Remove the first occurrence of each piece (spans found in the original text)."""
    edits = []
    for piece in pieces:
        start = text.index(piece)
        edits.append(Edit(start, start + len(piece)))
    return apply_edits(text, edits)


# --- choosing fixes -------------------------------------------------------------------------

def test_overlapping_fixes_earlier_and_wider_win_and_unsafe_needs_permission():
    chosen = select_fixes([
        finding(5, 9, "TST002"),   # overlaps the wider one at 4
        finding(4, 12, "TST003"),  # starts earlier: wins
        finding(0, 2),
        finding(12, 14),           # touches 4..12 but does not overlap
        finding(20, 25, safe=False),
    ])
    assert [(f.start, f.end) for f in chosen] == [(0, 2), (4, 12), (12, 14)]
    with_unsafe = select_fixes([finding(20, 25, safe=False), finding(22, 23)], unsafe=True)
    assert [(f.start, f.end) for f in with_unsafe] == [(20, 25)]


def test_same_start_the_wider_fix_wins_and_an_insertion_inside_a_removal_clashes():
    chosen = select_fixes([finding(3, 4), finding(3, 10), finding(6, 6, content="x"), finding(10, 10, content="y")])
    assert [(f.start, f.end) for f in chosen] == [(3, 10), (10, 10)]


def test_findings_without_fix_are_never_chosen():
    plain = Finding("<t>", 1, 1, 1, 2, "TST001", "x", "m", Severity.WARNING, None, 0, 1)
    assert select_fixes([plain]) == []


# --- applying and tidying -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        # a removal inside a word leaves nothing to tidy: exact
        ("英伟😀达宣布投资", ("😀",), "英伟达宣布投资"),
        ("Hello wo😀rld", ("😀",), "Hello world"),
        # two spaces where one was: one stays
        ("Hello 😀 world", ("😀",), "Hello world"),
        ("双方 【广告】 合作", ("【广告】",), "双方 合作"),
        # one space next to the removal is kept as it is
        ("Hello 😀world", ("😀",), "Hello world"),
        ("Hello😀 world", ("😀",), "Hello world"),
        # no space left before closing punctuation, or after opening
        ("the deal 😀, said", ("😀",), "the deal, said"),
        ("( 😀 note)", ("😀",), "(note)"),
        # no space left at the start or end of a line; indentation kept
        ("😀 text\nmore", ("😀",), "text\nmore"),
        ("  😀 indented\n", ("😀",), "  indented\n"),
        ("text 😀\nmore", ("😀",), "text\nmore"),
        ("text 😀", ("😀",), "text"),
        # a line that held only the removal goes, with its line break
        ("P1\n😀\nP2\n", ("😀",), "P1\nP2\n"),
        ("P1\n  【广告】 \nP2", ("【广告】",), "P1\nP2"),
        ("P1\n2055\n", ("2055",), "P1\n"),
        ("P1\n2055", ("2055",), "P1"),
        ("2055\nP1\n", ("2055",), "P1\n"),
        # ... and between two blank lines, one blank line goes too
        ("P1\n\n2055\n\nP2\n", ("2055",), "P1\n\nP2\n"),
        ("P1\n\n2055\n", ("2055",), "P1\n"),
        ("2055\n\nP1\n", ("2055",), "P1\n"),
        # whole lines given with their break
        ("P1\nJ1\nJ2\nP2\n", ("J1\nJ2\n",), "P1\nP2\n"),
        # a tail cut mid-line keeps the line's own line break (and the final newline)
        ("article. Related\nA\nB\n", ("Related\nA\nB\n",), "article.\n"),
        ("article. Related\nA\nB", ("Related\nA\nB",), "article."),
        # CRLF and CR line breaks stay what they were
        ("P1\r\n😀\r\nP2\r\n", ("😀",), "P1\r\nP2\r\n"),
        ("P1\r\n\r\n2055\r\n\r\nP2\r\n", ("2055",), "P1\r\n\r\nP2\r\n"),
        ("a 😀\r\nb", ("😀",), "a\r\nb"),
        ("P1\r😀\rP2\r", ("😀",), "P1\rP2\r"),
        ("article. Related\r\nA\r\n", ("Related\r\nA\r\n",), "article.\r\n"),
        # full-width spaces are spaces too
        ("双方\u3000😀\u3000合作", ("😀",), "双方\u3000合作"),
    ],
)
def test_removal_and_tidy(text: str, pieces: tuple[str, ...], expected: str):
    assert remove(text, *pieces) == expected


def test_removals_separated_only_by_spaces_leave_one_space():
    text = "Hello 😀 😀 world and 🎉 🎉"
    spans = [Edit(i, i + 1) for i, char in enumerate(text) if char in "😀🎉"]
    assert apply_edits(text, spans) == "Hello world and"


def test_a_removal_never_splits_a_crlf_pair():
    text = "a\r\nb"
    assert apply_edits(text, [Edit(1, 2)]) == "ab"


def test_replacements_are_applied_as_given_and_never_tidied_into():
    text = "来源: 新华社 😀 记者"
    colon = text.index(":")
    emoji = text.index("😀")
    edits = [Edit(colon, colon + 1, "："), Edit(emoji, emoji + 1)]
    assert apply_edits(text, edits) == "来源： 新华社 记者"
    assert apply_edits("a😀b", [Edit(1, 2), Edit(2, 2, "-")]) == "a-b"


# --- passes ----------------------------------------------------------------------------------

def _overlapping_rule() -> Rule:
    """Removes ``XYZ`` as a whole while TST002 removes ``【广告】`` that overlaps it."""

    def check(page, options):
        start = page.text.find("告】XYZ")
        if start >= 0:
            yield Violation(start, start + 5, "overlap", Fix.delete(start, start + 5))

    return Rule("TST090", "test-overlap", "s", "e", "b", "g", check, fixable=True)


def test_clashing_fixes_are_settled_over_passes_and_a_second_fix_is_a_no_op():
    text = "开头【广告】XYZ结尾"
    result = fix_page_text(text, active(tp.PHRASE, _overlapping_rule()))
    # 【广告】 starts first and wins; "告】XYZ" no longer exists on the next pass.
    assert result.text == "开头XYZ结尾"
    assert [fix.code for fix in result.applied] == ["TST002"]
    assert result.converged and result.findings == ()
    again = fix_page_text(result.text, active(tp.PHRASE, _overlapping_rule()))
    assert again.text == result.text and again.applied == ()


def test_emoji_inside_a_phrase_goes_with_the_phrase():
    text = "正文。【广😀告】下一句"
    result = fix_page_text(text, active(tp.EMOJI, tp.PHRASE))
    # The emoji is fixed first (pass 1), the phrase then matches and goes (pass 2).
    assert result.text == "正文。下一句"
    assert sorted(fix.code for fix in result.applied) == ["TST001", "TST002"]
    assert result.passes == 2


def test_unsafe_fixes_only_when_asked_and_remaining_findings_reported():
    text = "正文第一段。\n相关阅读\n别的新闻标题\n"
    safe = fix_page_text(text, active(tp.TAIL))
    assert safe.text == text and not safe.changed
    assert [f.code for f in safe.findings] == ["TST003"]
    unsafe = fix_page_text(text, active(tp.TAIL), unsafe=True)
    assert unsafe.text == "正文第一段。\n"
    assert unsafe.applied[0].applicability is Applicability.UNSAFE
    assert unsafe.findings == ()


def test_rules_that_never_settle_stop_at_the_bound():
    def grow(page, options):
        yield Violation(0, 0, "grows", Fix((Edit(len(page.text), len(page.text), "x"),)))

    rule = Rule("TST091", "test-grow", "s", "e", "b", "g", grow, fixable=True)
    result = fix_page_text("a", active(rule), max_passes=4)
    assert result.text == "axxxx"
    assert not result.converged and result.passes == 4
    assert [f.code for f in result.findings] == ["TST091"]


def test_rules_undoing_each_other_stop_without_looping():
    def add(page, options):
        if not page.text.endswith("!"):
            yield Violation(0, 1, "add", Fix((Edit(len(page.text), len(page.text), "!"),)))

    def drop(page, options):
        if page.text.endswith("!"):
            yield Violation(len(page.text) - 1, len(page.text), "drop", Fix.delete(len(page.text) - 1, len(page.text)))

    rules = active(Rule("TST092", "add", "s", "e", "b", "g", add), Rule("TST093", "drop", "s", "e", "b", "g", drop))
    result = fix_page_text("hi", rules)
    assert not result.converged and result.passes == 2


def test_a_raising_rule_is_reported_while_the_others_fix():
    def broken(page, options):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    rules = active(tp.EMOJI, Rule("TST094", "broken", "s", "e", "b", "g", broken))
    result = fix_page_text("好😀的", rules)
    assert result.text == "好的"
    assert [failure.code for failure in result.failures] == ["TST094"]


# --- exact restoration of emoji-only defects ---------------------------------------------------

ZH_ARTICLE = (
    "本市今年新建的十二座社区图书馆已全部开放，周末平均每馆接待读者四百余人次。\n"
    "市文化局表示，明年将继续在老旧小区增设阅览点，并延长夜间开放时间。\n"
    "不少家长说，孩子放学后有了安静的去处，附近的书店也因此多了客人。"
)
EN_ARTICLE = (
    "The river path reopened on Saturday after a month of repairs to the old footbridge.\n"
    "Engineers replaced the rotten planks and added a handrail on the steeper side.\n"
    "Cyclists are asked to dismount on the bridge itself, the council said.\n"
)
# ZWJ family, skin tone, flag, keycap, heart with VS16, tag-sequence flag, plain emoji
EMOJI_UNITS = ["👨‍👩‍👧‍👦", "👍🏽", "🇨🇳", "#️⃣", "❤️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "😀", "🧑🏻‍💻", "👩‍❤️‍👨", "1️⃣"]


def plant(text: str, units: list[str], every: int) -> tuple[str, int]:
    """Insert emoji every ``every`` characters, inside words too, never next to a line break."""
    out, count = [], 0
    for index, char in enumerate(text):
        out.append(char)
        if (index + 1) % every == 0 and char not in "\r\n" and text[index + 1 : index + 2] not in ("\n", "\r", ""):
            out.append(units[count % len(units)])
            count += 1
    return "".join(out), count


@pytest.mark.parametrize("article", [ZH_ARTICLE, EN_ARTICLE])
@pytest.mark.parametrize("every", [7, 13, 29])
def test_emoji_only_defects_are_restored_exactly(article: str, every: int):
    planted, count = plant(article, EMOJI_UNITS, every)
    assert count >= 3
    result = fix_page_text(planted, active(tp.EMOJI))
    assert result.text == article
    assert result.fixed == count


# --- property: the fixed text is the input minus whole spans, and fixing is idempotent ---------

_SPACES = " \u3000\t"
_ALPHABET = st.sampled_from(list("本市图书馆开放读者abcXYZ，。,.") + list(_SPACES) + ["\n", "\r\n"])
_DEFECTS = st.sampled_from(EMOJI_UNITS + list(tp.PHRASES))


_BLANK = set(_SPACES) | {"\n", "\r"}


@st.composite
def planted_pages(draw, away_from_blanks: bool = False):
    """An original text and the same text with defects planted at some positions.

    With ``away_from_blanks`` no defect touches whitespace or a line's start or end.
    """
    pieces = draw(st.lists(_ALPHABET, min_size=0, max_size=80))
    original = "".join(pieces)
    # positions between pieces, so a CRLF is never split
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    if away_from_blanks:
        bounds = [b for b in bounds if 0 < b < len(original) and original[b - 1] not in _BLANK and original[b] not in _BLANK]
        assume(bounds)
    sites = sorted(draw(st.lists(st.sampled_from(bounds), min_size=1, max_size=6)))
    planted, last = [], 0
    for site in sites:
        planted.append(original[last:site])
        planted.append(draw(_DEFECTS))
        last = site
    planted.append(original[last:])
    return original, "".join(planted), sites


def _derivable(original: str, fixed: str, sites: list[int]) -> bool:
    """``fixed`` is ``original`` minus only whitespace that touches a site (through whitespace)."""
    allowed = [False] * len(original)
    blank = _BLANK
    for site in sites:
        index = site - 1
        while index >= 0 and original[index] in blank:
            allowed[index] = True
            index -= 1
        index = site
        while index < len(original) and original[index] in blank:
            allowed[index] = True
            index += 1
    # can[i][j]: original[i:] can become fixed[j:]
    n, m = len(original), len(fixed)
    can = [[False] * (m + 1) for _ in range(n + 1)]
    can[n][m] = True
    for i in range(n - 1, -1, -1):
        for j in range(m, -1, -1):
            can[i][j] = (allowed[i] and can[i + 1][j]) or (j < m and original[i] == fixed[j] and can[i + 1][j + 1])
    return can[0][0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted_pages())
def test_property_fixed_text_is_input_minus_whole_spans_and_idempotent(case):
    original, planted, sites = case
    rules = active(tp.EMOJI, tp.PHRASE)
    result = fix_page_text(planted, rules)
    # every planted span went whole; nothing else but whitespace touching one of them
    assert _derivable(original, result.text, sites), (original, planted, result.text)
    assert result.fixed == len(sites)
    # a second fix changes nothing
    again = fix_page_text(result.text, rules)
    assert again.text == result.text and again.applied == ()


@settings(max_examples=200, deadline=None)
@given(planted_pages(away_from_blanks=True))
def test_property_defects_away_from_spaces_and_line_ends_are_restored_exactly(case):
    original, planted, sites = case
    assert fix_page_text(planted, active(tp.EMOJI, tp.PHRASE)).text == original


_LINES = st.sampled_from(["", "  ", "正文第一段。", "Second paragraph here.", "相关新闻", "\u3000\u3000缩进的段落"])


@st.composite
def pages_with_number_lines(draw):
    """Lines joined with one newline style; bare view-count lines planted between them."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = draw(st.lists(_LINES, min_size=1, max_size=12))
    final = draw(st.booleans())
    original = newline.join(lines) + (newline if final else "")
    positions = sorted(draw(st.lists(st.integers(0, len(lines)), min_size=1, max_size=4)), reverse=True)
    planted_lines = list(lines)
    for position in positions:
        planted_lines.insert(position, str(draw(st.integers(0, 99999))))
    planted = newline.join(planted_lines) + (newline if final else "")
    # where each planted line sat in the original: the start of the line it went before
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + len(newline))
    sites = sorted({min(starts[position], len(original)) for position in positions})
    final = planted.endswith(newline)  # the fixed file keeps the final newline it had (or not)
    return original, planted, newline, final, sites


@settings(max_examples=300, deadline=None)
@given(pages_with_number_lines())
def test_property_whole_line_removal_keeps_newline_style_and_final_newline(case):
    original, planted, newline, final, sites = case
    rules = active(tp.NUMBER_LINE)
    assume(not any(tp._NUMBER_LINE.match(line) for line in original.splitlines()))
    result = fix_page_text(planted, rules)
    assert _derivable(original, result.text, sites)
    assert not any(tp._NUMBER_LINE.match(line) for line in result.text.splitlines())
    breaks = set(re.findall(r"\r\n|\r|\n", result.text))
    assert breaks <= {newline}
    if result.text.strip():
        assert result.text.endswith(newline) == final
    assert fix_page_text(result.text, rules).applied == ()
