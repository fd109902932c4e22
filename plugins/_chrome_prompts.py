"""Calls to action of the site, for CHR001: link buttons, QR-code prompts, log-in and comment UI.

These are the site talking to its visitor, not the article talking to its reader:
``点击这里，可免费领取资料哟！> > >``, ``了解更多》``, ``[扫码下载app，…]``, ``请登录后发表评论``,
``已关闭评论``, ``Sign up``, ``Comments are closed.``. Each shape is recognised by its wording
*and* by where it stands (a clause that ends in an arrow, a prompt that opens its clause, a
short line of its own), so the same words in a sentence (``市民可扫码报名``, ``《三体》``,
``he signed up for the army``) stay.
"""

from __future__ import annotations

from typing import Iterator

from plugins._automata import holds_any
from plugins._chrome_scan import Scan
from plugins._lazy import lazy_regex

__all__ = ["prompt_spans"]

# --- link buttons: a short clause with a call to action, ending in an arrow ------------------------

_ARROW_CHARS = ">＞》»›→"
_SPACES = " \t\u3000\u00a0"
_CLAUSE_END = "。！？!?；;."
_CTA = lazy_regex(
    r"(?V1)点击|点此|戳这里|详情|了解|查看|进入|更多|立即|马上|免费|领取|下载|报名|预约|咨询|购买|抢购|订阅|关注|加入"
    r"|注册|登录|阅读|观看|收听|试听|申请|获取|猛戳|直达|传送门"
    r"|(?i:read|more|click|learn|see|view|download|sign|subscribe|join|get|shop|buy|watch|details|continue)",
)
_MAX_BUTTON = 60


