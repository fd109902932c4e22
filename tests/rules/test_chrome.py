"""CHR: page chrome. Each case is a page and the findings it must give."""

from __future__ import annotations

import pytest

from conftest import SEED
from lint import fix_text, lint_text


def found(text: str, select: str) -> list[tuple[int, int, int, str]]:
    return [(f.line, f.column, f.end_column, f.code) for f in lint_text(text, select=(select,))]


# --- CHR001 site-ui-text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("……新投资有望注入“强心针”。 展开全文 然而，博通股价却下跌。", [(1, 17, 21, "CHR001")]),
        ("……将定义整个行业的发展轨迹。返回搜狐，查看更多", [(1, 16, 25, "CHR001")]),
        # broken by an injected emoji: found on the de-noised text, reported at original columns
        ("……将定义整个行业的发展轨迹。返回😘搜狐,查看更多", [(1, 16, 26, "CHR001")]),
        ("点击查看更多", [(1, 1, 7, "CHR001")]),
        ("韩国宪法法院作出宣判。点击查看更多韩德洙随即恢复职务。", [(1, 12, 18, "CHR001")]),
        ("北京开展儿童互联网诊疗首诊试点查看更多", [(1, 16, 20, "CHR001")]),
        ("发展规划对接。阅读全文查😂看更多", [(1, 8, 17, "CHR001")]),
        ("查看原文", [(1, 1, 5, "CHR001")]),
        ("我国成功发射卫星分享到：", [(1, 9, 13, "CHR001")]),
        ("点击图片查看尼康D80详细资料", [(1, 1, 16, "CHR001")]),
        ("据人民日报，泰国政府公报公布特赦令。详情点击>>", [(1, 19, 25, "CHR001")]),
        ("Read more", [(1, 1, 10, "CHR001")]),
        ("Continue reading", [(1, 1, 17, "CHR001")]),
        ("The minister resigned. Read more »", [(1, 24, 35, "CHR001")]),
        ("He said so. Read more \"The next quote.\"", [(1, 13, 22, "CHR001")]),
        ("Mamma Mia! Share this article which is based on their songs.", [(1, 12, 30, "CHR001")]),
        ("Click here to subscribe to our newsletter.", [(1, 1, 42, "CHR001")]),
        ("Read the full story Share this:", [(1, 1, 20, "CHR001"), (1, 21, 31, "CHR001")]),
        ("cdbox3d.com", [(1, 1, 12, "CHR001")]),
    ],
)
def test_ui_phrase(page: str, expected: list) -> None:
    assert found(page, "CHR001") == expected


@pytest.mark.parametrize(
    "page",
    [
        "I want to read more books this year.",
        "Users can click here to see the results.",
        "He will Continue to play next season.",
        "The Show more or less ended there.",
        "他展开了调查，并在月底返回了北京。",
        "双方将展开全面合作。",  # 展开 in a sentence
        "请查看更多信息，或致电客服。",
        "建议到我的公众号“杨柳”查看原文，在Wi-Fi环境下观看。",
        "然后点击下载，即可安装。",  # an instruction, not a link label
        "用户点击即可进入播放界面。",
        "输入 exit 退出或直接关闭窗口。",
        "以上就是【【收藏】cma单科多少分及格】的全部内容。",
        "网址：www.cmbchina.com",  # an agency's address in a list is content
    ],
)
def test_ordinary_words_in_prose_are_fine(page: str) -> None:
    assert found(page, "CHR001") == []


def test_phrase_fix_removes_the_phrase_with_its_emoji() -> None:
    result = fix_text("发展轨迹。返回😘搜狐,查看更多\n", select=("CHR001",))
    assert result.text == "发展轨迹。\n"


# --- CHR002 empty-metadata-field -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("更新时间: 浏览次数:2055", [(1, 1, 6, "CHR002")]),
        ("更新时间:浏览次数:2055", [(1, 1, 6, "CHR002")]),
        ("来源：", [(1, 1, 4, "CHR002")]),
        ("Posted:", [(1, 1, 8, "CHR002")]),
        ("发布时间：2021.06.03 浏览量：人 作者：北京浪琴维修", [(1, 17, 21, "CHR002")]),
        ("07 17:42:00 点击量： 来源：纪律检查室", [(1, 13, 17, "CHR002")]),
        # a view count, a date or the label itself where the value should be
        ("责任编辑： 66780次浏览", [(1, 1, 6, "CHR002")]),
        ("Author: 66,904 views", [(1, 1, 8, "CHR002")]),
        ("来源: 2018年1月3日 10:19", [(1, 1, 4, "CHR002")]),
        ("Updated: Updated 2 November 2012", [(1, 1, 9, "CHR002")]),
    ],
)
def test_empty_field(page: str, expected: list) -> None:
    assert found(page, "CHR002") == expected


