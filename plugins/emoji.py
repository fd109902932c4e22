"""EMJ: injected emoji. Emoji planted in running text as noise, not emoji a writer used.

Writers put emoji where a reader pauses: at the start of a line (bullets, headings), at the end
of a line or clause (reactions), in runs (``😭😭😭``, ``⭐⭐⭐⭐``). Injectors put them anywhere,
so most of theirs land inside words (``O🤔penAI``, ``当前😜AI界``) and they come at a steady
cadence. The rule therefore decides twice: first where each emoji sits (inside a word is judged
with a dictionary for Chinese, so ``火热🔥策划`` is between words and ``再😢度`` is not), then
whether the page as a whole shows injection; only then are emoji in running text between spaces
or next to punctuation flagged too. Line-start bullets, line-end reactions and runs never are.
"""

from __future__ import annotations

import enum
import functools
import math
from typing import Any, Iterator, Mapping, Sequence

from lint import hookimpl
from lint.emoji_units import emoji_among
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._records import record

# Spaces that may separate an emoji from the text around it on the same line.
_SPACE = frozenset(" \t\u00a0\u3000\u2002\u2003\u2009")
# Characters that belong to an emoji sequence but can be left over next to a unit.
_JOINERS = frozenset("\ufe0f\ufe0e\u200d\u20e3")
# Character classes, tested one character at a time (see _is_in).
_WORD = r"[\p{L}\p{N}\p{M}]"
_CJK = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"
_LATIN_WORD = rf"[{_WORD}--{_CJK}]"
_DIGIT = r"[\p{Numeric_Type=Decimal}\p{Numeric_Type=Digit}]"  # what str.isdigit accepts
# Punctuation that may close a line after a reaction, or open one before a bullet.
_CLOSING = r"[\p{Pe}\p{Pf}\p{Po}~～]"
_OPENING = r"[\p{Ps}\p{Pi}\p{Pd}\p{Po}•·]"
_EDGE_MARKS = 4
# Site UI text (back, more, expand, share, read-more): an emoji inside one was planted.
_UI_PHRASES = (
    "返回搜狐,查看更多", "点击查看更多", "查看更多", "展开全文", "收起全文", "阅读全文", "查看全文",
    "阅读原文", "查看原文", "分享到:", "责任编辑:", "相关阅读", "推荐阅读", "相关推荐", "热点推荐",
    "上一篇", "下一篇", "扫码关注", "点击展开全文", "返回搜狐", "返回首页", "返回顶部", "点击进入",
    "Click here to read more", "Read more", "Continue reading", "Share this article", "Share this:",
    "Back to top", "Related articles", "Related stories", "See more", "Show more", "Load more",
    "Subscribe now", "Print this page", "Email this article", "Click here",
)
_ASCII_PUNCTUATION = str.maketrans("，：；！？（）｜", ",:;!?()|")
# Emoji that writers use as signs inside a phrase (``吴镇宇➕任素汐``), like ``+`` or ``×``.
_SIGN_EMOJI = frozenset("\u2795\u2796\u2797\u2716")
# How far to look for the word an emoji broke: a whole Latin word, a few CJK characters to segment.
_WORD_REACH = 40
_SEGMENT_REACH = 6


class Place(enum.Enum):
    """Where an emoji (or a run of emoji) sits in its line."""

    LINE_START = "line start"  # bullets and headings: 👉 推荐理由, 🥇 第一名
    LINE_END = "line end"  # reactions closing a line: 泪目啊😭
    RUN = "run"  # several emoji together: 😭😭😭, ⭐⭐⭐⭐
    IN_WORD = "in word"  # letters or digits on both sides, none of them CJK: O🤔penAI, 1🚀0
    IN_TEXT = "in text"  # letters on both sides, some CJK: 当前😜AI界, 再😢度
    BETWEEN_WORDS = "between words"  # spaces around it, words on both sides: the 😀 minister
    BY_PUNCTUATION = "by punctuation"  # next to punctuation: 一群🤡。 or 。 ❌ 首先
    SIGN = "sign"  # a sign-like emoji between words, used as a word: 吴镇宇➕任素汐


