"""SPM001-SPM004: spam spliced into text, keyword stuffing, SEO keyword titles.

Every page here is written for the test; the brand names are invented, built the way gambling
spam builds them. Positions are 1-based lines and code-point columns; ``end_column`` is
exclusive. The hard negatives (a report on lottery regulation, a match preview that quotes the
odds once, a tag line of real topic keywords, a list of districts) matter as much as the
findings.
"""

from __future__ import annotations

import pickle

import pytest
from conftest import family_linter

from lint.api import lint_text
from lint.fixer import apply_fixes
from plugins import _pieces, spam


@pytest.fixture(scope="module")
def spm():
    """Lint a page with SPM only; options per rule name may be given."""
    return family_linter("SPM")


def where(findings) -> list[tuple[int, int, int, str]]:
    return [(f.line, f.column, f.end_column, f.code) for f in findings]


def fixed(text: str, findings, unsafe: bool = False) -> str:
    return apply_fixes(text, [f for f in findings if f.fix and (unsafe or f.fix.is_safe)])


ACCIDENT = (
    "江城一化工厂仓库凌晨起火\n"
    "据江城市应急管理局消息：6月3日凌晨2时许，金沙娱乐网址：江城经济开发区一家化工企业的仓库起火。\n"
    "火灾于当日5时左右被扑灭，未造成人员伤亡，起火原因正在调查中。\n"
)

# -- SPM001 spliced-spam-term -----------------------------------------------------------------------


def test_casino_name_spliced_into_an_accident_report(spm):
    findings = spm(ACCIDENT)
    assert where(findings) == [(2, 23, 29, "SPM001")]
    [finding] = findings
    assert finding.name == "spliced-spam-term"
    assert finding.message == (
        "gambling brand '金沙娱乐网址' spliced into a sentence, between '…6月3日凌晨2时许，' and '：江城经济开发区一家…'"
    )
    assert finding.fix.is_safe  # a whole name between two parts of the sentence
    assert fixed(ACCIDENT, findings).splitlines()[1] == "据江城市应急管理局消息：6月3日凌晨2时许，江城经济开发区一家化工企业的仓库起火。"


def test_a_short_prefix_before_the_name_goes_with_it(spm):
    text = "消息称，今日凌晨，皇家金沙娱乐网址：江城一家仓库起火。\n"
    [finding] = spm(text)
    assert (finding.column, finding.end_column) == (10, 18)
    assert fixed(text, [finding]) == "消息称，今日凌晨，江城一家仓库起火。\n"


def test_brand_that_replaced_a_company_name_is_reported_wherever_it_stands(spm):
    text = (
        "近日，美辰贵宾会在当地开展帮扶工作。\n"
        "在美辰贵宾会定点帮扶的村里，医护人员走村入户。\n"
        "美辰贵宾会将继续支持两县做好防疫工作。\n"
    )
    findings = spm(text)
    assert where(findings) == [(1, 4, 9, "SPM001"), (2, 2, 7, "SPM001"), (3, 1, 6, "SPM001")]
    assert [f.fix.is_safe for f in findings] == [False, False, False]  # glued to the sentence: left to a person


def test_bracketed_sports_betting_keyword_in_a_headline_goes_with_its_brackets(spm):
    text = "新能源车企如何应对价格战？【腾跃体育app】\n正文第一段讲述了行业的变化。\n"
    [finding] = spm(text)
    assert (finding.line, finding.column, finding.end_column) == (1, 14, 23)
    assert finding.message == "gambling keyword '【腾跃体育app】' spliced into a headline: '新能源车企如何应对价格战？【腾跃体育app】'"
    assert fixed(text, [finding]).splitlines()[0] == "新能源车企如何应对价格战？"


def test_access_words_after_a_name_make_it_spam_not_the_product_alone(spm):
    assert where(spm("下载了腾跃体育app，关注比赛动态。\n")) == [(1, 4, 11, "SPM001")]
    assert spm("球迷可以通过新浪体育app观看直播，国家体育总局官网也发布了赛程。\n") == []
    assert spm("腾跃体育报道，双方在上半场互有攻守。\n") == []
    assert spm("这家国际物流公司开通了国际线路，服务中欧班列。\n") == []


