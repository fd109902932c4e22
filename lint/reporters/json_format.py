"""``--output-format json``: a JSON list of findings, each with exactly the documented fields.

With ``--statistics`` it prints the corpus summary instead (lint.corpus_stats), as ruff does.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from lint.json_text import write_indented
from lint.model import Finding
from lint.reporters import ReportContext
from lint.runner import FileResult

if TYPE_CHECKING:
    from lint.corpus_stats import CorpusStatistics


class Reporter:
    """One JSON document, written at the end: the run keeps each file's findings for it (or, with
    ``--statistics``, their counts), not the files' results with their text."""

    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.findings: list[Finding] = []
        self.statistics: CorpusStatistics | None = None
        if context.statistics:  # as in ruff: the statistics document instead of the findings
            from lint.corpus_stats import CorpusStatistics

            self.statistics = CorpusStatistics(context.families)

    def file(self, result: FileResult) -> None:
        if self.statistics is not None:
            self.statistics.add(result)
        else:
            self.findings += result.findings

    def finish(self) -> None:
        if self.statistics is not None:
            json.dump(self.statistics.to_dict(), self.out, ensure_ascii=False, indent=2)
        else:
            write_indented([finding.to_dict() for finding in self.findings], self.out)
        self.out.write("\n")
