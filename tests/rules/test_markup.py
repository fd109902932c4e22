"""MKP001-MKP006: leaked entities, tags, script, escapes, mojibake and template data.

Every page here is written for the test. Positions are 1-based lines and code-point columns;
``end_column`` is exclusive. The hard negatives (AT&T, ``a < b``, a plain address, clean
Chinese and accented Latin text) matter as much as the findings.
"""

from __future__ import annotations

import random
import re

import pytest
from conftest import family_linter

from lint.fixer import apply_fixes


@pytest.fixture(scope="module")
def mkp():
    """Lint a page with MKP only; options per rule name may be given."""
    return family_linter("MKP")


def where(findings) -> list[tuple[int, int, int, str]]:
    return [(f.line, f.column, f.end_column, f.code) for f in findings]


def fixed(text: str, findings) -> str:
    return apply_fixes(text, [f for f in findings if f.fix])


# -- MKP001 html-entity ------------------------------------------------------------------------


def test_named_entities_are_reported_and_decoded(mkp):
    text = "篮网队前锋凯文&middot;杜兰特当选周最佳。\n"
    findings = mkp(text)
    assert where(findings) == [(1, 8, 16, "MKP001")]
    assert findings[0].name == "html-entity"
    assert findings[0].message == "HTML entity '&middot;' in text (stands for '·')"
    assert findings[0].fix.is_safe
    assert fixed(text, findings) == "篮网队前锋凯文·杜兰特当选周最佳。\n"


def test_nbsp_becomes_a_plain_space_with_or_without_its_semicolon(mkp):
    text = "价格&nbsp;100元&nbsp&nbsp包邮\n"
    findings = mkp(text)
    assert where(findings) == [(1, 3, 9, "MKP001"), (1, 13, 18, "MKP001"), (1, 18, 23, "MKP001")]
    assert findings[0].message == "HTML entity '&nbsp;' in text (stands for a space)"
    assert fixed(text, findings) == "价格 100元  包邮\n"


def test_numeric_and_double_escaped_entities_are_decoded(mkp):
    text = "他说&#8220;好&#x201D;，又写了&amp;nbsp;。\n"
    findings = mkp(text)
    assert [f.message for f in findings] == [
        "HTML entity '&#8220;' in text (stands for '“')",
        "HTML entity '&#x201D;' in text (stands for '”')",
        "HTML entity '&amp;nbsp;' in text (stands for a space)",
    ]
    assert fixed(text, findings) == "他说“好”，又写了 。\n"


def test_an_ampersand_in_a_name_or_an_unknown_word_is_text(mkp):
    assert mkp("AT&T and R&D; Q&A with Tom&Jerry; M&S sells &c. 5 & 6\n") == []


# -- MKP002 html-tag -----------------------------------------------------------------------------


def test_tags_and_comments_are_reported_and_removed(mkp):
    text = '今年展会规模空前。<br>参展企业超过两千家。<p class="lead">详情见下文</p><!-- ad -->\n'
    findings = mkp(text)
    tags = ["<br>", '<p class="lead">', "</p>", "<!-- ad -->"]
    assert [(f.column, f.end_column, f.code) for f in findings] == [
        (text.index(tag) + 1, text.index(tag) + 1 + len(tag), "MKP002") for tag in tags
    ]
    assert findings[1].message == "HTML tag '<p class=\"lead\">' in text"
    assert findings[3].message == "HTML comment '<!-- ad -->' in text"
    assert fixed(text, findings) == "今年展会规模空前。参展企业超过两千家。详情见下文\n"


def test_a_line_break_tag_between_latin_words_becomes_a_space(mkp):
    text = "first line<br/>second line</div>\n"
    assert fixed(text, mkp(text)) == "first line second line\n"


def test_comparisons_and_placeholders_are_not_tags(mkp):
    text = "若 a<b 且 c>d，则 a < b。x<y 时成立，3<5>2。Write to <name> at <b and c>.\n"
    assert mkp(text) == []


# -- MKP003 script-fragment ------------------------------------------------------------------------


def test_a_document_writeln_call_is_reported_to_the_end_of_the_statement(mkp):
    text = "报告显示，共享汽车使用率偏低。document.writeln('关注我们，扫码抽大奖。');此后恢复。\n"
    findings = mkp(text)
    start = text.index("document") + 1
    assert where(findings) == [(1, start, start + len("document.writeln('关注我们，扫码抽大奖。');"), "MKP003")]
    assert findings[0].name == "script-fragment"
    assert findings[0].message.startswith("script or style code in text: \"document.writeln('关注我们")
    assert not findings[0].fix.is_safe


def test_an_unclosed_script_call_runs_to_the_end_of_its_line(mkp):
    text = "使用效率却差强人意。document.writeln('关注创业、电商、站长，扫描二维码，定期抽大奖。\n下一段。\n"
    findings = mkp(text)
    first_line = text.split("\n")[0]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in findings] == [(1, 11, 1, len(first_line) + 1)]


