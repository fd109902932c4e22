"""What each line of a page looks like: prose, a list item, a bare number, a list header, chrome.

Appended blocks are told apart first by shape: prose has sentences, a headline or a name does
not, a "related stories" block starts with a header line, and the site's footer lines are
neither article nor appended content. Shapes only; whether a block is off-topic is decided
elsewhere from what it talks about.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from plugins._automata import holds_any
from plugins._digits import may_be_digit
from plugins._first_needs import FirstNeeds
from plugins._lazy import lazy_regex
from plugins._records import record
from plugins._text_stats import measure

if TYPE_CHECKING:
    import regex

__all__ = ["Shape", "Line", "HeaderMatcher", "header_matcher", "DEFAULT_HEADERS", "read_lines", "neighbour_link", "introduces", "case_fold", "opens_with_label"]


class Shape(str, enum.Enum):
    PROSE = "prose"  # has sentences
    ITEM = "item"  # a headline, a name, a list line: no sentence inside
    NUMBER = "number"  # a bare number (a view count under a headline)
    HEADER = "header"  # "相关阅读", "Related stories": a list of links follows
    NEUTRAL = "neutral"  # footer and chrome lines: neither article nor appended block


#: Headers that introduce a list of other pages' headlines, in Chinese and English.
DEFAULT_HEADERS: tuple[str, ...] = (
    "推荐阅读", "相关阅读", "相关阅读推荐", "延伸阅读", "扩展阅读", "拓展阅读", "更多阅读", "热门阅读",
    "相关新闻", "相关文章", "相关推荐", "相关报道", "相关资讯", "相关内容", "相关链接", "相关专题", "相关资料", "相关参考资料",
    "热门推荐", "热点推荐", "精彩推荐", "为你推荐", "为您推荐", "今日推荐", "编辑推荐", "小编推荐",
    "猜你喜欢", "猜你感兴趣", "你可能感兴趣", "您可能感兴趣", "你可能还喜欢", "大家都在看", "看了又看",
    "更多精彩", "更多新闻", "更多资讯", "更多文章", "更多推荐", "热门文章", "热门新闻", "热门资讯",
    "最新文章", "最新新闻", "最新资讯", "最新推荐", "往期回顾", "往期推荐", "往期精彩", "阅读排行",
    "热文排行", "热门排行", "排行榜", "点击排行", "本周热门", "今日热点", "热点新闻", "热点资讯",
    "Related stories", "Related story", "Related articles", "Related article", "Related news",
    "Related posts", "Related content", "Related reading", "Related links", "Related coverage",
    "Related", "Recommended", "Recommended for you", "Recommended stories", "Recommended articles",
    "Recommended reading", "More stories", "More news", "More articles", "More on this story",
    "More on this topic", "More like this", "Most read", "Most popular", "Most viewed",
    "Most shared", "Popular stories", "Popular posts", "Popular articles", "Top stories",
    "Trending", "Trending now", "Trending stories", "You may also like", "You might also like",
    "You may be interested in", "Further reading", "Also read", "Read next",
    "Don't miss", "Editor's picks", "Latest news", "Latest stories", "What to read next",
    "See also",
)

# "More from <site>" names the site, so it is a pattern rather than a phrase.
_MORE_FROM_WORD = "More"
_MORE_FROM = _MORE_FROM_WORD + r"\s+(?:from|on|in|about)\s+[\p{L}\p{N}][\p{L}\p{N} '&.-]{0,40}"
# "相关…" headers may name what the pages relate to (``浪琴咨询相关参考资料：``), in a few characters.
_RELATED = "相关"
_MAX_OWNER = 6
# Phrases that are a header only with a colon: alone, "Read more" is a link (CHR's business).
_COLON_HEADERS = r"Read more|Read also|See more|More|阅读更多|更多"
#: Every character ``str.isspace`` calls a space up to U+3000 (a superset of ``\s``, which ends
#: there): what ``str.strip`` must take to cover what a pattern's ``\s*`` may match.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# Decoration around a header: brackets, arrows, bullets, emoji already removed by de-noising.
_DECOR_MARKS = "【】[]()（）<>《》〈〉«»>|｜丨/\\#*=_~-—–·•◆◇■□●○▶▷►▼▽↓→:："
_DECOR = rf"[\s{re.escape(_DECOR_MARKS)}]*"
# What ``str.lstrip`` takes off before a header: the marks and every space (a superset of ``\s``).
_LEADING_DECOR = _DECOR_MARKS + _SPACES

# Links to the neighbouring articles, as a field label (``上一篇：…``, ``Next post: …``).
_PREV_NEXT = (
    r"上一篇|下一篇|上一条|下一条|上一页|下一页|上一文章|下一文章|上一个|下一个|上篇|下篇|前一篇|后一篇|"
    r"Previous(?: article| post)?|Next(?: article| post)?"
)
# Labelled footer and metadata lines: they follow an article and are not appended content.
# The labels a line may open with (besides a _SITE_FIELD's), as _FOOTER spells them.
_FOOTER_LABELS = (
    "责任编辑", "责编", "编辑", "主编", "校对", "审核", "审校", "监制", "来源", "作者", "记者", "撰文", "供稿", "通讯员", "原标题", "原文", "出处",
    "本文来源", "文章来源", "图片来源", "免责声明", "声明", "版权声明", "版权所有", "转载请注明", "特别声明",
    "联系电话", "联系方式", "电话", "手机", "传真", "网址", "地址", "邮箱", "微信", "QQ",
    "Editor", "Edited by", "Source", "Author", "Reporting by", "Writing by", "Copyright", "Disclaimer", "Tel", "Phone", "Address",
)  # fmt: skip
_FOOTER = lazy_regex(
    r"(?i)^(?:" + "|".join(_FOOTER_LABELS) + r"|\p{Han}{0,4}(?:标签|关键词|关键字)|"
    rf"{_PREV_NEXT}|Tags?|Keywords|E-?mail)\s*[:：|｜]"
    r"|^(?:[(（]\s*(?:完|全文完|终|记者[^()（）]{0,20}|编辑[^()（）]{0,20})\s*[)）])$"
    r"|(?:©|Copyright|All rights reserved|版权所有|未经授权|禁止转载|ICP备)"
)
# What every match of _FOOTER holds (in casefold) but a label's colon or bar after a label it opens
# with, or a bracket it opens with.
_COPYRIGHT_MARKS = ("©", "copyright", "all rights reserved", "版权所有", "未经授权", "禁止转载", "icp备")
# Tag, keyword and prev/next fields: the site's, however many keywords or how long a title they hold.
_SITE_FIELD = lazy_regex(
    rf"(?i)^(?:\p{{Han}}{{0,4}}(?:标签|关键词|关键字)|{_PREV_NEXT}|Tags?|Keywords)\s*[:：|｜]"
)
_FIELD_MARKS = (":", "：", "|", "｜")  # what closes a _SITE_FIELD label
# How a _SITE_FIELD label starts, in the fold of case_fold; a tag label may follow four Han letters.
_SITE_FIELD_OPENINGS = ("上一", "下一", "上篇", "下篇", "前一篇", "后一篇", "previous", "next", "tag", "keywords")
_TAG_LABELS = ("标签", "关键词", "关键字")
# How a label of _FOOTER's first branch starts, in the fold of case_fold (a tag label as above).
_FOOTER_OPENINGS = (*(label.casefold() for label in _FOOTER_LABELS), *_SITE_FIELD_OPENINGS, "email", "e-mail")
_FOOTER_REACH = max(map(len, _FOOTER_OPENINGS))
_NEIGHBOUR = lazy_regex(rf"(?i)^(?:{_PREV_NEXT})\s*[:：|｜]")
_POST_NAVIGATION = "文章导航"  # a label closing a line, the two neighbouring posts' titles under it
_POST_NAVIGATION_EN = "post navigation"
_NEIGHBOURS = 2


def _plain(*phrases: str) -> tuple[tuple[str, str], ...]:
    return tuple((phrase, phrase.casefold()) for phrase in phrases)


# The site's UI phrases (the CHR family reports them), each with a string that every match of it
# holds, in the fold of case_fold.
_UI_PHRASES = (
    (r"返回[\p{Han}]{1,6}[,，]?\s*查看更多", "查看更多"),
    (r"返回(?:首页|顶部|列表|搜狐)", "返回"),
    *_plain("展开全文", "点击展开全文", "阅读全文", "查看原文", "查看更多", "点击查看更多", "点击阅读原文", "阅读原文"),
    (r"分享到[:：]?", "分享到"),
    *_plain("分享", "收藏", "打印", "关闭窗口", "Read more"),
    (r"Continue reading(?: the main story)?", "continue reading"),
    (r"Share this(?: article| story)?:?", "share this"),
    *_plain("Click here to read more"),
    (r"Read the full (?:story|article)", "read the full "),
    *_plain("Back to top", "Print", "Share"),
)
_UI_PHRASE = "(?:" + "|".join(pattern for pattern, _ in _UI_PHRASES) + ")"


def _trailing_ui(needed: frozenset[int]) -> str:
    """UI phrases (those ``needed``) run into the end of a line ("…目标。分享到："): not the text's own colon."""
    phrases = "|".join(pattern for index, (pattern, _) in enumerate(_UI_PHRASES) if index in needed)
    return rf"(?i)(?:[\s,，|]*(?:{phrases}))+[\s>»]*$"


