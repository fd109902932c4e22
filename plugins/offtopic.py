"""OFT: off-topic appended content. What follows the article but does not belong to it.

Scrapers keep whatever the page had after the article: a "related stories" list, a list of
places or names, a whole other article. The rule finds the article (the first prose on the
page), cuts what follows into blocks by shape (header + headlines, list, prose) and walks back
from the end of the page: each block that does not belong to the article joins the appended
tail, and the walk stops at the first block that does. So an article's own list or closing
paragraph, which the article's text follows or which shares its vocabulary, is never reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence

import regex

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._line_shapes import Line, Shape, header_matcher, read_lines
from plugins._text_stats import containment, cosine, suffix_cosines

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_MIN_SECTION_TERMS = 30  # shorter sections say too little about their topic
_MIN_PROSE_TERMS = 30  # after less prose than this, a list is the page's content
# So is a list with this many times more terms than the prose before it, if its items share
# their words as the lines of one product's data sheet do.
_CONTENT_RATIO = 3
_COHESIVE_LIST = 0.3
_HEADLINE_WORDS = 6  # list items this long on average are headlines, shorter ones names or places
# Headlines pick up a page's common words more than names do: they may share this much more.
_HEADLINE_FACTOR = 1.5
_LONG_LIST = 5  # ... when there are this many of them

OPTIONS = (
    RuleOption("max-similarity", 0.06, "prose after the article whose term cosine with it is at most this is unrelated (Chinese-like text)", float),
    RuleOption("max-similarity-words", 0.12, "the same limit for text in spaced scripts, whose words are shared more often than bigrams", float),
    RuleOption("full-size-terms", 250, "for shorter texts the limit shrinks in proportion: short texts look unrelated by chance", int),
    RuleOption("full-size-words", 150, "the same size for text in spaced scripts, whose word terms say more each", int),
    RuleOption("min-article-terms", 60, "prose needs this many terms (bigrams or words) to be judged by similarity", int),
    RuleOption("tail-factor", 2.0, "prose followed by another appended block may be this many times as similar", float),
    RuleOption("min-list-lines", 3, "a list has at least this many item lines", int),
    RuleOption("min-list-items", 8, "or this many items enumerated on fewer lines", int),
    RuleOption("max-list-shared", 0.3, "a list sharing at most this share of its terms with the article is unrelated", float),
    RuleOption("max-item-words", 60.0, "longest headline or list item, in words (a Chinese word is 1.7 characters)", float),
    RuleOption("headers", [], "extra header phrases that start a list of other pages' headlines", list),
)


@dataclass
class _Segment:
    kind: Shape  # HEADER, ITEM (a list), PROSE or NEUTRAL
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    def terms(self) -> list[str]:
        return [term for line in self.lines for term in line.terms]


@dataclass(frozen=True)
class _Block:
    """An appended block: its lines (indices into the measured lines) and why it is off-topic."""

    first: int
    last: int
    reason: str


def _check_offtopic(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    lines = read_lines(_denoised_lines(page), header_matcher(tuple(options["headers"])), options["max-item-words"])
    start = next((position for position, line in enumerate(lines) if line.shape is Shape.PROSE and not line.announces), None)
    if start is None:
        return  # no article on the page: nothing can be off-topic to it
    blocks = _appended_blocks(lines, start, options)
    for block in sorted(blocks, key=lambda block: block.first):
        first, last = lines[block.first].index, lines[block.last].index
        where = f"line {first + 1}" if first == last else f"lines {first + 1}-{last + 1}"
        span_start = page.line_span(first)[0]
        span_end = page.line_span(last)[1]
        removal = (page.line_span_with_break(first)[0], page.line_span_with_break(last)[1])
        yield Violation(
            span_start,
            span_end,
            f"{block.reason} ({where})",
            Fix.delete(*removal, safe=False, message=f"remove the appended block ({where})"),
        )


def _denoised_lines(page: Page) -> list[str]:
    """The page's lines without injected emoji, so they do not break words or headers."""
    denoised = _LINE_BREAK.split(page.denoised.text)
    return denoised if len(denoised) == len(page.line_starts) else list(page.lines)


