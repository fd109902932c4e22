"""``--output-format json-lines``: one JSON object per finding per line, written as files finish.

Each object has the fields of the ``json`` format (shape version 1), so a stream can be
processed with ``jq -c`` or read line by line while a long run is still going.
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from lint.reporters import ReportContext
from lint.runner import FileResult


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.out.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
        if result.findings:
            self.out.flush()

    def finish(self, results: Iterable[FileResult]) -> None:
        """Everything was written per file."""
