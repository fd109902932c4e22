"""Copies of a heading that are not whole lines: cut short, or run into the text after them.

BYL003 finds a heading printed twice. Scrapers also leave two partial shapes of it:

- the title cut short with dots at the end of a product page (``双立人 迷你电饭煲..`` under the
  heading ``双立人 迷你电饭煲``), the template's "recently viewed" box;
- in a listing, each item's title again at the head of its teaser, run into the teaser's first
  word with nothing between (``……能否争冠直播吧1月15日讯 在刚刚结束的……``), because the
  scraper joined two elements of the item.

A writer who restates a title punctuates it (``标题？现在……``), and a sentence that begins like
the title goes on differently; only an exact copy of a whole heading line counts.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from plugins._lazy import lazy_regex
from plugins._titles import Candidate, ViewLines, letters, normalise

__all__ = ["RunIn", "truncated_copies", "run_in_copies"]

# Dots or an ellipsis that cut a copy short (after NFKC "…" is "...").
_CUT = lazy_regex(r"(?V1)[ \t]*(?:\.{2,}|…+)$")
_WORD_CHAR = lazy_regex(r"(?V1)[\p{L}\p{N}]")
# Words that continue a sentence whose subject is the heading's name.
_GRAMMAR_NEXT = lazy_regex(r"(?V1)的|之|是|为|由|在|和|与|及|根据|采用|具有|可以|能够|主要|(?i:is|was|has|are|and|of)\b")


class RunIn(NamedTuple):
    index: int  # 0-based line
    start: int  # de-noised offsets of the copy at the head of the line
    end: int
    heading: str


def truncated_copies(lines: list[Candidate], heads: list[Candidate], min_letters: int) -> Iterator[tuple[Candidate, str]]:
    """Lines that are one of the ``heads`` cut short with dots, with the heading they copy."""
    head_texts = [head.text for head in heads if head.text and not head.ends_like_sentence]
    if not head_texts:
        return
    for line in lines:
        if not line.text:
            continue
        if not line.text.endswith((".", "…")):
            continue
        cut = _CUT().search(line.text)
        if cut is None:
            continue
        stem = line.text[: cut.start()].rstrip()
        if letters(stem) < min_letters:
            continue
        for heading in head_texts:
            if heading != line.text and heading.startswith(stem):
                yield line, heading
                break


def run_in_copies(view: ViewLines, lines: list[Candidate], window: int, min_letters: int) -> Iterator[RunIn]:
    """Lines that start with a whole heading line from just above, run straight into more text."""

    reported: set[int] = set()
    for position, heading in enumerate(lines):
        if not heading.text or heading.ends_like_sentence:
            continue
        heading_raw = view.lines[heading.index].strip()
        for line in lines[position + 1 : position + 1 + window]:
            if line.index in reported:
                continue
            text = view.lines[line.index]
            line_raw = text.lstrip()
            if not line_raw.startswith(heading_raw):
                continue
            line_start = view.starts[line.index] + len(text) - len(line_raw)
            line_raw = line_raw.rstrip()
            if len(line_raw) <= len(heading_raw):
                continue
            if heading.letters < min_letters:
                break
            if not _WORD_CHAR().match(line_raw, len(heading_raw)):
                continue  # "标题。……" or "标题 ……": a writer restating the title
            if _GRAMMAR_NEXT().match(line_raw, len(heading_raw)):
                continue  # "某某测定仪的……", "某某测定仪根据……": the name is the sentence's subject
            if normalise(line_raw[: len(heading_raw)]) != heading.text:
                continue
            reported.add(line.index)
            yield RunIn(line.index, line_start, line_start + len(heading_raw), heading.text)
            break
