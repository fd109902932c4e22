"""Finding the SPM lexicon in a page: brand names, spam-shaped keywords, trade words, addresses.

One Aho-Corasick pass finds every literal the rules care about (brands, the user's extra terms,
trade words, and the products and game names that ``name + product + access`` keywords are
built on); the keyword patterns are then tried only where such a word stands. Web addresses
and random tokens are looked for only on pages that have a domain ending or a long Latin
run. All of it runs on the lower-cased de-noised text, so the cost is linear in the page and
does not grow with the lexicon; patterns and the automaton are built on first use, not at
import. Spans are de-noised offsets; the rule maps them back.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import Callable, Iterable

import ahocorasick_rs
import regex

from plugins import _spam_lexicon as lexicon
from plugins._automata import occurrences
from plugins._lazy import lazy_re, lazy_regex
from plugins._records import record

__all__ = ["Hit", "Lexicon", "get_lexicon", "glued_latin", "is_delimiter", "CLOSERS"]

#: Characters that end a clause or set a phrase apart.
_DELIMITERS = frozenset("，。！？；：、,.!?;:|｜丨/\\\"“”‘’'「」『』【】[]()（）<>《》〈〉_~·•…\n\r\t \u3000")
#: A wrapper around a brand that goes when the brand goes: ``【欧宝体育app】``, ``‘华体会’``.
CLOSERS = {"【": "】", "「": "」", "『": "』", "‘": "’", "“": "”", "[": "]", "(": ")", "（": "）", "《": "》", "〈": "〉"}
#: Characters that bind a word into its sentence: a name never ends or starts with them.
_FUNCTION = frozenset("的了是在和与及将把被对为从向于以而也就都又还很让给由跟同或之其所这那个有")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


_HAN = lazy_regex(r"\p{Han}")


def is_delimiter(char: str) -> bool:
    return char in _DELIMITERS


@record
class Hit:
    """A spam term at ``text[start:end]`` (de-noised offsets, wrappers included)."""

    start: int
    end: int
    category: str  # "gambling", "lottery", "adult", "grey-market", "user", "web"
    kind: str  # "brand", "keyword", "term", "web address", "random token"


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so ``官网入口`` wins over ``官网``; a Latin word may not run into letters."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped + r"(?![a-z])" if word[-1].isascii() and word[-1].isalpha() else escaped)
    return "|".join(parts)


_TAIL_WORDS = lazy_re(lambda: rf"(?:{_alternation((*lexicon.ACCESS, *lexicon.LOTTERY_SERVICES))})")
_ACCESS_WORDS = lazy_re(lambda: rf"(?:{_alternation(lexicon.ACCESS)})")
_SHAPE = lazy_re(
    lambda: "|".join(f"(?:{re.escape(product)})(?:{_alternation(access)})" for product, access in lexicon.PRODUCTS.items())
)
#: The access words that follow each product word where ``_SHAPE`` may match: a product word
#: without one is not tried, and a page with none never compiles ``_SHAPE`` (~4 ms; "体育" is common).
_ACCESS_AFTER = {product: tuple(access) for product, access in lexicon.PRODUCTS.items()}
_NAMED = lazy_re(
    lambda: "|".join(f"{re.escape(product)}(?![{re.escape(after)}])" for product, after in lexicon.NAMED_PRODUCTS.items())
)
_LEGIT_NAMES = tuple(name.lower() for name in lexicon.LEGIT_NAMES)
_DIGITS = lazy_re(r"\d{1,3}")
_NUMBERED = lazy_re(
    lambda: rf"(?:{_alternation(lexicon.NUMBERED_GAMES)})\d{{1,2}}彩?(?=(?:{_alternation(lexicon.LOTTERY_SERVICES)}))"
)
#: The domain endings of ``_ADDRESS``: a page without one holds no address.
_DOMAIN_ENDS = "com|cn|net|org|cc|top|xyz|vip|info|me|co|tv|biz|site|club|shop|online|wang|ink"
_DOMAIN_END = lazy_re(rf"\.(?:{_DOMAIN_ENDS})".encode())
#: The characters an address is made of, before and after its domain ending: no address
#: match reaches past them, so one is looked for only in such a run around a domain ending.
_ADDRESS_BEFORE = lazy_regex(r"[a-z0-9./:-]*", regex.REVERSE)
_ADDRESS_AFTER = lazy_re(r"[a-z0-9_./?=&%#:-]*")
_ADDRESS = lazy_re(
    r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){0,3}"
    rf"\.(?:{_DOMAIN_ENDS})(?:\.cn)?"
    r"(?:/[a-z0-9_./?=&%#-]*)?(?![a-z0-9])"
)
#: A run of Latin letters and digits (U+0130, U+017F and U+212A fold to i, s and k), the raw material of
#: a random token; only runs of 12 to 40 characters are tokens. Looked for first among the
#: page's ASCII characters alone, which is quick on Chinese text (and may join runs, never split one).
_FOLDING_LATIN = "\u0130\u017f\u212a"
_LATIN_RUN = lazy_re(rf"[A-Za-z0-9{_FOLDING_LATIN}][A-Za-z0-9{_FOLDING_LATIN}]{{11,}}")
#: Latin letters and digits become ``a``, everything else a space: 12 ``a`` in a row are a run.
_ALNUM_SHAPES = bytes(ord("a") if chr(byte).isascii() and chr(byte).isalnum() else ord(" ") for byte in range(256))
_SHAPE_RUN = lazy_re(b"a" * 12 + b"+")
_INTRODUCERS = lazy_regex(lambda: rf"(?:{_alternation(lexicon.URL_INTRODUCERS)})[:：\s]*$")


#: Words that a keyword pattern starts with: where ``_SHAPE``, ``_NUMBERED`` and ``_NAMED`` are tried.
def _keyword_triggers() -> dict[str, tuple[Callable[[], "re.Pattern[str]"], ...]]:
    """Word -> the keyword patterns that start with it (贵宾会 starts two)."""
    triggers: dict[str, tuple[Callable[[], "re.Pattern[str]"], ...]] = {}
    for pattern, words in ((_SHAPE, lexicon.PRODUCTS), (_NUMBERED, lexicon.NUMBERED_GAMES), (_NAMED, lexicon.NAMED_PRODUCTS)):
        for word in words:
            triggers[word.lower()] = (*triggers.get(word.lower(), ()), pattern)
    return triggers


_TRIGGERS = _keyword_triggers()


@record
class Scan:
    """What the automaton found in a page: strong terms and trade words (each leftmost-longest
    among its kind, as separate automata would find them) and where keyword patterns start."""

    strong: list[tuple[int, int, int]]  # (start, end, index into Lexicon's strong roles)
    trade: list[tuple[int, int, frozenset[tuple[str, str]]]]
    triggers: list[tuple[int, tuple[Callable[[], "re.Pattern[str]"], ...]]]


class Lexicon:
    """The built-in lexicon plus a user's extra and ignored terms, compiled once per process."""

    def __init__(self, extra: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> None:
        self._ignore = tuple(term.lower() for term in ignore if term.strip())
        strong: dict[str, tuple[str, str]] = {}
        for category, terms in lexicon.BRANDS.items():
            for term in terms:
                strong[term.lower()] = (category, "brand")
        for term in lexicon.BOOKMAKERS:
            strong[term.lower()] = ("gambling", "bookmaker")
        for term in extra:
            if term.strip():
                strong[term.strip().lower()] = ("user", "term")
        trade: dict[str, set[tuple[str, str]]] = {}
        for role, table in (("weak", lexicon.WEAK), ("reporting", lexicon.REPORTING)):
            for category, terms in table.items():
                for term in terms:
                    trade.setdefault(term.lower(), set()).add((role, category))
        for term in lexicon.BOOKMAKERS:
            trade.setdefault(term.lower(), set()).add(("weak", "gambling"))
        self._words = list({**strong, **trade, **_TRIGGERS})
        self._strong_roles = [strong.get(word) for word in self._words]
        self._trade_roles = [frozenset(trade[word]) if word in trade else None for word in self._words]
        self._triggers = [_TRIGGERS.get(word) for word in self._words]
        self._longest = max(map(len, self._words))
        self._automaton: ahocorasick_rs.AhoCorasick | None = None

    def _find(self, folded: str) -> list[tuple[int, int, int]]:
        if self._automaton is None:  # built on the first page
            self._automaton = ahocorasick_rs.AhoCorasick(self._words, implementation=ahocorasick_rs.Implementation.DFA)
        return occurrences(self._automaton, folded, self._longest)

    def holds_words(self, folded: str) -> bool:
        """Whether any word of the lexicon (a brand, a trade word, a product) is in ``folded``:
        every hit and trade word is made of one, on one line."""
        return bool(self._find(folded))

    def scan(self, folded: str) -> Scan:
        """One pass of the automaton over ``folded``."""
        strong: list[tuple[int, int, int]] = []
        trade: list[tuple[int, int, int]] = []
        triggers: list[tuple[int, tuple[Callable[[], "re.Pattern[str]"], ...]]] = []
        for index, start, end in self._find(folded):
            if self._strong_roles[index] is not None:
                strong.append((start, end, index))
            if self._trade_roles[index] is not None:
                trade.append((start, end, index))
            trigger = self._triggers[index]
            if trigger is not None:
                triggers.append((start, trigger))
        triggers.sort(key=lambda found: found[0])
        return Scan(
            _leftmost_longest(strong),
            [(start, end, self._trade_roles[index]) for start, end, index in _leftmost_longest(trade)],  # type: ignore[misc]
            triggers,
        )

    # -- spam terms -----------------------------------------------------------------------------

    def hits(self, folded: str, scan: Scan | None = None) -> list[Hit]:
        """Brands, spam-shaped keywords and user terms in ``folded`` (lower-cased text), merged."""
        scan = scan or self.scan(folded)
        found: list[Hit] = []
        for start, end, index in scan.strong:
            term = self._words[index]
            if not _latin_bounded(folded, start, end):
                continue
            if end < len(folded) and folded[end] in lexicon.NOT_FOLLOWED_BY.get(term, ""):
                continue
            category, kind = self._strong_roles[index]  # type: ignore[misc]
            if kind == "bookmaker":
                # legal where it trades and quoted for its odds: spam only when it asks the reader
                # to sign up, or when a Latin name is glued into Chinese text
                glued = term.isascii() and (
                    (start > 0 and _HAN().match(folded[start - 1])) or (end < len(folded) and _HAN().match(folded[end]))
                )
                if not glued and not _ACCESS_WORDS().match(folded, end):
                    continue
                kind = "brand"
            while start > 0 and folded[start - 1] in _ASCII_ALNUM:
                start -= 1  # the Latin half of a name: ab888 + 金沙线路
            found.append(self._finish(folded, start, end, category, kind))
        for match in _keyword_matches(folded, scan.triggers, _SHAPE, _may_be_shaped):
            name = _name_start(folded, match.start(), require=True)
            if name is not None and not folded[max(0, match.start() - 3) : match.start()].endswith(_LEGIT_NAMES):
                category = "lottery" if folded.startswith("彩票", match.start()) else "gambling"
                found.append(self._finish(folded, name, match.end(), category, "keyword"))
        for match in _keyword_matches(folded, scan.triggers, _NUMBERED):
            found.append(self._finish(folded, match.start(), match.end(), "lottery", "brand"))
        for match in _keyword_matches(folded, scan.triggers, _NAMED):
            name = _name_start(folded, match.start(), require=True)
            if name is not None:
                found.append(self._finish(folded, name, match.end(), "gambling", "brand"))
        found = [hit for hit in found if not self._ignored(folded[hit.start : hit.end])]
        return _merge(found)

    def _finish(self, folded: str, start: int, end: int, category: str, kind: str) -> Hit:
        """Take in the access words after a name (``官网入口``), a game number and its wrapper."""
        if category == "lottery":
            digits = _DIGITS().match(folded, end)
            if digits:
                end = digits.end()
        for _ in range(4):
            tail = _TAIL_WORDS().match(folded, end) if category == "lottery" else _ACCESS_WORDS().match(folded, end)
            if not tail or tail.end() == end:
                break
            end = tail.end()
        start = _clause_start(folded, start)
        if start > 0 and end < len(folded) and CLOSERS.get(folded[start - 1]) == folded[end]:
            start, end = start - 1, end + 1
        return Hit(start, end, category, kind)

    def _ignored(self, found: str) -> bool:
        return any(term in found for term in self._ignore)

    # -- trade words ------------------------------------------------------------------------------

    def trade_words(self, folded: str, scan: Scan | None = None) -> list[tuple[int, int, frozenset[tuple[str, str]]]]:
        """``(start, end, {(role, category)})`` of every weak or reporting trade word."""
        scan = scan or self.scan(folded)
        return [(start, end, roles) for start, end, roles in scan.trade if _latin_bounded(folded, start, end)]

    def reporting(self, folded: str, outside: list[tuple[int, int]], scan: Scan | None = None) -> Counter:
        """Reporting words per category that stand outside the given spans (spam, keyword lines)."""
        counts: Counter = Counter()
        spans = sorted(outside)
        for start, end, roles in self.trade_words(folded, scan):
            if _inside(spans, start, end):
                continue
            for role, category in roles:
                if role == "reporting":
                    counts[category] += 1
        return counts


def _leftmost_longest(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """From every occurrence, the ones a leftmost-longest search reports: the earliest start,
    the longest there, then on after its end."""
    chosen: list[tuple[int, int, int]] = []
    for start, end, index in sorted(found, key=lambda occurrence: (occurrence[0], -occurrence[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, index))
    return chosen


def _keyword_matches(folded: str, triggers: list[tuple[int, tuple[Callable[[], "re.Pattern[str]"], ...]]],
                     pattern: Callable[[], "re.Pattern[str]"],
                     may_match: Callable[[str, int], bool] = lambda folded, start: True) -> Iterable["re.Match[str]"]:
    """The matches of a keyword pattern as its ``finditer`` would find them: tried only where
    one of its words starts (and ``may_match`` there), left to right, not overlapping."""
    scanned = 0
    for start, patterns in triggers:
        if start >= scanned and pattern in patterns and may_match(folded, start):
            match = pattern().match(folded, start)
            if match:
                scanned = match.end()
                yield match


def _may_be_shaped(folded: str, start: int) -> bool:
    """Whether the product word at ``start`` (no product word starts another) is followed by one
    of its access words."""
    for product, access in _ACCESS_AFTER.items():
        if folded.startswith(product, start):
            return folded.startswith(access, start + len(product))
    return False


# -- web addresses and random tokens -------------------------------------------------------------


def glued_latin(text: str, folded: str) -> Iterable[tuple[int, int, str]]:
    """``(start, end, kind)`` of the web addresses, then the random tokens, glued into the text.

    Both are ASCII glued to Han text, so an ASCII page has none, and both are looked for in the
    page as bytes, one a character (``?`` for all others): a domain ending, a run of twelve
    letters and digits, found by C code that skips from one candidate to the next.
    """
    if text.isascii():
        return
    letters = folded.encode("ascii", "replace")
    yield from ((start, end, "web address") for start, end in spliced_addresses(text, folded, _address_matches(folded, letters)))
    if any(char in text for char in _FOLDING_LATIN):
        runs = [match.span() for match in _LATIN_RUN().finditer(text)]
    else:
        runs = [match.span() for match in _SHAPE_RUN().finditer(letters.translate(_ALNUM_SHAPES))]
    yield from ((start, end, "random token") for start, end in random_tokens(text, runs))


def _address_matches(folded: str, letters: bytes) -> Iterable["re.Match[str]"]:
    """``_ADDRESS``'s matches in ``folded``, as its ``finditer`` finds them, looked for only in
    the runs of address characters around a domain ending (``letters`` is ``folded`` as bytes)."""
    covered = 0
    for ending in _DOMAIN_END().finditer(letters):
        if ending.start() < covered:
            continue
        start = _ADDRESS_BEFORE().match(folded, 0, ending.start()).start()
        covered = _ADDRESS_AFTER().match(folded, ending.start()).end()
        yield from _ADDRESS().finditer(folded, start, covered)


def spliced_addresses(text: str, folded: str, matches: Iterable["re.Match[str]"]) -> Iterable[tuple[int, int]]:
    """Web addresses glued into a Chinese sentence with no word that introduces them.

    ``…资源配置www.example.cn，以为…`` is spam; ``请登录www.example.cn查询``, a source named
    in capitals (``据FashionNetwork.com报道``) and an address in brackets or after a colon belong
    to the page. ``matches`` are the addresses of ``folded``.
    """
    for match in matches:
        start, end = match.span()
        if any(char.isupper() for char in text[start:end]) or "/" in folded[start:end]:
            continue  # a source named in capitals, a link with its path: the page's own
        if start == 0 or not _HAN().match(folded[start - 1]):
            continue
        if end == len(folded) or not (_HAN().match(folded[end]) or folded[end] in "，。；、,;"):
            continue
        if _INTRODUCERS().search(folded, max(0, start - 6), start):
            continue
        yield start, end


def random_tokens(text: str, runs: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Mixed-case letter-and-digit strings glued to Chinese text (``ls6utgDbOeKZnI6L技术``).

    Product codes are upper case, names in CamelCase change case a few times, hashes in links
    sit in the link: a token with a digit and case changes every few letters, touching Han
    text, is noise. ``runs`` are the page's runs of twelve Latin letters and digits or more.
    """
    for start, end in runs:
        token = text[start:end]
        if len(token) > 40:
            continue
        glued = (start > 0 and _HAN().match(text[start - 1])) or (end < len(text) and _HAN().match(text[end]))
        if not glued or not any(c.isdigit() for c in token):
            continue
        upper = sum(c.isupper() for c in token)
        lower = sum(c.islower() for c in token)
        switches = sum(1 for a, b in zip(token, token[1:]) if a.isalpha() and b.isalpha() and a.isupper() != b.isupper())
        if upper >= 3 and lower >= 3 and switches >= 6:
            yield start, end


# -- helpers ---------------------------------------------------------------------------------------


def _latin_bounded(folded: str, start: int, end: int) -> bool:
    """A term that starts or ends with a Latin letter may not run into other letters."""
    if folded[start] in _LATIN_LETTERS and start > 0 and folded[start - 1] in _LATIN_LETTERS:
        return False
    if folded[end - 1] in _LATIN_LETTERS and end < len(folded) and folded[end] in _LATIN_LETTERS:
        return False
    return True


def _name_start(folded: str, product: int, require: bool) -> int | None:
    """Where the name before a product starts: its Latin run (``ope``), or the Han text back to
    a delimiter (at most 4 characters), else its last two Han characters."""
    start = product
    while start > 0 and folded[start - 1] in _ASCII_ALNUM:
        start -= 1
    if start < product:
        return start
    start = product
    while start > 0 and product - start < 4 and _HAN().match(folded[start - 1]) and folded[start - 1] not in _FUNCTION:
        start -= 1
    if start == product:
        return None if require else product
    if start == 0 or is_delimiter(folded[start - 1]):
        return start
    two = product - 2
    if two >= start and all(_HAN().match(c) and c not in _FUNCTION for c in folded[two:product]):
        return two
    return None if require else product


def _clause_start(folded: str, start: int) -> int:
    """Take in a short Han or Latin run between a delimiter and the term (``，王者`` +
    ``威尼斯人现金网``), so that deleting the term leaves no stub behind."""
    begin = start
    while begin > 0 and start - begin < 6:
        char = folded[begin - 1]
        if not (_HAN().match(char) or char in _ASCII_ALNUM) or char in _FUNCTION:
            break
        begin -= 1
    if begin < start and (begin == 0 or is_delimiter(folded[begin - 1])) and start - begin <= 6:
        return begin
    return start


def _merge(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits become one; a brand's category and kind win over a keyword's."""
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    merged: list[Hit] = []
    for hit in hits:
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            keep = last if last.kind != "keyword" or hit.kind == "keyword" else hit
            merged[-1] = Hit(last.start, max(last.end, hit.end), keep.category, keep.kind)
        else:
            merged.append(hit)
    return merged


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


@functools.lru_cache(maxsize=16)
def get_lexicon(extra: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> Lexicon:
    """One compiled lexicon per set of user terms and process (rules are pickled to workers)."""
    return Lexicon(extra, ignore)
