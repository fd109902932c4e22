"""BYL: bylines and titles printed twice. Each case is a page and the findings it must give."""

from __future__ import annotations

import pytest

from lint import fix_text, lint_text


def found(text: str, select: str = "BYL") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in lint_text(text, select=(select,))]


# --- BYL001 duplicated-byline ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # the second copy is reported where it starts
        ("文 | 财华社 文 | 财华社 9月22日，英伟达宣布投资。", [(1, 9, "BYL001")]),
        ("作者：张三 作者：张三\n正文第一段。", [(1, 7, "BYL001")]),
        ("来源：新华社 来源：新华社\n新华社北京电，……", [(1, 8, "BYL001")]),
        ("来源：新华社来源：新华社\n正文。", [(1, 7, "BYL001")]),
        ("By Jane Doe By Jane Doe\nThe minister said on Monday.", [(1, 13, "BYL001")]),
        ("BY JANE DOE BY JANE DOE\nText.", [(1, 13, "BYL001")]),
        ("By Jane Doe, BBC News By Jane Doe, BBC News\nText.", [(1, 23, "BYL001")]),
        # on the next line, blank lines between or not
        ("By Jane Doe\nBy Jane Doe\nThe minister said on Monday.", [(2, 1, "BYL001")]),
        ("记者 李明\n\n记者 李明\n本报讯 昨日，……", [(3, 1, "BYL001")]),
        # a date between the two copies on one line
        ("来源：新华社 2023-09-01 来源：新华社\n正文。", [(1, 19, "BYL001")]),
        # label spelled differently, same source
        ("文章来源：人民网 来源：人民网\n正文。", [(1, 10, "BYL001")]),
        # a header line ending with the source, the next line starting with it again
        ("2022年04月14日\u3000来源：南方周末 分享到\n来源：南方周末\n记者：柯玉圆", [(2, 1, "BYL001")]),
        # an emoji planted in the repeat does not hide it
        ("文 | 财华社 文 | 财😀华社 9月22日，……", [(1, 9, "BYL001")]),
    ],
)
def test_repeated_byline_is_reported_at_the_repeat(page: str, expected: list) -> None:
    assert found(page, "BYL001") == expected


@pytest.mark.parametrize(
    "page",
    [
        "文 | 财华社 9月22日，英伟达宣布投资。",  # a single byline
        "By Jane Doe\nThe minister said on Monday.",
        "作者：张三 作者：张三丰\n正文。",  # two different names
        "来源：新华社 作者：新华社\n正文。",  # two different labels
        "作者：张三 编辑：张三\n正文。",
        # the same photographer credited under two captions: not adjacent bylines
        "图为街景。记者 张三 摄\n图为会场。记者 张三 摄",
        # a long paragraph that ends with a credit, the next line starting with the same credit
        "新华社记者 王五 报道：" + "会议指出，要扎实推进各项工作。" * 8 + " 记者 王五\n记者 王五 摄",
        "He said by Friday he would decide. By Friday, the deal was done.",
    ],
)
def test_single_or_different_bylines_are_fine(page: str) -> None:
    assert found(page, "BYL001") == []


def test_the_fix_removes_only_the_repeat() -> None:
    result = fix_text("文 | 财华社 文 | 财华社 9月22日，英伟达宣布投资。\n", select=("BYL001",))
    assert result.text == "文 | 财华社 9月22日，英伟达宣布投资。\n"
    result = fix_text("By Jane Doe\nBy Jane Doe\nThe minister said.\n", select=("BYL001",))
    assert result.text == "By Jane Doe\nThe minister said.\n"


def test_byline_repeated_deep_in_a_long_page() -> None:
    # the repeat's label straddles the 64 K pieces the page is scanned in
    lines = ("这是正文的一行，用来把页面撑到很长。\n" * 4000)[:65528] + "\n"
    page = lines + "作者：张三 作者：张三\n正文。"
    assert found(page, "BYL001") == [(lines.count("\n") + 1, 7, "BYL001")]


def test_message_quotes_the_byline() -> None:
    [finding] = lint_text("作者：张三 作者：张三\n正文。", select=("BYL001",))
    assert finding.message == "byline repeated: '作者：张三'"
    assert finding.fix is not None and finding.fix.is_safe


