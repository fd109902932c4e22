"""CHR: page chrome. The site's UI text and empty metadata fields.

What the page template prints around an article: buttons and links (``展开全文``,
``返回搜狐,查看更多``, ``Read more``), empty metadata fields (``更新时间:`` with nothing after
it), previous/next links and page numbers, tag lines, and reprint notices. Every rule matches
on the de-noised view, so ``返回😘搜狐,查看更多`` is found, and reports original columns.

Ordinary words stay alone: ``展开`` or ``返回`` in a sentence, "read more books". A UI phrase
is recognised by its exact wording and by where it stands: it starts or ends its line, or sits
between separators, never in the middle of a clause.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from lint import hookimpl
from lint.model import Family, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._automata import holds_any
from plugins._chrome_footer import SITE_FOOTER
from plugins._chrome_prompts import SHORT_LINE, prompt_spans
from plugins._chrome_scan import Scan, scan
from plugins._chrome_spans import SPACE, report, shown
from plugins._chrome_spans import strip_span as _strip_span
from plugins._chrome_spans import violation as _violation
from plugins._digits import may_be_digit
from plugins._first_needs import FirstNeeds
from plugins._lazy import lazy_re, lazy_regex

if TYPE_CHECKING:
    import regex

_NOT_SPACE = lazy_regex(r"[^ \t\u3000\u00a0]")

# --- CHR001: UI phrases ----------------------------------------------------------------------------

_ARROWS = r"(?:[ \t]*(?:>{1,3}|》{1,3}|→|»|›|∨|▼|↓|\.{3}|…)+)?"
_HAN_EDGE_LEFT = r"(?<!\p{Han})"
_HAN_EDGE_RIGHT = r"(?!\p{Han})"

# Chinese phrases a writer never uses in running text: found wherever they stand, even run into
# the next sentence ("……决策。点击展开全文成渝地区……").
_ZH_STRONG = (
    r"返回\p{Han}{1,6}[,，、]?[ \t]*查看更多"
    r"|返回搜狐"
    r"|(?:点击)?展开(?:阅读)?全文"
    r"|点击(?:查看|加载|阅读)(?:更多|全文|原文)(?:内容|精彩内容)?"
    r"|详情(?:请)?点击"
    r"|(?:点击|点此)(?:进入|查看|阅读|这里|此处|跳转|下载|展开)\p{Han}{0,12}?(?=[ \t]*(?:>{2,}|》{1,}|→))"
    r"|扫一扫(?:分享|关注)"
    r"|(?:分享到|分享至)[ \t]*[:：](?:[ \t]*(?:微信|微博|朋友圈|QQ空间|QQ|新浪微博|腾讯微博|豆瓣))*"
    r"|字号[:：]?[ \t]*大[ \t]*中[ \t]*小"
    r"|(?:下列|以下)?快捷留言"
)
# Phrases that are also ordinary words ("请查看更多信息", "他返回首页"): only where no Han letter
# touches them, or at the end of a line, where a sentence would have ended with punctuation.
_ZH_BOUNDED = (
    r"(?:查看|阅读)(?:全文|原文)"
    r"|(?:查看|加载)更多(?:内容|评论|精彩内容)?"
    r"|打印本页|关闭窗口|打印文章|收藏本文|收藏本页|文章导航"
    r"|返回(?:顶部|首页|列表|目录|上一页|栏目)"
    r"|(?:分享到|分享至)[ \t]*[:：]?(?:[ \t]*(?:微信|微博|朋友圈|QQ空间|QQ|新浪微博|腾讯微博|豆瓣))*"
)
# A link's label that starts with "点击": a link only where its clause ends (line end, arrow,
# bracket); "然后点击下载，即可安装。" is an instruction.
_ZH_CLICK = (
    r"(?:点击|点此)(?:这里|此处|跳转|进入|查看)"
    r"|(?:点击|点此)[^\s，。,.!！?？；;：:（）()“”\"]{0,8}?(?:查看|进入|阅读|下载|跳转|访问|观看|收听|加入)"
    r"[^\s，。,.!！?？；;：:（）()“”\"]{0,14}"
)
_ZH_BUTTONS = r"(?:【(?:打印|关闭|收藏|返回顶部|关闭窗口|打印本页|字体[:：]?[ \t]*大[ \t]*中[ \t]*小)】[ \t]*)+(?![\p{L}\p{N}])"
# Click-instructions in brackets, a link's label: "（点击进入【包周专栏】）".
_ZH_CLICK_BRACKET = r"[（(][ \t]*(?:点击|点此)[^（()）\n]{1,20}[）)]"

# The first phrase of a run; _phrase_run adds the phrases that follow it ("打印本页 关闭窗口 >>").
# Written as one pattern with the run in it, it took 13 ms to compile instead of 5: in the order
# they are tried, each pattern, the words it starts with, and its group.
_ZH_ALTERNATIVES = (
    (
        rf"(?P<lead>(?:{_ZH_STRONG}){_ARROWS})",
        ("返回", "点击", "展开", "详情", "点此", "扫一扫", "分享到", "分享至", "字号", "下列", "以下", "快捷留言"),
        "strong",
    ),
    (_ZH_BUTTONS, ("【",), "strong"),
    (_ZH_CLICK_BRACKET, ("（", "("), "strong"),
    (
        _ZH_BOUNDED,
        ("查看", "阅读", "加载", "打印本页", "关闭窗口", "打印文章", "收藏本文", "收藏本页", "文章导航", "返回", "分享到", "分享至"),
        "bounded",
    ),
    (rf"{_HAN_EDGE_LEFT}(?P<click>(?:{_ZH_CLICK}){_ARROWS})", ("点击", "点此"), ""),
)
_ZH_NEXT_BOUNDED = lazy_regex(rf"(?V1)[ \t]*(?:{_ZH_BOUNDED})")
_ZH_NEXT = lazy_regex(rf"(?V1)[ \t]*(?:{_ZH_BOUNDED}|{_ZH_STRONG})")
_ZH_ARROWS = lazy_regex(rf"(?V1){_ARROWS}")
_CLICK_TAIL_OK = lazy_regex(r"(?V1)[ \t]*(?:$|[>》→»)）\]】|｜\r\n])")
_LINE_END_AFTER = lazy_regex(r"(?V1)[ \t]*(?:$|[\r\n])")
_HAN_AFTER = lazy_regex(r"(?V1)\p{Han}")
_CLAUSE_GOES_ON = lazy_regex(r"(?V1)[ \t]*[，、,]")
_SENTENCE_BEFORE = lazy_regex(r"(?V1m)(?:^|[。！？!?.；;]|-{2,})[ \t]*$")

# English: capitalised, after a line start, a sentence end, a separator or another UI phrase;
# a short one ("Read more") also needs its line to end, or an arrow, colon or a new sentence
# after it. "I want to read more books" and "users can click here" stay.
#: The phrases in the order they are tried: pattern, the words it starts with, its kind.
_EN_ALTERNATIVES = (
    (
        r"(?:Continue|CONTINUE|Keep)[ \t]+(?:reading|Reading|READING)(?:[ \t]+the[ \t]+(?:main[ \t]+|full[ \t]+)?(?:story|article))?",
        ("Continue", "CONTINUE", "Keep"),
        "long",
    ),
    (r"Read[ \t]+(?:the[ \t]+)?full[ \t]+(?:story|article|post)", ("Read",), "long"),
    (r"Share[ \t]+this[ \t]+(?:article|story|post|page)", ("Share",), "long"),
    (r"Share[ \t]+on[ \t]+(?:Facebook|Twitter|X|LinkedIn|WhatsApp|Email|Pinterest|Reddit)", ("Share",), "long"),
    (r"Click[ \t]+here(?:[ \t]+to[ \t]+[^.!?\n]{1,60}?(?=[.!?]|$|[ \t]+[A-Z\d]))?", ("Click",), "long"),
    (
        r"Back[ \t]+to[ \t]+top|Skip[ \t]+to[ \t]+(?:main[ \t]+)?content|Print[ \t]+this[ \t]+(?:page|article|story)",
        ("Back", "Skip", "Print"),
        "long",
    ),
    (r"Follow[ \t]+us[ \t]+on[ \t]+(?:Facebook|Twitter|Instagram|X|LinkedIn)", ("Follow",), "long"),
    (
        r"(?:Sign[ \t]+up[ \t]+for|Subscribe[ \t]+to)[ \t]+(?:our|the)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}?newsletters?",
        ("Sign", "Subscribe"),
        "long",
    ),
    (r"(?:Email|Save)[ \t]+this[ \t]+(?:article|story|page|post)", ("Email", "Save"), "long"),
    (
        r"(?:Read|READ|See|View|Show|Load)[ \t]+(?:more|More|MORE)|Share[ \t]+this|Continue",
        ("Read", "READ", "See", "View", "Show", "Load", "Share", "Continue"),
        "short",
    ),
)


_Alternatives = tuple[tuple[str, tuple[str, ...], str], ...]  # pattern, start words, group


def _grouped(flags: str, alternatives: _Alternatives, needed: frozenset[int]) -> str:
    """The alternation of the ``needed`` alternatives, in their order; those of a group in that
    named group."""
    groups: dict[str, list[str]] = {}
    for index, (pattern, _, group) in enumerate(alternatives):
        if index in needed:
            groups.setdefault(group, []).append(pattern)
    return flags + "|".join(
        f"(?P<{group}>{'|'.join(patterns)})" if group else "|".join(patterns) for group, patterns in groups.items()
    )


def _starting(alternatives: _Alternatives) -> dict[str, tuple[int, ...]]:
    """Each word an alternative starts with, and the numbers of the alternatives that do."""
    starting: dict[str, tuple[int, ...]] = {}
    for index, (_, starts, _) in enumerate(alternatives):
        for word in starts:
            starting[word] = (*starting.get(word, ()), index)
    return starting


def _needed_in(
    starting: dict[str, tuple[int, ...]], words: Callable[[], "re.Pattern[str]"], text: str, windows: list[tuple[int, int]]
) -> set[int]:
    """The alternatives whose start words stand in the ``windows`` of ``text`` (found by the
    lookahead ``words``, wherever they start: none is the start of another)."""
    return {index for start, end in windows for word in words().findall(text, start, end) for index in starting[word]}


# The first two words of every phrase (only "Continue" stands alone): where none stands, no
# phrase does, and _EN_PHRASE (long to compile) is not needed. Cheap to compile with ``re``.
_EN_OPENING = lazy_re(
    r"Continue|(?:CONTINUE|Keep)[ \t]+(?:reading|Reading|READING)|(?:Read|READ|See|View|Show|Load)[ \t]+(?:more|More|MORE)"
    r"|Read[ \t]+(?:the|full)|Share[ \t]+(?:this|on)|Click[ \t]+here|(?:Back|Skip|Subscribe)[ \t]+to"
    r"|(?:Print|Email|Save)[ \t]+this|Follow[ \t]+us|Sign[ \t]+up"
)
_EN_ARROWS = lazy_regex(r"(?V1)(?:[ \t]*(?:>{1,3}|»|›|→|\.{3}|…))*")
# Each set of phrases took 5 ms to compile: a page compiles those whose words its windows hold,
# with ``re`` if they need no class escape (its \d and \p{L} are not regex's): all but "Click here
# to ..." and the newsletters. (No set operations, no case folding: V1 changed nothing here.)
_EN_PHRASE = FirstNeeds(
    lambda needed: _grouped("(?m)", _EN_ALTERNATIVES, needed),
    len(_EN_ALTERNATIVES),
    frozenset(index for index, (pattern, _, _) in enumerate(_EN_ALTERNATIVES) if not re.search(r"\\[pPdDsSwWbB]", pattern)),
)
# What a short phrase may not run into ("Read moreover", "Continued").
_LETTER = lazy_regex(r"\p{L}")
_EN_STARTING = _starting(_EN_ALTERNATIVES)
_EN_WORDS = lazy_re("(?=(" + "|".join(sorted(_EN_STARTING)) + "))")
_ZH_PHRASE = FirstNeeds(lambda needed: _grouped("(?V1)", _ZH_ALTERNATIVES, needed), len(_ZH_ALTERNATIVES))
_ZH_STARTING = _starting(_ZH_ALTERNATIVES)
_ZH_WORDS = lazy_re(lambda: "(?=(" + "|".join(map(re.escape, sorted(_ZH_STARTING))) + "))")
_EN_BEFORE_OK = lazy_regex(r"(?V1m)(?:^|[.!?。！？»›>|｜·•…)\]\"”’:：\d][ \t]*|[ \t]{2,})$")
_EN_AFTER_OK = lazy_regex(r"(?V1)(?:[ \t]*(?:>{1,3}|»|›|→|\.{3}|…|:|：))*[ \t]*(?:$|[\r\n|｜·•(\[])|[ \t]*:[ \t]*\d")
_EN_AFTER_SENTENCE = lazy_regex(r"(?V1)(?:[ \t]*(?:>{1,3}|»|›|→|\.{3}|…|:|：))*[ \t]+[\"“‘']?\p{Lu}")
# Lines that are nothing but a button, a menu entry or the site's address.
_ALONE_EN = ("Advertisement", "ADVERTISEMENT", "Share", "Subscribe", "Menu", "Search")
_ALONE_ZH = (
    "列表", "文章详情", "在线报名", "在线留言", "网站首页", "更多", "展开", "收起", "全部", "详情", "分享", "评论", "点赞", "收藏",
    "打印", "关闭", "登录", "注册", "搜索",
)  # fmt: skip
_ALONE_SPACE = " \t\u3000"
_ALONE_LINE = lazy_regex(
    r"(?V1m)^[ \t\u3000]*(?:" + "|".join(_ALONE_EN) + r"|Log[ \t]?in|Sign[ \t]in|" + "|".join(_ALONE_ZH) +
    # a bare domain on its own line is the site's logo text; "网址：…" in a list of agencies is content
    r"|(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|cn|net|org|cc|info|top|xyz|vip|me|io|co|tv|biz)(?:\.cn)?/?"
    r")[ \t\u3000]*$",
)
# What a line _ALONE_LINE matches is without its spaces: one of the words, a log-in or sign-in
# button, or a domain (a dot in it). A line that is none needs no _ALONE_LINE (4 ms to compile).
_ALONE_WORDS = frozenset((*_ALONE_EN, *_ALONE_ZH))
_ALONE_BUTTONS = ("Log", "Sign")


# How far a phrase reaches from its keyword: the window of the line its pattern runs in.
_ZH_REACH = (16, 48)  # "返回" and six letters before "查看更多"; "点击" and a label of 26 after it
_EN_REACH = (0, 100)  # every English phrase starts with its keyword: "Click here to …" is the longest
_ZH_NEXT_REACH = 24  # a phrase's keyword stands this near its start ("返回" and letters before "查看更多")


def _zh_phrases(found: Scan) -> Iterator[tuple[int, int]]:
    text = found.text
    windows = found.windows("zh_phrase", *_ZH_REACH)
    if not windows:
        return
    phrase = _ZH_PHRASE.pattern(lambda: _needed_in(_ZH_STARTING, _ZH_WORDS, text, windows), len(text))
    names = phrase.groupindex  # a group of phrases the page cannot hold may be left out
    for window_start, window_end in windows:
        position = window_start
        while (match := phrase.search(text, position, window_end)) is not None:
            start, end = match.span()
            lead = "lead" in names and match.group("lead") is not None
            bounded = "bounded" in names and match.group("bounded") is not None
            if lead or bounded:
                end = _phrase_run(found, end, window_end, after_strong=lead)
            position = end
            if bounded:
                # "请查看更多信息" and "……查看原文，在Wi-Fi环境下观看" are sentences; "……试点查看更多"
                # ending a line and "……问题。阅读全文生态环境部门……" after a full stop are links.
                if start > 0 and _HAN_AFTER().match(text, start - 1):
                    if not _LINE_END_AFTER().match(text, end):
                        continue
                elif _HAN_AFTER().match(text, end) or _CLAUSE_GOES_ON().match(text, end):
                    line_start = found.bounds(start)[0]
                    if not _SENTENCE_BEFORE().search(text, max(line_start, start - 8), start):
                        continue
            elif "click" in names and match.group("click") is not None and not _CLICK_TAIL_OK().match(text, end):
                continue
            yield start, end


def _phrase_run(found: Scan, end: int, stop: int, after_strong: bool) -> int:
    """Where a run of UI phrases ends that starts with the phrase ending at ``end``: the phrases
    that follow it, spaces between, then arrows. After a strong phrase (and its arrows) the run
    goes on only with a bounded one ("展开全文 查看更多 >>")."""
    text = found.text
    if after_strong:
        step = _ZH_NEXT_BOUNDED().match(text, end, stop) if _phrase_near(found, end) else None
        if step is None:
            return end
        end = step.end()
    while _phrase_near(found, end) and (step := _ZH_NEXT().match(text, end, stop)) is not None:
        end = step.end()
    return _ZH_ARROWS().match(text, end, stop).end()


def _phrase_near(found: Scan, offset: int) -> bool:
    """A phrase keyword starts right after ``offset``: only then may another phrase follow."""
    hits = found.hits("zh_phrase")
    index = bisect.bisect_left(hits, offset)
    return index < len(hits) and hits[index] <= offset + _ZH_NEXT_REACH


def _en_phrases(found: Scan) -> Iterator[tuple[int, int]]:
    text = found.text
    # a window without an opening holds no phrase: the keywords start sentences ("Read the
    # report", "See how")
    windows = [(start, end) for start, end in found.windows("en_phrase", *_EN_REACH) if _EN_OPENING().search(text, start, end)]
    if not windows:
        return
    phrase = _EN_PHRASE.pattern(lambda: _needed_in(_EN_STARTING, _EN_WORDS, text, windows), len(text))
    last_end = -1
    for window_start, window_end in windows:
        for match in _phrase_matches(phrase, text, window_start, window_end):
            start, end = match.span()
            line_start, line_end = found.bounds(start)
            before_ok = _EN_BEFORE_OK().search(text, max(line_start, start - 8), start) is not None
            after_chrome = last_end >= 0 and not _NOT_SPACE().search(text, last_end, start)
            at_line_end = _EN_AFTER_OK().match(text, end, line_end) is not None
            if match.lastgroup == "long":
                ok = after_chrome or before_ok or at_line_end
            else:
                # a capitalised "Read more" ending a line is a link: a sentence would end with a stop
                ok = at_line_end or (
                    (after_chrome or before_ok) and _EN_AFTER_SENTENCE().match(text, end, line_end) is not None
                )
            if ok:
                end = _EN_ARROWS().match(text, end).end()
                last_end = end
                yield start, end


def _phrase_matches(phrase: Any, text: str, start: int, end: int) -> Iterator[Any]:
    """The matches of an English phrase pattern in ``text[start:end]``, as its ``finditer`` would
    find them if a short phrase could not run into a letter: where one does, no phrase starts."""
    while (match := phrase.search(text, start, end)) is not None:
        if match.lastgroup == "short" and _LETTER().match(text, match.end(), end):
            start = match.start() + 1
            continue
        start = match.end()
        yield match


def _alone_lines(found: Scan) -> Iterator[tuple[int, int]]:
    for start, end in found.short_lines_with("alone", SHORT_LINE):
        if not _may_be_alone(found.text[start:end]):
            continue
        match = _ALONE_LINE().match(found.text, start, end)
        if match is not None:
            yield match.span()


def _may_be_alone(line: str) -> bool:
    alone = line.strip(_ALONE_SPACE)
    return alone in _ALONE_WORDS or alone.startswith(_ALONE_BUTTONS) or "." in alone


def _check_ui_phrase(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    found = scan(page)
    spans = (*_zh_phrases(found), *_en_phrases(found), *_alone_lines(found), *prompt_spans(found))
    yield from report(
        page, view, ((start, end, "") for start, end in spans), lambda _, span: f"site UI text {span!r}", "remove the site's UI text"
    )


UI_PHRASE = Rule(
    code="CHR001",
    name="site-ui-text",
    summary="A button or link label of the site: back, more, expand, share, read more",
    explanation=(
        "Scrapers keep the labels of the page's buttons and links: 展开全文 in the middle of the "
        "article, 返回搜狐,查看更多 at its end, 点击查看更多, Read more, Continue reading, Share this "
        "article, Click here to subscribe; link buttons that end in an arrow (点击这里，免费领取资料！"
        ">>>, 了解更多》), QR-code prompts ([扫码关注公众号…]), log-in and comment UI (请登录后发表"
        "评论, 已关闭评论, Sign up, Comments are closed.). They are matched on the de-noised text, so an emoji "
        "planted inside (返回😘搜狐) does not hide them, and reported at their original columns. "
        "Words that are also ordinary language are only flagged where no letter touches them and "
        "they end a line or meet an arrow or separator: 展开 and 返回 in a sentence, 'read more "
        "books' and 'users can click here' stay, and so do a headline with an arrow but no call "
        "to action, 《书名》, and a sentence about QR codes (市民可扫码报名)."
    ),
    bad_example="……新投资有望注入“强心针”。 展开全文 然而，……\n……将定义整个行业的发展轨迹。返回😘搜狐,查看更多",
    good_example="……新投资有望注入“强心针”。 然而，……\n……将定义整个行业的发展轨迹。",
    check=_check_ui_phrase,
    severity=Severity.WARNING,
    fixable=True,
)

# --- CHR002: empty metadata fields -------------------------------------------------------------------

_ZH_FIELD = (
    r"更新时间|发布时间|发表时间|上传时间|发布日期|更新日期|文章来源|本文来源|信息来源|来源|"
    r"责任编辑|作者|编辑|责编|记者|出处|浏览次数|浏览量|阅读量|阅读数|点击量|点击数|点击次数|"
    r"字数|标签|关键词|所属分类|分类|栏目"
)
_ZH_BARE_FIELD = r"时间|日期|阅读|浏览|点击"  # empty only when something else follows
_EN_FIELD = r"Posted|Published|Updated|Last updated|Source|Author|By|Date|Tags|Filed under|Views|Category"
_FIELD = lazy_regex(
    rf"(?V1m)(?<![\p{{L}}\p{{N}}])(?P<field>(?P<zh>{_ZH_FIELD})[ \t]*[:：]|(?P<bare>{_ZH_BARE_FIELD})[ \t]*[:：])"
    rf"|(?<=^|[ \t|｜·•])(?P<field>(?P<en>{_EN_FIELD})[ \t]*:)",
)
# What may follow a label that leaves it without a value.
_NEXT_FIELD = lazy_regex(rf"(?V1)(?:{_ZH_FIELD}|{_ZH_BARE_FIELD})[ \t]*[:：]|(?:{_EN_FIELD})[ \t]*:")
_UNIT_ONLY = lazy_regex(r"(?V1)[ \t\u3000]*(?:(?:人次|人|次)(?!\p{L}))?[ \t\u3000]*")
# A view count where the value should be ("更新时间: 阅读 78972", "Author: 66,904 views").
_COUNTER_WORD = r"阅读|浏览|点击|人气|热度|播放"
_TIMES_WORD = r"Viewed|Read|Played"
_COUNTED_WORD = r"阅读|浏览|点击|views|reads|likes|plays"
_COUNTER_NEXT = lazy_regex(
    rf"(?V1)(?:{_COUNTER_WORD})(?:量|数|次数)?[ \t]*[:：]?[ \t]*\d"
    rf"|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d.])[ \t]?(?:[万千kKwWmM]\+?)?[ \t]?(?:人次|次|人)?[ \t]?(?:{_COUNTED_WORD})"
    rf"|(?:{_TIMES_WORD})[ \t]+\d[\d,.]*[ \t]+times",
)
# Where a count's digits, commas and stops end, what may stand before its counted word: a space,
# a magnitude and its +, a unit, a space (7 characters), then the word (5).
_COUNTED_WORDS = tuple(_COUNTED_WORD.split("|"))
_COUNTED_REACH = 12
# The label printed twice ("Updated: Updated 2 November 2012"): the first one is empty.
_AGAIN_LABEL = r"Updated|Published|Posted|Last updated"
_LABEL_AGAIN = lazy_regex(rf"(?V1)(?:{_AGAIN_LABEL})\b|(?:更新时间|发布时间|发表时间)(?![:：])")
# A person or source label followed straight by a date: the name is missing.
_WHO_LABELS = frozenset({"来源", "文章来源", "本文来源", "信息来源", "作者", "编辑", "责任编辑", "责编", "记者", "出处", "Source", "Author", "By"})
_DATE_NEXT = lazy_regex(r"(?V1)\d{4}[-/.年]\d{1,2}|\d{1,2}[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")


# What each pattern above can start with, digits aside: it is tried (and compiled) only where
# that stands, and a value that starts with none of them is one.
_FIELD_STARTS = tuple(f"{_ZH_FIELD}|{_ZH_BARE_FIELD}|{_EN_FIELD}".split("|"))  # and every field's label
_COUNTER_STARTS = tuple(f"{_COUNTER_WORD}|{_TIMES_WORD}".split("|"))
_AGAIN_STARTS = (*_AGAIN_LABEL.split("|"), "更新时间", "发布时间", "发表时间")
_REST_EMPTY = lazy_regex(r"(?V1)[ \t\u3000]*(?:$|[\r\n])")
_NEXT_LINE_VALUE = lazy_regex(r"(?V1)[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000\r\n]*([^\r\n]{0,200})")


def _empty_reason(text: str, match: regex.Match) -> str | None:
    """Why the field ``match`` has no value, or ``None`` when it has one (matched in place)."""
    rest = _UNIT_ONLY().match(text, match.end()).end()
    label = match.group("zh") or match.group("bare") or match.group("en")
    if _REST_EMPTY().match(text, rest):
        return None if match.group("bare") else "end"
    digit = text[rest : rest + 1].isdigit()
    if (
        (text.startswith(_FIELD_STARTS, rest) and _NEXT_FIELD().match(text, rest))
        or ((_counted_after(text, rest) if digit else text.startswith(_COUNTER_STARTS, rest)) and _COUNTER_NEXT().match(text, rest))
        or (text.startswith(_AGAIN_STARTS, rest) and _LABEL_AGAIN().match(text, rest))
    ):
        return "next"
    if label in _WHO_LABELS and digit and _DATE_NEXT().match(text, rest):
        return "next"
    return None


def _counted_after(text: str, start: int) -> bool:
    """Whether the number at ``start`` has a counted word right after it ("2055 阅读"): most values
    that start with a digit are dates, and _COUNTER_NEXT is not compiled for them."""
    end = start
    while end < len(text) and (text[end] in ",." or may_be_digit(text[end])):
        end += 1
    return holds_any(text[end : end + _COUNTED_REACH], _COUNTED_WORDS)


def _value_on_next_line(text: str, end: int, max_chars: int) -> bool:
    """A field at a line's end whose value the scraper put on the next line ("作者：\\n张三")."""
    match = _NEXT_LINE_VALUE().match(text, end)
    if not match:
        return False
    value = match.group(1).strip()
    return 0 < len(value) <= max_chars and ":" not in value and "：" not in value


