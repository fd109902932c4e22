"""``--output-format full``: each finding with its line of the page and a caret under the span.

Carets are measured in terminal cells, so they stay under the right characters in Chinese
text (two cells each) and around emoji. Long lines are cut to a window around the span.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

from lint.model import Finding
from lint.reporters import text
from lint.runner import FileResult

_CONTEXT = 40  # code points shown on either side of the span
_SPAN = 80  # code points of a long span shown before it is cut
_CONTROLS = {code: "\ufffd" for code in range(32) if code != 9} | {9: " ", 127: "\ufffd"}
_HAS_CONTROLS = re.compile("[\x00-\x1f\x7f]").search
_WIDTHS: dict[str, int] = {}  # the cells of each character met, as rich measures it alone


def _visible(fragment: str) -> str:
    """Tabs as one space and other control characters as U+FFFD, so carets line up."""
    return fragment.translate(_CONTROLS) if _HAS_CONTROLS(fragment) else fragment


def cells(string: str) -> int:
    """``rich.cells.cell_len(string)``, from the width of each character.

    rich measures a string it has not cached character by character in Python: half of this
    format's time on the benchmark's 21,000 findings. The widths of a string's characters add
    up, except in emoji joined by U+200D or U+FE0F, which are left to rich.
    """
    if "\u200d" in string or "\ufe0f" in string:
        return cell_len(string)
    widths = _WIDTHS
    try:
        return sum(map(widths.__getitem__, string))
    except KeyError:
        widths.update({character: cell_len(character) for character in set(string).difference(widths)})
        return sum(map(widths.__getitem__, string))


class Reporter(text.Reporter):
    def show(self, result: FileResult) -> None:
        headlines, snippet = self.headlines, self._snippet
        self.out.write("".join([f"{headlines([finding])}{snippet(result, finding)}\n" for finding in result.findings]))

    def _snippet(self, result: FileResult, finding: Finding) -> str:
        line = result.source_lines.get(finding.line)
        if line is None:
            return ""
        start = min(finding.column - 1, len(line))
        single = finding.end_line == finding.line
        end = max(start, min(finding.end_column - 1, len(line)) if single else len(line))
        left = max(0, start - _CONTEXT)
        cut = end - start > _SPAN
        right = end if cut else min(len(line), end + _CONTEXT)
        shown = _visible(line[left:right])
        before = ("…" if left else "") + shown[:start - left]
        span = shown[start - left:end - left]
        shown_span = span[:_SPAN] + "…" if cut else span
        after = shown[end - left:] + ("…" if right < len(line) else "")
        number = str(finding.line)
        gutter = " " * len(number)
        bar = self.paint("|", text.DIM)
        label = finding.code if single else f"{finding.code} (to line {finding.end_line})"
        carets = "^" * max(1, cells(shown_span))
        lines = [
            f"{gutter} {bar}",
            f"{self.paint(number, text.DIM)} {bar} {before}{shown_span}{after}".rstrip(),
            f"{gutter} {bar} {' ' * cells(before)}{self.paint(carets + ' ' + label, text.RED)}",
            f"{gutter} {bar}",
        ]
        fix = finding.fix
        if fix is not None:
            kind = "fix" if fix.is_safe else "unsafe fix"
            lines.append(f"{gutter} = {kind}: {fix.message or 'remove the span'}")
        return "\n".join(lines) + "\n"