def test_private_lottery_game_with_its_service_words(spm):
    text = "泵站设备广泛用于污水处理，极速飞艇开奖结果网址，欢迎来电咨询。\n"
    [finding] = spm(text)
    assert (finding.column, finding.end_column) == (14, 24)
    assert finding.message.startswith("lottery brand '极速飞艇开奖结果网址' spliced into a sentence")


def test_brand_broken_by_an_injected_emoji_is_found_at_its_original_columns(spm):
    text = "据消息：6月3日凌晨2时许，金沙娱😀乐网址：江城一家仓库起火。\n"
    [finding] = spm(text)
    assert (finding.column, finding.end_column) == (15, 22)


def test_a_line_that_is_only_a_spam_keyword_is_removed_whole(spm):
    text = "正文第一段讲述了行业的变化。\n瑞丰国际登录\n正文第二段。\n"
    [finding] = spm(text)
    assert finding.message == "gambling keyword '瑞丰国际登录' on a line of its own"
    assert fixed(text, [finding]) == "正文第一段讲述了行业的变化。\n正文第二段。\n"


def test_web_address_glued_into_a_sentence(spm):
    text = "酒店进一步强化现有的操作规程和资源配置www.fake-example.cn，以为员工提供安全的环境。\n"
    [finding] = spm(text)
    assert (finding.column, finding.end_column, finding.code) == (20, 39, "SPM001")
    assert finding.message.startswith("web address 'www.fake-example.cn' spliced into a sentence")


def test_web_addresses_that_belong_to_their_sentence(spm):
    assert spm("详情请登录www.example.cn查询，或拨打服务热线。\n") == []
    assert spm("集团总裁向FashionDaily.com表示，本土市场份额已经下降。\n") == []
    assert spm("本公司官方网站为www.example.com.cn，客服电话为12345。\n") == []


def test_random_token_glued_to_a_sentence(spm):
    [finding] = spm("aQ7zKpLmWx3RbTy技术，施工，管理等角度都在培训之列。\n")
    assert (finding.column, finding.end_column) == (1, 16)
    assert finding.message == "random token 'aQ7zKpLmWx3RbTy' spliced into the start of a sentence, before '技术，施工，管理等角…'"
    assert spm("模型在HotpotQA、2WikiMultihopQA等数据集上表现良好。\n") == []


def test_extra_terms_and_ignore_terms(spm):
    text = "公司介绍：我们是一家专业的机械制造企业，星河彩站长期提供技术支持。\n"
    assert spm(text) == []
    [finding] = spm(text, {"spliced-spam-term": {"extra-terms": ["星河彩站"]}})
    assert finding.message.startswith("spam term '星河彩站' spliced into a sentence")
    assert spm(ACCIDENT, {"spliced-spam-term": {"ignore-terms": ["金沙娱乐"]}}) == []


def test_users_add_phrases_as_existence_rules_in_the_spm_family():
    rule = {"kind": "existence", "code": "SPM101", "name": "site-casino-names", "family": "SPM",
            "phrases": ["星河彩站"], "message": "casino name {match}", "fix": "delete-match"}
    text = "公司介绍：我们是一家机械制造企业，星河彩站长期提供技术支持。\n"
    findings = lint_text(text, config={"select": ["SPM"], "rules": [rule]})
    assert [(f.code, f.column, f.message) for f in findings] == [("SPM101", 18, "casino name 星河彩站")]


# -- SPM001 hard negatives: articles about the trade ---------------------------------------------