# Compiled with the phrases that the first line to need it can hold: the whole takes 2-3 ms.
_TRAILING_UI = FirstNeeds(_trailing_ui, len(_UI_PHRASES))
# The site's UI phrases when they make up a whole line, alone or chained (CHR reports them).
_CHROME = lazy_regex(rf"(?i)^{_UI_PHRASE}(?:[\s,，|｜/·>»]*{_UI_PHRASE})*[\s>»]*$|^(?:上一篇|下一篇).*")
# How a _UI_PHRASE starts and ends, in lower case: a line that starts (ends) with none of these
# needs no _CHROME (_TRAILING_UI).
_UI_STARTS = (
    "返回", "展开全文", "点击", "阅读", "查看", "分享", "收藏", "打印", "关闭窗口", "上一篇", "下一篇",
    "read more", "continue reading", "share", "click here", "read the full", "back to top", "print",
)  # fmt: skip
_UI_ENDS = (
    "更多", "首页", "顶部", "列表", "搜狐", "全文", "原文", "分享到", ":", "：", "分享", "收藏", "打印", "关闭窗口",
    "read more", "reading", "story", "article", "share this", "back to top", "print", "share",
)  # fmt: skip
_UI_REACH = max(map(len, (*_UI_STARTS, *_UI_ENDS)))
_AFTER_UI = _SPACES + ">»"  # what may follow the last phrase (``[\s>»]*$``)
# How an article marks its own list items: bullets (private-use glyphs included), numbers.
_MARKER = lazy_regex(
    r"(?i)^(?:[-–—•*●■◆▪►✓✔\uf000-\uf8ff]|\d{1,2}[.、)）](?!\d)|\d{1,3}\s+(?=\p{Lu})|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.]"
    r"|(?:Part|Chapter|Step|Section)\s*\d|第[一二三四五六七八九十百\d]+[章节部分步篇条])"
)
# What a _MARKER can start with: these ASCII characters, a digit, its words (in the fold of case_fold),
# and these others (ſ is an s in any case).
_MARKER_ASCII = "-*("
_MARKER_WORDS = ("part", "chapter", "step", "section")
_MARKER_FIRSTS = frozenset("–—•●■◆▪►✓✔（①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ſ")
# What may follow the ASCII digits a numbered item opens with: a stop, a bracket or a space.
_AFTER_NUMBER = ".、)）"
_ASCII_DIGITS = "0123456789"
# Items numbered in Han numerals: up to three, then a stop (``三、``); or a chapter (``第十二章``).
_HAN_NUMERALS = "一二三四五六七八九十"
_AFTER_HAN_NUMBER = ("、", ".")
_CHAPTER = "第"
_CHAPTER_NUMERALS = _HAN_NUMERALS + "百" + _ASCII_DIGITS
_CHAPTER_WORDS = "章节部分步篇条"


