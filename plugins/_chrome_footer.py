"""CHR006: the site's footer. Contact lines, footer links, the site's name and its "about us" blurb.

Sites print the same footer under every page: ``联系我们 | 关于我们 | 网站地图``, ``Privacy Policy |
Terms of Use``, ``销售部联系电话：… 欢迎咨询``, ``网址：www…``, the site's or the company's bare
name on the last line, and a paragraph that advertises the company (``某某有限公司是一家专业生产…
的厂家，欢迎新老客户前来咨询``). None of it is the article.

Each shape is tied to where a footer stands, because the same words are content elsewhere: a
fund's announcement ends with the fund company's name *and a date* after ``特此公告``; a directory
of agencies lists a dozen ``客服电话：`` lines; a news story says that a company ``成立于2004年``.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from lint.model import Rule, Severity, Violation
from lint.page import Page
from plugins._chrome_scan import Scan, scan
from plugins._chrome_spans import report, shown, strip_span
from plugins._lazy import lazy_regex

__all__ = ["SITE_FOOTER"]

# --- footer links -----------------------------------------------------------------------------------

_FOOTER_WORD = (
    r"关于我们|联系我们|联系方式|网站地图|隐私政策|隐私声明|隐私保护|法律声明|免责声明|使用(?:网站)?必读|服务条款|用户协议|"
    r"友情链接|广告服务|广告合作|商务合作|意见反馈|投诉建议|加入我们|人才招聘|招聘信息|网站导航|帮助中心|版权声明|"
    r"会员注册|设为首页|加入收藏|网站首页|返回首页|"
    r"(?i:privacy[ \t]+policy|privacy|terms[ \t]+of[ \t]+(?:use|service)|terms(?:[ \t]+(?:&|and)[ \t]+conditions)?|"
    r"cookie[ \t]+policy|cookies|cookie[ \t]+settings|contact[ \t]+us|about[ \t]+us|site[ \t]?map|advertise(?:[ \t]+with[ \t]+us)?|"
    r"careers|accessibility|help[ \t]+center|newsletters?)"
)
_FOOTER_WORDS = lazy_regex(rf"(?V1)(?<![a-zA-Z])(?:{_FOOTER_WORD})(?![a-zA-Z])")
# A footer word on its own line: only the unambiguous ones ("Privacy", "Careers" alone may be a heading).
_FOOTER_ALONE = lazy_regex(
    r"(?V1)[ \t\u3000]*(?:关于我们|联系我们|网站地图|隐私政策|友情链接|使用(?:网站)?必读|"
    r"(?i:contact[ \t]+us|about[ \t]+us|privacy[ \t]+policy|terms[ \t]+of[ \t]+(?:use|service)|cookie[ \t]+policy|site[ \t]?map))"
    r"[ \t\u3000]*$",
)
#: What such a line starts with, spaces aside (the case-blind words case-folded): only then is
#: _FOOTER_ALONE compiled and tried, not on every line with "about" or "site" in a sentence.
_ALONE_STARTS = ("关于我们", "联系我们", "网站地图", "隐私政策", "友情链接", "使用")
_ALONE_STARTS_ANY_CASE = ("contact", "about", "privacy", "terms", "cookie", "site")
_SENTENCE = lazy_regex(r"[。！？!?]|(?<=[a-z]{2})\.(?:[ \t]|$)")  # "Co. INC." is a name
_FOOTER_LINE_MAX = 100
_LINK_GAP = lazy_regex(r"(?V1)[ \t\u3000|｜/·•,，、\-–]*")

# --- contact lines --------------------------------------------------------------------------------

_CONTACT_OWNERS = ("销售部", "市场部", "客服部", "业务部", "本站", "本公司", "公司", "全国", "24小时")
_CONTACT_LABELS = (
    "联系电话", "咨询电话", "咨询热线", "服务热线", "服务电话", "销售热线", "客服热线", "客服电话", "订购热线", "招商热线",
    "热线电话", "联系方式", "联系人", "联系地址", "公司地址", "电话", "手机", "手机号码", "传真", "邮箱", "电子邮箱", "邮编",
    "QQ", "QQ号", "微信", "微信号", "网址", "官网", "官方网站",
)  # fmt: skip
_CONTACT_LABELS_ANY_CASE = ("tel", "phone", "fax", "e-?mail", "website", "mobile")
_CONTACT_LABEL = rf"(?:{'|'.join(_CONTACT_OWNERS)})?(?:{'|'.join(_CONTACT_LABELS)}|(?i:{'|'.join(_CONTACT_LABELS_ANY_CASE)}))"
_CONTACT_LINE = lazy_regex(rf"(?V1m)^[ \t\u3000]*{_CONTACT_LABEL}[ \t]*[:：]")
# What a contact line starts with, spaces aside (the case-blind labels case-folded): a line that
# starts otherwise needs no _CONTACT_LINE, most lines with a colon.
_CONTACT_FIRST = frozenset(word[0] for word in (*_CONTACT_OWNERS, *_CONTACT_LABELS))
_CONTACT_FIRST_ANY_CASE = frozenset(word[0] for word in _CONTACT_LABELS_ANY_CASE)
# A contact clause closing a line: "……欢迎新老客户前来咨询,咨询电话:13720639525".
_PHONE = r"(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4}|800-?\d{3}-?\d{4})"
_TRAILING_CONTACT = lazy_regex(rf"(?V1){_CONTACT_LABEL}[ \t]*[:：][ \t]*{_PHONE}(?:[ \t]*[、,，/][ \t]*{_PHONE})*[ \t\u3000]*$")
# A directory of agencies lists many: then they are the page's content.
_MAX_CONTACT_LINES = 3
# So do contacts the text announces ("投资者可通过以下途径咨询有关详情：").
_ANNOUNCED = lazy_regex(r"(?V1)以下|如下|下列|途径|咨询|联系|受理|垂询|方式[ \t]*[:：]?[ \t]*$")
_ANNOUNCED_WITHIN = 4  # non-blank lines before the contact line
_CONTACT_LINE_MAX = 80

# --- promotion: "欢迎新老客户来电咨询", "赶紧拿起电话咨询吧！", "我们将真诚为您服务" ------------------------

_PROMOTION = lazy_regex(
    r"(?V1)欢迎(?:新老|广大|各界|各位)?(?:客户|顾客|朋友|用户|客商|商家|采购商)?(?:朋友)?(?:们)?(?:前来|来电|致电|莅临|来厂|来人)?"
    r"(?:咨询|洽谈|选购|订购|垂询|考察|采购)(?:合作)?"
    r"|(?:赶紧|赶快|立即|马上|快)拿起电话\p{Han}{0,6}"
    r"|(?:竭诚|真诚|诚心|热忱|热诚|用心)为您(?:服务|提供\p{Han}{0,8})",
)
_PROMOTION_LINE_MAX = 60
_PROMOTION_REACH = (4, 40)  # from its keyword (欢迎, 拿起电话, 为您) back to its start and on to its end
_TRAILING_CONTACT_REACH = 160  # the contact clause that closes the line starts this near its end

# --- the site's or company's name as the page's last line(s) --------------------------------------------

_NAME_LINE = lazy_regex(
    r"(?V1m)^[ \t\u3000]*[\p{Han}A-Za-z0-9()（）·]{2,18}?(?:网|官网|有限公司|有限责任公司|公司|集团|俱乐部|工作室|商城)[ \t\u3000]*$",
)
#: What a name line ends with (spaces aside): a page's last line without it needs no _NAME_LINE.
_NAME_ENDS = ("网", "公司", "集团", "俱乐部", "工作室", "商城")
# A signature under an announcement is the announcement's: "特此公告。" then the company's name.
_SIGNED = lazy_regex(r"(?V1)特此(?:公告|通知|声明|说明|函告|证明)|此致|敬礼|董事会$")

# --- the company's "about us" blurb after the article ------------------------------------------------------

_BLURB = lazy_regex(
    r"(?V1m)^[ \t\u3000]*[\p{Han}A-Za-z0-9()（）]{2,24}?(?:有限公司|公司|厂|集团|学校|学院|教育|培训|中心|工作室)"
    r"(?:是一家|是一所|是专业|是国内|专注|专业从事|专业生产|致力于|主要从事|主营|产品包括|主要产品|始终|秉承)",
)
# What sells: a company that describes itself to a customer, not a news story about a company.
_SALES = lazy_regex(
    r"(?V1)厂家|厂商|产品包括|其产品|主要产品|欢迎|咨询|为您|为客户|集[^。！？\r\n]{1,200}?[于为]一体|一站式|诚信|竭诚|质优价廉|价格优惠|专业生产",
)
_BLURB_MIN = 30
_PROSE_MIN = 20  # a later line this long with a full stop is the article going on
_TRUNCATED = lazy_regex(r"(?V1m)(?:\.{3,}|…+)[ \t\u3000]*$")


def _footer_links(text: str, start: int, end: int) -> bool:
    first, last = strip_span(text, start, end)
    opening = text[first : min(first + 8, last)]  # the longest of the words has 7 letters
    may_be_alone = opening.startswith(_ALONE_STARTS) or opening.casefold().startswith(_ALONE_STARTS_ANY_CASE)
    if may_be_alone and _FOOTER_ALONE().match(text, start, end):
        return True
    line = text[start:end]
    if len(line.strip()) > _FOOTER_LINE_MAX:
        return False
    matches = list(_FOOTER_WORDS().finditer(line))
    if len({match.group().casefold() for match in matches}) < 2:
        return False
    if _SENTENCE().search(line.strip().rstrip("。.!！")):
        return False
    # "Privacy Policy | Terms of Use", "法律声明使用网站必读": links side by side, not a sentence
    # that names two of them ("the privacy policy and the terms of use").
    return any(_LINK_GAP().fullmatch(line, left.end(), right.start()) for left, right in zip(matches, matches[1:]))


def _spans(found: Scan) -> Iterator[tuple[int, int, str]]:
    """Footer spans; only lines with a footer keyword, and the page's last lines, are looked at."""
    text = found.text
    contacts = [index for index in found.lines_with("colon") if _contact_line(text, *found.line(index))]
    contact_rows = set()
    if len(contacts) <= _MAX_CONTACT_LINES:
        contact_rows = {index for index in contacts if not _announced(found, index)}
    footer_rows = set(found.lines_with("footer_word"))
    tail_names = _tail_names(found)
    last_prose = _last_prose(found)
    promotions: dict[int, list[tuple[int, int]]] = {}
    for start, end in found.windows("promotion", *_PROMOTION_REACH):
        spans = [match.span() for match in _PROMOTION().finditer(text, start, end)]
        if spans:
            promotions.setdefault(found.index(start), []).extend(spans)
    # a blurb stands after the article's last prose
    blurbs = {index for index in found.lines_with("company") if index >= last_prose}
    for index in sorted({*contact_rows, *footer_rows, *tail_names, *promotions, *blurbs}):
        start, end = found.line(index)
        if index in contact_rows:
            yield start, end, "contact line"
        elif index in footer_rows and _footer_links(text, start, end):
            yield start, end, "footer links"
        elif index in tail_names:
            yield start, end, "site name"
        elif index in blurbs and _is_blurb(text, start, end):
            yield start, end, "company blurb"
        elif index in promotions:
            # "……欢迎新老客户前来咨询,咨询电话:137…": a promotion that ends with the phone to call
            trailing = _TRAILING_CONTACT().search(text, max(start, end - _TRAILING_CONTACT_REACH), end)
            if trailing is not None:
                yield trailing.start(), end, "contact line"
            if trailing is not None or len(text[start:end].strip()) <= _PROMOTION_LINE_MAX:
                yield from ((*span, "promotion") for span in promotions[index])