def _appended_blocks(lines: list[Line], start: int, options: Mapping[str, Any]) -> list[_Block]:
    """Walk back from the end of the page; collect blocks until one belongs to the article."""
    segments = _segments(lines, start, options)
    limit = _Limit.for_page(lines, options)
    position = {id(line): number for number, line in enumerate(lines)}
    blocks: list[_Block] = []
    pending: list[_Segment] = []  # short prose, appended only if what precedes it is
    in_tail = False  # an appended block follows the segment in hand
    before = _terms_before(lines, len(lines))  # the terms before the segment in hand
    for number in range(len(segments) - 1, -1, -1):
        segment = segments[number]
        first, last = position[id(segment.first)], position[id(segment.last)]
        before.subtract(segment.terms())  # zero counts stay: every measure treats them as absent
        if segment.kind is Shape.NEUTRAL:
            continue
        if segment.kind is Shape.HEADER:
            in_tail = True  # reported wherever it stands, below
        elif segment.kind is Shape.ITEM:
            if _own_list(lines, first, segment, start, options):
                reason = None
            elif number and segments[number - 1].kind is Shape.NEUTRAL:
                reason = _list_kind(segment) + " after the end of the article"
            else:
                reason = _unrelated_list(segment, before, options)
            if reason is None:
                break
            blocks.append(_Block(first, last, reason))
            in_tail = True
        else:
            size = len(segment.terms())
            holds_article = first <= start
            if not holds_article and not limit.judged(size):
                pending.append(segment)
                continue
            if not holds_article and in_tail:
                reason = _unrelated_in_tail(segment, before, limit)
                if reason is not None:
                    blocks.append(_Block(first, last, reason))
                    blocks.extend(_pending_blocks(pending, position, "short text between appended blocks"))
                    pending = []
                    continue
            if not holds_article and not in_tail:
                reason = _after_appended_list(segments, number, lines, position, start, limit, options)
                if reason is not None:
                    blocks.append(_Block(first, last, reason))
                    blocks.extend(_pending_blocks(pending, position, "short text between appended blocks"))
                    pending = []
                    in_tail = True
                    continue
            cut = None if _headed_article(lines, start) else _unrelated_suffix(lines, max(first, start + 1), last, limit, options)
            if cut is None:
                break
            blocks.append(_Block(cut[0], last, cut[1]))
            if cut[0] > first:
                blocks.extend(_pending_blocks(pending, position, "short text after an unrelated article"))
                break
            in_tail = True  # the whole segment is appended: what precedes it may be too
        blocks.extend(_pending_blocks(pending, position, "short text between appended blocks"))
        pending = []
    for segment in segments:
        if segment.kind is Shape.HEADER:
            reason = f"headline list after '{segment.first.header}'"
            blocks.append(_Block(position[id(segment.first)], position[id(segment.last)], reason))
    return _merge(blocks)


def _after_appended_list(
    segments: Sequence[_Segment], number: int, lines: Sequence[Line], position: dict[int, int], start: int,
    limit: "_Limit", options: Mapping[str, Any],
) -> str | None:
    """Prose that closes the page after an unrelated list is judged as if already in the tail.

    (A list of headlines, then another article: the article is compared with the page's
    own article before the list, with the tail's more lenient limit.)
    """
    previous = next((segment for segment in reversed(segments[:number]) if segment.kind is not Shape.NEUTRAL), None)
    if previous is None or previous.kind is Shape.PROSE:
        return None
    first = position[id(previous.first)]
    article = _terms_before(lines, first)
    if previous.kind is Shape.ITEM and (
        _own_list(lines, first, previous, start, options) or _unrelated_list(previous, article, options) is None
    ):
        return None
    return _unrelated_in_tail(segments[number], article, limit)


def _pending_blocks(pending: list[_Segment], position: dict[int, int], reason: str) -> list[_Block]:
    return [_Block(position[id(segment.first)], position[id(segment.last)], reason) for segment in pending]