@pytest.mark.parametrize(
    "code",
    [
        "var pageId = 1024;",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "function(){ return false; }",
        "$(document).ready(init);",
        ".ad-box{display:none}",
        "javascript:void(0)",
    ],
)
def test_common_script_and_style_shapes_are_reported(mkp, code):
    findings = mkp(f"正文第一句。{code}正文第二句。\n")
    assert [f.code for f in findings] == ["MKP003"]
    assert findings[0].column == 7


def test_prose_about_documents_functions_and_variables_is_not_code(mkp):
    text = (
        "The document was written in a window of two weeks. Its function is clear: var is short "
        "for variable in some languages, and let us say x = 3 for now.\n网页里的“document”一词意为文件。\n"
    )
    assert mkp(text) == []


# -- MKP004 percent-encoded-text ------------------------------------------------------------------------


def test_a_percent_encoded_address_is_reported_whole_and_decoded(mkp):
    address = "example.com/a/%E8%9B%8B%E7%B3%95%E5%81%9A%E6%B3%95/"
    text = f"原文地址：{address}\n"
    findings = mkp(text)
    assert where(findings) == [(1, 6, 6 + len(address), "MKP004")]
    assert findings[0].message == f"percent-encoded text {address[:37] + '...'!r} (reads '蛋糕做法')"
    assert not findings[0].fix.is_safe
    assert apply_fixes(text, findings) == "原文地址：example.com/a/蛋糕做法/\n"


def test_a_plain_address_or_a_percentage_is_fine(mkp):
    text = "详见 https://example.com/news/2024/05/report.html?id=7&page=2 ，增长 50%，折扣 20%至30%，空格写作 %20。\n"
    assert mkp(text) == []


def test_min_escapes_is_an_option(mkp):
    text = "搜索 example.com/s?q=%E4%B8%AD 的结果\n"
    assert [f.code for f in mkp(text)] == ["MKP004"]
    assert mkp(text, {"percent-encoded-text": {"min_escapes": 6}}) == []


# -- MKP005 mojibake ------------------------------------------------------------------------------------


def test_utf8_read_as_latin1_is_told_by_ftfy_and_decoded(mkp):
    text = "Profits rose to Â£600m at the CafÃ© chain.\n"
    findings = mkp(text)
    assert [(f.column, f.end_column, f.message) for f in findings] == [
        (17, 19, "mojibake 'Â£' (UTF-8 read as Latin-1; reads '£')"),
        (34, 36, "mojibake 'Ã©' (UTF-8 read as Latin-1; reads 'é')"),
    ]
    assert findings[0].name == "mojibake"
    assert not findings[0].fix.is_safe


def test_chinese_read_as_latin1_is_decoded_back(mkp):
    findings = mkp("标题：ä¸­æ–‡ç½‘ç«™\n")
    assert [f.message for f in findings] == ["mojibake 'ä¸\\xadæ–‡ç½‘ç«™' (UTF-8 read as Latin-1; reads '中文网站')"]


def test_utf8_read_as_gbk_is_found_by_re_encoding(mkp):
    mojibake = "数字万用表".encode("utf-8").decode("gbk", errors="replace")  # '鏁板瓧涓囩敤琛?'
    text = f"产品名称：{mojibake[:6]}，价格面议。\n"
    findings = mkp(text)
    assert [(f.column, f.end_column, f.message) for f in findings] == [
        (6, 12, "mojibake '鏁板瓧涓囩敤' (UTF-8 read as GBK; reads '数字万用')")
    ]


def test_replacement_characters_and_private_use_characters_inside_words(mkp):
    text = "这个节奏\ufffd\ufffd然与技术脱节。锟斤拷锟斤拷\n万用表\ue1ff\ue440型号\n"
    findings = mkp(text)
    assert [(f.line, f.column, f.end_column, f.message) for f in findings] == [
        (1, 5, 7, "replacement characters: text lost in decoding"),
        (1, 14, 20, "'锟斤拷' (replacement characters encoded twice): text lost in decoding"),
        (2, 4, 6, "private-use characters inside a word (U+E1FF, U+E440): broken decoding"),
    ]
    assert all(f.fix is None for f in findings)


def test_mojibake_glued_to_lost_characters_is_reported_once_each(mkp):
    findings = mkp("Profits rose to Â£600m锟斤拷 last year.\n")
    assert [(f.column, f.end_column, f.message) for f in findings] == [
        (17, 19, "mojibake 'Â£' (UTF-8 read as Latin-1; reads '£')"),
        (23, 26, "'锟斤拷' (replacement characters encoded twice): text lost in decoding"),
    ]


