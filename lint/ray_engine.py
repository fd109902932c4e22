"""Check shards of records on Ray: Ray Data reads the shards, ``map_batches`` runs the same rules.

The pipeline is Ray Data's: a dataset of shard paths, a ``map_batches`` step that reads each
shard into records with scrapelint's readers (so a broken record or a truncated shard is
reported exactly as in a plain run, and the others go on), and a ``map_batches`` step on a
pool of actors that lints record batches. Each actor
loads the plugins itself, once, through the entry points (rule objects are never shipped), and
builds the rule set from the driver's settings. The driver streams the findings, in shard and
record order, into one Parquet or JSON Lines file, written whole or not at all.

Without an address a local Ray is started with as many CPUs as asked for, and stopped after.
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from lint.discovery import PathProblem, relative_to_root
from lint.records import is_shard, reader, shard_format
from lint.records.base import BrokenRecord, Fields, ShardError, atomic_output, require, sample
from lint.runner import FileResult, unreadable

if TYPE_CHECKING:
    from lint.api import Linter
    from lint.config import Settings
    from lint.model import Rule

__all__ = ["RayRun", "RayEngineError", "run_on_ray", "lint_shards_on_ray", "OUTPUT_SUFFIXES", "FINDING_COLUMNS"]

OUTPUT_SUFFIXES = (".parquet", ".jsonl")
#: Columns of a Parquet findings file: the JSON fields of a finding (``fix`` as a JSON string).
FINDING_COLUMNS = ("path", "line", "column", "end_line", "end_column", "code", "name", "message", "severity", "fix",
                   "record_id", "record_index")
LINT_BATCH = 128  # records per map_batches call


class RayEngineError(Exception):
    """The Ray run cannot start or finish (no Ray, a bad output file, a cluster not reached)."""


@dataclass
class RayRun:
    """What a Ray run did: counts, the problems met (display, message), and the findings file."""

    output: Path
    findings: int = 0
    records: int = 0
    records_with: int = 0
    shards: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


# --- on the workers ---------------------------------------------------------------------------


def _explode(batch: Mapping[str, Any], shards: Mapping[str, Mapping[str, Any]]) -> dict[str, list[Any]]:
    """``map_batches`` step: shards (by path) into records, read with scrapelint's own readers."""
    rows: dict[str, list[Any]] = {name: [] for name in ("shard", "index", "id", "text", "error")}

    def add(shard: str, index: int | None, identifier: str | None, text: str | None, error: str | None) -> None:
        for name, value in zip(rows, (shard, index, identifier, text, error)):
            rows[name].append(value)

    for path in batch["path"]:
        key = str(path)
        info = shards[key]
        fmt = shard_format(key)
        read = 0
        try:
            try:
                data = Path(key).read_bytes()
            except OSError as error:
                raise ShardError(unreadable(FileResult(key), error).error) from None
            items = reader(fmt).read(data, fmt, Fields(info["text_field"], info["id_field"]))
            for item in sample(items, info["sample"]):
                if isinstance(item, BrokenRecord):
                    add(key, item.index, None, None, f"record {item.index}: {item.reason}")
                else:
                    read += 1
                    add(key, item.index, item.id, item.text, None)
        except ShardError as error:
            after = f" (after {read} record{'s' if read != 1 else ''})" if read else ""
            add(key, None, None, None, f"{error}{after}")
    return rows


