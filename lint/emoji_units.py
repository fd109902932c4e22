"""Find emoji as whole sequences (ZWJ, skin tones, flags, keycaps, tags, U+FE0F) with ``regex``.

The ``emoji`` package is pure Python and runs at 1-2 MB/s; one ``regex`` pass runs at 100+ MB/s.
So we scan with ``regex`` and only tell emoji from text-style symbols (``©``, ``™``, ``↔``)
by their Unicode properties: a unit is an emoji when it is shown as one (Emoji_Presentation,
or a text-default pictograph followed by U+FE0F, a modifier, a ZWJ, a keycap or a flag).
The patterns are compiled on first use: most pages, and many runs, never need them.
"""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

_EP = r"\p{Extended_Pictographic}"
_MOD = r"\p{Emoji_Modifier}"
_ELEMENT = rf"(?:{_EP}|{_MOD})(?:\uFE0F|{_MOD})*"
_TAGS = r"[\U000E0020-\U000E007E]+\U000E007F"
#: One emoji unit, longest first: flags, keycaps, tag sequences, ZWJ chains.
_UNIT = (
    rf"\p{{Regional_Indicator}}{{2}}"
    rf"|[0-9#*]\uFE0F?\u20E3"
    rf"|\U0001F3F4{_TAGS}"
    rf"|{_ELEMENT}(?:\u200D{_ELEMENT})*\uFE0F?"
)
#: Invisible characters scrapers leave in text that phrase matching must look through.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_NOISE = rf"(?:{_UNIT})|[{_INVISIBLE}]"
#: What makes a unit shown as an emoji.
_PRESENTED = r"\p{Emoji_Presentation}|\uFE0F|\u20E3|\u200D|\p{Emoji_Modifier}"


@functools.cache
def _compiled(pattern: str):  # -> regex.Pattern[str]
    """One of the patterns above, compiled on first use."""
    import regex

    return regex.compile(pattern, regex.V1)


@functools.lru_cache(maxsize=4096)
def is_emoji(unit: str) -> bool:
    """True when a matched unit is displayed as an emoji, not a text-style symbol.

    Cached: a page repeats a few units, and this runs once per unit found.
    """
    return _compiled(_PRESENTED).search(unit) is not None


def iter_emoji(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, unit)`` for every emoji unit in ``text`` (text-style symbols skipped).

    The noise pattern finds the same units (no unit starts with an invisible character), so a
    run compiles one pattern, not two; a page's rules take its units from :func:`emoji_among`.
    """
    end = len(text) if endpos is None else endpos
    for match in _compiled(_NOISE).finditer(text, pos, end):
        unit = match.group()
        if unit not in _INVISIBLE and is_emoji(unit):
            yield match.start(), match.end(), unit


def emoji_among(text: str, noise: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, unit)`` for every emoji unit among the noise spans :func:`iter_noise` found
    (as the page's de-noised view keeps them): the units of :func:`iter_emoji`, without scanning
    the page a second time."""
    for start, end in noise:
        unit = text[start:end]
        if unit not in _INVISIBLE:
            yield start, end, unit


def iter_noise(text: str) -> Iterator[tuple[int, int]]:
    """Spans the de-noised view drops: emoji units and invisible characters."""
    for match in _compiled(_NOISE).finditer(text):
        unit = match.group()
        if unit in _INVISIBLE or is_emoji(unit):
            yield match.start(), match.end()