def test_report_on_lottery_regulation_is_clean(spm):
    text = (
        "多部门联合整治互联网私彩\n"
        "记者从省福彩中心获悉，今年以来，有关部门持续打击非法彩票平台和境外博彩网站的网络推广。\n"
        "福彩中心提醒彩民，购买彩票应通过实体销售网点，双色球、大乐透等玩法均未授权任何网站销售。\n"
        "警方表示，部分网站以“极速赛车”等名目诱导用户充值，涉嫌开设赌场罪。\n"
    )
    assert spm(text) == []


def test_match_preview_quoting_the_odds_once_is_clean(spm):
    zh = "本轮英超焦点战，主队近五场四胜一平。据威廉希尔开出的数据，主胜为1.85，客胜为4.20。\n"
    en = "Arsenal have won four of their last five. Bet365 make them 4/6 favourites for Sunday.\n"
    assert spm(zh) == []
    assert spm(en) == []


def test_news_about_a_casino_resort_and_a_crackdown_is_clean(spm):
    text = (
        "澳门威尼斯人度假村今日宣布翻新计划，预计明年完工。\n"
        "另据报道，警方破获一起网络赌博案，涉案平台以“瑞丰娱乐官网”名义引流，涉赌资金逾千万元。\n"
    )
    assert spm(text) == []


def test_words_that_contain_a_brand_by_accident_are_clean(spm):
    assert spm("北约炮兵部队在芬兰举行演习。\n银行的现金网点将延长营业时间。\n") == []


# -- SPM002 recurring-inserted-phrase -----------------------------------------------------------------


QUERY = "化工仓库怎么防火最有效"
INSERTED = (
    "江城一化工厂仓库凌晨起火\n"
    f"{QUERY}。应急部门提醒，企业应定期排查仓库的电气线路。{QUERY}。\n"
    f"高温天气下，易燃物品应避光、通风存放。{QUERY}。\n"
)


def test_query_inserted_as_a_clause_again_and_again(spm):
    findings = spm(INSERTED)
    assert where(findings) == [(2, 1, 12, "SPM002"), (2, 35, 46, "SPM002"), (3, 20, 31, "SPM002")]
    assert findings[0].name == "recurring-inserted-phrase"
    assert findings[0].message == f"phrase '{QUERY}' inserted as a clause of its own 3 times in the page"
    assert not findings[0].fix.is_safe
    assert fixed(INSERTED, findings, unsafe=True).splitlines()[1:] == [
        "应急部门提醒，企业应定期排查仓库的电气线路。",
        "高温天气下，易燃物品应避光、通风存放。",
    ]


def test_a_numbered_phrase_and_one_before_a_trailing_comma_count_too(spm):
    text = (
        "江城一化工厂仓库凌晨起火\n"
        f"一、{QUERY}。应急部门提醒，企业应定期排查仓库的电气线路。{QUERY}，\n"
        f"高温天气下，易燃物品应避光、通风存放。{QUERY}。\n"
    )
    assert where(spm(text)) == [(2, 3, 14, "SPM002"), (2, 37, 48, "SPM002"), (3, 20, 31, "SPM002")]


def test_the_heading_the_phrase_came_from_is_not_reported(spm):
    findings = spm(f"{QUERY}？\n" + INSERTED.split("\n", 1)[1])
    assert [f.line for f in findings] == [2, 2, 3]


def test_openers_and_reported_speech_that_writers_repeat_are_clean(spm):
    openers = "今年以来，全省新开工项目超过三百个。\n今年以来，外贸进出口稳中有升。\n今年以来，居民消费持续恢复。\n"
    speech = (
        "代表甲表示，完全赞成这份工作报告。\n"
        "代表乙说，完全赞成这份工作报告。\n"
        "代表丙认为，完全赞成这份工作报告。\n"
    )
    template = "甲型号测定仪采用重量法。即先溶解脂肪，再烘干称量。\n乙型号测定仪采用重量法。即先溶解脂肪，再烘干称量。\n丙型号也是如此。即先溶解脂肪，再烘干称量。\n"
    assert spm(openers) == []
    assert spm(speech) == []
    assert spm(template) == []


