"""DUP001 repeated-paragraph and DUP002 repeated-sentence: which copy is reported, and what is not.

Every page here is written for the test. Positions are 1-based lines and code-point columns;
``end_column`` is exclusive.
"""

from __future__ import annotations

import pytest
from conftest import family_linter

from lint.fixer import apply_fixes


@pytest.fixture(scope="module")
def dup():
    """Lint a page with DUP only; options per rule name may be given."""
    return family_linter("DUP")


def where(findings) -> list[tuple[int, int, int, int, str]]:
    return [(f.line, f.column, f.end_line, f.end_column, f.code) for f in findings]


INTRO = "本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。"
BODY = INTRO + "课程包括急救常识、手机支付和防范电信诈骗，每周一节，由街道医院的医生和派出所民警授课。"
OTHER = "负责夜校的志愿者说，第一节课后就有居民提出希望增加书法和合唱课程，下学期会考虑开设。"


# -- DUP001: which copy of a repeated paragraph is reported ------------------------------------


def test_a_labelled_summary_that_copies_the_first_paragraph_is_the_copy(dup):
    findings = dup(f"社区夜校开班\n本文摘要：{INTRO}\n{BODY}\n{OTHER}\n")
    assert where(findings) == [(2, 1, 2, 37, "DUP001")]
    assert findings[0].name == "repeated-paragraph"
    assert findings[0].message == "summary repeats line 3 (100% of its text)"
    assert not findings[0].fix.is_safe  # the summary is not the same text as line 3


def test_a_summary_longer_than_the_paragraph_after_it_is_still_the_copy(dup):
    summary = "本文摘要：" + BODY + "授课结束后居民还参观了社区图书室。"
    findings = dup(f"社区夜校开班\n{summary}\n{BODY}\n{OTHER}\n")
    assert [(f.line, f.message) for f in findings] == [(2, "summary repeats line 3 (79% of its text)")]


def test_an_unlabelled_lead_that_holds_part_of_the_next_paragraph_is_the_copy(dup):
    findings = dup(f"社区夜校开班\n{INTRO}\n{BODY}\n{OTHER}\n")
    assert [(f.line, f.message) for f in findings] == [(2, "paragraph repeats line 3 (100% of its text)")]


def test_the_same_paragraph_twice_reports_the_later_one_with_a_safe_fix(dup):
    text = f"社区夜校开班\n{BODY}\n{OTHER}\n{BODY}\n"
    findings = dup(text)
    assert where(findings) == [(4, 1, 4, len(BODY) + 1, "DUP001")]
    assert findings[0].message == "paragraph repeats line 2 (100% of its text)"
    assert findings[0].fix.is_safe
    fixed = apply_fixes(text, [findings[0]])
    assert fixed == f"社区夜校开班\n{BODY}\n{OTHER}\n"


def test_a_near_copy_is_reported_with_an_unsafe_fix(dup):
    near = BODY.replace("三十多位", "四十多位").replace("每周一节", "每周两节")
    findings = dup(f"社区夜校开班\n{BODY}\n{OTHER}\n{near}\n")
    assert [f.line for f in findings] == [4]
    assert findings[0].message.startswith("paragraph repeats line 2 (")
    assert not findings[0].fix.is_safe


def test_a_conclusion_that_repeats_the_introduction_far_below_is_the_later_copy(dup):
    opening = INTRO + "课程包括急救常识、手机支付和防范电信诈骗。"
    lines = [
        "社区夜校开班",
        opening,
        OTHER,
        "第一节课由街道医院的医生讲授心肺复苏，居民们轮流在模型上练习按压和人工呼吸。",
        "第二节课上，派出所民警用真实案例讲解了冒充客服退款和刷单返利两类骗局。",
        "不少老人表示，以前总担心手机支付不安全，现在学会了设置密码和查看账单。",
        "总之，" + opening,
    ]
    findings = dup("\n".join(lines) + "\n")
    assert [(f.line, f.message) for f in findings] == [(7, "paragraph repeats line 2 (95% of its text)")]


