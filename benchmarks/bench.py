"""Speed benchmark: scrapelint against a regex floor and datatrove's filters, in one run.

    python benchmarks/bench.py ../shared/corpus [--pages 2000] [--sizes 1K,10K,100K,1M,10M]
                               [--per-rule] [--big 50M] [--profile] [--skip-datatrove]

Builds pages from the corpus in a temporary folder, measures, prints figures and ratios, and
checks them against the targets of the speed issue. Times are wall-clock seconds on this machine
(other work on it shows up in them; compare the ratios of one run), except in the per-rule
section, which counts each rule's CPU seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from the checkout

from benchmarks.bench_pages import BenchError, PageSource, write_folder, write_sized  # noqa: E402

MB = 1_000_000
_UNITS = {"K": 1_000, "M": MB}


@dataclass
class Report:
    """Rows as they are measured, and the targets checked at the end."""

    checks: list[tuple[str, float, str, bool]] = field(default_factory=list)

    def section(self, title: str) -> None:
        print(f"\n{title}", flush=True)

    def row(self, label: str, seconds: float, megabytes: float | None = None, note: str = "") -> None:
        rate = f"{megabytes / seconds:9.2f} MB/s" if megabytes and seconds > 0 else " " * 14
        print(f"  {label:<52} {seconds:9.3f} s {rate}  {note}".rstrip(), flush=True)

    def target(self, label: str, value: float, goal: str, ok: bool) -> None:
        self.checks.append((label, value, goal, ok))

    def summary(self) -> bool:
        self.section("Targets")
        for label, value, goal, ok in self.checks:
            print(f"  {'PASS' if ok else 'MISS'}  {label:<58} {value:8.3g}  ({goal})")
        return all(ok for *_, ok in self.checks)


def _size(text: str) -> int:
    number, unit = (text[:-1], text[-1].upper()) if text[-1].upper() in _UNITS else (text, "")
    return int(float(number) * _UNITS.get(unit, 1))


def _human(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // 1000} KB"


def _scrapelint() -> list[str]:
    script = Path(sys.executable).with_name("scrapelint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint.cli"]


#: Commands run as a user's shell runs them: with bytecode caching on (some sandboxes turn it off,
#: which makes every start-up compile every module).
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _snapshot(work: Path) -> Path:
    """A copy of the checkout's ``lint`` and ``plugins``, imported first by this process and the
    commands it runs: every figure of a run measures the same code, even while files are edited."""
    source = work / "src"
    for package in ("lint", "plugins"):
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(source))
    _ENV["PYTHONPATH"] = os.pathsep.join(filter(None, (str(source), _ENV.get("PYTHONPATH"))))
    return source


_CPU: list[float] = [0.0]  # CPU seconds of the last command and its workers


def _run(command: list[str], cwd: Path) -> float:
    """Wall-clock seconds of a command; its output is thrown away, a failure stops the benchmark."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_ENV)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU[0] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        raise BenchError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds


