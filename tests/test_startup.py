"""Start-up: a one-file run imports only what it needs; the entry-point reader agrees with importlib;
the console script keeps start-up out of the garbage collector's way."""

from __future__ import annotations

import importlib.metadata
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint import console
from lint import entry_points as fast
from lint.plugin_manager import load_plugins

#: Imported only when their feature is used; a plain one-file check must not pay for them.
NOT_ON_A_PLAIN_RUN = (
    "importlib.metadata",  # lint.entry_points reads the metadata files itself
    "concurrent.futures",  # no pool for one file
    "multiprocessing",
    "charset_normalizer",  # only for pages that are not UTF-8
    "lint.baseline",
    "lint.fixer",
    "lint.records.check",  # shards of records: their readers and libraries only for shards
    "pyarrow",
    "zstandard",
    "warcio",
)


def _signature(points) -> list[tuple[str, str, str, str]]:
    return sorted((p.name, p.value, p.dist.metadata["Name"], p.dist.version) for p in points)


@pytest.mark.parametrize("group", ["scrapelint", "console_scripts", "pytest11"])
def test_fast_entry_points_match_importlib(group: str) -> None:
    assert _signature(fast.entry_points(group)) == _signature(importlib.metadata.entry_points(group=group))


def test_a_zip_on_sys_path_falls_back_to_importlib(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    with pytest.raises(fast.Unsupported):
        fast.entry_points("scrapelint")
    assert {rule.plugin for rule in load_plugins().rules} >= {"byline", "emoji"}


def test_entry_point_load_resolves_attributes() -> None:
    point = fast.EntryPoint("x", "lint.model:Fix.delete", "g", fast.Distribution("d", "1"))
    from lint.model import Fix

    assert point.load() == Fix.delete


def _python(program: str, cwd: Path) -> subprocess.CompletedProcess:
    """``program`` run by this Python in a fresh process (start-up is what these tests are about)."""
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=cwd, timeout=120)


def _last_line(done: subprocess.CompletedProcess) -> str:
    return done.stdout.strip().splitlines()[-1]


def test_a_one_file_check_imports_only_what_it_needs(write_page, tmp_path: Path) -> None:
    page = write_page("one.txt", "文 | 财华社 文 | 财华社 正文\n")
    program = (
        "import sys\n"
        "from lint.cli import main\n"
        f"sys.argv = ['scrapelint', 'check', '--cache-dir', {str(tmp_path / 'cache')!r}, {str(page)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import json\n"  # after the run: only to print the answer
        f"print(json.dumps([name for name in {list(NOT_ON_A_PLAIN_RUN)!r} if name in sys.modules]))\n"
    )
    done = _python(program, tmp_path)
    assert json.loads(_last_line(done)) == []


@pytest.fixture
def collector():
    """The test process's collector as it was, whatever a test does to it."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if was_enabled else gc.disable)()
    console._deferred = False


def test_the_console_script_starts_up_with_the_collector_off_then_freezes_what_start_up_built(collector, monkeypatch) -> None:
    seen = []

    def cli() -> None:  # stands for lint.cli.main: the plugins load, then started()
        seen.append(("start-up", gc.isenabled()))
        console.started()
        seen.append(("pages", gc.isenabled(), gc.get_freeze_count() > 0))

    monkeypatch.setattr("lint.cli.main", cli)
    console.main()
    assert seen == [("start-up", False), ("pages", True, True)]


def test_started_leaves_a_library_or_test_callers_collector_alone(collector) -> None:
    frozen = gc.get_freeze_count()
    console.started()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_check_turns_the_collector_back_on_for_the_pages(write_page, tmp_path: Path) -> None:
    page = write_page("one.txt", "正文😀内容\n浏览次数:2055\n")
    program = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('COLLECTOR', gc.isenabled(), gc.get_freeze_count() > 0))\n"
        f"sys.argv = ['scrapelint', 'check', '--no-cache', {str(page)!r}]\n"
        "from lint.console import main\n"
        "main()\n"
    )
    done = _python(program, tmp_path)
    assert done.returncode == 1, done.stderr  # the emoji and the view counter are found
    assert _last_line(done) == "COLLECTOR True True"
