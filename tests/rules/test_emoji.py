"""EMJ001 injected-emoji: what is flagged, where, and what a writer's emoji looks like.

Every page here is written for the test. Positions are 1-based lines and code-point columns;
``end_column`` is exclusive, so a finding spans exactly one emoji sequence.
"""

from __future__ import annotations

import pytest

from lint.api import Linter
from lint.emoji_units import iter_emoji
from plugins.emoji import INJECTED_EMOJI


@pytest.fixture(scope="module")
def emj():
    """Lint a page with EMJ only; options for EMJ001 may be given."""
    linters: dict[tuple, Linter] = {}

    def lint(text: str, **options):
        key = tuple(sorted(options.items()))
        if key not in linters:
            config = {"select": ["EMJ"], "options": {"injected-emoji": options}} if options else {"select": ["EMJ"]}
            linters[key] = Linter.create(config)
        report = linters[key].lint_text(text)
        assert not report.errors
        return list(report)

    return lint


def spans(findings) -> list[tuple[int, int, int]]:
    return [(f.line, f.column, f.end_column) for f in findings]


# -- emoji that break a word are flagged on their own ----------------------------------------


def test_emoji_inside_a_latin_word_is_flagged_alone(emj):
    findings = emj("The deal made O🤔penAI the centre of attention.\n")
    assert spans(findings) == [(1, 16, 17)]
    assert findings[0].code == "EMJ001"
    assert findings[0].name == "injected-emoji"
    assert findings[0].message == "injected emoji '🤔' inside the word 'OpenAI'"


def test_emoji_inside_a_number_is_flagged(emj):
    findings = emj("Shares rose 1🚀0 per cent on Monday.")
    assert spans(findings) == [(1, 14, 15)]
    assert findings[0].message == "injected emoji '🚀' inside the word '10'"


def test_emoji_inside_a_chinese_word_is_flagged(emj):
    findings = emj("双方合作从不间🙌断，投资络绎不绝。")
    assert spans(findings) == [(1, 8, 9)]
    assert findings[0].message == "injected emoji '🙌' inside the word '从不间断'"


def test_emoji_between_a_number_and_its_unit_is_flagged(emj):
    findings = emj("今年全年预计出货12😀万台，同比增长两成。")
    assert spans(findings) == [(1, 11, 12)]
    assert findings[0].message == "injected emoji '😀' inside the word '12万'"


def test_emoji_inside_a_site_ui_phrase_is_flagged_even_next_to_punctuation(emj):
    findings = emj("第三届博览会将于6月29日在长沙举办。返回搜狐😘，查看更多\nThe final was close. Continue👾 reading\n")
    assert spans(findings) == [(1, 24, 25), (2, 30, 31)]
    assert findings[0].message == "injected emoji '😘' inside the phrase '返回搜狐,查看更多'"
    assert findings[1].message == "injected emoji '👾' inside the phrase 'Continue reading'"


def test_emoji_between_the_words_of_a_site_ui_phrase_is_flagged(emj):
    findings = emj("The final was close, and the crowd stayed late.\nRead 😀 more\n")
    assert spans(findings) == [(2, 6, 7)]
    assert findings[0].message == "injected emoji '😀' inside the phrase 'Read more'"


def test_a_sign_emoji_inside_a_word_is_flagged(emj):
    findings = emj("票房突破5亿元 全产✖️业链产值近78亿元")
    assert spans(findings) == [(1, 11, 13)]
    assert findings[0].message == "injected emoji '✖️' inside the word '产业链'"


def test_the_fix_deletes_exactly_the_emoji(emj):
    text = "The deal made O🤔penAI the centre of attention."
    (finding,) = emj(text)
    assert finding.fix is not None and finding.fix.is_safe
    (edit,) = finding.fix.edits
    assert text[: edit.start] + edit.content + text[edit.end :] == "The deal made OpenAI the centre of attention."