class LintRecords:
    """``map_batches`` actor: plugins loaded once per actor, then every record batch linted."""

    def __init__(self, loader: Any, settings: Mapping[int, "Settings"], shards: Mapping[str, Mapping[str, Any]]) -> None:
        from lint.selection import RuleSet

        rules: list["Rule"] = loader()
        self.shards = shards
        self.rulesets = {token: RuleSet(rules, value) for token, value in settings.items()}
        self.active: dict[str, Any] = {}

    def _active(self, shard: str) -> Any:
        active = self.active.get(shard)
        if active is None:
            info = self.shards[shard]
            active = self.active[shard] = self.rulesets[info["token"]].active_for(info["rule_path"])
        return active

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        """A pyarrow batch of records in; rows of findings, problems and a tally out."""
        from lint.engine import check_page
        from lint.page import Page

        columns = {name: batch.column(name).to_pylist() for name in ("shard", "index", "id", "text", "error")}

        out: dict[str, list[Any]] = {name: [] for name in (*FINDING_COLUMNS, "kind", "error", "records")}

        def add(kind: str, values: Mapping[str, Any]) -> None:
            for name in out:
                out[name].append(values.get(name))
            out["kind"][-1] = kind

        records = 0
        for shard, index, identifier, text, error in zip(*columns.values()):
            display = self.shards[shard]["display"]
            if error is not None:
                add("error", {"path": display, "error": error, "record_index": _int(index)})
                continue
            records += 1
            page = Page(str(text), display, None if identifier is None else str(identifier), _int(index))
            outcome = check_page(page, self._active(shard))
            for finding in outcome.findings:
                row = finding.to_dict()
                row["fix"] = json.dumps(row["fix"], ensure_ascii=False) if row["fix"] is not None else None
                add("finding", row)
            for failure in outcome.failures:
                where = f"{display}#{page.record_id if page.record_id is not None else page.record_index}"
                add("error", {"path": where, "error": f"rule {failure.code} ({failure.name}) {failure.message}"})
            if outcome.findings:
                add("affected", {"path": display, "record_index": page.record_index})
        add("tally", {"records": records})
        return out


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


# --- on the driver ----------------------------------------------------------------------------


def _plan(linter: "Linter", paths: Iterable[Path], force_exclude: bool, run: RayRun):
    """The shards to read (absolute path -> what the workers need) and the settings by token."""
    shards: dict[str, dict[str, Any]] = {}
    settings: dict[int, "Settings"] = {}
    runner = linter.runner(force_exclude)
    for item in runner.candidates(paths):
        if isinstance(item, PathProblem):
            run.errors.append((item.display, item.message))
            continue
        if not is_shard(item.path):
            run.errors.append((item.display, "not a shard of records: --engine ray checks .jsonl(.gz/.zst), "
                                             ".parquet and .warc/.wet(.gz) shards"))
            continue
        runner.ruleset(item.settings)  # validate the selection here, with a clear error
        token = id(item.settings)
        settings[token] = item.settings
        shards[os.path.abspath(item.path)] = {
            "display": item.display, "token": token, "rule_path": relative_to_root(item.path, item.settings),
            "text_field": item.settings.text_field, "id_field": item.settings.id_field, "sample": item.settings.sample,
        }
    return shards, settings


def _parquet_schema():
    pa = require("pyarrow", "ray")
    return pa.schema([
        ("path", pa.string()), ("line", pa.int64()), ("column", pa.int64()), ("end_line", pa.int64()),
        ("end_column", pa.int64()), ("code", pa.string()), ("name", pa.string()), ("message", pa.string()),
        ("severity", pa.string()), ("fix", pa.string()), ("record_id", pa.string()), ("record_index", pa.int64()),
    ])


