"""A tail of teasers: other articles' headlines, each with a line or two of their text.

"More from this site" blocks often show each linked article as its headline and the opening
of its text. Such a tail talks about the same subject as the article (same site, same topic),
so similarity cannot tell it apart; its shape can: from the end of the page back to the
article, short headline lines, each followed by at most ``_MAX_TEASER`` lines of prose.
An article written in sections under headings of its own looks alike, so a page whose article
already has unnumbered headings is left alone.
"""

from __future__ import annotations

from typing import Sequence

from plugins._lazy import lazy_regex
from plugins._line_shapes import Line, Shape, opens_with_label
from plugins._oft_tally import Tally
from plugins._text_stats import unrelated_line

__all__ = ["teaser_tail", "headlines_after_chrome", "cut_teasers"]

_field = opens_with_label(10)  # 上一篇：…, 标签：…
_CLAUSE = lazy_regex(r"[，；;]|,(?=\s|\p{Han})")  # a half-width comma in Chinese text too
_BUTTON = lazy_regex(r"(?i)点击|click here|>>|》》")
_CAPTION = lazy_regex(r"^[『「【\[《].*[』」】\]》]$")  # a bracketed caption or name under an image
_MAX_TEASER = 2  # prose lines under one headline; more is a section of the article
_MIN_HEADLINES = 3
_MIN_TEASERS = 2
_MIN_HEADLINE_WORDS = 4.0
# A signature's date or a byline without a colon: the article's own closing lines.
_SIGNATURE = lazy_regex(r"[\d〇零一二三四五六七八九]{2,4}\s*[-/.年]\s*[\d一二三四五六七八九十]{1,2}|(?:记者|编辑|责编|通讯员|实习生)\s")
_SENTENCE_END = ("。", "！", "？", ".", "!", "?", "”", "\"", "…", "）", ")")  # a bracketed byline closes one too
_MIN_LONE_WORDS = 2.5  # five Chinese characters
_MIN_CLOSING = 2
_MIN_CLOSING_WORDS = 6.0
_MIN_ARTICLE_LINES = 2


def teaser_tail(lines: Sequence[Line], start: int, min_article: int) -> int | None:
    """Position of the first line of a teaser tail after the article at ``lines[start]``, or ``None``."""
    end = len(lines)
    while end > start and (lines[end - 1].shape is Shape.NEUTRAL or _field(lines[end - 1].text)):
        end -= 1  # the site's footer, prev/next links
    first, headlines, teasers, prose_run = end, 0, 0, 0
    seen: set[str] = set()
    for number in range(end - 1, start, -1):
        line = lines[number]
        if line.shape is Shape.PROSE or line.shape is Shape.ITEM and _CLAUSE().search(line.text):  # text, not a headline
            prose_run += 1
            if prose_run > _MAX_TEASER or line.announces:
                break  # the article's own paragraphs, or its words that announce a list
            continue
        if line.shape is not Shape.ITEM or not _headline(line):
            break
        teasers += prose_run > 0
        prose_run = 0
        headlines += 1
        first = number
        seen.add(line.text)
    bare = headlines - teasers  # headlines with no text under them: a heading always has some
    # other articles' headlines differ; captions repeated under each picture do not
    if headlines < _MIN_HEADLINES or teasers < _MIN_TEASERS or not bare or len(seen) < headlines:
        return None
    article = lines[start:first]
    prose = [line for line in article if line.shape is Shape.PROSE]
    if len(prose) < _MIN_ARTICLE_LINES or sum(len(line.terms) for line in prose) < 2 * min_article:
        return None  # a listing of teasers from its first line: the page's content
    if any(_heading(article, number) for number in range(1, len(article) - 1)):
        return None
    return first


def cut_teasers(lines: Sequence[Line], start: int) -> int | None:
    """Position of the first of the teasers cut short with an ellipsis that close an article's
    page, each under its date's remnant, or ``None``. An article's paragraph is whole, or trails
    off in a row of such paragraphs; cut lines between numbers below it are other pages' openings."""
    first, cut = len(lines), 0
    while first > start + 1 and (lines[first - 1].cut or lines[first - 1].shape is Shape.NUMBER):
        first -= 1
        if lines[first].cut and first + 1 < len(lines) and lines[first + 1].cut:
            return None  # paragraphs that trail off one after another: the writer's style
        cut += lines[first].cut
    if cut < _MIN_TEASERS or lines[first - 1].shape is not Shape.PROSE:
        return None
    return first


def headlines_after_chrome(tally: Tally, start: int, max_shared: float) -> int | None:
    """Position of the first of the headlines that close the page after the site's chrome
    (prev/next links, tags, a footer) below the article, or ``None``.

    Lists of three and more are judged by the walk; one or two headlines are too few to be a
    list but after the article's end they are still links to other pages. A lone line there
    may be the site's slogan or a source field, so it must also not talk about the article.
    ``tally`` counts the terms of the page's measured lines.
    """
    lines = tally.lines
    first = len(lines)
    while first > start + 1 and lines[first - 1].shape is Shape.ITEM and _headline(lines[first - 1]):
        first -= 1
    if first == len(lines) and lines[-1].shape is Shape.ITEM and _headline(lines[-1], _MIN_LONE_WORDS):
        first -= 1  # a product's or a short story's name: shorter than a news headline
    if first == len(lines) or len(lines) - first >= _MIN_HEADLINES:
        return None
    above = first - 1
    while above > start and lines[above].shape is Shape.NEUTRAL:
        above -= 1
    if lines[above].shape is not Shape.PROSE or above == first - 1 and not _closing(lines, above, first):
        return None
    lone = lines[first] if len(lines) - first == 1 else None
    if lone is not None and (_field(lone.text) or not unrelated_line(lone.terms, tally.before(first), max_shared)):
        return None
    return first


def _closing(lines: Sequence[Line], above: int, first: int) -> bool:
    """Headlines right under the article's last paragraph, with no chrome between: two of them at
    least, news-length, under a paragraph that ends a sentence. One line there is as often the
    article's last remark, and a name with a date or a reporter's name is its signature."""
    return lines[above].text.endswith(_SENTENCE_END) and len(lines) - first >= _MIN_CLOSING and all(
        line.words >= _MIN_CLOSING_WORDS and not _SIGNATURE().search(line.text) for line in lines[first:]
    )


def _headline(line: Line, min_words: float = _MIN_HEADLINE_WORDS) -> bool:
    """A headline: unnumbered, no field, no clause break (a comma is a sentence's), no link
    button (``详情点击>>``: the site's chrome)."""
    return (
        not line.marked and not line.data and line.words >= min_words and not _BUTTON().search(line.text)
        and not _CLAUSE().search(line.text) and not _CAPTION().match(line.text)
    )


def _heading(article: Sequence[Line], number: int) -> bool:
    """An unnumbered heading of the article's own: a short line between paragraphs."""
    line = article[number]
    return (
        line.shape is Shape.ITEM and not line.marked
        and article[number - 1].shape is Shape.PROSE and article[number + 1].shape is Shape.PROSE
    )