def test_a_product_description_copied_with_only_the_model_changed_is_a_copy(dup):
    first = "AB-100型测定仪根据索氏抽提原理，用重量法测定样品中的脂肪含量，适用于食品和饲料检测。"
    second = first.replace("AB-100型", "AB-200C型")
    findings = dup(f"测定仪产品列表\nAB-100型测定仪\n{first}\nAB-200C型测定仪\n{second}\n")
    assert [(f.line, f.code) for f in findings] == [(5, "DUP001")]
    assert findings[0].message.startswith("paragraph repeats line 3 (")


def test_an_english_paragraph_repeated_is_a_copy(dup):
    paragraph = (
        "The council said the new bus lanes would open in March, after a consultation that drew "
        "more than two thousand replies from residents and local businesses."
    )
    other = "Cyclists welcomed the plan but asked for wider lanes near the station."
    findings = dup(f"Bus lanes to open in March\n{paragraph}\n{other}\n{paragraph}\n")
    assert [(f.line, f.message) for f in findings] == [(4, "paragraph repeats line 2 (100% of its text)")]


def test_emoji_injected_into_the_copy_do_not_hide_it(dup):
    noisy = BODY[:10] + "😀" + BODY[10:30] + "🎉" + BODY[30:]
    findings = dup(f"社区夜校开班\n{BODY}\n{OTHER}\n{noisy}\n")
    assert [f.line for f in findings] == [4]


def test_sentences_reshuffled_from_earlier_lines_make_a_copy_of_several_lines(dup):
    a = "张兰当年在写字楼里开了第一家餐厅，很多人劝她租金太高风险太大。"
    b = "她认为白领顾客最理性，只要饭菜合口味，他们就会结伴再来。"
    c = "三年后这家餐厅已经在北京开了五家分店，员工超过两百人。"
    d = "如今她把更多精力放在培养年轻厨师上，每年送十几人去外地进修。"
    findings = dup(f"创业故事\n{a}{b}\n{c}{d}\n{OTHER}\n{b}{c}\n")
    assert [(f.line, f.message) for f in findings] == [(5, "paragraph repeats lines 2 and 3 (91% of its text)")]


def test_a_line_that_a_longer_paragraph_right_after_it_contains_is_the_copy(dup):
    b = "她认为白领顾客最理性，只要饭菜合口味，他们就会结伴再来。"
    c = "三年后这家餐厅已经在北京开了五家分店，员工超过两百人。"
    findings = dup(f"创业故事\n{c}\n{b}{c}\n")
    assert [(f.line, f.message) for f in findings] == [(2, "paragraph repeats line 3 (100% of its text)")]


def test_a_formula_paragraph_whose_other_words_are_in_a_third_line_is_a_near_copy(dup):
    decree = "号主席令说，《中华人民共和国{}法》已由中华人民共和国第十四届全国人民代表大会常务委员会第三次会议于2023年6月28日通过，现予公布，自2023年{}起施行。"
    text = (
        "习近平签署国家主席令\n"
        "国家主席习近平6月28日签署第六号、第七号主席令。\n"
        "第六" + decree.format("无障碍环境建设", "9月1日") + "\n"
        "第七" + decree.format("对外关系", "7月1日") + "\n"
    )
    findings = dup(text)
    assert [(f.line, f.message) for f in findings] == [(4, "paragraph repeats line 3 (80% of its text)")]


# -- DUP001: what is not a repeated paragraph ------------------------------------------------


def test_a_line_sharing_only_the_middle_of_its_clauses_with_others_is_not_compared(dup):
    # Only lines that share the opening or the end of a clause with another line are compared:
    # "根据……的决定" says something new in the words the laws above are announced with.
    meeting = "中华人民共和国第十四届全国人民代表大会常务委员会第十三次会议于2024年12月25日"
    text = (
        "习近平签署国家主席令\n"
        "国家主席12月25日签署第四十一号、第四十二号、第四十三号、第四十四号主席令。\n"
        f"第四十一号主席令说，《中华人民共和国增值税法》已由{meeting}通过，现予公布，自2026年1月1日起施行。\n"
        f"第四十三号主席令说，《中华人民共和国科学技术普及法》已由{meeting}修订通过，现予公布，自公布之日起施行。\n"
        f"第四十四号主席令说，根据{meeting}的决定：\n"
        "免去王某的自然资源部部长职务；\n"
    )
    assert dup(text) == []


