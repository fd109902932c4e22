"""Every output format from the real CLI: snapshots on fixed pages, plus what each format promises."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.cells import cell_len

from lint.model import Finding, Fix, Severity
from lint.progress import RunProgress, should_show
from lint.reporters import FORMATS, HUMAN_FORMATS, ReportContext, get_reporter
from lint.runner import FileResult
from report_fixtures import assert_snapshot, fixture_env, normalise, report_pages  # noqa: F401 (fixture)

SNAPSHOT_FILES = {
    "text": "text.txt",
    "concise": "concise.txt",
    "full": "full.txt",
    "grouped": "grouped.txt",
    "json": "json.json",
    "json-lines": "json-lines.jsonl",
    "sarif": "sarif.json",
    "github": "github.txt",
    "junit": "junit.xml",
    "html": "report.html",
}


def check(run_cli, root: Path, *args: str):
    return run_cli("check", "--no-cache", *args, cwd=root, env=fixture_env())


def test_every_registered_format_has_a_snapshot_and_is_offered_by_the_cli(run_cli):
    assert set(SNAPSHOT_FILES) == set(FORMATS)
    usage = run_cli("check", "--help").stdout
    for name in FORMATS:
        assert name in usage


@pytest.mark.parametrize("output_format", sorted(SNAPSHOT_FILES))
def test_snapshot_of_each_format(output_format, run_cli, report_pages):
    result = check(run_cli, report_pages, "--output-format", output_format, "pages")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert_snapshot(SNAPSHOT_FILES[output_format], normalise(result.stdout, report_pages))


def test_json_lines_holds_the_json_findings_one_per_line(run_cli, report_pages):
    whole = json.loads(check(run_cli, report_pages, "--output-format", "json", "pages").stdout)
    lines = check(run_cli, report_pages, "--output-format", "json-lines", "pages").stdout.splitlines()
    assert [json.loads(line) for line in lines] == whole
    assert len(whole) == 8


def test_an_unknown_format_is_a_one_line_usage_error(run_cli, report_pages):
    result = check(run_cli, report_pages, "--output-format", "yaml", "pages")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "'yaml' is not one of" in result.stderr


def test_quiet_drops_the_summary_of_human_formats_only(run_cli, report_pages):
    for output_format in sorted(HUMAN_FORMATS):
        out = check(run_cli, report_pages, "-q", "--output-format", output_format, "pages").stdout
        assert "Found 8 findings" not in out and "XEM001" in out, output_format
    html = check(run_cli, report_pages, "-q", "--output-format", "html", "pages").stdout
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_output_file_receives_the_report(run_cli, report_pages):
    result = check(run_cli, report_pages, "--output-format", "junit", "-o", "report.xml", "pages")
    assert result.returncode == 1 and result.stdout == ""
    suites = ET.parse(report_pages / "report.xml").getroot()
    assert suites.get("failures") == "8"


# -- github -------------------------------------------------------------------------------


def _finding(path: str = "pages/a.txt", message: str = "emoji '🤔' in running text", **changes) -> Finding:
    values = dict(path=path, line=3, column=5, end_line=3, end_column=6, code="XEM001", name="fixture-emoji",
                  message=message, severity=Severity.WARNING, fix=Fix.delete(10, 11), start=10, end=11)
    values.update(changes)
    return Finding(**values)


def _render(output_format: str, *results: FileResult, **context) -> str:
    out = io.StringIO()
    reporter = get_reporter(output_format, out, ReportContext(**context))
    for result in results:
        reporter.file(result)
    reporter.finish()
    return out.getvalue()


def test_github_escapes_properties_and_message():
    finding = _finding(path="pages/a,b:c%.txt", message="50% off\r\nshare: now", severity=Severity.INFO)
    line = _render("github", FileResult("pages/a,b:c%.txt", findings=[finding])).strip()
    assert line == (
        "::notice file=pages/a%2Cb%3Ac%25.txt,line=3,col=5,endLine=3,endColumn=6,title=XEM001"
        "::50%25 off%0D%0Ashare: now"
    )


def test_github_levels_follow_severity_and_files_that_failed_are_errors(run_cli, report_pages):
    out = check(run_cli, report_pages, "--output-format", "github", "pages", "missing.txt").stdout
    levels = re.findall(r"^::(\w+) ", out, re.MULTILINE)
    assert levels.count("warning") == 3 and levels.count("error") == 4 + 1 and levels.count("notice") == 1
    assert "::error file=missing.txt,title=scrapelint::cannot check: no such file or directory" in out


# -- junit --------------------------------------------------------------------------------


def test_junit_is_well_formed_with_a_suite_per_file(run_cli, report_pages):
    out = check(run_cli, report_pages, "--output-format", "junit", "pages", "missing.txt").stdout
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"pages/clean.txt", "pages/en_review.txt", "pages/zh_finance.txt", "missing.txt"}
    assert suites["pages/clean.txt"].get("failures") == "0" and len(suites["pages/clean.txt"]) == 1
    assert suites["pages/zh_finance.txt"].get("failures") == "5"
    assert suites["missing.txt"].find("testcase/error") is not None
    assert root.get("tests") == str(sum(int(suite.get("tests")) for suite in suites.values()))
    for suite in suites.values():
        assert int(suite.get("tests")) == len(suite.findall("testcase"))


def test_junit_replaces_characters_xml_cannot_hold():
    finding = _finding(message="bell \x07 and nul \x00 in a page")
    out = _render("junit", FileResult("pages/a.txt", findings=[finding]))
    failure = ET.fromstring(out.encode("utf-8")).find(".//failure")
    assert failure.get("message") == "bell \ufffd and nul \ufffd in a page"


# -- full, grouped, concise ---------------------------------------------------------------


def test_full_puts_carets_under_the_span_in_wide_text():
    line = "分析人士认为，价格战趋缓之后，厂商开始把重心转向海🤔外市场"
    column = line.index("🤔") + 1
    finding = _finding(line=3, column=column, end_column=column + 1)
    out = _render("full", FileResult("pages/a.txt", findings=[finding], source_lines={3: line}))
    rows = out.splitlines()
    source = next(row for row in rows if row.startswith("3 | "))
    carets = rows[rows.index(source) + 1]
    assert source == f"3 | {line}"
    assert carets == "  | " + " " * cell_len(line[:column - 1]) + "^^ XEM001"
    assert "  = fix: " in out


def test_full_cuts_long_lines_around_the_span():
    line = "前" * 500 + "🤔" + "后" * 500
    finding = _finding(line=1, column=501, end_column=502, end_line=1)
    out = _render("full", FileResult("pages/a.txt", findings=[finding], source_lines={1: line}))
    source = next(row for row in out.splitlines() if row.startswith("1 | "))
    assert source == "1 | …" + "前" * 40 + "🤔" + "后" * 40 + "…"


def test_grouped_lists_findings_under_each_file(run_cli, report_pages):
    out = check(run_cli, report_pages, "--output-format", "grouped", "pages").stdout
    blocks = out.strip().split("\n\n")
    assert blocks[0].splitlines()[0] == "pages/en_review.txt:"
    assert blocks[1].splitlines()[0] == "pages/zh_finance.txt:" and len(blocks[1].splitlines()) == 6
    assert blocks[-1].startswith("Found 8 findings in 2 of 3 files")


def test_concise_never_shows_source_even_when_asked():
    finding = _finding()
    result = FileResult("pages/a.txt", findings=[finding], source_lines={3: "一二三四🤔五六"})
    out = _render("concise", result, show_source=True)
    assert out.splitlines()[0] == "pages/a.txt:3:5: XEM001 [*] emoji '🤔' in running text"
    assert "|" not in out


def test_text_lines_mark_what_fix_would_repair_and_name_the_record():
    """Safe fixes are marked, unsafe ones only with --unsafe-fixes; a record's findings show its id."""
    findings = [
        _finding(),
        _finding(fix=Fix.delete(10, 11, safe=False), message="unsafe"),
        _finding(fix=None, message="no fix"),
        _finding(path="shard.jsonl", record_id="r-7", record_index=7, message="in a record"),
    ]
    result = FileResult("pages/a.txt", findings=findings)
    for unsafe, mark in ((False, ""), (True, " [*]")):
        for colour in (False, True):
            lines = _render("text", result, unsafe_fixes=unsafe, colour=colour).splitlines()
            plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in lines]
            assert plain[:4] == [
                "pages/a.txt:3:5: XEM001 [*] emoji '🤔' in running text",
                f"pages/a.txt:3:5: XEM001{mark} unsafe",
                "pages/a.txt:3:5: XEM001 no fix",
                "shard.jsonl#r-7:3:5: XEM001 [*] in a record",
            ]
            assert plain[-1].endswith("; 2 fixable with --fix.")


