"""Baselines: accept today's findings, then report only new ones, whatever else moves in the pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from lint.baseline import Baseline, BaselineError, BaselineWriter
from lint.model import Finding, Severity
from lint.runner import FileResult
from report_fixtures import fixture_env, report_pages  # noqa: F401 (fixture)

EXAMPLES = REPO / "examples" / "pages"


def run(run_cli, root: Path, *args: str, builtin: bool = False):
    env = None if builtin else fixture_env()
    return run_cli("check", "--no-cache", *args, cwd=root, env=env)


def findings(result) -> list[dict]:
    return json.loads(result.stdout)


def test_baseline_on_the_example_pages_then_only_a_new_defect_is_reported(run_cli, tmp_path):
    """The issue's done criterion, with the built-in rules on the example pages."""
    shutil.copytree(EXAMPLES, tmp_path / "pages")
    before = run(run_cli, tmp_path, "--output-format", "json", "pages", builtin=True)
    assert before.returncode == 1 and findings(before), "the example pages show defects"

    written = run(run_cli, tmp_path, "--write-baseline", "baseline.json", "pages", builtin=True)
    assert written.returncode == 0, written.stderr
    assert f"with {len(findings(before))} finding(s)" in written.stderr

    again = run(run_cli, tmp_path, "--baseline", "baseline.json", "pages", builtin=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "All checks passed" in again.stdout

    page = tmp_path / "pages" / "clean-zh-article.txt"
    text = page.read_text("utf-8")
    assert "滨河公园" in text
    page.write_text(text.replace("滨河公园", "滨河😜公园", 1), encoding="utf-8")
    new = run(run_cli, tmp_path, "--baseline", "baseline.json", "--output-format", "json", "pages", builtin=True)
    assert new.returncode == 1
    [only] = findings(new)
    assert only["path"] == "pages/clean-zh-article.txt" and only["code"].startswith("EMJ")


def test_moving_lines_does_not_resurrect_accepted_findings(run_cli, report_pages):
    assert run(run_cli, report_pages, "--write-baseline", "baseline.json", "pages").returncode == 0
    page = report_pages / "pages" / "zh_finance.txt"
    page.write_text("编者按：本文有删节。\n\n" + page.read_text("utf-8").replace("文 | 本站财经", "文 | 本站财经频道"), encoding="utf-8")
    result = run(run_cli, report_pages, "--baseline", "baseline.json", "pages")
    assert result.returncode == 0, result.stdout


def test_one_more_copy_of_an_accepted_defect_is_reported_once(run_cli, report_pages):
    run(run_cli, report_pages, "--write-baseline", "baseline.json", "pages")
    entries = json.loads((report_pages / "baseline.json").read_text("utf-8"))["entries"]
    page = report_pages / "pages" / "en_review.txt"
    page.write_text(page.read_text("utf-8") + "Share this: Facebook, Twitter & Email\n", encoding="utf-8")
    result = run(run_cli, report_pages, "--baseline", "baseline.json", "--output-format", "json", "pages")
    assert result.returncode == 1
    [extra] = findings(result)
    assert (extra["path"], extra["line"], extra["code"]) == ("pages/en_review.txt", 5, "XCR001")
    assert len(entries) == 8 and all(entry["count"] == 1 for entry in entries)


def test_the_file_is_versioned_json_with_text_and_context(run_cli, report_pages):
    run(run_cli, report_pages, "--write-baseline", "baseline.json", "pages")
    data = json.loads((report_pages / "baseline.json").read_text("utf-8"))
    assert data["scrapelint-baseline"] == 1
    entry = next(entry for entry in data["entries"] if entry["text"] == "🤔")
    assert entry == {"path": "pages/zh_finance.txt", "code": "XEM001", "name": "fixture-emoji",
                     "before": "后，厂商开始把重心转向海", "text": "🤔", "after": "外市场和智能驾驶功能的落",
                     "lines": 1, "count": 1}
    assert not any("line" in key and key != "lines" for entry in data["entries"] for key in entry)


def test_paths_are_relative_to_the_baseline_so_runs_may_start_elsewhere(run_cli, report_pages):
    (report_pages / "ci").mkdir()
    run(run_cli, report_pages, "--write-baseline", "ci/baseline.json", "pages")
    entries = json.loads((report_pages / "ci" / "baseline.json").read_text("utf-8"))["entries"]
    assert {entry["path"] for entry in entries} == {"../pages/en_review.txt", "../pages/zh_finance.txt"}
    result = run(run_cli, report_pages / "pages", "--baseline", "../ci/baseline.json", ".")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("content, reason", [
    (None, "baseline file not found"),
    ("{not json", "invalid JSON"),
    ('{"entries": []}', "not a scrapelint baseline"),
    ('{"scrapelint-baseline": 99, "entries": []}', "version 99 is not supported"),
    ('{"scrapelint-baseline": 1, "entries": [{"path": "a"}]}', "malformed baseline entry 1"),
])
def test_a_bad_baseline_is_a_one_line_error(run_cli, report_pages, content, reason):
    if content is not None:
        (report_pages / "baseline.json").write_text(content, encoding="utf-8")
    result = run(run_cli, report_pages, "--baseline", "baseline.json", "pages")
    assert result.returncode == 2
    assert result.stderr.startswith("scrapelint: error: baseline.json: ") and reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_an_unwritable_baseline_is_a_one_line_error(run_cli, report_pages):
    result = run(run_cli, report_pages, "--write-baseline", "no/such/folder/baseline.json", "pages")
    assert result.returncode == 2
    assert "cannot write baseline" in result.stderr and "Traceback" not in result.stderr


def test_long_flagged_text_is_stored_cut_with_a_digest(tmp_path):
    line = "推荐阅读" + "很长的标题" * 100
    finding = Finding("a.txt", 1, 1, 3, 1, "XAP001", "fixture-appended-list", "m", Severity.INFO)
    writer = BaselineWriter(tmp_path / "baseline.json")
    writer.add(FileResult(str(tmp_path / "a.txt"), findings=[finding], source_lines={1: line}))
    writer.write()
    [entry] = json.loads((tmp_path / "baseline.json").read_text("utf-8"))["entries"]
    assert entry["text"].startswith(line[:200] + "…[sha256:") and entry["lines"] == 3
    accepted = Baseline.load(tmp_path / "baseline.json")
    changed = line[:-1] + "!"
    again = FileResult(str(tmp_path / "a.txt"), findings=[finding], source_lines={1: changed})
    assert accepted.filter(again).findings == [finding]
    same = FileResult(str(tmp_path / "a.txt"), findings=[finding], source_lines={1: line})
    assert accepted.filter(same).findings == []
    with pytest.raises(BaselineError):
        Baseline.load(tmp_path / "missing.json")
