"""``path:line:col: CODE message`` lines, then a summary; colour and the source line on a terminal.

The other human formats (concise, full, grouped) subclass this reporter: they change how one
file's findings look and keep the same summary and statistics.
"""

from __future__ import annotations

from typing import TextIO

from lint.model import Applicability, Finding
from lint.reporters import ReportContext
from lint.reporters.units import Units
from lint.runner import FileResult

BOLD, RED, CYAN, DIM, YELLOW, RESET = "\x1b[1m", "\x1b[31m", "\x1b[36m", "\x1b[2m", "\x1b[33m", "\x1b[0m"
_EXCERPT = 40  # characters of context shown on either side of a span


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Reporter:
    show_source = True  # the excerpt line under each finding, when the context asks for it

    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context
        # the summary is counted as results arrive, so a run does not keep them all
        self.units = Units()
        self.findings = 0
        self.fixable = 0  # findings with a safe fix
        self.fixed = 0
        self.statistics = None
        # the fixable mark of a safe fix, and of any other (a dict: not a property call a finding)
        self.marks = {Applicability.SAFE: " [*]"}
        self.unsafe_mark = " [*]" if context.unsafe_fixes else ""
        if context.statistics:
            from lint.corpus_stats import CorpusStatistics

            self.statistics = CorpusStatistics(context.families)

    def paint(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.context.colour else text

    def fixable_mark(self, finding: Finding) -> str:
        """`` [*]`` when ``--fix`` would repair the finding with the current options."""
        fix = finding.fix
        return "" if fix is None else self.marks.get(fix.applicability, self.unsafe_mark)

    def headline(self, finding: Finding) -> str:
        return self.headlines([finding])[:-1]

    def headlines(self, findings: list[Finding]) -> str:
        """Each finding's line (location, code, fixable mark, message), as one string.

        A run prints tens of thousands: one expression, not a call per part of a finding (and
        the path as it is, unless the finding is in a record).
        """
        bold, red, reset = (BOLD, RED, RESET) if self.context.colour else ("", "", "")
        mark = self.fixable_mark
        return "".join([
            f"{bold}{finding.path if finding.record_index is None else finding.location}:{finding.line}:{finding.column}:{reset} "
            f"{red}{finding.code}{reset}{mark(finding)} {finding.message}\n"
            for finding in findings
        ])

    def file(self, result: FileResult) -> None:
        self.count(result)
        self.show(result)

    def count(self, result: FileResult) -> None:
        """What the summary and the statistics need of one result."""
        self.units.add(result)
        self.findings += len(result.findings)
        self.fixable += [finding.fix.applicability for finding in result.findings if finding.fix is not None].count(Applicability.SAFE)
        self.fixed += result.fixed
        if self.statistics is not None:
            self.statistics.add(result)

    def show(self, result: FileResult) -> None:
        """One file's findings (the other human formats change only this)."""
        if not (self.show_source and self.context.show_source and result.source_lines):
            # one write a file: a warm re-run prints tens of thousands of lines
            self.out.write(self.headlines(result.findings))
            return
        for finding in result.findings:
            self.out.write(self.headline(finding) + "\n")
            self._excerpt(result, finding)

    def _excerpt(self, result: FileResult, finding: Finding) -> None:
        line = result.source_lines.get(finding.line, "")
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
        left = max(0, start - _EXCERPT)
        right = min(len(line), max(end, start + 1) + _EXCERPT)
        before = ("…" if left else "") + line[left:start]
        marked = line[start:end] or " "
        after = line[end:right] + ("…" if right < len(line) else "")
        self.out.write(f"    {self.paint('|', DIM)} {before}{self.paint(marked, YELLOW + BOLD)}{after}\n")

    def finish(self) -> None:
        """The statistics (when asked) and the summary line, from what :meth:`file` counted."""
        if self.statistics is not None:
            self._statistics()
        self.out.write(self.summary() + "\n")

    def summary(self) -> str:
        """One line: how much was found in how many files, what was fixed, what failed."""
        units = self.units
        parts = []
        if self.findings:
            parts.append(f"Found {plural(self.findings, 'finding')} in {units.affected()}")
        else:
            parts.append(f"All checks passed ({units.checked()} checked)")
        if self.fixed:
            parts.append(f"fixed {self.fixed}")
        if self.fixable and not self.context.fix_mode:
            parts.append(f"{self.fixable} fixable with --fix")
        parts.extend(units.failures())
        return "; ".join(parts) + "."

    def _statistics(self) -> None:
        """Per rule and per family: findings, pages (records or files) affected and their share; examples."""
        statistics = self.statistics
        unit = statistics.unit
        rules = statistics.ordered(statistics.rules)
        width = max((len(count.name) for count in rules), default=0)
        for count in rules:
            mark = "[*]" if count.fixable else "   "
            spread = f"{plural(count.pages, unit)} ({statistics.share(count.pages):.1%})"
            self.out.write(f"{count.findings:>6}  {count.key}  {mark} {count.name:<{width}}  {spread}\n")
        families = statistics.ordered(statistics.families)
        if not families:
            return
        width = max(len(count.name) for count in families)
        self.out.write("By family:\n")
        for count in families:
            spread = f"{plural(count.pages, unit)} ({statistics.share(count.pages):.1%})"
            self.out.write(f"{count.findings:>6}  {count.key}  {count.name:<{width}}  {spread}\n")
        self.out.write("Examples:\n")
        for count in rules:
            for example in count.examples:
                where = f"{example['location']}:{example['line']}:{example['column']}"
                self.out.write(f"  {count.key}  {where}  {example['text']!r}\n")
