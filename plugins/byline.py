"""BYL: bylines, source lines and titles that the scraper brought in twice.

Scrapers often take a page's header twice: once from the page template and once from the
article body. What is left is a byline printed twice (``文 | 财华社 文 | 财华社``), a source
line repeated on the next line, or the title printed again with the site's name stuck to it
(``吃瓜电子官网最新热点:`` + the title). Every rule here matches on the de-noised view, so an
emoji planted inside the repeat does not hide it, and reports original offsets.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from typing import Any, Iterator, Mapping

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._automata import occurrences
from plugins._lazy import lazy_regex
from plugins._records import record
from plugins._shapes import Shapes, shape
from plugins._title_copies import run_in_copies, truncated_copies
from plugins._titles import LINE_BREAK
from plugins._titles import Candidate as _Candidate
from plugins._titles import ViewLines
from plugins._titles import full_stop as _full_stop
from plugins._titles import letters as _letters
from plugins._titles import near_copy as _near_copy
from plugins._titles import title_lines as _title_lines
from plugins._titles import view_lines as _view_lines
from plugins._titles import whole_line_fix as _whole_line_fix

# --- bylines -----------------------------------------------------------------------------------

# Chinese byline labels, longest first so "责任编辑" wins over "编辑".
_ZH_LABEL_WORDS = (
    "责任编辑", "本文作者", "文章作者", "文章来源", "本文来源", "稿件来源", "新闻来源", "信息来源", "内容来源",
    "特约记者", "通讯员", "作者", "来源", "出处", "记者", "编辑", "责编", "撰文", "撰稿", "供稿", "出品", "摄影",
    "转自", "编者",
)  # fmt: skip
# One-character labels ("文 | X", "图/X") only count with an explicit separator.
_ZH_SHORT_LABEL_WORDS = ("文", "图", "摄")
_EN_LABEL_WORDS = (
    "Written by", "Reporting by", "Posted by", "Story by", "Words by", "By", "BY", "Author:", "Source:", "Reporter:",
    "Editor:",
)  # fmt: skip
_ZH_LABELS = "|".join(_ZH_LABEL_WORDS)
_ZH_SHORT_LABELS = "|".join(_ZH_SHORT_LABEL_WORDS)
_EN_LABELS = "|".join(_EN_LABEL_WORDS)
_BYLINE_SEPARATORS = "|｜丨/:："
_ZH_SEP = r"\s*[|｜丨/:：]\s*"
_ZH_NAME_CHAR = r"[^\s|｜丨/:：,，。;；!！?？、()（）\[\]【】<>《》\"“”'‘’]"
_ZH_BYLINE = (
    rf"(?:(?:{_ZH_LABELS})(?:{_ZH_SEP}|[ \t\u3000]+)|(?:{_ZH_SHORT_LABELS}){_ZH_SEP})"
    rf"(?:(?!(?:{_ZH_LABELS}){_ZH_SEP}){_ZH_NAME_CHAR}){{1,24}}"
)
_EN_NAME_WORD = r"(?!(?:By|BY|and)\b)\p{Lu}[\p{L}'’.\-]*"
_EN_BYLINE = rf"(?:{_EN_LABELS})[ \t]*(?<=[ \t:])[ \t]*{_EN_NAME_WORD}(?:[ \t]+(?:and[ \t]+)?{_EN_NAME_WORD}){{0,3}}"

# Each pattern below is two shapes, Chinese and English, compiled apart: a label starts with a
# Han or a Latin letter, so only one of them can match where it stands, and a page mostly needs one.
_ZH_STARTS = (*_ZH_LABEL_WORDS, *_ZH_SHORT_LABEL_WORDS)

#: One byline token: a label and a short name after it.
_BYLINE = Shapes(
    shape(rf"(?V1)(?<![\p{{L}}\p{{N}}]){_ZH_BYLINE}", *_ZH_STARTS),
    shape(rf"(?V1)(?<![\p{{L}}\p{{N}}]){_EN_BYLINE}", *_EN_LABEL_WORDS),
)


def _repeated_byline(label: str) -> str:
    """A byline string (from ``label``) repeated right after itself, whatever its name looks like
    (names with spaces or a comma: "By Jane Doe, BBC News By Jane Doe, BBC News")."""
    return (
        rf"(?V1m)(?<![\p{{L}}\p{{N}}])(?P<byline>{label}[^\r\n。！？!?]{{1,40}}?)"
        rf"(?P<between>[ \t\u3000|｜丨·•,，;；]*)(?P=byline)"
        rf"(?=$|[\s\p{{P}}\p{{S}}])"
    )


_REPEATED_BYLINE = Shapes(
    shape(_repeated_byline(rf"(?:(?:{_ZH_LABELS})(?:{_ZH_SEP}|[ \t\u3000]+)|(?:{_ZH_SHORT_LABELS}){_ZH_SEP})"), *_ZH_STARTS),
    shape(_repeated_byline(rf"(?:{_EN_LABELS})\s+"), *_EN_LABEL_WORDS),
)

_KEY_JUNK = lazy_regex(r"[\s|｜丨/:：]+")
_DIGIT = lazy_regex(r"\p{N}")
_NOT_LETTERS = lazy_regex(r"\P{L}+")
_NOT_SPACE = lazy_regex(r"\S")
# Text allowed between a byline and its repeat on the same line: separators, dates, times.
_FILLER = lazy_regex(r"(?V1)[\s\p{P}\p{S}\d年月日时分秒]*")
_SYNONYMS = {
    "文章来源": "来源",
    "本文来源": "来源",
    "稿件来源": "来源",
    "新闻来源": "来源",
    "信息来源": "来源",
    "内容来源": "来源",
    "本文作者": "作者",
    "文章作者": "作者",
    "责编": "责任编辑",
}
_LABEL_SPLIT = lazy_regex(rf"(?V1)^(?:{_ZH_LABELS}|{_ZH_SHORT_LABELS}|{_EN_LABELS})")


@record
class _Token:
    start: int  # de-noised offsets
    end: int
    key: str
    text: str


def _key(byline: str) -> str:
    """A byline's identity: label synonyms folded, separators, spaces and case ignored."""
    label_match = _LABEL_SPLIT().match(byline)
    label = label_match.group() if label_match else ""
    label = _SYNONYMS.get(label, label).rstrip(":").lower()
    name = _KEY_JUNK().sub("", byline[len(label_match.group()) if label_match else 0 :])
    return f"{label}:{unicodedata.normalize('NFKC', name).casefold()}"


