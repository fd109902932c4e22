"""``--output-format github``: GitHub Actions workflow commands that annotate the changed files.

``::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message``. Values are
escaped as the Actions runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
properties too, so a path or message with those characters cannot break the command.
"""

from __future__ import annotations

from typing import TextIO

from lint.model import Finding, Severity
from lint.reporters import ReportContext
from lint.runner import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``) of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    return command(
        _LEVELS.get(finding.severity, "warning"),
        finding.message,
        file=finding.path,
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=finding.code,
    )


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.out.write(annotation(finding) + "\n")
        if result.error:
            self.out.write(command("error", f"cannot check: {result.error}", file=result.display, title="scrapelint") + "\n")
        for failure in result.failures:
            message = f"rule {failure.code} ({failure.name}) {failure.message}"
            self.out.write(command("error", message, file=result.display, title=failure.code) + "\n")

    def finish(self) -> None:
        """Annotations were written per file; the run's exit code tells the job's outcome."""
