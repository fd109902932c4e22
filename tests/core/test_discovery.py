"""Walking folders: each file shown relative to the working folder (absolute outside it), matched
by globs relative to its configuration's folder, found once, in name order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.config import ConfigResolver
from lint.discovery import Candidate, discover


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("top.txt", "site/a.txt", "site/skip/b.txt", "site/deep/c.txt", "other/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("page\n", encoding="utf-8")
    (tmp_path / "site" / "pyproject.toml").write_text('[tool.scrapelint]\nexclude = ["skip"]\n', encoding="utf-8")
    return tmp_path


def _found(cwd: Path, *paths: str | Path) -> list[tuple[str, str]]:
    """(display, path) of each file found from ``cwd``."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        items = list(discover([Path(path) for path in paths], ConfigResolver(None, {})))
    finally:
        os.chdir(old)
    assert all(isinstance(item, Candidate) for item in items)
    return [(item.display, str(item.path)) for item in items]


def test_files_are_shown_relative_to_the_working_folder(tree: Path) -> None:
    assert _found(tree, ".") == [
        ("other/d.txt", "other/d.txt"), ("site/a.txt", "site/a.txt"), ("site/deep/c.txt", "site/deep/c.txt"), ("top.txt", "top.txt"),
    ]
    assert _found(tree / "site", ".") == [("a.txt", "a.txt"), ("deep/c.txt", "deep/c.txt")]


def test_outside_the_working_folder_files_are_shown_absolute(tree: Path) -> None:
    site = tree / "site"
    assert _found(tree / "other", "../site") == [(f"{site}/a.txt", "../site/a.txt"), (f"{site}/deep/c.txt", "../site/deep/c.txt")]
    assert _found(tree / "other", site) == [(f"{site}/a.txt", f"{site}/a.txt"), (f"{site}/deep/c.txt", f"{site}/deep/c.txt")]


def test_excludes_match_below_the_configuration_folder_from_anywhere(tree: Path) -> None:
    """``skip`` in site/pyproject.toml skips site/skip, whether walked from above, inside or beside it."""
    for cwd, path in ((tree, "site"), (tree / "site", "."), (tree / "site" / "deep", ".."), (tree / "other", "../site")):
        assert not any("skip" in display for display, _ in _found(cwd, path)), (cwd, path)


def test_a_file_reached_twice_is_found_once(tree: Path) -> None:
    (tree / "site" / "again").symlink_to(tree / "site" / "deep")  # walked first: "again" < "deep"
    assert [display for display, _ in _found(tree, "site", "site/deep")] == ["site/a.txt", "site/again/c.txt"]