def _check_duplicated_byline(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    view = page.denoised
    text = view.text
    header_chars: int = options["header_line_chars"]
    reported: set[int] = set()

    def violation(start: int, end: int, what: str) -> Violation:
        o_start, o_end = view.span_to_original(start, end)
        fix_start, fix_end = _removal_span(page, o_start, o_end)
        return Violation(
            o_start,
            o_end,
            f"byline repeated: {what!r}",
            Fix.delete(fix_start, fix_end, message="remove the repeated byline"),
        )

    labels = _labels(text)
    if len(labels) < 2:
        return  # a repeat needs two labels
    lines = _view_lines(page)

    # 1. A byline immediately followed by itself, however its name is spelled.
    for match in _matches(_REPEATED_BYLINE, text, _repeated(lines, labels)):
        second = match.end("between")
        if second in reported:
            continue
        reported.add(second)
        yield violation(second, match.end(), match.group("byline"))

    # 2. The same byline token again on the same line (dates or separators between), or at the
    #    start of the next non-blank line after a short header line.
    starts = sorted({start for start, _ in labels})
    tokens = [_Token(m.start(), m.end(), _key(m.group()), m.group()) for m in _matches(_BYLINE, text, starts)]
    for previous, current in zip(tokens, tokens[1:]):
        if current.key != previous.key or current.start in reported:
            continue
        between = text[previous.end : current.start]
        segments = LINE_BREAK.split(between)
        if len(segments) == 1:
            if len(between) > 30 or not _FILLER().fullmatch(between):
                continue
        elif segments[-1].strip() or any(part.strip() for part in segments[1:-1]):
            continue  # the repeat does not start its line, or a non-blank line sits between
        elif len(lines.lines[bisect.bisect_right(lines.starts, previous.start) - 1].strip()) > header_chars:
            continue  # the first one closes a paragraph, not a header line
        reported.add(current.start)
        yield violation(current.start, current.end, current.text)


_ALL_LABELS = (*_ZH_LABEL_WORDS, *_ZH_SHORT_LABEL_WORDS, *_EN_LABEL_WORDS)
_LONGEST_LABEL = max(map(len, _ALL_LABELS))


@functools.cache
def _label_finder():  # -> ahocorasick_rs.AhoCorasick
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(list(_ALL_LABELS), implementation=ahocorasick_rs.Implementation.DFA)


def _labels(text: str) -> list[tuple[int, str]]:
    """``(start, label)`` of every label that may start a byline, overlaps included, in order.

    Bylines start with a label, and the label is followed by a space or a separator (or ends with
    a colon): one automaton pass finds them all, so the byline patterns are only tried there.
    """
    found = []
    for index, start, end in occurrences(_label_finder(), text, _LONGEST_LABEL):
        label = _ALL_LABELS[index]
        after = text[end : end + 1]
        if (after and after in _BYLINE_SEPARATORS) or after.isspace() or label.endswith(":"):
            found.append((start, label))
    return found


def _repeated(lines: ViewLines, labels: list[tuple[int, str]]) -> list[int]:
    """Starts of the labels that come again later on their line: where a byline may repeat."""
    starts = []
    later: dict[str, int] = {}
    for start, label in reversed(labels):
        again = later.get(label)
        later[label] = start
        if again is not None and bisect.bisect_right(lines.starts, start) == bisect.bisect_right(lines.starts, again):
            starts.append(start)
    return sorted(set(starts))


def _matches(shapes: Shapes, text: str, starts: list[int]) -> Iterator[Any]:
    """What ``finditer`` of the alternation of ``shapes`` finds, when every match starts at one
    of ``starts`` (sorted)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        found = shapes.match_at(text, start)
        if found:
            end = found[1].end()
            yield found[1]


def _removal_span(page: Page, start: int, end: int) -> tuple[int, int]:
    """The repeat, with the whole line when nothing else is on it."""
    index = page.line_index(start)
    line_start, line_end = page.line_span(index)
    alone = not _NOT_SPACE().search(page.text, line_start, start) and not _NOT_SPACE().search(page.text, end, line_end)
    if alone and len(page.line_starts) > 1:
        return page.line_span_with_break(index)
    while start > line_start and page.text[start - 1] in " \t\u3000":
        start -= 1
    return start, end


DUPLICATED_BYLINE = Rule(
    code="BYL001",
    name="duplicated-byline",
    summary="A byline, author or source line repeated on the same or the next line",
    explanation=(
        "Scrapers often pick up a byline twice: once from the page header and once from the article "
        "body. The repeat is noise in the corpus and makes bylines look like article text. A byline "
        "counts as repeated when the same label and name come again right after it (only spaces, "
        "separators or a date between), or at the start of the next line after a short header line. "
        "Labels are folded (文章来源 and 来源 are the same label) and spaces and case are ignored. "
        "A single byline, and the same reporter credited far apart in a long article, are fine."
    ),
    bad_example="文 | 财华社 文 | 财华社 9月22日，英伟达宣布……\nBy Jane Doe\nBy Jane Doe",
    good_example="文 | 财华社 9月22日，英伟达宣布……\nBy Jane Doe",
    check=_check_duplicated_byline,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "header_line_chars",
            80,
            "A byline repeated at the start of the next line counts only when the first one sits on a "
            "header line at most this long (a long paragraph that ends with a credit is not a header).",
            int,
        ),
    ),
)

# --- titles --------------------------------------------------------------------------------------

_SEPARATORS = ":：|｜丨_-–·•»>/\\~～"  # not the em dash: "——" joins a title to its own subtitle
_CLOSING = "】]」》"  # "[栏目]标题": a bracketed prefix; a bracket after a title is its own parenthesis
#: A short label and separator at the start of a line ("原标题：", "产品名称： ", "[栏目]").
_LABELLED = lazy_regex(r"(?V1)^(.{1,24}?[:：|｜丨_»>】\]」》])\s*(?=\S)")
#: Text around a title that belongs to the article: a kicker ending in a verb of saying, a
#: wire dateline ("新华社北京10月8日电 题："), a subtitle joined with a dash.
#: A field whose value happens to equal the title ("所属分类：" + the title on a category page,
#: "赠品1：" + a product name) is not the title printed again.
_NOT_SITE_TEXT = lazy_regex(
    r"(?V1)(?:强调|表示|指出|提出|要求|宣布|发布|声称)\s*[:：]?$|\d+日电|^题[:：]|——"
    r"|(?:分类|栏目|标签|关键词|关键字|赠品\d*|Tags?|Category)\s*[:：]?$",
)
_OPENING = "《【「[“"
#: What a product page's template sticks to the title without a separator.
_TEMPLATE_SUFFIX = lazy_regex(r"(?V1)的?(?:详细资料|详细信息|详细介绍|详细参数|产品详情|详情介绍)")
#: A post's date and metadata around the title: "2016年1月4日20:38:09<title>已关闭评论 861 浏览".
_DATE_ONLY = lazy_regex(r"(?V1)[\d\s年月日时分秒:：/.\-]*")
_POST_METADATA = lazy_regex(
    r"(?V1)\s*(?:已关闭评论|评论已关闭|暂无评论|\d+\s*(?:条评论|评论|浏览|阅读|次)|(?:发布|发表|作者|来源|浏览|阅读|点击)\s*[:：])"
)
#: A near-copy only counts after a label and colon ("原标题：", "yabo手机版登录:"), not a bracket.
_FUZZY_SEPARATOR = ":：|｜丨"
#: Such a separator where ``_LABELLED`` can end a label: a line without one holds no labelled copy.
_FUZZY_LABEL = re.compile(f"[{re.escape(_FUZZY_SEPARATOR)}]")


def _affix(longer: str, title: str) -> tuple[str, str] | None:
    """``(prefix, suffix)`` when ``longer`` is the title with text stuck to one side."""
    if longer.endswith(title):
        return longer[: len(longer) - len(title)], ""
    if longer.startswith(title):
        return "", longer[len(title) :]
    return None


def _strongly_separated(prefix: str, suffix: str, title: str) -> bool:
    """The site part is set off from the title by a separator or a bracket (not just a space).

    A space counts before a title that opens with a bracket (``关键词 《书名》阅读答案``), and a
    product template's suffix needs none (``<title>的详细资料``).
    """
    if prefix:
        tail = prefix.rstrip()
        if tail != prefix and title[:1] in _OPENING:
            return True
        return bool(tail) and (tail[-1] in _SEPARATORS or tail[-1] in _CLOSING)
    if _TEMPLATE_SUFFIX().fullmatch(suffix.strip()):
        return True
    head = suffix.lstrip()
    return bool(head) and head[0] in _SEPARATORS


def _in_metadata_line(longer: str, title: str) -> str | None:
    """The metadata around the title when ``longer`` is a date, the title and a post's metadata.

    Blog themes print ``<date><title>已关闭评论 861 浏览`` under the heading.
    """
    if _letters(title) < 8:
        return None
    at = longer.find(title)
    if at < 0:
        return None
    prefix, suffix = longer[:at], longer[at + len(title) :]
    if not (prefix or suffix) or not _DATE_ONLY().fullmatch(prefix) or not _POST_METADATA().match(suffix):
        return None
    return (prefix + " … " + suffix).strip()


def _is_site_text(extra: str, max_affix: int) -> bool:
    """Short, has letters, and is not the article's own kicker, dateline or subtitle."""
    if not extra or len(extra) > max_affix or _letters(extra) < 2:
        return False
    if len(_DIGIT().findall(extra)) > _letters(extra):
        return False  # figures in a table row, not a site name
    return not _NOT_SITE_TEXT().search(extra)


def _fuzzy_after_separator(longer: str, title: str, ratio: float) -> str | None:
    """The prefix when ``longer`` is ``prefix + separator + near-copy of the title``.

    Lines made from one template ("name：result") look alike after the separator, so a title
    that itself starts with a short label is never matched this way.
    """
    if _LABELLED().match(title):
        return None
    match = _LABELLED().match(longer)
    if not match or match.group(1)[-1] not in _FUZZY_SEPARATOR:
        return None
    rest = longer[match.end() :].strip()
    rest_letters, title_letters = _NOT_LETTERS().sub("", rest), _NOT_LETTERS().sub("", title)
    if len(rest_letters) < 6 or abs(len(rest_letters) - len(title_letters)) > max(2, len(title_letters) // 8):
        return None
    from difflib import SequenceMatcher  # rarely needed: not loaded with the plugin

    if SequenceMatcher(None, rest_letters, title_letters, autojunk=False).ratio() >= ratio:
        return match.group(1)
    return None


def _pairs(lines: list[_Candidate], window: int) -> Iterator[tuple[_Candidate, _Candidate]]:
    """``(title, other)``: each line with the lines up to ``window`` before it (non-blank lines
    only; a long paragraph is never a title, and it separates the lines around it), the shorter
    one as the title."""
    for position, line in enumerate(lines):
        if not line.text:
            continue
        for earlier in lines[max(0, position - window) : position]:
            if earlier.text and len(earlier.text) != len(line.text):
                yield (earlier, line) if len(earlier.text) < len(line.text) else (line, earlier)


def _check_prefixed_title(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    min_chars: int = options["min_title_chars"]
    max_affix: int = options["max_affix_chars"]
    lines = _title_lines(page, 200)
    flagged: set[int] = set()
    for title, other in _pairs(lines, options["window"]):
        if len(title.text) > 120 or title.ends_like_sentence or other.index in flagged or title.index in flagged:
            continue
        if title.text not in other.text and not _FUZZY_LABEL.search(other.text, 1, 25):
            continue  # neither holds the title nor has a label that a near-copy could follow
        if title.letters < min_chars:
            continue
        found = _match_title(other.text, title.text, max_affix, options["fuzzy_ratio"])
        if found is None:
            continue
        flagged.add(other.index)
        start, end = page.line_span(other.index)
        yield Violation(
            start,
            end,
            f"title repeated with site text {found!r}",
            _whole_line_fix(page, other.index, "remove the repeated title line"),
        )


def _match_title(longer: str, title: str, max_affix: int, ratio: float) -> str | None:
    """The site text stuck to the title in ``longer``, or ``None``.

    Accepted: short site text set off by a separator (``最新热点:`` + title, title +
    ``_网站名``) or a bracketed prefix (``[栏目]`` + title); a label and separator in front of a
    near-copy (``原标题：`` + a title that lost a character).
    """
    if _full_stop(longer) and not _full_stop(title):
        return None  # a lead sentence that restates the title, not a copy of it
    parts = _affix(longer, title)
    if parts is not None:
        prefix, suffix = parts
        extra = (prefix or suffix).strip()
        if not _is_site_text(extra, max_affix):
            return None
        return extra if _strongly_separated(prefix, suffix, title) else None
    metadata = _in_metadata_line(longer, title)
    if metadata is not None:
        return metadata
    if _letters(title) >= 6:
        prefix = _fuzzy_after_separator(longer, title, ratio)
        if prefix and _is_site_text(prefix.strip(), max_affix):
            return prefix.strip()
    return None


PREFIXED_TITLE = Rule(
    code="BYL002",
    name="site-prefixed-title",
    summary="The title printed again with the site's name or a label stuck to it",
    explanation=(
        "Content farms print the title once as the heading and again with their own name in front "
        "(吃瓜电子官网最新热点:千亿绑定OpenAI,英伟达图什么?) or behind it (the page's <title>, "
        "'Title - Site'). The copy with the site text is the repeat; the heading stays. It is "
        "found when a line near another one is that line plus a short affix set off by a separator "
        "(or a bracketed prefix), or a label and separator in front of a near-copy of the title."
    ),
    bad_example="千亿绑定OpenAI,英伟达图什么?\n吃瓜电子官网最新热点:千亿绑定OpenAI,英伟达图什么?",
    good_example="千亿绑定OpenAI,英伟达图什么?",
    check=_check_prefixed_title,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min_title_chars", 6, "Shortest title (letters and digits) worth comparing.", int),
        RuleOption("max_affix_chars", 40, "Longest site prefix or suffix stuck to the title.", int),
        RuleOption("window", 3, "How many non-blank lines apart the title and its copy may be.", int),
        RuleOption(
            "fuzzy_ratio",
            0.9,
            "Similarity (0-1) a copy after a separator needs to count as the title.",
            float,
        ),
    ),
)


def _check_repeated_title(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    window: int = options["window"]
    min_chars: int = options["min_title_chars"]
    head_lines: int = options["head_lines"]
    lines = _title_lines(page, options["max_title_chars"])
    found: list[Violation] = []
    flagged: set[int] = set()
    counts = Counter(line.text for line in lines if line.text)
    # A heading and its copy within ``window`` lines: at the top of the page the copy may have a
    # word changed; further down (the items of a listing) only an exact copy counts.
    for position, head in enumerate(lines):
        text = head.text
        if not text or head.ends_like_sentence:
            continue
        for line in lines[position + 1 : position + 1 + window]:
            if line.index in flagged:
                continue
            if line.text == text:
                what = "title repeated"
            elif position < head_lines and _near_copy(line, head, options["near_ratio"]):
                what = "title repeated (near copy)"
            else:
                continue
            # (what makes the heading itself count is asked only now: most lines have no copy)
            if head.letters < min_chars:
                break
            if _BYLINE.match_at(text, 0):
                break  # a repeated byline line is BYL001's
            if position > 0 and counts[text] > 2:
                continue  # a line said again and again down the page is a label, not a title
            if position >= head_lines and head.letters < options["min_listing_chars"]:
                continue  # lower down, a short line said twice is a name or a label
            flagged.add(line.index)
            found.append(_line_violation(page, line.index, f"{what}: {line.text!r}"))
    for line, heading in truncated_copies(lines, lines[:head_lines], options["min_cut_chars"]):
        if line.index not in flagged:
            flagged.add(line.index)
            found.append(_line_violation(page, line.index, f"title repeated (cut short): {line.text!r}"))
    view = page.denoised
    copies = [copy for copy in run_in_copies(_view_lines(page), lines, window, options["min_run_in_chars"]) if copy.index not in flagged]
    if len(copies) < 2:
        copies = []  # one lead that begins with its headline is a news story; a listing repeats the shape
    for copy in copies:
        start, end = view.span_to_original(copy.start, copy.end)
        message = f"title repeated at the head of the text: {copy.heading!r}"
        found.append(Violation(start, end, message, Fix.delete(start, end, message="remove the repeated title")))
    yield from sorted(found, key=lambda violation: violation.start)


def _line_violation(page: Page, index: int, message: str) -> Violation:
    start, end = page.line_span(index)
    return Violation(start, end, message, _whole_line_fix(page, index, "remove the repeated title line"))


REPEATED_TITLE = Rule(
    code="BYL003",
    name="repeated-title",
    summary="A heading printed twice: again on a line nearby, cut short, or run into the text",
    explanation=(
        "Scrapers take the heading from the page template and again from the article, so the "
        "same short line appears twice within a couple of lines; the second copy is the repeat. "
        "At the top of the page the copy may have a word changed; in a listing each item's title "
        "may come again under its date or category line. Two partial copies count too: the "
        "page's title cut short with dots at the end of a product page (标题..), and an item's "
        "title run straight into its teaser with nothing between (标题正文第一句……). Only "
        "heading-like lines count: short, not ending like a sentence. A writer who restates the "
        "title with punctuation after it, and repeated paragraphs, are not this rule's."
    ),
    bad_example="如何快速收回成本，游乐场投资诀窍\n如何快速收回成本，游乐场投资诀窍\n暑假快结束了……",
    good_example="如何快速收回成本，游乐场投资诀窍\n暑假快结束了……",
    check=_check_repeated_title,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min_title_chars", 4, "Shortest heading (in letters) that counts.", int),
        RuleOption("max_title_chars", 80, "Longest line that counts as a heading.", int),
        RuleOption("window", 3, "How many non-blank lines apart the two copies may be.", int),
        RuleOption(
            "head_lines",
            3,
            "The page's heading is one of its first this many non-blank lines: a copy of it may have a "
            "word changed or be cut short with dots; lower down only exact copies count.",
            int,
        ),
        RuleOption("min_listing_chars", 7, "Shortest heading (in letters) whose copy counts below the page's first lines.", int),
        RuleOption("min_cut_chars", 6, "Shortest copy cut short with dots (in letters) that counts.", int),
        RuleOption(
            "min_run_in_chars",
            14,
            "Shortest heading (in letters) that counts when it is copied at the head of the text below it.",
            int,
        ),
        RuleOption(
            "near_ratio",
            0.9,
            "Similarity (0-1, on letters) at which a long heading counts as printed again with a word changed.",
            float,
        ),
    ),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("BYL", "duplicated bylines and headers", "A byline, source line or title repeated.", "#1f77b4")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [DUPLICATED_BYLINE, PREFIXED_TITLE, REPEATED_TITLE]
