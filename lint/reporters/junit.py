"""``--output-format junit``: JUnit XML, one test suite per file and one failing test per finding.

CI servers (GitLab, Jenkins, Azure) show JUnit reports natively. A clean file is one passing
test, a file that could not be checked an ``<error>``, a skipped (binary) file ``<skipped>``.
Characters XML 1.0 cannot carry (control characters scraped pages sometimes hold) become U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable, TextIO

import regex

from lint.reporters import ReportContext
from lint.runner import FileResult

_NOT_XML = regex.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value: object) -> str:
    """A string XML 1.0 can hold."""
    return _NOT_XML.sub("\ufffd", str(value))


class Reporter:
    keeps_results = True  # one document of every finding, written at the end

    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        """Nothing until the end: the output is one XML document."""

    def finish(self, results: Iterable[FileResult]) -> None:
        root = ET.Element("testsuites", name="scrapelint")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for result in results:
            suite = self._suite(result)
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode"))
        self.out.write("\n")

    def _suite(self, result: FileResult) -> ET.Element:
        path = clean(result.display)
        suite = ET.Element("testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

        def case(name: str, **attributes: str) -> ET.Element:
            counts["tests"] += 1
            return ET.SubElement(suite, "testcase", name=clean(name), classname=path, file=path, **attributes)

        for finding in result.findings:
            where = f"{finding.line}:{finding.column}"
            test = case(f"{finding.code} {finding.name} at {where}", line=str(finding.line))
            failure = ET.SubElement(test, "failure", message=clean(finding.message), type=finding.code)
            failure.text = clean(f"{finding.path}:{where}: {finding.code} {finding.message}")
            counts["failures"] += 1
        if result.error:
            error = ET.SubElement(case("check"), "error", message=clean(result.error), type="FileError")
            error.text = clean(f"{result.display}: {result.error}")
            counts["errors"] += 1
        for rule_failure in result.failures:
            test = case(f"{rule_failure.code} {rule_failure.name}")
            message = clean(f"rule {rule_failure.code} ({rule_failure.name}) {rule_failure.message}")
            ET.SubElement(test, "error", message=message, type="RuleFailure").text = message
            counts["errors"] += 1
        if result.notice:
            ET.SubElement(case("check"), "skipped", message=clean(result.notice))
            counts["skipped"] += 1
        if counts["tests"] == 0:
            case("check")  # a clean file: one passing test
        for key, value in counts.items():
            suite.set(key, str(value))
        return suite
