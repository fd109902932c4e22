"""Shared fixtures: the linter's CLI run as a real subprocess, and page writers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "000_9a6256f477bc7ba9.txt"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def seed_text() -> str:
    """The real page of DESIGN.md, which lives beside the checkout (``../shared/seed``), not in it."""
    if not SEED.is_file():
        pytest.skip("the shared seed page is not beside the checkout")
    return SEED.read_text(encoding="utf-8")


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str


def scrapelint_executable() -> list[str]:
    """The installed console script next to this Python, else ``python -m lint.cli``."""
    script = Path(sys.executable).with_name("scrapelint")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "lint.cli"]


@pytest.fixture
def run_cli(tmp_path):
    """Run ``scrapelint ARGS`` in a subprocess (cwd: the test's tmp folder unless given)."""

    def run(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None) -> Completed:
        environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
        proc = subprocess.run(
            [*scrapelint_executable(), *args],
            cwd=cwd or tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            input=input,
            timeout=300,
        )
        return Completed(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def write_page(tmp_path):
    """Write a page (text) under the tmp folder and return its path."""

    def write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
        return path

    return write


def require_tool(name: str) -> str:
    """Path of a system tool, or skip (fail in CI, where .ci/run installs it)."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (.ci/run installs it)"
    if os.environ.get("SCRAPELINT_REQUIRE_ALL_TESTS"):
        pytest.fail(message)
    pytest.skip(message)


def require_module(name: str, extra: str) -> object:
    """Import an optional library, or skip (fail in CI, where .ci/run installs the extra)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        message = f"{name} is not installed (pip install -e '.[{extra}]'; .ci/run installs it)"
        if os.environ.get("SCRAPELINT_REQUIRE_ALL_TESTS"):
            pytest.fail(message)
        pytest.skip(message)


def family_linter(family: str):
    """``lint(text, options=None)``: findings of one family's rules on a page, with per-rule options.

    One :class:`~lint.api.Linter` per distinct options, built once; a rule failure fails the test.
    """
    from lint.api import Linter

    linters: dict[str, Linter] = {}

    def lint(text: str, options: dict | None = None) -> list:
        key = repr(options)
        if key not in linters:
            config: dict = {"select": [family]}
            if options:
                config["options"] = options
            linters[key] = Linter.create(config)
        report = linters[key].lint_text(text)
        assert not report.errors
        return list(report)

    return lint
