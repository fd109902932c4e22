"""The CLI end to end, through a real subprocess."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, SEED

FINDING_FIELDS = ["path", "line", "column", "end_line", "end_column", "code", "name", "message", "severity", "fix"]
BYLINE_PAGE = "春耕备耕有序推进\n来源：农业日报 来源：农业日报\n正文内容。\n"


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed page is not beside the checkout")
def test_seed_page_reports_the_repeated_byline_where_the_second_byline_starts(run_cli, tmp_path):
    page = tmp_path / SEED.name
    shutil.copy(SEED, page)
    result = run_cli("check", "--select", "BYL001", page.name)
    assert result.returncode == 1
    assert f"{page.name}:4:9: BYL001" in result.stdout


def test_json_output_has_exactly_the_documented_fields(run_cli, write_page):
    write_page("news/farm.txt", BYLINE_PAGE)
    result = run_cli("check", "--select", "BYL", "--output-format", "json", "news")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert [list(f) for f in findings] == [FINDING_FIELDS]
    finding = findings[0]
    assert (finding["path"], finding["line"], finding["column"], finding["code"]) == ("news/farm.txt", 2, 9, "BYL001")
    assert finding["fix"]["applicability"] == "safe"


def test_exit_codes_clean_findings_and_exit_zero(run_cli, write_page):
    write_page("clean.txt", "标题\n一篇干净的文章。\n")
    assert run_cli("check", "clean.txt").returncode == 0
    write_page("bad.txt", BYLINE_PAGE)
    assert run_cli("check", "bad.txt").returncode == 1
    assert run_cli("check", "--exit-zero", "bad.txt").returncode == 0


def test_summary_statistics_and_output_file(run_cli, write_page, tmp_path):
    write_page("bad.txt", BYLINE_PAGE)
    result = run_cli("check", "--select", "BYL", "--statistics", "--output-file", "report.txt", "bad.txt")
    assert result.returncode == 1
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "bad.txt:2:9: BYL001" in report
    assert "     1  BYL001  [*] duplicated-byline" in report
    assert "Found 1 finding in 1 of 1 file" in report


def test_folders_are_walked_with_include_and_exclude(run_cli, write_page):
    write_page("site/a.txt", BYLINE_PAGE)
    write_page("site/b.md", BYLINE_PAGE)
    write_page("site/c.html", BYLINE_PAGE)
    write_page("site/.hidden/d.txt", BYLINE_PAGE)
    write_page("site/drafts/e.txt", BYLINE_PAGE)
    result = run_cli("check", "--select", "BYL", "--extend-exclude", "drafts", "site")
    files = sorted({line.split(":")[0] for line in result.stdout.splitlines() if ": BYL001" in line})
    assert files == ["site/a.txt", "site/b.md"]


def test_named_files_are_checked_unless_force_exclude(run_cli, write_page):
    write_page("drafts/e.txt", BYLINE_PAGE)
    assert run_cli("check", "--extend-exclude", "drafts", "drafts/e.txt").returncode == 1
    assert run_cli("check", "--extend-exclude", "drafts", "--force-exclude", "drafts/e.txt").returncode == 0


def test_symlink_loops_are_survived(run_cli, write_page, tmp_path):
    write_page("site/a.txt", BYLINE_PAGE)
    (tmp_path / "site" / "loop").symlink_to(tmp_path / "site")
    result = run_cli("check", "site")
    assert result.returncode == 2
    assert "site/loop: error: symbolic link loop" in result.stderr
    assert "site/a.txt:2:9: BYL001" in result.stdout


def test_user_mistakes_are_one_line_errors(run_cli, write_page, tmp_path):
    missing = run_cli("check", "nowhere.txt")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "nowhere.txt: error: no such file or directory"
    (tmp_path / "scrapelint.toml").write_text('select = ["XYZ"]\n', encoding="utf-8")
    write_page("a.txt", BYLINE_PAGE)
    bad = run_cli("check", "a.txt")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "scrapelint.toml: select: unknown rule or prefix 'XYZ'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_rules_lists_and_rule_explains(run_cli):
    listing = run_cli("rules")
    assert listing.returncode == 0
    assert any(line.split()[:2] == ["BYL001", "duplicated-byline"] for line in listing.stdout.splitlines())
    for name in ("BYL001", "duplicated-byline"):
        explained = run_cli("rule", name)
        assert explained.returncode == 0
        assert "Bad:" in explained.stdout and "Good:" in explained.stdout
    unknown = run_cli("rule", "XYZ999")
    assert unknown.returncode == 2 and "unknown rule 'XYZ999'" in unknown.stderr


def test_plugins_lists_versions_and_honours_disabling(run_cli):
    listing = run_cli("plugins")
    assert listing.returncode == 0
    assert any(line.split()[:3] == ["byline", "0.1.0", "built-in"] for line in listing.stdout.splitlines())
    disabled = run_cli("plugins", "--disable-plugin", "byline")
    assert any(line.split()[:3] == ["byline", "-", "disabled"] for line in disabled.stdout.splitlines())
    by_env = run_cli("rules", env={"SCRAPELINT_DISABLE_PLUGINS": "byline"})
    assert "BYL001" not in by_env.stdout


def test_bundled_examples_show_findings(run_cli):
    result = run_cli("check", "examples", cwd=REPO)
    assert result.returncode == 1
    assert "examples/pages/duplicated-byline.txt:2:9: BYL001" in result.stdout
    assert "clean-" not in result.stdout


def test_paths_through_parent_folders_are_not_taken_for_hidden_ones(run_cli, write_page, tmp_path):
    write_page("pages/a.txt", BYLINE_PAGE)
    (tmp_path / "work").mkdir()
    result = run_cli("check", "--select", "BYL", "../pages", cwd=tmp_path / "work")
    assert result.returncode == 1
    assert f"{tmp_path}/pages/a.txt:2:9: BYL001" in result.stdout
