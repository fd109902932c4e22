"""Navigation before the article: headline lists, menus and link blocks above its first prose.

Sites put their menus and lists of other headlines at the top of the page, and scrapers keep
them. Such a block is a run of short lines without sentences between the title and the
article's first paragraph. The title (the page's first line), a byline or a date line and a
short table of contents whose entries recur below as the article's own section headings are
the article's and left alone.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import Sequence

from plugins._digits import may_hold_digit
from plugins._lazy import lazy_regex
from plugins._line_shapes import Line, Shape, case_fold, introduces, opens_with_label
from plugins._records import record
from plugins._text_stats import containment

__all__ = ["NavBlock", "navigation_blocks"]

_RUN = (Shape.ITEM, Shape.NUMBER)
# A byline or a date: the article's own header lines, whatever their shape.
_HEADER_LINE = lazy_regex(
    r"(?i)^(?:by\s|文\s*[|｜/]|作者|记者|来源|发布|更新|时间|日期|published|updated|posted|written)"
    r"|\d{4}\s*[-/.年]\s*\d{1,2}|\b\d{1,2}:\d{2}\b|\b\d{3,4}\s*(?:GMT|UTC|BST|ET|PT)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\s+\d{1,2}\b"
)
# What a _HEADER_LINE match holds: one of its opening words (in the fold of case_fold), "day" (in a
# weekday) or a digit. A line with none needs no _HEADER_LINE (2-3 ms to compile).
_HEADER_OPENINGS = ("by", "文", "作者", "记者", "来源", "发布", "更新", "时间", "日期", "published", "updated", "posted", "written")
_HEADER_REACH = max(map(len, _HEADER_OPENINGS))
_WEEKDAY = "day"
# A field of a form or a product sheet (``主品：粉色``): joins a run, is no entry.
_opens_with_field = opens_with_label(10, r"\s*\S")
_MARKS = lazy_regex(r"^[\W\d_]+|[\W_]+$")
_MIN_REPEAT = 6
_MIN_TITLE_WORDS = 4.0  # a shorter line is a link or a site's name, not a headline
_DATED_HEADLINE = 8  # words (the date's included) from which a dated line is a headline
_TABLE_SHARE = 5  # more than one line in this many a bare number: a table
# A section number (``1 公告基本信息``, ``3.1 适用范围``), not a count or a date (``10日…``).
_SECTION = lazy_regex(r"^\d{1,2}(?:\.\d{1,2})*\s*(?![\d年月日号时点分秒个岁万亿元%.])")
_KEY = 2  # characters of an entry's start and end compared with the other entries'
_COUNTED = lazy_regex(r"\d\W{0,2}\p{L}{0,2}$")  # ``… 358人气``, ``… 968赞``, ``… (12)``
_TITLE_PART = 0.6  # an entry with this share of its terms in the title is part of the title
_TOC_SHARE = 0.5
_TITLE_SHARE = 0.5  # a title shares at least this share of its terms with its article
_STRAY_SHARE = 0.15  # another page's headline at most this share (a bigram or two by chance)  # a block whose entries recur below at least this often is a table of contents


@record
class NavBlock:
    """Positions of the block's first and last measured lines, and its entry count."""

    first: int
    last: int
    entries: int


def navigation_blocks(lines: Sequence[Line], start: int, min_lines: int, min_items: int, min_article: int) -> list[NavBlock]:
    """Runs of short link lines between the title (the first line that is not chrome) and ``lines[start]``.

    Only above an article of at least ``min_article`` prose terms: short lines above little
    prose are the page's content (a product sheet, a listing), not a menu above it.
    """
    if sum(len(line.terms) for line in lines[start:] if line.shape is Shape.PROSE) < min_article:
        return []
    blocks: list[NavBlock] = []
    run: list[int] = []
    title = next((number for number, line in enumerate(lines[:start]) if line.shape is not Shape.NEUTRAL), start)
    if _stray_headline(lines, title, start):
        blocks.append(NavBlock(title, title, 1))
        title += 1
    links = _leading_links(lines, title, start)
    if links:
        blocks.append(NavBlock(title, title + links - 1, links))
        title += links
    for number in range(title + 1, start + 1):
        line = lines[number] if number < start and not _repeated(lines, number) else None
        if line is not None and line.shape in _RUN and (_field(line) or not _header_line(line)):
            run.append(number)  # a field with a value (``…：615赞``) joins a run but is no entry
            continue
        for part in _without_fields(lines, run):
            block = _judge(lines, part, start, min_lines, min_items)
            if block is not None:
                blocks.append(_with_first_link(lines, block, title))
        run = []
    return blocks


def _with_first_link(lines: Sequence[Line], block: NavBlock, title: int) -> NavBlock:
    """The block with the page's first line when that line sits right above it and is too short
    for a title (``iOS AirDroid`` above the help centre's other pages) or ends with a count as
    the block's lines do: the menu's first link."""
    first = lines[title]
    if block.first != title + 1 or first.shape is not Shape.ITEM or _header_line(first):
        return block
    if first.words >= _MIN_TITLE_WORDS and not _same_count(first, lines[block.first : block.last + 1]):
        return block
    return NavBlock(title, block.last, block.entries + 1)


def _same_count(first: Line, entries: Sequence[Line]) -> bool:
    """The first line ends with a count in the entries' words (``… 358人气``): their first entry."""
    unit = _count_unit(first)
    return bool(unit) and sum(_count_unit(line) == unit for line in entries) * 2 >= len(entries)


def _count_unit(line: Line) -> str:
    found = _COUNTED().search(line.text)
    return found.group().lstrip("0123456789").strip() if found else ""