def _merge(blocks: list[_Block]) -> list[_Block]:
    """Short leftovers join the block next to them, so each appended block is one finding."""
    ordered = sorted(blocks, key=lambda block: block.first)
    merged: list[_Block] = []
    for block in ordered:
        if merged and block.reason.startswith("short text") and merged[-1].last + 1 == block.first:
            merged[-1] = _Block(merged[-1].first, block.last, merged[-1].reason)
        elif merged and merged[-1].reason.startswith("short text") and merged[-1].last + 1 == block.first:
            merged[-1] = _Block(merged[-1].first, block.last, block.reason)
        else:
            merged.append(block)
    return merged


def _segments(lines: list[Line], start: int, options: Mapping[str, Any]) -> list[_Segment]:
    """Group the lines from the article's start into header blocks, lists, prose and footers."""
    segments: list[_Segment] = []
    number = start
    while number < len(lines):
        line = lines[number]
        if line.shape is Shape.HEADER:
            block = _Segment(Shape.HEADER, [line])
            number += 1
            while number < len(lines) and lines[number].shape in (Shape.ITEM, Shape.NUMBER):
                block.lines.append(lines[number])
                number += 1
            if len(block.lines) > 1 or line.items:
                segments.append(block)
            else:
                segments.append(_Segment(Shape.NEUTRAL, [line]))
            continue
        if line.shape in (Shape.ITEM, Shape.NUMBER):
            run = []
            while number < len(lines) and lines[number].shape in (Shape.ITEM, Shape.NUMBER):
                run.append(lines[number])
                number += 1
            item_lines = sum(1 for item in run if item.shape is Shape.ITEM)
            items = sum(item.items for item in run)
            if item_lines >= options["min-list-lines"] or (item_lines and items >= options["min-list-items"]):
                segments.append(_Segment(Shape.ITEM, run))
            else:
                _add_prose(segments, run)
            continue
        if line.shape is Shape.NEUTRAL:
            segments.append(_Segment(Shape.NEUTRAL, [line]))
        else:
            _add_prose(segments, [line])
        number += 1
    return segments


def _add_prose(segments: list[_Segment], lines: list[Line]) -> None:
    if segments and segments[-1].kind is Shape.PROSE:
        segments[-1].lines.extend(lines)
    else:
        segments.append(_Segment(Shape.PROSE, list(lines)))


def _terms_before(lines: Sequence[Line], first: int) -> Counter:
    counts: Counter = Counter()
    for line in lines[:first]:
        counts.update(line.terms)
    return counts


def _own_list(lines: Sequence[Line], first: int, segment: _Segment, start: int, options: Mapping[str, Any]) -> bool:
    """The article's own list: announced by its text, bulleted or numbered, or a data sheet.

    Also any list after too little prose to judge it by: then the list is the page's content.
    """
    entries = [line for line in segment.lines if line.shape is Shape.ITEM]
    if sum(line.marked for line in entries) * 2 >= len(entries) or sum(line.data for line in entries) * 2 >= len(entries):
        return True
    previous = next((line for line in reversed(lines[:first]) if line.shape is not Shape.NEUTRAL), None)
    if previous is not None and previous.intro:
        return True
    prose = sum(len(line.terms) for line in lines[start:first] if line.shape is Shape.PROSE)
    if prose < _MIN_PROSE_TERMS:
        return True
    return len(segment.terms()) > _CONTENT_RATIO * prose and _list_cohesion(segment) >= _COHESIVE_LIST


def _list_cohesion(segment: _Segment) -> float:
    """How much a list's items talk about the same things: the mean share of an item's terms
    found in the other items. A product's spec lines share their words; headlines of random
    other pages do not."""
    items = [set(line.terms) for line in segment.lines if line.shape is Shape.ITEM and line.terms]
    if len(items) < 2:
        return 0.0
    seen: Counter = Counter()
    for terms in items:
        seen.update(terms)
    shares = [sum(1 for term in terms if seen[term] > 1) / len(terms) for terms in items]
    return sum(shares) / len(shares)