# Tuples, not sets: members are compared by identity, while hashing an enum runs Python code.
_GENUINE_PLACES = (Place.LINE_START, Place.LINE_END, Place.RUN, Place.SIGN)
_MID_PHRASE_PLACES = (Place.IN_WORD, Place.IN_TEXT, Place.BETWEEN_WORDS)


@record
class Site:
    """One emoji unit, or a run of adjacent units, and where it sits.

    ``word`` is the word the emoji broke (``OpenAI``, ``间断``) when it sits inside one, or the
    site's UI phrase (``返回搜狐``, ``Continue reading``) when ``in_phrase``: the strongest sign
    of injection, since writers put emoji between words, not inside them.
    """

    start: int
    end: int
    unit: str  # the first unit (the only one unless the site is a run)
    place: Place
    word: str | None = None
    in_phrase: bool = False


@record
class Verdict:
    """The page-level decision: does this page carry injected emoji, and how they are spread."""

    injected: bool
    running: int  # single emoji in running text (not at a line's ends, not in a run)
    breaking: int  # of which break a word
    cadence: int | None  # typical distance between them, in characters


@functools.lru_cache(maxsize=1 << 16)
def _is_in(char_class: str, char: str) -> bool:
    """``char`` (one character, or '' for none) is in the ``regex`` class ``char_class``.

    Cached, since pages reuse few characters; ``regex`` is loaded only for a page with emoji.
    """
    return bool(char) and _class_pattern(char_class).match(char) is not None


@functools.cache
def _class_pattern(char_class: str):  # -> regex.Pattern[str]
    import regex

    return regex.compile(char_class, regex.V1)


def _is_word(char: str) -> bool:
    """A letter, digit or combining mark."""
    return _is_in(_WORD, char)


def _is_cjk(char: str) -> bool:
    return _is_in(_CJK, char)


def _neighbour(text: str, index: int, step: int, limit: int) -> tuple[str, bool]:
    """The nearest character from ``index`` going ``step``, skipping spaces and joiners.

    Returns the character ('' when ``limit`` is reached first) and whether a space was crossed.
    """
    spaced = False
    while index != limit:
        char = text[index]
        if char in _SPACE:
            spaced = True
        elif char not in _JOINERS:
            return char, spaced
        index += step
    return "", spaced


def _only_edge(text: str, index: int, step: int, limit: int, edge: str) -> bool:
    """True when only spaces and a few ``edge`` punctuation marks lie between ``index`` and ``limit``.

    An emoji before ``。`` or ``）`` at the end of a line closes it like one at the very end
    (``这本书📖。``, ``（左滑👈）``); one after ``【`` or ``-`` at the start opens it like a bullet.
    """
    marks = 0
    while index != limit:
        char = text[index]
        if char not in _SPACE and char not in _JOINERS:
            marks += 1
            if marks > _EDGE_MARKS or not _is_in(edge, char):
                return False
        index += step
    return True


def _runs(page: Page) -> Iterator[list[tuple[int, int, str]]]:
    """Emoji units grouped into runs: units separated by nothing but a few spaces or joiners."""
    text = page.text
    run: list[tuple[int, int, str]] = []
    for unit in emoji_among(text, page.denoised.removed()):
        if run and _only_filler(text, run[-1][1], unit[0]):
            run.append(unit)
            continue
        if run:
            yield run
        run = [unit]
    if run:
        yield run


def _only_filler(text: str, start: int, end: int) -> bool:
    if end - start > 3:
        return False
    return start == end or all(char in _SPACE or char in _JOINERS for char in text[start:end])


@functools.cache
def _run_of(char_class: str, backward: bool):  # -> regex.Pattern[str]
    import regex

    return regex.compile(f"(?V1{'r' if backward else ''}){char_class}*")


