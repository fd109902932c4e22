"""Language-independent topic statistics: is this block about the same thing as the article?

Whitespace tokenisation fails on Chinese, so a text's terms are character bigrams inside runs
of scripts written without spaces (Han, kana, Thai...) and lower-cased word stems elsewhere.
Digits are left out: view counts and dates say nothing about the topic. Term extraction is a
few ``re`` calls that run in C, and every comparison is linear in the number of terms.
"""

from __future__ import annotations

import functools
import math
import operator
from itertools import chain, repeat
from collections import Counter
from typing import Iterable, Mapping, Sequence

import re

from plugins._lazy import RegexFirst

__all__ = ["terms", "measure", "containment", "unrelated_line", "cosine", "cosine_to_rest", "suffix_cosines", "square_norm", "subtract"]

_ZEROS = repeat(0)  # the count of a term a text lacks, for ``map`` over ``dict.get``

# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, kana, Han): their
# characters pair up into bigrams. Explicit ranges, so the standard ``re`` (no script
# properties, but faster here and already imported) does the scanning.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


@functools.cache
def _scanners() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words (word characters that are neither digits nor underscores) and numbers; compiled on
    first use, not at import."""
    return re.compile(r"[^\W\d_]+"), re.compile(r"\d+(?:[.,:/-]\d+)*")


#: Runs of unspaced script: ``re`` compiles the ranges one character at a time (2 ms), then scans
#: lines several times faster, while ``regex`` compiles them at once; the first 10,000 characters
#: of a process (under where the two cost the same, ~15,000) are scanned with ``regex``.
_RUNS = RegexFirst(f"[{_UNSPACED}]+", 10_000)


def _unspaced_runs(text: str) -> list[str]:
    return _RUNS(len(text)).findall(text)


@functools.cache
def _spaced_words() -> re.Pattern[str]:
    """Words of spaced scripts (word characters neither digits nor unspaced), for a text with
    unspaced runs: elsewhere ``[^\\W\\d_]`` finds the same words. ``re`` compiles a range one
    character at a time (a few ms for the Han blocks), which an English page then skips."""
    return re.compile(rf"[^\W\d_{_UNSPACED}]+")


#: Function words every Latin-script text shares; they would make any two texts look related.
_STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of to in on at by for from with without into onto
    over under about after before between through during up down out off again once here there
    when where why how all any both each few more most other some such no nor not only own same
    too very can will just should would could may might must shall is are was were be been being
    have has had having do does did doing i me my we our ours you your he him his she her it its
    they them their what which who whom this that these those am said says also one two new
    le la les de des du et en un une est pour que qui dans sur par au aux el los las del y por
    con para der die das und ist den dem mit von zu
    """.split()
)

#: Words are cut to this many letters, a crude stemmer that makes "governments" match "government".
_STEM = 6


def terms(text: str) -> list[str]:
    """The topic terms of ``text``: unspaced-script bigrams (a lone character alone), word stems."""
    return measure(text)[0]


def measure(text: str) -> tuple[list[str], float, int]:
    """``(terms, length, word terms)`` of ``text``: the last counts the terms that are words.

    Bigrams are made from each unspaced run by ``map`` in C, which measured faster than slicing
    and far faster than an overlapping lookahead. The length is in word equivalents: words and numbers,
    plus unspaced characters / 1.7 (a Chinese word is about 1.7 characters long), so one length
    threshold fits both scripts.
    """
    words_in, numbers_in = _scanners()
    found: list[str] = []
    runs = [] if text.isascii() else _unspaced_runs(text)  # no unspaced script is ASCII
    for run in runs:
        if len(run) == 1:
            found.append(run)
        else:
            found += map(operator.add, run, run[1:])
    words = (_spaced_words() if runs else words_in).findall(text)
    kept = [word[:_STEM] for word in map(str.lower, words) if len(word) > 1 and word not in _STOPWORDS]
    found += kept
    return found, len(words) + len(numbers_in.findall(text)) + sum(map(len, runs)) / 1.7, len(kept)


def containment(part: Iterable[str], whole: Mapping[str, int]) -> float:
    """Share of the distinct terms of ``part`` that occur in ``whole`` (counts above 0)."""
    distinct = set(part)
    if not distinct:
        return 0.0
    return sum(map(operator.gt, map(whole.get, distinct, _ZEROS), _ZEROS)) / len(distinct)


