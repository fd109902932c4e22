"""The fix engine: choose fixes that do not overlap, apply them, tidy the whitespace, repeat.

Pure text in, text out: no files, no printing. :func:`fix_page_text` lints a page, applies
every allowed fix that does not clash with one already chosen, and lints the result again,
until a pass changes nothing (or a bound is reached). A fix that lost a clash is not dropped:
its rule simply finds the problem again on the next pass, on the new text.

Removals are tidied so the sentence reads as before. Tidying only ever removes whitespace
next to a removed span (horizontal whitespace, or the line break and blank line around a line
that was removed whole); every other character is kept, in order.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from typing import Iterable, Sequence

from lint.engine import RuleFailure, check_page
from lint.model import Applicability, Edit, Finding
from lint.page import Page
from lint.selection import ActiveRule

__all__ = [
    "MAX_PASSES",
    "AppliedFix",
    "FixResult",
    "select_fixes",
    "apply_edits",
    "apply_fixes",
    "fix_page_text",
]

#: Passes before the fixer gives up on rules that keep producing new fixes.
MAX_PASSES = 10

#: Whitespace inside a line (line breaks are handled as lines, never as spaces).
_SPACE = frozenset(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
_BREAK = "\r\n"
#: A space left before these (or after the opening ones) by a removal is dropped.
_CLOSING = frozenset(",.;:!?)]}，。；：！？、）」』】》”’")
_OPENING = frozenset("([{（「『【《“‘")


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A fix the fixer applied: which rule, where (in the text of that pass), and how safe."""

    code: str
    name: str
    message: str
    line: int
    column: int
    applicability: Applicability
    pass_number: int


@dataclass(frozen=True)
class FixResult:
    """The fixed text, what was applied, and what the rules still find in the fixed text."""

    text: str
    original: str
    applied: tuple[AppliedFix, ...]
    findings: tuple[Finding, ...]  # remaining, positions in ``text``
    initial_findings: tuple[Finding, ...]  # before fixing, positions in ``original``
    failures: tuple[RuleFailure, ...]
    passes: int
    converged: bool  # False when the pass bound was hit or rules undid each other

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def fixed(self) -> int:
        """How many findings were fixed."""
        return len(self.applied)


def _clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edit spans touch the same text (an insertion inside a removal, or at the same point, clashes)."""
    (a0, a1), (b0, b1) = a, b
    if max(a0, b0) < min(a1, b1):
        return True
    if a0 == a1 and b0 < a0 < b1 or b0 == b1 and a0 < b0 < a1:
        return True
    return a0 == a1 == b0 == b1


def select_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """Findings whose fixes can be applied together: allowed, and no two touching the same span.

    Earlier fixes win; at the same start the wider one wins, so a removal that contains another
    (a chrome phrase holding an emoji) takes it along. Losers are found again on the next pass.
    """
    candidates = [
        finding for finding in findings
        if finding.fix is not None and finding.fix.edits and (unsafe or finding.fix.is_safe)
    ]
    candidates.sort(key=lambda f: (
        min(edit.start for edit in f.fix.edits),
        -max(edit.end for edit in f.fix.edits),
        f.code,
    ))
    starts: list[int] = []
    spans: list[tuple[int, int]] = []  # taken, sorted, never overlapping
    chosen: list[Finding] = []
    for finding in candidates:
        wanted = [(edit.start, edit.end) for edit in finding.fix.edits]
        if any(_clashes_with_taken(span, starts, spans) for span in wanted):
            continue
        for span in wanted:
            index = bisect.bisect_right(spans, span)
            spans.insert(index, span)
            starts.insert(index, span[0])
        chosen.append(finding)
    return chosen


def _clashes_with_taken(span: tuple[int, int], starts: list[int], spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(starts, span[1]) - 1
    while index >= 0 and spans[index][1] >= span[0]:
        if _clash(span, spans[index]):
            return True
        index -= 1
    return False


def apply_fixes(text: str, findings: Sequence[Finding]) -> str:
    """The text with the (non-overlapping) fixes of ``findings`` applied and tidied."""
    return apply_edits(text, [edit for finding in findings for edit in finding.fix.edits])


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; removals are widened over the whitespace they leave behind."""
    planned = _plan(text, list(edits))
    pieces: list[str] = []
    kept = 0
    for edit in planned:
        pieces.append(text[kept:edit.start])
        pieces.append(edit.content)
        kept = edit.end
    pieces.append(text[kept:])
    return "".join(pieces)


