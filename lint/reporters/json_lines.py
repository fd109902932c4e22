"""``--output-format json-lines``: one JSON object per finding per line, written as files finish.

Each object has the fields of the ``json`` format (shape version 1), so a stream can be
processed with ``jq -c`` or read line by line while a long run is still going.
"""

from __future__ import annotations

from json.encoder import encode_basestring as quoted
from typing import TextIO

from lint.model import Applicability, Finding, Fix, Severity
from lint.reporters import ReportContext
from lint.runner import FileResult

#: each severity and applicability as a JSON string (``.value`` of a str enum is a slow property)
_QUOTED = {member: quoted(member.value) for member in (*Severity, *Applicability)}


def _fix(fix: Fix | None) -> str:
    if fix is None:
        return "null"
    edits = ", ".join([f'{{"start": {edit.start}, "end": {edit.end}, "content": {quoted(edit.content)}}}' for edit in fix.edits])
    return f'{{"applicability": {_QUOTED[fix.applicability]}, "message": {quoted(fix.message)}, "edits": [{edits}]}}'


def line(finding: Finding) -> str:
    """``json.dumps(finding.to_dict(), ensure_ascii=False)`` and a newline, written without the dict.

    A corpus run writes tens of thousands of lines: building each finding's dicts and a new
    encoder for each took 0.35 s of the parent's CPU for the benchmark's 21,000 findings; the
    strings here go through the standard library's own string encoder, so the text is the same
    (a test compares the two for any finding).
    """
    record = ""
    if finding.record_index is not None:
        record_id = "null" if finding.record_id is None else quoted(finding.record_id)
        record = f', "record_id": {record_id}, "record_index": {finding.record_index}'
    return (
        f'{{"path": {quoted(finding.path)}, "line": {finding.line}, "column": {finding.column}, '
        f'"end_line": {finding.end_line}, "end_column": {finding.end_column}, "code": {quoted(finding.code)}, '
        f'"name": {quoted(finding.name)}, "message": {quoted(finding.message)}, '
        f'"severity": {_QUOTED[finding.severity]}, "fix": {_fix(finding.fix)}{record}}}\n'
    )


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        if result.findings:
            self.out.write("".join([line(finding) for finding in result.findings]))
            self.out.flush()

    def finish(self) -> None:
        """Everything was written per file."""
