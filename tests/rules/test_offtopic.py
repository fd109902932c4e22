"""OFT: content appended after the article. Each case is a page we wrote and the findings it must give.

A finding spans an appended block from its first line (column 1) to the end of its last line.
"""

from __future__ import annotations

import time

import pytest

from lint import fix_text, lint_text
from lint.page import Page
from plugins.offtopic import OFFTOPIC


def found(text: str) -> list[tuple[int, int, int]]:
    """``(line, column, end_line)`` of every OFT finding."""
    return [(f.line, f.column, f.end_line) for f in lint_text(text, select=("OFT",))]


def messages(text: str) -> list[str]:
    return [f.message for f in lint_text(text, select=("OFT",))]


# --- pages ---------------------------------------------------------------------------------------

TRAM_TITLE = "本市首条现代有轨电车线路今天正式开通运营"
TRAM = [
    "本报讯 今天上午九时，本市首条现代有轨电车线路正式开通运营。这条线路全长十八公里，设车站二十二座，"
    "连接高铁东站、大学城和滨江新区，沿线覆盖居民约四十万人。",
    "有轨电车采用低地板车辆，乘客上下车无需台阶，轮椅和婴儿车可以直接进入车厢。每列电车最多可容纳三百六十名乘客，"
    "高峰时段发车间隔为六分钟，平峰时段为十分钟。",
    "市交通运输局负责人介绍，有轨电车在路口享有信号优先，全程运行时间约四十五分钟，比公交车节省近二十分钟。"
    "开通首月，市民乘坐有轨电车可享受票价五折优惠。",
    "不少市民一早就赶到高铁东站体验有轨电车。家住大学城的王女士说，以前进城要换乘两趟公交，现在坐电车直达，上下班方便多了。",
]
HARVEST = [
    "连日来，东北平原的水稻进入收获期。在黑龙江建三江，成片的稻田金黄一片，大型收割机在田间往来穿梭，收割、脱粒、装车一气呵成。",
    "当地农场今年推广了旱育稀植和侧深施肥技术，水稻亩产比去年提高了约五十公斤。农技人员说，今年积温偏高，病虫害发生较轻，"
    "稻谷籽粒饱满，品质明显提升。",
    "眼下，各地粮库已经做好收储准备，烘干塔昼夜运转，粮食部门组织收购网点延长服务时间，确保新粮颗粒归仓。",
]
LIBRARY_TITLE = "Town library reopens after two-year renovation"
LIBRARY = [
    "The central library in Millbrook reopened on Saturday after a two-year renovation that added a children's wing, "
    "a rooftop reading garden and a room for local history archives.",
    "More than 2,000 people queued outside the library before the doors opened at nine, the council said. Many came to "
    "see the restored Victorian reading room, whose glass ceiling had been covered since the 1970s.",
    "The renovation cost 8.4 million pounds, most of it raised from a heritage grant and a public appeal. Librarians "
    "said the new wing would host reading groups for toddlers and homework clubs for older children every weekday.",
    "Head librarian Ruth Okafor said the library had lent more than 600 books by lunchtime. \"People have missed this "
    "building,\" she said. \"It is their living room, and now it has its windows back.\"",
]
VOLCANO = [
    "A volcano on the island of Halvey erupted early on Tuesday, sending a column of ash eight kilometres into the sky "
    "and forcing airlines to cancel flights across the northern Atlantic.",
    "Geologists had warned of rising magma pressure for weeks after a swarm of small earthquakes shook the island's "
    "fishing villages. Around 3,000 residents were evacuated by ferry overnight, the coastguard said.",
    "Lava flows were moving slowly towards an uninhabited valley, and scientists expect the eruption to continue for "
    "several days. Ash fell on the mainland coast, where schools were closed as a precaution.",
]
DISTRICTS = [
    "江苏省:南京市:(玄武区、秦淮区、建邺区、鼓楼区、浦口区、栖霞区、雨花台区、江宁区、六合区、溧水区、高淳区)",
    "浙江省:杭州市:(上城区、拱墅区、西湖区、滨江区、萧山区、余杭区、临平区、钱塘区、富阳区、临安区、桐庐县、淳安县)",
    "四川省:成都市:(锦江区、青羊区、金牛区、武侯区、成华区、龙泉驿区、青白江区、新都区、温江区、双流区、郫都区)",
    "湖北省:武汉市:(江岸区、江汉区、硚口区、汉阳区、武昌区、青山区、洪山区、东西湖区、汉南区、蔡甸区、江夏区)",
]
HEADLINES_ZH = [
    "社区广场舞比赛搭建风采展示平台",
    "百余名环卫工技能竞赛上展“绣花功夫”",
    "见义勇为宣传雕塑传递崇德向善新风尚",
    "文艺直通车开进老街社区 文化盛宴点亮邻里生活",
    "多学科团队巧放支架成功救治危重患者",
]
NAMES_EN = ["Harriet Cole", "Daniel Mbeki", "Sofia Lindqvist", "Tomasz Nowak", "Priya Raman", "Oliver Grant"]


def page(*blocks: list[str] | str) -> str:
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else block)
    return "\n".join(lines)


# --- appended blocks ------------------------------------------------------------------------------