def _plan(text: str, edits: list[Edit]) -> list[Edit]:
    """Final edits in order: replacements as given, removals tidied and merged."""
    replacements = sorted((e for e in edits if e.content), key=lambda e: (e.start, e.end))
    removals = sorted(_snap_crlf(text, e.start, e.end) for e in edits if not e.content and e.start < e.end)
    if not removals:
        return replacements
    fences = sorted({e.start for e in replacements} | {e.end for e in replacements})
    page = Page(text)
    spans: list[tuple[int, int]] = []
    whole_lines: list[tuple[int, int]] = []
    for start, end in _merge_across_spaces(text, removals, fences):
        _tidy_region(text, page, start, end, fences, spans, whole_lines)
    spans.extend(_lines_to_spans(page, _absorb_blank_lines(page, _merge_ranges(whole_lines))))
    merged = _merge_ranges(sorted(spans), touching=True)
    if any(_clash(span, (e.start, e.end)) for span in merged for e in replacements):
        merged = _merge_ranges(removals, touching=True)  # never tidy into a replacement
    result = [Edit(start, end, "") for start, end in merged] + replacements
    result.sort(key=lambda e: (e.start, e.end, e.content == ""))
    return result


def _snap_crlf(text: str, start: int, end: int) -> tuple[int, int]:
    """Never split a CRLF pair: a removal that cuts one takes the whole pair."""
    if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
        start -= 1
    if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
        end += 1
    return start, end


def _merge_across_spaces(text: str, removals: list[tuple[int, int]], fences: list[int]) -> list[tuple[int, int]]:
    """Removals separated only by spaces become one region (``A 😀 😀 B`` -> one gap)."""
    regions: list[tuple[int, int]] = []
    for start, end in removals:
        if regions:
            previous_start, previous_end = regions[-1]
            gap = text[previous_end:start]
            if all(char in _SPACE for char in gap) and not _fence_inside(previous_end, start, fences):
                regions[-1] = (previous_start, max(previous_end, end))
                continue
        regions.append((start, end))
    return regions


def _fence_inside(low: int, high: int, fences: list[int]) -> bool:
    index = bisect.bisect_left(fences, low)
    return index < len(fences) and fences[index] <= high


def _tidy_region(
    text: str,
    page: Page,
    start: int,
    end: int,
    fences: list[int],
    spans: list[tuple[int, int]],
    whole_lines: list[tuple[int, int]],
) -> None:
    """Decide how much whitespace around one removed region goes with it."""
    left = start
    while left > 0 and text[left - 1] in _SPACE:
        left -= 1
    right = end
    while right < len(text) and text[right] in _SPACE:
        right += 1
    if _fence_inside(left, start, fences) or _fence_inside(end, right, fences):
        spans.append((start, end))  # a replacement sits right there: remove exactly what was asked
        return
    starts_line = left == 0 or text[left - 1] in _BREAK
    ends_after_break = text[end - 1] in _BREAK
    if starts_line and ends_after_break:
        whole_lines.append((page.line_index(left), page.line_index(end - 1)))
        return
    ends_line = right == len(text) or text[right] in _BREAK
    if starts_line and ends_line:
        whole_lines.append((page.line_index(left), page.line_index(right)))
        return
    if ends_after_break and end - start > _break_length(text, end):
        # ``text。Junk\nmore junk\n``: keep this line's own line break.
        end -= _break_length(text, end)
        right = end
        ends_line = True
    left_space, right_space = left < start, end < right
    if starts_line:
        spans.append((start, right))  # no space left at the start of the line; indentation kept
    elif ends_line:
        spans.append((left, right))  # no space left at the end of the line
    elif left_space and right_space and (text[left - 1] in _OPENING or text[right] in _CLOSING):
        spans.append((left, right))  # ``( 😀 note`` -> ``(note``; ``deal 😀 ,`` -> ``deal,``
    elif left_space and right_space:
        spans.append((start, right))  # one space where there were two
    elif left_space and text[end] in _CLOSING:
        spans.append((left, end))  # ``word ,`` -> ``word,``
    elif right_space and text[start - 1] in _OPENING:
        spans.append((start, right))
    else:
        spans.append((start, end))


