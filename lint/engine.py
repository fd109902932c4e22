"""Run selected rules over one page and turn what they yield into findings.

Each rule runs on its own: one that raises, or yields something malformed, becomes a
:class:`RuleFailure` against that rule and page while every other rule still runs.
"""

from __future__ import annotations

import signal
import threading
from bisect import bisect_right
from contextlib import contextmanager
from operator import attrgetter
from typing import Iterable, Iterator, NamedTuple

from lint.model import Edit, Finding, Fix, Violation
from lint.page import Page
from lint.selection import ActiveRule

__all__ = ["RuleFailure", "PageResult", "check_page"]

#: Finding.sort_key within one page, where path and record are the same for every finding.
_PAGE_ORDER = attrgetter("line", "column", "code")


class RuleFailure(NamedTuple):
    """A rule that could not finish on a page."""

    code: str
    name: str
    message: str


class PageResult(NamedTuple):
    findings: list[Finding]
    failures: list[RuleFailure]


class _OutOfTime(BaseException):
    """Raised inside a rule when the page's time limit is up (a BaseException, so a rule's own
    ``except Exception`` cannot swallow it)."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the running rule after ``seconds`` (SIGALRM; main thread only, else no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum, frame):
        raise _OutOfTime()

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_page(page: Page, rules: Iterable[ActiveRule], timeout: float | None = None) -> PageResult:
    """Every selected rule on one page; findings sorted by line, column, code.

    With ``timeout`` (seconds for the whole page), a rule still running when it is up is
    reported as a failure and the page's remaining rules are skipped: one page that makes a
    plugin hang cannot stop the run.
    """
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    rules = list(rules)
    running = 0
    try:
        with _time_limit(timeout):
            for running, active in enumerate(rules):
                _run_rule(page, active, findings, failures)
    except _OutOfTime:
        rule = rules[running].rule
        skipped = len(rules) - running - 1
        note = f"; {skipped} later rule{'s' if skipped != 1 else ''} skipped" if skipped else ""
        failures.append(RuleFailure(rule.code, rule.name, f"did not finish within the {timeout:g} s time limit (--timeout){note}"))
    findings.sort(key=_PAGE_ORDER)
    return PageResult(findings, failures)


def _run_rule(page: Page, active: ActiveRule, findings: list[Finding], failures: list[RuleFailure]) -> None:
    """One rule on one page: its findings, or one failure if it raises or yields nonsense."""
    rule = active.rule
    produced: list[Finding] = []
    length = len(page.text)
    try:
        for violation in rule.check(page, active.options):
            if not _well_formed(violation, length):
                problem = _malformed(violation, length)
                if problem:
                    failures.append(RuleFailure(rule.code, rule.name, f"returned a malformed finding: {problem}"))
                    return
            produced.append(_to_finding(page, rule.code, rule.name, rule.severity, violation))
    except Exception as error:  # a rule's bug is reported, never fatal
        failures.append(RuleFailure(rule.code, rule.name, f"raised {type(error).__name__}: {error}"))
        return
    findings.extend(produced)


def _to_finding(page: Page, code: str, name: str, severity, violation: Violation) -> Finding:
    """A checked violation with its line and column (its offsets are known to be on the page)."""
    starts = page.line_starts
    start, end = violation.start, violation.end
    line = bisect_right(starts, start)
    end_line = bisect_right(starts, end, line - 1)
    return Finding(
        page.path, line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1,
        code, name, violation.message, severity, violation.fix, start, end, page.record_id, page.record_index,
    )


def _well_formed(violation: object, length: int) -> bool:
    """The usual case, proved in a few comparisons: a plain Violation on the page, no fix or a
    one-edit fix. Anything else gets the full check of :func:`_malformed`."""
    if type(violation) is not Violation:
        return False
    start, end, message, fix = violation.start, violation.end, violation.message, violation.fix
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        return False
    if type(message) is not str or not message:
        return False
    if fix is None:
        return True
    if type(fix) is not Fix or len(fix.edits) != 1:
        return False
    edit = fix.edits[0]
    return type(edit) is Edit and type(edit.start) is int and type(edit.end) is int and 0 <= edit.start <= edit.end <= length

def _malformed(violation: object, length: int) -> str | None:
    """Why a rule's output cannot be trusted, or ``None``."""
    if not isinstance(violation, Violation):
        return f"expected a Violation, got {type(violation).__name__}"
    if not isinstance(violation.start, int) or not isinstance(violation.end, int):
        return "offsets are not integers"
    if not 0 <= violation.start <= violation.end <= length:
        return f"span {violation.start}..{violation.end} outside the page (length {length})"
    if not isinstance(violation.message, str) or not violation.message:
        return "message is empty or not a string"
    fix = violation.fix
    if fix is not None:
        if not isinstance(fix, Fix) or not all(isinstance(edit, Edit) for edit in fix.edits):
            return "fix is not a Fix of Edits"
        previous_end = -1
        for edit in sorted(fix.edits, key=lambda e: e.start):
            if not (0 <= edit.start <= edit.end <= length) or edit.start < previous_end:
                return f"fix edit {edit.start}..{edit.end} is outside the page or overlaps another"
            previous_end = edit.end
    return None