def _link_button(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The button at the end of the line ``text[start:end]``, if it ends in an arrow run."""
    stop = end
    while stop > start and text[stop - 1] in _SPACES:
        stop -= 1
    arrows_end = stop
    while stop > start and (text[stop - 1] in _ARROW_CHARS or text[stop - 1] in _SPACES):
        stop -= 1
    arrows = text[stop:arrows_end]
    if not arrows.strip(_SPACES):
        return None
    line = text[start:end]
    if set(arrows.strip(_SPACES)) == {"》"} and line.count("《") >= line.count("》"):
        return None  # it closes a book title: 《三体》
    if arrows.strip(_SPACES) in (">", "＞") and stop > start and text[stop - 1].isdigit():
        return None  # a comparison: "x > 3"
    # The button's text: back to the sentence end before it (its own closing "！" excepted).
    label_end = stop
    scan = stop
    while scan > start and text[scan - 1] in _CLAUSE_END + _SPACES:
        scan -= 1
    begin = scan
    while begin > start and text[begin - 1] not in _CLAUSE_END and scan - begin <= _MAX_BUTTON:
        begin -= 1
    if scan - begin > _MAX_BUTTON or scan <= begin:
        return None
    if not _CTA().search(text, begin, label_end):
        return None
    while begin < scan and text[begin] in _SPACES:
        begin += 1
    return begin, arrows_end


# --- QR-code prompts: "扫描下方二维码下载…", "[扫码或长按二维码关注公众号…]" -----------------------------

_QR = lazy_regex(
    r"(?V1)扫一扫|扫码|扫描[^，。！？,!?\r\n]{0,12}?二维码|长按[^，。！？,!?\r\n]{0,8}?二维码|识别[^，。！？,!?\r\n]{0,4}?二维码"
    r"|(?i:scan[ \t]+the[ \t]+QR[ \t]+code)",
)
_QR_GOAL = lazy_regex(r"(?V1)关注|下载|领取|获取|加入|添加|进群|订阅|公众号|APP|App|app|红包|好友|(?i:follow|download|subscribe)")
_OPENERS = "[【(（'\""  # not “: a quotation in prose is no prompt's box
_CLOSERS = "]】)）'\""
# What may stand before the QR words in a prompt: nothing, or the site's address to the visitor.
_QR_LEAD_WORDS = lazy_regex(r"(?V1)欢迎|请|关注|立即|马上|赶紧|快来|长按|微信|用手机|打开|(?i:please|follow)")
_QR_LEAD = 14  # the prompt opens its clause: at most this many characters before the QR words
_QR_MAX = 120


def _qr_prompts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _QR().finditer(text, start, end):
        # the clause: from the last sentence end or opening bracket to the next end or closer
        begin = match.start()
        while begin > start and text[begin - 1] not in _CLAUSE_END + _OPENERS and match.start() - begin <= _QR_LEAD:
            begin -= 1
        if match.start() - begin > _QR_LEAD:
            continue  # "消费者可通过……扫描二维码进入系统": the QR code is the sentence's topic
        if begin < match.start() and not _QR_LEAD_WORDS().search(text, begin, match.start()):
            continue  # "消费者扫描新版二维码，可以获取……": a sentence about QR codes
        if begin > start and text[begin - 1] in _OPENERS:
            begin -= 1
        stop = match.end()
        while stop < end and text[stop] not in _CLAUSE_END + _CLOSERS and stop - begin <= _QR_MAX:
            stop += 1
        if stop - begin > _QR_MAX:
            continue
        if stop < end:
            stop += 1  # its closing stop or bracket
        if not _QR_GOAL().search(text, match.end(), stop) and not _QR_GOAL().search(text, begin, match.start()):
            continue
        yield begin, stop


# --- log-in, registration and comment UI ---------------------------------------------------------------

_ACCOUNT = lazy_regex(
    r"(?V1)(?:请|您需要|需要)?(?:先)?登录后(?:才能|方可|可以|即可|再)?(?:发表|评论|查看|下载|参与|回复|阅读|观看|收藏|留言|提问|投票)\p{Han}{0,6}"
    r"|(?:还)?没有(?:账号|帐号|账户)[?？,，]?[ \t]*(?:立即|马上|免费)?注册"
    r"|(?:立即|免费|马上)(?:注册|登录)(?!\p{Han})"
    r"|(?:注册|登录)[ \t]*[|｜/][ \t]*(?:注册|登录)|忘记密码[?？]?"
    r"|已关闭评论|评论已关闭|(?<!\p{Han})(?:暂无评论|发表评论|我要评论|网友评论|查看评论|评论列表)(?!\p{Han})"
    r"|(?<![\p{L}])(?:"
    r"You[ \t]+must[ \t]+be[ \t]+logged[ \t]+in[ \t]+to[ \t]+post[ \t]+a[ \t]+comment\.?"
    r"|(?:Log|Sign)[ \t]+in[ \t]+to[ \t]+(?:comment|reply|continue|read)"
    r"|Comments[ \t]+are[ \t]+closed\.?"
    r"|Your[ \t]+email[ \t]+address[ \t]+will[ \t]+not[ \t]+be[ \t]+published\.?"
    r"|Leave[ \t]+a[ \t]+(?:comment|Comment|reply|Reply)"
    r"|Click[ \t]+to[ \t]+(?:share|print|email)[ \t]+on[ \t]+[\p{L}]+(?:[ \t]+\(Opens[ \t]+in[ \t]+new[ \t]+window\))?"
    r"|Subscribe[ \t]+now|Sign[ \t]+up[ \t]+now|Sign[ \t]+up[ \t]+(?:here|free|today)"
    r")(?![\p{L}])",
)
# What every _ACCOUNT match holds, by its branches (a window with none needs no _ACCOUNT, ~5 ms to
# compile; "评论", "登录" and "You" are common words): the Chinese phrases' own words, a separator
# between 注册 and 登录, the English ones' words.
_ACCOUNT_ZH = (
    "登录后", "没有账号", "没有帐号", "没有账户", "立即注册", "立即登录", "免费注册", "免费登录", "马上注册", "马上登录", "忘记密码",
    "关闭评论", "评论已关闭", "暂无评论", "发表评论", "我要评论", "网友评论", "查看评论", "评论列表",
)  # fmt: skip
_ACCOUNT_PAIR = ("注册", "登录")
_ACCOUNT_SEPARATORS = "|｜/"
_ACCOUNT_EN = ("logged", "comment", "reply", "continue", "read", "closed", "published", "Leave", "share", "print", "email", "now", "here", "free", "today")
# Lines that are nothing but such a word, alone or chained: "登录 注册", "Sign up", "Like this:".
_ALONE_WORD = (
    r"登录|注册|登录注册|免费注册|立即登录|会员登录|用户登录|退出登录|个人中心|我的收藏|在线客服|在线咨询|立即咨询|"
    r"设为首页|加入收藏|返回顶部|回到顶部|展开|收起|列表|"
    r"Sign[ \t]+up|Sign[ \t]+in|Log[ \t]?in|Log[ \t]+out|Register|Subscribe|Like[ \t]+this:|Loading\.\.\.|Print|Email|Reply"
)
_ALONE_RUN = lazy_regex(
    rf"(?V1m)^[ \t\u3000]*(?:{_ALONE_WORD})(?:[ \t\u3000|｜/·•]+(?:{_ALONE_WORD}))*[ \t\u3000]*$",
)
# Two or more such words closing a line after its text: "某某装修 (1篇) 展开 列表".
_TRAILING_RUN = lazy_regex(
    rf"(?V1m)(?<=[ \t\u3000)）])(?:{_ALONE_WORD})(?:[ \t\u3000|｜/]+(?:{_ALONE_WORD}))+[ \t\u3000]*$",
)


# How far a shape reaches from its keyword: the window of the line a pattern runs in.
_QR_REACH = (40, 160)  # the clause opens up to _QR_LEAD before "扫码", ends _QR_MAX after it
_ACCOUNT_REACH = (16, 100)  # "还没有账号？立即" before "注册"; "Click to share on … (Opens in new window)" after "Click"
_TRAILING_REACH = 200  # a run of menu words closing the line starts at most this far from its end
_LAST_WORD = 40  # the run's last word starts this near the line's end
SHORT_LINE = 100  # a line of lone buttons or menu words is no longer


def _may_hold_account(window: str) -> bool:
    return (
        holds_any(window, _ACCOUNT_ZH)
        or holds_any(window, _ACCOUNT_EN)
        or (holds_any(window, _ACCOUNT_PAIR) and holds_any(window, _ACCOUNT_SEPARATORS))
    )


def prompt_spans(found: Scan) -> Iterator[tuple[int, int]]:
    """Spans of the scanned de-noised text that are the site's calls to action."""
    text = found.text
    for index in found.lines_with("arrow"):
        button = _link_button(text, *found.line(index))
        if button is not None:
            yield button
    for start, end in found.windows("qr", *_QR_REACH):
        yield from _qr_prompts(text, start, end)
    for start, end in found.windows("account", *_ACCOUNT_REACH):
        if _may_hold_account(text[start:end]):
            yield from (match.span() for match in _ACCOUNT().finditer(text, start, end))
    for start, end in found.short_lines_with("menu_tail", SHORT_LINE):
        match = _ALONE_RUN().match(text, start, end)
        if match is not None:
            yield match.span()
    closing: list[tuple[int, int]] = []  # lines that end with a menu word
    for offset in found.hits("menu_tail"):
        start, end = found.bounds(offset)
        if end - offset <= _LAST_WORD and (not closing or closing[-1] != (start, end)):
            closing.append((start, end))
    for start, end in closing:
        yield from (match.span() for match in _TRAILING_RUN().finditer(text, max(start, end - _TRAILING_REACH), end))