def _unrelated_list(segment: _Segment, article: Counter, options: Mapping[str, Any]) -> str | None:
    """Why a list is not the article's own (its terms are not the article's), or ``None``."""
    found = segment.terms()
    shared = containment(found, article)
    entries = sum(1 for line in segment.lines if line.shape is Shape.ITEM)
    headlines = _mean_words(segment) >= _HEADLINE_WORDS and entries >= _LONG_LIST
    if shared > options["max-list-shared"] * (_HEADLINE_FACTOR if headlines else 1):
        return None
    return f"{_list_kind(segment)} unrelated to the article: shares {shared:.0%} of its terms with it"


def _list_kind(segment: _Segment) -> str:
    """"list of 12 headlines" or "list of 40 short items" (names, places)."""
    entries = [line for line in segment.lines if line.shape is Shape.ITEM]
    if _mean_words(segment) >= _HEADLINE_WORDS:
        return f"list of {len(entries)} headlines"
    return f"list of {sum(line.items for line in entries)} short items"


def _mean_words(segment: _Segment) -> float:
    entries = [line for line in segment.lines if line.shape is Shape.ITEM]
    return sum(line.words for line in entries) / max(1, sum(line.items for line in entries))


def _unrelated_in_tail(segment: _Segment, article: Counter, limit: "_Limit") -> str | None:
    """Prose followed by another appended block: unrelated unless clearly about the article."""
    found = segment.terms()
    size = min(len(found), sum(article.values()))
    if cosine(Counter(found), article) > limit(size) * limit.tail_factor:
        return None
    return f"unrelated article: shares {containment(found, article):.0%} of its terms with the article"


def _unrelated_suffix(lines: list[Line], low: int, high: int, limit: "_Limit", options: Mapping[str, Any]) -> tuple[int, str] | None:
    """Where prose at the end stops being the article: the cut least like what precedes it."""
    if low > high:
        return None
    head = _terms_before(lines, low)
    units = [lines[number].terms for number in range(low, high + 1)]
    best: tuple[float, int] | None = None
    for offset, similarity, size_before, size_after in suffix_cosines(head, units):
        size = min(size_before, size_after)
        if limit.judged(size):
            ratio = similarity / limit(size)
            if best is None or ratio < best[0]:
                best = (ratio, low + offset)
    if best is None or best[0] > 1:
        return None
    cut = best[1]
    prose = sum(len(line.terms) for line in lines[cut : high + 1] if line.items == 1)
    if not limit.judged(prose):
        return None  # what follows is a list of names, not an article
    if _wanders(lines[:cut], limit) or _wanders(lines[cut : high + 1], limit):
        return None  # a digest of unrelated items: no telling what was appended
    article = Counter(term for line in lines[:cut] for term in line.terms)
    appended = [term for line in lines[cut : high + 1] for term in line.terms]
    if cut > low and lines[cut - 1].shape is Shape.ITEM:
        title = lines[cut - 1].terms
        without_title = article - Counter(title)
        if containment(title, Counter(appended)) > containment(title, without_title):
            cut -= 1  # the appended article's own title
            article = without_title
            appended = list(title) + appended
    return cut, f"unrelated article: shares {containment(appended, article):.0%} of its terms with the article"


@dataclass(frozen=True)
class _Limit:
    """The cosine under which two texts are unrelated, for texts of a given size.

    Word terms are shared more often than character bigrams, so the limit moves from the
    bigram limit to the word limit with the page's share of word terms. Short texts look
    unrelated by chance, so below full size the limit shrinks in proportion, and below the
    smallest size nothing is judged. A word says more than a bigram: sizes are counted in
    bigram equivalents (``weight`` bigrams per term, from the two full sizes).
    """

    base: float
    weight: float
    full_size: int
    least: int
    tail_factor: float

    @classmethod
    def for_page(cls, lines: Sequence[Line], options: Mapping[str, Any]) -> "_Limit":
        total = sum(len(line.terms) for line in lines) or 1
        share = sum(line.word_terms for line in lines) / total
        base = options["max-similarity"] * (1 - share) + options["max-similarity-words"] * share
        full_size = max(1, options["full-size-terms"])
        words_ratio = full_size / max(1, options["full-size-words"])
        weight = (1 - share) + words_ratio * share
        return cls(base, weight, full_size, options["min-article-terms"], options["tail-factor"])

    def judged(self, size: int) -> bool:
        """Whether a text of ``size`` terms is long enough to be judged by similarity."""
        return size * self.weight >= self.least

    def __call__(self, size: int) -> float:
        return self.base * min(1.0, size * self.weight / self.full_size)


