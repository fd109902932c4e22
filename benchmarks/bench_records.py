"""Corpus benchmark: records per second over shards, for one process, --jobs N and Ray with N CPUs.

    python benchmarks/bench_records.py ../shared/corpus [--records 50000] [--shards 20] [--jobs 2]
                                       [--format jsonl|jsonl.zst|parquet] [--skip-ray] [--keep DIR]

Builds the same shards for every run from the corpus's JSON Lines files (records are cycled, each
copy with its own id, until there are enough), then runs the real command on them, each run
writing its findings as JSON Lines to a file, and prints wall-clock seconds, records per second,
the findings (which must agree between runs) and the ratio of Ray to ``--jobs N`` (target 1.3).
For Ray it also times its start-up apart from the pipeline. Times depend on what else runs on
this machine; compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

TARGET_RATIO = 1.3


def corpus_records(corpus: Path) -> list[dict]:
    """Every record of the corpus's JSON Lines files, in file order ({"id", "text", ...})."""
    files = sorted(corpus.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"{corpus}: no .jsonl files in this folder")
    rows = []
    for path in files:
        with path.open(encoding="utf-8") as stream:
            rows.extend(json.loads(line) for line in stream if line.strip())
    return rows


def cycled(rows: list[dict], count: int) -> Iterator[dict]:
    """``count`` records, cycling through ``rows``; copies after the first get a new id."""
    for number in range(count):
        row = dict(rows[number % len(rows)])
        cycle = number // len(rows)
        if cycle:
            row["id"] = f"{row.get('id')}~{cycle}"
        yield row


def write_shards(rows: Iterator[dict], count: int, shards: int, folder: Path, fmt: str) -> list[Path]:
    """Shards of (nearly) equal record counts, interleaved so each mixes every source."""
    buckets: list[list[dict]] = [[] for _ in range(shards)]
    for number, row in enumerate(rows):
        buckets[number % shards].append(row)
    paths = []
    for number, bucket in enumerate(buckets):
        path = folder / f"part-{number:04d}.{fmt}"
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(bucket), path)
        else:
            data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in bucket).encode("utf-8")
            if fmt == "jsonl.zst":
                import zstandard

                data = zstandard.ZstdCompressor().compress(data)
            path.write_bytes(data)
        paths.append(path)
    return paths


def scrapelint() -> list[str]:
    script = Path(sys.executable).with_name("scrapelint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint.cli"]


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, done


def count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


RAY_TIMER = """
import json, sys, time
start = time.perf_counter()
import ray
ray.init(num_cpus={cpus}, include_dashboard=False, log_to_driver=False, logging_level=40)
started = time.perf_counter()
from lint.api import Linter
from lint.ray_engine import run_on_ray
run = run_on_ray(Linter.create(None, {{}}), {paths!r}, {output!r}, num_cpus={cpus})
done = time.perf_counter()
print("PHASES " + json.dumps({{"startup": started - start, "pipeline": done - started, "findings": run.findings,
                  "records": run.records}}), flush=True)
"""


def _row(label: str, seconds: float, records: int, findings: int) -> None:
    """One run's figures, printed as soon as it finishes (a long benchmark loses nothing)."""
    print(f"  {label:<28} {seconds:9.1f} {records / seconds:10.0f} {findings:9d}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of the corpus's .jsonl files (../shared/corpus)")
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes, and Ray CPUs")
    parser.add_argument("--format", choices=["jsonl", "jsonl.zst", "parquet"], default="jsonl")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the shards here and keep them (default: a temporary folder)")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="scrapelint-bench-records-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        rows = corpus_records(args.corpus)
        paths = write_shards(cycled(rows, args.records), args.records, args.shards, folder, args.format)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        names = [path.name for path in paths]
        print(f"{args.records} records ({len(rows)} distinct) in {len(paths)} {args.format} shards, "
              f"{megabytes:.1f} MB, on {os.cpu_count()} CPUs", flush=True)
        runs: dict[str, tuple[float, int]] = {}
        print(f"\n  {'run':<28} {'seconds':>9} {'records/s':>10} {'findings':>9}", flush=True)
        plain = [*scrapelint(), "check", "--no-cache", "--exit-zero", "--quiet", "--output-format", "json-lines"]
        for label, jobs in (("one process", 1), (f"--jobs {args.jobs}", args.jobs)):
            output = folder / f"findings-{jobs}.jsonl"
            seconds, _ = timed([*plain, "--jobs", str(jobs), "-o", output.name, *names], folder)
            runs[label] = (seconds, count_lines(output))
            _row(label, seconds, args.records, runs[label][1])
        if not args.skip_ray:
            output = folder / "findings-ray.jsonl"
            seconds, _ = timed([*scrapelint(), "check", "--engine", "ray", "--jobs", str(args.jobs), "--exit-zero",
                                "--quiet", "-o", output.name, *names], folder)
            runs[f"Ray, {args.jobs} CPUs (CLI)"] = (seconds, count_lines(output))
            _row(f"Ray, {args.jobs} CPUs (CLI)", seconds, args.records, runs[f"Ray, {args.jobs} CPUs (CLI)"][1])
            program = RAY_TIMER.format(cpus=args.jobs, paths=names, output="findings-ray-api.jsonl")
            _, done = timed([sys.executable, "-c", program], folder)
            marked = [line for line in done.stdout.splitlines() if line.startswith("PHASES ")]
            if not marked:
                raise SystemExit(f"the Ray timing run printed no timings:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
            phases = json.loads(marked[-1][len("PHASES "):])
        counts = {findings for _, findings in runs.values()}
        outputs = sorted(folder.glob("findings-*.jsonl"))
        same = all(path.read_bytes() == outputs[0].read_bytes() for path in outputs)
        print(f"\n  findings files identical between runs: {'yes' if same else 'NO: counts ' + str(sorted(counts))}")
        if not args.skip_ray:
            print(f"  Ray start-up {phases['startup']:.1f} s, pipeline {phases['pipeline']:.1f} s "
                  f"({args.records / phases['pipeline']:.0f} records/s without start-up)")
            ratio = runs[f"Ray, {args.jobs} CPUs (CLI)"][0] / runs[f"--jobs {args.jobs}"][0]
            verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
            print(f"  {verdict}  Ray / --jobs {args.jobs} wall time: {ratio:.2f} (target <= {TARGET_RATIO})")
        return 0 if same else 1
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