def test_headline_list_after_a_header_with_view_counts_is_one_block() -> None:
    counts = ["7222", "7621", "8113", "7922", "2664"]
    tail = ["推荐阅读"] + [line for pair in zip(HEADLINES_ZH, counts) for line in pair]
    text = page(TRAM_TITLE, TRAM, tail)
    assert found(text) == [(6, 1, 16)]
    assert messages(text) == ["headline list after '推荐阅读' (lines 6-16)"]


def test_headline_list_after_an_english_header() -> None:
    tail = ["Related stories", "Council approves new cycle lanes", "Flood defences finished ahead of winter",
            "Local bakery wins national award"]
    text = page(LIBRARY_TITLE, LIBRARY, tail)
    assert found(text) == [(6, 1, 9)]
    assert "headline list after 'Related stories'" in messages(text)[0]


def test_header_broken_by_an_injected_emoji_is_still_a_header() -> None:
    text = page(TRAM_TITLE, TRAM, ["相关😀阅读", *HEADLINES_ZH[:3]])
    assert found(text) == [(6, 1, 9)]


def test_a_related_header_may_name_what_the_pages_relate_to() -> None:
    text = page(TRAM_TITLE, TRAM, ["电车出行相关参考资料：", *TRAM_RELATED[:2]], "上一篇：本市公交线网优化方案公布")
    assert found(text) == [(6, 1, 8)]
    assert messages(text) == ["headline list after '相关参考资料' (lines 6-8)"]


def test_a_sentence_about_related_work_is_no_header() -> None:
    assert found(page(TRAM_TITLE, TRAM, ["以下是相关背景：", *TRAM_RELATED[:2]])) == []


def test_headline_list_without_a_header_unrelated_to_the_article() -> None:
    text = page(TRAM_TITLE, TRAM, HEADLINES_ZH)
    assert found(text) == [(6, 1, 10)]
    assert messages(text)[0].startswith("list of 5 headlines unrelated to the article")


def test_administrative_list_appended_to_a_one_line_article() -> None:
    text = page(TRAM_TITLE, "".join(TRAM), DISTRICTS)
    assert found(text) == [(3, 1, 6)]
    assert messages(text)[0].startswith("list of 45 short items unrelated to the article")


def test_names_one_per_line_after_an_english_article() -> None:
    text = page(LIBRARY_TITLE, LIBRARY, NAMES_EN)
    assert found(text) == [(6, 1, 11)]


def test_unrelated_article_appended_in_chinese() -> None:
    text = page(TRAM_TITLE, TRAM, HARVEST)
    assert found(text) == [(6, 1, 8)]
    assert messages(text)[0].startswith("unrelated article: shares")


def test_unrelated_article_appended_in_english_with_its_title() -> None:
    text = page(LIBRARY_TITLE, LIBRARY, "Volcano erupts on Halvey, flights cancelled", VOLCANO)
    assert found(text) == [(6, 1, 9)]


def test_unrelated_article_on_one_line() -> None:
    text = page(LIBRARY_TITLE, LIBRARY, " ".join(VOLCANO))
    assert found(text) == [(6, 1, 6)]


def test_several_blocks_each_reported_once() -> None:
    tail_headlines = ["推荐阅读", *HEADLINES_ZH]
    text = page(TRAM_TITLE, "".join(TRAM), DISTRICTS, "".join(HARVEST), tail_headlines)
    assert found(text) == [(3, 1, 6), (7, 1, 7), (8, 1, 13)]


def test_related_headlines_after_the_articles_footer_are_appended_even_on_its_subject() -> None:
    related = ["有轨电车开通首日客流突破两万人次", "有轨电车票价五折优惠延长至年底", "有轨电车二期线路开工建设"]
    text = page(TRAM_TITLE, TRAM, "上一篇：本市公交线网优化调整", "下一篇：地铁三号线试运行", related)
    assert found(text) == [(8, 1, 10)]
    assert messages(text)[0] == "list of 3 headlines after the end of the article (lines 8-10)"


def test_a_ui_phrase_run_into_the_last_line_does_not_announce_the_list() -> None:
    text = page(LIBRARY_TITLE, LIBRARY[:-1], LIBRARY[-1] + " Share this:", NAMES_EN)
    assert found(text) == [(6, 1, 11)]


def test_finding_ends_at_the_end_of_the_last_line() -> None:
    text = page(TRAM_TITLE, TRAM, ["推荐阅读", *HEADLINES_ZH[:2]])
    (finding,) = lint_text(text, select=("OFT",))
    assert (finding.end_line, finding.end_column) == (8, len(HEADLINES_ZH[1]) + 1)


def test_seed_page_district_list_unrelated_article_and_headlines(seed_text: str) -> None:
    assert found(seed_text) == [(5, 1, 15), (16, 1, 16), (17, 1, 59)]