def _contact_line(text: str, start: int, end: int) -> bool:
    return end - start <= _CONTACT_LINE_MAX and _contact_label(text, start, end)


def _contact_label(text: str, start: int, end: int) -> bool:
    """The line from ``start`` to ``end`` starts with a contact label and its colon."""
    at, stop = strip_span(text, start, end)
    first = text[at : at + 1] if at < stop else ""
    if first not in _CONTACT_FIRST and first.casefold()[:1] not in _CONTACT_FIRST_ANY_CASE:
        return False
    return _CONTACT_LINE().match(text, start, end) is not None


def _announced(found: Scan, index: int) -> bool:
    """The article itself introduces the contact ("……可通过以下途径咨询：", a section 咨询方式)."""
    text = found.text
    for _, before in zip(range(_ANNOUNCED_WITHIN), found.nonblank(index, -1)):
        start, end = found.line(before)
        if not _contact_label(text, start, end) and _ANNOUNCED().search(text, start, end):
            return True
    return False


def _tail_names(found: Scan) -> set[int]:
    """The name lines that close the page, unless they sign an announcement."""
    text = found.text
    names: list[int] = []
    for index in found.nonblank(len(found), -1):
        start, end = found.line(index)
        if not text.endswith(_NAME_ENDS, *strip_span(text, start, end)) or not _NAME_LINE().match(text, start, end):
            before = found.line(index)
            if names and not _SIGNED().search(text, *before):
                return set(names)
            return set()
        names.append(index)
    return set()  # nothing but names: no article to close


