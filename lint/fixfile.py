"""Fix one file: read it, fix its text, then write it back or describe the change as a diff.

The counterpart of :func:`lint.runner.check_file` for ``--fix`` and ``--diff``: it needs only a
path, a rule set and the fix options, so the runner can hand it to worker processes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint.decode import DecodeError, decode_bytes
from lint.discovery import Candidate, relative_to_root
from lint.fixer import fix_page_text
from lint.page import Page
from lint.records import is_shard
from lint.runner import FileResult, source_lines, unreadable
from lint.selection import RuleSet
from lint.writeback import WriteBackError, check_round_trip, snapshot, write_back

__all__ = ["FixOptions", "fix_file"]


@dataclass(frozen=True)
class FixOptions:
    """What ``--fix`` may do: apply unsafe fixes too; only show a diff instead of writing."""

    unsafe: bool = False
    diff: bool = False


def fix_file(candidate: Candidate, ruleset: RuleSet, options: FixOptions) -> FileResult:
    """Fix one file (a shard: each of its records). Never raises for a problem with the file; the
    file is old or new, never half."""
    if is_shard(candidate.path):
        from lint.records.check import fix_shard

        return fix_shard(candidate, ruleset, options)
    result = FileResult(candidate.display, path=candidate.path)
    try:
        data = candidate.path.read_bytes()
        before = snapshot(candidate.path, data)
        decoded = decode_bytes(data)
    except (DecodeError, OSError) as error:
        return unreadable(result, error)
    result.decoded = decoded
    active = ruleset.active_for(relative_to_root(candidate.path, candidate.settings))
    outcome = fix_page_text(decoded.text, active, unsafe=options.unsafe, path=candidate.display)
    result.failures = list(outcome.failures)
    refusal = check_round_trip(decoded, data) if outcome.changed else None
    if refusal is not None:
        result.error = f"not fixed: {refusal}"
        _report_unfixed(result, decoded.text, outcome.initial_findings)
        return result
    if outcome.changed and options.diff:
        from lint.reporters.diff import unified_diff

        result.diff = unified_diff(candidate.display, decoded.text, outcome.text)
    elif outcome.changed:
        try:
            write_back(candidate.path, outcome.text, decoded, before)
        except WriteBackError as error:
            result.error = f"not fixed: {error}"
            _report_unfixed(result, decoded.text, outcome.initial_findings)
            return result
    result.fixed = outcome.fixed
    result.findings = list(outcome.findings)
    result.source_lines = source_lines(Page(outcome.text, candidate.display), result.findings)
    return result


def _report_unfixed(result: FileResult, text: str, findings) -> None:
    """The file stays as it was, so its findings are the ones found before fixing."""
    result.findings = list(findings)
    result.source_lines = source_lines(Page(text, result.display), result.findings)