# --- hard negatives: the article's own content ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        page(TRAM_TITLE, TRAM),
        page(LIBRARY_TITLE, LIBRARY),
        page(TRAM_TITLE, "".join(TRAM)),
        # a short closing paragraph and a sign-off
        page(TRAM_TITLE, TRAM, "记者将继续关注。", "（完）", "责任编辑：李华"),
        page(LIBRARY_TITLE, LIBRARY, "The library is open daily from 9am.", "Copyright 2024 Millbrook Gazette"),
        # the article's own bullet list, announced by its text
        page(TRAM_TITLE, TRAM, "乘车须知：", ["- 车票可在站台自助售票机购买", "- 可使用公交卡和手机扫码乘车",
                                        "- 电动自行车不得带入车厢"]),
        # a numbered how-to
        page(
            "How to repot a houseplant",
            "Repotting gives a crowded plant fresh soil and room to grow. Spring is the best time to do it.",
            ["1. Water the plant the day before", "2. Ease the plant out of its old pot", "3. Loosen the roots gently",
             "4. Set it in the new pot and fill with fresh soil"],
        ),
        # a list of the stations the article talks about
        page(TRAM_TITLE, TRAM, ["高铁东站", "大学城站", "滨江新区站", "市民中心站"]),
        # a list in the body, followed by more of the article
        page(LIBRARY_TITLE, LIBRARY[:2], ["Children's wing", "Rooftop reading garden", "Local history room"],
             LIBRARY[2:]),
        # a news digest: headline, paragraph, headline, paragraph, each on its own subject
        page("国内新闻速览", "本台消息：", "本市首条有轨电车线路开通", TRAM[0], "东北水稻进入收获期", HARVEST[0],
             "多地粮库做好收储准备", HARVEST[2]),
        # no prose at all: a list page is not judged
        page("今日要闻", HEADLINES_ZH),
    ],
)
def test_the_articles_own_content_is_not_off_topic(text: str) -> None:
    assert found(text) == []


# --- fix, options, size ------------------------------------------------------------------------------


def test_fix_is_unsafe_and_removes_the_whole_block() -> None:
    text = page(TRAM_TITLE, TRAM, ["推荐阅读", *HEADLINES_ZH])
    (finding,) = lint_text(text, select=("OFT",))
    assert not finding.fix.is_safe
    assert fix_text(text, select=("OFT",)).text == text  # safe fixes only: nothing to do
    assert fix_text(text, select=("OFT",), unsafe=True).text.rstrip("\n") == page(TRAM_TITLE, TRAM)


@pytest.mark.parametrize("header", ["本站精选", "◆本站精选◆"])  # written with its marks too
def test_extra_header_phrases_come_from_the_options(header: str) -> None:
    # headlines on the article's own subject: only the site's header tells they were appended
    related = ["有轨电车开通首日客流突破两万人次", "有轨电车票价五折优惠延长至年底"]
    text = page(TRAM_TITLE, TRAM, [header, *related])
    options = OFFTOPIC.default_options()
    assert [v.message for v in OFFTOPIC.check(Page(text), options)] == []
    options["headers"] = [header]
    assert [v.message for v in OFFTOPIC.check(Page(text), options)] == [f"headline list after '{header}' (lines 6-8)"]


def test_the_rules_own_examples() -> None:
    assert [f.line for f in lint_text(OFFTOPIC.bad_example, select=("OFT",))] == [2]
    assert lint_text(OFFTOPIC.good_example, select=("OFT",)) == []


def test_a_large_page_is_checked_in_linear_time() -> None:
    body = page(TRAM, HARVEST) + "\n"
    small, large = page(TRAM_TITLE, body * 20), page(TRAM_TITLE, body * 200)
    timings = []
    for text in (small, large):
        began = time.perf_counter()
        list(OFFTOPIC.check(Page(text), OFFTOPIC.default_options()))
        timings.append(time.perf_counter() - began)
    assert timings[1] < 30 * timings[0] + 0.5  # ten times the text, not a hundred times the time


# --- navigation before the article ------------------------------------------------------------------

TRAM_RELATED = [
    "有轨电车开通首日客流突破两万人次",
    "有轨电车票价五折优惠延长至年底",
    "滨江新区将新建三座有轨电车车站",
    "大学城站周边公交线路调整方案公布",
]


NAV_ZH = [f"{headline} 2024-03-0{day}" for day, headline in enumerate(HEADLINES_ZH, 1)]  # dated links
MENU_EN = ["News | Local", "News | Politics", "News | Business", "Sport | Football", "Sport | Cricket"]


def test_headlines_before_the_article_are_one_navigation_block() -> None:
    text = page(TRAM_TITLE, NAV_ZH, TRAM)
    assert found(text) == [(2, 1, 6)]
    assert messages(text) == ["navigation before the article: 5 short link lines (lines 2-6)"]


def test_a_menu_above_an_english_article() -> None:
    text = page(LIBRARY_TITLE, MENU_EN, LIBRARY)
    assert found(text) == [(2, 1, 6)]


def test_short_lines_of_the_articles_own_before_its_prose_are_not_navigation() -> None:
    # a lead set in short lines, as phone layouts do: no shared template, no counts or dates
    text = page(TRAM_TITLE, HEADLINES_ZH, TRAM)
    assert found(text) == []


def test_navigation_fix_deletes_the_block_and_keeps_the_title() -> None:
    text = page(TRAM_TITLE, NAV_ZH, TRAM)
    assert fix_text(text, select=("OFT",), unsafe=True).text == page(TRAM_TITLE, TRAM)