def opens_with_label(longest: int, after: str = "") -> Callable[[str], bool]:
    """A test for a line that opens with a label of up to ``longest`` characters, a colon, then
    ``after`` (a pattern). A colon among the line's first characters is looked for first: most
    lines have none, and they never compile the pattern."""
    pattern = lazy_regex(rf"^[^:：]{{1,{longest}}}[:：]{after}")

    def opens(text: str) -> bool:
        head = text[: longest + 1]
        return (":" in head or "：" in head) and pattern().match(text) is not None

    return opens


# A field of a data sheet (``重复性误差：±2%；``) or an item continuing a sentence (``…；``).
_field_value = opens_with_label(16, r"[^:：]*\d")
_CONTINUED = ("；", ";", "，", ",")
# A date or time closing a line, as in a list of headlines with their dates.
_DATED = lazy_regex(r"\s*[(（\[]?\d{2,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[)）\]]?$|\s+\d{1,2}\s+\p{L}+\s+\d{4}$")
_DATE_ENDS = ")）]日"  # how a _DATED date ends, digits aside
_DATE_MARKS = "-/.年"  # what stands between its numbers, unless they are spaced ("3 May 2024")
# A line that announces a list of the article's own: "…如下：", "The squad:".
_INTRO = lazy_regex(
    r"(?i)(?:[:：]|如下|以下几[点个条项种方面]|the following(?:\s+\p{L}+){0,3}|as follows)\W{0,3}$"
)
_INTRO_WORDS = (":", "：", "如下", "以下几", "follow")  # one of them is in every match of _INTRO
# A short remark in brackets on its own line: (完), （记者 张三）, (更新时间戳: 1681649425565).
_ASIDE_OPENINGS = "(（[【"
_ASIDE = lazy_regex(rf"^[{re.escape(_ASIDE_OPENINGS)}][^()（）\[\]【】]{{1,40}}[)）\]】]$")
_ELLIPSES = ("...", "…", "．．．")
_LETTER = lazy_regex(r"\p{L}")
_NUMBER = lazy_regex(r"^[\d][\d,.\s:/-]*(?:[万千kKwWmM+]|次|阅读|浏览|views?|reads?)?$")
# Sentence ends: Chinese full stop always; a Latin full stop after a word and before a space.
_CHINESE_STOP = "。"
_CLOSING_STOPS = _CHINESE_STOP + "."  # full stops that may close an enumeration
_FULL_STOP = lazy_regex(_CHINESE_STOP + r"|(?<![\s.](?:Mr|Mrs|Ms|Dr|St|vs|No|Jr|Sr|Inc|Co|Ltd|\p{Lu}))(?<=[\p{L}\d)\"”’%])\.(?=\s|$)")
_EXCLAMATIONS = "！？!?"
_COMMA = lazy_regex(r"，|,(?=\s)")
_MAX_HEADER_LINE = 400  # characters: a header and a headline of ``max-item-words`` fit
_ENDING = 80  # characters at a line's end that hold a date, a UI phrase or a closing colon
_SHORT_ITEM_WORDS = 20  # up to this length an item may have commas (a headline with two clauses)
# Separators between items of an enumeration written on one line.
_SEPARATOR = lazy_regex(r"[、，,;；|｜/·]|\s{2,}|\s[-–—]\s")


