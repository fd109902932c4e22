"""The speed benchmark (``benchmarks/bench.py``): its arithmetic, and the README's command end to end.

Speeds themselves are the script's business, never a test's: these tests check what it prints,
not how fast anything ran.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench import HEAD_PAGES, serial_seconds
from corpus_fixtures import tiny_corpus

REPO = Path(__file__).resolve().parent.parent


def test_the_serial_part_is_what_a_run_spends_besides_its_pages() -> None:
    # 2,000 pages in 7.0 s and the first 24 in 0.8 s: the pages cost 6.2 s / 1,976 each, so 0.8 s
    # less 24 of them is spent whatever the pages
    assert serial_seconds(7.0, 2000, 0.8, 24) == pytest.approx(0.8 - 24 * 6.2 / 1976)
    # a noisy short run never makes the part negative, nor larger than the whole run
    assert serial_seconds(1.0, 100, 0.4, 50) == 0.0
    assert serial_seconds(0.5, 100, 0.7, 24) == 0.5


def test_the_readme_command_runs_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path)
    done = subprocess.run(
        [sys.executable, "benchmarks/bench.py", str(corpus), "--pages", str(HEAD_PAGES + 6),
         "--skip-datatrove", "--sizes", "1K,10K", "--size-total", "20K"],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed, as the floor's is on any machine
    rows = ["floor: one regex pass", "--jobs 1 (best of 3)", "pure-Python loops at once", "runs at once, on 1/",
            f"on the first {HEAD_PAGES} pages", "serial part", "cold run", "warm re-run", "ONE_FILE --no-cache",
            "1 KB pages", "10 KB pages", "Targets"]
    assert [row for row in rows if row not in done.stdout] == []
    assert "MISS  all default rules, --jobs 1, throughput vs the floor" in done.stdout or "PASS  all default" in done.stdout


def test_too_few_pages_for_the_serial_part_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench.py", str(tiny_corpus(tmp_path)), "--pages", str(HEAD_PAGES)],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == f"bench.py: error: --pages: more than {HEAD_PAGES} pages are needed, got {HEAD_PAGES}"
