"""VWC: view counters. Each case is a page and the findings it must give."""

from __future__ import annotations

import pytest

from lint import fix_text, lint_text


def found(text: str, select: str = "VWC") -> list[tuple[int, int, int, str]]:
    return [(f.line, f.column, f.end_column, f.code) for f in lint_text(text, select=(select,))]


# --- VWC001 inline-view-counter -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("更新时间：2023-09-22 浏览次数:2055", [(1, 17, 26, "VWC001")]),
        ("阅读量：1.2万", [(1, 1, 9, "VWC001")]),
        ("点击：345次", [(1, 1, 8, "VWC001")]),
        ("阅读 3.4k", [(1, 1, 8, "VWC001")]),
        ("阅读(2055)", [(1, 1, 9, "VWC001")]),
        ("2055次阅读", [(1, 1, 8, "VWC001")]),
        ("240 阅读 中药肉桂有哪些功效 0 评论", [(1, 1, 7, "VWC001"), (1, 18, 22, "VWC001")]),
        ("商品评价(143)\n143条评价", [(1, 1, 10, "VWC001"), (2, 1, 7, "VWC001")]),
        ("12,345 views", [(1, 1, 13, "VWC001")]),
        ("Views: 1,024", [(1, 1, 13, "VWC001")]),
        ("By Jane Doe · 12,345 views · 3 min read", [(1, 15, 27, "VWC001")]),
        ("Published: 58.4K views", [(1, 12, 23, "VWC001")]),
        ("766 views Apple has unveiled a new computer.", [(1, 1, 10, "VWC001")]),
        ("Hi\n766 views", [(2, 1, 10, "VWC001")]),  # at a line start near the top of the page
        ("Read 1,234 times", [(1, 1, 17, "VWC001")]),
        # a counter the page ran into the next sentence, or glued to a headline's end
        ("同比增长超过210%。阅读 841投运项目中，大型电站占比超5成。", [(1, 12, 18, "VWC001")]),
        ("“新中国从这里走来”几个大字格外夺目。52242次浏览纪念馆内，……", [(1, 20, 28, "VWC001")]),
        ("也门胡塞武装称打击美国军舰浏览：429次", [(1, 14, 21, "VWC001")]),
        ("中东欧四国呼吁扩大对乌克兰商品的进口禁令88.6万阅读", [(1, 21, 28, "VWC001")]),
        # an emoji planted inside the count
        ("阅🤕读量:982 拉加德近日表示", [(1, 1, 9, "VWC001")]),
        # the count a template printed in front of the date field
        ("0 发布时间：2021.04.17", [(1, 1, 2, "VWC001")]),
        # a label run into its count, or 赞 alone, standing as a widget
        ("阅读10万+", [(1, 1, 7, "VWC001")]),
        ("某某养生馆 赞 12", [(1, 7, 11, "VWC001")]),
        ("文章浏览量 2,345", [(1, 1, 12, "VWC001")]),
        # readers counted in people
        ("作者：李四 | 358人看过", [(1, 9, 15, "VWC001")]),
        ("已有1024人阅读", [(1, 1, 10, "VWC001")]),
        # comments and shares are counters too
        ("12 Comments", [(1, 1, 12, "VWC001")]),
        ("Comments (12)", [(1, 1, 14, "VWC001")]),
        ("1.2k shares", [(1, 1, 12, "VWC001")]),
    ],
)
def test_inline_counter(page: str, expected: list) -> None:
    assert found(page, "VWC001") == expected


@pytest.mark.parametrize(
    "page",
    [
        "该视频的播放量已超过1亿次。",  # a statistic in a sentence
        "The video got 12,345 views on YouTube.",
        "He has had two more top 20 hits, while the album sold well.",
        "文章发布后，已有2055人阅读。",
        "该文章获赞194，评论111。",  # engagement figures reported in a sentence
        "截至目前已有5000人报名参加。",
        "The bill drew 12 comments from the public.",
        "这本书我读了3遍，每次都有新的收获。",
        "该文章已有93.1万阅读。",
        "全文1490字，阅读约需2分钟",  # reading time
        "3572字阅读11分54秒",
        "浏览：2021-06-03",  # dates, times, rates, quantities
        "点击 10:30 开始",
        "点击率：12%",
        "阅读 3 本书",
        "他每天阅读 2 小时",
        "阅读2023年报告",
        "点击 13800138000",  # a phone number is not a count
        "26 编辑：梁新星 来源：陕西煤业化工集团",  # the day left from a cut date
        "请点击 3 次确认键。",
    ],
)
def test_numbers_that_belong_to_the_article_are_fine(page: str) -> None:
    assert found(page, "VWC001") == []


def test_counter_fix_removes_label_and_number() -> None:
    result = fix_text("更新时间：2023-09-22 浏览次数:2055\n正文。\n", select=("VWC001",))
    assert result.text == "更新时间：2023-09-22\n正文。\n"