# A sign-up form's input: its prompt, then the field's label with nothing after it
# ("*您的真实姓名，请使用中文 姓名："). A label that starts its line is CHR002's ordinary case.
_FORM_LABEL = lazy_regex(
    r"(?V1)(?:姓名|真实姓名|手机|手机号|手机号码|电话|联系电话|邮箱|电子邮箱|E-?mail|地址|联系地址|QQ|微信|公司名称|单位名称|联系人|留言|留言内容|验证码)"
    r"[ \t]*[:：]",
)
_FORM_TAIL = 12  # the label sits in the line's last characters
_LINE_CLOSE = ("", "\r", "\n", *SPACE)  # what may follow a line's last colon


_FIELD_REACH = 30  # from a colon back to its label's start: "Last updated", spaces


def _label_colons(text: str, colons: list[int]) -> Iterator[int]:
    """The colons that may close a field's label: a label right before them, spaces aside (most
    colons of a page have none, and then _FIELD is not even compiled)."""
    for colon in colons:
        before = colon
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if text.endswith(_FIELD_STARTS, 0, before):
            yield colon


def _form_fields(found: Scan) -> Iterator[tuple[int, int, str]]:
    """``(start, end, label)`` of form lines: a prompt and an empty input label at the line's end."""
    text = found.text
    for colon in found.hits("colon"):
        if text[colon + 1 : colon + 2] not in _LINE_CLOSE:
            continue  # the line's last colon ends it
        start, end = _strip_span(text, *found.bounds(colon))
        if end != colon + 1 or end - start < 6:
            continue
        label = None
        for match in _FORM_LABEL().finditer(text, max(start, end - _FORM_TAIL), end):
            if match.end() == end:
                label = match
        if label is None or label.start() == start or text[label.start() - 1] not in " \t\u3000\u00a0":
            continue  # the form's layout sets the label apart: "在评论区留言：" is a sentence
        yield start, end, label.group().rstrip(" \t:：")


