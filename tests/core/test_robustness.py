"""Bad input and faults: every case gets a one-line message naming the file, the run goes on.

The README's reliability table lists these cases and their outcomes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.api import lint_paths

BYLINE_PAGE = "春耕备耕有序推进\n来源：农业日报 来源：农业日报\n眼下正值春耕备耕关键时期，各地抓住有利天气，积极开展土地平整、种子调运和农机检修等工作。\n"
GOOD_PAGE = "标题\n一篇干净的文章。\n"


def _findings(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if ": BYL" in line]


def test_invalid_utf8_is_reported_and_the_other_files_are_checked(run_cli, tmp_path):
    (tmp_path / "broken.txt").write_bytes(BYLINE_PAGE.encode() + b"\xff\xfe\xfd" + "结尾。".encode())
    (tmp_path / "ok.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    result = run_cli("check", "--select", "BYL", ".")
    assert result.returncode == 2
    assert f"broken.txt: error: invalid UTF-8 at byte {len(BYLINE_PAGE.encode())} (0xff)" in result.stderr
    assert _findings(result.stdout) == ["ok.txt:2:9: BYL001 [*] byline repeated: '来源：农业日报'"]


@pytest.mark.parametrize(
    ("encoding", "page"),
    [
        ("gb18030", BYLINE_PAGE),
        ("gbk", BYLINE_PAGE),
        ("big5", "農業日報\n作者：農業日報 作者：農業日報\n眼下正值春耕備耕關鍵時期，各地抓住有利天氣，積極開展土地平整、種子調運和農機檢修等工作。\n"),
        ("shift_jis", "公園の開園\n作者：山田太郎 作者：山田太郎\n東京都は本日、新しい公園の開園を発表しました。市民の皆さんは週末から利用できます。\n"),
        ("utf-16", BYLINE_PAGE),
        ("utf-16-le", BYLINE_PAGE),
        ("utf-8-sig", BYLINE_PAGE),
    ],
)
def test_other_encodings_are_detected_and_columns_count_characters(run_cli, tmp_path, encoding, page):
    (tmp_path / "page.txt").write_bytes(page.encode(encoding))
    result = run_cli("check", "--select", "BYL001", "page.txt")
    assert result.returncode == 1, result.stderr
    second = page.splitlines()[1]
    column = second.index(" ") + 2  # where the repeated byline starts
    assert _findings(result.stdout)[0].startswith(f"page.txt:2:{column}: BYL001")


def test_binary_file_with_a_text_name_is_skipped_with_a_notice(run_cli, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = run_cli("check", "image.txt")
    assert result.returncode == 0
    assert result.stderr.startswith("image.txt: notice: binary file")


def test_nul_bytes_in_a_text_page_are_an_error(run_cli, tmp_path):
    (tmp_path / "nul.txt").write_bytes(BYLINE_PAGE.encode() + b"\x00" + "后文。".encode() * 20)
    result = run_cli("check", "nul.txt")
    assert result.returncode == 2
    assert "nul.txt: error: NUL character at offset" in result.stderr


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\r\n\r\n"])
def test_empty_and_whitespace_only_files_are_clean(run_cli, tmp_path, content):
    (tmp_path / "blank.txt").write_bytes(content)
    result = run_cli("check", "blank.txt")
    assert (result.returncode, result.stderr) == (0, "")


def test_cr_only_newlines_count_as_line_breaks(run_cli, tmp_path):
    (tmp_path / "mac.txt").write_bytes(BYLINE_PAGE.replace("\n", "\r").encode())
    result = run_cli("check", "--select", "BYL001", "mac.txt")
    assert _findings(result.stdout)[0].startswith("mac.txt:2:9: BYL001")


def test_unreadable_file_is_an_error_naming_it(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):  # the system refuses this one file, as chmod 0 does
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    report = lint_paths([tmp_path], select=["BYL"])
    assert [Path(f.path).name for f in report] == ["ok.txt"]
    assert [(Path(path).name, reason) for path, reason in report.errors] == [("locked.txt", "cannot read: Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_for_real(run_cli, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(BYLINE_PAGE, encoding="utf-8")
    locked.chmod(0)
    result = run_cli("check", "locked.txt")
    assert result.returncode == 2 and "locked.txt: error: cannot read: Permission denied" in result.stderr


def test_broken_symlink_and_symlink_loop(run_cli, tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "ok.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    (tmp_path / "site" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "site" / "self.txt").symlink_to(tmp_path / "site" / "self.txt")
    result = run_cli("check", "--select", "BYL", "site")
    assert result.returncode == 2
    assert "site/gone.txt: error: broken symbolic link" in result.stderr
    assert "site/self.txt: error: symbolic link loop, not followed" in result.stderr
    assert _findings(result.stdout) == ["site/ok.txt:2:9: BYL001 [*] byline repeated: '来源：农业日报'"]
    named = run_cli("check", "site/self.txt")
    assert named.stderr.strip() == "site/self.txt: error: symbolic link loop, not followed"


def test_file_deleted_between_discovery_and_reading(tmp_path):
    from lint.config import Settings
    from lint.discovery import Candidate
    from lint.runner import check_file
    from lint.selection import RuleSet
    from lint.plugin_manager import load_plugins

    page = tmp_path / "gone.txt"
    page.write_text(BYLINE_PAGE, encoding="utf-8")
    candidate = Candidate(page, "gone.txt", Settings(root=tmp_path))
    page.unlink()
    result = check_file(candidate, RuleSet(load_plugins().rules, Settings(root=tmp_path)))
    assert result.error == "cannot read: No such file or directory"


FAILING_PLUGINS = {
    "raising_hook.py": "from lint import hookimpl\n\n@hookimpl\ndef scrapelint_rules():\n    raise RuntimeError('registry offline')\n",
    "malformed.py": (
        "from lint import hookimpl\nfrom lint.model import Rule\n\n"
        "def _check(page, options):\n    yield ('not', 'a', 'violation')\n\n"
        "@hookimpl\ndef scrapelint_rules():\n"
        "    return [Rule('BAD001', 'malformed-output', 's', 'e', 'b', 'g', _check)]\n"
    ),
    "raising_rule.py": (
        "from lint import hookimpl\nfrom lint.model import Rule\n\n"
        "def _check(page, options):\n    return {}['missing']\n\n"
        "@hookimpl\ndef scrapelint_rules():\n"
        "    return [Rule('BAD002', 'raising-rule', 's', 'e', 'b', 'g', _check)]\n"
    ),
    "not_importable.py": "import module_that_does_not_exist\n",
}


def test_failing_plugins_are_reported_against_themselves_and_the_run_goes_on(run_cli, tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    for name, source in FAILING_PLUGINS.items():
        (folder / name).write_text(source, encoding="utf-8")
    (tmp_path / "page.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    result = run_cli("check", "--rules-dir", "plugins", "--extend-select", "BAD", "page.txt")
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert "scrapelint: error: plugin raising_hook: hook scrapelint_rules raised RuntimeError: registry offline" in errors
    assert any(line.startswith("scrapelint: error: plugin not_importable: failed to import") for line in errors)
    assert "page.txt: error: rule BAD001 (malformed-output) returned a malformed finding: expected a Violation, got tuple" in errors
    assert "page.txt: error: rule BAD002 (raising-rule) raised KeyError: 'missing'" in errors
    assert "Traceback" not in result.stderr
    assert "page.txt:2:9: BYL001" in result.stdout


HANGING_PLUGIN = (
    "from lint import hookimpl\nfrom lint.model import Rule\n\n"
    "def _check(page, options):\n"
    "    if '卡住' in page.text:\n"
    "        while True:\n"
    "            try:\n                pass\n            except Exception:\n                pass\n"
    "    return iter(())\n\n"
    "@hookimpl\ndef scrapelint_rules():\n"
    "    return [Rule('HNG001', 'never-returns', 's', 'e', 'b', 'g', _check)]\n"
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_that_never_returns_is_stopped_by_the_timeout(run_cli, tmp_path, jobs):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "hang.py").write_text(HANGING_PLUGIN, encoding="utf-8")
    (tmp_path / "a-stuck.txt").write_text("标题\n这一页会卡住。\n", encoding="utf-8")
    for index in range(30):
        (tmp_path / f"page-{index:02d}.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    result = run_cli("check", "--rules-dir", "plugins", "--select", "HNG,BYL001", "--timeout", "1",
                     "--jobs", jobs, "--no-cache", ".")
    assert result.returncode == 2
    assert "a-stuck.txt: error: rule HNG001 (never-returns) did not finish within the 1 s time limit (--timeout)" in result.stderr
    assert len(_findings(result.stdout)) == 30  # every other page was still checked


def test_timeout_in_config_must_be_positive_seconds(run_cli, tmp_path):
    (tmp_path / "scrapelint.toml").write_text("timeout = -3\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    result = run_cli("check", "a.txt")
    assert result.returncode == 2
    assert "scrapelint.toml: timeout: expected a number of seconds above 0, got -3" in result.stderr