def _run_with_cpu(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a command (see :func:`_run`)."""
    seconds = _run(command, cwd)
    return seconds, _CPU[0]


def _best_interleaved(times: int, *measures: Callable[[], Any]) -> list[Any]:
    """The best of ``times`` rounds of each measure, taking the measures in turn in every round.

    The shared machine's speed drifts over minutes (the same command's best of 7 once came out
    60% slower than a few minutes before): the two sides of a ratio are taken side by side, not
    in two blocks minutes apart, so the ratio does not measure the drift.
    """
    rounds = [[measure() for measure in measures] for _ in range(times)]
    return [min(column) for column in zip(*rounds)]


#: the same CPU-bound work for every process of the host check: a pure-Python loop of about a second
_LOOP = "total = 0\nfor number in range(15_000_000):\n    total += number"


def together_seconds(commands: list[list[str]], cwd: Path) -> float:
    """Wall-clock seconds of ``commands`` started together, until the last one ends."""
    start = time.perf_counter()
    running = [subprocess.Popen(command, cwd=cwd, env=_ENV, stdout=subprocess.DEVNULL) for command in commands]
    if any(process.wait() not in (0, 1) for process in running):
        raise BenchError(f"{' '.join(commands[0][:3])} ... failed when run {len(commands)} at once")
    return time.perf_counter() - start


def host_seconds(processes: int, cwd: Path) -> float:
    """Wall-clock seconds of ``processes`` copies of one pure-Python loop started together.

    What this machine gives that many busy processes at once, whatever the code: where virtual
    cores are two threads of one physical core, or a neighbour on the host is busy, two loops
    together take longer than one alone, and no ``--jobs 2`` can do better than that.
    """
    return together_seconds([[sys.executable, "-c", _LOOP]] * processes, cwd)


def split_seconds(files: list[str], processes: int, cwd: Path) -> float:
    """Wall-clock seconds of ``processes`` ``--jobs 1`` runs started together, each over every
    ``processes``-th file: the parallel run with nothing of ``--jobs`` (no scheduler, no pool, no
    results sent back), each process paying its own start-up and warm-up, as each worker does."""
    check = [*_scrapelint(), "check", "--no-cache", "--jobs", "1"]
    return together_seconds([[*check, *files[part::processes]] for part in range(processes)], cwd)


#: pages of the short run that measures what a run costs besides its pages
HEAD_PAGES = 24


def serial_seconds(whole: float, pages: int, head: float, head_pages: int) -> float:
    """What a run spends that no second process can share: start-up, and each process's warm-up
    (imports, dictionaries, patterns compiled on first use), which a run over a few pages pays in
    full. Runs over ``head_pages`` and over all ``pages`` take ``serial + pages * per_page``.
    """
    per_page = (whole - head) / (pages - head_pages)
    return min(whole, max(0.0, head - head_pages * per_page))


def _megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*.txt")) / MB


def floor_seconds(paths: list[Path]) -> float:
    """One regex pass for Extended_Pictographic over every file, read and decoded here."""
    import regex

    pattern = regex.compile(r"\p{Extended_Pictographic}")
    start = time.perf_counter()
    for path in paths:
        pattern.findall(path.read_bytes().decode("utf-8"))
    return time.perf_counter() - start


def datatrove_seconds(documents: list[tuple[str, str]]) -> dict[str, float]:
    """Each of datatrove's three heuristic filters over the same texts (start-up not counted)."""
    import logging

    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter, GopherRepetitionFilter

    logging.disable(logging.WARNING)
    seconds: dict[str, float] = {}
    for kind in (C4QualityFilter, FineWebQualityFilter, GopherRepetitionFilter):
        filters = {lang: kind(language=lang) for lang in ("zh", "en")}
        for lang, text in {lang: text for text, lang in documents}.items():
            filters[lang].filter(Document(text=text, id="warm-up"))  # loads jieba / spaCy
        docs = [(Document(text=text, id=str(number)), filters[lang]) for number, (text, lang) in enumerate(documents)]
        start = time.perf_counter()
        for doc, chosen in docs:
            chosen.filter(doc)
        seconds[kind.__name__] = time.perf_counter() - start
    return seconds


def scrapelint_in_process(folder: Path) -> float:
    """All default rules over a folder in this process (no cache, one job): the engine's cost,
    in CPU seconds of this process, so that other work on the machine does not count."""
    from lint.api import Linter

    linter = Linter.create()
    linter.plugins  # noqa: B018  loaded on first use: not part of the engine's cost
    start = time.process_time()
    for _ in linter.check_paths([folder]):
        pass
    return time.process_time() - start


def _rule_child(connection, files: list[str], code: str, profile: bool) -> None:
    """In a forked process: prepare the pages, then time one rule on them (CPU seconds of this
    process, so other work on the machine does not count)."""
    from lint.page import Page
    from lint.plugin_manager import load_plugins

    rule = next(rule for rule in load_plugins().rules if rule.code == code)
    texts = [(Path(name).read_bytes().decode("utf-8"), name) for name in files]
    Page("warm-up 😀").denoised  # noqa: B018  compiles the view's patterns, once per run
    pages = []
    prep = time.process_time()
    for text, name in texts:
        page = Page(text, name)
        page.lines, page.denoised  # noqa: B018  shared work, computed once per page in a real run
        pages.append(page)
    prep = time.process_time() - prep
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.process_time()
    found = sum(1 for page in pages for _ in rule.check(page, rule.default_options()))
    seconds = time.process_time() - start
    top = ""
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(8)
        top = "\n".join(line for line in stream.getvalue().splitlines() if line.strip())[-1600:]
    connection.send((prep, seconds, found, top))


