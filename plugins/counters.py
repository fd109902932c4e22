"""VWC: view counters. Read, view, click and like counts, inline or as bare number lines.

A counter is the site's widget, not the article's number: it stands apart from the prose (at a
line start, after a separator, before another metadata field) and says what it counts
(``浏览次数:2055``, ``1.2万阅读``, ``12,345 views``). The same label inside a sentence
(``该视频播放量已超过1亿次``, ``the clip got 12,345 views on YouTube``) is a statistic and
stays. Bare count lines are the other shape: a list of headlines, each followed by a line that
is only a number. Years, page numbers and numbered lists count up or sit in a calendar range,
and are left alone.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Callable, Iterator, Mapping

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._automata import occurrences
from plugins._digits import may_be_digit
from plugins._lazy import lazy_regex
from plugins._records import record

# --- inline counters -------------------------------------------------------------------------

_NUM = r"(?>(?:\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.\d+)?)(?!\d)"  # atomic: a long run of digits fails once
_MAG = r"(?:[ \t]?(?:万|千|亿|[kKwWmM](?![A-Za-z])))?\+?"
_ZH_UNIT = r"(?:[ \t]?(?:人次|次|人|遍|条))?"
# Labels that say what is counted; the long forms first.
_ZH_LABEL_LONG = r"浏览次数|浏览量|浏览数|阅读次数|阅读量|阅读数|点击次数|点击量|点击数|访问量|访问次数|播放量|播放次数|观看次数|点赞数|评论数|收藏数|转发数|分享数|商品评价|累计评价"
_ZH_LABEL_SHORT = r"浏览|阅读|点击|访问|人气|热度|播放|观看|围观|点赞|评论|评价|回复|收藏|分享|转发|喜欢"
_ZH_AFTER = r"浏览|阅读|点击|访问|人气|热度|播放|观看|围观|点赞|赞|评论|评价|回复|收藏|分享|转发|喜欢"
# Metadata labels a counter may run into without a space ("浏览：2055作者：张三").
_META = r"(?:发布时间|发表时间|更新时间|时间|日期|来源|作者|编辑|责任编辑|字号|标签|分类)\s*[:：]"
_END = rf"(?=$|[\s|｜丨·•,，;；。、)）\]】>»]|{_META})"
_START = r"(?<![\p{L}\p{N}.,])"
# Where a widget stands: at a line start, or after a separator (or a space).
# (Look-behinds are bounded: a long run of spaces must not be rescanned at every position.)
_WIDGET_AFTER_SEPARATOR = r"(?<=^[ \t\u3000]{0,8}|[|｜丨·•/][ \t\u3000]{0,8})"
_WIDGET_BEFORE = r"(?<=^|[|｜丨·•/ \t\u3000])"
# After a labelled count the page may run on without a break ("阅读：5700近日，……", "浏览次数：
# 27340阅读全文"): anything may follow except what turns the figure into a quantity, a date or
# a decimal ("阅读 3 本书", "浏览：2021-06-03", "点击率 12%").
_NOT_A_QUANTITY = r"(?![\d%‰]|[.,．:：/\-]\d|[ \t]?(?:[年月日号时分秒字页篇章元岁个倍米吨项名位家条款份期届座辆台件小]|本(?![文站网报刊])))"

_COUNT_WITH_UNIT = (
    rf"{_NUM}(?:[ \t]?(?:万|千|亿|[kKwW])\+?(?:[ \t]?(?:人次|次|人))?|[ \t]?(?:人次|次))[ \t]?(?:{_ZH_AFTER})(?:量|数|次数)?"
)

# What a count with its unit holds besides the number: a magnitude or 次.
_COUNT_UNITS = tuple("万千亿kKwW次")


@record
class _Touching:
    """One of ``words`` with, right before it (``side`` -1) or right after it (1), one of
    ``chars`` or (``digit``) what may be a digit, both inside the sentence."""

    words: tuple[str, ...]
    side: int
    chars: str
    digit: bool = False

    def found(self, text: str, first: int, last: int) -> bool:
        for word in self.words:
            at = text.find(word, first, last)
            while at >= 0:
                index = at - 1 if self.side < 0 else at + len(word)
                if first <= index < last and (text[index] in self.chars or (self.digit and may_be_digit(text[index]))):
                    return True
                at = text.find(word, at + 1, last)
        return False


@record
class _Shape:
    """One shape of counter, compiled on first use, the strings one of which its match holds, and
    what its words must touch.

    A sentence without them cannot match: most pages then never compile the shape (each costs a
    few ms, most of a single-file run's counter work).
    """

    pattern: Callable[[], Any]  # -> regex.Pattern[str]
    needs: tuple[str, ...]  # empty: any sentence may match
    touching: _Touching | None = None

    def finditer(self, text: str, first: int, last: int) -> Iterator[Any]:
        if self.needs and all(text.find(need, first, last) < 0 for need in self.needs):
            return iter(())
        if self.touching is not None and not self.touching.found(text, first, last):
            return iter(())
        return self.pattern().finditer(text, first, last)


def _shape(source: str, *needs: str, touching: _Touching | None = None) -> _Shape:
    return _Shape(lazy_regex("(?V1m)" + source), needs, touching)


# What a count with its unit (_COUNT_WITH_UNIT) ends with right before the word it counts: a
# space, a magnitude, its + or the unit.
_COUNT_END = " \t万千亿kKwW+次人"
#: A label with its number right after it; a counted word with its count right before it: a
#: sentence without one is not searched for the shape, and a page without one never compiles it
#: (~3 ms each; the test costs about what the search of a compiled shape does).
_LABEL_THEN_DIGIT = _Touching(tuple(_ZH_LABEL_LONG.split("|")), 1, "", digit=True)
_SHORT_LABEL_THEN_DIGIT = _Touching(tuple(_ZH_LABEL_SHORT.split("|")), 1, "", digit=True)
_COUNTED = _Touching(tuple(_ZH_AFTER.split("|")), -1, _COUNT_END)
# What a bare count (_NUM _MAG _ZH_UNIT) ends with right before the word it counts: a digit, a
# magnitude, its +, a unit or a space.
_COUNTED_BARE = _Touching(tuple(_ZH_AFTER.split("|")), -1, " \t万千亿kKwWmM+次人遍条", digit=True)


#: The shapes of an inline counter. Each is its own pattern: ``regex`` scans a text fast for one
#: shape that starts with a literal, and slowly for one alternation of them all.
_ZH_SHAPES = (
    # 浏览次数:2055 / 阅读量：1.2万 / 点击：345次: a label with a colon is a widget wherever it
    # stands ("……美国军舰浏览：429次")
    _shape(rf"(?<![\p{{N}}.,])(?:{_ZH_LABEL_LONG}|{_ZH_LABEL_SHORT})[ \t]*[:：][ \t]*{_NUM}{_MAG}{_ZH_UNIT}{_NOT_A_QUANTITY}", ":", "："),
    # 阅读(2055) / 商品评价(143)
    _shape(rf"(?<![\p{{N}}.,])(?:{_ZH_LABEL_LONG}|{_ZH_LABEL_SHORT}|赞)[ \t]*[(（\[【][ \t]*{_NUM}{_MAG}{_ZH_UNIT}[ \t]*[)）\]】]", *"(（[【"),
    # 阅读 3.4k / 浏览量 16305 / 阅读量2055: a bare label only where no letter touches it
    _shape(rf"{_START}(?:{_ZH_LABEL_LONG}|{_ZH_LABEL_SHORT})[ \t\u3000]+{_NUM}{_MAG}{_ZH_UNIT}{_NOT_A_QUANTITY}", *" \t\u3000"),
    _shape(rf"{_START}(?:{_ZH_LABEL_LONG}){_NUM}{_MAG}{_ZH_UNIT}{_NOT_A_QUANTITY}", "量", "数", "评价", touching=_LABEL_THEN_DIGIT),
    # 52242次浏览 / 75.3万阅读: a count with its unit may run into the next sentence
    _shape(rf"{_START}{_COUNT_WITH_UNIT}", *_COUNT_UNITS, touching=_COUNTED),
    # "……进口禁令88.6万阅读": a headline with its count glued on, at the end of the line
    _shape(rf"(?<=\p{{Han}})(?<![\p{{N}}.,]){_COUNT_WITH_UNIT}(?=[ \t]*$)", *_COUNT_UNITS, touching=_COUNTED),
    # 240 阅读 / 182人气 / 0 评论: without a unit it must stand alone
    _shape(rf"{_START}{_NUM}{_MAG}{_ZH_UNIT}[ \t]?(?:{_ZH_AFTER})(?:量|数|次数)?{_END}", touching=_COUNTED_BARE),
    # 阅读10万+ / 赞 12: a label run into its count, or the one-character 赞, only standing alone
    # (as the widget: at a line start or after a space or separator; "获赞194，评论111。" is a sentence)
    _shape(rf"{_WIDGET_BEFORE}(?:{_ZH_LABEL_SHORT}){_NUM}{_MAG}{_ZH_UNIT}{_END}", touching=_SHORT_LABEL_THEN_DIGIT),
    _shape(rf"{_WIDGET_BEFORE}赞[ \t]+{_NUM}{_MAG}{_END}", "赞"),
    # 文章浏览量 2,345: a long label after the word for what was viewed
    _shape(
        rf"(?<![\p{{N}}.,])(?:文章|本文|页面|帖子|总)(?:{_ZH_LABEL_LONG})[ \t\u3000]*[:：]?[ \t\u3000]*{_NUM}{_MAG}{_ZH_UNIT}{_NOT_A_QUANTITY}",
        "文章", "本文", "页面", "帖子", "总",
    ),
    # 358人看过 wherever it stands; 1024人阅读 only as the widget, at a line start or after a
    # separator ("文章发布后，已有2055人阅读。" is a sentence)
    _shape(rf"(?<![\p{{N}}.,]){_NUM}{_MAG}[ \t]?人看过{_END}", "人看过"),
    _shape(rf"{_WIDGET_AFTER_SEPARATOR}(?:已有|共有|共)?{_NUM}{_MAG}[ \t]?人(?:阅读|浏览|围观|点赞|收藏|观看|读过){_END}", "人"),
)
_EN_SHAPES = (
    # Comments (12) / Views (1,024)
    _shape(rf"{_START}(?i:comments|views|likes|shares|replies)[ \t]*[(（\[][ \t]*{_NUM}{_MAG}[ \t]*[)）\]]", *"(（["),
    # Views: 1,024 / Page views: 3.4k / Viewed 201 times
    _shape(rf"{_START}(?i:page[ \t]?views|views?|reads|hits|clicks|likes|plays|visits)[ \t]*[:：][ \t]*{_NUM}{_MAG}{_END}", ":", "："),
    _shape(rf"{_START}(?:Viewed|Read|Played)[ \t]+{_NUM}{_MAG}[ \t]+times{_END}", "times"),
)

# 12,345 views: an English count after its number is only a widget where it stands alone.
_EN_AFTER = rf"{_START}{_NUM}{_MAG}[ \t]*(?i:views|reads|plays|likes|clicks|visits|comments|shares)(?![\p{{L}}\p{{N}}])"  # "top 20 hits" are songs
# It counts at a line start, after a sentence, a separator or a field label; or where it ends the
# line or meets a separator or a byline. "The clip got 12,345 views on YouTube." stays.
_EN_BEFORE_OK = r"(?:^|[|｜丨·•,，;；\-–—(（\[【/:：.!?。！？\"”’)]|\d)[ \t]*$"
_EN_AFTER_OK = r"[ \t]*(?:$|[\r\n|｜丨·•;；\-–—)）\]】/]|\d|(?:BY|By|Reporting|Written)\b)"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# "0 发布时间：2021.04.17": a count the template printed before the page's date field.
# Only before a date field: a number before "编辑：" is more often the day left from a cut date.
_DATE_FIELD = r"(?:发布时间|发表时间|更新时间|发布日期|时间|日期)\s*[:：]"
_LEADING = rf"[ \t]*(\d{{1,7}})[ \t]+(?={_DATE_FIELD})"

# Every Chinese shape holds one of the first words, every English one one of the second (matched
# in any case), and every counter a digit: a sentence without both has no counter.
_ZH_WORDS = (
    "浏览", "阅读", "点击", "访问", "人气", "热度", "播放", "观看", "围观", "赞", "评论", "评价", "回复",
    "收藏", "分享", "转发", "喜欢", "看过", "读过",
)  # fmt: skip
_EN_WORDS = ("view", "reads", "hits", "clicks", "likes", "plays", "visits", "comments", "shares", "replies", "times")
_DATE_WORDS = ("时间", "日期")
_LONGEST_WORD = max(map(len, (*_ZH_WORDS, *_EN_WORDS, *_DATE_WORDS)))
# Where a counter's text, and all that its patterns look at, ends: a line break, the end of a
# sentence or a Chinese clause (no pattern reads past "，" or "、"). The patterns only ever run
# between two of these, around a word above.
_CUT = r"\n|[。！？，；、]|[.!?] "
_DIGIT = re.compile(r"\d")
# Sentences longer than this are cut around the word: no counter is that long.
_REACH = 200


_en_after = lazy_regex("(?V1)" + _EN_AFTER)
_en_before_ok = lazy_regex("(?V1m)" + _EN_BEFORE_OK)
_en_after_ok = lazy_regex("(?V1)" + _EN_AFTER_OK)
_leading = lazy_regex("(?V1)" + _LEADING)
_cut = lazy_regex(_CUT)
_cut_before = lazy_regex("(?r)" + _CUT)  # the same, searched from the end


@functools.cache
def _words():  # -> ahocorasick_rs.AhoCorasick
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick([*_ZH_WORDS, *_EN_WORDS, *_DATE_WORDS], implementation=ahocorasick_rs.Implementation.DFA)


@record
class _Candidates:
    zh: list[tuple[int, int]]  # sentences with a Chinese counted word and a digit
    en: list[tuple[int, int]]  # sentences with an English one and a digit
    date_lines: list[int]  # starts of lines with a date word


def _candidates(text: str) -> _Candidates:
    """Where counters may be: one automaton pass over the text finds the counted words.

    The sentences around them are all the counter patterns need to see (they never look across a
    line break or a sentence's end).
    """
    folded = text.lower()
    if len(folded) != len(text):  # a rare letter whose lower case is longer: look at everything
        whole = [(0, len(text))]
        return _Candidates(whole, whole, [0, *(match.end() for match in re.finditer("\n", text))])
    found = _Candidates([], [], [])
    line_starts: list[int] = []  # found on the first date word
    for word, start, end in occurrences(_words(), folded, _LONGEST_WORD):
        if word >= len(_ZH_WORDS) + len(_EN_WORDS):
            if not line_starts:
                line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
            found.date_lines.append(line_starts[bisect.bisect_right(line_starts, start) - 1])
            continue
        around = found.zh if word < len(_ZH_WORDS) else found.en
        cut = _cut_before().search(text, max(0, start - _REACH), start)
        first = cut.end() if cut else max(0, start - _REACH)
        cut = _cut().search(text, end, end + _REACH)
        last = cut.end() if cut else min(len(text), end + _REACH)
        if around and first <= around[-1][1]:  # the sentence of the word before, or overlapping it
            first, last = around[-1][0], max(last, around.pop()[1])
        around.append((first, last))
    for around in (found.zh, found.en):
        around[:] = [(first, last) for first, last in around if _DIGIT.search(text, first, last)]
    return found


def _inline_spans(text: str, leading_count: bool) -> list[tuple[int, int]]:
    """Spans of the de-noised ``text`` that read as counters (they may overlap)."""
    candidates = _candidates(text)
    spans = [
        match.span()
        for sentences, shapes in ((candidates.zh, _ZH_SHAPES), (candidates.en, _EN_SHAPES))
        for first, last in sentences
        for shape in shapes
        for match in shape.finditer(text, first, last)
    ]
    for first, last in candidates.en:
        for match in _en_after().finditer(text, first, last):
            # what stands before it on its line (at most 8 characters), and what comes after it
            low = max(0, match.start() - 8)
            before = max(low, *(text.rfind(brk, low, match.start()) + 1 for brk in "\r\n"))
            if _en_before_ok().search(text, before, match.start()) or _en_after_ok().match(text, match.end()):
                spans.append(match.span())
    if leading_count:
        for line_start in sorted(set(candidates.date_lines)):
            match = _leading().match(text, line_start)
            if match:
                spans.append(match.span(1))
    return spans


def _check_inline_counter(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    text = view.text
    spans = _inline_spans(text, options["leading_count"])
    spans.sort(key=lambda span: (span[0], -span[1]))
    last_end = -1
    for start, end in spans:
        if start < last_end:
            continue  # one counter, matched two ways: the longest reading wins
        last_end = end
        o_start, o_end = view.span_to_original(start, end)
        fix_start = o_start
        line_start = page.line_starts[page.line_index(o_start)]
        while fix_start > line_start and page.text[fix_start - 1] in " \t\u3000":
            fix_start -= 1
        yield Violation(
            o_start,
            o_end,
            f"view counter {text[start:end]!r}",
            Fix.delete(fix_start, o_end, message="remove the view counter"),
        )


INLINE_COUNTER = Rule(
    code="VWC001",
    name="inline-view-counter",
    summary="A read, view, click or like count printed by the site",
    explanation=(
        "Pages print how often they were read or viewed (浏览次数:2055, 阅读量：1.2万, 点击：345次, "
        "240 阅读, 阅读10万+, 358人看过, Views: 1,024, 12,345 views, Comments (12)). The count is the "
        "site's widget, not the article's. "
        "A counter stands apart: it starts the line or follows a space or separator, and ends the "
        "line or meets a separator or another metadata field. A count inside a sentence (该视频播放量"
        "已超过1亿次, the clip got 12,345 views on YouTube), dates, times, percentages and prices "
        "are left alone."
    ),
    bad_example="更新时间：2023-09-22 浏览次数:2055\nBy Jane Doe · 12,345 views",
    good_example="更新时间：2023-09-22\n该视频的播放量已超过1亿次。",
    check=_check_inline_counter,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "leading_count",
            True,
            "Also flag a bare number that a template printed in front of a date or source field "
            "('0 发布时间：2021.04.17').",
            bool,
        ),
    ),
)

# --- bare count lines ------------------------------------------------------------------------

# Patterns as strings: ``re`` compiles (and keeps) them on first use, not at import.
_BARE = rf"^[ \t\u3000]*((?!0\d){_NUM}{_MAG})(?:[ \t]?(?:人次|次))?[ \t\u3000]*$"
_NOT_DIGITS = r"[^\d.]"
_PLAIN_DECIMAL = r"^\d+\.\d+$"
_SENTENCE_END = r"(?:。|(?<!\.)\.)$"  # a headline may end with ? or !, not with a full stop
_LETTER = lazy_regex(r"\p{L}")


def _value(number: str) -> float | None:
    """The count as a number, for the sequence checks (``1.2万`` is 12000)."""
    digits = re.sub(_NOT_DIGITS, "", number)
    try:
        value = float(digits)
    except ValueError:
        return None
    for mark, factor in (("万", 1e4), ("千", 1e3), ("亿", 1e8), ("k", 1e3), ("K", 1e3), ("w", 1e4), ("W", 1e4), ("m", 1e6), ("M", 1e6)):
        if mark in number:
            value *= factor
    return value


def _is_headline(line: str, max_chars: int) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= max_chars and not re.match(_BARE, stripped) and not re.search(_SENTENCE_END, stripped)


def _letters(text: str) -> int:
    return len(_LETTER().findall(text))


def _looks_like_a_sequence(values: list[float]) -> bool:
    """Page numbers, list numbers and years: they count up by one or sit in a calendar range."""
    if all(1900 <= value <= 2100 and value == int(value) for value in values):
        return True
    steps = [b - a for a, b in zip(values, values[1:])]
    return bool(steps) and sum(1 for step in steps if abs(step) == 1) * 2 >= len(steps)


def _check_bare_count_lines(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    min_lines: int = options["min_lines"]
    max_headline: int = options["max_headline_chars"]
    min_letters: int = options["min_headline_letters"]
    view = page.denoised.text
    if not re.search(_BARE, view.replace("\r", "\n") if "\r" in view else view, re.MULTILINE):
        return  # no line is only a number (one scan of the page)
    lines = _LINE_BREAK.split(view)
    nonblank = [index for index, line in enumerate(lines) if line.strip()]
    # Candidates: a bare number whose previous non-blank line is a headline-like line.
    candidates: list[tuple[int, int, str]] = []  # (position in nonblank, line index, number)
    bare = re.compile(_BARE)
    for position, index in enumerate(nonblank):
        match = bare.match(lines[index])
        if not match or re.match(_PLAIN_DECIMAL, match.group(1)) or position == 0:
            continue
        if _is_headline(lines[nonblank[position - 1]], max_headline):
            candidates.append((position, index, match.group(1)))
    # Group candidates that follow each other within a few lines: a headline list.
    groups: list[list[tuple[int, int, str]]] = []
    for candidate in candidates:
        if groups and candidate[0] - groups[-1][-1][0] <= 3:
            groups[-1].append(candidate)
        else:
            groups.append([candidate])
    for group in groups:
        headlines = [lines[nonblank[position - 1]] for position, _, _ in group]
        values = [v for v in (_value(number) for _, _, number in group) if v is not None]
        if len(group) >= min_lines:
            if sum(_letters(h) for h in headlines) < min_letters * len(headlines):
                continue  # short labels and values: a flattened table
            if _looks_like_a_sequence(values):
                continue
            for _, index, number in group:
                yield _bare_line_violation(page, index, f"bare view-count line {number!r} after a headline")
        elif options["under_title"] and group[0][0] == 1 and len(group) == 1:
            # The page's title, then a line that is only a number: the template's counter.
            value = values[0] if values else None
            if value is not None and value == int(value) and not 1900 <= value <= 2100 and _letters(headlines[0]) >= min_letters:
                yield _bare_line_violation(page, group[0][1], f"bare view-count line {group[0][2]!r} under the title")


def _bare_line_violation(page: Page, index: int, message: str) -> Violation:
    start, end = page.line_span(index)
    text = page.text[start:end]
    number_start = start + len(text) - len(text.lstrip())
    number_end = start + len(text.rstrip())
    fix_start, fix_end = page.line_span_with_break(index)
    if fix_end == len(page.text) and index > 0 and not page.text.endswith(("\n", "\r")):
        fix_start = page.line_span(index - 1)[1]
    return Violation(number_start, number_end, message, Fix.delete(fix_start, fix_end, message="remove the count line"))


BARE_COUNT_LINES = Rule(
    code="VWC002",
    name="bare-count-line",
    summary="A line that is only a view count, under a headline",
    explanation=(
        "Lists of related headlines come with their view counts, and a scraper puts each count on "
        "its own line: headline, number, headline, number. A bare number line counts when it "
        "follows a headline-like line and several such pairs come together, or when it sits right "
        "under the page's title. Numbers that count up by one (page numbers, a numbered list), years "
        "and short table labels with their values are left alone."
    ),
    bad_example="推荐阅读\n建宁路街道广场舞比赛搭建风采展示平台\n7222\n百余名环卫工技能竞赛上展“绣花功夫”\n7621\n见义勇为宣传雕塑传递崇德向善新风尚\n8113",
    good_example="推荐阅读\n建宁路街道广场舞比赛搭建风采展示平台\n百余名环卫工技能竞赛上展“绣花功夫”\n见义勇为宣传雕塑传递崇德向善新风尚",
    check=_check_bare_count_lines,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min_lines", 3, "Fewest headline and count pairs that make a counted list.", int),
        RuleOption("max_headline_chars", 100, "Longest line that can be a headline.", int),
        RuleOption("min_headline_letters", 6, "Fewest letters a headline has on average (table labels are shorter).", int),
        RuleOption("under_title", True, "Also flag one bare count line right under the page's first line.", bool),
    ),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("VWC", "view counters", "Read, view, click and like counts, inline or as bare number lines.", "#2ca02c")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [INLINE_COUNTER, BARE_COUNT_LINES]