@functools.lru_cache(maxsize=32)
def header_matcher(extra: tuple[str, ...] = ()) -> "HeaderMatcher":
    """One compiled matcher per set of extra headers (compiling takes milliseconds)."""
    return HeaderMatcher(extra)


class HeaderMatcher:
    """Recognises a header line, alone (``推荐阅读``) or followed by one headline (``相关阅读：…``).

    A header starts right after the decoration with one of its phrases: a line that starts
    otherwise needs none of the patterns, and a page without such a line never compiles them
    (the phrase alternations take milliseconds each).
    """

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._phrases = sorted({*DEFAULT_HEADERS, *(phrase.strip() for phrase in extra if phrase.strip())}, key=len, reverse=True)
        openings = {_collapsed(phrase.lstrip(_LEADING_DECOR)) for phrase in (*self._phrases, _MORE_FROM_WORD, *_COLON_HEADERS.split("|"))}
        # by their first character: a line's first character leaves a handful to compare, if any
        self._openings: dict[str, tuple[str, ...]] = {}
        for opening in sorted(openings):
            self._openings[opening[0]] = (*self._openings.get(opening[0], ()), opening)
        self._related = tuple(phrase for phrase in self._phrases if phrase.startswith(_RELATED))

    @functools.cached_property
    def _heads(self) -> str:
        import regex

        alternatives = "|".join(regex.escape(phrase).replace(r"\ ", r"\s+") for phrase in self._phrases)
        return rf"(?:{alternatives}|{_MORE_FROM})"

    @functools.cached_property
    def _alone(self) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
        """The patterns of a lone header and of a header with a colon."""
        import regex

        return (
            regex.compile(rf"^{_DECOR}(?P<header>{self._heads}){_DECOR}$", regex.IGNORECASE),
            regex.compile(rf"^{_DECOR}(?P<header>{_COLON_HEADERS})\s*[:：]\s*$", regex.IGNORECASE),
        )

    @functools.cached_property
    def _inline(self) -> regex.Pattern[str]:
        """The pattern of a header with a headline: compiled apart (~10 ms), for the first line
        that is no lone header, which most pages with a header never have."""
        import regex

        return regex.compile(rf"^{_DECOR}(?P<header>{self._heads})\s*[:：>»|｜]{_DECOR}(?P<rest>\S.*)$", regex.IGNORECASE)

    @functools.cached_property
    def _owned(self) -> regex.Pattern[str]:
        """A "相关…" header after the few characters that name what the pages relate to."""
        import regex

        related = "|".join(map(regex.escape, self._related))
        return regex.compile(rf"^{_DECOR}\p{{Han}}{{1,{_MAX_OWNER}}}(?P<header>{related}){_DECOR}$")

    def match(self, text: str) -> tuple[str, str] | None:
        """``(header, rest of the line)`` for a header line, else ``None``."""
        if len(text) > _MAX_HEADER_LINE:
            return None  # a paragraph: no header, nor a header and one headline
        if self._opens_with_phrase(text.lstrip(_LEADING_DECOR)):
            alone, colon = self._alone
            found = alone.match(text) or colon.match(text)
            if found:
                return found.group("header"), ""
            found = self._inline.match(text)
            if found:
                return found.group("header"), found.group("rest")
        owned = _RELATED in text and any(phrase in text for phrase in self._related)
        found = self._owned.match(text) if owned else None
        if found:
            return found.group("header"), ""
        return None

    def _opens_with_phrase(self, text: str) -> bool:
        """Whether ``text`` (its decoration stripped) starts with a header phrase, in any case
        and with any run of spaces for a space."""
        candidates = self._openings.get(text[:1].casefold()[:1])
        return candidates is not None and _collapsed(text).startswith(candidates)