#: A single line is short: it shares this fraction of a list's limit at most to be unrelated.
_LINE_SHARE = 0.5


def unrelated_line(found: Iterable[str], other: Mapping[str, int], max_shared: float) -> bool:
    """Whether a line's terms are unrelated to ``other``: one or two shared bigrams in a
    headline happen by chance, more mean it talks about the same thing."""
    return containment(found, other) <= max_shared * _LINE_SHARE


def cosine(one: Counter, other: Counter) -> float:
    """Cosine of two term-count vectors: frequent terms (a text's topic words) weigh most."""
    if len(one) > len(other):
        one, other = other, one
    dot = _dot(one, other)
    if not dot:
        return 0.0
    return dot / math.sqrt(square_norm(one) * square_norm(other))


def cosine_to_rest(part: Counter, total: Counter, total_square_norm: float) -> float:
    """:func:`cosine` of ``part`` and ``total - part`` (``part`` counted in ``total``), without
    building the difference: comparing each of many sections with the rest of a page stays
    linear in the page.

    With ``shared`` = Σ part[t]·total[t] and ``own`` = |part|², ``dot(part, total - part)`` is
    ``shared - own`` and ``|total - part|²`` is ``|total|² - (2 shared - own)``: two sums that
    ``map`` does in C.
    """
    shared = _dot(part, total)
    own = square_norm(part)
    dot = shared - own
    if not dot:
        return 0.0
    return dot / math.sqrt(own * (total_square_norm - 2 * shared + own))


def suffix_cosines(head: Counter, units: Sequence[Sequence[str]]) -> list[tuple[int, float, int, int]]:
    """For every cut of ``units``: how alike the suffix is to everything before it.

    ``head`` holds the terms before ``units[0]``. Cutting before unit ``k`` compares
    ``units[k:]`` with ``head`` + ``units[:k]``. Returns ``(k, cosine, terms before, terms
    after)`` for ``k`` in ``0..len(units)-1``.

    With ``whole`` = head + every unit and ``before`` = head + ``units[:k]``, the suffix is
    ``whole - before``, so ``dot(before, suffix) = dot(before, whole) - |before|²`` and
    ``|suffix|² = |whole|² - 2 dot(before, whole) + |before|²``: each unit only adds its dot
    products with ``whole`` and ``before``. Those are sums over the unit's terms done by
    ``map`` in C, so the scan is linear in the number of terms and cheap per term.
    """
    whole = Counter(head)
    whole.update(chain.from_iterable(units))
    before = Counter(head)
    norm_whole = square_norm(whole)
    norm_before = square_norm(before)
    dot_whole = _dot(before, whole)
    size_before = sum(before.values())
    size_whole = sum(whole.values())
    cuts = []
    for index, unit in enumerate(units):
        dot = dot_whole - norm_before
        norm_after = norm_whole - 2 * dot_whole + norm_before
        value = dot / math.sqrt(norm_before * norm_after) if norm_before and norm_after else 0.0
        cuts.append((index, value, size_before, size_whole - size_before))
        # |before + unit|² = |before|² + Σ before[t] over the unit's terms, counted before and after adding it
        norm_before += sum(map(before.get, unit, _ZEROS))
        before.update(unit)
        norm_before += sum(map(before.__getitem__, unit))
        dot_whole += sum(map(whole.__getitem__, unit))
        size_before += len(unit)
    return cuts


def _dot(one: Mapping[str, int], other: Mapping[str, int]) -> int:
    """Σ one[t]·other[t], by ``map`` in C over ``one``'s terms (the fewer, where it matters)."""
    return sum(map(operator.mul, one.values(), map(other.get, one.keys(), _ZEROS)))


def square_norm(counts: Counter) -> int:
    """The square of a term-count vector's length (a whole page's, computed once, serves many cosines)."""
    return sum(map(operator.mul, counts.values(), counts.values()))


def subtract(counts: Counter, part: Mapping[str, int]) -> None:
    """``counts.subtract(part)`` with every step done by ``map`` in C, not a Python loop per
    term: a walk up a page takes each block it passes off the count of what precedes it.
    Counts that reach 0 stay, as with ``Counter.subtract``."""
    dict.update(counts, zip(part.keys(), map(operator.sub, map(counts.__getitem__, part.keys()), part.values())))