def _check_empty_field(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    text = view.text
    found = scan(page)
    max_value: int = options["value_on_next_line_chars"]
    form_lines: set[int] = set()
    for start, end, label in _form_fields(found):
        form_lines.add(page.line_index(view.to_original(start)))
        yield _violation(page, view, start, end, f"form field {label!r} with its prompt", "remove the form's prompt and label")
    for window_start, window_end in found.windows_at(_label_colons(text, found.hits("colon")), _FIELD_REACH, 1):
        for match in _FIELD().finditer(text, window_start, window_end):
            reason = _empty_reason(text, match)
            if reason is None:
                continue
            start, end = match.span("field")
            if reason == "end" and _value_on_next_line(text, _UNIT_ONLY().match(text, end).end(), max_value):
                continue
            label = match.group("zh") or match.group("bare") or match.group("en")
            if page.line_index(view.to_original(start)) in form_lines:
                continue  # already reported with its form line
            yield _violation(page, view, start, end, f"empty metadata field {label!r}", "remove the empty field label")


EMPTY_FIELD = Rule(
    code="CHR002",
    name="empty-metadata-field",
    summary="A metadata field printed with no value",
    explanation=(
        "Templates print their metadata labels even when the value is missing: 更新时间: followed "
        "by nothing, by the next field or by a view count (更新时间: 浏览次数:2055), 来源： at the end "
        "of a line, 浏览量：人 (a unit and no number), Posted: with nothing after it, Author: followed "
        "by a date, Updated: Updated 2 November. The label alone tells the reader nothing. A label "
        "whose value the scraper moved to the next short line (作者：\\n张三) is not empty. A sign-up "
        "form's input line (*请填写您的真实姓名 姓名：) is reported whole, prompt and label."
    ),
    bad_example="更新时间: 浏览次数:2055\n来源：\nPosted:",
    good_example="更新时间：2023-09-22 浏览次数:2055\n来源：新华社\nPosted: 12 March 2024",
    check=_check_empty_field,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "value_on_next_line_chars",
            12,
            "A field at a line's end is not empty when the next line is at most this long and has no "
            "colon: the scraper moved its value there.",
            int,
        ),
    ),
)

