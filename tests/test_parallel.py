"""Worker processes: same output as one process, in order, started only when they pay, lazy input."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from lint import parallel
from lint.config import ConfigResolver, Settings
from lint.discovery import Candidate
from lint.model import Rule, Violation
from lint.page import Page
from lint.parallel import WorkerPlugins, check_in_order
from lint.plugin_manager import load_plugins
from lint.runner import Runner

def _report_pid(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """One finding per page saying which process checked it."""
    yield Violation(0, min(1, len(page.text)), f"pid {os.getpid()}")


PID_RULE = Rule("TST101", "pid-rule", "s", "e", "b", "g", _report_pid, plugin="tests")


def _pid_rules() -> list[Rule]:
    return [PID_RULE]


class _DyingRules:
    """Rules whose check kills any process but ``parent`` (as the OOM killer kills a worker).

    A picklable loader: a worker started by a fork server imports this module anew, so the
    parent's pid must travel with the loader, not live in a module global.
    """

    def __init__(self, parent: int) -> None:
        self.parent = parent

    def __call__(self) -> list[Rule]:
        parent = self.parent

        def die_in_workers(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
            if os.getpid() != parent:
                os._exit(3)
            yield Violation(0, min(1, len(page.text)), f"pid {os.getpid()}")

        return [Rule("TST102", "dying-rule", "s", "e", "b", "g", die_in_workers, plugin="tests")]


def _write_pages(folder: Path, count: int) -> None:
    for number in range(count):
        sub = folder / f"part{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = f"标题 {number}\n文 | 记者{number % 4} 文 | 记者{number % 4} 正文😀内容{'很长' * (number % 7)}\n浏览次数:{number}\n"
        (sub / f"page{number:03d}.txt").write_text(text, encoding="utf-8")


def _runner(root: Path, rules: list[Rule], loader, jobs: int = 2) -> Runner:
    runner = Runner(rules, ConfigResolver.from_settings(Settings(root=root)))
    runner.jobs = jobs
    runner.plugin_loader = loader
    return runner


@pytest.fixture
def forking(monkeypatch) -> None:
    """Workers forked from this process, as a command's are. A test run may already hold a
    library's thread (fsspec's IO loop stays once datatrove's tests have run), and with another
    thread running the scheduler starts workers from a fork server instead (see
    test_with_another_thread_running_workers_come_from_a_fork_server)."""
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)


def _pids(results) -> set[int]:
    return {int(f.message.split()[1]) for result in results for f in result.findings}


def test_cli_output_is_identical_with_one_and_two_jobs(run_cli, tmp_path: Path) -> None:
    _write_pages(tmp_path / "pages", 70)
    (tmp_path / "pages" / "part1" / "broken.txt").write_bytes("正文内容很多很多".encode() + b"\xff" + "结束".encode())
    (tmp_path / "pages" / "part2" / "binary.txt").write_bytes(b"\x00\x9f\x92\x96" * 64)
    for output in ("text", "json"):
        one = run_cli("check", "--no-cache", "-j", "1", "--output-format", output, "pages")
        two = run_cli("check", "--no-cache", "-j", "2", "--output-format", output, "pages")
        assert one.returncode == 2  # the broken file
        assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    # a half-warm cache: hits and misses interleave, the order stays the same
    run_cli("check", "-j", "2", "pages")
    for number in range(0, 70, 5):
        page = tmp_path / "pages" / f"part{number % 3}" / f"page{number:03d}.txt"
        page.write_text(page.read_text(encoding="utf-8") + "文 | 财华社 文 | 财华社\n", encoding="utf-8")
    fresh = run_cli("check", "--no-cache", "-j", "1", "pages")
    mixed = run_cli("check", "-j", "2", "pages")
    assert (mixed.returncode, mixed.stdout, mixed.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)


def test_fix_and_diff_are_the_same_with_one_and_two_jobs(run_cli, tmp_path: Path) -> None:
    """Workers fix their own files; the files, the report and the diff come out as with one process."""
    import json
    import shutil

    from shard_fixtures import records

    _write_pages(tmp_path / "one", 70)
    (tmp_path / "one" / "part1" / "broken.txt").write_bytes("正文内容很多很多".encode() + b"\xff" + "结束".encode())
    rows = records(6)
    (tmp_path / "one" / "shard.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    before = {path.relative_to(tmp_path / "one"): path.read_bytes() for path in (tmp_path / "one").rglob("*")
              if path.is_file()}
    include = ["--include", "*.txt", "--include", "*.jsonl"]
    diffs = [run_cli("check", "--diff", "-j", str(jobs), *include, folder) for jobs, folder in ((1, "one"), (2, "two"))]
    assert diffs[0].returncode == 2 and "+++ b/one/part0/page000.txt" in diffs[0].stdout  # 2: the broken file
    assert (diffs[1].stdout, diffs[1].stderr) == (diffs[0].stdout.replace("/one/", "/two/"), diffs[0].stderr.replace("one/", "two/"))
    fixes = [run_cli("check", "--fix", "--unsafe-fixes", "-j", str(jobs), *include, folder)
             for jobs, folder in ((1, "one"), (2, "two"))]
    assert "fixed" in fixes[0].stdout.lower()
    assert (fixes[1].returncode, fixes[1].stdout) == (fixes[0].returncode, fixes[0].stdout.replace("one/", "two/"))
    after = [{path.relative_to(tmp_path / folder): path.read_bytes() for path in (tmp_path / folder).rglob("*")
              if path.is_file()} for folder in ("one", "two")]
    assert after[0] == after[1] and after[0] != before
    assert Path("shard.fixed.jsonl") in after[0]


def test_workers_do_the_fixing_in_order(tmp_path: Path, forking) -> None:
    from lint.fixfile import FixOptions

    _write_pages(tmp_path / "pages", 80)
    runner = _runner(tmp_path, [PID_RULE], _pid_rules)
    runner.fix = FixOptions()
    results = list(runner.run([tmp_path / "pages"]))
    assert [r.display for r in results] == sorted(r.display for r in results) and len(results) == 80
    _assert_warmed_here_then_workers(results)


def _assert_warmed_here_then_workers(results) -> None:
    """The first files are checked in this process (their pages warm up what the workers are
    forked with), all the others in workers."""
    warmed = parallel.WARM_FILES
    assert _pids(results[:warmed]) == {os.getpid()}
    assert os.getpid() not in _pids(results[warmed:]) and len(_pids(results[warmed:])) >= 1


def test_workers_do_the_checking_in_order(tmp_path: Path, forking) -> None:
    _write_pages(tmp_path / "pages", 80)
    results = list(_runner(tmp_path, [PID_RULE], _pid_rules).run([tmp_path / "pages"]))
    serial = list(_runner(tmp_path, [PID_RULE], None, jobs=1).run([tmp_path / "pages"]))
    assert [(r.display, r.path) for r in results] == [(r.display, r.path) for r in serial]
    _assert_warmed_here_then_workers(results)
    assert all(result.decoded is not None for result in results)


_LOADED: list[int] = []


def _report_warmth(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Says whether this process had loaded the rule's data before this page (as a pattern
    compiled on first use is loaded)."""
    state = "warm" if _LOADED else "cold"
    _LOADED.append(1)
    yield Violation(0, min(1, len(page.text)), f"pid {os.getpid()} {state}")