@pytest.mark.parametrize(
    "word, emoji",
    [
        ("Gov👨‍👩‍👧ernment", "👨‍👩‍👧"),  # ZWJ family
        ("Mini👍🏽ster", "👍🏽"),  # skin tone
        ("Parlia🇫🇷ment", "🇫🇷"),  # flag
        ("Coun#️⃣cil", "#️⃣"),  # keycap
        ("Sen❤️ate", "❤️"),  # text-default heart with U+FE0F
    ],
)
def test_each_sequence_is_one_finding_spanning_all_of_it(emj, word, emoji):
    text = f"The {word} met on Tuesday."
    findings = emj(text)
    assert spans(findings) == [(1, 5 + word.index(emoji), 5 + word.index(emoji) + len(emoji))]
    edit = findings[0].fix.edits[0]
    assert text[edit.start : edit.end] == emoji


# -- on an injected page, every emoji in running text is flagged -------------------------------

INJECTED_ARTICLE = (
    "新能源车企加快布局海外市场\n"
    "本报讯 今年以来，国内多家新能源车😜企加快出海步伐。业内人士认为，海外市场的需求😢仍在增长，"
    "“价格战” 😡 自去年起愈演愈烈，企业纷纷寻找新的增🚀长点。据统计，上半年出口量同比增长超过😆三成，"
    "其中欧洲市场占比最高。 🙌 与此同时，充电网络建设和售后服务体系仍是企业出海面临的🤔主要挑战。\n"
    "👉 相关阅读：新能源汽车下乡活动启动\n"
)


def test_an_injected_page_has_every_running_emoji_flagged_and_bullets_left(emj):
    findings = emj(INJECTED_ARTICLE)
    line_2 = INJECTED_ARTICLE.split("\n")[1]
    expected = [(2, start + 1, end + 1) for start, end, _ in iter_emoji(line_2)]
    assert len(expected) == 7
    assert spans(findings) == expected  # line 3's 👉 bullet is not flagged


def test_an_emoji_between_spaces_is_reported_and_only_the_unit_is_deleted(emj):
    findings = emj(INJECTED_ARTICLE)
    spaced = next(f for f in findings if f.message.startswith("injected emoji '😡'"))
    assert spaced.message == "injected emoji '😡' (one of 7 spread through the text every ~19 characters)"
    (edit,) = spaced.fix.edits
    assert INJECTED_ARTICLE[edit.start - 1 : edit.end + 1] == " 😡 "  # the spaces stay: the fixer tidies them


def test_fixing_an_injected_page_restores_the_article_and_keeps_the_bullet():
    from lint import fix_text

    result = fix_text(INJECTED_ARTICLE, select=("EMJ",))
    assert result.text == (
        "新能源车企加快布局海外市场\n"
        "本报讯 今年以来，国内多家新能源车企加快出海步伐。业内人士认为，海外市场的需求仍在增长，"
        "“价格战” 自去年起愈演愈烈，企业纷纷寻找新的增长点。据统计，上半年出口量同比增长超过三成，"
        "其中欧洲市场占比最高。 与此同时，充电网络建设和售后服务体系仍是企业出海面临的主要挑战。\n"
        "👉 相关阅读：新能源汽车下乡活动启动\n"
    )
    assert list(result.findings) == []


def test_emoji_at_a_steady_cadence_between_english_words_are_flagged(emj):
    page = (
        "Council approves new cycle lanes\n"
        "The city council 😀 voted on Tuesday to build 🎉 twelve kilometres of protected 🔥 cycle lanes "
        "across the centre, a plan 😍 that officials say will 👏 cut traffic and make 🚀 the streets safer "
        "for children walking 😎 to school.\n"
    )
    findings = emj(page)
    assert [f.line for f in findings] == [2] * 7
    assert findings[0].message.startswith("injected emoji '😀' (one of 7 spread through the text every ~")


def test_the_seed_page_has_its_112_injected_emoji_found_and_nothing_else(seed_text: str):
    findings = Linter.create({"select": ["EMJ"]}).lint_text(seed_text)
    assert len(findings) == 112
    assert {f.line for f in findings} == {4}
    assert [f.end_column - f.column for f in findings].count(2) == 4  # the four ❤️ with U+FE0F