# --- CHR003: previous/next links and page numbers ---------------------------------------------------

_NAV_LABEL = (
    r"上一篇|下一篇|上一条|下一条|前一篇|后一篇|上一文章|下一文章|上一个|下一个|上篇|下篇|"
    r"(?i:Previous|Prev|Next|Older|Newer)[ \t]+(?i:Post|Article|Story|Entry)"
)
_NAV_START = lazy_regex(rf"(?V1)^[ \t\u3000]*(?:{_NAV_LABEL})")
_NAV_SEP = lazy_regex(r"(?V1)^[ \t\u3000]*(?:[:：]|[ \t\u3000]|$)")
# Only the unambiguous labels may end a line: "不落下一个" is a sentence, "……投资下一篇" a link.
_NAV_END = lazy_regex(r"(?V1)(?:上一篇|下一篇|上一条|下一条|上一页|下一页|(?i:Previous|Next)[ \t]+(?i:Post|Article))[ \t\u3000]*$")
# Everyday words ("下一个 iPhone") are a link label only with a colon after them.
_NAV_NEEDS_COLON = ("上一个", "下一个", "上篇", "下篇")
_PAGE_WORD = r"首页|上一页|下一页|尾页|末页|前一页|后一页"
_PAGE_WORDS = lazy_regex(_PAGE_WORD)
_PAGINATION = lazy_regex(
    rf"(?V1)(?:\[?(?:{_PAGE_WORD})\]?|\[?\d{{1,4}}\]?|\.{{3}}|…)(?:[ \t\u3000]*(?:\[?(?:{_PAGE_WORD})\]?|\[?\d{{1,4}}\]?|\.{{3}}|…)){{2,}}",
)
# Whole lines of a page bar: "Page 1 of 5", "1 2 3 4 5 Next »", "第1页/共5页".
_PAGE_LINE = lazy_regex(
    r"(?V1)^[ \t\u3000]*(?:"
    r"Page[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}"
    r"|(?:[«‹][ \t]*)?(?:(?:Prev(?:ious)?|First|Newer)[ \t]*(?:[«‹][ \t]*)?)?(?:\d{1,3}[ \t]+){2,}(?:(?:…|\.{3})[ \t]+\d{1,3}[ \t]+)?"
    r"(?:Next|Last|Older)(?:[ \t]*[»›>])?"
    r"|(?:第[ \t]*\d{1,4}[ \t]*页[ \t]*[/／,，]?[ \t]*)?共[ \t]*\d{1,4}[ \t]*页"
    r")[ \t\u3000]*$",
)
_FULL_STOP = lazy_regex(r"[。.!！]$")
_COLON = lazy_regex(r"[ \t]*[:：]")
_NUMBERS = lazy_regex(r"\d+")
# Breadcrumbs: "当前位置：首页 > 新闻", "网站首页 > 产品中心".
_BREADCRUMB = lazy_regex(
    r"(?V1)^[ \t\u3000]*(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[ \t]*[:：]"
    r"|(?:网站首页|首页|主页|Home)[ \t]*(?:>|›|»|/|→|&gt;|-)[ \t]*\S"
    # "网站首页 产品中心 …", "首页\t新闻": the site's menu path, its parts set apart by spaces
    r"|网站首页[ \t\u3000]+\S|(?:首页|主页)(?:\t|[ \u3000]{2,})\S)",
)
# "首页基金理财" + the page's title: a breadcrumb whose separators the scraper dropped.
_HOME_RUN_IN = lazy_regex(r"(?V1)^[ \t\u3000]*(?:网站首页|首页|主页)(?=\p{Han})")
_HOME_RUN_IN_MAX = 12  # the section names between the home link and the title
# What a line (its spaces stripped) starts or ends with for each pattern above to match it, the
# case-blind English words case-folded: the patterns are compiled only for a line that has it,
# not for every line with "next" or "Page" in a sentence.
_HOME_WORDS = ("网站首页", "首页", "主页")
_BREADCRUMB_STARTS = ("当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置", *_HOME_WORDS, "Home")
_NAV_FIRST, _NAV_WORDS_ANY_CASE = frozenset("上下前后"), ("prev", "next", "older", "newer")  # "previous" starts "prev"
_NAV_LAST, _NAV_LAST_ANY_CASE = frozenset("篇条页"), frozenset("te")  # Post, Article
_PAGE_LINE_STARTS = ("Page", "«", "‹", "Prev", "First", "Newer", "第", "共")  # or a digit


