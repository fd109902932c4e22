"""scrapelint inside datatrove pipelines: an annotator step and a filter, with the same rules.

Data pipelines decide per document; scrapelint says where and why. :class:`ScrapelintAnnotator`
adds each document's findings (rule, line, column, span, message) to ``doc.metadata``;
:class:`ScrapelintFilter` drops documents with findings of the selected rules (or keeps only
those, to look at them), after applying safe fixes to the text when asked.

Each step keeps only its settings; the plugins are loaded when the step first runs, once per
process, so the steps pickle to datatrove's local, Slurm and Ray executors like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter

if TYPE_CHECKING:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.writers.disk_base import DiskWriter

    from lint.model import Finding

__all__ = ["ScrapelintAnnotator", "ScrapelintFilter", "finding_metadata"]

#: The name rules see for a document (per-file-ignores and ``files`` globs match no document).
DOCUMENT_PATH = "<document>"


def finding_metadata(finding: "Finding") -> dict[str, Any]:
    """A finding as plain data for ``doc.metadata`` (JSON and Parquet writers take it as it is)."""
    return {
        "code": finding.code,
        "name": finding.name,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "severity": finding.severity.value,
        "fix": None if finding.fix is None else finding.fix.applicability.value,
    }


class _Rules:
    """The rules a step runs, built from its settings on first use in each process."""

    def __init__(self, config: str | Mapping[str, Any] | None, select: Sequence[str] | None,
                 ignore: Sequence[str] | None) -> None:
        self.config = config
        self.overrides = {key: tuple(value) for key, value in (("select", select), ("ignore", ignore)) if value}
        self._active: list | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "overrides": self.overrides, "_active": None}

    @property
    def active(self) -> list:
        if self._active is None:
            from pathlib import Path

            from lint.api import Linter

            linter = Linter.create(self.config, self.overrides)
            settings = linter.resolver.for_directory(Path.cwd())
            self._active = list(linter.ruleset(settings).active_for(DOCUMENT_PATH))
        return self._active


class ScrapelintAnnotator(PipelineStep):
    """Adds ``doc.metadata[key]``: the list of findings (see :func:`finding_metadata`), maybe empty."""

    name = "🧹 scrapelint"
    type = "🏷 - ANNOTATOR"

    def __init__(self, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                 config: str | Mapping[str, Any] | None = None, metadata_key: str = "scrapelint") -> None:
        super().__init__()
        self.rules = _Rules(config, select, ignore)
        self.metadata_key = metadata_key

    def run(self, data: "DocumentsPipeline", rank: int = 0, world_size: int = 1) -> "DocumentsPipeline":
        from lint.engine import check_page
        from lint.page import Page

        active = self.rules.active
        for doc in data:
            with self.track_time():
                outcome = check_page(Page(doc.text, DOCUMENT_PATH, str(doc.id)), active)
            doc.metadata[self.metadata_key] = [finding_metadata(finding) for finding in outcome.findings]
            self.stat_update("documents")
            if outcome.findings:
                self.stat_update("documents_with_findings")
                self.stat_update("findings", value=len(outcome.findings))
            for failure in outcome.failures:
                self.stat_update(f"rule_failed_{failure.code}")
            self.update_doc_stats(doc)
            yield doc


class ScrapelintFilter(BaseFilter):
    """Drops documents with more than ``max_findings`` findings of the selected rules.

    ``keep_flagged=True`` turns it round: only flagged documents go on (to review them). With
    ``fix=True`` the safe fixes (and the unsafe ones with ``unsafe=True``) are applied to
    ``doc.text`` first and only what remains counts. A dropped document's reason is the code of
    its first remaining finding (``dropped_OFT001`` in datatrove's stats).
    """

    name = "🧹 scrapelint filter"

    def __init__(self, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                 config: str | Mapping[str, Any] | None = None, max_findings: int = 0, keep_flagged: bool = False,
                 fix: bool = False, unsafe: bool = False, exclusion_writer: "DiskWriter | None" = None) -> None:
        super().__init__(exclusion_writer)
        self.rules = _Rules(config, select, ignore)
        self.max_findings = max_findings
        self.keep_flagged = keep_flagged
        self.fix = fix
        self.unsafe = unsafe

    def _findings(self, doc: "Document") -> Iterable["Finding"]:
        if not self.fix:
            from lint.engine import check_page
            from lint.page import Page

            return check_page(Page(doc.text, DOCUMENT_PATH, str(doc.id)), self.rules.active).findings
        from lint.fixer import fix_page_text

        outcome = fix_page_text(doc.text, self.rules.active, unsafe=self.unsafe, path=DOCUMENT_PATH)
        if outcome.changed:
            doc.text = outcome.text
            self.stat_update("fixed_documents")
            self.stat_update("fixes", value=outcome.fixed)
        return outcome.findings

    def filter(self, doc: "Document") -> bool | tuple[bool, str]:
        findings = list(self._findings(doc))
        flagged = len(findings) > self.max_findings
        if self.keep_flagged:
            return flagged or (False, "scrapelint_clean")
        if flagged:
            return False, findings[0].code
        return True
