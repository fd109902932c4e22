"""``--output-format full``: each finding with its line of the page and a caret under the span.

Carets are measured in terminal cells, so they stay under the right characters in Chinese
text (two cells each) and around emoji. Long lines are cut to a window around the span.
"""

from __future__ import annotations

from rich.cells import cell_len

from lint.model import Finding
from lint.reporters import text
from lint.runner import FileResult

_CONTEXT = 40  # code points shown on either side of the span
_SPAN = 80  # code points of a long span shown before it is cut
_CONTROLS = {code: "\ufffd" for code in range(32) if code != 9} | {9: " ", 127: "\ufffd"}


def _visible(fragment: str) -> str:
    """Tabs as one space and other control characters as U+FFFD, so carets line up."""
    return fragment.translate(_CONTROLS)


class Reporter(text.Reporter):
    def show(self, result: FileResult) -> None:
        for finding in result.findings:
            self.out.write(self.headline(finding) + "\n")
            self.out.write(self._snippet(result, finding))
            self.out.write("\n")

    def _snippet(self, result: FileResult, finding: Finding) -> str:
        line = result.source_lines.get(finding.line)
        if line is None:
            return ""
        start = min(finding.column - 1, len(line))
        single = finding.end_line == finding.line
        end = max(start, min(finding.end_column - 1, len(line)) if single else len(line))
        left = max(0, start - _CONTEXT)
        span = line[start:end]
        shown_span = span if len(span) <= _SPAN else span[:_SPAN] + "…"
        right = min(len(line), end + _CONTEXT) if len(span) <= _SPAN else end
        before = ("…" if left else "") + _visible(line[left:start])
        after = _visible(line[end:right]) + ("…" if right < len(line) else "")
        shown_span = _visible(shown_span)
        number = str(finding.line)
        gutter = " " * len(number)
        bar = self.paint("|", text.DIM)
        label = finding.code if single else f"{finding.code} (to line {finding.end_line})"
        carets = "^" * max(1, cell_len(shown_span))
        lines = [
            f"{gutter} {bar}",
            f"{self.paint(number, text.DIM)} {bar} {before}{shown_span}{after}".rstrip(),
            f"{gutter} {bar} {' ' * cell_len(before)}{self.paint(carets + ' ' + label, text.RED)}",
            f"{gutter} {bar}",
        ]
        fix = finding.fix
        if fix is not None:
            kind = "fix" if fix.is_safe else "unsafe fix"
            lines.append(f"{gutter} = {kind}: {fix.message or 'remove the span'}")
        return "\n".join(lines) + "\n"