def _stretch(text: str, index: int, step: int, reach: int, char_class: str) -> int:
    """How far characters of ``char_class`` extend from ``index`` going ``step`` (-1 or 1), up to ``reach``."""
    if step < 0:
        return _run_of(char_class, True).match(text, max(0, index - reach), index).start()
    return _run_of(char_class, False).match(text, index, min(len(text), index + reach)).end()


def _broken_word(text: str, start: int, end: int, cjk: bool) -> str | None:
    """The word that the emoji at ``text[start:end]`` splits, or ``None`` if it sits between words.

    Latin words and numbers split by construction (letters or digits on both sides); in CJK text
    the words around the emoji are segmented with a dictionary, the emoji removed.
    """
    if not cjk:
        left = text[_stretch(text, start, -1, _WORD_REACH, _LATIN_WORD) : start]
        return left + text[end : _stretch(text, end, 1, _WORD_REACH, _LATIN_WORD)]
    if text[start - 1].isdigit() and _is_cjk(text[end]):
        # A number and the unit or counter after it are one phrase: 8日, 2024年, 10吉瓦.
        return text[_stretch(text, start, -1, _WORD_REACH, _DIGIT) : start] + text[end]
    left = text[_stretch(text, start, -1, _SEGMENT_REACH, _WORD) : start]
    return _dictionary_word(left, text[end : _stretch(text, end, 1, _SEGMENT_REACH, _WORD)])


def _dictionary_word(left: str, right: str) -> str | None:
    """The dictionary word of ``left + right`` that spans the join, if segmentation finds one."""
    import rjieba  # loaded on first CJK case: its dictionary takes a few tenths of a second

    offset = 0
    for token in rjieba.cut(left + right, False):
        if offset < len(left) < offset + len(token):
            return token
        offset += len(token)
    return None


def _normalise(text: str) -> str:
    """Lower case, ASCII punctuation, single spaces: how UI phrases are compared."""
    return _spaces().sub(" ", text.translate(_ASCII_PUNCTUATION)).lower()


@functools.lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """One character (or none) normalised, cached: the test below runs for every emoji."""
    return _normalise(char)


@functools.cache
def _spaces():  # -> regex.Pattern[str]
    import regex

    return regex.compile(r"\s+")


class _PhraseFinder:
    """The UI phrases, normalised, in one automaton: one C-level pass finds them all.

    ``shown`` lists them longest first: where several span a cut, the longest wins
    (``点击查看更多`` over ``查看更多``).
    """

    def __init__(self) -> None:
        import ahocorasick_rs

        self.shown = sorted(_UI_PHRASES, key=len, reverse=True)
        self.normalised = [_normalise(phrase) for phrase in self.shown]
        self.reach = max(map(len, self.normalised))
        self.automaton = ahocorasick_rs.AhoCorasick(self.normalised)
        self.pairs = frozenset(phrase[i : i + 2] for phrase in self.normalised for i in range(len(phrase) - 1))

    def may_span(self, text: str, start: int, end: int) -> bool:
        """Whether the characters that meet when ``text[start:end]`` is cut out are in a phrase.

        A cheap test for every emoji site; only the few that pass look for the phrase itself.
        """
        before = _fold(text[start - 1 : start])
        after = _fold(text[end : end + 1])
        if before == " " and after == " ":  # the space after is dropped (see _broken_phrase)
            after = _normalise(text[end : end + self.reach])[1:2]
        return (before[-1:] + after[:1]) in self.pairs

    def across(self, joined: str, cut: int) -> str | None:
        """The first phrase (longest first) found in ``joined`` across the offset ``cut``."""
        found = self.automaton.find_matches_as_indexes(joined, overlapping=True)
        spanning = [index for index, start, end in found if start < cut < end]
        return self.shown[min(spanning)] if spanning else None


@functools.cache
def _phrases() -> _PhraseFinder:
    return _PhraseFinder()