def rule_seconds(files: list[Path], code: str, timeout: float, profile: bool = False):
    """``(prep, rule seconds, findings, profile)`` for one rule, or ``None`` past ``timeout``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_rule_child, args=(send, [str(f) for f in files], code, profile))
    child.start()
    ready = receive.poll(timeout)
    outcome = receive.recv() if ready else None
    if child.is_alive():
        child.kill()
    child.join()
    return outcome


def measure(corpus: Path, options: argparse.Namespace, work: Path, report: Report) -> None:
    from lint.parallel import default_jobs

    source = PageSource.read(corpus)
    if options.only_per_rule:
        per_rule(source, work, options, report)
        return
    jobs = default_jobs()
    folder = work / "pages"
    pages = write_folder(source, folder, options.pages)
    size = _megabytes(folder)
    print(f"scrapelint speed benchmark: {len(pages)} pages, {size:.1f} MB, from {corpus} "
          f"(zh-news, en-news with planted defects; zh-web as it is); {jobs} cores")

    _run([*_scrapelint(), "check", "--no-cache", str(pages[0][0])], work)  # writes __pycache__ once
    report.section("Throughput over the same pages")
    # best of three each, in turn: a single run swung the --jobs ratio 1.5-1.9x, and the floor's speed
    # changed 2x between runs
    files = [str(path.relative_to(work)) for path, _ in pages]
    floor, (one, one_cpu), (many, many_cpu), loop, loops, split, head = _best_interleaved(
        3,
        lambda: floor_seconds([path for path, _ in pages]),
        lambda: _run_with_cpu([*_scrapelint(), "check", "--no-cache", "--jobs", "1", "pages"], work),
        lambda: _run_with_cpu([*_scrapelint(), "check", "--no-cache", "--jobs", str(jobs), "pages"], work),
        lambda: host_seconds(1, work),
        lambda: host_seconds(jobs, work),
        lambda: split_seconds(files, jobs, work),
        lambda: _run([*_scrapelint(), "check", "--no-cache", "--jobs", "1", *files[:HEAD_PAGES]], work),
    )
    ceiling = jobs * loop / loops
    serial = serial_seconds(one, len(files), head, HEAD_PAGES)
    report.row("floor: one regex pass for \\p{Extended_Pictographic} (best of 3)", floor, size, "1.00x floor")
    report.row("scrapelint, all default rules, --jobs 1 (best of 3)", one, size,
               f"{floor / one:.4f}x floor; {one_cpu:.1f} s CPU")
    report.row(f"scrapelint, all default rules, --jobs {jobs} (best of 3)", many, size,
               f"{one / many:.2f}x --jobs 1; {many_cpu:.1f} s CPU; load average {os.getloadavg()[0]:.1f}")
    report.row(f"host: {jobs} pure-Python loops at once (best of 3)", loops,
               note=f"{ceiling:.2f}x the work of one loop alone ({loop:.2f} s): the host's ceiling for {jobs} processes")
    report.row(f"{jobs} --jobs 1 runs at once, on 1/{jobs} of the pages each (best of 3)", split, size,
               f"{one / split:.2f}x --jobs 1: {jobs} processes and nothing of --jobs")
    report.row(f"scrapelint --jobs 1 on the first {HEAD_PAGES} pages (best of 3)", head,
               note=f"serial part (start-up, warm-up) {serial:.2f} s, {serial / one:.0%} of --jobs 1: "
                    f"at most {one / (serial + (one - serial) / jobs):.2f}x on {jobs} whole cores")
    report.target("all default rules, --jobs 1, throughput vs the floor", floor / one, ">= 0.10", floor / one >= 0.10)
    if jobs >= 2:
        report.target(f"--jobs {jobs} speed-up over --jobs 1", one / many, ">= 1.60", one / many >= 1.6)

    if not options.skip_datatrove:
        documents = [(path.read_text(encoding="utf-8"), lang) for path, lang in pages]
        peers = datatrove_seconds(documents)
        for name, seconds in peers.items():
            report.row(f"datatrove {name} (in process)", seconds, size, f"{seconds / one:.2f}x scrapelint time")
        together = sum(peers.values())
        report.row("datatrove, the three filters together", together, size, f"{together / one:.2f}x scrapelint time")
        report.target("datatrove's three filters' time / scrapelint --jobs 1 time", together / one, ">= 1.00", together >= one)

    report.section("Cache")
    cache = work / "cache"

    def cold_run() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return _run([*_scrapelint(), "check", "--cache-dir", str(cache), "pages"], work)

    # best of three each, each warm run right after a cold one: one run of either is at the mercy
    # of whatever else the machine is doing
    cold, warm = _best_interleaved(
        3, cold_run, lambda: _run([*_scrapelint(), "check", "--cache-dir", str(cache), "pages"], work))
    report.row(f"cold run, --jobs {jobs}, empty cache (best of 3)", cold, size)
    report.row(f"warm re-run, --jobs {jobs}, nothing changed (best of 3)", warm, size, f"{cold / warm:.1f}x faster")
    report.target("warm-cache re-run speed-up over a cold run", cold / warm, ">= 10", cold / warm >= 10)

    report.section("Start-up: one file (the pre-commit case)")
    single = pages[0][0].relative_to(work)
    python, alone, cached = _best_interleaved(
        7,
        lambda: _run([sys.executable, "-c", "pass"], work),
        lambda: _run([*_scrapelint(), "check", "--no-cache", str(single)], work),
        lambda: _run([*_scrapelint(), "check", "--cache-dir", str(cache), str(single)], work),
    )
    report.row("python -c pass (best of 7)", python)
    report.row("scrapelint check ONE_FILE --no-cache (best of 7)", alone, note=f"{alone / python:.2f}x python")
    report.row("scrapelint check ONE_FILE, cached (best of 7)", cached, note=f"{cached / python:.2f}x python")
    report.target("single-file run (no cache) / python -c pass", alone / python, "< 6", alone / python < 6)

    report.section("Throughput by page size (all default rules, in process, one job, CPU seconds, best of 3 in turn)")
    folders = {size: work / f"size-{size}" for size in options.sizes}
    totals = {size: write_sized(source, folder, size, max(size, options.size_total)) for size, folder in folders.items()}
    # in turn, as the ratios above: a 10 MB page checked a minute after the 10 KB pages met another machine
    best = _best_interleaved(3, *[lambda folder=folder: scrapelint_in_process(folder) for folder in folders.values()])
    per_mb: dict[int, float] = {}
    for (page_size, total), seconds in zip(totals.items(), best):
        per_mb[page_size] = seconds / (total / MB)
        report.row(f"{_human(page_size)} pages, {total / MB:.1f} MB", seconds, total / MB,
                   f"{per_mb[page_size]:.3f} s/MB")
    for folder in folders.values():
        shutil.rmtree(folder)
    if 10_000 in per_mb and 10 * MB in per_mb:
        ratio = per_mb[10 * MB] / per_mb[10_000]
        report.target("s/MB of a 10 MB page / s/MB of 10 KB pages", ratio, "<= 1.50", ratio <= 1.5)

    if options.per_rule:
        per_rule(source, work, options, report)
    if options.memory:
        memory(source, work, options.memory, report)


def memory(source: PageSource, work: Path, count: int, report: Report) -> None:
    """Peak memory of a run over ``count`` small pages against one over a tenth of them."""
    import resource

    from lint.parallel import default_jobs

    # one cheap rule: this measures what the runner and the CLI keep per file, not rule speed
    report.section(f"Memory: peak resident size of any one process, --select VWC002, --jobs {default_jobs()}")
    for pages in (count // 10, count):
        folder = work / f"memory-{pages}"
        write_sized(source, folder, 400, pages * 400)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = _run([*_scrapelint(), "check", "--no-cache", "--quiet", "--select", "VWC002", str(folder)], work)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        note = f"peak {peak / 1024:.0f} MB" + ("" if peak > before else " (no higher than the smaller run)")
        report.row(f"{pages} pages of 400 bytes", seconds, note=note)
        shutil.rmtree(folder)


def per_rule(source: PageSource, work: Path, options: argparse.Namespace, report: Report) -> None:
    """Each default rule alone on 10 KB pages, 10 MB pages (lines, one line) and a big page."""
    from lint.plugin_manager import load_plugins

    size = options.rule_size
    shapes = {
        "10 KB pages": (10_000, size, False),
        f"{_human(size)} page": (size, size, False),
        f"{_human(size)} one-line page": (size, size, True),
        f"{_human(options.big)} page": (options.big, options.big, False),
    }
    folders = {}
    for name, (page_size, total, one_line) in shapes.items():
        folders[name] = work / f"rule-{name.replace(' ', '-')}"
        write_sized(source, folders[name], page_size, total, one_line)
    rules = [rule for rule in load_plugins().rules if rule.default_enabled]
    if options.rules:
        wanted = set(options.rules.split(","))
        rules = [rule for rule in rules if rule.code in wanted or rule.name in wanted]
    report.section(f"Per rule: CPU seconds per MB by page shape (x: vs 10 KB pages; timeout {options.timeout:.0f} s)")
    print(f"  {'rule':<28}" + "".join(f"{name:>24}" for name in shapes))
    totals = {name: 0.0 for name in shapes}  # s/MB of every rule together, by shape
    preps: dict[str, float] = {}  # s/MB of the shared page work (lines, de-noised view), by shape
    for rule in rules:
        cells, base, profiles = [], None, []
        for name, folder in folders.items():
            files = sorted(folder.glob("*.txt"))
            megabytes = sum(f.stat().st_size for f in files) / MB
            outcome = rule_seconds(files, rule.code, options.timeout)
            if outcome is None:
                cells.append(f"> {options.timeout:.0f} s")
                totals[name] = float("inf")
                continue
            per = outcome[1] / megabytes
            totals[name] += per
            preps[name] = min(preps.get(name, float("inf")), outcome[0] / megabytes)
            base = per if base is None else base
            ratio = per / base if base else 1.0
            cells.append(f"{per:.3f} ({ratio:.1f}x)")
            if options.profile and ratio > 1.5:
                profiled = rule_seconds(files, rule.code, options.timeout * 2, profile=True)
                profiles.append((name, profiled[3] if profiled else "(timed out under the profiler)"))
        print(f"  {rule.code + ' ' + rule.name:<28.28}" + "".join(f"{cell:>24}" for cell in cells), flush=True)
        for name, text in profiles:
            print(f"    profile of {rule.code} on the {name}:\n" + "\n".join("      " + l for l in text.splitlines()))
    print(f"  {'all these rules together':<28}" + "".join(f"{totals[name]:>24.3f}" for name in shapes))
    print(f"  {'page prep (once per page)':<28}" + "".join(
        f"{preps[name]:>24.3f}" if name in preps else f"{'-':>24}" for name in shapes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="corpus folder (zh-news.jsonl, en-news.jsonl, zh-web.jsonl, emoji-test.txt)")
    parser.add_argument("--pages", type=int, default=2000, help="pages in the main folder (default 2000)")
    parser.add_argument("--sizes", default="1K,10K,100K,1M,10M", help="page sizes for throughput by size")
    parser.add_argument("--size-total", type=_size, default=4 * MB, help="bytes per page-size folder (default 4M)")
    parser.add_argument("--per-rule", action="store_true", help="also time each rule alone on big and one-line pages")
    parser.add_argument("--rule-size", type=_size, default=10 * MB, help="--per-rule: page size (default 10M)")
    parser.add_argument("--big", type=_size, default=50 * MB, help="--per-rule: size of the big page (default 50M)")
    parser.add_argument("--rules", help="--per-rule: only these rules (codes or names, comma-separated)")
    parser.add_argument("--only-per-rule", action="store_true", help="run only the --per-rule section")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a rule is called superlinear")
    parser.add_argument("--profile", action="store_true", help="with --per-rule: profile rules that are not linear")
    parser.add_argument("--memory", type=int, default=0, help="also the peak memory of a run over this many pages")
    parser.add_argument("--skip-datatrove", action="store_true", help="do not run datatrove's filters")
    parser.add_argument("--keep", type=Path, help="build the pages here and keep them")
    options = parser.parse_args(argv)
    if options.pages <= HEAD_PAGES and not options.only_per_rule:
        parser.error(f"--pages: more than {HEAD_PAGES} pages are needed, got {options.pages}")
    try:
        options.sizes = [_size(item) for item in options.sizes.split(",") if item]
    except ValueError:
        parser.error(f"--sizes: expected sizes like 1K,10K,1M, got {options.sizes!r}")
    report = Report()
    work = options.keep or Path(tempfile.mkdtemp(prefix="scrapelint-bench-"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean the temporary folder up
    try:
        _snapshot(work)
        measure(options.corpus, options, work, report)
    except BenchError as error:
        print(f"bench: error: {error}", file=sys.stderr)
        return 2
    except ImportError as error:
        print(f"bench: error: {error.name or error} is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if report.summary() else 1


if __name__ == "__main__":
    raise SystemExit(main())