_NAV_END_REACH = 64  # a label that ends its line starts this near the line's end
_PAGINATION_REACH = 200  # a page bar stretches this far on either side of a page word


def _check_navigation(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    text = view.text
    found = scan(page)
    max_chars: int = options["max_line_chars"]
    page_bars: dict[int, list[tuple[int, int]]] = {}
    for window in found.windows("page_word", _PAGINATION_REACH, _PAGINATION_REACH):
        page_bars.setdefault(found.index(window[0]), []).append(window)
    for index in _nav_lines(found):
        line_start, line_end = found.line(index)
        line = text[line_start:line_end]
        bare = line.strip(" \t\u3000")
        first, last = bare[:1], bare[-1:]
        if (bare.startswith(_BREADCRUMB_STARTS) and _BREADCRUMB().match(line)) or _home_run_in(line, found, index):
            start, end = _strip_span(text, line_start, line_end)
            yield _violation(page, view, start, end, f"breadcrumb {line.strip()[:30]!r}", "remove the breadcrumb")
            continue
        may_start = first in _NAV_FIRST or bare[:5].casefold().startswith(_NAV_WORDS_ANY_CASE)
        start_match = _NAV_START().match(line) if may_start else None
        if start_match:
            rest = line[start_match.end() :]
            # "上一篇：标题", "下一篇 标题", or a short line straight into the title; not a sentence
            # that begins with the words ("上一篇文章提到……。").
            label = start_match.group().strip()
            short = len(line.strip()) <= max_chars and not _FULL_STOP().search(line.strip())
            if label in _NAV_NEEDS_COLON:
                ok = bool(_COLON().match(rest))
            elif label[0].isascii():
                # "Previous Post" as the theme prints it, or a short line: "next article" starting
                # a sentence is prose
                ok = short or label.istitle()
            else:
                ok = bool(_NAV_SEP().match(rest)) or short
            if ok:
                start, end = _strip_span(text, line_start, line_end)
                yield _violation(page, view, start, end, f"previous/next link {label!r}", "remove the navigation line")
                continue
        end_match = None
        if last in _NAV_LAST or last.casefold()[-1:] in _NAV_LAST_ANY_CASE:
            end_match = _NAV_END().search(text, max(line_start, line_end - _NAV_END_REACH), line_end)
        if end_match:
            start, end = _strip_span(text, end_match.start(), line_end)
            yield _violation(page, view, start, end, f"previous/next link {end_match.group().strip()!r}", "remove the navigation link")
            continue
        if (bare.startswith(_PAGE_LINE_STARTS) or may_be_digit(first)) and _PAGE_LINE().match(line):
            start, end = _strip_span(text, line_start, line_end)
            yield _violation(page, view, start, end, f"page navigation {text[start:end]!r}", "remove the page navigation")
            continue
        for window_start, window_end in page_bars.get(index, ()):
            for match in _PAGINATION().finditer(text, window_start, window_end):
                words = _PAGE_WORDS().findall(match.group())
                if len(words) >= 2 or (words and len(_NUMBERS().findall(match.group())) >= 2):
                    start, end = _strip_span(text, *match.span())
                    yield _violation(page, view, start, end, f"page navigation {text[start:end]!r}", "remove the page navigation")


def _nav_lines(found: Scan) -> list[int]:
    """Lines with a link label or page word, or with a page count ("共 5 页")."""
    text = found.text
    totals = []
    for offset in found.hits("page_total"):
        after = offset + 1
        while text.startswith((" ", "\t"), after):
            after += 1
        if text[after : after + 1].isdigit():
            totals.append(offset)
    return found.lines_at(sorted([*found.hits("nav"), *totals]))


def _home_run_in(line: str, found: Scan, index: int) -> bool:
    """``首页`` + a section + the title of a neighbouring line, all run together."""
    home = _HOME_RUN_IN().match(line) if line.lstrip(" \t\u3000").startswith(_HOME_WORDS) else None
    if not home:
        return False
    rest = line[home.end() :].strip()
    for step in (-1, 1):
        other = next(found.nonblank(index, step), None)
        if other is not None:
            title = found.text[slice(*found.line(other))].strip()
            if len(title) >= 6 and rest.endswith(title) and len(rest) - len(title) <= _HOME_RUN_IN_MAX:
                return True
    return False


NAVIGATION = Rule(
    code="CHR003",
    name="navigation-link",
    summary="Previous/next article links, page-number bars and breadcrumbs",
    explanation=(
        "Article pages end with links to the neighbouring articles (上一篇：…… 下一篇：……, "
        "Previous Post, Next article), list pages with a page bar (首页 上一页 5 6 7 下一页 尾页), and "
        "many pages start with a breadcrumb (当前位置：首页 > 新闻, 网站首页 产品中心 …, or 首页 and a "
        "section run straight into the title printed on the next line). "
        "They belong to the site, not to the article. A line counts when it starts with the link "
        "label followed by a separator or a short title, or ends with a bare label; a sentence "
        "that merely begins with 上一篇文章 and ends with a full stop is prose."
    ),
    bad_example="上一篇：白癜风对青年人的人身有什么危害?\n首页 上一页 5 6 7 下一页 尾页",
    good_example="上一篇文章提到，白癜风与日晒有关。",
    check=_check_navigation,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "max_line_chars",
            80,
            "A line that runs from the link label straight into a title (no separator) counts when "
            "it is at most this long and does not end like a sentence.",
            int,
        ),
    ),
)