# --- BYL002 site-prefixed-title ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("千亿绑定OpenAI,英伟达图什么?\n吃瓜电子官网最新热点:千亿绑定OpenAI,英伟达图什么?\n正文。", [(2, 1, "BYL002")]),
        # the prefixed copy first, the heading after it
        ("【财经早报】央行宣布下调存款准备金率\n央行宣布下调存款准备金率\n正文。", [(1, 1, "BYL002")]),
        # the site's name after the title, as in a page's <title>
        ("Bank raises interest rates again\nBank raises interest rates again - Daily Planet\nText.", [(2, 1, "BYL002")]),
        ("央行宣布下调存款准备金率\n央行宣布下调存款准备金率_新浪财经_新浪网\n正文。", [(2, 1, "BYL002")]),
        # a label and a near copy (the scraper dropped a character)
        ("广州增城凯悦酒店全新启幕践\n原标题：广州增城凯悦酒店全新启幕\n正文。", [(2, 1, "BYL002")]),
        # the copy two lines down, a date line between
        ("如何快速收回成本，游乐场投资诀窍\n2023-09-01\n热点资讯：如何快速收回成本，游乐场投资诀窍\n正文。", [(3, 1, "BYL002")]),
        # a product template's suffix needs no separator; three lines down, a field line between
        ("家用静音空气净化器\n产品名称：家用静音空气净化器\n型号：KJ-100\n家用静音空气净化器的详细资料\n参数。",
         [(2, 1, "BYL002"), (4, 1, "BYL002")]),
        # a keyword and a space before a title that opens with a bracket
        ("《边城》阅读理解题及答案\n初中语文阅读 《边城》阅读理解题及答案\n正文。", [(2, 1, "BYL002")]),
        # a blog theme's line: the date, the title, then the post's metadata
        ("春季花卉种植指南全解析\n2021年3月5日10:20:31春季花卉种植指南全解析已关闭评论 120 浏览\n正文。", [(2, 1, "BYL002")]),
    ],
)
def test_title_with_site_text_is_reported_on_the_copy(page: str, expected: list) -> None:
    assert found(page, "BYL002") == expected


@pytest.mark.parametrize(
    "page",
    [
        "千亿绑定OpenAI,英伟达图什么?\n9月22日，英伟达宣布投资OpenAI。",  # a title that appears once
        # the lead sentence restates the title: it ends like a sentence
        "2026年中国网络文明大会在南宁举行\n央视网消息（新闻联播）：2026年中国网络文明大会在南宁举行。",
        # the title with its own subtitle, and the subtitle on its own line
        "为新时代干部教育提供制度保证——中央组织部负责人答记者问\n中央组织部负责人答记者问\n正文。",
        # a kicker that ends with a verb of saying, and a wire dateline
        "解放思想开拓进取\n习近平在江西考察时强调 解放思想开拓进取\n正文。",
        "劳动书写新时代壮丽华章\n新华社北京10月8日电 题：劳动书写新时代壮丽华章\n正文。",
        # a category field whose value equals the title
        "冻煮生开杂色蛤肉\n所属分类：冻煮生开杂色蛤肉\n正文。",
        # numbers in a table row are not a site name
        "东吴证券股份有限公司苏州滨河路证券营业部\n29 日换手率达到20% 361.12/18167.00(1.99%) 东吴证券股份有限公司苏州滨河路证券营业部",
        # template lines ("name：result") look alike but are not a title
        "金哥：上期预测中双色球5+1，前期预测中大乐透1463万！\n阿旺：上期预测中双色球5+1，前期预测中大乐透2850万！",
        # a suffix that is not a template's: the title's topic goes on
        "家用静音空气净化器\n家用静音空气净化器的选购要点\n正文。",
        # a title inside a sentence with no post metadata after it
        "春季花卉种植指南全解析\n2021年3月5日春季花卉种植指南全解析发布后广受欢迎\n正文。",
        # a space alone does not set a prefix off from a title without a bracket
        "边城阅读理解题及答案\n初中语文 边城阅读理解题及答案\n正文。",
    ],
)
def test_titles_that_appear_once_are_fine(page: str) -> None:
    assert found(page, "BYL002") == []


def test_the_fix_removes_the_prefixed_line() -> None:
    page = "千亿绑定OpenAI,英伟达图什么?\n吃瓜电子官网最新热点:千亿绑定OpenAI,英伟达图什么?\n正文。\n"
    assert fix_text(page, select=("BYL002",)).text == "千亿绑定OpenAI,英伟达图什么?\n正文。\n"


# --- BYL003 repeated-title ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (" 如何快速收回成本，游乐场投资诀窍\n如何快速收回成本，游乐场投资诀窍\n暑假快结束了。", [(2, 1, "BYL003")]),
        ("颈椎病能否诱发脑卒中\n\n颈椎病能否诱发脑卒中\n一网友问。", [(3, 1, "BYL003")]),
        # a near copy of a long heading
        (" 过去90天铂金之多米尼加比索(DOP)历史价格\n过去90天铂金之多米尼加比索(DOP)价格\n表格。", [(2, 1, "BYL003")]),
    ],
)
def test_heading_printed_twice_at_the_top(page: str, expected: list) -> None:
    assert found(page, "BYL003") == expected