@pytest.mark.parametrize(
    "text",
    [
        # a title, a byline and a date above the article
        page(LIBRARY_TITLE, "By Jane Whitfield", "Published 3 March 2024", "Updated 4 March 2024, 10:15 GMT", LIBRARY),
        page(TRAM_TITLE, "作者：张明", "2024-03-05 10:20", "来源：本报", "本报记者 王丽", TRAM),
        # a title broken over several lines, as some sites print it
        page(TRAM_TITLE, "本市首条现代有轨电车", "线路今天正式开通运营", "全长十八公里 设车站二十二座", TRAM),
        # a short table of contents whose entries are the article's own section headings
        page(
            TRAM_TITLE, "线路概况", "车辆与运力", "票价与优惠", "市民反响",
            TRAM[0][:40] + "。", "线路概况", TRAM[0], "车辆与运力", TRAM[1], "票价与优惠", TRAM[2], "市民反响", TRAM[3],
        ),
        # a list the article's first line announces
        page(LIBRARY_TITLE, "What the renovation added:", ["A children's wing", "A rooftop garden", "A history room"],
             LIBRARY),
    ],
)
def test_the_articles_own_header_is_not_navigation(text: str) -> None:
    assert found(text) == []


# --- tails without a clean boundary -------------------------------------------------------------------


def test_related_news_with_dates_on_the_articles_subject() -> None:
    dated = [f"{headline} 2024-03-0{day}" for day, headline in enumerate(TRAM_RELATED, 6)]
    text = page(TRAM_TITLE, TRAM, dated)
    assert found(text) == [(6, 1, 9)]
    assert messages(text) == ["list of 4 dated headlines after the article (lines 6-9)"]


def test_teasers_of_other_articles_on_the_same_subject() -> None:
    teasers = [
        TRAM_RELATED[0], "有轨电车开通首日，各站点客流持续走高，全天累计运送乘客两万余人次，高铁东站最为繁忙。",
        TRAM_RELATED[1], "市交通运输局宣布，有轨电车票价五折优惠将延长至年底，市民持公交卡乘车同样享受优惠。",
        TRAM_RELATED[2], TRAM_RELATED[3],
    ]
    text = page(TRAM_TITLE, TRAM, teasers)
    assert found(text) == [(6, 1, 11)]
    assert messages(text) == ["headlines of other articles with their opening lines (lines 6-11)"]


def test_an_article_in_sections_under_its_own_headings_is_not_a_teaser_tail() -> None:
    text = page(
        TRAM_TITLE, TRAM[0], TRAM[1], "车辆与运力", TRAM[2], "市民反响", TRAM[3], "下一步计划",
        "市交通运输局表示，二期工程明年开工。", "延伸线路", "规划中的延伸线路将连接机场。",
    )
    assert found(text) == []


def test_a_list_of_the_sites_headlines_with_this_pages_own_title() -> None:
    text = page(TRAM_TITLE, TRAM, [TRAM_TITLE, *TRAM_RELATED[:2]])
    assert found(text) == [(6, 1, 8)]


def test_two_headlines_after_the_prev_next_links_close_the_page() -> None:
    text = page(TRAM_TITLE, TRAM, "上一篇：本市公交线网优化方案公布", "标签：有轨电车 交通", TRAM_RELATED[:2])
    assert found(text) == [(8, 1, 9)]
    assert messages(text) == ["headlines after the end of the article (lines 8-9)"]


def test_one_unrelated_headline_after_the_prev_next_links_closes_the_page() -> None:
    text = page(TRAM_TITLE, TRAM, "上一篇：本市公交线网优化方案公布", HEADLINES_ZH[4])
    assert found(text) == [(7, 1, 7)]
    assert messages(text) == ["headlines after the end of the article (line 7)"]


def test_a_short_name_after_the_prev_next_links_closes_the_page_when_unrelated() -> None:
    text = page(TRAM_TITLE, TRAM, "下一篇：地铁三号线试运行", "家用净水器")
    assert found(text) == [(7, 1, 7)]


def test_two_headlines_right_under_the_last_paragraph_close_the_page() -> None:
    text = page(TRAM_TITLE, TRAM, TRAM_RELATED[:2])
    assert found(text) == [(6, 1, 7)]
    assert messages(text) == ["headlines after the end of the article (lines 6-7)"]


@pytest.mark.parametrize(
    "closing",
    [
        ["本市交通运输局有限公司", "二〇二四年三月五日"],  # a signature: the issuer and the date
        ["本报记者 王芳 实习生 李明", "编辑 张强 责任编辑 赵丽"],  # bylines without colons
        [TRAM_RELATED[0]],  # one line: as often the article's own last remark
    ],
)
def test_the_articles_signature_or_one_line_under_its_last_paragraph_is_no_headline(closing: list[str]) -> None:
    assert found(page(TRAM_TITLE, TRAM, closing)) == []


def test_the_two_titles_under_a_post_navigation_label_are_the_sites_links() -> None:
    text = page(TRAM_TITLE, TRAM, "分类 交通 标签 有轨电车 文章导航", HEADLINES_ZH[:2])
    assert found(text) == []


def test_a_list_after_the_next_link_below_a_data_sheet_is_appended() -> None:
    sheet = ["折叠电动自行车 E20", "车架材质：铝合金", "额定功率：250W", "续航60公里，充电时间约5小时。", "支持电量显示",
             "前后碟刹", "可折叠车把"]
    text = page(sheet, "下一个：城市通勤电动滑板车", HEADLINES_ZH[:3])
    assert found(text) == [(9, 1, 11)]
    assert messages(text) == ["list of 3 headlines after the end of the article (lines 9-11)"]


