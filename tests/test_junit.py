"""The JUnit document is the text ElementTree would write for it after ``ET.indent``, character for character."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from lint.engine import RuleFailure
from lint.model import Finding, Severity
from lint.reporters import ReportContext
from lint.reporters.junit import Reporter, attribute, text
from lint.runner import FileResult


def _written(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode")


@given(st.text(st.characters(blacklist_categories=())))
def test_attribute_values_are_escaped_as_elementtree_escapes_them(value) -> None:
    assert f'<e a="{attribute(value)}" />' == _written(ET.Element("e", a=value))


@given(st.text(st.characters(blacklist_categories=()), min_size=1))
def test_character_data_is_escaped_as_elementtree_escapes_it(value) -> None:
    element = ET.Element("e")
    element.text = value
    assert f"<e>{text(value)}</e>" == _written(element)


def _report(*results: FileResult) -> str:
    out = io.StringIO()
    reporter = Reporter(out, ReportContext())
    for result in results:
        reporter.file(result)
    reporter.finish()
    return out.getvalue()


def test_a_suite_per_file_with_a_test_per_finding_error_rule_failure_and_skipped_file() -> None:
    finding = Finding("pages/a&b.txt", 3, 5, 3, 6, "XEM001", "fixture-emoji", 'say "<hi>"', Severity.WARNING)
    document = _report(
        FileResult("pages/a&b.txt", findings=[finding]),
        FileResult("pages/clean.txt"),
        FileResult("missing.txt", error="cannot check: no such file"),
        FileResult("pages/b.txt", failures=[RuleFailure("XCR001", "fixture-site-phrase", "raised KeyError\x00")]),
        FileResult("pages/c.bin", notice="binary file"),
    )
    assert document == """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="scrapelint" tests="5" failures="1" errors="2" skipped="1">
  <testsuite name="pages/a&amp;b.txt" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="XEM001 fixture-emoji at 3:5" classname="pages/a&amp;b.txt" file="pages/a&amp;b.txt" line="3">
      <failure message="say &quot;&lt;hi&gt;&quot;" type="XEM001">pages/a&amp;b.txt:3:5: XEM001 say "&lt;hi&gt;"</failure>
    </testcase>
  </testsuite>
  <testsuite name="pages/clean.txt" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="check" classname="pages/clean.txt" file="pages/clean.txt" />
  </testsuite>
  <testsuite name="missing.txt" tests="1" failures="0" errors="1" skipped="0">
    <testcase name="check" classname="missing.txt" file="missing.txt">
      <error message="cannot check: no such file" type="FileError">missing.txt: cannot check: no such file</error>
    </testcase>
  </testsuite>
  <testsuite name="pages/b.txt" tests="1" failures="0" errors="1" skipped="0">
    <testcase name="XCR001 fixture-site-phrase" classname="pages/b.txt" file="pages/b.txt">
      <error message="rule XCR001 (fixture-site-phrase) raised KeyError\ufffd" type="RuleFailure">rule XCR001 (fixture-site-phrase) raised KeyError\ufffd</error>
    </testcase>
  </testsuite>
  <testsuite name="pages/c.bin" tests="1" failures="0" errors="0" skipped="1">
    <testcase name="check" classname="pages/c.bin" file="pages/c.bin">
      <skipped message="binary file" />
    </testcase>
  </testsuite>
</testsuites>
"""
    ET.fromstring(document.encode("utf-8"))  # well-formed


def test_a_run_without_files_is_an_empty_testsuites_element() -> None:
    assert _report() == '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scrapelint" tests="0" failures="0" errors="0" skipped="0" />\n'