def _stray_headline(lines: Sequence[Line], title: int, start: int) -> bool:
    """Another page's headline above the title: two headlines open the page above the article
    (and its byline), the first sharing no words with the article, the second (its title) many.
    A title always talks about its text."""
    if title + 1 >= start or not all(_title_like(line) for line in lines[title : title + 2]):
        return False
    if not all(line.shape is Shape.NEUTRAL or _header_line(line) or _field(line) for line in lines[title + 2 : start]):
        return False  # more short lines under the two: a menu, judged as a whole
    stray, own = set(lines[title].terms), set(lines[title + 1].terms)
    if not stray or not own:
        return False
    shared = (stray | own).intersection(chain.from_iterable(line.terms for line in lines[start:] if line.shape is Shape.PROSE))
    return len(own & shared) >= _TITLE_SHARE * len(own) and len(stray & shared) <= _STRAY_SHARE * len(stray)


def _title_like(line: Line) -> bool:
    return line.shape is Shape.ITEM and line.words >= _MIN_TITLE_WORDS and not (line.marked or _field(line) or _header_line(line))


def _leading_links(lines: Sequence[Line], title: int, start: int) -> int:
    """How many different link-length lines open the page above a headline (a listing's or a
    product sheet's first entry): a menu where a title would be. Zero when the page opens
    otherwise: a title above its text, a byline, a title and its subtitle above a paragraph."""
    end = title
    while end < start and lines[end].shape is Shape.ITEM and lines[end].words < _MIN_TITLE_WORDS and not _header_line(lines[end]):
        end += 1
    if end - title < 2 or len({line.text for line in lines[title:end]}) < end - title or end >= start:
        return 0
    first = lines[end]
    if first.shape is not Shape.ITEM or first.words < _MIN_TITLE_WORDS or first.marked or _field(first) or _header_line(first):
        return 0
    return end - title


def _without_fields(lines: Sequence[Line], run: list[int]) -> list[list[int]]:
    """The run split at two or more fields in a row (a data sheet) and trimmed of fields at its ends."""
    parts: list[list[int]] = [[]]
    streak = 0
    for number in run:
        streak = streak + 1 if _field(lines[number]) else 0
        if streak == 2:
            parts[-1] = parts[-1][:-1]
            parts.append([])
        elif streak < 2:
            parts[-1].append(number)
    trimmed = []
    for part in parts:
        while part and _field(lines[part[-1]]):
            part.pop()
        while part and _field(lines[part[0]]):
            part.pop(0)
        if part:
            trimmed.append(part)
    return trimmed


def _header_line(line: Line) -> bool:
    """A byline or a date line; a headline that ends with its date is an entry."""
    text = line.text
    may_be = case_fold(text[:_HEADER_REACH]).startswith(_HEADER_OPENINGS) or _WEEKDAY in case_fold(text) or may_hold_digit(text)
    return may_be and bool(_HEADER_LINE().search(text)) and not (line.dated and line.words >= _DATED_HEADLINE)


def _repeated(lines: Sequence[Line], number: int) -> bool:
    """The article's title, repeated on the next line (whole or in part): the article begins."""
    one, other = lines[number].text, lines[number + 1].text
    return min(len(one), len(other)) >= _MIN_REPEAT and (one in other or other in one)


def _field(line: Line) -> bool:
    return line.data or _opens_with_field(line.text)


def _judge(lines: Sequence[Line], run: list[int], start: int, min_lines: int, min_items: int) -> NavBlock | None:
    if introduces(lines[run[0] - 1]):
        return None  # announced by the line above ("Playing colours:"): the article's own list
    title = Counter(lines[0].terms)
    entries = [
        lines[number] for number in run
        if lines[number].shape is Shape.ITEM and not lines[number].marked and not _SECTION().match(lines[number].text)
        and not _field(lines[number])
        and containment(lines[number].terms, title) < _TITLE_PART
    ]  # a title broken over several lines is no list of other headlines
    items = sum(line.items for line in entries)
    if len({line.text for line in entries}) < min_lines and items < min_items:
        return None  # a menu links to different pages; a title and its copy are no menu
    if sum(lines[number].shape is Shape.NUMBER for number in run) * _TABLE_SHARE > len(run):
        return None  # a table, one cell a line: years, scores
    if len(entries) >= min_lines and not _templated(entries):
        return None  # short lines of the article's own (verse, a slogan, text broken for phones)
    if _table_of_contents(entries, lines[start:]):
        return None
    return NavBlock(run[0], run[-1], len(entries) if len(entries) >= min_lines else items)


def _templated(entries: Sequence[Line]) -> bool:
    """True when most entries follow a template: a count or date at the end, or a start or an
    end shared with another entry (a brand, "如何…", "…电子地图"), as the links of a menu do."""
    keys: Counter = Counter()
    texts = [_MARKS().sub("", line.text) for line in entries]
    for text in set(texts):  # a line's copy shares no template with it
        keys.update({("start", text[:_KEY]), ("end", text[-_KEY:])})
    fitting = sum(
        1 for line, text in zip(entries, texts)
        if line.dated or _COUNTED().search(line.text) or keys[("start", text[:_KEY])] > 1 or keys[("end", text[-_KEY:])] > 1
    )
    return fitting * 2 >= len(entries)


def _table_of_contents(entries: Sequence[Line], below: Sequence[Line]) -> bool:
    """True when most entries recur below as lines of their own: the article's section headings."""
    headings = {_MARKS().sub("", line.text).casefold() for line in below if line.shape is not Shape.PROSE}
    headings.discard("")
    found = sum(1 for line in entries if _MARKS().sub("", line.text).casefold() in headings)
    return found >= _TOC_SHARE * len(entries)