def test_repeated_short_headings_and_captions_are_not_reported(dup):
    text = (
        "社区夜校开班\n一、课程安排\n"
        + BODY
        + "\n图片来源：社区居委会\n二、课程安排\n"
        + OTHER
        + "\n图片来源：社区居委会\n"
    )
    assert dup(text) == []


def test_a_repeated_headline_in_a_list_is_not_a_repeated_paragraph(dup):
    headline = "齐鲁德比又来，山东男篮最该提升的是血性！"
    text = f"体育新闻\n{headline}\n{headline}令人瞩目的德比战又来了，上轮青岛队本赛季第二次输球。\n"
    assert dup(text) == []


def test_the_title_repeated_as_the_first_body_line_is_left_to_byl(dup):
    title = "社区第一期夜校在活动中心开班，三十多位居民报名参加"
    assert dup(f"{title}\n{title}。\n{OTHER}\n") == []


def test_paragraphs_sharing_set_phrases_are_not_copies(dup):
    text = (
        "会议报道\n"
        "会议指出，要坚持以人民为中心的发展思想，推动经济社会高质量发展，切实保障和改善民生。\n"
        "会议强调，要坚持以人民为中心的发展思想，做好稳就业、稳物价工作，确保群众温暖过冬。\n"
        "会议要求，各地要推动经济社会高质量发展，抓好安全生产，防范化解重大风险。\n"
    )
    assert dup(text) == []


def test_min_share_is_an_option(dup):
    near = BODY.replace("三十多位", "四十多位").replace("每周一节", "每周两节")
    text = f"社区夜校开班\n{BODY}\n{OTHER}\n{near}\n"
    assert dup(text, {"repeated-paragraph": {"min_share": 0.95}}) == []
    assert [f.line for f in dup(text, {"repeated-paragraph": {"min_share": 0.7}})] == [4]


# -- DUP002: a sentence repeated inside an otherwise new paragraph ----------------------------


def test_a_sentence_said_twice_on_one_line_reports_the_second_time(dup):
    sentence = "这款传感器精度很高，适合实验室和工厂的标定使用。"
    line = f"产品介绍：{sentence}它的外壳非常结实。{sentence}量程从二十牛到五十千牛。"
    findings = dup(f"力传感器\n{line}\n")
    start = line.index(sentence, 10) + 1
    assert where(findings) == [(2, start, 2, start + len(sentence), "DUP002")]
    assert findings[0].name == "repeated-sentence"
    assert findings[0].message == f"sentence repeats earlier on this line: {sentence!r}"
    assert not findings[0].fix.is_safe


def test_a_sentence_of_an_earlier_paragraph_pasted_into_a_later_one_names_that_line(dup):
    pasted = "课程包括急救常识、手机支付和防范电信诈骗，每周一节。"
    later = "下学期夜校将增加书法和合唱课程，报名方式不变。" + pasted + "有意参加的居民可以电话咨询。"
    findings = dup(f"社区夜校开班\n{INTRO}{pasted}\n{OTHER}\n{later}\n")
    assert [(f.line, f.code, f.message) for f in findings] == [
        (4, "DUP002", f"sentence repeats line 2: {pasted!r}")
    ]


def test_emoji_injected_into_a_repeated_sentence_do_not_hide_it(dup):
    sentence = "这款传感器精度很高，适合实验室和工厂的标定使用。"
    noisy = sentence.replace("传感", "传😀感")
    line = f"产品介绍：{sentence}它的外壳非常结实。{noisy}量程从二十牛到五十千牛。"
    findings = dup(f"力传感器\n{line}\n")
    start = line.index(noisy) + 1
    assert where(findings) == [(2, start, 2, start + len(noisy), "DUP002")]


def test_a_sentence_repeated_on_a_clean_line_of_a_page_with_emoji_elsewhere_is_found(dup):
    sentence = "这款传感器精度很高，适合实验室和工厂的标定使用。"
    first = f"产品介绍：{sentence}它的外壳非常结实。"
    later = f"量程从二十牛到五十千牛。{sentence}欢迎选购。"
    findings = dup(f"力传感器\n{first}\n读者留言：好用😀😀，支持国产。\n{later}\n")
    start = later.index(sentence) + 1
    assert where(findings) == [(4, start, 4, start + len(sentence), "DUP002")]


