"""The result cache: hits skip the work, any change that matters misses, damage is a miss."""

from __future__ import annotations

import json
import marshal
import multiprocessing
import os
import subprocess
import sys
from hashlib import blake2b
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from lint.cache import FORMAT, ResultCache, StoredLines, environment_stamp
from lint.config import ConfigResolver, Settings
from lint.model import Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from lint.plugin_manager import LoadedPlugins, PluginInfo
from lint.runner import Runner

CALLS: list[str] = []


def _check_word(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Flags each occurrence of the configured word, with a safe fix; records that it ran."""
    CALLS.append(page.path)
    word = options["word"]
    start = page.text.find(word)
    while start >= 0:
        yield Violation(start, start + len(word), f"found {word!r}", Fix.delete(start, start + len(word), message="drop it"))
        start = page.text.find(word, start + 1)


def _check_line_end(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Flags lines ending in '!' (an unsafe fix that spans a line break, to test Edit round-trips)."""
    for index, line in enumerate(page.lines):
        if line.endswith("!"):
            start, end = page.line_span_with_break(index)
            yield Violation(end - 1 if end > start else start, end, "shouting", Fix.delete(start, end, safe=False))


WORD = Rule("TST001", "word-rule", "s", "e", "b", "g", _check_word, Severity.ERROR, True,
            (RuleOption("word", "noise", "the word to flag", str),), plugin="tests")
SHOUT = Rule("TST002", "shout-rule", "s", "e", "b", "g", _check_line_end, Severity.INFO, True, plugin="tests")


def _names() -> set[str]:
    """Pages the rules ran on since the last run started."""
    return {Path(path).name for path in CALLS}


def _plugins(version: str = "1.0") -> LoadedPlugins:
    return LoadedPlugins(plugins=[PluginInfo("tests", version, "tests.test_cache", False)])


def _run(root: Path, cache: ResultCache | None, **settings: Any) -> list:
    CALLS.clear()
    resolver = ConfigResolver.from_settings(Settings(root=root, **settings))
    runner = Runner([WORD, SHOUT], resolver)
    runner.cache = cache
    return list(runner.run([root / "pages"]))


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("title\nsome noise here noise\nend!\n", encoding="utf-8")
    (folder / "b.txt").write_text("clean page\n", encoding="utf-8")
    (folder / "c.txt").write_text("中文 noise 😀 页面\r\nsecond!\r\n", encoding="utf-8")
    (folder / "d.txt").write_bytes(b"\x00\x9f\x92\x96" * 100)  # not text: a notice, cached too
    return tmp_path


def _cache(root: Path, version: str = "1.0") -> ResultCache:
    return ResultCache.open(root / "cache", _plugins(version))


def test_hit_returns_identical_results_without_rule_work(pages: Path) -> None:
    cold = _run(pages, _cache(pages))
    assert _names() == {"a.txt", "b.txt", "c.txt"}
    assert cold[3].notice and not cold[3].findings
    warm = _run(pages, _cache(pages))
    assert CALLS == []  # no rule ran: every page came from the cache
    assert [r.findings for r in warm] == [r.findings for r in cold]
    assert [r.source_lines for r in warm] == [r.source_lines for r in cold]
    assert [(r.display, r.notice, r.error) for r in warm] == [(r.display, r.notice, r.error) for r in cold]
    fixes = [f.fix for r in warm for f in r.findings]
    assert {fix.applicability.value for fix in fixes} == {"safe", "unsafe"}
    assert all(isinstance(f.severity, Severity) for r in warm for f in r.findings)


def test_changed_page_misses_alone(pages: Path) -> None:
    _run(pages, _cache(pages))
    (pages / "pages" / "b.txt").write_text("clean page with noise\n", encoding="utf-8")
    results = _run(pages, _cache(pages))
    assert _names() == {"b.txt"}
    assert [f.message for f in results[1].findings] == ["found 'noise'"]


def test_option_change_misses_and_changes_findings(pages: Path) -> None:
    _run(pages, _cache(pages))
    results = _run(pages, _cache(pages), options=(("word-rule", (("word", "page"),)),))
    assert _names() == {"a.txt", "b.txt", "c.txt"}
    assert [f.message for f in results[1].findings] == ["found 'page'"]


def test_per_file_ignore_misses_only_the_files_it_matches(pages: Path) -> None:
    _run(pages, _cache(pages))
    _run(pages, _cache(pages), per_file_ignores=(("pages/c.txt", ("TST002",)),))
    assert _names() == {"c.txt"}


def test_plugin_version_change_misses_everything(pages: Path) -> None:
    _run(pages, _cache(pages, "1.0"))
    _run(pages, _cache(pages, "1.1"))
    assert _names() == {"a.txt", "b.txt", "c.txt"}
    assert environment_stamp(_plugins("1.0")) != environment_stamp(_plugins("1.1"))


def _damaged(good: bytes) -> list[bytes]:
    """Ways an entry goes bad: empty, cut short, a flipped bit, a right checksum over bad data."""
    garbage = b"\xe3 not marshal data"
    shape = marshal.dumps([1])
    return [
        b"",
        good[: len(good) // 2],
        good[:-1] + bytes([good[-1] ^ 1]),
        b"M" + blake2b(garbage, digest_size=16).digest() + garbage,
        b"Z" + blake2b(garbage, digest_size=16).digest() + garbage,
        b"M" + blake2b(shape, digest_size=16).digest() + shape,
    ]


@pytest.mark.parametrize("kind", range(6))
def test_damaged_entries_are_misses_and_get_replaced(pages: Path, kind: int) -> None:
    cold = _run(pages, _cache(pages))
    entries = [p for p in (pages / "cache" / FORMAT).rglob("*") if p.is_file()]
    assert len(entries) == 4
    for entry in entries:
        entry.write_bytes(_damaged(entry.read_bytes())[kind])
    again = _run(pages, _cache(pages))
    assert [r.findings for r in again] == [r.findings for r in cold]
    assert [r.notice for r in again] == [r.notice for r in cold]
    assert _names() == {"a.txt", "b.txt", "c.txt"}  # every damaged entry was recomputed ...
    _run(pages, _cache(pages))
    assert CALLS == []  # ... and stored again


def test_results_with_rule_failures_are_not_stored(tmp_path: Path) -> None:
    def broken(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
        CALLS.append(page.path)
        raise RuntimeError("bug")

    rule = Rule("TST009", "broken-rule", "s", "e", "b", "g", broken, plugin="tests")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "x.txt").write_text("text\n", encoding="utf-8")
    resolver = ConfigResolver.from_settings(Settings(root=tmp_path))
    for _ in range(2):
        CALLS.clear()
        runner = Runner([rule], resolver)
        runner.cache = _cache(tmp_path)
        [result] = runner.run([tmp_path / "pages"])
        assert result.failures and _names() == {"x.txt"}


def test_large_entries_are_compressed_and_round_trip(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    line = "word noise " * 2000
    (tmp_path / "pages" / "big.txt").write_text(line + "\n", encoding="utf-8")
    cold = _run(tmp_path, _cache(tmp_path))
    [entry] = [p for p in (tmp_path / "cache" / FORMAT).rglob("*") if p.is_file()]
    assert entry.read_bytes()[:1] == b"Z"
    assert entry.stat().st_size < 20 * len(cold[0].findings)  # 2,000 findings with fixes, compressed
    warm = _run(tmp_path, _cache(tmp_path))
    assert CALLS == [] and warm[0].findings == cold[0].findings and warm[0].source_lines == cold[0].source_lines


def _store_many(directory: str, start: int) -> None:
    from lint.runner import FileResult

    cache = ResultCache(Path(directory), "stamp")
    for number in range(300):
        result = FileResult("x", source_lines={1: f"line {number}" * 50})
        cache.store(f"{number:032x}", result)


def test_parallel_writers_never_leave_a_partial_entry(tmp_path: Path) -> None:
    """pre-commit runs batches side by side: entries are replaced atomically."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_store_many, args=(str(tmp_path), n)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    cache = ResultCache(tmp_path, "stamp")
    for number in range(300):
        loaded = cache.load(f"{number:032x}", "x")
        assert loaded is not None and loaded.source_lines == {1: f"line {number}" * 50}
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_cli_warm_run_matches_cold_and_options(run_cli, write_page, tmp_path: Path) -> None:
    write_page("p/one.txt", "文 | 财华社 文 | 财华社 正文😀内容\n浏览次数:2055\n")
    write_page("p/two.txt", "A clean paragraph of prose.\n")
    cold = run_cli("check", "--output-format", "json", "p")
    assert (tmp_path / ".scrapelint_cache" / "CACHEDIR.TAG").is_file()
    warm = run_cli("check", "--output-format", "json", "p")
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert json.loads(warm.stdout)
    fewer = run_cli("check", "--output-format", "json", "--disable-plugin", "byline", "p")
    assert all(item["code"][:3] != "BYL" for item in json.loads(fewer.stdout))


def test_cli_no_cache_and_cache_dir(run_cli, write_page, tmp_path: Path) -> None:
    write_page("p/one.txt", "text\n")
    run_cli("check", "--no-cache", "p")
    assert not (tmp_path / ".scrapelint_cache").exists()
    run_cli("check", "--cache-dir", "elsewhere", "p")
    assert (tmp_path / "elsewhere" / FORMAT).is_dir() and not (tmp_path / ".scrapelint_cache").exists()


def test_cli_cache_dir_that_is_a_file_is_a_clear_error(run_cli, write_page, tmp_path: Path) -> None:
    write_page("p/one.txt", "text\n")
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    result = run_cli("check", "--cache-dir", "taken", "p")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["scrapelint: error: taken: cache folder is a file, not a folder"]


def test_user_rule_definitions_are_part_of_the_key(pages: Path) -> None:
    """A user rule keeps its code when its phrases change; its definition must still count."""
    _run(pages, _cache(pages), rule_sources="phrases: one")
    _run(pages, _cache(pages), rule_sources="phrases: one")
    assert CALLS == []
    _run(pages, _cache(pages), rule_sources="phrases: two")
    assert _names() == {"a.txt", "b.txt", "c.txt"}


# -- answering a re-run from the cache without the plugins (lint.quick) -------------------------

_SHOW_IMPORTS = (
    "import sys\n"
    "from lint.cli import main\n"
    "sys.argv = ['scrapelint', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
    "loaded = sorted(name for name in sys.modules if name.startswith(('plugins.', 'pluggy', 'regex')))\n"
    "print('LOADED', loaded, code)\n"
)


def test_a_warm_re_run_imports_no_plugin_and_says_the_same(run_cli, write_page, tmp_path: Path) -> None:
    (tmp_path / "scrapelint.toml").write_text('[per-file-ignores]\n"p/quiet.txt" = ["BYL"]\n', encoding="utf-8")
    for name in ("p/one.txt", "p/quiet.txt"):
        write_page(name, "文 | 财华社 文 | 财华社 正文😀内容\n浏览次数:2055\n")
    cold = run_cli("check", "p")
    for _ in range(2):  # a plugin's source edited since the last run (a busy checkout) is a miss, once
        warm = subprocess.run([sys.executable, "-c", _SHOW_IMPORTS, "check", "p"], cwd=tmp_path, capture_output=True,
                              text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=120)
        *report, loaded = warm.stdout.splitlines()
        assert "\n".join(report) + "\n" == cold.stdout and "BYL" in cold.stdout
        if loaded == f"LOADED [] {cold.returncode}":
            break
    assert loaded == f"LOADED [] {cold.returncode}"


def test_an_entry_that_passes_its_checksum_but_cannot_be_read_is_named_not_a_traceback(run_cli, write_page,
                                                                                      tmp_path: Path) -> None:
    """A cache-only answer has begun reporting when it decodes an entry: it cannot go back to
    checking the page, so it says which file and what to do."""
    write_page("p/one.txt", "正文😀内容\n")
    run_cli("check", "p")
    shape = marshal.dumps([1])  # not the layout of an entry
    for entry in (p for p in (tmp_path / ".scrapelint_cache" / FORMAT).rglob("*") if p.parent.name != "plans"):
        if entry.is_file():
            entry.write_bytes(b"M" + blake2b(shape, digest_size=16).digest() + shape)
    again = run_cli("check", "p")
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "p/one.txt" in again.stdout + again.stderr and "--no-cache" in again.stdout + again.stderr


def test_a_re_run_with_other_rules_is_not_answered_from_the_first_runs_plan(run_cli, write_page) -> None:
    write_page("p/one.txt", "文 | 财华社 文 | 财华社 正文😀内容\n浏览次数:2055\n")
    run_cli("check", "--select", "EMJ", "p")
    run_cli("check", "--select", "EMJ", "p")
    other = run_cli("check", "--select", "BYL", "p")
    assert (other.returncode, other.stdout) == (1, run_cli("check", "--no-cache", "--select", "BYL", "p").stdout)
    assert "BYL001" in other.stdout and "EMJ" not in other.stdout


def test_the_plugins_stamp_names_the_plugins_a_run_would_load() -> None:
    from lint.quick import plugins_stamp

    every = plugins_stamp(())
    assert every is not None and every == plugins_stamp(())
    assert plugins_stamp(("byline",)) not in (None, every)


def test_a_damaged_plan_is_a_miss_and_is_written_again(run_cli, write_page, tmp_path: Path) -> None:
    write_page("p/one.txt", "文 | 财华社 文 | 财华社 正文😀内容\n")
    cold = run_cli("check", "p")
    (plan,) = (tmp_path / ".scrapelint_cache" / FORMAT / "plans").iterdir()
    written = plan.read_bytes()
    plan.write_bytes(written[: len(written) // 2])
    assert run_cli("check", "p").stdout == cold.stdout
    assert plan.read_bytes() == written


def test_installing_or_removing_a_package_changes_the_plugins_stamp(tmp_path: Path, monkeypatch) -> None:
    """A plugin's dependency may come or go while the plugin's own files stay as they are."""
    from lint.quick import plugins_stamp

    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(packages)])
    before = plugins_stamp(())
    (packages / "new_dependency.py").write_text("", encoding="utf-8")
    os.utime(packages, ns=(0, os.stat(packages).st_mtime_ns + 10**9))
    assert plugins_stamp(()) != before


def test_a_large_run_is_not_held_back_to_be_answered_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    """Past a bound, results stream as usual instead of waiting for the last file's lookup."""
    import lint.quick
    from lint.api import Linter

    (tmp_path / "p").mkdir()
    for number in range(3):
        (tmp_path / "p" / f"{number}.txt").write_text(f"page {number}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    linter = Linter.create()
    linter.cache = ResultCache.open(tmp_path / "cache", linter.plugins)
    linter.cache.plugins_stamp = lint.quick.plugins_stamp(())
    list(linter.check_paths([tmp_path / "p"]))
    fresh = Linter.create()
    assert len(list(lint.quick.answer(fresh, [tmp_path / "p"], tmp_path / "cache", False))) == 3
    monkeypatch.setattr(lint.quick, "MAX_FILES", 2)
    assert lint.quick.answer(fresh, [tmp_path / "p"], tmp_path / "cache", False) is None
    monkeypatch.setattr(lint.quick, "MAX_FILES", 3)
    monkeypatch.setattr(lint.quick, "MAX_HELD", 60)  # bytes of entries: fewer than three hold
    assert lint.quick.answer(fresh, [tmp_path / "p"], tmp_path / "cache", False) is None


def test_stored_lines_are_read_only_when_asked_and_travel_encoded() -> None:
    """A warm re-run into a pipe shows no excerpt: the lines' text stays encoded until one is."""
    import pickle

    stored = StoredLines(marshal.dumps({3: "第三行", 12: "line twelve"}))
    travelled = pickle.loads(pickle.dumps(stored))
    assert travelled._lines is None and stored._lines is None
    assert travelled == {3: "第三行", 12: "line twelve"} and stored.get(12) == "line twelve" and stored.get(4) is None