@pytest.mark.parametrize(
    "page",
    [
        "来源：新华社",
        "Source: Reuters",
        "更新时间：2023-11-23 13:34",
        "作者：\n张三\n正文。",  # the value moved to the next short line
        "会议时间：\n9月1日上午",
        "具体措施如下：\n一是加强监管。",  # a colon that introduces a list
        "时间：",  # a bare 时间 at a line's end introduces what follows
    ],
)
def test_fields_with_values_are_fine(page: str) -> None:
    assert found(page, "CHR002") == []


# --- CHR003 navigation-link ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("上一篇：白癜风对青年人的危害?\n下一篇：饮食如何辅助治疗?", [(1, 1, 16, "CHR003"), (2, 1, 14, "CHR003")]),
        ("上一篇储杨：这个世界上，没有一步是浪费的", [(1, 1, 21, "CHR003")]),
        ("有利网安全性如何？是否还值得投资下一篇", [(1, 17, 20, "CHR003")]),
        ("首页 上一页 5 6 7 8 下一页 尾页", [(1, 1, 22, "CHR003")]),
        ("当前位置：首页 > 新闻中心 > 公司新闻", [(1, 1, 22, "CHR003")]),
        ("Previous PostVideo: Hart wins prize Next PostTop story", [(1, 1, 55, "CHR003")]),
    ],
)
def test_navigation(page: str, expected: list) -> None:
    assert found(page, "CHR003") == expected


@pytest.mark.parametrize(
    "page",
    [
        "上一篇文章提到，白癜风与日晒有关。",
        "下一个 iPhone？为时尚早",  # an everyday word, no colon
        "在全面小康的道路上不落下一个",
        "第5页至第7页列出了全部数据。",
    ],
)
def test_sentences_with_navigation_words_are_fine(page: str) -> None:
    assert found(page, "CHR003") == []


# --- CHR004 tag-line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("正文。\n关键词：除氟剂厂家,淄博除氟剂厂家", [(2, 1, 18, "CHR004")]),
        ("标签： 世界杯预选赛 南美区 积分", [(1, 1, 18, "CHR004")]),
        ("Tags: economy, trade", [(1, 1, 21, "CHR004")]),
        ("#法拉利#812 GTS", [(1, 1, 13, "CHR004")]),
    ],
)
def test_tag_line(page: str, expected: list) -> None:
    assert found(page, "CHR004") == expected


@pytest.mark.parametrize(
    "page",
    [
        "本文的关键词是“创新”，标签化的思维要不得。",
        "#最有好感度的女频文作者# 你觉得是谁？",  # a post that starts with a topic
        "#小米#好评 2022年05月02日 22:33",  # a dated comment
    ],
)
def test_mentions_of_tags_are_fine(page: str) -> None:
    assert found(page, "CHR004") == []


# --- CHR005 reprint-notice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("版权声明：本文为原创文章，转载请保留出处！", [(1, 1, 22, "CHR005")]),
        ("本文由游民星空制作发布，未经允许禁止转载。", [(1, 1, 22, "CHR005")]),
        ("四类厂商如下：▲图为自象限原创，转载请注明出处", [(1, 9, 24, "CHR005")]),
        ("沪ICP备05054598号", [(1, 1, 15, "CHR005")]),
        ("Copyright © 2024 Daily Planet. All rights reserved.", [(1, 1, 52, "CHR005")]),
    ],
)
def test_notice(page: str, expected: list) -> None:
    assert found(page, "CHR005") == expected


def test_a_paragraph_about_copyright_is_fine() -> None:
    page = "法院认为，" + "被告未经许可使用原告作品，侵犯了原告的著作权，应承担赔偿责任，" * 8 + "判决被告赔偿损失。"
    assert found(page, "CHR005") == []


def test_seed_page_chrome() -> None:
    findings = lint_text(SEED.read_text(encoding="utf-8"), select=("CHR",))
    assert [(f.line, f.code, f.message) for f in findings] == [
        (3, "CHR002", "empty metadata field '更新时间'"),
        (4, "CHR001", "site UI text '展开全文'"),
        (4, "CHR001", "site UI text '返回搜狐,查看更多'"),
        (16, "CHR001", "site UI text '返回搜狐,查看更多'"),
    ]
    last = findings[2]
    assert (last.column, last.end_column) == (3389, 3399)  # the emoji inside counts as a column