def test_an_english_sentence_pasted_into_a_later_paragraph_names_that_line(dup):
    sentence = "The council said the new bus lanes would open in March, after a long consultation."
    pasted = sentence.replace("lanes", "la😀nes")  # the emoji splits a word only on screen
    text = (
        "Bus lanes to open in March\n"
        f"{sentence} Cyclists welcomed the plan.\n"
        f"Shops on the high street were less happy. {pasted} Traders fear fewer customers.\n"
    )
    findings = dup(text)
    start = text.splitlines()[2].index(pasted) + 1
    assert where(findings) == [(3, start, 3, start + len(pasted), "DUP002")]
    assert findings[0].message.startswith("sentence repeats line 2: 'The council said")


def test_short_sentences_said_again_are_not_reported(dup):
    text = "致辞\n谢谢大家。今天我们在这里庆祝学校建校六十周年，欢迎各位校友回家。谢谢大家。\n"
    assert dup(text) == []


def test_a_heading_mentioned_again_in_a_sentence_is_not_a_repeated_sentence(dup):
    heading = "面试时人事经理最常问的几个问题是什么"
    text = f"求职指南\n{heading}\n面试前要做好准备。接下来小编整理了{heading}，供大家参考学习。\n"
    assert dup(text) == []


def test_a_fragment_cut_off_at_the_end_of_a_teaser_is_not_reported(dup):
    first = "韩系车在全球市场的质量稳定性表现突出。权威调研机构发布的美国新车质量研究报告显示，前三名都是韩系品牌。"
    second = "韩系车在国内的存在感越来越低。权威调研机构发布的美国新车质量研究报告显示"
    assert dup(f"汽车新闻\n{first}\n{second}\n") == []


def test_scattered_set_phrases_do_not_make_a_repeated_sentence(dup):
    text = (
        "会议报道\n"
        "全会听取了中央纪律检查委员会的工作报告，讨论并通过了决议。\n"
        "会议指出，全会总结了中央纪律检查委员会的工作报告。会议还部署了明年的任务。\n"
    )
    assert dup(text) == []


def test_numbered_clauses_of_parallel_sections_are_left_alone_unless_asked(dup):
    clause = "2. 评审将从适当性、构图、印刷质量和兴趣度等角度进行评判，请按时提交作品。"
    text = (
        "摄影比赛规则\n新闻摄影\n1. 可以是新闻或专题报道配的照片。\n" + clause + "\n"
        "体育摄影\n1. 这是一张展示运动员在比赛中动作的照片。\n" + clause + "\n"
    )
    assert dup(text) == []
    findings = dup(text, {"repeated-paragraph": {"skip_list_items": False}})
    assert [(f.line, f.message) for f in findings] == [(7, "paragraph repeats line 4 (100% of its text)")]


def test_a_short_item_followed_by_a_longer_similar_one_further_down_is_not_a_lead(dup):
    text = (
        "张三简历\n"
        "张三，男，汉族，1965年生，经济学博士，高级经济师，长期从事化工企业管理工作。\n"
        "1998年7月，任某某化工集团有限公司办公室副主任、研究室主任；\n"
        "2010年4月，任某某化工集团有限公司党组成员、副总经理；\n"
        "2010年5月，任某某化工集团有限公司党组成员、副总经理兼某某石化有限公司总经理；\n"
    )
    assert dup(text) == []


def test_parallel_sentences_about_different_people_are_not_repeats(dup):
    text = (
        "基金大赛获奖名单\n"
        "用户姚某以46.73%的收益荣获首期权益赛道亚军。姚某在本赛季买入某某纳斯达克指数基金，并且当前仍持有。\n"
        "用户李某以42.68%的收益荣获首期权益赛道第四名。李某在本赛季买入某某纳斯达克指数基金，并且当前仍持有。\n"
    )
    assert dup(text) == []


def test_a_sentence_repeating_one_with_a_longer_run_of_laughter_names_that_line(dup):
    said = "哈哈哈哈哈哈，这次比赛我们一定能赢下来，请大家放心。"
    again = said.replace("哈，", "哈哈，")  # one unit more in the run: the alignment drifts by one
    later = f"散场时他挥手告别。{again}大家都笑了。"
    findings = dup(f"球迷见面会\n队长很高兴。{said}\n{later}\n")
    start = later.index(again) + 1
    assert where(findings) == [(3, start, 3, start + len(again), "DUP002")]
    assert findings[0].message.startswith("sentence repeats line 2:")


