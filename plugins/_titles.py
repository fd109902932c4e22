"""Title lines of a page: which lines could be a heading, compared in a normalised form.

Shared by the BYL rules that find a title printed again: the heading and its copy are compared
after NFKC, with control characters dropped and spaces collapsed, on the de-noised view.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from typing import NamedTuple

import regex

from lint.model import Fix
from lint.page import Page

__all__ = [
    "LINE_BREAK", "FULL_STOP", "SENTENCE_END", "Candidate", "normalise", "letters", "title_lines",
    "whole_line_fix", "near_copy",
]

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_CONTROL = regex.compile(r"[^\P{Cc}\t]", regex.V1)
_SPACES = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")
_NOT_LETTERS = regex.compile(r"\P{L}+")
FULL_STOP = regex.compile(r"(?:。|(?<!\.)\.)$")  # "..." (an ellipsis after NFKC) is not a full stop
SENTENCE_END = regex.compile(r"(?:[。；;,，、:：]|(?<!\.)\.)$")


def normalise(line: str) -> str:
    """NFKC, control characters dropped (scrapers leave \\x06 and friends), spaces collapsed."""
    if not unicodedata.is_normalized("NFKC", line):
        line = unicodedata.normalize("NFKC", line)
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()


def letters(text: str) -> int:
    """Letters only: a run of lottery numbers or a date is never a title."""
    return len(_NOT_LETTERS.sub("", text))


class Candidate(NamedTuple):
    index: int  # 0-based line
    text: str  # normalised de-noised text
    letters: int  # letters in it
    ends_like_sentence: bool


def title_lines(page: Page, limit: int, max_lines: int | None = None) -> list[Candidate]:
    """Non-blank lines up to ``limit`` characters (normalised, de-noised), the first ``max_lines`` of them.

    Longer lines are kept as blank placeholders so that line distances stay right: a paragraph
    between two headings separates them.
    """
    view = page.denoised.text
    out: list[Candidate] = []
    start = 0
    index = 0
    for match in LINE_BREAK.finditer(view + "\n"):
        raw = view[start : match.start()]
        start = match.end()
        if raw.strip():
            text = normalise(raw) if len(raw) <= limit and _LETTER.search(raw) else ""
            text = text if len(text) <= limit else ""
            out.append(Candidate(index, text, letters(text), bool(SENTENCE_END.search(text) or FULL_STOP.search(text))))
            if max_lines is not None and len(out) >= max_lines:
                break
        index += 1
    return out


def whole_line_fix(page: Page, index: int, message: str) -> Fix:
    start, end = page.line_span_with_break(index)
    if end == len(page.text) and index > 0 and not page.text.endswith(("\n", "\r")):
        # the last line: take the break before it instead, so no empty line is left behind
        start = page.line_span(index - 1)[1]
    return Fix.delete(start, end, message=message)


def near_copy(line: str, title: str, ratio: float) -> bool:
    """A long heading printed again with a word or two changed (a scraper's second template)."""
    if SENTENCE_END.search(line) or FULL_STOP.search(line):
        return False
    if min(letters(line), letters(title)) < 10:
        return False
    a, b = _SPACES.sub("", line), _SPACES.sub("", title)
    if abs(len(a) - len(b)) > 2:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < ratio:
        return False
    changed = "".join(a[i1:i2] + b[j1:j2] for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return bool(_LETTER.search(changed))  # rows that differ only in figures are a table