@pytest.mark.parametrize(
    "last",
    [
        "有轨电车让滨江新区出行更便捷",  # the site's slogan on the article's subject
        "信息及图片来源：市交通运输局",  # a source field
    ],
)
def test_one_line_on_the_articles_subject_after_the_links_is_not_a_headline(last: str) -> None:
    assert found(page(TRAM_TITLE, TRAM, "上一篇：本市公交线网优化方案公布", last)) == []


def test_a_long_keyword_field_is_the_sites_not_a_list() -> None:
    keywords = "本文关键词：" + "，".join(["有轨电车", "滨江新区", "高铁东站", "大学城", "票价", "优惠", "低地板",
                                          "信号优先", "公交", "换乘", "体验", "开通", "运营", "市民", "电车"])
    assert found(page(TRAM_TITLE, TRAM, keywords)) == []


# --- generated pages, listings, pages without prose ---------------------------------------------------


@pytest.mark.parametrize("above", [[], ["电车网"]])  # a site's name above the title is no title
def test_headlines_spliced_between_the_paragraphs_of_a_generated_page(above: list[str]) -> None:
    text = page(above, TRAM_TITLE, HEADLINES_ZH[0], TRAM[0], HEADLINES_ZH[1], TRAM[1], HEADLINES_ZH[2], TRAM[2], TRAM[3])
    lines = [number + len(above) for number in (2, 4, 6)]
    assert found(text) == [(number, 1, number) for number in lines]
    assert set(messages(text)) == {f"headline of another article spliced into the text (line {n})" for n in lines}


def test_on_a_generated_page_a_spliced_headline_may_share_a_word_by_chance() -> None:
    text = page(TRAM_TITLE, HEADLINES_ZH[0], TRAM[0], HEADLINES_ZH[1], TRAM[1], "有轨人生 不负韶华", TRAM[2],
                HEADLINES_ZH[2], TRAM[3])
    assert found(text) == [(number, 1, number) for number in (2, 4, 6, 8)]


def test_headings_that_name_what_their_paragraph_says_are_not_spliced() -> None:
    text = page(TRAM_TITLE, "线路全长十八公里", TRAM[0], "有轨电车低地板车辆", TRAM[1], "有轨电车信号优先", TRAM[2], TRAM[3])
    assert found(text) == []


def test_link_lines_opening_the_page_above_its_first_headline_are_a_menu() -> None:
    text = page("电车资讯", "公交线路", TRAM_TITLE, TRAM)
    assert found(text) == [(1, 1, 2)]
    assert messages(text) == ["navigation before the article: 2 short link lines (lines 1-2)"]


@pytest.mark.parametrize(
    "text",
    [
        page("本地新闻", "2024-03-05", TRAM_TITLE, TRAM),  # a section name and a date line
        page("电车", "电车", TRAM_TITLE, TRAM),  # one link twice is no menu
        page("有轨电车", "二期", TRAM[0], TRAM[1]),  # a title and its subtitle above the text
    ],
)
def test_short_lines_opening_the_page_otherwise_are_no_menu(text: str) -> None:
    assert found(text) == []


def test_a_title_and_its_copy_above_the_article_are_no_menu() -> None:
    # a listing's item: its title, a date and section, a tag, the title again
    text = page("列表", TRAM_TITLE, "24 10:20 栏目：交通", "本市", TRAM_TITLE, TRAM)
    assert found(text) == []


def test_a_listing_of_teasers_cut_short_has_no_article_to_append_to() -> None:
    teasers = [line for headline, paragraph in zip(TRAM_RELATED, HARVEST + TRAM) for line in (headline, paragraph[:40] + "...")]
    assert found(page("交通资讯", teasers, HEADLINES_ZH)) == []


RANKING = [f"{rank}{headline}" for rank, headline in enumerate(HEADLINES_ZH, 1)]  # ranks glued to the headlines


def test_openings_of_other_articles_cut_short_close_the_page_with_their_dates() -> None:
    cut = ["21", "22 09:00 " + HARVEST[0][:30] + "...", "14", "15 星期三 " + HARVEST[2][:30] + "..."]
    text = page(TRAM_TITLE, TRAM, cut)
    assert found(text) == [(6, 1, 9)]
    assert messages(text) == ["openings of other articles cut short (lines 6-9)"]


@pytest.mark.parametrize(
    "ending",
    [
        [TRAM[0][:30] + "..."],  # one line cut short
        [TRAM[0].rstrip("。") + "…", TRAM[1].rstrip("。") + "…"],  # paragraphs that trail off, the writer's style
    ],
)
def test_lines_cut_short_at_the_end_are_the_articles_own_unless_between_dates(ending: list[str]) -> None:
    assert found(page(TRAM_TITLE, TRAM, ending)) == []


def test_a_ranking_box_closing_a_listing_is_appended_to_it() -> None:
    teasers = [line for headline, paragraph in zip(TRAM_RELATED, HARVEST + TRAM) for line in (headline, paragraph[:40] + "...")]
    text = page("交通资讯", teasers, RANKING, "版权所有 电车网")
    assert found(text) == [(10, 1, 15)]
    assert messages(text) == ["ranking of other pages' headlines (lines 10-15)"]