def _collapsed(text: str) -> str:
    """``text`` in lower case, each run of spaces one space: a space in a header phrase matches
    any run of them (``\\s+``; ``str.split`` splits at every character ``\\s`` matches)."""
    return " ".join(text.split()).casefold()


@record
class Line:
    """One non-blank line of the page, with the measurements the OFT rule needs (a tuple: made fast, thousands a page)."""

    index: int  # 0-based line index in the page
    text: str  # de-noised and stripped
    shape: Shape
    words: float  # length in word equivalents
    items: int  # items enumerated on the line (1 for a single item or sentence)
    terms: tuple[str, ...]
    word_terms: int = 0  # how many of the terms are words (the rest are character bigrams)
    header: str = ""  # the header phrase for HEADER lines
    marked: bool = False  # starts with a bullet or an item number, as an article's own lists do
    data: bool = False  # a data-sheet field or a sentence's continuation
    announces: bool = False  # ends with a colon of its own (not one of a UI phrase run into it)
    dated: bool = False  # ends with a date or a time, as headlines in a list of related news do
    cut: bool = False  # ends with an ellipsis, as the teasers of a listing page do


def read_lines(lines: Sequence[str], headers: HeaderMatcher, max_item_words: float) -> list[Line]:
    """Measure every non-blank line; ``lines`` are the de-noised lines of the page."""
    measured = []
    for index, raw in enumerate(lines):
        text = raw.strip()
        if text:
            measured.append(_measure(index, text, headers, max_item_words))
    _mark_post_navigation(measured)
    return measured


