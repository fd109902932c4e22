"""SEO titles: one search keyword stuck to headlines that have nothing to do with it.

Generated listing pages build each item's title from a search keyword and a real headline:
``「<keyword>」<headline>``, ``[<keyword>]<headline>``, ``<keyword>_<headline>``,
``<keyword> <headline>``, with a teaser line such as ``导读:<keyword>-<word>`` under it. One such
line looks like a headline with a section name in front; what marks the generator is the same
keyword stuck to *different* material on two or more headline lines. Once a keyword is known,
every line that holds it is reported, sentences it was spliced into too.

A speaker's label (``记者：``), a brand before its products (``Brand Product``) and a series tag
(``【新春走基层】…``) are stuck to different lines as well, but always in one template; a generator
reuses its keyword in two templates (``「<keyword>」…`` and ``导读:<keyword>-…``), one of them with
a mark (brackets, ``_``, ``-``, ``|``). A section name (``[视频]``) is too short to count, and the
same headline printed twice after the keyword (once with a view count) is not two headlines.
"""

from __future__ import annotations

from typing import Callable

import ahocorasick_rs

from plugins._automata import holds_any, occurrences
from plugins._lazy import lazy_re, lazy_regex
from plugins._records import record

__all__ = ["SeoKeyword", "seo_keywords"]

_BRACKETED = lazy_regex(r"^[「\[【『](?P<key>[^」\]】』]{2,30})[」\]】』](?P<rest>.*)$")
_JOINED = lazy_regex(r"^(?P<key>[^_\-－|｜:：\s「」\[\]【】『』]{2,30}?)(?P<joiner>[_\-－|｜:：]|[ \t\u3000]+)(?P<rest>.*)$")
_LABEL = lazy_regex(r"^\p{Han}{1,3}[:：]")
_SENTENCE = lazy_regex(r"[。！!；;]")
_HAN = lazy_regex(r"\p{Han}")
_WORD_LETTER = lazy_regex(r"[\p{Han}\p{Latin}]")
_MARKS = frozenset({"bracket", "_", "-", "|"})
_NOT_WORD = lazy_regex(r"[^\p{Han}\p{Latin}]+|人气|阅读|浏览")
#: A line break and the start of a line :func:`_candidates` reads a marked keyword off
#: (``「<keyword>」``, ``<keyword>_``, ``<keyword>-``, ``<keyword>|``, after a label or not),
#: looser than ``_BRACKETED`` and ``_JOINED``: the label may be any three characters.
_MARKED_START = lazy_re(
    r"\n[ \t\u3000]*(?:[^\n:：]{1,3}[:：][^\S\n]*)?"
    r"(?:[「\[【『]|[^_\-－|｜:：\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000「」\[\]【】『』]{2,30}[_\-－|｜])"
)
#: What every match of ``_MARKED_START`` holds, an opening bracket or a joiner: a page with none
#: needs no scan, and does not compile it (~2 ms: its classes are beyond Latin-1).
_MARKED_START_HOLDS = "「[【『_-－|｜"


@record
class SeoKeyword:
    """A keyword and the headline lines (0-based) it was stuck to."""

    keyword: str
    lines: tuple[int, ...]


def seo_keywords(text: str, line_index: Callable[[int], int], min_letters: int = 5, max_headline_chars: int = 60) -> list[SeoKeyword]:
    """Keywords stuck to different headlines on at least two lines of the page (``line_index``
    gives the index of the line holding an offset, the lines cut at ``\\r\\n``, ``\\r`` or ``\\n``).

    Each needs a line that sticks it on with a mark: one scan, from line break to line break,
    finds the lines that may; the keywords read off them are then read off the other lines that
    hold them, found by one automaton pass. No other line is looked at.
    """
    if text.isascii() or not holds_any(text, _MARKED_START_HOLDS):
        return []  # a keyword has two Han characters, and one line marks it
    breaks = "\n" + text.replace("\r", "\n")  # offsets + 1; \r\n makes an empty line, no matter
    marked: dict[str, None] = {}
    for match in _MARKED_START().finditer(breaks):
        line = breaks[match.start() + 1 : _line_end(breaks, match.start() + 1)]
        marked.update((keyword, None) for keyword, _, joiner in _stuck(line, min_letters, max_headline_chars) if joiner in _MARKS)
    if not marked:
        return []
    keywords = list(marked)
    holders: dict[str, dict[int, None]] = {keyword: {} for keyword in keywords}  # line starts, in order
    automaton = ahocorasick_rs.AhoCorasick(keywords)
    for number, at, _ in occurrences(automaton, breaks, max(map(len, keywords))):
        holders[keywords[number]][breaks.rfind("\n", 0, at) + 1] = None
    found = []
    for keyword in keywords:
        places: list[tuple[int, str, str]] = []
        for start in holders[keyword]:
            stuck = _stuck(breaks[start : _line_end(breaks, start)], min_letters, max_headline_chars)
            places.extend((line_index(start - 1), rest, joiner) for other, rest, joiner in stuck if other == keyword)
        lines = sorted({index for index, _, _ in places})
        joiners = {joiner for _, _, joiner in places}
        if len(lines) < 2 or len(joiners) < 2:
            continue  # one template: a series tag ([新春走基层]…), a brand before its products
        if _different_headlines([rest for _, rest, _ in places]):
            found.append(SeoKeyword(keyword, tuple(lines)))
    return found


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return end if end >= 0 else len(text)


def _stuck(raw: str, min_letters: int, max_headline_chars: int) -> list[tuple[str, str, str]]:
    """``(keyword, rest, joiner)`` for each keyword a headline line sticks to its headline."""
    line = raw.strip(" \t\u3000")
    if not line or len(line) > max_headline_chars or _SENTENCE().search(line) or line.count("，") > 1:
        return []
    return [
        (keyword, rest, joiner)
        for keyword, rest, joiner in _candidates(line)
        if len(_WORD_LETTER().findall(keyword)) >= min_letters and len(_HAN().findall(keyword)) >= 2 and rest
    ]


def _different_headlines(rests: list[str]) -> bool:
    """Two of the texts after the keyword share few words: different headlines, not one
    headline printed twice (with a view count, or cut short)."""
    grams = [{text[i : i + 2] for i in range(len(text) - 1)} for text in (_NOT_WORD().sub("", rest) for rest in rests)]
    for one in range(len(grams)):
        for other in range(one + 1, min(len(grams), one + 8)):
            union = grams[one] | grams[other]
            if union and len(grams[one] & grams[other]) / len(union) < 0.3:
                return True
    return False


def _candidates(line: str):
    """``(keyword, rest, joiner)`` read off the front of a headline line; the joiner is one of
    ``"bracket"``, ``"_"``, ``"-"``, ``"|"``, ``"colon"``, ``"space"``."""
    heads = [line]
    label = _LABEL().match(line)
    if label:
        heads.append(line[label.end() :].lstrip())
    for head in heads:
        bracketed = _BRACKETED().match(head)
        if bracketed:
            yield bracketed.group("key").strip(), bracketed.group("rest").strip(), "bracket"
            continue
        joined = _JOINED().match(head)
        if joined:
            joiner = joined.group("joiner")
            kind = "colon" if joiner in ":：" else "space" if not joiner.strip() else "|" if joiner in "|｜" else "-" if joiner in "-－" else joiner
            yield joined.group("key"), joined.group("rest").strip(" -_|｜"), kind