# --- CHR004: tag and keyword lines ---------------------------------------------------------------------

_TAG_LINE = lazy_regex(
    r"(?V1m)^[ \t\u3000]*(?:本文关键词|关键词|关键字|相关标签|话题标签|热门标签|标签|Tags?|TAGS|Keywords|Tagged(?:[ \t]+with)?)"
    r"[ \t]*[:：][ \t\u3000]*\S[^\r\n]*",
)
# Labels that never start a sentence: found after a prefix the scraper ran into them
# ("某某登录:相关标签：…").
_TAG_LABEL_ANYWHERE = lazy_regex(
    r"(?V1)(?<!\p{Han})(?:本文关键词|相关标签|热门标签|话题标签|本文标签|文章标签|相关关键词)"
    r"[ \t\x00-\x08\x0b\x0c\x0e-\x1f]*[:：][ \t\u3000]*\S[^\r\n]*",
)
_WP_META = lazy_regex(
    r"(?V1m)^[ \t\u3000]*(?:by[ \t]+\S+[ \t]*)?(?:Posted[ \t]+in|Filed[ \t]+under)\b[^\r\n]*",
)
_HASHTAG_LINE = lazy_regex(
    r"(?V1m)^[ \t\u3000]*(?:#[^#\s][^#\r\n]{0,24}#[ \t]*)+(?![^\r\n]*(?:\d{4}[-年/]|\d{1,2}:\d{2}))[^\r\n#。！？!?:：]{0,12}$"
    r"|^[ \t\u3000]*#[\p{L}\p{N}_]+(?:[ \t]+#[\p{L}\p{N}_]+)+[ \t]*$",
)