def introduces(line: Line) -> bool:
    """Whether the line announces a list of the article's own ("如下：", "the following", a
    closing colon; a header's colon is its own). Asked of the line above a list only, so
    measured then, not for every line."""
    return line.shape is not Shape.HEADER and _announcing(_without_trailing_ui(line.text[-_ENDING:]))


def neighbour_link(line: Line) -> bool:
    """A link to the previous or next article (``下一篇：…``): the article has ended above it."""
    return line.shape is Shape.NEUTRAL and bool(_NEIGHBOUR().match(line.text))


def _mark_post_navigation(measured: list[Line]) -> None:
    """The two titles under a post-navigation label (``文章导航``) are the previous and next
    posts' links: the site's chrome, like ``上一篇：…``, not headlines appended to the article."""
    for number, line in enumerate(measured[:-1]):
        if line.text.endswith(_POST_NAVIGATION) or line.text[-len(_POST_NAVIGATION_EN) :].lower() == _POST_NAVIGATION_EN:
            for title in range(number + 1, min(number + 1 + _NEIGHBOURS, len(measured))):
                if measured[title].shape is Shape.ITEM:
                    measured[title] = measured[title]._replace(shape=Shape.NEUTRAL)


def _measure(index: int, text: str, headers: HeaderMatcher, max_item_words: float) -> Line:
    found, words, word_terms = measure(text)
    header = headers.match(text)
    if header is not None:
        name, rest = header
        rest_terms, rest_words, rest_word_terms = measure(rest)
        if not rest or _is_item(rest, rest_words, max_item_words, _full_stop(rest.rstrip(_CLOSING_STOPS))):
            return Line(index, text, Shape.HEADER, words, 1 if rest else 0, tuple(rest_terms), rest_word_terms, name)
    # Patterns that look at a line's end search its last characters only: a search for ``…$``
    # would try every position of a long paragraph.
    ending = text[-_ENDING:]
    own = _without_trailing_ui(ending)
    announces = own.endswith((":", "："))
    date = _DATED().search(ending) if _may_end_with_date(ending) else None
    undated = text if date is None else text[: len(text) - len(ending) + date.start()]
    body = text.rstrip(_CLOSING_STOPS)
    inner_stop = _full_stop(body)
    enumeration = _enumeration(body, words, inner_stop)
    return Line(
        index, text, _shape(text, words, max_item_words, announces, enumeration, inner_stop), words, enumeration or 1,
        tuple(found), word_terms,
        marked=_may_be_marked(text) and bool(_MARKER().match(text)), data=undated.endswith(_CONTINUED) or _field_value(undated),
        announces=announces, dated=date is not None, cut=text.endswith(_ELLIPSES),
    )


