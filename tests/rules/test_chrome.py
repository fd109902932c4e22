"""CHR: page chrome. Each case is a page and the findings it must give."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # link buttons: a call to action that ends in an arrow
        ("点击这里，免费领取本周学习资料包！> > >", [(1, 1, 23, "CHR001")]),
        ("报名已经开始。了解更多》", [(1, 8, 13, "CHR001")]),
        ("Download the full annual report >>", [(1, 1, 35, "CHR001")]),
        # QR-code prompts, in brackets or as their own line
        ("[扫码关注公众号，获取每日新闻]", [(1, 1, 17, "CHR001")]),
        ("长按识别二维码，关注我们", [(1, 1, 13, "CHR001")]),
        # log-in, registration and comment UI
        ("请登录后发表评论", [(1, 1, 9, "CHR001")]),
        ("还没有账号？立即注册", [(1, 1, 11, "CHR001")]),
        ("登录 | 注册", [(1, 1, 8, "CHR001")]),
        ("2021年3月5日 已关闭评论", [(1, 11, 16, "CHR001")]),
        ("Comments are closed.", [(1, 1, 21, "CHR001")]),
        ("Leave a Reply", [(1, 1, 14, "CHR001")]),
        ("Sign up", [(1, 1, 8, "CHR001")]),
        ("Sign up for our daily newsletter", [(1, 1, 33, "CHR001")]),
        ("Email this article", [(1, 1, 19, "CHR001")]),
        # menu words closing a category line
        ("办公室装修案例 (3篇) 展开 列表", [(1, 14, 19, "CHR001")]),
    ],
)
def test_calls_to_action(page: str, expected: list) -> None:
    assert found(page, "CHR001") == expected


@pytest.mark.parametrize(
    "page",
    [
        "春季招聘会本周末在会展中心举行>>",  # a headline with an arrow, no call to action
        "他最近在读《三体》",  # a book title's closing bracket
        "如果 x 的值 > 3",
        "市民可以在网上扫码报名，参加义务植树活动。",  # QR codes as the news
        "消费者扫描新版二维码，可以获取商品的生产批次。",
        "他去年登录了这个平台，并注册了一家公司。",
        "She signed up for the army in 1998.",
        "The comments are closed to the public until Monday.",
    ],
)
def test_the_same_words_in_sentences_are_fine(page: str) -> None:
    assert found(page, "CHR001") == []


def test_a_short_line_is_matched_as_a_lone_button_only_if_stripped_it_is_a_word_a_log_in_or_has_a_dot() -> None:
    from plugins.chrome import _ALONE_LINE, _ALONE_WORDS, _may_be_alone

    alone = [f" \u3000{word}\t" for word in _ALONE_WORDS] + ["Log in", "Login", "Sign\tin", "https://www.example.com.cn/", "xinhua.net"]
    assert all(_ALONE_LINE().match(line) and _may_be_alone(line) for line in alone)
    assert not any(map(_may_be_alone, ("更多精彩内容", "Share your story", "全部评论 (3)", "Menu of the day")))


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
    ("page", "expected"),
    [
        # a sign-up form: the prompt, then the input's label with nothing after it
        ("*请填写您的真实姓名 姓名：\n*手机是我们联系您的方式 手机：", [(1, 1, 15, "CHR002"), (2, 1, 17, "CHR002")]),
        ("没有地址将无法为您寄送资料 地址：", [(1, 1, 18, "CHR002")]),
    ],
)
def test_form_fields(page: str, expected: list) -> None:
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
        "在评论区留言：",  # a sentence that ends with a colon, no form layout
        "2. 联系部门及电话：",
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
        ("Next article", [(1, 1, 13, "CHR003")]),
        # whole lines of a page bar
        ("Page 2 of 5", [(1, 1, 12, "CHR003")]),
        ("1 2 3 4 5 Next »", [(1, 1, 17, "CHR003")]),
        ("第2页/共5页", [(1, 1, 8, "CHR003")]),
        ("« Previous article: Rates rise again", []),
        # a menu path without arrows
        ("网站首页\t产品中心 冷藏车系列", [(1, 1, 16, "CHR003")]),
        # the home link and a section run into the page's title, which follows
        ("首页新闻中心春季运动会圆满落幕\n春季运动会圆满落幕\n正文。", [(1, 1, 16, "CHR003")]),
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
        "next article in this series looks at prices.",
        "In 2020 and 2021 Next year the plan changes",
        "本书共320页，分为五章。",
        "首页设计是网站的门面。\n春季运动会圆满落幕",  # 首页 as a word, no title run into it
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
        # a label that never starts a sentence, after whatever the scraper ran into it
        ("某某网登录:相关标签：空气净化器,净化器价格", [(1, 7, 23, "CHR004")]),
        ("相关标签\x07：空气净化器", [(1, 1, 12, "CHR004")]),  # a control character before the colon
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
        "我们讨论了相关标签的用法。",
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


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("版权所有 © 某某资讯网", [(1, 1, 13, "CHR005")]),
        ("粤公网安备 44010602000000号", [(1, 1, 22, "CHR005")]),
        ("备案号：粤ICP备00000000号", [(1, 1, 19, "CHR005")]),
        ("本文由某某家电网整理编辑，希望对大家有帮助！", [(1, 1, 23, "CHR005")]),
        ("图片来源于网络", [(1, 1, 8, "CHR005")]),
        ("本文属于原创文章，如若转载，请注明来源：某某评测网", [(1, 1, 26, "CHR005")]),
        ("某某财经声明：文章内容仅供参考，不构成投资建议。", [(1, 1, 25, "CHR005")]),
        ("著作权归作者所有。", [(1, 1, 10, "CHR005")]),
        # tipping instructions under their header
        ("正文。\n赞赏说明：\n赞赏后次日补发推荐。\n包月用户请在打赏时注明。\n下一场比赛的分析。",
         [(2, 1, 6, "CHR005"), (3, 1, 11, "CHR005"), (4, 1, 13, "CHR005")]),
    ],
)
def test_licence_and_payment_notices(page: str, expected: list) -> None:
    assert found(page, "CHR005") == expected


@pytest.mark.parametrize(
    "page",
    [
        "版权所有者有权要求侵权人赔偿损失。",
        "本文为读者整理了五个选购要点。",
        "主播收到的打赏需要依法纳税。",  # tipping as the news, no header
        "这项政策不构成对市场的重大冲击。",
    ],
)
def test_the_same_words_as_content_are_fine(page: str) -> None:
    assert found(page, "CHR005") == []


def test_a_paragraph_about_copyright_is_fine() -> None:
    page = "法院认为，" + "被告未经许可使用原告作品，侵犯了原告的著作权，应承担赔偿责任，" * 8 + "判决被告赔偿损失。"
    assert found(page, "CHR005") == []


def test_seed_page_chrome(seed_text: str) -> None:
    findings = lint_text(seed_text, select=("CHR",))
    assert [(f.line, f.code, f.message) for f in findings] == [
        (3, "CHR002", "empty metadata field '更新时间'"),
        (4, "CHR001", "site UI text '展开全文'"),
        (4, "CHR001", "site UI text '返回搜狐,查看更多'"),
        (16, "CHR001", "site UI text '返回搜狐,查看更多'"),
    ]
    last = findings[2]
    assert (last.column, last.end_column) == (3389, 3399)  # the emoji inside counts as a column


# --- CHR006 site-footer ----------------------------------------------------------------------------

ARTICLE = "空调滤网需要每月清洗一次。\n清洗时先断电，再取下滤网用温水冲洗。\n"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("销售部联系电话：13800000000 欢迎咨询", [(3, "contact line")]),
        ("网址：www.example-aircon.com", [(3, "contact line")]),
        ("Phone : 010-12345678\nEmail : sales@example.com", [(3, "contact line"), (4, "contact line")]),
        ("联系我们 | 关于我们 | 网站地图 | 隐私政策", [(3, "footer links")]),
        ("Privacy Policy | Terms of Use | Cookie Policy", [(3, "footer links")]),
        ("关于我们", [(3, "footer links")]),
        ("某某家电网", [(3, "site name")]),
        ("某某家电维修网\n 某某家电维修网", [(3, "site name"), (4, "site name")]),
        ("赶紧拿起电话咨询吧！", [(3, "promotion")]),
        ("我们将竭诚为您服务", [(3, "promotion")]),
        # the company advertises itself after the article, and gives the number to call
        (
            "某某制冷设备有限公司主要从事:空调安装,空调维修,冷库工程的厂家.欢迎新老客户前来咨询,咨询电话:13800000000",
            [(3, "company blurb")],
        ),
        (
            "某某制冷设备有限公司是一家集设计、安装、维修于一体的专业厂商，产品包括家用空调、中央空调和冷库设备。",
            [(3, "company blurb")],
        ),
        # a promotion that closes a paragraph, with the phone to call
        ("我们提供上门清洗服务，欢迎来电咨询，咨询热线：13800000000", [(3, "promotion"), (3, "contact line")]),
    ],
)
def test_site_footer(tail: str, expected: list) -> None:
    findings = lint_text(ARTICLE + tail, select=("CHR006",))
    assert [(f.line, f.message.split("(")[1].split(")")[0]) for f in findings] == expected


@pytest.mark.parametrize(
    "tail",
    [
        # an announcement signed by the company, dated
        "特此公告。\n某某基金管理有限公司\n2023年9月26日",
        "特此公告。\n某某基金管理有限公司",
        # contacts the text announces, and a directory of many
        "投资者可通过以下途径咨询有关详情：\n客服电话：400-000-0000\n网址：www.example-fund.com",
        "客服电话：95500\n网址：www.a.com\n客服电话：95501\n网址：www.b.com",
        # a news story about a company
        "某某航空有限公司成立于1984年，是我国首家按现代企业制度运营的航空公司。",
        # a company's snippet cut short in a directory of companies
        "某某制冷设备有限公司是一家专业生产空调配件的厂家.........",
        # sentences that name footer pages
        "The privacy policy and the terms of use were both updated last week.",
        "关于我们这一代人的成长经历，他写了一本书。",
        "欢迎广大市民前来参观。",  # an invitation in a news story: no phone, a sentence
    ],
)
def test_footer_words_as_content_are_fine(tail: str) -> None:
    assert found(ARTICLE + tail, "CHR006") == []


def test_an_articles_own_source_and_editor_lines_are_not_chrome() -> None:
    """The guide keeps metadata fields with values: a source line, one editor line, a dateline."""
    page = (
        "新华社北京3月1日电 记者从有关部门获悉，春季农业生产全面展开。\n"
        "各地抓住有利天气，加快春耕备耕进度。\n"
        "来源：新华社\n"
        "责任编辑：张三\n"
    )
    assert lint_text(page, select=("CHR",)) == []


# --- every CHR rule: where the page's shape makes the search hard -----------------------------------


def test_chrome_far_into_a_page_that_is_one_long_line() -> None:
    """The rules look only near their keywords; on a page of one long line they still find all."""
    prose = "今年前三季度，全国规模以上工业增加值同比增长百分之五，增速比上半年加快。" * 300
    n = len(prose)
    page = prose + "点击查看更多" + prose + "更新时间: 浏览次数:2055 " + prose + "版权所有 © 某某资讯网。" + prose + "是否还值得投资下一篇"
    assert found(page, "CHR") == [
        (1, n + 1, n + 7, "CHR001"),
        (1, 2 * n + 7, 2 * n + 12, "CHR002"),
        (1, 3 * n + 23, 3 * n + 36, "CHR005"),
        (1, 4 * n + 43, 4 * n + 46, "CHR003"),
    ]


def test_lines_broken_by_crlf_and_cr() -> None:
    page = "上一篇：白癜风对青年人的危害?\r\n下一篇：饮食如何辅助治疗?\r正文。\r来源：\r\n"
    assert found(page, "CHR") == [(1, 1, 16, "CHR003"), (2, 1, 14, "CHR003"), (4, 1, 4, "CHR002")]


@pytest.mark.parametrize(
    ("module", "labels", "group"),
    [
        ("plugins.chrome", "_NAV_LABEL", "nav"),
        ("plugins.chrome", "_PAGE_WORD", "page_word"),
        ("plugins._chrome_footer", "_FOOTER_WORD", "footer_word"),
        ("plugins._chrome_prompts", "_ALONE_WORD", "menu_tail"),
    ],
)
def test_every_chinese_label_holds_a_keyword_the_scan_finds(module: str, labels: str, group: str) -> None:
    """A rule only looks where the page scan found one of its keywords: a label added to a
    pattern without a keyword in plugins/_chrome_scan.py would never be found."""
    import importlib
    import re

    from plugins._chrome_scan import KEYWORDS

    pattern = getattr(importlib.import_module(module), labels)
    words = [word for word in pattern.split("|") if re.fullmatch(r"[\u4e00-\u9fff]+", word)]  # the Chinese labels
    assert words
    assert [word for word in words if not any(keyword in word for keyword in KEYWORDS[group])] == []


def test_english_phrases_are_found_as_the_pattern_that_barred_a_letter_after_a_short_one_found_them() -> None:
    """The phrases ``re`` compiles match as they did in ``regex``, where a short phrase could not
    run into a letter of any script ((?![\\p{L}]), now a test after the match)."""
    import re

    import regex

    from plugins.chrome import _EN_ALTERNATIVES, _EN_PHRASE, _grouped, _phrase_matches

    everything = frozenset(range(len(_EN_ALTERNATIVES)))
    before = regex.compile(_grouped("(?V1m)", _EN_ALTERNATIVES, everything) + r"(?![\p{L}])")
    phrases = ("Continue reading", "CONTINUE  READING the main story", "Keep reading the full article", "Read the full story",
               "Read\tfull post", "Share this article", "Share on Facebook", "Back to top", "Skip to main content",
               "Print this page", "Follow us on X", "Email this story", "Save this post", "Read more", "READ MORE",
               "See More", "Share this", "Continue", "Click here to read more", "Sign up for our daily newsletter")
    texts = [f"{phrase}{after}" for phrase in phrases for after in ("", ".", "ly", "d", " »", "\tnow", "é", "中", "ǅ", "²")]
    texts += ["Read moreover, Read more", "Continued. Continue reading »", "See Moreau and See more"]
    plain = re.compile(_grouped("(?m)", _EN_ALTERNATIVES, _EN_PHRASE._plain))
    whole = regex.compile(_grouped("(?m)", _EN_ALTERNATIVES, everything))
    for text in texts:
        spans = [match.span() for match in before.finditer(text)]
        assert [match.span() for match in _phrase_matches(whole, text, 0, len(text))] == spans
        if not regex.search(r"Click|Sign", text):
            assert [match.span() for match in _phrase_matches(plain, text, 0, len(text))] == spans


def test_a_field_value_starting_with_a_number_is_matched_as_a_counter_only_with_a_counted_word_after_it() -> None:
    from plugins.chrome import _COUNTED_WORDS, _COUNTER_NEXT, _counted_after

    numbers = ["7", "2055", "1,234,567", "3.5", "12,34", "2023-09-22", "１２", "٣٤"]
    middles = ["", " ", "\t", "万", " 万+", "k", "M+", "人次", " 次 ", "万+人次", " w+ 人 ", ",", "年"]
    texts = [number + middle + word for number in numbers for middle in middles for word in (*_COUNTED_WORDS, "评论", "")]
    matched = [text for text in texts if _COUNTER_NEXT().match(text)]
    assert matched and all(_counted_after(text, 0) for text in matched)
    assert not _counted_after("2023-09-22 10:30", 0) and not _counted_after("2055", 0)


def test_a_window_is_searched_for_log_in_and_comment_prompts_only_if_it_holds_a_word_of_one() -> None:
    from plugins._chrome_prompts import _ACCOUNT, _may_hold_account

    prompts = [
        "请先登录后发表评论", "您需要登录后才能回复", "还没有账号？立即注册", "没有帐号,注册", "免费注册", "马上登录", "注册 | 登录", "登录/注册",
        "忘记密码？", "已关闭评论", "评论已关闭", "暂无评论", "发表评论", "我要评论", "网友评论", "查看评论", "评论列表",
        "You must be logged in to post a comment.", "Log in to reply", "Sign in to continue", "Sign in to read", "Comments are closed.",
        "Your email address will not be published.", "Leave a Reply", "Click to share on Twitter (Opens in new window)",
        "Click to print on Facebook", "Click to email on X", "Subscribe now", "Sign up now", "Sign up here", "Sign up free", "Sign up today",
    ]
    assert all(_ACCOUNT().search(prompt) and _may_hold_account(prompt) for prompt in prompts)
    assert not any(map(_may_hold_account, ("网友纷纷评论此事", "他登录了系统", "You are the best", "Sign the petition")))