@pytest.mark.parametrize(
    "clean",
    [
        "宜昌万寿老年颐养中心2020年第一期培训班成功举办，鏖战、饕餮、耄耋、龃龉都是正常用字。",
        "涓涓细流汇成江河，鍥而不舍，金石可镂。",
        "A naïve café in Zürich served crème brûlée; São Paulo, Kraków and Ærø too — “quoted” … ok.",
        "Ｆｕｌｌ ｗｉｄｔｈ ＡＢＣ　１２３，全角字符。",
        "\uf0d8报名方式：微信发送关键词参加活动。",
    ],
)
def test_clean_chinese_accented_latin_and_symbol_font_bullets_are_not_mojibake(mkp, clean):
    assert mkp(clean + "\n") == []


def test_only_lines_with_the_characters_mojibake_is_made_of_are_checked_closely():
    """The page scan may skip a line only when neither ftfy nor the GBK check could flag it."""
    import ftfy.badness

    from plugins._markup_mojibake import _gbk, _patterns, suspects_and_pairs

    def found(text):
        suspects, pairs = suspects_and_pairs(text)
        return suspects or pairs

    categories = "".join(ftfy.badness.MOJIBAKE_CATEGORIES.values())
    alphabet = [chr(point) for point in range(0x80, 0x2600) if re.fullmatch(f"[{categories}]", chr(point))]
    alphabet += [*"ÂÃÎÐØÙà√≈‚Äв€ΒβГā", *"aA .,1"]
    missed = [a + b for a in alphabet for b in alphabet if ftfy.badness.is_bad(a + b) and not found(a + b)]
    rng = random.Random(5)
    for _ in range(50_000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 5)))
        if ftfy.badness.is_bad(sample) and not found(sample):
            missed.append(sample)
    assert missed == []
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    checked = 0
    for _ in range(2_000):
        words = "".join(rng.choice(common) for _ in range(rng.randint(3, 8)))
        garbled = words.encode("utf-8").decode("gbk", errors="replace")
        if list(_gbk(_patterns(), garbled, 0, len(garbled), 3)):
            checked += 1
            assert suspects_and_pairs(garbled)[1], (words, garbled)
    assert checked > 500


def _gbk_class(leads: range, trails: range) -> str:
    """The characters whose two GBK bytes fall in the given ranges, as a class body: consecutive
    code points as ranges."""
    points = []
    for lead in leads:
        for trail in trails:
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(char) == 1:
                points.append(ord(char))
    runs: list[list[int]] = []
    for point in sorted(set(points)):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in runs)


def test_the_written_out_gbk_pair_is_what_the_codec_says():
    from plugins._markup_mojibake import _GBK_FIRST, _GBK_SECOND

    assert _GBK_FIRST == _gbk_class(range(0xE4, 0xEA), range(0x80, 0xC0))
    assert _GBK_SECOND == _gbk_class(range(0x81, 0xC0), range(0xE4, 0xEA))


def test_no_suspect_is_the_first_of_a_gbk_pair():
    from plugins._markup_mojibake import _GBK_FIRST, _SUSPECT

    firsts = re.compile(f"[{_GBK_FIRST}]")
    assert not [point for point in range(0x110000) if firsts.match(chr(point)) and re.match(f"[{_SUSPECT}]", chr(point))]


def test_a_suspect_that_ends_a_gbk_pair_is_the_pair_s_and_a_page_without_han_has_suspects_only():
    from plugins._markup_mojibake import suspects_and_pairs

    assert suspects_and_pairs("妗¤ ¤") == ([3], [0])
    assert suspects_and_pairs("Â£ ¤ “ok”") == ([0, 1, 3], [])


# -- MKP006 serialized-data -------------------------------------------------------------------------------


def test_a_printed_list_and_its_remnants_on_later_lines_are_reported(mkp):
    text = (
        "服务区域包括[‘南二环’, ‘颐和家园’, [], ‘金盛巷’, ‘哈达路\n"
        "北方电力小区’, ‘工会小区’]附近的客户。\n"
        "停车处’]等。\n"
    )
    findings = mkp(text)
    first = text.split("\n")[0]
    assert [(f.line, f.column, f.end_column, f.code) for f in findings] == [
        (1, first.index("[") + 1, len(first) + 1, "MKP006"),
        (2, 1, 17, "MKP006"),
        (3, 4, 6, "MKP006"),
    ]
    assert findings[0].name == "serialized-data"
    assert findings[2].message == "remnant of serialized data '’]'"


def test_quotations_in_prose_are_not_data(mkp):
    text = "会议提出“创新”、“协调”、“绿色”的理念。He said 'yes', 'no', and 'maybe'. 见[1]和‘注释’]。\n"
    assert mkp(text) == []


def test_the_suspects_are_the_same_whether_regex_or_re_scans_them():
    from plugins._markup_mojibake import _SUSPECTS

    every = "".join(map(chr, range(0x110000)))
    assert [match.start() for match in _SUSPECTS.by_regex().finditer(every)] == [match.start() for match in _SUSPECTS.by_re().finditer(every)]