def test_a_ranking_box_closing_an_article_on_its_subject_is_appended() -> None:
    ranking = [f"{rank}{headline}" for rank, headline in enumerate(TRAM_RELATED + ["有轨电车夜间加开班次"], 1)]
    assert found(page(TRAM_TITLE, TRAM, ranking)) == [(6, 1, 10)]


@pytest.mark.parametrize(
    "steps",
    [
        [f"{rank}. {headline}" for rank, headline in enumerate(TRAM_RELATED + ["有轨电车夜间加开班次"], 1)],  # its own steps
        [f"{rank}{headline}" for rank, headline in enumerate(TRAM_RELATED, 1)],  # too few to tell
        RANKING[1:],  # not ranked from one
    ],
)
def test_numbered_lines_that_are_no_ranking_box(steps: list[str]) -> None:
    assert not any(message.startswith("ranking") for message in messages(page(TRAM_TITLE, TRAM, steps)))


@pytest.mark.parametrize("byline", [[], ["24 编辑：李华 来源：市交通运输局"]])
def test_another_pages_headline_above_the_title_is_navigation(byline: list[str]) -> None:
    text = page(HEADLINES_ZH[4], TRAM_TITLE, byline, TRAM)
    assert found(text) == [(1, 1, 1)]


def test_a_first_line_ending_with_the_menus_count_is_its_first_link() -> None:
    counted = [f"{headline} {count}人气" for headline, count in zip(TRAM_RELATED + HEADLINES_ZH, range(301, 400, 11))]
    text = page(counted, TRAM)
    assert found(text) == [(1, 1, len(counted))]


def test_a_title_above_its_subtitle_is_no_stray_headline() -> None:
    assert found(page(TRAM_TITLE, "滨江新区居民出行有了新选择", TRAM)) == []


def test_a_related_box_on_a_product_sheet_without_prose() -> None:
    sheet = ["折叠电动自行车 E20（20英寸 续航60公里）", "车架材质：铝合金", "额定功率：250W"]
    box = ["相关推荐", "城市通勤电动滑板车", "儿童平衡车 12英寸", "山地自行车 27速"]
    text = page(sheet, box, "电池容量：10Ah")
    assert found(text) == [(4, 1, 7)]
    assert messages(text) == ["headline list after '相关推荐' (lines 4-7)"]


def test_link_buttons_after_the_prev_next_links_are_chrome_not_headlines() -> None:
    text = page(TRAM_TITLE, TRAM, "上一篇：本市公交线网优化方案公布", "有轨电车线路图详情点击>>", "乘车指南下载请点击这里")
    assert found(text) == []


def test_a_half_width_comma_in_chinese_text_is_a_clause_not_a_headline() -> None:
    # teasers need headlines between them; lines of a story typed with half-width commas are its sentences
    story = ["市民早早来到高铁东站,等候有轨电车首班车", "有轨电车车门打开,乘客涌入车厢", "司机说,有轨电车第一天乘客特别多",
             "市民纷纷在有轨电车上拍照留念,场面热闹"]
    text = page(TRAM_TITLE, TRAM, story[0], TRAM[0], story[1], story[2], TRAM[1], story[3])
    assert found(text) == []


def test_a_line_too_short_for_a_title_above_a_menu_is_the_menus_first_link() -> None:
    text = page("电车资讯", NAV_ZH, TRAM)
    assert found(text) == [(1, 1, 6)]
    assert messages(text) == ["navigation before the article: 6 short link lines (lines 1-6)"]


def test_spliced_headlines_two_at_a_time_with_a_keyword_between_them() -> None:
    text = page(TRAM_TITLE, TRAM[0], HEADLINES_ZH[0], TRAM[1], HEADLINES_ZH[1], "袋鼠皮革", HEADLINES_ZH[2], TRAM[2], TRAM[3])
    assert found(text) == [(3, 1, 3), (5, 1, 5), (7, 1, 7)]


def test_three_headlines_in_a_row_between_paragraphs_are_no_spliced_headlines() -> None:
    text = page(TRAM_TITLE, TRAM[0], HEADLINES_ZH[0], HEADLINES_ZH[1], HEADLINES_ZH[2], TRAM[1], TRAM[2], TRAM[3])
    assert "spliced" not in " ".join(messages(text))


def test_the_line_shapes_space_set_is_every_space_a_pattern_may_match() -> None:
    """Header and UI-phrase tests strip these before deciding no pattern can match: a space they
    missed would hide a header or a trailing "分享到：" behind it."""
    from plugins._line_shapes import _SPACES

    assert set(_SPACES) == {char for char in map(chr, range(0x3001)) if char.isspace()}
    assert not any(char.isspace() for char in map(chr, range(0x3001, 0x110000)))


def test_a_ui_phrase_run_into_a_line_end_behind_arrows_and_spaces_is_still_found() -> None:
    from plugins._line_shapes import _without_trailing_ui

    assert _without_trailing_ui("人民币汇率保持基本稳定。分享到： > » \u3000>") == "人民币汇率保持基本稳定。"
    assert _without_trailing_ui("Markets closed higher on Friday | SHARE THIS ARTICLE") == "Markets closed higher on Friday"


