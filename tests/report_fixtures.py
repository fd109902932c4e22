"""Shared by the report tests: fixture pages, a fixed plugin for the CLI, and snapshot files.

The CLI runs as a real subprocess with only the fixture plugin
(``tests/data/fixtures/reports/plugin``, found through its own ``entry_points.txt`` on
``PYTHONPATH``) and every other plugin disabled, so snapshots do not move when the built-in
rules are tuned. ``SCRAPELINT_UPDATE_SNAPSHOTS=1`` rewrites the snapshot files.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import os
import shutil
from pathlib import Path

import pytest

from lint import __version__

FIXTURES = Path(__file__).resolve().parent / "data" / "fixtures" / "reports"
PLUGIN_DIR = FIXTURES / "plugin"
PAGES = FIXTURES / "pages"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
FIXTURE_PLUGIN = "report_fixture"


def fixture_env() -> dict[str, str]:
    """Environment for a CLI run that loads only the fixture plugin."""
    others = sorted({ep.name for ep in importlib.metadata.entry_points(group="scrapelint")} - {FIXTURE_PLUGIN})
    path = os.pathsep.join(filter(None, [str(PLUGIN_DIR), os.environ.get("PYTHONPATH", "")]))
    return {"PYTHONPATH": path, "SCRAPELINT_DISABLE_PLUGINS": ",".join(others)}


@pytest.fixture
def report_pages(tmp_path: Path) -> Path:
    """A fresh copy of the fixture pages under ``tmp_path/pages``; returns ``tmp_path``."""
    shutil.copytree(PAGES, tmp_path / "pages")
    return tmp_path


def normalise(text: str, root: Path) -> str:
    """Replace what changes between machines and releases: the run's folder and the version."""
    return text.replace(root.as_uri(), "file:///ROOT").replace(str(root), "/ROOT").replace(__version__, "VERSION")


def assert_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/snapshots/NAME`` (rewritten when SCRAPELINT_UPDATE_SNAPSHOTS=1)."""
    path = SNAPSHOTS / name
    if os.environ.get("SCRAPELINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no snapshot {path.name}: run with SCRAPELINT_UPDATE_SNAPSHOTS=1 and review it"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), path.name, "output"))
        pytest.fail(f"output differs from {path.name} (SCRAPELINT_UPDATE_SNAPSHOTS=1 rewrites it):\n{diff[:6000]}")
