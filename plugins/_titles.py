"""Title lines of a page: which lines could be a heading, compared in a normalised form.

Shared by the BYL rules that find a title printed again: the heading and its copy are compared
after NFKC, with control characters dropped and spaces collapsed, on the de-noised view. Each
line is normalised once per page, whichever rules ask for it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from itertools import accumulate

from lint.model import Fix
from lint.page import Page
from plugins._lazy import lazy_regex
from plugins._records import record

__all__ = [
    "LINE_BREAK", "Candidate", "ViewLines", "view_lines", "normalise", "letters", "full_stop", "sentence_end",
    "title_lines", "whole_line_fix", "near_copy",
]  # fmt: skip

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = lazy_regex(r"(?V1)[^\P{Cc}\t]")
_SENTENCE_MARKS = ("。", "；", ";", ",", "，", "、", ":", "：")
#: Anything but the characters whose NFKC form never depends on their neighbours: printable
#: ASCII, CJK ideographs and punctuation, full-width ASCII, a few general punctuation marks and
#: spaces. Their forms hold no combining mark and start no composition, so a line made of them
#: only is normalised one character at a time (the common Chinese line: ideographs and "，：").
_CONTEXTUAL = lazy_regex(r"[^\x20-\x7e\u00a0\u2014\u2018-\u201f\u2026\u3000-\u3003\u3008-\u3011\u3014-\u301f\u4e00-\u9fff\uff01-\uff5e]")
#: Of those, the ones NFKC changes: full-width ASCII, the ideographic and no-break spaces, "…".
_CHANGED = lazy_regex(r"[\uff01-\uff5e\u3000\u00a0\u2026]")


@functools.cache
def _changed_forms() -> dict[str, str]:
    """The NFKC form of each character that ``_CHANGED`` finds."""
    return {char: unicodedata.normalize("NFKC", char) for char in map(chr, [*range(0xFF01, 0xFF5F), 0x3000, 0xA0, 0x2026])}


def _nfkc(line: str) -> str:
    """``unicodedata.normalize("NFKC", line)``, character by character where that gives the same."""
    if unicodedata.is_normalized("NFKC", line):
        return line
    if _CONTEXTUAL().search(line) is None:
        forms = _changed_forms()
        return _CHANGED().sub(lambda match: forms[match.group()], line)
    return unicodedata.normalize("NFKC", line)


def normalise(line: str) -> str:
    """NFKC, control characters dropped (scrapers leave \\x06 and friends), spaces collapsed."""
    line = _nfkc(line)
    if not line.isprintable():  # control characters are not printable: most lines skip this
        line = _CONTROL().sub("", line)
    return " ".join(line.split())


def letters(text: str) -> int:
    """Letters only: a run of lottery numbers or a date is never a title."""
    return sum(map(str.isalpha, text))


def full_stop(text: str) -> bool:
    """Ends with a full stop; ``...`` (an ellipsis after NFKC) is not one."""
    return text.endswith("。") or (text.endswith(".") and not text.endswith(".."))


def sentence_end(text: str) -> bool:
    """Ends like a sentence or a clause: a full stop, a comma, a semicolon or a colon."""
    return text.endswith(_SENTENCE_MARKS) or full_stop(text)


class Candidate:
    """A line that may be a heading: its normalised de-noised text ('' when it cannot be one)."""

    __slots__ = ("index", "text", "ends_like_sentence", "_letters")

    def __init__(self, index: int, text: str) -> None:
        self.index = index  # 0-based line
        self.text = text
        self.ends_like_sentence = bool(text) and sentence_end(text)
        self._letters: int | None = None

    @property
    def letters(self) -> int:
        """Letters in the text, counted on first use: most lines are never asked."""
        if self._letters is None:
            self._letters = letters(self.text)
        return self._letters


@record
class ViewLines:
    """The de-noised view's lines (split at CR, LF or CRLF) and where each starts."""

    lines: list[str]
    starts: list[int]


@record
class _Memo:
    lines: ViewLines
    normalised: dict[int, Candidate]  # line index -> the line normalised (any length)


_MEMOS: "weakref.WeakKeyDictionary[Page, _Memo]" = weakref.WeakKeyDictionary()


def _memo(page: Page) -> _Memo:
    try:
        memo = _MEMOS.get(page)
    except TypeError:  # a page that cannot be weakly referenced: no memo
        memo = None
    if memo is None:
        memo = _Memo(_split(page.denoised.text), {})
        try:
            _MEMOS[page] = memo
        except TypeError:
            pass
    return memo


def _split(view: str) -> ViewLines:
    if "\r" in view:
        lines = LINE_BREAK.split(view)
        starts = [0, *(match.end() for match in LINE_BREAK.finditer(view))]
        return ViewLines(lines, starts)
    lines = view.split("\n")
    return ViewLines(lines, list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0)))


def view_lines(page: Page) -> ViewLines:
    """The de-noised view's lines and their starts, split once per page."""
    return _memo(page).lines


def title_lines(page: Page, limit: int) -> list[Candidate]:
    """Non-blank lines up to ``limit`` characters (normalised, de-noised).

    Longer lines are kept as blank placeholders so that line distances stay right: a paragraph
    between two headings separates them.
    """
    memo = _memo(page)
    out: list[Candidate] = []
    for index, raw in enumerate(memo.lines.lines):
        if len(raw) > limit:
            if not raw.isspace():
                out.append(Candidate(index, ""))
            continue
        if not raw or raw.isspace():
            continue
        line = memo.normalised.get(index)
        if line is None:
            line = memo.normalised[index] = Candidate(index, normalise(raw) if any(map(str.isalpha, raw)) else "")
        out.append(line if len(line.text) <= limit else Candidate(index, ""))
    return out


def whole_line_fix(page: Page, index: int, message: str) -> Fix:
    start, end = page.line_span_with_break(index)
    if end == len(page.text) and index > 0 and not page.text.endswith(("\n", "\r")):
        # the last line: take the break before it instead, so no empty line is left behind
        start = page.line_span(index - 1)[1]
    return Fix.delete(start, end, message=message)


def near_copy(line: Candidate, title: Candidate, ratio: float) -> bool:
    """A long heading printed again with a word or two changed (a scraper's second template)."""
    if line.ends_like_sentence or min(line.letters, title.letters) < 10:
        return False
    a, b = "".join(line.text.split()), "".join(title.text.split())
    if abs(len(a) - len(b)) > 2:
        return False
    from difflib import SequenceMatcher  # rarely needed: not loaded with the plugin

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < ratio:
        return False
    changed = "".join(a[i1:i2] + b[j1:j2] for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return any(map(str.isalpha, changed))  # rows that differ only in figures are a table