def test_min_repeats_option(spm):
    text = f"{QUERY}。应急部门提醒，企业应排查线路。\n高温天气下，易燃物品应避光存放。{QUERY}。\n"
    assert spm(text) == []
    assert len(spm(text, {"recurring-inserted-phrase": {"min-repeats": 2}})) == 2


# -- SPM003 keyword-stuffing-line ---------------------------------------------------------------------


def test_line_of_gambling_keywords(spm):
    text = "正文讲述了行业的变化。\n华盛国际登录 鼎盛娱乐官网 金鹰棋牌app下载 太阳城电玩城 真人视讯开户\n"
    findings = spm(text)
    assert where(findings) == [(2, 1, 38, "SPM003")]
    assert findings[0].name == "keyword-stuffing-line"
    assert findings[0].message == "keyword-stuffed line: 5 short phrases, 5 with trade words, no sentence"
    assert not findings[0].fix.is_safe
    assert fixed(text, findings, unsafe=True) == "正文讲述了行业的变化。\n"


def test_one_keyword_with_every_city_in_front_of_it(spm):
    text = "产品介绍结束。\n热门城市：江州折叠床批发价格 临川折叠床批发价格 青山折叠床批发价格 云州折叠床批发价格\n"
    [finding] = spm(text)
    assert (finding.line, finding.column, finding.end_column) == (2, 6, 45)
    assert finding.message == "keyword-stuffed line: 4 short phrases repeating '折叠床批发价格', no sentence"


def test_link_texts_cut_to_the_same_length(spm):
    line = "春天的作文 关于秋天的 我的好朋友 难忘的一天 写给妈妈的 家乡的变化 一次有趣的 我的新同学 快乐的周末"
    [finding] = spm(f"正文。\n{line}\n")
    assert finding.message == "keyword-stuffed line: 9 short phrases cut to 5 characters, no sentence"


def test_keyword_field_of_title_fragments(spm):
    text = "正文。\n本文关键词：城市,公园,改造,完成,市民,纷纷,前来,和,“,游玩\n"
    [finding] = spm(text)
    assert finding.message == "keyword-stuffed line: keyword field of 10 fragments, 2 of one character"


def test_honest_lists_and_tag_lines_are_clean(spm):
    assert spm("标签：折叠床 批发 价格\n") == []
    assert spm("东城区 西城区 朝阳区 海淀区 丰台区 石景山区 通州区 顺义区\n") == []
    assert spm("江州大学 临川大学 青山大学 云州大学 北岭大学 南湖大学\n") == []
    assert spm("不锈钢管 不锈钢板 不锈钢棒 不锈钢带 不锈钢丝 不锈钢卷\n") == []  # a product menu (OFT), not stuffing
    assert spm("出席会议的有：王明、李华、张强、赵丽、刘洋、陈静、杨帆。\n") == []
    assert spm("一等奖获得者：物流工程学院、机械工程学院、经济管理学院、外国语学院\n") == []
    assert spm("张三同志任省委委员、常委、书记，不再担任省委副书记、常委、委员职务；\n") == []


# -- SPM004 seo-keyword-title -------------------------------------------------------------------------


LISTING = (
    "「五年级写景作文500字」春天的公园\n"
    "导读:五年级写景作文500字-公园\n"
    "公园里的花开了，我和妈妈一起去看花。\n"
    "[五年级写景作文500字]秋游记\n"
    "导读:五年级写景作文500字-秋游\n"
    "我最喜欢的季节就是五年级写景作文500字的秋天。\n"
)


def test_keyword_stuck_to_different_headlines(spm):
    findings = spm(LISTING)
    assert where(findings) == [
        (1, 1, 14, "SPM004"),
        (2, 4, 15, "SPM004"),
        (4, 1, 14, "SPM004"),
        (5, 4, 15, "SPM004"),
        (6, 10, 21, "SPM004"),
    ]
    assert findings[0].name == "seo-keyword-title"
    assert findings[0].message == "SEO title: keyword '五年级写景作文500字' stuck to a different headline on lines 1, 2, 4, 5"
    assert findings[4].message == "SEO keyword '五年级写景作文500字' (stuck to headlines on lines 1, 2, 4, 5) spliced in here"
    assert fixed(LISTING, findings, unsafe=True).splitlines()[0] == "春天的公园"