def test_a_trailing_ui_phrase_is_compiled_only_for_a_line_that_holds_it_in_any_case() -> None:
    """A line's end is matched against the phrases its fold holds: whatever ``(?i)`` matches to a
    phrase's character must fold to it, or a phrase written so would be missed."""
    import regex

    from plugins._line_shapes import (
        _COPYRIGHT_MARKS,
        _FOOTER_OPENINGS,
        _MARKER_WORDS,
        _SITE_FIELD_OPENINGS,
        _UI_PHRASES,
        case_fold,
        _without_trailing_ui,
    )

    every = "".join(map(chr, range(0x110000)))
    from plugins._oft_nav import _HEADER_OPENINGS, _WEEKDAY

    openings = (*_SITE_FIELD_OPENINGS, *_MARKER_WORDS, *_FOOTER_OPENINGS, *_COPYRIGHT_MARKS, *_HEADER_OPENINGS, _WEEKDAY)
    for char in {char for _, held in _UI_PHRASES for char in held} | set("".join(openings)):
        assert {case_fold(found) for found in regex.findall(f"(?i){regex.escape(char)}", every)} == {char}
    assert _without_trailing_ui("Markets closed higher on Friday. ſhare") == "Markets closed higher on Friday."
    assert _without_trailing_ui("The figures are as follows:") == "The figures are as follows:"


def test_a_line_with_a_colon_is_matched_against_the_footer_labels_only_if_it_opens_with_one() -> None:
    from plugins._line_shapes import _FOOTER, _may_be_footer

    footers = ["责任编辑：张三", "EDITED BY: Jane Doe", "本站标签：经济", "（完）", "Tel | 010-1234", "ſource: Reuters", "COPYRİGHT: 2024 Example"]
    assert all(_FOOTER().search(line) and _may_be_footer(line) for line in footers)
    assert not _may_be_footer("会议指出：要坚持稳中求进") and not _may_be_footer("The squad: Smith, Jones")


def test_a_byline_or_date_line_is_looked_for_only_on_a_line_with_a_digit_a_weekday_or_a_byline_word() -> None:
    from plugins._oft_nav import _HEADER_LINE, _header_line
    from plugins._line_shapes import Line, Shape

    def line(text: str) -> Line:
        return Line(0, text, Shape.ITEM, 3.0, 1, ())

    headers = ["BY JANE DOE", "文 | 张三", "记者 李四", "2024年5月1日", "10:30 GMT", "ſaturday", "Published on Monday"]
    assert all(_HEADER_LINE().search(text) and _header_line(line(text)) for text in headers)
    assert not _header_line(line("Souness lines up Owen")) and not _header_line(line("新华社消息"))


def test_a_line_is_matched_against_the_list_markers_only_if_its_first_character_may_start_one() -> None:
    import regex

    from plugins._line_shapes import _may_be_marked

    # what the first element of each of _MARKER's branches matches, in any case (its words apart)
    firsts = regex.compile(r"(?i)[-–—•*●■◆▪►✓✔\uf000-\uf8ff]|\d|[(（]|[①-⑳]|[一二三四五六七八九十]|第")
    every = map(chr, range(0x110000))
    assert all(_may_be_marked(char + ".") or _may_be_marked(char + "一章") for char in every if firsts.match(char))
    assert _may_be_marked("Step 2") and _may_be_marked("SECTİON 3") and _may_be_marked("ſtep 1")
    assert not _may_be_marked("The") and not _may_be_marked("Souness") and not _may_be_marked("新") and not _may_be_marked("“")


def test_a_line_opening_with_a_number_is_matched_against_the_list_markers_only_if_a_mark_may_follow_it() -> None:
    from plugins._line_shapes import _MARKER, _may_be_marked

    # a number, then every character of the BMP (beyond it, digits are told as test_digits.py
    # checks), then what would complete a marker after it
    for number, rests in (("1", (".", " A")), ("123", (".", " A")), ("三", ("",)), ("第", ("章",)), ("第十", ("章",))):
        lines = [number + char + rest for char in map(chr, range(0x10000)) for rest in rests]
        assert not [line for line in lines if not _may_be_marked(line) and _MARKER().match(line)]
    assert _may_be_marked("1\U00011f51. Kawi digits") and _may_be_marked("第\U00011f51章")
    assert all(map(_may_be_marked, ("1. Intro", "12) Fees", "3 Ways to save", "2、", "三、", "十二.", "第十二章", "第3节")))
    assert not any(map(_may_be_marked, ("2021年9月", "9月3日", "2024-05-01 10:30", "5G phones", "1,000 people", "42")))
    assert not any(map(_may_be_marked, ("三是开展", "第三，悦己", "一二三四、")))


def test_a_header_is_known_whatever_its_spacing_case_and_decoration() -> None:
    from plugins._line_shapes import header_matcher

    headers = header_matcher()
    assert headers.match("【 RELATED \u3000  Stories 】") == ("RELATED \u3000  Stories", "")
    assert headers.match("»  More from The Guardian") == ("More from The Guardian", "")
    assert headers.match("浪琴咨询相关参考资料：") == ("相关参考资料", "")
    assert headers.match("More than 200 people attended the hearing on Monday") is None


def test_unspaced_runs_are_the_same_whether_regex_or_re_scans_them():
    from plugins._text_stats import _RUNS

    every = "".join(map(chr, range(0x110000)))
    assert _RUNS.by_regex().findall(every) == _RUNS.by_re().findall(every)
    assert _RUNS.by_regex().findall("中文English한국어ไทย日本語") == _RUNS.by_re().findall("中文English한국어ไทย日本語") == ["中文", "ไทย日本語"]