def _break_length(text: str, end: int) -> int:
    """Length of the line break that ends just before ``end``."""
    return 2 if text.startswith("\r\n", end - 2) else 1


def _merge_ranges(ranges: list[tuple[int, int]], touching: bool = False) -> list[tuple[int, int]]:
    """Union of ranges; line ranges (inclusive) merge when adjacent, char spans when touching."""
    merged: list[tuple[int, int]] = []
    step = 0 if touching else 1
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + step:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _blank(page: Page, index: int) -> bool:
    return all(char in _SPACE for char in page.lines[index])


def _absorb_blank_lines(page: Page, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line removed between two blank lines takes one of them along (one paragraph break stays).

    Lines removed at the end of the page take every blank line before them, so the page ends
    as it did: on text, with or without a final line break.
    """
    count = len(page.line_starts)
    has_pseudo_last = page.text.endswith(("\n", "\r"))  # the empty "line" after a final break
    last_real = count - 1 - (1 if has_pseudo_last else 0)
    result: list[tuple[int, int]] = []
    for first, last in ranges:
        after_blank = last + 1 >= count or _blank(page, last + 1)
        floor = result[-1][1] + 1 if result else 0  # lines before this are already decided
        if last < last_real and first - 1 >= floor and _blank(page, first - 1) and after_blank:
            first -= 1
        elif first == 0 and last + 1 < last_real + 1 and _blank(page, last + 1):
            last += 1  # removed at the top: do not leave the page starting with a blank line
        result.append((first, last))
    result = _merge_ranges(result)
    if result and result[-1][1] >= last_real:
        first, last = result.pop()
        while first > 0 and (_blank(page, first - 1) or (result and result[-1][1] == first - 1)):
            first = result.pop()[0] if result and result[-1][1] == first - 1 else first - 1
        result.append((first, last))
    return result


def _lines_to_spans(page: Page, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of whole lines, with their line breaks (the one before, for the last line)."""
    spans = []
    count = len(page.line_starts)
    for first, last in ranges:
        if last + 1 < count:
            spans.append((page.line_starts[first], page.line_starts[last + 1]))
        elif first > 0:
            spans.append((page.line_span(first - 1)[1], len(page.text)))
        else:
            spans.append((0, len(page.text)))
    return spans


def fix_page_text(
    text: str,
    rules: Iterable[ActiveRule],
    *,
    unsafe: bool = False,
    path: str = "<text>",
    max_passes: int = MAX_PASSES,
) -> FixResult:
    """Lint, fix, re-lint until nothing changes; the result holds what is still found."""
    rules = list(rules)
    current = text
    seen = {_digest(text)}
    applied: list[AppliedFix] = []
    failures: dict[tuple[str, str], RuleFailure] = {}
    initial: tuple[Finding, ...] | None = None
    converged = False
    passes = 0
    while True:
        outcome = check_page(Page(current, path), rules)
        for failure in outcome.failures:
            failures.setdefault((failure.code, failure.message), failure)
        if initial is None:
            initial = tuple(outcome.findings)
        chosen = select_fixes(outcome.findings, unsafe) if passes < max_passes else []
        if not chosen:
            converged = passes < max_passes
            break
        updated = apply_fixes(current, chosen)
        if updated == current:
            converged = True
            break
        passes += 1
        applied.extend(_applied(finding, passes) for finding in chosen)
        digest = _digest(updated)
        current = updated
        if digest in seen:  # rules undoing each other: stop, report what is left
            outcome = check_page(Page(current, path), rules)
            break
        seen.add(digest)
    return FixResult(
        text=current,
        original=text,
        applied=tuple(applied),
        findings=tuple(outcome.findings),
        initial_findings=initial,
        failures=tuple(failures.values()),
        passes=passes,
        converged=converged,
    )


def _applied(finding: Finding, pass_number: int) -> AppliedFix:
    fix = finding.fix
    return AppliedFix(
        finding.code, finding.name, fix.message or finding.message, finding.line, finding.column,
        fix.applicability, pass_number,
    )


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