def _may_end_with_date(ending: str) -> bool:
    """Whether ``ending`` may end with a _DATED date: it ends as one does and holds a date's mark,
    or three words (``str.split`` cuts at every space ``\\s`` matches). Most lines that end with a
    number hold neither, and the pattern is not compiled for them."""
    last = ending[-1]
    if not (last.isdigit() or last in _DATE_ENDS):
        return False
    return holds_any(ending, _DATE_MARKS) or len(ending.split(maxsplit=2)) == 3


def _without_trailing_ui(text: str) -> str:
    """The line without UI phrases run into its end (``…目标。分享到：``)."""
    if text[-1].isdigit() or text[-1] in "。.!?！？”\"":
        return text  # no UI phrase ends so: skip the scan, most lines end a sentence
    if not text.rstrip(_AFTER_UI)[-_UI_REACH:].casefold().endswith(_UI_ENDS):
        return text
    folded = case_fold(text)
    needed = [index for index, (_, held) in enumerate(_UI_PHRASES) if held in folded]
    if not needed:
        return text  # no phrase can match, so none runs into the end
    return _TRAILING_UI.pattern(lambda: needed, len(text)).sub("", text)


def case_fold(text: str) -> str:
    """``text`` in casefold, without combining dots above: whatever ``(?i)`` matches to a
    phrase's letters folds to them (``ſ`` to s, the Kelvin sign to k, ``İ`` to i and a dot)."""
    return text.casefold().replace("\u0307", "")


def _shape(text: str, words: float, max_item_words: float, announces: bool, enumeration: int, inner_stop: bool) -> Shape:
    if text[0].isdigit() and _NUMBER().match(text):
        return Shape.NUMBER
    footer = words <= 20 and _may_be_footer(text)
    if _site_field(text) or (footer and _FOOTER().match(text)) or (
        words <= 12 and ((footer and _FOOTER().search(text)) or _chrome_line(text) or _aside(text))
    ):
        return Shape.NEUTRAL
    if not (text[0].isalpha() or _LETTER().search(text)):  # most lines open with a letter
        return Shape.NEUTRAL  # a rule, a row of stars: layout, not content
    if announces:
        return Shape.PROSE  # it announces what follows, as a sentence does
    if _is_item(text, words, max_item_words, inner_stop) or enumeration and not _stop(text, inner_stop):
        return Shape.ITEM
    return Shape.PROSE


# Cheap tests of the characters a pattern needs come first: most lines lack them, and a
# ``regex`` search tries every position of the line.


def _full_stop(text: str) -> bool:
    return _CHINESE_STOP in text or ("." in text and bool(_FULL_STOP().search(text)))


def _stop(text: str, inner_stop: bool) -> bool:
    """Whether ``text`` (not empty) has a full stop, given whether it has one before its closing
    stops: a line without closing stops needs no second look (a stop inside one is one inside it)."""
    return inner_stop or (text[-1] in _CLOSING_STOPS and _full_stop(text))


def _may_be_footer(text: str) -> bool:
    """Whether _FOOTER is worth trying: ``text`` opens a bracket or holds a copyright mark in
    casefold (as it always was), or holds a label's colon or bar and, in the fold of case_fold
    (whatever ``(?i)`` matches), opens with a label or holds a copyright mark. Most lines with a
    colon open with no label, and the pattern takes ~5 ms to compile."""
    if text.startswith(("(", "（")):
        return True
    if holds_any(text.casefold(), _COPYRIGHT_MARKS):
        return True
    return holds_any(text, _FIELD_MARKS) and (
        case_fold(text[:_FOOTER_REACH]).startswith(_FOOTER_OPENINGS)
        or holds_any(text[:7], _TAG_LABELS)
        or holds_any(case_fold(text), _COPYRIGHT_MARKS)
    )


