"""Keyword-stuffed lines: short phrases with no sentence, written for search engines.

A stuffed line is many short phrases separated by spaces, commas, ``、`` or ``|``, with no
sentence punctuation. Honest lines look like that too (the districts of a city, the guests of
a meeting, three tags), so a line also needs one thing only stuffing has:

* trade words in several phrases (a line of casino site names);
* phrases that share their words: one keyword varied (``江州折叠床批发价格 临川折叠床批发价格 …``)
  or a few keywords recombined; the category word of an honest list (``大学``, ``有限公司``,
  ``区``) does not count;
* phrases all cut to the same length (link texts truncated by the template);
* a keyword field of many fragments with single characters among them (a title cut into
  words by a segmenter, often with a brand slipped in).

:func:`may_be_stuffing` turns away sentences and headlines with ``str`` calls, so the page's
other lines cost little.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Callable, Sequence

import regex

from plugins._lazy import lazy_re, lazy_regex
from plugins._records import record

__all__ = ["Stuffing", "stuffing", "may_be_stuffing"]

_LABEL = lazy_regex(r"^(?P<label>[^\s:：,，、|｜]{1,10}?)[ \t\u3000]*[:：][ \t\u3000]*")
_ITEM = lazy_regex(r"[^\s,，、;；|｜丨/]+")
_SEPARATOR = lazy_regex(r"[\s,，、;；|｜丨/]+")
_SPACED_ONLY = lazy_regex(r"^[^,，、;；|｜丨/]*$")
# Sentence punctuation, clause punctuation and quotation: a writer's line, not a keyword list.
_SENTENCE = lazy_regex(r"[。！？!?；;]|……|“[^”]+”|「[^」]+」|\"[^\"]+\"|(?<=\p{Ll}{2})\.(?:\s|$)")
_COLON = lazy_regex(r"[:：]")
_TAG_LABEL = lazy_regex(r"关键词|关键字|标签|tags?$|keywords?$|热门搜索|相关搜索|热搜|热词|热门城市", regex.IGNORECASE)
_HAN = lazy_regex(r"\p{Han}")
_LETTER = lazy_regex(r"[\p{L}\p{N}]")
_CHROME = lazy_regex(r"ICP|©|版权所有|上一页|下一页")
_HAN_RUN = lazy_regex(r"\p{Han}+")
_WORD = lazy_regex(r"[\p{L}\p{N}]+")
#: The category word at the end of an honest list's items: what the items are, not a keyword.
_HEADS = lazy_regex(
    r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|大学|学院|学校|中学|小学|幼儿园|医院|中心|协会|委员会|"
    r"政府|银行|研究院|研究所|工作室|加工厂|厂|店|部|馆|局|处|省|市|县|区|镇|乡|村|街道|路|站|队|班|组)$"
)


@functools.cache
def _separators(count: int) -> "re.Pattern[str]":
    """Matches a line with at least ``count`` separators (``re``'s spaces include a few more)."""
    return re.compile(rf"(?:[^\s,，、;；|｜丨/]*[\s,，、;；|｜丨/]){{{count}}}")


_SENTENCE_MARK = lazy_re(r"[。！？!?；;]")
_ASCII_LIST_MARK = lazy_re(r"[,;|/]")


@functools.cache
def may_be_stuffing(min_items: int = 4) -> Callable[[str], bool]:
    """A quick test that :func:`stuffing` would reject a line (a sentence, a headline of a few
    words): run on every line of a page, so it uses ``str.find`` and one-class patterns only."""
    separators = max(min_items, 2) - 1

    def may_be(line: str) -> bool:
        if "。" in line:
            return False  # the usual Chinese sentence, told by a memchr
        if line.count(":") + line.count("：") > 1:
            return False  # a colon after the label: "label: value" pairs
        if line.isascii() and not _ASCII_LIST_MARK().search(line):
            return False  # words of an English line, not phrases (no Han, only spaces between)
        # the separators' pattern (~1 ms to compile) only for a line that got this far
        return not _latin_full_stop(line) and not _SENTENCE_MARK().search(line) and _separators(separators).match(line) is not None

    return may_be


@record
class Stuffing:
    """A stuffed line: where its phrases start and end (line offsets) and why it is stuffing."""

    start: int
    end: int
    items: int
    reason: str


@record
class _Item:
    start: int
    end: int
    text: str


def stuffing(
    line: str,
    hit_spans: Callable[[], Sequence[tuple[int, int]]] = tuple,
    min_items: int = 4,
    max_item_chars: int = 16,
) -> Stuffing | None:
    """Whether ``line`` is keyword stuffing; ``hit_spans()`` gives the lexicon words found in it
    (asked for only when the line has the shape of a keyword list, since finding them costs).

    The line's label (``热门城市：``, ``本文关键词：``) is not one of the phrases.
    """
    if not may_be_stuffing(min_items)(line):
        return None
    label = _LABEL().match(line)
    offset = label.end() if label else 0
    if _COLON().search(line, offset):
        return None  # "label: value" pairs or a clause introducing a list
    if not _HAN().search(line) and _SPACED_ONLY().match(line, offset):
        return None  # words of an English line, not phrases
    if _CHROME().search(line):
        return None  # a footer of links and a licence number is the site's chrome
    if _SENTENCE().search(line):
        return None  # a writer's line (the slowest test, so the last)
    pieces = [_Item(m.start(), m.end(), m.group()) for m in _ITEM().finditer(line, offset)]
    items = [piece for piece in pieces if _LETTER().search(piece.text)]  # "..." is not a phrase
    if len(items) < min_items or len(items) < 2:
        return None
    if any(2 * len(item.text) > max_item_chars and _size(item.text) > max_item_chars for item in items):
        return None
    span = (items[0].start, items[-1].end)
    count = len(items)
    spans = hit_spans()
    traded = sum(1 for item in items if any(s < item.end and item.start < e for s, e in spans))
    if traded >= 2 and traded / count >= 0.4:
        return Stuffing(*span, count, f"{count} short phrases, {traded} with trade words, no sentence")
    separators = _SEPARATOR().findall(line, items[0].end, items[-1].start)
    if sum(1 for sep in separators if "、" in sep) * 2 >= len(separators):
        return None  # an enumeration written with 、 is a sentence's list, not stuffing
    shared = _shared_keyword(items)
    if shared:
        return Stuffing(*span, count, f"{count} short phrases repeating {shared!r}, no sentence")
    lengths = Counter(len(item.text) for item in items)
    length, same = lengths.most_common(1)[0]
    if count >= 8 and length >= 4 and same / count >= 0.7:
        return Stuffing(*span, count, f"{count} short phrases cut to {length} characters, no sentence")
    singles = sum(1 for piece in pieces if len(piece.text) == 1)  # a lone quotation mark too
    if label and _TAG_LABEL().search(label.group("label")) and len(pieces) >= 8 and singles >= 2:
        return Stuffing(pieces[0].start, pieces[-1].end, len(pieces), f"keyword field of {len(pieces)} fragments, {singles} of one character")
    return None


def _latin_full_stop(line: str) -> bool:
    """A sentence end ``_SENTENCE`` would find, found by ``str.find``: a lower-case Latin word and
    a full stop, then a space or the end. English prose lines end here, before the slower pattern runs."""
    if line.endswith(".") and len(line) >= 3 and "a" <= line[-2] <= "z" and "a" <= line[-3] <= "z":
        return True
    at = line.find(". ", 2)
    while at >= 0:
        if "a" <= line[at - 1] <= "z" and "a" <= line[at - 2] <= "z":
            return True
        at = line.find(". ", at + 2)
    return False


def _size(text: str) -> int:
    """Length of a phrase: Han characters count one each, a Latin word counts two (so never
    more than twice its characters)."""
    return sum(len(run) for run in _HAN_RUN().findall(text)) + 2 * len(_WORD().findall(_HAN_RUN().sub(" ", text)))


def _shared_keyword(items: list[_Item]) -> str | None:
    """The keyword that most phrases share, when at least 60% of them share some keyword."""
    if len(items) < 4:
        return None
    stems = [_HEADS().sub("", item.text) or item.text for item in items]
    grams = [_han_bigrams(stem) for stem in stems]
    counts: Counter = Counter(gram for item_grams in grams for gram in item_grams)
    shared = {gram for gram, number in counts.items() if number >= 3}
    if len(shared) < 2:
        return None
    covered = sum(1 for item_grams in grams if item_grams & shared)
    if covered / len(items) < 0.6:
        return None
    best = max(shared, key=lambda gram: (counts[gram], gram))
    keyword = _widen(best, [stem for stem, item_grams in zip(stems, grams) if best in item_grams])
    if len(keyword) < (4 if len(items) < 8 else 2):
        return None  # a few phrases must share a whole keyword, not just a word
    return keyword


def _han_bigrams(text: str) -> set[str]:
    """Every two Han characters in a row: the bigrams inside each run of Han characters."""
    return {run[i : i + 2] for run in _HAN_RUN().findall(text) for i in range(len(run) - 1)}


def _widen(gram: str, holders: list[str]) -> str:
    """Grow the bigram while every phrase that holds it holds the longer string too."""
    keyword = gram
    first = holders[0]
    while True:
        at = first.find(keyword)
        for candidate in (first[at - 1 : at + len(keyword)] if at > 0 else "", first[at : at + len(keyword) + 1]):
            if len(candidate) > len(keyword) and all(candidate in other for other in holders):
                keyword = candidate
                break
        else:
            return keyword