def test_a_run_of_identical_units_elsewhere_does_not_change_what_repeats(dup):
    sentence = "这款传感器精度很高，适合实验室和工厂的标定使用。"
    text = f"力传感器\n读者留言：好好好好好好好好，支持国产。\n{sentence}它的外壳非常结实。\n量程从二十牛到五十千牛。{sentence}欢迎选购。\n"
    findings = dup(text)
    start = text.splitlines()[3].index(sentence) + 1
    assert where(findings) == [(4, start, 4, start + len(sentence), "DUP002")]


def test_a_paragraph_pasted_three_times_reports_the_second_and_third(dup):
    findings = dup(f"社区夜校开班\n{BODY}\n{OTHER}\n{BODY}\n{BODY}\n")
    assert [(f.line, f.code, f.message) for f in findings] == [
        (4, "DUP001", "paragraph repeats line 2 (100% of its text)"),
        (5, "DUP001", "paragraph repeats line 2 (100% of its text)"),
    ]


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("他说：“夜校开班了。”然后走了！！", ["。”", "！！"]),
        ("Price 1.5 kN. Next one... and more…", [".", "...", "…"]),  # "1.5": no space after the "."
        ("e.g.x.", ["."]),  # a full stop only before a space or the end
        ("a..b;c", ["..", ";"]),
    ],
)
def test_a_sentence_ends_at_a_stop_a_single_full_stop_before_a_space_or_dots(line, ends):
    from plugins._dup_sentences import _SENTENCE_END

    assert [match.group() for match in _SENTENCE_END().finditer(line)] == ends


# -- the collector pause around the analysis ---------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was_found(dup, enabled):
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        findings = dup(f"社区夜校开班\n{BODY}\n{OTHER}\n{BODY}\n")
        assert [f.code for f in findings] == ["DUP001"]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# -- units ---------------------------------------------------------------------------------------


def test_an_ascii_line_is_cut_into_the_same_units_as_a_line_with_other_scripts():
    from plugins._dup_units import unit_keys

    words = "The U15 sensor's range: 20 N-50 kN (calibrated)."
    assert unit_keys(words) == ["the", "u15", "sensor", "s", "range", "20", "n", "50", "kn", "calibrated"]
    assert unit_keys(words + "中文") == [*unit_keys(words), "中", "文"]


def test_the_units_of_a_stretch_of_a_line_are_counted_as_they_are_cut():
    from plugins._dup_units import unit_keys, units_in

    line = "夜校U15开班，カタカナ and 한글 café 20 kN。"
    assert units_in(line, 0, len(line)) == len(unit_keys(line))
    assert units_in(line, 2, 8) == len(unit_keys(line[2:8])) == 3  # u15, 开, 班
    assert units_in(line, 0, 0) == 0


@pytest.mark.parametrize(
    ("first_line", "is_title"),
    [
        ("社区第一期夜校开班", True),
        ("社区第一期夜校开班。", False),
        ("他说：“夜校开班了。”", False),
        ("Night school opens.", False),
        ("Night school opens..", True),  # two dots are neither a full stop nor an ellipsis
        ("Night school opens...", False),
        ("夜校开班……", False),
        ("The U.S. edition", True),
        ("夜校开班，" * 50, False),  # 250 characters cut off mid-sentence: prose, not a headline
    ],
)
def test_a_first_line_is_a_title_unless_it_ends_like_a_sentence_or_runs_past_a_headline(first_line, is_title):
    from lint.page import Page
    from plugins._dup_analysis import title_index

    assert title_index(Page(f"\n  {first_line}  \n{OTHER}\n")) == (1 if is_title else None)


def test_a_shingle_lists_every_line_it_is_on_unless_it_is_on_more_than_the_boilerplate_limit():
    from plugins._dup_analysis import MAX_OCCURRENCES, _occurrences

    text, other = {1, 2}, {2, 3}
    sets = {0: text, 1: other, 2: text, **{index: {9} for index in range(3, 3 + MAX_OCCURRENCES + 1)}}
    found = _occurrences(sets, {1, 2, 3, 9})
    assert sorted(found[1]) == [0, 2]  # lines of the same text share one set
    assert sorted(found[2]) == [0, 1, 2]
    assert found[3] == [1]
    assert len(found[9]) > MAX_OCCURRENCES  # boilerplate: not necessarily every line