_LABEL_KEYWORDS = ("关键词", "标签")  # two letters into each label found anywhere ("相关标签")


def _tag_spans(found: Scan) -> Iterator[tuple[int, int, str]]:
    text = found.text
    for index in found.lines_with("tag"):
        line_start, line_end = found.line(index)
        for pattern, kind in ((_TAG_LINE(), "tag line"), (_WP_META(), "post metadata"), (_HASHTAG_LINE(), "hashtag line")):
            match = pattern.match(text, line_start, line_end)
            if match is not None:
                yield *match.span(), kind
    done = -1  # a label found anywhere runs to its line's end: one a line
    for offset in found.hits("tag"):
        if offset < done or not text.startswith(_LABEL_KEYWORDS, offset):
            continue
        line_start, line_end = found.bounds(offset)
        match = _TAG_LABEL_ANYWHERE().match(text, offset - 2, line_end) if offset - 2 >= line_start else None
        if match is not None:
            done = line_end
            yield *match.span(), "tag line"


def _check_tag_line(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    yield from report(page, view, _tag_spans(scan(page)), lambda kind, span: f"{kind} {shown(span)!r}", "remove the tag line")


TAG_LINE = Rule(
    code="CHR004",
    name="tag-line",
    summary="A line of tags or keywords the site attaches to the article",
    explanation=(
        "Sites list an article's tags and keywords for their own navigation and search engines: "
        "本文关键词：…, 标签：…, Tags: …, WordPress's 'Posted in … Tagged …', lines of #hashtags#. "
        "They are not part of the text. Only whole lines that start with such a label (and a "
        "colon) count, so a sentence that mentions 关键词 stays."
    ),
    bad_example="……以较合适的价格，促成较长久的合作！\n关键词：除氟剂厂家,淄博除氟剂厂家,山东除氟剂",
    good_example="……以较合适的价格，促成较长久的合作！",
    check=_check_tag_line,
    severity=Severity.WARNING,
    fixable=True,
)

# --- CHR005: reprint and copyright notices ---------------------------------------------------------------

_NOTICE = lazy_regex(
    r"(?V1)(?:版权|免责|原创)声明[:：]"
    r"|未经(?:\p{Han}{0,6})?(?:许可|授权|允许|同意)[,，]?[ \t]*(?:严禁|禁止|不得|谢绝)\p{Han}{0,4}(?:转载|复制|使用)"
    r"|转载请(?:务必)?(?:注明|保留|标明)\p{Han}{0,4}(?:出处|来源|链接|作者)"
    r"|(?:版权|著作权)归\p{Han}{0,20}所有|如有侵权|侵权请联系|侵删"
    r"|转载[，,]?[ \t]*请(?:务必)?(?:注明|保留|标明|联系)"  # "如若转载，请注明来源"
    r"|严禁任何形式(?:的)?(?:无授权|未经授权)?(?:转载|抄袭|使用)"
    r"|不构成(?:任何)?(?:投资|买卖)建议|据此操作[，,]?[ \t]*风险自担"
    r"|不代表本(?:站|网|平台)(?:的)?(?:观点|立场)"
    r"|ICP[备证]\d{6,}号|公网安备[ \t]*\d{8,}号?|(?:网站)?备案(?:号|编号)[ \t]*[:：][ \t]*\S"
    r"|(?:增值电信业务经营|网络文化经营|信息网络传播视听节目)许可证"
    r"|(?<!\p{Han})版权所有(?![者人权方])"
    # the site signing its copy: "本文为某某整理编辑，希望可以帮助大家！"
    r"|(?<!\p{Han})本文(?:为|由|系)\p{Han}{1,20}?(?:整理编辑|编辑整理|收集整理|整理发布|整理|原创)(?!\p{Han}{0,2}(?:的|了))"
    r"|(?:图片|内容|文章|本文|部分)(?:均)?(?:来源于|来自|源于|来源)(?:网络|互联网)"
    r"|Copyright[ \t]*(?:©|\(c\)|\d{4})|©[ \t]*\d{4}|All[ \t]+[Rr]ights[ \t]+[Rr]eserved",
)
_SENTENCE_BREAK = lazy_regex(r"[。！？!?]")
_CLAUSE_START = lazy_regex(r"[。！？!?▲■●】\]]")


# Tipping and payment instructions under a header of their own ("赞赏提示:" then how to tip).
_PAYMENT_HEADER = lazy_regex(r"(?V1)[ \t\u3000]*(?:赞赏|打赏|付费|订阅)(?:提示|说明|须知|规则)[ \t]*[:：]?[ \t\u3000]*$")
_PAYMENT_WORDS = lazy_regex(r"(?V1)赞赏|打赏|包周|包月|付费|订阅费")
_PAYMENT_LINES = 8  # lines after the header that may belong to it
_PAYMENT_GAP = 1  # lines without a payment word the block may skip


_NOTICE_REACH = (24, 80)  # "All Rights R" before "eserved", "信息网络传播视听节目" before "许可证"; a clause after


def _payment_notices(found: Scan) -> Iterator[tuple[int, int, str]]:
    text = found.text
    for index in found.lines_with("payment"):
        start, end = found.line(index)
        if not _PAYMENT_HEADER().match(text, start, end):
            continue
        yield start, end, "payment notice"
        gap = 0
        for _, row in zip(range(_PAYMENT_LINES), found.nonblank(index, 1)):
            row_start, row_end = found.line(row)
            if not _PAYMENT_WORDS().search(text, row_start, row_end):
                gap += 1
                if gap > _PAYMENT_GAP:
                    break
                continue
            gap = 0
            yield row_start, row_end, "payment notice"


def _reprint_notices(found: Scan, longest: int) -> Iterator[tuple[int, int, str]]:
    text = found.text
    last_end = -1
    for window_start, window_end in found.windows("notice", *_NOTICE_REACH):
        for match in _NOTICE().finditer(text, window_start, window_end):
            if match.start() < last_end:
                continue
            line_start, line_end = found.bounds(match.start())
            # The notice is its clause: from the previous sentence end (or ▲, a bracket) to the next
            # sentence end, looked for no further than a notice can be long.
            window = max(line_start, match.start() - longest)
            breaks = list(_CLAUSE_START().finditer(text, window, match.start()))
            start = breaks[-1].end() if breaks else window
            stop = _SENTENCE_BREAK().search(text, match.end(), min(line_end, match.end() + longest))
            end = stop.end() if stop else min(line_end, match.end() + longest)
            if start == window and window > line_start or end - start > longest:
                continue  # a long paragraph about copyright, not a notice
            start, end = _strip_span(text, start, end)
            last_end = end
            yield start, end, "reprint notice"


def _check_notice(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    found = scan(page)
    spans = (*_reprint_notices(found, options["max_line_chars"]), *_payment_notices(found))
    yield from report(page, view, spans, lambda kind, span: f"{kind} {shown(span)!r}", "remove the notice")


NOTICE = Rule(
    code="CHR005",
    name="reprint-notice",
    summary="A copyright, licence, reprint, disclaimer or payment notice of the site",
    explanation=(
        "Sites stamp their pages with notices: 版权声明, 版权所有, 未经许可严禁转载, 转载请注明出处, 如有侵权"
        "请联系删除, 不代表本站观点, 图片来源于网络, 本文由某某整理编辑, an ICP licence or 公网安备 "
        "number, Copyright © 2024, All rights reserved, and tipping instructions under their "
        "header (赞赏说明：…). They are the site's boilerplate, not the article. The sentence holding "
        "the notice is flagged; a long paragraph that discusses copyright is not a notice, nor is "
        "版权所有者 (the copyright holder) or a news story about tipping."
    ),
    bad_example="……定期抽大奖。\n版权声明：本文为原创文章，转载请保留出处！",
    good_example="……定期抽大奖。",
    check=_check_notice,
    severity=Severity.WARNING,
    fixable=True,
    options=(RuleOption("max_line_chars", 200, "Longest sentence that can be a notice.", int),),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("CHR", "page chrome", "The site's UI text and empty metadata fields.", "#ff7f0e")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [UI_PHRASE, EMPTY_FIELD, NAVIGATION, TAG_LINE, NOTICE, SITE_FOOTER]