def _headed_article(lines: Sequence[Line], start: int) -> bool:
    """True when the first paragraph has a headline of its own below the page title.

    That is how a digest of short news items opens (国内联播快讯: headline, paragraph,
    headline, paragraph...). Each later item is as unrelated to the first as an appended
    article would be, so such pages are not judged by similarity.
    """
    if start < 2:
        return False
    above = lines[start - 1]
    if above.shape is not Shape.ITEM or above.words < 4 or above.data:
        return False  # no headline (a byline or a date field is not one)
    title = Counter(lines[0].terms)
    return containment(above.terms, title) < 0.5


def _wanders(lines: Sequence[Line], limit: _Limit) -> bool:
    """True for a digest: sections under their own headlines that are mostly unrelated.

    A heading is a headline-shaped line followed by prose. A news digest (国内联播快讯) is
    one headline and paragraph after another, each on its own subject; an appended article
    looks just like one more item, so such pages are not judged by similarity.
    """
    sections: list[list[str]] = []
    current: list[str] = []
    for number, line in enumerate(lines):
        heading = line.shape is Shape.ITEM and number + 1 < len(lines) and lines[number + 1].shape is Shape.PROSE
        if heading and current:
            sections.append(current)
            current = []
        current.extend(line.terms)
    sections.append(current)
    sections = [section for section in sections if len(section) >= _MIN_SECTION_TERMS]
    if len(sections) < 2:
        return False
    total: Counter = Counter()
    for section in sections:
        total.update(section)
    similarities = []
    for section in sections:
        own = Counter(section)
        similarities.append(cosine(own, total - own))
    similarities.sort()
    return similarities[len(similarities) // 2] <= limit.base


OFFTOPIC = Rule(
    code="OFT001",
    name="off-topic-appended",
    summary="Content after the article that does not belong to it: another article, a list, related headlines",
    explanation=(
        "Scraped pages keep what the site put after the article: a 'related stories' or 推荐阅读 "
        "list of other headlines (often with view counts), a list of places or names, or a whole "
        "unrelated article. Such text pollutes a corpus with content the page is not about.\n\n"
        "The rule takes the first prose on the page as the article and walks back from the end: "
        "a header such as 相关阅读 or 'Related stories' with the headlines after it, a list whose "
        "terms (character bigrams, word stems) the article does not share, and prose whose term "
        "vector is far from the article's are appended blocks; the walk stops at the first block "
        "that belongs to the article. An article's own bullet list, numbered steps or closing "
        "paragraph share its vocabulary or are followed by more of it, and are left alone. A "
        "page that wanders from topic to topic (a news digest) is not judged by similarity.\n\n"
        "The fix deletes the block's lines. It is unsafe: it removes whole lines of text."
    ),
    bad_example="英伟达宣布向OpenAI投资千亿美元……\n推荐阅读\n建宁路街道广场舞比赛搭建风采展示平台\n7222\n百余名环卫工技能竞赛上展“绣花功夫”\n7621",
    good_example="英伟达宣布向OpenAI投资千亿美元……\n分析人士认为，这笔投资将推高OpenAI的算力成本。",
    check=_check_offtopic,
    severity=Severity.WARNING,
    fixable=True,
    options=OPTIONS,
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("OFT", "off-topic appended content", "What follows the article but does not belong to it.", "#9467bd")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [OFFTOPIC]