def _last_prose(found: Scan) -> int:
    """The last line of the article's prose (long, with a full stop), -1 when there is none."""
    before = len(found.text)
    while (stop := found.text.rfind("。", 0, before)) >= 0:
        index = found.index(stop)
        before, end = found.line(index)
        if end - before >= _PROSE_MIN:
            return index
    return -1


def _is_blurb(text: str, start: int, end: int) -> bool:
    """A company advertising itself (callers check that only short lines follow it)."""
    if end - start < _BLURB_MIN or not _BLURB().match(text, start, end) or not _SALES().search(text, start, end):
        return False
    # a snippet cut short is an entry in a directory of companies, not the page's own blurb
    return not _TRUNCATED().search(text, start, end)


def _check_site_footer(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    yield from report(
        page, view, _spans(scan(page)), lambda kind, span: f"site footer ({kind}) {shown(span)!r}", "remove the site's footer text"
    )


SITE_FOOTER = Rule(
    code="CHR006",
    name="site-footer",
    summary="The site's footer: contact lines, footer links, its name and its 'about us' blurb",
    explanation=(
        "Sites print the same footer under every page: a row of links (联系我们 | 关于我们 | 网站地图, "
        "Privacy Policy | Terms of Use), the sales line (销售部联系电话：… 欢迎咨询, 网址：www…), "
        "calls to phone (赶紧拿起电话咨询吧), the site's or the company's bare name as the last line, "
        "and a paragraph in which the company advertises itself after the article. They are the "
        "site's, not the article's. Kept: a directory that lists many agencies' phone numbers, a "
        "company name that signs an announcement after 特此公告, a news story about a company, and "
        "a sentence that mentions a privacy policy."
    ),
    bad_example="……要定期清洁过滤网。\n销售部联系电话：13800000000 欢迎咨询\n联系我们 | 关于我们 | 网站地图\n某某电器网",
    good_example="……要定期清洁过滤网。\n特此公告。\n某某基金管理有限公司\n2023年9月26日",
    check=_check_site_footer,
    severity=Severity.WARNING,
    fixable=True,
)
