"""``path:line:col: CODE message`` lines, then a summary; colour and the source line on a terminal."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, TextIO

from lint.reporters import ReportContext
from lint.runner import FileResult

_BOLD, _RED, _CYAN, _DIM, _YELLOW, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[36m", "\x1b[2m", "\x1b[33m", "\x1b[0m"
_EXCERPT = 40  # characters of context shown on either side of a span


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context

    def _paint(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.context.colour else text

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            location = self._paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD)
            fixable = " [*]" if finding.fix and (finding.fix.is_safe or self.context.unsafe_fixes) else ""
            self.out.write(f"{location} {self._paint(finding.code, _RED)}{fixable} {finding.message}\n")
            if self.context.show_source and result.source_lines:
                self._excerpt(result, finding)

    def _excerpt(self, result: FileResult, finding) -> None:
        line = result.source_lines.get(finding.line, "")
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
        left = max(0, start - _EXCERPT)
        right = min(len(line), max(end, start + 1) + _EXCERPT)
        before = ("…" if left else "") + line[left:start]
        marked = line[start:end] or " "
        after = line[end:right] + ("…" if right < len(line) else "")
        self.out.write(f"    {self._paint('|', _DIM)} {before}{self._paint(marked, _YELLOW + _BOLD)}{after}\n")

    def finish(self, results: Iterable[FileResult]) -> None:
        results = list(results)
        findings = [finding for result in results for finding in result.findings]
        if self.context.statistics:
            self._statistics(findings)
        fixed = sum(result.fixed for result in results)
        checked = sum(1 for result in results if result.error is None and result.notice is None)
        files_with = sum(1 for result in results if result.findings)
        fixable = sum(1 for finding in findings if finding.fix and finding.fix.is_safe)
        parts = []
        if findings:
            parts.append(f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files_with} of {checked} file{'s' if checked != 1 else ''}")
        else:
            parts.append(f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)")
        if fixed:
            parts.append(f"fixed {fixed}")
        if fixable and not self.context.fix_mode:
            parts.append(f"{fixable} fixable with --fix")
        failed = sum(1 for result in results if result.failed)
        if failed:
            parts.append(f"{failed} file{'s' if failed != 1 else ''} with errors")
        self.out.write("; ".join(parts) + ".\n")

    def _statistics(self, findings) -> None:
        counts = Counter((finding.code, finding.name) for finding in findings)
        fixable = Counter(finding.code for finding in findings if finding.fix)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            mark = "[*]" if fixable[code] else "   "
            self.out.write(f"{count:>6}  {code}  {mark} {name}\n")
