"""Scale and faults: huge pages, a folder of 100,000 pages, and a disk that fills up during --fix."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import scrapelint_executable
from lint.api import Linter
from lint.fixfile import FixOptions

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "据估算，公司每年在芯片采购上的花费达数十亿美元，沉重的成本负担令其苦不堪言。"
    "The council said the new timetable would start in March, after a public consultation. "
)


CHEAP_RULES = "EMJ001,BYL001,BYL003,VWC002,CHR002,MKP001,MKP002,MKP004"


_MEASURE = (
    "import resource, subprocess, sys\n"
    "proc = subprocess.run(sys.argv[2:], capture_output=True, text=True)\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.stdout.write(proc.stdout); sys.stderr.write(proc.stderr); sys.exit(proc.returncode)\n"
)


def _run_measured(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, int]:
    """Run the CLI under a fresh parent; return the result and the CLI's own peak memory in MB."""
    peak_file = cwd / "peak-rss.txt"
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(peak_file), *scrapelint_executable(), *args],
                          cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=1200)
    return proc, int(peak_file.read_text()) // 1024


@pytest.mark.parametrize(
    ("name", "megabytes", "line_break"),
    [("hundred-mb.txt", 100, "\n"), ("one-line.txt", 20, " ")],
)
def test_huge_pages_are_checked_in_bounded_memory(tmp_path: Path, name: str, megabytes: int, line_break: str):
    block = (PARAGRAPH + line_break) * 200
    repeats = megabytes * 1_000_000 // len(block.encode("utf-8")) + 1
    page = tmp_path / name
    with open(page, "w", encoding="utf-8") as handle:
        handle.write("标题\n" + "文 | 财华社 文 | 财华社 " + PARAGRAPH + "\n")
        for _ in range(repeats):
            handle.write(block)
    size_mb = page.stat().st_size // 1_000_000
    assert size_mb >= megabytes
    # The rules with the cheapest passes keep this test short; every rule's cost per megabyte on
    # 10 MB and single-line pages is measured by benchmarks/bench.py, not here.
    result, peak_mb = _run_measured(["check", "--no-cache", "--jobs", "1", "--select", CHEAP_RULES, name], tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"{name}:2:9: BYL001" in result.stdout
    assert peak_mb < 16 * size_mb + 300, f"peak memory {peak_mb} MB for a {size_mb} MB page"


def test_a_folder_of_100000_small_pages(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for index in range(100_000):
        shard = folder / f"{index // 1000:03d}"
        if index % 1000 == 0:
            shard.mkdir()
        body = "标题\n来源：农业日报 来源：农业日报\n正文。\n" if index % 10_000 == 0 else "标题\n正文。\n"
        (shard / f"{index:06d}.txt").write_text(body, encoding="utf-8")
    result, peak_mb = _run_measured(["check", "--no-cache", "--select", "BYL001", "pages"], tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Found 10 findings in 10 of 100000 files" in result.stdout
    assert peak_mb < 1500, f"peak memory {peak_mb} MB for 100,000 small pages"


def test_disk_full_during_fix_leaves_every_page_as_it_was(tmp_path: Path, monkeypatch):
    pages = []
    for index in range(5):
        page = tmp_path / f"page-{index}.txt"
        page.write_text("标题\n来源：农业日报 来源：农业日报\n正文。\n", encoding="utf-8")
        pages.append(page)
    before = {page: page.read_bytes() for page in pages}
    import lint.writeback

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(lint.writeback.os, "fsync", no_space)
    linter = Linter.create({"select": ["BYL001"]})
    results = list(linter.check_paths([tmp_path], fix=FixOptions()))
    assert [r.error for r in results] == ["not fixed: cannot write a temporary file: No space left on device"] * 5
    assert {page: page.read_bytes() for page in pages} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in pages)  # no temporary files left