def _chrome_line(text: str) -> bool:
    return text[:_UI_REACH].casefold().startswith(_UI_STARTS) and bool(_CHROME().match(text))


def _aside(text: str) -> bool:
    return text[0] in _ASIDE_OPENINGS and bool(_ASIDE().match(text))


def _may_be_marked(text: str) -> bool:
    """Whether ``text`` may start with a _MARKER (most lines open with a letter, a quote or a
    year, which cannot): the pattern is compiled for the first line that may."""
    first = text[0]
    if first.isascii():
        if first in _ASCII_DIGITS:
            return _may_be_numbered(text)
        return first in _MARKER_ASCII or (first in "PpCcSs" and case_fold(text[:7]).startswith(_MARKER_WORDS))
    if "\u4e00" <= first <= "\u9fff":
        if first in _HAN_NUMERALS:
            numerals = len(text) - len(text.lstrip(_HAN_NUMERALS))
            return numerals <= 3 and text[numerals : numerals + 1] in _AFTER_HAN_NUMBER
        if first == _CHAPTER:
            after = text[1:].lstrip(_CHAPTER_NUMERALS)[:1]
            return (after != "" and after in _CHAPTER_WORDS) or may_be_digit(after)
        return False
    return first in _MARKER_FIRSTS or "\uf000" <= first <= "\uf8ff" or may_be_digit(first)


def _may_be_numbered(text: str) -> bool:
    """Whether ``text``, which opens with an ASCII digit, may open with a numbered item: one to
    three digits, then a stop, a bracket or a space (or what may be another digit), not a letter
    (``5G``), a Han one (``2021年``, ``9月``) or a fourth digit (``2024-05-01``)."""
    digits = len(text) - len(text.lstrip(_ASCII_DIGITS))
    if digits > 3 or digits == len(text):
        return False
    after = text[digits]
    return after in _AFTER_NUMBER or after.isspace() or may_be_digit(after)


def _site_field(text: str) -> bool:
    return (
        holds_any(text, _FIELD_MARKS)
        and (case_fold(text[:8]).startswith(_SITE_FIELD_OPENINGS) or holds_any(text[:7], _TAG_LABELS))
        and bool(_SITE_FIELD().match(text))
    )


def _announcing(ending: str) -> bool:
    """Whether the line's end announces a list (``如下：``, ``the following``)."""
    lowered = ending.lower()
    return holds_any(lowered, _INTRO_WORDS) and bool(_INTRO().search(ending))


def _is_item(text: str, words: float, max_item_words: float, inner_stop: bool) -> bool:
    """A headline or a name: short, no full stop, at most a couple of ``?``/``!``.

    A long line of clauses joined by commas is a sentence that lost its full stop, not a headline.
    ``inner_stop`` tells whether there is a full stop before the line's closing stops.
    """
    if words > max_item_words or _stop(text, inner_stop) or sum(map(text.count, _EXCLAMATIONS)) > 2:
        return False
    return words <= _SHORT_ITEM_WORDS or len(_COMMA().findall(text)) <= 1


def _enumeration(body: str, words: float, inner_stop: bool) -> int:
    """Item count of a line that enumerates short items (``东城区、西城区、…``), else 0.

    A full stop may close the line (``出席的还有：王毅、尹力、….``), not split sentences:
    ``body`` is the line without its closing stops, ``inner_stop`` whether it has a full stop.
    """
    if inner_stop or holds_any(body, _EXCLAMATIONS):
        return 0
    items = len(_SEPARATOR().findall(body)) + 1
    if items >= 5 and words / items <= 6:
        return items
    return 0
