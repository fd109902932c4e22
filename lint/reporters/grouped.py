"""``--output-format grouped``: findings under a heading for each file, then the summary."""

from __future__ import annotations

from lint.reporters import text
from lint.runner import FileResult


class Reporter(text.Reporter):
    def show(self, result: FileResult) -> None:
        if not result.findings:
            return
        self.out.write(self.paint(f"{result.display}:", text.BOLD + text.CYAN) + "\n")
        width = max(len(f"{finding.line}:{finding.column}") for finding in result.findings)
        for finding in result.findings:
            where = f"{finding.line}:{finding.column}"
            code = self.paint(finding.code, text.RED)
            self.out.write(f"  {where:<{width}}  {code}{self.fixable_mark(finding)} {finding.message}\n")
        self.out.write("\n")