def _broken_phrase(text: str, start: int, end: int) -> str | None:
    """The site UI phrase (``返回搜狐``, ``read more``) that the emoji at ``text[start:end]`` splits.

    UI text is never written with an emoji inside it, so one there was injected even when it
    sits between words or next to punctuation (``返回搜狐😁，查看更多``, ``Continue👾 reading``).
    """
    phrases = _phrases()
    if not phrases.may_span(text, start, end):
        return None
    left = _normalise(text[max(0, start - phrases.reach) : start])
    right = _normalise(text[end : end + phrases.reach])
    if left.endswith(" ") and right.startswith(" "):
        right = right[1:]
    return phrases.across(left + right, len(left))


def find_sites(page: Page) -> list[Site]:
    """Every emoji site of the page, classified by where it sits in its line."""
    text = page.text
    sites: list[Site] = []
    if len(page.denoised.text) == len(text):
        return sites  # nothing to de-noise: no emoji (the view's one scan found none)
    line_start, line_end, next_line = 0, 0, 0
    for run in _runs(page):
        start, end, unit = run[0][0], run[-1][1], run[0][2]
        if start >= next_line:  # a run on a later line than the last one (runs come in order)
            index = page.line_index(start)
            line_start, line_end = page.line_span(index)
            next_line = page.line_span_with_break(index)[1] if index + 1 < len(page.line_starts) else len(text) + 1
        left, left_spaced = _neighbour(text, start - 1, -1, line_start - 1)
        right, right_spaced = _neighbour(text, end, 1, line_end)
        left_word, right_word = _is_word(left), _is_word(right)
        word = None
        # (a letter or digit next to it is no edge mark: most emoji need no look along the line)
        if not left or (not left_word and _only_edge(text, start - 1, -1, line_start - 1, _OPENING)):
            place = Place.LINE_START
        elif not right or (not right_word and _only_edge(text, end, 1, line_end, _CLOSING)):
            place = Place.LINE_END
        elif len(run) > 1:
            place = Place.RUN
        elif not (left_word and right_word):
            place = Place.BY_PUNCTUATION
        elif left_spaced or right_spaced:
            place = Place.BETWEEN_WORDS
        else:
            cjk = _is_cjk(left) or _is_cjk(right)
            place = Place.IN_TEXT if cjk else Place.IN_WORD
            word = _broken_word(text, start, end, cjk)
        if unit.rstrip("\ufe0f") in _SIGN_EMOJI and word is None and place is not Place.RUN:
            place = Place.SIGN
        phrase = None if word else _broken_phrase(text, start, end)
        sites.append(Site(start, end, unit, place, word or phrase, phrase is not None))
    return sites


def judge_page(sites: Sequence[Site], options: Mapping[str, Any]) -> Verdict:
    """Decide whether the page's emoji in running text were planted.

    Any is enough: ``min_units`` emoji that break words; one that breaks a word on a page where
    emoji inside text outnumber those a writer would use (bullets, line-end reactions, runs);
    emoji in running text at a steady cadence that mostly sit mid-phrase (not where a writer
    pauses, next to punctuation).
    """
    running = [site for site in sites if site.place not in _GENUINE_PLACES]
    breaking = sum(1 for site in sites if site.word)
    inside = sum(1 for site in running if site.place in (Place.IN_WORD, Place.IN_TEXT))
    genuine = len(sites) - len(running)
    cadence = _cadence(running)
    mid_phrase = sum(1 for site in running if site.place in _MID_PHRASE_PLACES)
    by_words = breaking >= options["min_units"] or (breaking >= 1 and inside > genuine)
    by_cadence = (
        len(running) >= options["cadence_min_units"]
        and mid_phrase >= options["min_mid_phrase_share"] * len(running)
        and cadence is not None
        and cadence <= options["cadence_max_gap"]
        and _regular(running, options["cadence_max_variation"])
    )
    return Verdict(by_words or by_cadence, len(running), breaking, cadence)


def _gaps(running: Sequence[Site]) -> list[int]:
    return [later.start - earlier.end for earlier, later in zip(running, running[1:])]


