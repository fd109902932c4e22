"""``--output-format junit``: JUnit XML, one test suite per file and one failing test per finding.

CI servers (GitLab, Jenkins, Azure) show JUnit reports natively. A clean file is one passing
test, a file that could not be checked an ``<error>``, a skipped (binary) file ``<skipped>``.
Characters XML 1.0 cannot carry (control characters scraped pages sometimes hold) become U+FFFD.

The document is the text ``xml.etree.ElementTree`` writes for it after ``ET.indent`` (attributes
in the order given, ``<tag />`` for an empty element), written directly: building the tree and
serialising it took 0.9 s of the parent's CPU for the benchmark's 21,000 findings. Each file's
suite is written when its result arrives, so a run keeps text, not results, until the end.
"""

from __future__ import annotations

import re
from typing import Callable, TextIO

from lint.reporters import ReportContext
from lint.runner import FileResult

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COUNTS = ("tests", "failures", "errors", "skipped")


def clean(value: str) -> str:
    """A string XML 1.0 can hold."""
    return _NOT_XML.sub("\ufffd", value)


#: the references ElementTree writes for markup characters in character data, and in attribute
#: values also for quotes, line breaks and tabs (which a parser would otherwise turn into spaces)
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTRIBUTE = {**_TEXT, '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _escaper(references: dict[str, str]) -> Callable[[str], str]:
    """Replaces each character by its reference; most values hold none, and a search is cheaper
    than a translation."""
    needs = re.compile(f"[{re.escape(''.join(references))}]").search
    table = str.maketrans(references)

    def escape(value: str) -> str:
        return value.translate(table) if needs(value) else value

    return escape


text = _escaper(_TEXT)
attribute = _escaper(_ATTRIBUTE)


def _start_tag(tag: str, name: str, counts: dict[str, int]) -> str:
    """``<tag name="..." tests="..." ...``, without the ``>`` or ``/>`` that ends it."""
    numbers = "".join(f' {key}="{counts[key]}"' for key in _COUNTS)
    return f'<{tag} name="{attribute(name)}"{numbers}'


def suite(result: FileResult) -> tuple[str, dict[str, int]]:
    """One file's ``<testsuite>`` element, indented for the second level, and its counts."""
    path = attribute(result.display)
    where_file = f' classname="{path}" file="{path}"'
    cases = []

    def case(name: str, inner: str = "", line: str = "") -> None:
        start = f'    <testcase name="{attribute(name)}"{where_file}{line}'
        cases.append(f"{start}>\n      {inner}\n    </testcase>\n" if inner else f"{start} />\n")

    for finding in result.findings:
        where = f"{finding.line}:{finding.column}"
        failure = (
            f'<failure message="{attribute(finding.message)}" type="{attribute(finding.code)}">'
            f"{text(f'{finding.path}:{where}: {finding.code} {finding.message}')}</failure>"
        )
        case(f"{finding.code} {finding.name} at {where}", failure, f' line="{finding.line}"')
    if result.error:
        message = f"{result.display}: {result.error}"
        case("check", f'<error message="{attribute(result.error)}" type="FileError">{text(message)}</error>')
    for rule_failure in result.failures:
        message = f"rule {rule_failure.code} ({rule_failure.name}) {rule_failure.message}"
        case(f"{rule_failure.code} {rule_failure.name}", f'<error message="{attribute(message)}" type="RuleFailure">{text(message)}</error>')
    if result.notice:
        case("check", f'<skipped message="{attribute(result.notice)}" />')
    counts = {
        "failures": len(result.findings),
        "errors": bool(result.error) + len(result.failures),
        "skipped": int(bool(result.notice)),
    }
    counts["tests"] = len(cases) or 1
    if not cases:
        case("check")  # a clean file: one passing test
    element = f'  {_start_tag("testsuite", result.display, counts)}>\n{"".join(cases)}  </testsuite>\n'
    return clean(element), counts


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.suites: list[str] = []
        self.totals = dict.fromkeys(_COUNTS, 0)

    def file(self, result: FileResult) -> None:
        element, counts = suite(result)
        self.suites.append(element)
        for key, value in counts.items():
            self.totals[key] += value

    def finish(self) -> None:
        """The document: every suite was written as its file's result arrived."""
        root = _start_tag("testsuites", "scrapelint", self.totals)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f"{root}>\n{''.join(self.suites)}</testsuites>\n" if self.suites else f"{root} />\n")
