"""One pass over a page for the CHR rules: its lines, and where each rule's keywords stand.

Most lines of a page are article prose that no CHR rule can flag. Every shape a CHR rule looks
for holds a keyword (``点击``, ``上一篇``, ``Read``, a colon, an arrow); one Aho-Corasick scan of
the de-noised text finds them all, and each rule then runs its patterns only in a window of the
line around its own keywords. The cost follows the page's length once, and its candidates after
that, also on a page that is one long line. The scan is kept per page, so the six rules share it.

A shape added to a CHR pattern needs its keyword in :data:`KEYWORDS`, or it is never looked
for. English words a pattern matches in any case are listed as they are written: lower case,
Title case and UPPER case.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import weakref
from typing import Iterable, Iterator, Sequence

from lint.page import Page
from plugins._automata import occurrences
from plugins._chrome_spans import LINE_BREAK

__all__ = ["KEYWORDS", "Scan", "scan", "cased"]


def cased(*words: str) -> tuple[str, ...]:
    """Each word as lower, Title and UPPER case: how a case-blind label is written on pages."""
    return tuple(variant for word in words for variant in (word.lower(), word[:1].upper() + word[1:], word.upper()))


# keyword group -> the keywords; a group is what one rule (or one shape of it) starts from.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "zh_phrase": (
        "点击", "点此", "查看更多", "返回搜狐", "展开全文", "展开阅读全文", "详情点击", "详情请点击", "扫一扫",
        "分享到", "分享至", "字号:", "字号：", "字号 ", "字号\t", "字号大", "快捷留言", "查看全文", "查看原文",
        "阅读全文", "阅读原文", "加载更多", "打印本页", "关闭窗口", "打印文章", "收藏本文", "收藏本页", "文章导航",
        "返回顶部", "返回首页", "返回列表", "返回目录", "返回上一页", "返回栏目", "【打印", "【关闭", "【收藏", "【返回顶部",
        "【字体",
    ),
    "en_phrase": (
        "Continue", "CONTINUE", "Keep", "Read", "READ", "Share", "Click", "Back", "Skip", "Print", "Follow",
        "Sign", "Subscribe", "Email", "Save", "See", "View", "Show", "Load",
    ),
    "arrow": tuple(">＞》»›→"),
    "alone": (  # a lone button, menu entry or the site's domain on its own line
        "Advertisement", "ADVERTISEMENT", "Share", "Subscribe", "Menu", "Search", "Log", "Sign", "列表", "文章详情",
        "在线报名", "在线留言", "网站首页", "更多", "展开", "收起", "全部", "详情", "分享", "评论", "点赞", "收藏", "打印",
        "关闭", "登录", "注册", "搜索", ".c", ".net", ".org", ".info", ".top", ".xyz", ".vip", ".me", ".io", ".tv", ".biz",
    ),
    "qr": ("扫一扫", "扫码", "二维码", "QR", "qr", "Qr", "qR"),
    "account": ("登录", "注册", "忘记密码", "评论", "You", "Log", "Sign", "Comments", "Leave", "Click", "Subscribe"),
    "menu_tail": (
        "登录", "注册", "个人中心", "收藏", "在线客服", "咨询", "设为首页", "返回顶部", "回到顶部", "展开", "收起", "列表",
        "Sign", "Log", "Register", "Subscribe", "Like", "Loading", "Print", "Email", "Reply",
    ),
    "colon": (":", "："),
    "nav": (
        "位置", "首页", "主页", "Home", "上一", "下一", "前一篇", "后一篇", "前一页", "后一页", "上篇", "下篇", "尾页", "末页",
        *cased("prev", "next", "older", "newer"), "Page", "Last",
    ),
    "page_total": ("共",),  # "共5页": a page bar only with a number after it
    "page_word": ("首页", "上一页", "下一页", "尾页", "末页", "前一页", "后一页"),
    "tag": ("关键词", "关键字", "标签", "Tag", "TAGS", "Keywords", "Posted", "Filed", "#"),
    "notice": (
        "版权声明", "免责声明", "原创声明", "未经", "转载", "权归", "侵权", "侵删", "严禁任何形式", "不构成", "据此操作",
        "不代表本", "ICP", "公网安备", "备案号", "备案编号", "许可证", "版权所有", "本文为", "本文由", "本文系", "于网络",
        "自网络", "源网络", "于互联网", "自互联网", "源互联网", "Copyright", "©", "eserved",  # "All Rights Reserved"
    ),
    "payment": ("赞赏", "打赏", "付费", "订阅"),
    "footer_word": (
        "关于我们", "联系我们", "联系方式", "网站地图", "隐私政策", "隐私声明", "隐私保护", "法律声明", "免责声明", "使用必读",
        "使用网站必读", "服务条款", "用户协议", "友情链接", "广告服务", "广告合作", "商务合作", "意见反馈", "投诉建议",
        "加入我们", "人才招聘", "招聘信息", "网站导航", "帮助中心", "版权声明", "会员注册", "设为首页", "加入收藏",
        "网站首页", "返回首页",
        *cased("privacy", "terms", "cookie", "contact", "about", "site", "advertise", "careers", "accessibility", "help", "newsletter"),
    ),
    "promotion": ("欢迎", "拿起电话", "为您"),
    "company": (  # what a company says of itself in its blurb: "某某有限公司是一家……"
        "是一家", "是一所", "是专业", "是国内", "专注", "专业从事", "专业生产", "致力于", "主要从事", "主营", "产品包括",
        "主要产品", "始终", "秉承",
    ),
}


_LONGEST = max(len(word) for words in KEYWORDS.values() for word in words)


@functools.cache
def _automaton() -> tuple[object, list[tuple[str, ...]]]:
    """The automaton of every keyword, and the groups each keyword belongs to."""
    import ahocorasick_rs  # a few ms: only when a page is checked, not when the plugin loads

    groups: dict[str, list[str]] = {}
    for group, words in KEYWORDS.items():
        for word in words:
            groups.setdefault(word, []).append(group)
    words = list(groups)
    automaton = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
    return automaton, [tuple(groups[word]) for word in words]


_NONE: list[int] = []  # the hits of a group that has none (never changed)


class Scan:
    """A de-noised text's lines and its keyword hits per group, found on first use."""

    def __init__(self, text: str, starts: Sequence[int] | None = None) -> None:
        self.text = text
        if starts is not None:
            self.starts = starts
        self._hits: dict[str, list[int]] | None = None  # found on first use

    @functools.cached_property
    def starts(self) -> Sequence[int]:
        """Where each line starts (lines split on LF, CRLF or CR, as :class:`lint.page.Page` does)."""
        text = self.text
        if "\r" in text:
            return [0, *(match.end() for match in LINE_BREAK().finditer(text))]
        starts = [0]
        offset = text.find("\n")
        while offset >= 0:
            starts.append(offset + 1)
            offset = text.find("\n", offset + 1)
        return starts

    # -- lines ------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, offset: int) -> int:
        """The line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of line ``index``, without its break."""
        start = self.starts[index]
        if index + 1 == len(self.starts):
            return start, len(self.text)
        end = self.starts[index + 1] - 1  # the "\n" or lone "\r"
        if self.text[end] == "\n" and end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def bounds(self, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``offset``."""
        return self.line(self.index(offset))

    def blank(self, index: int) -> bool:
        start, end = self.line(index)
        return not self.text[start:end].strip()

    def nonblank(self, index: int, step: int) -> Iterator[int]:
        """The non-blank lines from ``index`` on (``step`` 1) or back (``step`` -1), ``index`` excluded."""
        index += step
        while 0 <= index < len(self.starts):
            if not self.blank(index):
                yield index
            index += step

    # -- keyword hits -----------------------------------------------------------------------------

    def hits(self, group: str) -> list[int]:
        """Offsets where a keyword of ``group`` starts, in order."""
        if self._hits is None:
            groups_of = _automaton()[1]
            found: dict[str, list[int]] = {}
            for index, start, _ in occurrences(_automaton()[0], self.text, _LONGEST):
                for name in groups_of[index]:
                    found.setdefault(name, []).append(start)
            self._hits = found
        return self._hits.get(group, _NONE)

    def short_lines_with(self, group: str, limit: int) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of the lines of at most ``limit`` characters holding a keyword of ``group``."""
        for index in self.lines_with(group):
            start, end = self.line(index)
            if end - start <= limit:
                yield start, end

    def lines_with(self, *groups: str) -> list[int]:
        """The lines holding a keyword of any of ``groups``, in order."""
        return self.lines_at(self.hits(groups[0]) if len(groups) == 1 else sorted(itertools.chain(*map(self.hits, groups))))

    def lines_at(self, offsets: Iterable[int]) -> list[int]:
        """The lines holding the ordered ``offsets``, each once, in order."""
        starts = self.starts
        found: list[int] = []
        next_start = -1
        for offset in offsets:
            if offset < next_start:
                continue  # on the line found last
            index = bisect.bisect_right(starts, offset) - 1
            found.append(index)
            next_start = starts[index + 1] if index + 1 < len(starts) else len(self.text) + 1
        return found

    def windows(self, group: str, before: int, after: int) -> list[tuple[int, int]]:
        """Spans from ``before`` characters before each hit of ``group`` to ``after`` after it."""
        return self.windows_at(self.hits(group), before, after)

    def windows_at(self, offsets: Iterable[int], before: int, after: int) -> list[tuple[int, int]]:
        """Spans from ``before`` characters before each of the ordered ``offsets`` to ``after``
        after it, cut at its line's ends; overlapping ones merged, so a pattern runs once over each."""
        spans: list[tuple[int, int]] = []
        line_start, line_end = -1, -1
        for offset in offsets:
            if not line_start <= offset <= line_end:
                line_start, line_end = self.bounds(offset)
            start, end = max(line_start, offset - before), min(line_end, offset + after)
            if spans and start <= spans[-1][1] and spans[-1][0] >= line_start:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return spans


_SCANS: "weakref.WeakKeyDictionary[Page, Scan]" = weakref.WeakKeyDictionary()


def scan(page: Page) -> Scan:
    """The scan of the page's de-noised text, made once for all the CHR rules."""
    try:
        found = _SCANS.get(page)
    except TypeError:  # a page that cannot be weakly referenced: no memo
        return _scan(page)
    if found is None:
        found = _SCANS[page] = _scan(page)
    return found


def _scan(page: Page) -> Scan:
    text = page.denoised.text
    # nothing removed (most pages): the page's own line starts serve
    return Scan(text, page.line_starts if text is page.text else None)
