"""Count what a run checked in the units people think in: files, and records of shards.

A shard's own result counts the records it checked (``FileResult.records``); each record with
findings or problems has a result of its own. Summaries say "2 of 300 records (1 shard)" for
those and keep "files" for plain pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.runner import FileResult

__all__ = ["Units", "plural"]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Units:
    def __init__(self) -> None:
        self.files = 0  # plain files checked
        self.files_with = 0  # ... with findings
        self.files_failed = 0  # plain files and shards that could not be (fully) checked
        self.shards = 0
        self.records = 0  # records checked in all shards
        self.records_with = 0  # ... with findings
        self.records_failed = 0  # broken records and records where a rule failed

    @property
    def has_records(self) -> bool:
        return self.shards > 0

    @property
    def pages(self) -> int:
        """Everything checked as a page: plain files and records."""
        return self.files + self.records

    def checked(self) -> str:
        """``3 files``, ``300 records in 2 shards`` or both."""
        parts = []
        if self.files or not self.has_records:
            parts.append(plural(self.files, "file"))
        if self.has_records:
            parts.append(f"{plural(self.records, 'record')} in {plural(self.shards, 'shard')}")
        return " and ".join(parts)

    def affected(self) -> str:
        """``2 of 3 files``, ``5 of 300 records (2 shards)`` or both."""
        parts = []
        if self.files or not self.has_records:
            parts.append(f"{self.files_with} of {plural(self.files, 'file')}")
        if self.has_records:
            parts.append(f"{self.records_with} of {plural(self.records, 'record')} ({plural(self.shards, 'shard')})")
        return " and ".join(parts)

    def failures(self) -> list[str]:
        parts = []
        if self.files_failed:
            parts.append(f"{plural(self.files_failed, 'file')} with errors")
        if self.records_failed:
            parts.append(f"{plural(self.records_failed, 'record')} with errors")
        return parts


    def add(self, result: "FileResult") -> None:
        """Count one result: a record's, a shard's own, or a plain file's."""
        if result.record_index is not None:
            self.records_with += bool(result.findings)
            self.records_failed += result.failed
            return
        if result.records is not None:
            self.shards += 1
            self.records += result.records
            self.files_failed += result.failed
            return
        if result.error is None and result.notice is None:
            self.files += 1
            self.files_with += bool(result.findings)
        self.files_failed += result.failed