WARMTH_RULE = Rule("TST103", "warmth-rule", "s", "e", "b", "g", _report_warmth, plugin="tests")


def test_workers_start_with_what_the_first_pages_loaded(tmp_path: Path, forking) -> None:
    _LOADED.clear()
    _write_pages(tmp_path / "pages", 80)
    results = list(_runner(tmp_path, [WARMTH_RULE], lambda: [WARMTH_RULE]).run([tmp_path / "pages"]))
    states = [finding.message.split()[2] for result in results for finding in result.findings]
    assert states == ["cold"] + ["warm"] * 79
    _assert_warmed_here_then_workers(results)


def test_a_big_first_page_is_left_to_the_workers(tmp_path: Path, forking) -> None:
    """Warming up must not hold the workers back for long: a first page over the budget is not
    checked here."""
    _write_pages(tmp_path / "pages", 40)
    (tmp_path / "pages" / "a-big-page.txt").write_text("正文内容。\n" * (parallel.WARM_BYTES // 16 + 1), encoding="utf-8")
    results = list(_runner(tmp_path, [PID_RULE], _pid_rules).run([tmp_path / "pages"]))
    assert results[0].display.endswith("a-big-page.txt") and len(results) == 41
    assert os.getpid() not in _pids(results)


def test_a_few_files_do_not_start_a_pool(tmp_path: Path) -> None:
    _write_pages(tmp_path / "pages", 3)
    results = list(_runner(tmp_path, [PID_RULE], _pid_rules).run([tmp_path / "pages"]))
    assert len(results) == 3 and _pids(results) == {os.getpid()}


def test_a_dead_worker_does_not_lose_files(tmp_path: Path) -> None:
    _write_pages(tmp_path / "pages", 60)
    loader = _DyingRules(os.getpid())
    results = list(_runner(tmp_path, loader(), loader).run([tmp_path / "pages"]))
    assert len(results) == 60 and all(result.error is None for result in results)
    assert _pids(results) == {os.getpid()}
    assert [r.display for r in results] == sorted(r.display for r in results)


def test_input_is_read_lazily_with_a_bounded_window(tmp_path: Path) -> None:
    """Discovery stays a generator: only a window of files is in flight (memory stays flat)."""
    page = tmp_path / "one.txt"
    page.write_text("a short page\n", encoding="utf-8")
    settings = Settings(root=tmp_path)
    consumed = itertools.count()
    total = 5000

    def candidates() -> Iterator[Candidate]:
        for number in range(total):
            next(consumed)
            yield Candidate(page, f"copy{number:05d}.txt", settings)

    runner = _runner(tmp_path, [PID_RULE], _pid_rules)
    stream = check_in_order(candidates(), runner)
    first = next(stream)
    bound = 2 * parallel.IN_FLIGHT_PER_WORKER * parallel.CHUNK_FILES + parallel.POOL_MIN_FILES + parallel.CHUNK_FILES
    assert first.display == "copy00000.txt"
    assert next(consumed) <= bound + 1
    rest = list(stream)
    assert [r.display for r in rest] == [f"copy{number:05d}.txt" for number in range(1, total)]


def test_worker_plugins_come_from_the_entry_points() -> None:
    everything = load_plugins().rules
    assert [rule.code for rule in WorkerPlugins.of(everything)()] == [rule.code for rule in everything]
    without = load_plugins(["byline"]).rules
    assert not [rule for rule in WorkerPlugins.of(without)() if rule.plugin == "byline"]
    with pytest.raises(RuntimeError, match="TST101"):
        WorkerPlugins.of([*everything, PID_RULE])()


LOCAL_PLUGIN = '''
import os
from lint import hookimpl
from lint.model import Rule, Violation


def _check(page, options):
    yield Violation(0, min(1, len(page.text)), f"pid {os.getpid()}")


@hookimpl
def scrapelint_rules():
    return [Rule("LCL001", "local-pid", "s", "e", "b", "g", _check)]
'''


def test_workers_load_local_plugin_folders(tmp_path: Path, forking) -> None:
    folder = tmp_path / "local_plugins"
    folder.mkdir()
    (folder / "pidplugin.py").write_text(LOCAL_PLUGIN, encoding="utf-8")
    _write_pages(tmp_path / "pages", 60)
    rules = [rule for rule in load_plugins(plugin_dirs=[folder]).rules if rule.code == "LCL001"]
    assert rules and WorkerPlugins.of(rules).folders == (str(folder),)
    results = list(_runner(tmp_path, rules, None).run([tmp_path / "pages"]))
    assert len(results) == 60 and all(len(result.findings) == 1 for result in results)
    _assert_warmed_here_then_workers(results)


SLOW_PLUGIN = '''
import time
from lint import hookimpl
from lint.model import Rule, Violation


def _check(page, options):
    time.sleep(0.05)
    yield Violation(0, min(1, len(page.text)), "slow")


@hookimpl
def scrapelint_rules():
    return [Rule("SLW001", "slow-rule", "s", "e", "b", "g", _check)]
'''


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for an init that does not reap (as in some containers)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc to find the workers")
def test_workers_do_not_outlive_a_parent_killed_outright(tmp_path: Path) -> None:
    """SIGKILL (the OOM killer, a hook's timeout) gives the parent no chance to stop its pool."""
    import signal
    import subprocess
    import time

    from conftest import scrapelint_executable

    folder = tmp_path / "slow_plugins"
    folder.mkdir()
    (folder / "slowplugin.py").write_text(SLOW_PLUGIN, encoding="utf-8")
    _write_pages(tmp_path / "pages", 400)  # 20 s of checking in all: the parent is killed long before
    command = [*scrapelint_executable(), "check", "--no-cache", "-j", "2", "--rules-dir", str(folder),
               "--select", "SLW001", "pages"]
    parent = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(workers) == 2, "the pool did not start"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(map(_alive, workers)), "a worker outlived its parent"


def test_with_another_thread_running_workers_come_from_a_fork_server(tmp_path: Path, monkeypatch) -> None:
    """Forking next to a running thread could copy a held lock; the pool must still work."""
    import threading

    def no_fallback(self) -> None:
        raise AssertionError("the pool broke and the files were checked in the parent")

    started: list[str] = []
    start_pool = parallel._Scheduler._start_pool

    def record(self) -> None:
        start_pool(self)
        started.append(self.executor._mp_context.get_start_method())

    monkeypatch.setattr(parallel._Scheduler, "_fall_back", no_fallback)
    monkeypatch.setattr(parallel._Scheduler, "_start_pool", record)
    stop = threading.Event()
    ticker = threading.Thread(target=stop.wait, daemon=True)
    ticker.start()
    try:
        _write_pages(tmp_path / "pages", 40)
        rules = [rule for rule in load_plugins().rules if rule.plugin == "byline"]
        results = list(_runner(tmp_path, rules, None).run([tmp_path / "pages"]))
        serial = list(_runner(tmp_path, rules, None, jobs=1).run([tmp_path / "pages"]))
    finally:
        stop.set()
    assert started == ["forkserver"]
    assert [(r.display, r.findings, r.error) for r in results] == [(r.display, r.findings, r.error) for r in serial]


def test_user_rules_run_in_workers_and_their_edits_reach_the_cache(run_cli, tmp_path: Path) -> None:
    """Rules written in config are rebuilt by each worker from the settings; editing one misses."""
    _write_pages(tmp_path / "pages", 40)
    config = tmp_path / "scrapelint.toml"
    rule = "[[rules]]\nkind = 'existence'\ncode = 'USR001'\nname = 'page-word'\nphrases = ['{}']\n"
    config.write_text(rule.format("正文"), encoding="utf-8")
    one = run_cli("check", "--no-cache", "-j", "1", "--select", "USR001", "pages")
    two = run_cli("check", "-j", "2", "--select", "USR001", "pages")
    assert one.stdout.count("USR001") == 40
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    config.write_text(rule.format("浏览次数"), encoding="utf-8")
    edited = run_cli("check", "-j", "2", "--select", "USR001", "pages")
    assert edited.stdout.count("USR001") == 40 and "浏览次数" in edited.stdout
    assert edited.stdout != two.stdout


def test_findings_cross_processes_as_they_are(monkeypatch) -> None:
    """Results come back from workers pickled: every field of a finding, its fix and its edits survive,
    as the same classes, whether pickled plainly or as a worker sends them."""
    import pickle
    from multiprocessing.reduction import ForkingPickler

    from lint.model import Applicability, Edit, Finding, Fix, Severity

    fix = Fix((Edit(3, 5, "x"), Edit(7, 9)), Applicability.UNSAFE, "cut")
    finding = Finding("a.jsonl", 2, 3, 2, 6, "EMJ001", "injected-emoji", "emoji", Severity.INFO, fix, 3, 9, "id-7", 7)
    monkeypatch.setattr(ForkingPickler, "_extra_reducers", {})
    parallel._send_plainly()  # what each worker does when it starts
    for back in (pickle.loads(pickle.dumps(finding)), pickle.loads(ForkingPickler.dumps(finding))):
        assert back == finding and back.fix == fix and back.severity is Severity.INFO and back.location == "a.jsonl#id-7"
        assert (type(back), type(back.fix), {type(edit) for edit in back.fix.edits}) == (Finding, Fix, {Edit})


def test_results_from_workers_name_their_file_as_in_one_process(tmp_path: Path) -> None:
    """Workers send results back without the path the parent already has; records and shards get it back."""
    import json

    from shard_fixtures import records

    for number in range(30):
        rows = records(4)
        (tmp_path / f"shard{number:02d}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    rules = [rule for rule in load_plugins().rules if rule.plugin == "byline"]
    settings = Settings(root=tmp_path, include=("*.jsonl",))
    runs = []
    for jobs in (2, 1):
        runner = Runner(rules, ConfigResolver.from_settings(settings))
        runner.jobs = jobs
        runs.append([(r.display, r.path, r.findings) for r in runner.run([tmp_path])])
    assert runs[0] == runs[1]
    assert {path for _, path, _ in runs[0]} == set(tmp_path.glob("*.jsonl"))
    assert len([display for display, _, _ in runs[0] if "#" in display]) == 60  # two records a shard with findings
