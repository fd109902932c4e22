"""--engine ray: shards linted with Ray Data on a local Ray (2 CPUs) give a plain run's findings."""

from __future__ import annotations

import json

import pytest

from conftest import require_module
from shard_fixtures import jsonl_bytes, records, write_jsonl, write_parquet

SHARDS = ("a.jsonl", "b.jsonl.gz", "c.parquet", "d.jsonl")


def _shards(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", records(90))
    write_jsonl(tmp_path / "b.jsonl.gz", records(80))
    write_parquet(tmp_path / "c.parquet", records(70))
    broken = records(20)
    broken[7] = '{"id": "broken", "text": '
    (tmp_path / "d.jsonl").write_bytes(jsonl_bytes(broken))


def test_a_ray_run_writes_the_findings_of_a_plain_run_record_for_record(run_cli, tmp_path):
    require_module("ray", "ray")
    pq = require_module("pyarrow.parquet", "ray")
    _shards(tmp_path)
    plain = run_cli("check", "--no-cache", "--output-format", "json-lines", *SHARDS)
    expected = [json.loads(line) for line in plain.stdout.splitlines()]
    ray = run_cli("check", "--engine", "ray", "--jobs", "2", "--output-file", "findings.parquet", *SHARDS)
    assert ray.returncode == plain.returncode == 2, ray.stderr
    rows = pq.read_table(tmp_path / "findings.parquet").to_pylist()
    found = [{**row, "fix": json.loads(row["fix"]) if row["fix"] is not None else None} for row in rows]
    assert len(found) == len(expected) > 200
    assert found == expected
    problem = "d.jsonl: error: record 7: not valid JSON (line 8, column 26: Expecting value)"
    assert problem in plain.stderr.splitlines() and problem in ray.stderr.splitlines()
    assert ray.stdout == "Found 258 findings in 155 of 259 records (4 shards); findings written to findings.parquet.\n"
    assert ray.stderr.splitlines()[-1] == problem, ray.stderr


def test_findings_as_json_lines_have_the_json_shape(tmp_path):
    from lint.ray_engine import FINDING_COLUMNS, _Sink

    row = {"path": "a.jsonl", "line": 1, "column": 9, "end_line": 1, "end_column": 16, "code": "BYL001",
           "name": "duplicated-byline", "message": "m", "severity": "warning", "record_id": "x", "record_index": 0,
           "fix": json.dumps({"applicability": "safe", "message": "", "edits": []}), "kind": "finding"}
    with open(tmp_path / "out.jsonl", "wb") as stream:
        sink = _Sink(stream, parquet=False)
        sink.write([row])
        sink.close()
    written = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert list(written) == list(FINDING_COLUMNS)
    assert written["fix"] == {"applicability": "safe", "message": "", "edits": []}


@pytest.mark.parametrize("args, message", [
    (("--engine", "ray", "a.jsonl"), "--engine ray writes its findings to --output-file FILE.parquet or FILE.jsonl"),
    (("--engine", "ray", "-o", "out.csv", "a.jsonl"), "--engine ray writes its findings to --output-file FILE.parquet or FILE.jsonl"),
    (("--engine", "ray", "--fix", "-o", "f.jsonl", "a.jsonl"), "--fix is not available with --engine ray"),
    (("--address", "127.0.0.1:1", "-o", "f.jsonl", "a.jsonl"), "--address needs --engine ray"),
])
def test_ray_options_that_cannot_work_are_one_line_errors(run_cli, tmp_path, args, message):
    write_jsonl(tmp_path / "a.jsonl", records(3))
    result = run_cli("check", *args)
    assert result.returncode == 2
    assert result.stderr.strip() == f"scrapelint: error: {message}"