@pytest.mark.parametrize(
    ("heading", "copy"),
    [
        # full-width punctuation and an ideographic space against their ASCII forms
        ("如何快速收回成本，游乐场投资诀窍\u3000（上）", "如何快速收回成本,游乐场投资诀窍 (上)"),
        # a decomposed accent against the composed letter (normalised as a whole, not letter by letter)
        ("Café Society reopens its doors", "Cafe\u0301 Society reopens its doors"),
        # a ligature and a circled number
        ("Office supplies for 2024 ①", "Oﬃce supplies for 2024 1"),
    ],
)
def test_heading_and_copy_compare_in_nfkc(heading: str, copy: str) -> None:
    assert found(f"{heading}\n{copy}\nThe text begins here.", "BYL003") == [(2, 1, "BYL003")]


LISTING = (
    "栏目：分类作文\n"
    "秋天的校园景色描写\n2023-10-01 栏目：写景\n写景\n秋天的校园景色描写\n走进校园，银杏叶铺满了小路。\n"
    "难忘的一次春游经历\n2023-10-02 栏目：记事\n记事\n难忘的一次春游经历\n那天清晨，我们坐上了大巴。\n"
)


def test_item_titles_repeated_in_a_listing() -> None:
    assert found(LISTING, "BYL003") == [(5, 1, "BYL003"), (10, 1, "BYL003")]


def test_title_cut_short_at_the_end_of_a_product_page() -> None:
    page = "家用静音空气净化器 （适用20平米 三档风速）\n参数：功率30W\n重量：3kg\n家用静音空气净化器 （适用20..\n"
    assert found(page, "BYL003") == [(4, 1, "BYL003")]
    assert fix_text(page, select=("BYL003",)).text == "家用静音空气净化器 （适用20平米 三档风速）\n参数：功率30W\n重量：3kg\n"


TEASERS = (
    "主队连胜五场后主帅表示球队仍需保持专注\n"
    "by admin Posted in 国内足球联赛 Tagged 主帅, 连胜\n"
    "主队连胜五场后主帅表示球队仍需保持专注本报讯 周日的比赛中，主队以二比零获胜。\n"
    "新赛季揭幕战门票今日开售球迷排起长队\n"
    "by admin Posted in 新闻 Tagged 门票\n"
    "新赛季揭幕战门票今日开售球迷排起长队记者从俱乐部获悉，揭幕战门票今日上午十点开售。\n"
)


def test_item_titles_run_into_their_teasers_in_a_listing() -> None:
    findings = lint_text(TEASERS, select=("BYL003",))
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 1, 20), (6, 1, 19)]
    fixed = fix_text(TEASERS, select=("BYL003",)).text
    assert "\n本报讯 周日的比赛中" in fixed and "\n记者从俱乐部获悉" in fixed


@pytest.mark.parametrize(
    "page",
    [
        # one news story whose lead begins with its headline: not a listing
        "全国文化和旅游消费促进活动启动\n全国文化和旅游消费促进活动启动仪式今天在珠海举办。",
        # the heading is the subject of the sentence that follows it
        "便携式多功能脂肪测定仪SZ-06型号\n规格。\n便携式多功能脂肪测定仪SZ-06型号的工作原理是索氏抽提。\n"
        "台式高精度水分测定仪SF-20型号\n规格。\n台式高精度水分测定仪SF-20型号根据失重原理测定水分。",
        # a writer restating the title, punctuated
        "真正能赚钱的几款手机游戏推荐给大家\n真正能赚钱的几款手机游戏推荐给大家？现在谁的手机上没有游戏呢？",
        # a label said again and again down a schedule is not an item's title
        "分组赛程\n甲队对乙队\n胜者进入决赛阶段\n丙队对丁队\n胜者进入决赛阶段\n戊队对己队\n胜者进入决赛阶段",
        # a short name said twice at the end of the page
        "标题\n正文第一段。\n正文第二段。\n正文第三段。\n某某电子网\n某某电子网",
        # a truncated line that is not the title's beginning
        "家用静音空气净化器\n正文。\n更多空气净化器产品..",
    ],
)
def test_copies_that_are_not_a_repeated_title_are_fine(page: str) -> None:
    assert found(page, "BYL003") == []


@pytest.mark.parametrize(
    "page",
    [
        # short repeated lines lower down are content (a list, a chorus)
        "标题\n第一段。\n第二段。\n第三段。\n副歌部分\n歌词。\n副歌部分",
        "P5L2C\n型号说明\nP5L2C",  # a model code, not a heading
        # rows of a table that differ only in figures
        "7月18日：公推1中1+私推2中2+重心2中1\n7月17日：公推1中0+私推2中2+重心3中1",
        "会议取得圆满成功。\n会议取得圆满成功。",  # sentences, not headings
    ],
)
def test_repeats_that_are_not_the_heading_are_fine(page: str) -> None:
    assert found(page, "BYL003") == []


def test_seed_page_byline_findings(seed_text: str) -> None:
    assert found(seed_text, "BYL") == [(2, 1, "BYL002"), (4, 9, "BYL001")]