def test_a_section_compared_with_the_rest_of_the_page_as_if_the_rest_were_built():
    # _wanders compares every section of a digest with the rest of the page; building "the
    # rest" per section made a page of many sections quadratic, so it is computed from totals.
    from collections import Counter

    from plugins._text_stats import cosine, cosine_to_rest, square_norm

    sections = [Counter("火车 站 春运 旅客 火车".split()), Counter("股市 上涨 旅客".split()), Counter("春运 火车 票".split())]
    total = sum(sections, Counter())
    for section in sections:
        assert cosine_to_rest(section, total, square_norm(total)) == pytest.approx(cosine(section, total - section))
    assert cosine_to_rest(Counter({"孤": 2}), Counter({"孤": 2, "独": 1}), 5) == 0.0


def test_the_terms_above_any_line_are_those_of_the_lines_above_it_however_they_are_counted():
    # The walk, the digest test and a lone closing headline each need the terms above a line:
    # the page is counted once, and above a line in its lower half is the total less what is below.
    from collections import Counter

    from plugins._line_shapes import header_matcher, read_lines
    from plugins._oft_tally import Tally

    text = "英伟达宣布投资千亿美元。\n推荐阅读\n广场舞比赛搭建风采展示平台\nMarkets closed higher on Friday.\n环卫工技能竞赛\n"
    lines = read_lines(text.splitlines(), header_matcher(), 60.0)
    tally = Tally(lines)
    for position in (len(lines), 0, 1, len(lines) - 1, 2):
        counted = Counter(term for line in lines[:position] for term in line.terms)
        assert +tally.before(position) == counted
        tally.before(position).clear()  # the caller's own: the shared total is left as it was
    assert tally.total() == Counter(term for line in lines for term in line.terms)


def test_taking_counts_off_leaves_what_counter_subtract_leaves_zero_counts_included():
    from collections import Counter

    from plugins._text_stats import subtract

    counts, expected = Counter("火车 火车 春运 旅客".split()), Counter("火车 火车 春运 旅客".split())
    subtract(counts, Counter("火车 春运 股市".split()))
    expected.subtract(Counter("火车 春运 股市".split()))
    assert counts == expected and list(counts.items()) == list(expected.items())
    assert counts["春运"] == 0 and "春运" in counts  # a term taken off entirely is counted 0, as absent


def test_a_full_stop_closing_a_line_ends_a_sentence_but_leaves_an_enumeration_whole() -> None:
    # The stop is looked for before the closing stops (the enumeration test needs that) and in
    # the whole line only when there is none before them and the line ends with one.
    from plugins._line_shapes import Shape, header_matcher, read_lines

    texts = ["Markets closed higher on Friday.", "Markets closed higher on Friday", "出席的还有：王毅、尹力、张三、李四、王五、赵六。",
             "东城区、西城区、朝阳区、海淀区、丰台区", "东城区。西城区、朝阳区、海淀区、丰台区"]  # fmt: skip
    lines = read_lines(texts, header_matcher(), 60.0)
    assert [(line.shape, line.items) for line in lines] == [
        (Shape.PROSE, 1), (Shape.ITEM, 1), (Shape.PROSE, 6), (Shape.ITEM, 5), (Shape.PROSE, 1)
    ]


def test_a_line_introduces_a_list_by_its_own_words_not_by_a_headers_or_a_ui_phrases_colon() -> None:
    # Asked only of the line above a list, so measured then, not for every line of the page.
    from plugins._line_shapes import header_matcher, introduces, read_lines

    lines = read_lines(["主要包括以下几点：", "The squad:", "相关阅读：", "实现全年目标。分享到："], header_matcher(), 60.0)
    assert [introduces(line) for line in lines] == [True, True, False, False]


def test_a_line_is_matched_as_a_labelled_field_only_if_a_colon_stands_among_its_first_characters() -> None:
    import regex

    from plugins import _oft_nav, _oft_teasers
    from plugins._line_shapes import Line, Shape, opens_with_label

    lines = [f"{'标' * at}{colon} 值1" for at in range(20) for colon in (":", "：")] + ["标签 无冒号", "上一篇：下一篇"]
    for text in lines:
        assert _oft_teasers._field(text) == bool(regex.match(r"^[^:：]{1,10}[:：]", text))
        assert _oft_nav._field(Line(0, text, Shape.ITEM, 3.0, 1, ())) == bool(regex.match(r"^[^:：]{1,10}[:：]\s*\S", text))
        assert opens_with_label(16, r"[^:：]*\d")(text) == bool(regex.match(r"^[^:：]{1,16}[:：][^:：]*\d", text))


def test_a_line_end_is_searched_for_a_date_only_if_it_holds_a_date_mark_or_three_words() -> None:
    from plugins._line_shapes import _DATED, _may_end_with_date

    dates = ["2024-05-01", "（2024年5月1日）", "24/5", "2024.05.01 10:30", "[2024-5-1  9:05:33]", " 3 May 2024", "\u30003\u3000五月\u30002024"]
    endings = [head + date for head in ("标题", "Headline ", "") for date in dates]
    assert all(_DATED().search(ending) and _may_end_with_date(ending) for ending in endings)
    assert not any(map(_may_end_with_date, ("第3", "共有1200", "Top 10", "增长12%", "第十二章")))