# -- emoji a writer used are left alone --------------------------------------------------------

REVIEW = (
    "周末看了《山海之间》，说说感受\n"
    "剧情真的很用心，最后一场戏泪目啊😭\n"
    "演员的表演很自然，看到结局哭死我了😭😭😭，今年最喜欢的电影之一。\n"
    "👉 推荐理由：\n"
    "🥇 第一名：配乐\n"
    "🥈 第二名：摄影\n"
    "推荐指数⭐⭐⭐⭐\n"
    "😂😂😂\n"
    "前半段节奏有点拖，哈哈哈😂不要太好笑了，配角抢戏严重😅还不如不拍那段。\n"
    "也不会再去看第二遍了（左滑👈）\n"
)


def test_a_review_with_reactions_bullets_medals_and_runs_has_no_finding(emj):
    assert emj(REVIEW) == []


def test_short_social_posts_keep_their_emoji(emj):
    post = "今天天气真好☀️\n和朋友去爬山了🏔️\n山顶的风景绝了 😍\n🍜🍜🍜\n晚安🌙"
    assert emj(post) == []


def test_text_style_symbols_are_not_emoji(emj):
    page = "本文版权所有©2024 财华社，Scrapelint™ 为注册商标。评分★★★★☆，①②③为序号，北京↔上海，※注意。"
    assert emj(page) == []


def test_an_emoji_used_as_a_word_between_words_is_left_alone(emj):
    page = "刘老师的下一期节目也在火热🔥策划中啦～\n这部剧的组合是吴镇宇➕任素汐，演技都在线。"
    assert emj(page) == []


def test_an_emoji_before_the_closing_punctuation_of_a_line_is_a_reaction(emj):
    assert emj("如果早知道结局是这样，我不会打开这本书📖。\n下周还会继续追更新🥰！") == []


def test_a_clean_article_has_no_finding(emj):
    article = (
        "Council approves new cycle lanes\n"
        "The city council voted on Tuesday to build twelve kilometres of protected cycle lanes across the centre.\n"
        "© 2024 The Daily Example. All rights reserved.\n"
    )
    assert emj(article) == []


# -- options -----------------------------------------------------------------------------------

MIXED = (
    "今天去看了新上映的电影😭\n"
    "剧情很感人😍\n"
    "散场后大家都在讨论结局🥳\n"
    "导演在采访中说，这部影片的后期制作历时两😜年，投资方对票房十分乐观，"
    "上映首周票房已突破十亿，口碑也持续走高 🤩 影评人普遍给出高分，认为这是今年最值得期待的作😢品之一。\n"
)


def test_min_units_sets_how_many_word_breaking_emoji_mark_a_page_as_injected(emj):
    # Two emoji break words (两年, 作品); three reactions close lines; 🤩 sits between spaces.
    assert spans(emj(MIXED)) == [(4, 21, 22), (4, 55, 56), (4, 80, 81)]
    assert spans(emj(MIXED, min_units=3)) == [(4, 21, 22), (4, 80, 81)]


def test_cadence_can_be_turned_off_by_its_minimum(emj):
    page = (
        "The city council 😀 voted on Tuesday to build 🎉 twelve kilometres of protected 🔥 cycle lanes "
        "across the centre, a plan 😍 that officials say will 👏 cut traffic."
    )
    assert len(emj(page)) == 5
    assert emj(page, cadence_min_units=50) == []


def test_the_rule_documents_itself():
    assert INJECTED_EMOJI.fixable
    assert {option.name for option in INJECTED_EMOJI.options} == {
        "min_units",
        "cadence_min_units",
        "cadence_max_gap",
        "cadence_max_variation",
        "min_mid_phrase_share",
    }
    assert "O🤔penAI" in INJECTED_EMOJI.explanation
    assert any(True for _ in iter_emoji(INJECTED_EMOJI.bad_example))
