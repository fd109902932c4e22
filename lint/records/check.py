"""Check or fix a shard: every record becomes a :class:`~lint.page.Page` and meets the same rules.

The counterpart of :func:`lint.runner.check_file` and :func:`lint.fixfile.fix_file` for shards.
A shard is one unit of work (one task for a worker, one cache entry keyed on its bytes); its
result counts the records checked and carries one result per record with findings or problems.
``--fix`` writes the fixed shard beside the original (``NAME.fixed.SUFFIX``), never in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from lint.decode import Decoded
from lint.discovery import Candidate, relative_to_root
from lint.engine import check_page
from lint.model import Finding, record_location
from lint.page import Page
from lint.records import ShardFormat, fixed_path, reader, shard_format
from lint.records.base import BrokenRecord, Fields, Record, ShardError, atomic_output, sample
from lint.runner import FileResult, source_lines, unreadable
from lint.selection import RuleSet

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.fixfile import FixOptions

__all__ = ["check_shard", "fix_shard", "fields_of", "record_result"]


def fields_of(settings: "Settings") -> Fields:
    return Fields(settings.text_field, settings.id_field)


def record_result(shard: FileResult, record: Record, findings: list[Finding], failures: Iterable = (),
                  text: str | None = None) -> FileResult:
    """The result of one record: shown as ``shard#id``, with its own lines for excerpts and its text."""
    text = record.text if text is None else text
    page = Page(text, shard.display, record.id, record.index)
    return FileResult(
        record_location(shard.display, record.id, record.index),
        findings=findings,
        failures=list(failures),
        path=shard.path,
        decoded=Decoded(text, "utf-8"),
        source_lines=source_lines(page, findings),
        record_id=record.id,
        record_index=record.index,
    )


def _broken(shard: FileResult, item: BrokenRecord) -> FileResult:
    """A record that could not be checked: reported under the shard's name with its index."""
    return FileResult(shard.display, path=shard.path, error=f"record {item.index}: {item.reason}",
                      record_index=item.index)


def _start(candidate: Candidate, data: bytes | None) -> tuple[FileResult, ShardFormat, bytes]:
    fmt = shard_format(candidate.path)
    assert fmt is not None, "only shards come here"
    result = FileResult(candidate.display, path=candidate.path, records=0, parts=[])
    if data is None:
        data = candidate.path.read_bytes()
    return result, fmt, data


def _stopped(error: ShardError, result: FileResult) -> str:
    read = result.records or 0
    return f"{error} (after {read} record{'s' if read != 1 else ''})" if read else str(error)


def check_shard(candidate: Candidate, ruleset: RuleSet, data: bytes | None = None) -> FileResult:
    """Check every record of a shard (or ``--sample N`` of them). Never raises for the shard's sake."""
    try:
        result, fmt, data = _start(candidate, data)
    except OSError as error:
        return unreadable(FileResult(candidate.display, path=candidate.path), error)
    settings = candidate.settings
    active = ruleset.active_for(relative_to_root(candidate.path, settings))
    assert result.parts is not None
    try:
        items = reader(fmt).read(data, fmt, fields_of(settings))
        for item in sample(items, settings.sample):
            if isinstance(item, BrokenRecord):
                result.parts.append(_broken(result, item))
                continue
            result.records = (result.records or 0) + 1
            outcome = check_page(Page(item.text, candidate.display, item.id, item.index), active, candidate.settings.timeout)
            if outcome.findings or outcome.failures:
                result.parts.append(record_result(result, item, outcome.findings, outcome.failures))
    except ShardError as error:
        result.error = _stopped(error, result)
    return result


def fix_shard(candidate: Candidate, ruleset: RuleSet, options: "FixOptions") -> FileResult:
    """Fix every record and write ``NAME.fixed.SUFFIX`` atomically (with ``--diff``: only show it).

    Records that cannot be read as pages are copied as they are. A shard that cannot be read to
    its end is not written at all.
    """
    from lint.fixer import fix_page_text

    try:
        result, fmt, data = _start(candidate, None)
    except OSError as error:
        return unreadable(FileResult(candidate.display, path=candidate.path), error)
    fields = fields_of(candidate.settings)
    active = ruleset.active_for(relative_to_root(candidate.path, candidate.settings))
    texts: dict[int, str] = {}
    assert result.parts is not None
    try:
        module = reader(fmt)
        for item in module.read(data, fmt, fields):
            if isinstance(item, BrokenRecord):
                result.parts.append(_broken(result, item))
                continue
            result.records = (result.records or 0) + 1
            outcome = fix_page_text(item.text, active, unsafe=options.unsafe, path=candidate.display)
            result.fixed += outcome.fixed
            if outcome.changed:
                texts[item.index] = outcome.text
            remaining = [f._replace(record_id=item.id, record_index=item.index) for f in outcome.findings]
            show_diff = options.diff and outcome.changed
            if remaining or outcome.failures or show_diff:
                part = record_result(result, item, remaining, outcome.failures, outcome.text)
                if show_diff:
                    from lint.reporters.diff import unified_diff

                    part.diff = unified_diff(part.display, item.text, outcome.text)
                result.parts.append(part)
        if not options.diff:
            _write(candidate, module, data, fmt, fields, texts)
    except ShardError as error:
        result.error = f"not fixed: {_stopped(error, result)}"
        result.fixed = 0
        result.parts = [part for part in result.parts if part.error]
    return result


def _write(candidate: Candidate, module, data: bytes, fmt: ShardFormat, fields: Fields, texts: dict[int, str]) -> None:
    """The fixed shard beside the original (a copy when nothing changed, so it is never stale)."""
    target = fixed_path(candidate.path)
    try:
        with atomic_output(target) as out:
            module.write_fixed(data, fmt, fields, texts, out)
    except ShardError:
        raise
    except Exception as error:  # a library's own error while writing: the shard is not written
        raise ShardError(f"cannot write {target.name}: {type(error).__name__}: {error}") from None
