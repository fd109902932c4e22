"""The example third-party plugin, installed for real into a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_example_plugin_installs_next_to_scrapelint_and_its_rule_runs(tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    installed = _run(str(pip), "install", "-q", str(REPO), str(REPO / "examples" / "plugin"), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-2000:]
    scrapelint = venv / "bin" / "scrapelint"

    plugins = _run(str(scrapelint), "plugins", cwd=tmp_path)
    assert any(line.split()[:3] == ["sponsored", "1.0.0", "third-party"] for line in plugins.stdout.splitlines())

    (tmp_path / "page.txt").write_text("夏季促销开始\n（广告）全场商品限时五折，欢迎选购。\n", encoding="utf-8")
    checked = _run(str(scrapelint), "check", "--select", "ADS", "page.txt", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "page.txt:2:1: ADS001 [*] sponsored-content marker '（广告）'" in checked.stdout

    disabled = _run(str(scrapelint), "check", "--disable-plugin", "sponsored", "--select", "BYL", "page.txt", cwd=tmp_path)
    assert disabled.returncode == 0 and "ADS001" not in disabled.stdout
