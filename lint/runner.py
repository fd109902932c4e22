"""Check files: read, decode, run the rules, and yield one result per file, in order.

The per-file work (:func:`check_file`) needs only a path and a rule set, so worker processes
can run it anywhere; the runner only orders what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from lint.config import ConfigResolver, Settings
from lint.decode import BinaryFile, DecodeError, Decoded, decode_bytes
from lint.discovery import Candidate, PathProblem, discover, relative_to_root
from lint.engine import RuleFailure, check_page
from lint.files import read_whole
from lint.model import Finding, Rule
from lint.page import Page
from lint.records import is_shard
from lint.selection import RuleSet

if TYPE_CHECKING:
    from lint.cache import ResultCache
    from lint.fixfile import FixOptions

__all__ = ["FileResult", "Runner", "check_file", "expand_records", "read_candidate", "unreadable"]


@dataclass
class FileResult:
    """What happened to one file: findings, rule failures, or why it was not checked."""

    display: str
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    error: str | None = None  # could not be checked: exit 2
    notice: str | None = None  # skipped on purpose (binary file): reported, exit unaffected
    path: Path | None = None
    decoded: Decoded | None = None
    fixed: int = 0
    diff: str = ""  # --diff: the unified diff --fix would apply (empty when nothing changes)
    source_lines: dict[int, str] = field(default_factory=dict)  # lines that hold findings
    # Shards of records (lint.records): a record's result names its record; a shard's own result
    # counts the records checked, and carries the results of the records with findings or
    # problems in ``parts`` until Runner.run hands them out (before the shard's own result).
    record_id: str | None = None
    record_index: int | None = None
    records: int | None = None
    parts: list["FileResult"] | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.failures)

    @property
    def is_record(self) -> bool:
        return self.record_index is not None


def read_page(path: Path, display: str, data: bytes | None = None) -> tuple[Page, Decoded]:
    """Read (unless the bytes are given) and decode one file; raises ``OSError`` or :class:`DecodeError`."""
    if data is None:
        data = read_whole(path)
    decoded = decode_bytes(data)
    return Page(decoded.text, display), decoded


def unreadable(result: FileResult, error: DecodeError | OSError) -> FileResult:
    """Record why a file was not checked: a binary file is a notice, anything else an error."""
    if isinstance(error, BinaryFile):
        result.notice = str(error)
    elif isinstance(error, DecodeError):
        result.error = str(error)
    else:
        result.error = f"cannot read: {error.strerror or error}"
    return result


def read_candidate(candidate: Candidate) -> bytes | FileResult:
    """A file's bytes, or the result that says why they could not be read."""
    try:
        return read_whole(candidate.path)
    except OSError as error:
        return unreadable(FileResult(candidate.display, path=candidate.path), error)


def check_file(candidate: Candidate, ruleset: RuleSet, data: bytes | None = None) -> FileResult:
    """Check one file (``data``: its bytes, already read). Never raises for a problem with the file itself."""
    if is_shard(candidate.path):
        from lint.records.check import check_shard

        return check_shard(candidate, ruleset, data)
    result = FileResult(candidate.display, path=candidate.path)
    try:
        page, decoded = read_page(candidate.path, candidate.display, data)
    except (DecodeError, OSError) as error:
        return unreadable(result, error)
    result.decoded = decoded
    active = ruleset.active_for(relative_to_root(candidate.path, candidate.settings))
    outcome = check_page(page, active, candidate.settings.timeout)
    result.findings = outcome.findings
    result.failures = outcome.failures
    result.source_lines = source_lines(page, outcome.findings)
    return result


def expand_records(results: Iterable[FileResult]) -> Iterator[FileResult]:
    """Results in output order: a shard's record results, then the shard's own result."""
    for result in results:
        if result.parts is not None:
            parts, result.parts = result.parts, None
            yield from parts
        yield result


def source_lines(page: Page, findings: list[Finding]) -> dict[int, str]:
    """The text of each line a finding starts on, for excerpts in reports."""
    return {finding.line: page.lines[finding.line - 1] for finding in findings}


class Runner:
    """Ties discovery, settings and rules together for a run over paths."""

    def __init__(self, rules: list[Rule], resolver: ConfigResolver, force_exclude: bool = False) -> None:
        self.rules = rules
        self.resolver = resolver
        self.force_exclude = force_exclude
        self._rulesets: dict[int, RuleSet] = {}
        # Speed (lint.parallel): workers find the rules again through the entry points
        # (lint.parallel.WorkerPlugins, unless another picklable loader is given here).
        self.jobs = 1
        self.cache: ResultCache | None = None
        self.plugin_loader: Callable[[], list[Rule]] | None = None
        self.keep_decoded = True  # workers send decoded text back only when asked
        self.fix: FixOptions | None = None  # --fix/--diff: fix each file (lint.fixfile), never cached

    def ruleset(self, settings: Settings) -> RuleSet:
        """The rule set for a settings object, built (and validated) once."""
        key = id(settings)
        if key not in self._rulesets:
            self._rulesets[key] = RuleSet(self.rules, settings)
            if self.cache is not None and self.cache.plugins_stamp is not None:
                from lint.quick import remember

                remember(self.cache, settings, self._rulesets[key])
        return self._rulesets[key]

    def candidates(self, paths: Iterable[Path]) -> Iterator[Candidate | PathProblem]:
        return discover(paths, self.resolver, self.force_exclude)

    def run(self, paths: Iterable[Path]) -> Iterator[FileResult]:
        """Results in discovery order; path problems come as results with an error.

        A shard of records gives one result per record with findings or problems, then its own.
        """
        yield from expand_records(self._results(paths))

    def _results(self, paths: Iterable[Path]) -> Iterator[FileResult]:
        if self.fix is not None or self.cache is not None or self.jobs > 1 or not self.keep_decoded:
            from lint.parallel import check_in_order

            yield from check_in_order(self.candidates(paths), self)
            return
        for item in self.candidates(paths):
            if isinstance(item, PathProblem):
                yield FileResult(item.display, error=item.message)
                continue
            yield check_file(item, self.ruleset(item.settings))