class _Sink:
    """Findings into one file: Parquet (``fix`` as a JSON string) or JSON Lines (the JSON shape)."""

    def __init__(self, stream: Any, parquet: bool) -> None:
        self.stream = stream
        self.writer = None
        if parquet:
            self.writer = require("pyarrow.parquet", "ray").ParquetWriter(stream, _parquet_schema())

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.writer is not None:
            pa = require("pyarrow", "ray")
            self.writer.write_table(pa.Table.from_pylist(rows, schema=_parquet_schema()))
            return
        for row in rows:
            data = {name: row[name] for name in FINDING_COLUMNS}
            data["fix"] = json.loads(data["fix"]) if data["fix"] is not None else None
            self.stream.write((json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _rows(table: Any) -> Iterator[dict[str, Any]]:
    yield from table.to_pylist()


def _start_ray(address: str | None, num_cpus: int | None, log_level: int | None) -> bool:
    """Connect to ``address`` or start a local Ray; True when this run started it (and stops it)."""
    ray = require("ray", "ray")
    require("ray.data", "ray")  # it sets up its own loggers when imported: set their level after
    if log_level is not None:
        import logging

        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(log_level)
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    if log_level is not None:
        options["logging_level"] = log_level
    if address:
        options["address"] = address
    else:
        options["num_cpus"] = num_cpus
    try:
        ray.init(**options)
    except Exception as error:  # ConnectionError, a timeout, a bad address
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise RayEngineError(f"cannot start or reach {where}: {type(error).__name__}: {error}") from None
    return True


def run_on_ray(linter: "Linter", paths: Iterable[str | Path], output: str | Path, *, address: str | None = None,
               num_cpus: int | None = None, force_exclude: bool = False, log_level: int | None = None) -> RayRun:
    """Lint the shards under ``paths`` on Ray and write the findings to ``output`` (.parquet or .jsonl).

    ``log_level`` sets Ray's own logging (the CLI keeps it to errors); ``None`` leaves Ray's default.
    """
    output = Path(output)
    if not output.name.lower().endswith(OUTPUT_SUFFIXES):
        raise RayEngineError(f"{output}: the findings file must end in .parquet or .jsonl")
    run = RayRun(output)
    shards, settings = _plan(linter, (Path(p) for p in paths), force_exclude, run)
    run.shards = len(shards)
    from lint.parallel import WorkerPlugins

    loader = WorkerPlugins.of(linter.plugins.rules)
    started = _start_ray(address, num_cpus, log_level) if shards else False
    try:
        with atomic_output(output) as stream:
            sink = _Sink(stream, output.name.lower().endswith(".parquet"))
            if shards:
                _collect(_pipeline(shards, settings, loader, num_cpus), sink, run)
            sink.close()
    except ShardError as error:
        raise RayEngineError(f"{output}: {error}") from None
    finally:
        if started:
            require("ray", "ray").shutdown()
    return run


def _pipeline(shards: Mapping[str, Any], settings: Mapping[int, "Settings"], loader: Any, num_cpus: int | None):
    ray = require("ray", "ray")
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # findings come out in shard and record order
    context.enable_progress_bars = False
    actors = max(1, int(num_cpus or ray.cluster_resources().get("CPU", 1)))
    # One row per shard; each is read inside a Ray Data task by scrapelint's readers, not by
    # read_binary_files: that one decompresses .gz/.zst by suffix with Arrow and fails the whole
    # run on one truncated shard, where a plain run reports that shard and goes on.
    dataset = ray.data.from_items([{"path": path} for path in shards], override_num_blocks=len(shards))
    # Reading and splitting shards into records is light next to linting: those tasks ask for no
    # CPU of their own, so the lint actors (one CPU each) can take every core without starving them.
    dataset = dataset.map_batches(_explode, batch_size=1, fn_kwargs={"shards": shards}, num_cpus=0)
    with warnings.catch_warnings():
        # max_restarts=0 (Ray Data's own advice for actors whose arguments must not be lost) goes
        # through the remote arguments, which Ray 2.5x marks as deprecated without a replacement yet.
        warnings.simplefilter("ignore")
        return dataset.map_batches(
            LintRecords, batch_size=LINT_BATCH, batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1, max_restarts=0,
            fn_constructor_kwargs={"loader": loader, "settings": dict(settings), "shards": shards},
        )


def _collect(dataset: Any, sink: _Sink, run: RayRun) -> None:
    """Stream the result rows: findings to the sink, problems and counts to ``run``."""
    for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
        findings = []
        for row in _rows(table):
            kind = row["kind"]
            if kind == "finding":
                findings.append(row)
            elif kind == "error":
                run.errors.append((row["path"], row["error"]))
            elif kind == "affected":
                run.records_with += 1
            elif kind == "tally":
                run.records += row["records"]
        run.findings += len(findings)
        sink.write(findings)


def lint_shards_on_ray(paths: Iterable[str | Path], output: str | Path, config: Any = None, *,
                       address: str | None = None, num_cpus: int | None = None, **overrides: Any) -> RayRun:
    """The Python API: ``lint_paths`` for shards on Ray, findings written to ``output``."""
    from lint.api import Linter, _as_settings

    linter = Linter.create(config, _as_settings(overrides))
    return run_on_ray(linter, paths, output, address=address, num_cpus=num_cpus)
