"""SPM: spam spliced into text. Gambling and lottery names, SEO keywords, keyword stuffing.

Content farms copy an article and splice search-engine bait into it: a casino's site name in
the middle of an accident report (``…凌晨2时许，<casino>网址：江城一家仓库…``), a betting brand that
replaces a company's name all through the text, a line of gambling keywords under the article,
the page's target query repeated as a clause in sentence after sentence. The rules here find
the bait and say where it stands; none of them flags an article *about* gambling or lotteries,
because the trade's own vocabulary alone is never a finding.

* SPM001 finds the lexicon (:mod:`plugins._spam_lexicon`, extended with ``extra-terms``),
  spam-shaped keywords (``name + 体育 + app下载``), web addresses and random tokens glued into
  sentences.
* SPM002 finds a phrase that recurs through the page out of its sentences' context, with no
  lexicon: the same clause inserted again and again, or the heading spliced into paragraphs.
* SPM003 finds lines of keyword stuffing (:mod:`plugins._spam_lines`).
* SPM004 finds titles an SEO generator built by sticking one keyword to different headlines
  (:mod:`plugins._spam_titles`).

Every rule reads the de-noised view, so emoji planted inside a brand do not hide it. Most pages
hold no spam, so each rule first looks, with a few scans made in C, for what its findings cannot
do without, and reads closely only the lines (or runs) that hold it; the four rules share one
reading of a page (:class:`_SpamPage`).
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import cached_property
from itertools import accumulate
from typing import Any, Callable, Iterable, Iterator, Mapping

import ahocorasick_rs

from lint import hookimpl
from lint.model import Applicability, Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import DenoisedView, Page
from plugins._collector import collector_paused
from plugins._spam_lines import Stuffing, may_be_stuffing, stuffing
from plugins._lazy import lazy_re, lazy_regex
from plugins._spam_phrases import lines_to_read, repeated_clauses
from plugins._pieces import pieces
from plugins._spam_titles import seo_keywords
from plugins._spam_terms import CLOSERS, Hit, Lexicon, Scan, get_lexicon, glued_latin, is_delimiter

_BREAK = re.compile(r"\r\n?|\n")
_SENTENCE_END = lazy_regex(r"[。！？!?]|(?<=\p{Ll})\.(?:\s|$)")
_LINE_BREAK = lazy_re(r"[\r\n]")
_FULL_STOP = lazy_regex(r"。|(?<=\p{Ll})\.(?:\s|$)")  # a question mark also ends headlines
#: Punctuation that goes with a deleted term: ``，<term>：江城`` becomes ``，江城``.
_JOINERS = "，,、；;：:。！？!?|｜_-"
_SPACE = " \t\u3000\u00a0"


# --- shared helpers ------------------------------------------------------------------------------


class _Lines:
    """The lines of the de-noised text: their spans and texts, and which line holds an offset."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            breaks = list(_BREAK.finditer(text))
            self.starts = [0, *(match.end() for match in breaks)]
            ends = [*(match.start() for match in breaks), len(text)]
            self.texts = [text[start:end] for start, end in zip(self.starts, ends)]
        else:  # the usual case, cut by str.split rather than a pattern
            self.texts = text.split("\n")
            ends = list(accumulate(len(line) + 1 for line in self.texts))
            self.starts = [0, *ends[:-1]]
            ends = [end - 1 for end in ends]
        self.spans = list(zip(self.starts, ends))

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def per_line(self, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
        """Line index -> the spans inside that line, as offsets into the line."""
        grouped: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            index = self.index(start)
            line_start, line_end = self.spans[index]
            if end <= line_end:
                grouped.setdefault(index, []).append((start - line_start, end - line_start))
        return grouped


class _SpamPage:
    """A page's de-noised text as the SPM rules read it; each part is worked out once, on first
    use, and shared by the rules (a page without spam needs only a few of them)."""

    def __init__(self, page: Page) -> None:
        self.view = page.denoised
        self.text = self.view.text
        self._scans: dict[Lexicon, Scan] = {}

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def folded(self) -> str:
        """Lower case when it keeps every offset (it almost always does)."""
        return self.lowered if len(self.lowered) == len(self.text) else self.text

    @cached_property
    def lines(self) -> _Lines:
        return _Lines(self.text)

    def scan(self, lexicon: Lexicon) -> Scan:
        if lexicon not in self._scans:
            self._scans[lexicon] = lexicon.scan(self.folded)
        return self._scans[lexicon]

    @cached_property
    def hits(self) -> list[Hit]:
        """The built-in lexicon's hits (SPM003 reads them; SPM001 has its user's terms)."""
        lexicon = get_lexicon()
        return lexicon.hits(self.folded, self.scan(lexicon))

    def trade_spans(self, hits: list[Hit]) -> list[tuple[int, int]]:
        """``hits`` and the weak trade words: what tells a line of gambling keywords."""
        lexicon = get_lexicon()
        spans = [(hit.start, hit.end) for hit in hits]
        words = lexicon.trade_words(self.folded, self.scan(lexicon))
        spans.extend((start, end) for start, end, roles in words if any(r == "weak" for r, _ in roles))
        return sorted(spans)

    def stuffed_lines(
        self, lexicon: Lexicon, hits: Callable[[], list[Hit]], min_items: int = 4, max_item_chars: int = 16, only: Iterable[int] | None = None
    ) -> dict[int, Stuffing]:
        """Line index -> its stuffing verdict, for lines that are keyword stuffing (among
        ``only``, when given); ``hits`` gives ``lexicon``'s spam terms, asked for only when a line
        needs them and holds a word of the lexicon."""
        inside: dict[int, list[tuple[int, int]]] | None = None

        def spans_in(index: int) -> list[tuple[int, int]]:
            nonlocal inside
            line = self.lines.texts[index]
            lowered = line.lower()
            if len(lowered) == len(line) and not lexicon.holds_words(lowered):
                return []  # no lexicon word in the line: no need to find the page's
            if inside is None:
                inside = self.lines.per_line(self.trade_spans(hits()))
            return inside.get(index, [])

        found: dict[int, Stuffing] = {}
        may_stuff = may_be_stuffing(min_items)
        texts = self.lines.texts
        for index in range(len(texts)) if only is None else sorted(set(only)):
            line = texts[index]
            if len(line) >= 8 and may_stuff(line):
                verdict = stuffing(line, lambda index=index: spans_in(index), min_items, max_item_chars)
                if verdict:
                    found[index] = verdict
        return found


#: The pages being checked, so the four rules de-noise, fold and scan a page once. A memo, not
#: state: an entry goes when its page does.
_PAGES: "weakref.WeakKeyDictionary[Page, _SpamPage]" = weakref.WeakKeyDictionary()


def _spam_page(page: Page) -> _SpamPage:
    try:
        found = _PAGES.get(page)
        if found is None:
            found = _PAGES[page] = _SpamPage(page)
        return found
    except TypeError:  # a page object that cannot be weakly referenced: no memo
        return _SpamPage(page)


def _original(page: Page, view: DenoisedView, start: int, end: int) -> tuple[int, int]:
    return view.span_to_original(start, end)


def _unsafe_removal(page: Page, spam: _SpamPage, begin: int, finish: int, message: str, what: str) -> Violation:
    """A finding on ``begin:finish`` (de-noised) whose fix deletes it, offered as unsafe: found
    without a lexicon, the phrase may yet be the page's own."""
    line = spam.lines.spans[spam.lines.index(begin)]
    start, end = _original(page, spam.view, begin, finish)
    fix = _deletion(page, spam.view, spam.text, line, Hit(begin, finish, "", ""))
    return Violation(start, end, message, Fix(fix.edits, Applicability.UNSAFE, f"remove the {what}"))


# --- SPM001: spliced spam terms -----------------------------------------------------------------------

#: Trades whose reporting words speak for each other: a lottery report mentions betting too.
_RELATED = {"gambling": ("gambling", "lottery"), "lottery": ("gambling", "lottery")}
_KIND = {"brand": "brand", "keyword": "keyword", "term": "spam term", "web address": "web address", "random token": "random token"}


def _check_spliced_term(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    spam = _spam_page(page)
    view, text, folded = spam.view, spam.text, spam.folded
    lexicon = get_lexicon(tuple(options["extra-terms"]), tuple(options["ignore-terms"]))
    hits = lexicon.hits(folded, spam.scan(lexicon))
    extra = [Hit(start, end, "web", kind) for start, end, kind in glued_latin(text, folded)]
    if not hits and not extra:
        return
    lines = spam.lines
    # A keyword line matters only where it holds a finding (which is then SPM003's) or a word
    # that reports on the trade (which then does not count): no other line is read.
    words = lexicon.trade_words(folded, spam.scan(lexicon))
    reporting_lines = (lines.index(start) for start, _, roles in words if any(role == "reporting" for role, _ in roles))
    stuffed = spam.stuffed_lines(lexicon, lambda: hits, only=[*(lines.index(hit.start) for hit in hits + extra), *reporting_lines])
    outside = [(hit.start, hit.end) for hit in hits] + [lines.spans[index] for index in stuffed]
    reporting = lexicon.reporting(folded, outside, spam.scan(lexicon))
    limit: int = options["reporting-words"]
    for hit in sorted(hits + extra, key=lambda h: h.start):
        index = lines.index(hit.start)
        if index in stuffed:
            continue  # the whole line is SPM003's
        if hit.category not in ("user", "web") and sum(reporting[c] for c in _RELATED.get(hit.category, (hit.category,))) >= limit:
            continue  # the page is about the trade: a report on gambling, a lottery draw
        line_start, line_end = lines.spans[index]
        if hit.category == "web" and not _SENTENCE_END().search(text, line_start, line_end):
            continue  # an address or code in a list or a heading is the page's own
        yield _term_violation(page, view, text, (line_start, line_end), hit)


def _term_violation(page: Page, view: DenoisedView, text: str, line: tuple[int, int], hit: Hit) -> Violation:
    line_start, line_end = line
    term = text[hit.start : hit.end]
    kind = "term" if hit.kind == "brand" and hit.category in ("adult", "grey-market") else _KIND[hit.kind]
    what = f"{hit.category} {kind}" if hit.category not in ("user", "web") else kind
    before = text[line_start : hit.start].strip(_SPACE)
    after = text[hit.end : line_end].strip(_SPACE)
    if not before and not after:
        message = f"{what} {term!r} on a line of its own"
    elif not (_FULL_STOP().search(text, line_start, line_end) or len(before) + len(after) > 40):
        message = f"{what} {term!r} spliced into a headline: {_head(text[line_start:line_end].strip(_SPACE), 40)!r}"
    elif not after:
        message = f"{what} {term!r} spliced into the end of a sentence, after {_tail(before)!r}"
    elif not before:
        message = f"{what} {term!r} spliced into the start of a sentence, before {_head(after)!r}"
    else:
        message = f"{what} {term!r} spliced into a sentence, between {_tail(before)!r} and {_head(after)!r}"
    start, end = _original(page, view, hit.start, hit.end)
    return Violation(start, end, message, _deletion(page, view, text, line, hit))


def _tail(text: str, size: int = 10) -> str:
    return text if len(text) <= size else "…" + text[-size:]


def _head(text: str, size: int = 10) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _deletion(page: Page, view: DenoisedView, text: str, line: tuple[int, int], hit: Hit) -> Fix:
    """Delete the term; safe when it stands between sentence parts as a whole, not inside a word.

    ``，<term>：江城`` loses the term and the colon after it; ``【<term>】`` goes with its brackets;
    ``<brand>国`` (a brand that replaced the first character of 我国) is left to a person.
    """
    line_start, line_end = line
    start, end = hit.start, hit.end
    if not text[line_start:start].strip(_SPACE) and not text[end:line_end].strip(_SPACE):
        o_start, o_end = page.line_span_with_break(page.line_index(_original(page, view, start, end)[0]))
        return Fix.delete(o_start, o_end, message="remove the spam line")
    left = text[start - 1] if start > line_start else ""
    right = text[end] if end < line_end else ""
    wrapped = text[start] in CLOSERS
    left_open = not left or is_delimiter(left)
    right_open = not right or is_delimiter(right)
    if left_open and right_open and not wrapped:
        if right and right in _JOINERS:
            if right in "。！？!?" and left and left in "，,、；;：:":
                start -= 1
            else:
                end += 1
        elif not right and left and left in "，,、：:":
            start -= 1
    o_start, o_end = _original(page, view, start, end)
    return Fix.delete(o_start, o_end, safe=wrapped or (left_open and right_open), message="remove the spliced term")


SPLICED_TERM = Rule(
    code="SPM001",
    name="spliced-spam-term",
    summary="A gambling, lottery, adult or grey-market name or SEO keyword spliced into the text",
    explanation=(
        "Content farms splice search bait into copied articles: an online casino's site name in the "
        "middle of an accident report, a betting brand that replaces a company's name all through "
        "the text, an SEO keyword such as 'name + 体育 + app下载' in a headline or a keyword field, "
        "a web address or a random token glued into a sentence. This rule finds the built-in "
        "lexicon (names only spam uses, private-lottery games, and keywords shaped 'name + gambling "
        "product + access word' such as X娱乐官网 or X国际登录), the terms you add with "
        "extra-terms, and addresses glued into sentences without a word that introduces them. "
        "The trade's ordinary vocabulary (博彩, 彩票, casino, odds) is never a finding, and a page "
        "that reports on the trade (it uses words such as 赌博, 涉赌, 彩民, gambling or betting "
        "outside the spam) is left alone: news about lottery regulation or a match preview that "
        "quotes odds stays clean. Deleting the term is a safe fix when it stands between sentence "
        "parts or in brackets; when it replaced part of a word, the fix is unsafe. "
        "To add your own names without Python, set extra-terms, or write an existence rule with "
        "family = \"SPM\" in your rules file."
    ),
    bad_example="据江城市应急管理局消息：6月3日凌晨2时许，金沙娱乐网址：江城一家化工企业的仓库起火。",
    good_example="据江城市应急管理局消息：6月3日凌晨2时许，江城一家化工企业的仓库起火。",
    check=_check_spliced_term,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("extra-terms", (), "Your own spam names and keywords (a list of strings), found wherever they stand.", tuple),
        RuleOption("ignore-terms", (), "Built-in terms never to report (a list), e.g. a name that is your site's own.", tuple),
        RuleOption(
            "reporting-words",
            2,
            "A page with this many words that report on a trade (赌博, 彩民, gambling…) outside spam "
            "is about that trade: its names are not reported.",
            int,
        ),
    ),
)


# --- SPM002: recurring inserted phrases -------------------------------------------------------------


def _check_recurring_phrase(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    spam = _spam_page(page)
    settings = (options["min-repeats"], options["min-letters"], options["max-phrase-chars"])
    only = lines_to_read(spam.text, spam.lowered, *settings)
    if not only:
        return
    with collector_paused():  # a page with much to read makes a tuple for each clause of a candidate key
        insertions = repeated_clauses(spam.text, spam.lines.spans, *settings, only)
    for insertion in insertions:
        message = f"phrase {insertion.phrase!r} inserted as a clause of its own {insertion.count} times in the page"
        yield _unsafe_removal(page, spam, insertion.start, insertion.end, message, "inserted phrase")


RECURRING_PHRASE = Rule(
    code="SPM002",
    name="recurring-inserted-phrase",
    summary="A phrase spliced again and again into the text as a clause of its own",
    explanation=(
        "Spam generators splice the page's target query into copied text: after unrelated sentences "
        "as a clause of its own (…电气线路。化工仓库怎么防火最有效。) or at the end of a paragraph. This "
        "rule needs no lexicon: it hashes every clause of the page and reports a clause of content "
        "(at least min-letters letters) that stands on its own, between different neighbouring "
        "clauses, min-repeats times or more. Connectives a writer repeats (与此同时, 此外), labels "
        "ending in a colon, the heading line the phrase came from, and sentences repeated with "
        "their neighbours (a template or a copied paragraph: DUP) are left alone. Deleting the "
        "phrase is offered as an unsafe fix."
    ),
    bad_example="化工仓库怎么防火最有效。企业应定期排查电气线路。化工仓库怎么防火最有效。\n易燃物品应避光存放。化工仓库怎么防火最有效。",
    good_example="企业应定期排查电气线路。\n易燃物品应避光存放。",
    check=_check_recurring_phrase,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min-repeats", 3, "How many times a clause must stand on its own in the page.", int),
        RuleOption("min-letters", 4, "Shortest repeated clause, in letters (Han characters count one each).", int),
        RuleOption("max-phrase-chars", 30, "Longest clause that can be an inserted phrase.", int),
    ),
)


# --- SPM003: keyword-stuffing lines ---------------------------------------------------------------


def _check_stuffing(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    spam = _spam_page(page)
    view = spam.view
    stuffed = spam.stuffed_lines(get_lexicon(), lambda: spam.hits, options["min-items"], options["max-item-chars"])
    for index, verdict in sorted(stuffed.items()):
        line_start = spam.lines.starts[index]
        start, end = _original(page, view, line_start + verdict.start, line_start + verdict.end)
        whole = page.line_span_with_break(page.line_index(start))
        yield Violation(start, end, f"keyword-stuffed line: {verdict.reason}", Fix.delete(*whole, safe=False, message="remove the keyword line"))


KEYWORD_STUFFING = Rule(
    code="SPM003",
    name="keyword-stuffing-line",
    summary="A line of short keyword phrases with no sentence, written for search engines",
    explanation=(
        "Spam pages carry lines that are nothing but keywords: casino site names one after another, "
        "one product keyword with every city in front of it, link texts cut to the same length, or "
        "a keyword field that is the title chopped into single characters with a brand slipped in. "
        "A line counts when it holds at least min-items short phrases separated by spaces, commas, "
        "、 or |, has no sentence punctuation, and also shows one mark of stuffing: trade words in "
        "several phrases, phrases that share their words (the category word of an honest list, "
        "such as 大学 or 有限公司, does not count), phrases cut to one length, or a keyword field "
        "with single-character fragments. A list of districts or guests and a tag line of three "
        "topic keywords stay clean. Deleting the line is offered as an unsafe fix."
    ),
    bad_example="文章正文……\n热门城市：江州折叠床批发价格 临川折叠床批发价格 青山折叠床批发价格 云州折叠床批发价格",
    good_example="文章正文……\n标签：折叠床 批发 价格",
    check=_check_stuffing,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption("min-items", 4, "Fewest phrases on a stuffed line.", int),
        RuleOption("max-item-chars", 16, "Longest phrase (Han characters; a Latin word counts 2).", int),
    ),
)


# --- SPM004: SEO keyword titles --------------------------------------------------------------------


def _check_seo_title(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    spam = _spam_page(page)
    text = spam.text
    found = {seo.keyword: seo for seo in seo_keywords(text, lambda offset: spam.lines.index(offset), options["min-letters"])}
    if not found:
        return
    lines = spam.lines
    keywords = list(found)
    automaton = ahocorasick_rs.AhoCorasick(keywords, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    # A keyword holds no line break (it is read off a line): the pieces keep every match whole.
    pieces_found = (
        (number, offset + begin, offset + finish)
        for offset, piece in pieces(text, _LINE_BREAK)
        for number, begin, finish in automaton.find_matches_as_indexes(piece)
    )
    for number, begin, finish in pieces_found:
        seo = found[keywords[number]]
        index = lines.index(begin)
        line_start, line_end = lines.spans[index]
        if begin > line_start and finish < line_end and CLOSERS.get(text[begin - 1]) == text[finish]:
            begin, finish = begin - 1, finish + 1
        shown = ", ".join(str(line + 1) for line in seo.lines[:4]) + (", …" if len(seo.lines) > 4 else "")
        if index in seo.lines:
            message = f"SEO title: keyword {seo.keyword!r} stuck to a different headline on lines {shown}"
        else:
            message = f"SEO keyword {seo.keyword!r} (stuck to headlines on lines {shown}) spliced in here"
        yield _unsafe_removal(page, spam, begin, finish, message, "keyword")


SEO_TITLE = Rule(
    code="SPM004",
    name="seo-keyword-title",
    summary="One search keyword stuck to different headlines: titles built by an SEO generator",
    explanation=(
        "Generated listing pages make each item's title from a search keyword and a real headline: "
        "「keyword」headline, [keyword]headline, keyword_headline, keyword headline, often with a "
        "teaser line 导读:keyword-word under it. One such line looks like a headline with a section "
        "name; the mark of the generator is the same keyword stuck to different headlines on two or "
        "more lines. Every line that holds the keyword is reported, sentences it was spliced into "
        "too. Keywords found only before a colon (a speaker's label) and short section names "
        "([视频]) do not count. Deleting the keyword is offered as an unsafe fix."
    ),
    bad_example="「五年级写景作文500字」春天的公园\n导读:五年级写景作文500字-公园\n[五年级写景作文500字]秋游记",
    good_example="春天的公园\n秋游记",
    check=_check_seo_title,
    severity=Severity.WARNING,
    fixable=True,
    options=(RuleOption("min-letters", 5, "Shortest keyword, in letters.", int),),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("SPM", "spam spliced into text", "Gambling, lottery or SEO keywords spliced into a page, and keyword stuffing.", "#bcbd22")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [SPLICED_TERM, RECURRING_PHRASE, KEYWORD_STUFFING, SEO_TITLE]
