"""The pre-commit hook, run by the real pre-commit against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit() -> list[str]:
    script = Path(sys.executable).with_name("pre-commit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pre_commit"]


def test_try_repo_fails_the_bad_page_and_passes_the_good_one(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = tmp_path / "pages"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / "bad.txt").write_text("春耕备耕有序推进\n来源：农业日报 来源：农业日报\n正文。\n", encoding="utf-8")
    (project / "good.txt").write_text("春耕备耕有序推进\n来源：农业日报\n正文。\n", encoding="utf-8")
    _git("add", ".", cwd=project)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*_pre_commit(), "try-repo", str(REPO), "scrapelint", "--files", *files],
            cwd=project, env=env, capture_output=True, text=True, timeout=900,
        )

    bad = try_repo("bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:2:9: BYL001" in bad.stdout
    good = try_repo("good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