def test_a_shingle_is_numbered_by_the_place_the_page_first_met_it_on_every_line():
    from plugins._dup_analysis import _Places

    places = _Places()
    first, _, first_fresh = places.read(list("abcdefab"))  # shingles abcde, bcdef, cdefa, defab
    again, again_set, again_fresh = places.read(list("xcdefab"))  # xcdef, then cdefa and defab again
    assert (list(first), first_fresh) == ([0, 1, 2, 3], True)
    assert (list(again), again_set, again_fresh) == ([4, 2, 3], {2, 3, 4}, False)
    assert list(places.read(list("abcdeabcde"))[0]) == [0, 8, 9, 10, 11, 0]


def test_a_line_whose_shingles_are_all_new_tells_its_own_repeats_by_their_numbers():
    from plugins._dup_analysis import Line, _Places
    from plugins._dup_sentences import _said_earlier

    places = _Places()
    places.read(list("甲乙丙丁戊己"))
    shingles, shingle_set, fresh = places.read(list("子丑寅卯辰子丑寅卯辰子丑"))
    assert fresh
    as_numbered = _said_earlier(Line(1, 12, shingles, shingle_set, fresh))
    assert as_numbered == _said_earlier(Line(1, 12, shingles, shingle_set)) == bytes([0] * 5 + [1] * 3)


def test_sentence_bounds_move_back_by_the_noise_before_them():
    from plugins._dup_sentences import _without_noise

    text = "好😀的。再见\u200b了。"
    assert _without_noise(text, [0, 4, 9]) == [0, 3, 7]


# -- the first of two copies --------------------------------------------------------------------


def test_what_a_line_read_late_said_counts_as_said_before_the_lines_after_it():
    from plugins._dup_analysis import _found_before, _Met

    first, late, copy = {1, 2}, {3, 4}, {1, 2, 3, 4}
    sets = {0: first, 1: late, 2: copy}
    met = _Met()
    met.add([(0, first), (2, copy)])  # the lines read first, in page order
    met.add([(1, late)])
    assert _found_before(sets, {2}, met.before, set(), 0.8) == set()  # half of it without line 1
    assert _found_before(sets, {2}, met.before, {1}, 0.8) == {2}
    assert _found_before(sets, {0}, met.before, {1}, 0.8) == set()  # nothing came before line 0


def test_a_line_of_the_same_text_as_an_earlier_one_said_all_of_it_before():
    from plugins._dup_analysis import _found_before, _Met

    text, other = {1, 2, 3}, {7, 8}
    sets = {0: text, 1: other, 2: text}  # lines of the same text share one set
    met = _Met()
    assert met.add(sets.items()) == {1, 2, 3}
    assert met.on_two_lines(text) and not met.on_two_lines(other)
    assert _found_before(sets, {0, 2}, met.before, set(), 1.0) == {2}


def test_a_lines_own_shingles_are_said_before_only_where_they_occur_earlier_in_it():
    from array import array

    from plugins._dup_analysis import Line
    from plugins._dup_sentences import _said_earlier

    shingles = array("q", [5, 6, 5, 7, 6, 5])
    assert _said_earlier(Line(0, 10, shingles, set(shingles))) == bytes([0, 0, 1, 0, 1, 1])
    assert _said_earlier(Line(0, 6, array("q", [5, 6]), {5, 6})) is None  # nothing occurs twice


def test_a_sentence_said_before_names_the_line_of_its_best_alignment():
    from array import array

    from plugins._dup_analysis import Line
    from plugins._dup_sentences import _place, _places, _repeated_from

    class Prose:  # the analysis as _places reads it
        def __init__(self, lines):
            self.lines = lines

        def prose(self):
            return self.lines

    said = array("q", range(100, 120))
    earlier = Line(3, 24, said, set(said))
    later = Line(9, 30, array("q", [1, 2, 3, *said, 4, 5]), set(said) | {1, 2, 3, 4, 5})
    places = _places(Prose([earlier, later]), set(said))
    assert places[100] == [_place(3, 0), _place(9, 3)]
    assert _repeated_from(places, later, 3, 27, 14, 1.0) == 3
    assert _repeated_from(places, earlier, 0, 24, 14, 1.0) is None  # its places are its own, or later