def test_series_tags_brands_before_products_and_speaker_labels_are_clean(spm):
    products = "星光厨具(STAR) 迷你电饭煲\n星光厨具(STAR) 不粘炒锅\n星光厨具(STAR) 周年庆组合套装\n"
    interview = "本报记者：您如何评价今年的市场？\n本报记者：明年有什么新计划？\n"
    reprinted = "江州vs临川 临川客场可期 757人气\n正文。\n江州vs临川 临川客场可期\n"
    series = "【乡村振兴调研行】江州的茶园\n正文。\n【乡村振兴调研行】临川的果园\n正文。\n"
    assert spm(series) == []
    assert spm(products) == []
    assert spm(interview) == []
    assert spm(reprinted) == []


# -- the family as a whole --------------------------------------------------------------------------


def test_a_long_page_is_read_in_pieces_with_the_same_findings(spm, monkeypatch):
    """Big pages are searched a piece at a time, cut after line breaks and sentence marks: where
    the cuts fall changes no finding."""
    whole = (where(spm(INSERTED)), where(spm(LISTING)))
    monkeypatch.setattr(_pieces, "PIECE", 3)
    assert (where(spm(INSERTED)), where(spm(LISTING))) == whole
    assert len(whole[0]) == 3 and len(whole[1]) == 5


def test_clean_article_has_no_finding(spm):
    text = (
        "城市公园改造完成 市民纷纷前来游玩\n"
        "经过半年施工，城东公园改造工程日前完工。新建的步道、儿童游乐区和健身场地受到市民欢迎。\n"
        "公园管理处表示，将定期维护设施，并在周末安排志愿者引导游客。\n"
    )
    assert spm(text) == []


@pytest.mark.parametrize("rule", spam.scrapelint_rules(), ids=lambda rule: rule.code)
def test_each_rule_finds_its_bad_example_and_not_its_good_one(spm, rule):
    assert rule.code in {f.code for f in spm(rule.bad_example)}
    assert spm(rule.good_example) == []


def test_rules_pickle_for_worker_processes():
    for rule in spam.scrapelint_rules():
        assert pickle.loads(pickle.dumps(rule)).code == rule.code


def test_family_is_declared():
    [family] = spam.scrapelint_families()
    assert (family.prefix, family.name) == ("SPM", "spam spliced into text")


def test_a_product_word_is_tried_as_a_spam_keyword_only_before_one_of_its_access_words() -> None:
    from plugins._spam_lexicon import PRODUCTS
    from plugins._spam_terms import _SHAPE, _may_be_shaped

    assert not [(one, other) for one in PRODUCTS for other in PRODUCTS if one != other and other.startswith(one)]
    shaped = [product + access + "，" for product, words in PRODUCTS.items() for access in words]
    assert all(_SHAPE().match(text) and _may_be_shaped(text, 0) for text in shaped)
    assert not _may_be_shaped("体育报道", 0) and not _may_be_shaped("国际线路", 0) and not _may_be_shaped("新闻", 0)


def test_a_line_marks_a_seo_keyword_only_with_an_opening_bracket_or_a_joiner() -> None:
    from plugins._spam_titles import _MARKED_START, _MARKED_START_HOLDS, seo_keywords

    # every character as the mark after a two-letter keyword, then as a bracket at a line start
    lines = "".join(f"\n新闻{char}标题\n{char}新闻】" for char in map(chr, range(0x110000)) if char not in "\r\n")
    matches = list(_MARKED_START().finditer(lines))
    assert matches and all(match.group()[-1] in _MARKED_START_HOLDS for match in matches)
    assert seo_keywords("中文页面\n没有标记的标题\n", lambda offset: 0) == []