# -- progress -----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci_for_human_formats():
    terminal, pipe = _Terminal(), io.StringIO()
    assert should_show(True, terminal, {"TERM": "xterm"})
    assert not should_show(True, pipe, {"TERM": "xterm"})
    assert not should_show(False, terminal, {"TERM": "xterm"})
    assert not should_show(True, terminal, {"TERM": "xterm", "CI": "true"})
    assert not should_show(True, terminal, {"TERM": "xterm", "GITHUB_ACTIONS": "true"})
    assert not should_show(True, terminal, {"TERM": "dumb"})
    assert should_show(True, terminal, {"TERM": "xterm", "CI": "false"})


def test_progress_bar_counts_files_findings_and_rate():
    terminal = _Terminal()
    bar = RunProgress(terminal, delay=0)
    bar.advance(FileResult("a.txt", findings=[_finding()]))
    bar.advance(FileResult("b.txt", findings=[_finding(), _finding()]))
    bar.progress.refresh()
    bar.close()
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert "2 files" in drawn and "3 findings" in drawn and "files/s" in drawn


def test_no_progress_in_pipes_even_when_asked(run_cli, report_pages):
    result = check(run_cli, report_pages, "--progress", "pages")
    assert result.returncode == 1 and result.stderr == ""


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_keeps_the_report_intact(report_pages):
    import pty
    import subprocess

    from conftest import scrapelint_executable

    for index in range(60):
        (report_pages / "pages" / f"copy{index:02}.txt").write_text((report_pages / "pages" / "zh_finance.txt").read_text("utf-8"), "utf-8")
    controller, terminal = pty.openpty()
    env = {**os.environ, **fixture_env(), "NO_COLOR": "1", "TERM": "xterm"}
    proc = subprocess.Popen([*scrapelint_executable(), "check", "--no-cache", "--no-color", "--progress", "--output-format", "concise", "pages"],
                            cwd=report_pages, env=env, stdout=terminal, stderr=terminal, stdin=subprocess.DEVNULL)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=120) == 1
    os.close(controller)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "Found 308 findings in 62 of 63 files" in shown
    assert len(re.findall(r"copy\d\d\.txt:6:1: XAP001", shown)) == 60
