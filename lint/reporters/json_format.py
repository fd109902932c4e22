"""``--output-format json``: a JSON list of findings, each with exactly the documented fields."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from lint.reporters import ReportContext
from lint.runner import FileResult


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        """Nothing until the end: the output is one JSON document."""

    def finish(self, results: Iterable[FileResult]) -> None:
        findings = [finding.to_dict() for result in results for finding in result.findings]
        json.dump(findings, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