def _cadence(running: Sequence[Site]) -> int | None:
    """The median gap, rounded (the ``statistics`` module costs milliseconds to import)."""
    gaps = sorted(_gaps(running))
    if not gaps:
        return None
    middle = len(gaps) // 2
    return round(gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2)


def _regular(running: Sequence[Site], max_variation: float) -> bool:
    """True when the gaps between emoji vary little (coefficient of variation)."""
    gaps = _gaps(running)
    if len(gaps) < 2:
        return False
    mean = math.fsum(gaps) / len(gaps)
    deviation = math.sqrt(sum((gap - mean) ** 2 for gap in gaps) / len(gaps))
    return mean > 0 and deviation / mean <= max_variation


def _message(site: Site, verdict: Verdict) -> str:
    if site.in_phrase:
        return f"injected emoji {site.unit!r} inside the phrase {site.word!r}"
    if site.word is not None:
        return f"injected emoji {site.unit!r} inside the word {site.word!r}"
    if verdict.cadence is not None and verdict.running > 2:
        return (
            f"injected emoji {site.unit!r} (one of {verdict.running} spread through the text "
            f"every ~{verdict.cadence} characters)"
        )
    return f"injected emoji {site.unit!r} in running text"


def check_injected_emoji(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Flag emoji that break a word; on injected pages, every emoji in running text."""
    sites = find_sites(page)
    if not sites:
        return
    verdict = judge_page(sites, options)
    for site in sites:
        if not (site.word or (verdict.injected and site.place not in _GENUINE_PLACES)):
            continue
        yield Violation(
            site.start,
            site.end,
            _message(site, verdict),
            Fix.delete(site.start, site.end, message=f"remove {site.unit!r}"),
        )


INJECTED_EMOJI = Rule(
    code="EMJ001",
    name="injected-emoji",
    summary="An emoji planted in running text as noise",
    explanation=(
        "Content farms and scrapers plant emoji through copied articles: inside words and numbers "
        "(O🤔penAI, 当前😜AI界, 1🚀0) and at a steady cadence through the prose. They break words "
        "for search, tokenisers and readers. An emoji that breaks a word is always flagged: between "
        "letters of a Latin word, digits of a number, a number and its unit (12😀万), inside a Chinese "
        "dictionary word (再😢度) or inside a site's UI phrase (返回😘搜狐). Other emoji in running text "
        "are flagged once the page shows injection (emoji breaking words, or emoji at a steady "
        "cadence, every 20-60 characters, mostly mid-phrase). Emoji a writer used "
        "are left alone: bullets and headings at the start of a line, reactions at the end of a "
        "line, runs such as 😭😭😭 or ⭐⭐⭐⭐, and text-style symbols such as ©, ™, ★ or ①. "
        "The fix removes exactly the emoji sequence (ZWJ chains, skin tones, flags, keycaps, U+FE0F)."
    ),
    bad_example="9月22日，当前😜AI界最顶尖的科技巨头宣布合作，再😢度点燃资本市场，O🤔penAI成为焦点。",
    good_example="剧情真的很用心，最后一场戏泪目啊😭\n👉 推荐理由：演员的表演很自然",
    check=check_injected_emoji,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min_units", 2, "emoji breaking words that mark a page as injected", int),
        RuleOption("cadence_min_units", 5, "emoji in running text needed to judge a cadence", int),
        RuleOption("cadence_max_gap", 60, "largest typical distance (characters) between emoji at a cadence", int),
        RuleOption(
            "cadence_max_variation", 0.6, "largest coefficient of variation of the gaps for a steady cadence", float
        ),
        RuleOption(
            "min_mid_phrase_share", 0.5, "share of emoji at a cadence that must sit mid-phrase, not by punctuation", float
        ),
    ),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("EMJ", "injected emoji", "Emoji planted in running text as noise, not emoji a writer used.", "#d62728")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [INJECTED_EMOJI]
