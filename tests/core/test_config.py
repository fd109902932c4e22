"""Configuration: where it is found, what it may say, and how mistakes are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.api import LintError, Linter, lint_paths, lint_text

BYLINE_PAGE = "春耕备耕有序推进\n来源：农业日报 来源：农业日报\n正文内容。\n"


def test_nearest_configuration_wins(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.scrapelint]\nselect = ["BYL"]\n', encoding="utf-8")
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "scrapelint.toml").write_text('ignore = ["BYL001"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    (quiet / "b.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    report = lint_paths([tmp_path])
    assert [(Path(f.path).name, f.code) for f in report] == [("a.txt", "BYL001")]


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path):
    (tmp_path / "scrapelint.toml").write_text('[per-file-ignores]\n"archive/**" = ["duplicated-byline"]\n', encoding="utf-8")
    (tmp_path / "archive" / "2019").mkdir(parents=True)
    (tmp_path / "archive" / "2019" / "old.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    assert [Path(f.path).name for f in lint_paths([tmp_path], select=["BYL"])] == ["new.txt"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('selct = ["EMJ"]\n', "unknown key 'selct'"),
        ('select = "EMJ"\n', "select: expected a list of strings"),
        ('exclude = ["[abc"]\n', "exclude: bad glob '[abc'"),
        ('select = ["NOPE999"]\n', "select: unknown rule or prefix 'NOPE999'"),
        ('[options.duplicated-byline]\nwindow = 3\n', "unknown option 'window'"),
        ('[options.no-such-rule]\nx = 1\n', "options: unknown rule 'no-such-rule'"),
        ('select = [\n', "not valid TOML"),
    ],
)
def test_configuration_mistakes_name_the_file_and_the_key(tmp_path: Path, body: str, message: str):
    config = tmp_path / "scrapelint.toml"
    config.write_text(body, encoding="utf-8")
    (tmp_path / "page.txt").write_text(BYLINE_PAGE, encoding="utf-8")
    with pytest.raises(LintError) as raised:
        list(Linter.create(config).check_paths([tmp_path]))
    assert str(config.resolve()) in str(raised.value)
    assert message in str(raised.value)


def test_select_by_family_prefix_code_or_name():
    for selector in ("BYL", "BYL001", "duplicated-byline", "ALL"):
        assert [f.code for f in lint_text(BYLINE_PAGE, select=[selector])] == ["BYL001"]
    assert lint_text(BYLINE_PAGE, select=["BYL"], ignore=["duplicated-byline"]) == []


def test_dict_config_for_the_python_api():
    assert lint_text(BYLINE_PAGE, config={"ignore": ["BYL"]}) == []
    with pytest.raises(LintError, match="unknown key 'colour'"):
        lint_text(BYLINE_PAGE, config={"colour": True})
