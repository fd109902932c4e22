"""OFT: off-topic content. What follows the article (or comes before it) but does not belong to it.

Scrapers keep whatever the page had after the article: a "related stories" list, a list of
places or names, a whole other article. The rule takes the first prose on the page as the
start of the article, cuts what follows into segments by shape and walks back from the end of
the page (see ``plugins._oft_walk``): each block that does not belong to the article joins the
appended tail, and the walk stops at the first one that does. So an article's own list or
closing paragraph, which the article's text follows or which shares its vocabulary, is left alone.

Real pages also bring what has no clean boundary: menus and headline lists above the article
(``plugins._oft_nav``), and at the end other articles' headlines with their opening lines, or
a couple of headlines after the site's chrome, openings cut short with an ellipsis
(``plugins._oft_teasers``), a ranking box of
the most read pages (``plugins._oft_ranking``), and in generated pages other articles'
headlines spliced between the paragraphs (``plugins._oft_interleaved``).
Those are told by shape: short lines that follow one template, dates and counts at line ends,
lone headlines that share no words with the page. A listing page (its text teasers cut short
with an ellipsis) has no article, so nothing on it is off-topic to one but a ranking box.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import re

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._collector import collector_paused
from plugins._line_shapes import Line, Shape, header_matcher, read_lines
from plugins._oft_interleaved import interleaved_headlines
from plugins._oft_nav import navigation_blocks
from plugins._oft_ranking import ranking_tail
from plugins._oft_teasers import cut_teasers, headlines_after_chrome, teaser_tail
from plugins._oft_segments import cut_segments
from plugins._oft_tally import Tally
from plugins._oft_walk import appended_blocks, headed_lists

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MIN_TEASERS = 2
_RANKING = "ranking of other pages' headlines"

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


def _check_offtopic(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    with collector_paused():
        lines = read_lines(_denoised_lines(page), header_matcher(tuple(options["headers"])), options["max-item-words"])
        found = _offtopic_blocks(lines, options)
    for first, last, reason in found:
        yield _violation(page, lines, first, last, reason)


def _offtopic_blocks(lines: list[Line], options: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """``(first, last, reason)`` of each off-topic block, by positions of measured lines."""
    start = next((number for number, line in enumerate(lines) if line.shape is Shape.PROSE and not line.announces), None)
    if start is None:  # no article on the page (a product sheet): only boxes of other pages' headlines
        segments = cut_segments(lines, 0, options["min-list-lines"], options["min-list-items"])
        return [(segment.first, segment.last, segment.reason) for segment in headed_lists(segments)]
    ranking = ranking_tail(lines, start)
    if _listing(lines, start):  # teasers are the listing's content, not an article others could be appended to
        return [] if ranking is None else [(ranking, len(lines) - 1, _RANKING)]
    found = [(nav.first, nav.last, f"navigation before the article: {nav.entries} short link lines") for nav in
             navigation_blocks(lines, start, options["min-list-lines"], options["min-list-items"], options["min-article-terms"])]
    tally = Tally(lines)  # the page's terms, counted once for all that follows
    tail, reason = teaser_tail(lines, start, options["min-article-terms"]), "headlines of other articles with their opening lines"
    if tail is None:
        tail, reason = ranking, _RANKING
    if tail is None:
        tail, reason = cut_teasers(lines, start), "openings of other articles cut short"
    if tail is None:
        tail, reason = headlines_after_chrome(tally, start, options["max-list-shared"]), "headlines after the end of the article"
    article = tally if tail is None else Tally(lines[:tail])
    found += [(block.first, block.last, block.reason) for block in appended_blocks(article, start, options)]
    if tail is not None:
        found.append((tail, len(lines) - 1, reason))
    covered = {number for first, last, _ in found for number in range(first, last + 1)}
    found += [(number, number, "headline of another article spliced into the text") for number in
              interleaved_headlines(article, options["max-list-shared"]) if number not in covered]
    return found


def _violation(page: Page, lines: list[Line], first: int, last: int, reason: str) -> Violation:
    """The finding for measured lines ``first`` to ``last``, with the fix that deletes them."""
    first, last = lines[first].index, lines[last].index
    where = f"line {first + 1}" if first == last else f"lines {first + 1}-{last + 1}"
    removal = (page.line_span_with_break(first)[0], page.line_span_with_break(last)[1])
    return Violation(
        page.line_span(first)[0],
        page.line_span(last)[1],
        f"{reason} ({where})",
        Fix.delete(*removal, safe=False, message=f"remove the off-topic block ({where})"),
    )


def _listing(lines: list[Line], start: int) -> bool:
    """A listing page (a category, a search result): its text opens with a teaser cut short
    with an ellipsis and most of it is such teasers. They are the page's content, not an
    article that others could be appended to. (An article's own first paragraph is whole.)"""
    prose = [line for line in lines[start:] if line.shape is Shape.PROSE]
    teasers = sum(line.cut for line in prose)
    return lines[start].cut and teasers >= _MIN_TEASERS and teasers * 2 >= len(prose)


def _denoised_lines(page: Page) -> list[str]:
    """The page's lines without injected emoji, so they do not break words or headers."""
    denoised = _LINE_BREAK.split(page.denoised.text)
    return denoised if len(denoised) == len(page.line_starts) else list(page.lines)


OFFTOPIC = Rule(
    code="OFT001",
    name="off-topic-appended",
    summary="Content around the article that does not belong to it: another article, related headlines, a menu before it",
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
        "Before the article, a run of short link lines between the title and the first paragraph "
        "(a menu, other pages' headlines) is reported when its lines follow one template (a shared "
        "start or end, a date or count at the end); the title, a byline, a date line and a table of "
        "contents whose entries recur as the article's headings are left alone. A headline above the "
        "title that shares no words with the article, while the title does, is another page's. After "
        "the article, headlines with a line or two of their text under them, lists of headlines "
        "ending in dates, a list holding this page's own title, a list after the prev/next links and "
        "a ranking box (headlines numbered 1, 2, 3… with the rank glued on) are appended whatever "
        "their subject; so are two headlines right under the last paragraph, two or more lines cut "
        "short with an ellipsis closing the page (other pages' openings), and a lone headline or "
        "name after the prev/next links that shares no words with the article. A signature (a name "
        "and a date, a reporter's name) and the two titles under 文章导航 are not. Headlines "
        "standing alone between paragraphs that share almost no words with the page are spliced in "
        "(generated pages); a section heading names what its section says. A listing of teasers "
        "cut short with an ellipsis is the page's content and is left alone.\n\n"
        "The fix deletes the block's lines. It is unsafe: it removes whole lines of text."
    ),
    bad_example=(
        "英伟达宣布向OpenAI投资千亿美元，双方将合作建设10GW的算力中心。\n推荐阅读\n"
        "建宁路街道广场舞比赛搭建风采展示平台\n7222\n百余名环卫工技能竞赛上展“绣花功夫”\n7621"
    ),
    good_example=(
        "英伟达宣布向OpenAI投资千亿美元，双方将合作建设10GW的算力中心。\n"
        "分析人士认为，这笔投资将推高OpenAI的算力成本。"
    ),
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
