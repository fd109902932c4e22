"""``--output-format json``: a JSON list of findings, each with exactly the documented fields.

With ``--statistics`` it prints the corpus summary instead (lint.corpus_stats), as ruff does.
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from lint.json_text import dumps_indented
from lint.reporters import ReportContext
from lint.runner import FileResult


class Reporter:
    keeps_results = True  # one document of every finding, written at the end

    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context

    def file(self, result: FileResult) -> None:
        """Nothing until the end: the output is one JSON document."""

    def finish(self, results: Iterable[FileResult]) -> None:
        if self.context.statistics:  # as in ruff: the statistics document instead of the findings
            from lint.corpus_stats import CorpusStatistics

            document = CorpusStatistics.of(results, self.context.families).to_dict()
            json.dump(document, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
            return
        findings = [finding.to_dict() for result in results for finding in result.findings]
        self.out.write(dumps_indented(findings))
        self.out.write("\n")
