"""Is prose after the article another article? Term-vector similarity, scaled for size.

Two texts on one subject share their frequent terms; an unrelated text shares only common
ones, so its cosine with the article is low. Short texts look unrelated by chance and pages
that jump from subject to subject (news digests) look like appended articles, so both are
left unjudged rather than guessed at.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import Any, Mapping, Sequence

from plugins._line_shapes import Line, Shape
from plugins._oft_tally import Tally, count_terms
from plugins._records import record
from plugins._text_stats import containment, cosine, cosine_to_rest, square_norm, subtract, suffix_cosines

__all__ = ["Limit", "unrelated_prose", "unrelated_suffix", "headed_article"]

_MIN_SECTION_TERMS = 30  # shorter sections say too little about their topic


@record
class Limit:
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
    def for_page(cls, lines: Sequence[Line], options: Mapping[str, Any]) -> "Limit":
        total = sum(len(line.terms) for line in lines) or 1
        share = sum(line.word_terms for line in lines) / total
        base = options["max-similarity"] * (1 - share) + options["max-similarity-words"] * share
        full_size = max(1, options["full-size-terms"])
        weight = (1 - share) + full_size / max(1, options["full-size-words"]) * share
        return cls(base, weight, full_size, options["min-article-terms"], options["tail-factor"])

    def judged(self, size: int) -> bool:
        """Whether a text of ``size`` terms is long enough to be judged by similarity."""
        return size * self.weight >= self.least

    def __call__(self, size: int) -> float:
        return self.base * min(1.0, size * self.weight / self.full_size)


def unrelated_prose(found: Sequence[str], article: Counter, limit: Limit) -> str | None:
    """Prose next to other appended blocks: unrelated unless clearly about the article."""
    size = min(len(found), sum(article.values()))
    if cosine(Counter(found), article) > limit(size) * limit.tail_factor:
        return None
    return f"unrelated article: shares {containment(found, article):.0%} of its terms with the article"


def unrelated_suffix(tally: Tally, low: int, high: int, limit: Limit) -> tuple[int, str] | None:
    """Where prose ending at line ``high`` stops being the article: the cut least like what precedes it.

    Returns ``(first appended line, reason)``, or ``None`` when every cut from ``low`` on is
    like enough, too short to judge, or the page is a digest.
    """
    if low > high:
        return None
    lines = tally.lines
    units = [lines[number].terms for number in range(low, high + 1)]
    best: tuple[float, int] | None = None
    for offset, similarity, size_before, size_after in suffix_cosines(tally.before(low), units):
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
    article = tally.before(cut)
    appended_counts = count_terms(lines[cut : high + 1])
    if _wanders(lines[:cut], limit, article) or _wanders(lines[cut : high + 1], limit, appended_counts):
        return None  # a digest of unrelated items: no telling what was appended
    appended = list(chain.from_iterable(line.terms for line in lines[cut : high + 1]))
    if cut > low and lines[cut - 1].shape is Shape.ITEM:
        title = lines[cut - 1].terms
        without_title = article - Counter(title)
        if containment(title, appended_counts) > containment(title, without_title):
            cut -= 1  # the appended article's own title
            article = without_title
            appended = list(title) + appended
    return cut, f"unrelated article: shares {containment(appended, article):.0%} of its terms with the article"


def headed_article(lines: Sequence[Line], start: int) -> bool:
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
    return containment(above.terms, Counter(lines[0].terms)) < 0.5


def _wanders(lines: Sequence[Line], limit: Limit, counts: Counter) -> bool:
    """True for a digest: sections under their own headlines that are mostly unrelated.

    A heading is a headline-shaped line followed by prose. A news digest is one headline and
    paragraph after another, each on its own subject; an appended article looks just like one
    more item. ``counts`` are the terms of ``lines``, counted (left unchanged).
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
    short = list(chain.from_iterable(section for section in sections if len(section) < _MIN_SECTION_TERMS))
    sections = [section for section in sections if len(section) >= _MIN_SECTION_TERMS]
    if len(sections) < 2:
        return False
    total = counts
    if short:  # the sections compared are the long ones
        total = counts.copy()
        subtract(total, Counter(short))
    norm = square_norm(total)
    similarities = sorted(cosine_to_rest(Counter(section), total, norm) for section in sections)
    return similarities[len(similarities) // 2] <= limit.base