def test_counter_deep_in_a_long_page() -> None:
    # 65,535 characters of text before it: the counter straddles the 64 K pieces the page is scanned in
    lines = ("这是正文的一行，用来把页面撑到很长。\n" * 4000)[:65534] + "\n"
    assert found(lines + "浏览次数:2055\n") == [(lines.count("\n") + 1, 1, 10, "VWC001")]


def test_message_quotes_the_counter() -> None:
    [finding] = lint_text("更新时间：2023-09-22 浏览次数:2055", select=("VWC001",))
    assert finding.message == "view counter '浏览次数:2055'"


# --- VWC002 bare-count-line -------------------------------------------------------------------------

_HEADLINES = [
    "建宁路街道广场舞比赛搭建风采展示平台",
    "百余名环卫工技能竞赛上展“绣花功夫”",
    "见义勇为宣传雕塑传递崇德向善新风尚",
    "怎么让观众爱上奥本海默这个渣男？",
]


def test_bare_count_lines_after_headlines() -> None:
    page = "正文最后一段。\n推荐阅读\n" + "\n".join(f"{h}\n{n}" for h, n in zip(_HEADLINES, ["7222", "7621", "8113", "1.2万"]))
    assert found(page, "VWC002") == [(4, 1, 5, "VWC002"), (6, 1, 5, "VWC002"), (8, 1, 5, "VWC002"), (10, 1, 5, "VWC002")]


def test_bare_count_lines_with_blank_lines_and_english_headlines() -> None:
    page = "PlayStation 3 processor unveiled\n\n91577\n\nU2 to play at Grammy awards show\n\n42199\n\nWhat now for British tennis?\n\n69741\n"
    assert [line for line, *_ in found(page, "VWC002")] == [3, 7, 11]


def test_bare_count_under_the_title() -> None:
    page = "冯国明董事长等集团领导赴富阳水务公司督查调研\n18\n3月9日上午，市城投集团党委书记带队调研。"
    assert found(page, "VWC002") == [(2, 1, 3, "VWC002")]


@pytest.mark.parametrize(
    "page",
    [
        # a numbered list with the numbers on their own lines
        "步骤如下\n1\n打开电源开关\n2\n选择测量模式\n3\n读取屏幕上的数值",
        # page numbers of an extracted document
        "第一章的内容到此结束，下面进入第二章。\n12\n第二章讲述了公司的早期历史。\n13\n第三章讲述了公司的转型。\n14",
        # a timeline of years
        "公司成立\n1998\n首次上市\n2005\n进入海外市场\n2012",
        # a flattened table: short labels with their values
        "北京\n2055\n上海\n1988\n广州\n1766",
        # only two headline/number pairs
        "建宁路街道广场舞比赛搭建风采展示平台\n7222\n百余名环卫工技能竞赛上展“绣花功夫”\n7621",
        # a section number under the title
        "OPPO超影像专区\n01\n第一部分介绍影像系统。",
        # a year under the title
        "年度回顾\n2023\n这一年公司发展迅速。",
    ],
)
def test_numbers_that_are_not_counts_are_fine(page: str) -> None:
    assert found(page, "VWC002") == []


def test_count_line_fix_removes_the_line() -> None:
    page = "推荐阅读\n" + "\n".join(f"{h}\n{n}" for h, n in zip(_HEADLINES[:3], ["7222", "7621", "8113"])) + "\n"
    assert fix_text(page, select=("VWC002",)).text == "推荐阅读\n" + "\n".join(_HEADLINES[:3]) + "\n"


def test_seed_page_counters(seed_text: str) -> None:
    lines = {f.line for f in lint_text(seed_text, select=("VWC",))}
    assert lines == {3, *range(19, 60, 2)}


def test_a_counter_shape_is_tried_only_where_its_words_touch_what_they_must() -> None:
    """A shape with ``touching`` is searched only in a sentence where one of its words touches
    one of its characters (or a digit): every match of it must hold such a word."""
    from plugins.counters import _ZH_AFTER, _ZH_LABEL_LONG, _ZH_LABEL_SHORT, _ZH_SHAPES

    words = {*_ZH_LABEL_LONG.split("|"), *_ZH_LABEL_SHORT.split("|"), *_ZH_AFTER.split("|"), "赞"}
    between = ["", " ", "\t", "\u3000", "：", "(", "万", " 万", "万+", "+", "次", "人次", " 次", "人", "遍", "条", "k", "w+", "M", "个", "a", "中"]
    numbers = ["12", "1.2", "12,345", "１２", "\U00011f51\U00011f52"]
    texts = [f"{head}{word}{middle}{number}" for word in words for middle in between for number in numbers for head in ("", "|", "标题")]
    texts += [f"{head}{number}{middle}{word}量" for word in words for middle in between for number in numbers for head in ("", "|", "标题")]
    shapes = [shape for shape in _ZH_SHAPES if shape.touching is not None]
    found = [(text, index) for text in texts for index, shape in enumerate(shapes) if shape.pattern().search(text)]
    assert len({index for _, index in found}) == len(shapes)  # every shape matched some text
    assert [(text, index) for text, index in found if not shapes[index].touching.found(text, 0, len(text))] == []
