"""``--output-format sarif``: a SARIF 2.1.0 log for code-scanning dashboards (GitHub, Azure, IDEs).

Shape (documented in ``lint/reporters/README.md``, scrapelint SARIF shape version 1):

- one run; ``tool.driver.rules`` lists every loaded rule with descriptions and help;
- ``run.columnKind`` is ``unicodeCodePoints``: SARIF's default unit is UTF-16 code units, ours
  are code points (SARIF puts ``columnKind`` on the run; a region has no such property);
- artifact URIs are relative to the run's root (the working folder), declared as the
  ``ROOT`` entry of ``originalUriBaseIds``; files outside it get absolute ``file:`` URIs;
- ``partialFingerprints["scrapelintSpan/v1"]`` hashes the rule code, the flagged text and a
  little context (never line numbers), plus the occurrence number of identical spans in the
  file, so a finding keeps its identity when lines above it move;
- files that could not be checked and rules that failed are ``toolExecutionNotifications``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from lint import __version__
from lint.json_text import write_indented
from lint.model import Finding, Rule, Severity
from lint.reporters import ReportContext
from lint.reporters.spans import excerpt
from lint.runner import FileResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SHAPE_VERSION = 1
ROOT_ID = "ROOT"
FINGERPRINT_KEY = "scrapelintSpan/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(display: str) -> dict[str, str]:
    """A display path as a SARIF artifact location: relative to ROOT when it is relative."""
    path = PurePosixPath(display)
    if path.is_absolute():
        return {"uri": Path(display).as_uri()}
    return {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": ROOT_ID}


def _folder_uri(folder: Path) -> str:
    """A folder's ``file:`` URI with the trailing slash SARIF requires of a base URI."""
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def rule_descriptor(rule: Rule, context: ReportContext) -> dict[str, Any]:
    family = context.families.get(rule.family)
    family_name = family.name if family else rule.family
    help_text = f"{rule.explanation}\n\nBad:\n{rule.bad_example}\n\nGood:\n{rule.good_example}"
    help_markdown = (
        f"{rule.explanation}\n\n**Bad:**\n\n```text\n{rule.bad_example}\n```\n\n"
        f"**Good:**\n\n```text\n{rule.good_example}\n```\n"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.explanation or rule.summary or rule.name},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.default_enabled},
        "properties": {
            "family": rule.family,
            "familyName": family_name,
            "fixable": rule.fixable,
            "plugin": rule.plugin,
            "tags": [rule.family, family_name],
        },
    }


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.rules = sorted(context.rules.values(), key=lambda rule: rule.code)
        self.rule_index = {rule.code: index for index, rule in enumerate(self.rules)}
        self.extra_rules: list[dict[str, Any]] = []  # codes found but not loaded (should not happen)
        # one per file, shared by its findings (the log is only written): pathlib and quote cost 40 us
        self.locations: dict[str, dict[str, str]] = {}

    def _location(self, display: str) -> dict[str, str]:
        location = self.locations.get(display)
        if location is None:
            location = self.locations[display] = artifact_location(display)
        return location

    def file(self, result: FileResult) -> None:
        seen: dict[str, int] = {}
        for finding in result.findings:
            self.results.append(self._result(result, finding, seen))
        location = [{"physicalLocation": {"artifactLocation": self._location(result.display)}}]
        if result.error:
            self.notifications.append({"level": "error", "message": {"text": result.error}, "locations": location})
        for failure in result.failures:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"rule {failure.code} ({failure.name}) {failure.message}"},
                "locations": location,
                "associatedRule": {"id": failure.code},
            })
        if result.notice:
            self.notifications.append({"level": "note", "message": {"text": result.notice}, "locations": location})

    def _index(self, finding: Finding) -> int:
        if finding.code not in self.rule_index:
            self.rule_index[finding.code] = len(self.rules) + len(self.extra_rules)
            self.extra_rules.append({"id": finding.code, "name": finding.name, "shortDescription": {"text": finding.name}})
        return self.rule_index[finding.code]

    def _result(self, result: FileResult, finding: Finding, seen: dict[str, int]) -> dict[str, Any]:
        span = excerpt(result, finding)
        key = span.key(finding.code)
        seen[key] = seen.get(key, 0) + 1
        region: dict[str, Any] = {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
        if span.text:
            region["snippet"] = {"text": span.text}
        data: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": self._index(finding),
            "level": _LEVELS.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {"artifactLocation": self._location(finding.path), "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{key}:{seen[key]}"},
            "properties": {"name": finding.name},
        }
        if finding.fix is not None:
            data["properties"]["fix"] = finding.fix.applicability.value
        return data

    def finish(self) -> None:
        root = (self.context.root or Path.cwd()).absolute()
        failed = any(notification["level"] == "error" for notification in self.notifications)
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "scrapelint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [rule_descriptor(rule, self.context) for rule in self.rules] + self.extra_rules,
                }},
                "invocations": [{"executionSuccessful": not failed, "toolExecutionNotifications": self.notifications}],
                "originalUriBaseIds": {ROOT_ID: {"uri": _folder_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
                "properties": {"scrapelintShapeVersion": SHAPE_VERSION},
            }],
        }
        write_indented(log, self.out)
        self.out.write("\n")
