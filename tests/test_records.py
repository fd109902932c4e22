"""Shards of records (lint.records): each format read, broken records, fixed shards, sample, cache."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from conftest import require_module
from shard_fixtures import PAGES, jsonl_bytes, records, write_jsonl, write_parquet, write_shard

from lint import fix_text, lint_text
from lint.api import Linter
from lint.records import fixed_path, reader, shard_format
from lint.records.base import ShardError

FORMATS = [".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet", ".warc", ".warc.gz", ".wet", ".wet.gz"]
NEEDS = {".jsonl.zst": "zstandard", ".parquet": "pyarrow", ".warc": "warcio", ".warc.gz": "warcio",
         ".wet": "warcio", ".wet.gz": "warcio"}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths are shown relative to the working folder


def _needs(suffix: str) -> None:
    if suffix in NEEDS:
        require_module(NEEDS[suffix], "corpus")


def _run(paths, **overrides):
    linter = Linter.create(None, overrides)
    return list(linter.check_paths(paths))


def _positions(findings):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in findings]


def _by_record(results):
    return {r.record_id: r for r in results if r.record_index is not None and r.findings}


@pytest.mark.parametrize("suffix", FORMATS)
def test_each_format_reports_each_records_findings_inside_that_record(tmp_path, suffix):
    _needs(suffix)
    rows = records(10)
    shard = write_shard(tmp_path / f"part-0{suffix}", rows)
    results = _run([shard])
    shard_result = results[-1]
    assert shard_result.records == 10 and shard_result.error is None and shard_result.parts is None
    found = _by_record(results)
    warc = ".w" in suffix
    for index, row in enumerate(rows):
        expected = _positions(lint_text(row["text"]))
        key = f"https://example.test/{row['id']}" if warc else row["id"]
        if not expected:
            assert key not in found
            continue
        result = found[key]
        assert _positions(result.findings) == expected
        assert result.display == f"{shard.name}#{key}"
        assert all(f.path == shard.name and f.record_id == key for f in result.findings)
        if not warc:  # WARC indexes count every WARC record (warcinfo, requests) of the file
            assert result.record_index == index
            assert all(f.record_index == index for f in result.findings)
        assert result.source_lines[result.findings[0].line] == row["text"].splitlines()[result.findings[0].line - 1]


def test_records_come_out_in_order_before_their_shard(tmp_path):
    first = write_jsonl(tmp_path / "a.jsonl", records(6))
    second = write_jsonl(tmp_path / "b.jsonl", records(4))
    displays = [r.display for r in _run([first, second])]
    assert displays == ["a.jsonl#farm-0", "a.jsonl#byline-en-2", "a.jsonl#chrome-4", "a.jsonl#farm-5", "a.jsonl",
                        "b.jsonl#farm-0", "b.jsonl#byline-en-2", "b.jsonl"]


def test_broken_records_are_named_by_index_and_the_others_still_checked(tmp_path):
    rows = [
        {"id": "ok-0", "text": PAGES[0][1]},
        "not json {",
        {"id": "no-text", "content": "x"},
        {"id": "number", "text": 42},
        ["a", "list"],
        {"id": "ok-5", "text": PAGES[2][1]},
    ]
    shard = tmp_path / "mixed.jsonl"
    shard.write_bytes(jsonl_bytes(rows))
    results = _run([shard])
    errors = [(r.record_index, r.error) for r in results if r.error]
    assert errors == [
        (1, "record 1: not valid JSON (line 2, column 1: Expecting value)"),
        (2, "record 2: no 'text' field (fields: 'id', 'content'); choose one with --text-field"),
        (3, "record 3: 'text' is a number, not a string"),
        (4, "record 4: line 5 is a list, not a JSON object"),
    ]
    assert set(_by_record(results)) == {"ok-0", "ok-5"}
    assert results[-1].records == 2


def test_a_byte_order_mark_is_not_part_of_the_first_record_and_a_fixed_shard_keeps_it(tmp_path):
    shard = tmp_path / "bom.jsonl"
    shard.write_bytes(b"\xef\xbb\xbf" + jsonl_bytes([{"id": "a", "text": PAGES[0][1]}]))
    assert _positions(_run([shard])[0].findings) == _positions(lint_text(PAGES[0][1]))
    from lint.fixfile import FixOptions

    list(Linter.create().check_paths([shard], fix=FixOptions()))
    written = (tmp_path / "bom.fixed.jsonl").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf{") and json.loads(written[3:])["text"] == fix_text(PAGES[0][1]).text


def test_blank_lines_are_not_records_and_a_missing_id_shows_the_index(tmp_path):
    shard = tmp_path / "gaps.jsonl"
    shard.write_text("\n" + json.dumps({"text": PAGES[0][1]}, ensure_ascii=False) + "\n\n", encoding="utf-8")
    results = _run([shard])
    assert [r.display for r in results] == ["gaps.jsonl#0", "gaps.jsonl"]
    assert results[0].findings[0].record_id is None and results[0].findings[0].location == "gaps.jsonl#0"


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_a_truncated_stream_keeps_the_records_before_and_says_where_it_stopped(tmp_path, suffix):
    _needs(suffix)
    shard = write_jsonl(tmp_path / f"cut{suffix}", records(400))
    data = shard.read_bytes()
    shard.write_bytes(data[: len(data) * 2 // 3])
    result = _run([shard])[-1]
    assert "truncated" in result.error or "ended before" in result.error
    assert result.records < 400  # zstd decodes whole blocks, so a cut in its only block leaves none
    if suffix == ".jsonl.gz":
        assert result.records > 0 and result.error.endswith(f"(after {result.records} records)")


def test_text_and_id_fields_are_chosen_by_name(tmp_path):
    rows = [{"url": f"u{i}", "content": text} for i, (_, text) in enumerate(PAGES)]
    shard = write_jsonl(tmp_path / "named.jsonl", rows)
    results = _run([shard], text_field="content", id_field="url")
    assert set(_by_record(results)) == {"u0", "u2", "u4"}
    assert "no 'text' field" in _run([shard])[0].error


def test_parquet_without_the_text_column_or_with_numbers_in_it_is_one_clear_error(tmp_path):
    require_module("pyarrow", "corpus")
    shard = write_parquet(tmp_path / "numbers.parquet", [{"id": "a", "body": "x", "n": 1}])
    assert _run([shard])[-1].error == "no column 'text' (columns: 'id', 'body', 'n'); choose one with --text-field"
    assert _run([shard], text_field="n")[-1].error == "column 'n' holds int64, not strings; choose the text with --text-field"
    nulls = write_parquet(tmp_path / "nulls.parquet", [{"id": "a", "text": None}, {"id": "b", "text": PAGES[0][1]}])
    results = _run([nulls])
    assert [r.error for r in results if r.error] == ["record 0: 'text' is null"]
    assert set(_by_record(results)) == {"b"}


def test_not_a_shard_of_its_format_is_a_one_line_error(tmp_path):
    (tmp_path / "fake.jsonl.gz").write_bytes(b"plain text, not gzip\n")
    assert _run([tmp_path / "fake.jsonl.gz"])[-1].error.startswith("cannot decompress gzip: Not a gzipped file")
    require_module("pyarrow", "corpus")
    (tmp_path / "fake.parquet").write_bytes(b"not parquet")
    assert _run([tmp_path / "fake.parquet"])[-1].error.startswith("not a readable Parquet file")


def test_a_missing_library_names_the_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "lint.records.parquet", None)
    with pytest.raises(ShardError, match=r"scrapelint\[corpus\]"):
        reader(shard_format("x.parquet"))


def test_fixed_shards_are_named_beside_the_original():
    assert fixed_path(Path("d/part-0.jsonl.gz")) == Path("d/part-0.fixed.jsonl.gz")
    assert fixed_path(Path("crawl.warc.gz")) == Path("crawl.fixed.warc.gz")
    assert fixed_path(Path("x.parquet")) == Path("x.fixed.parquet")
    assert shard_format("notes.txt") is None and shard_format(".jsonl") is None


def _read_back(path: Path) -> list[tuple[str, str]]:
    """(id, text) of every page record of a shard, read with the shard's own reader."""
    from lint.records.base import Fields, Record

    fmt = shard_format(path)
    return [(item.id, item.text) for item in reader(fmt).read(path.read_bytes(), fmt, Fields()) if isinstance(item, Record)]


@pytest.mark.parametrize("suffix", FORMATS)
def test_fix_writes_a_fixed_shard_beside_and_leaves_the_original(tmp_path, suffix):
    _needs(suffix)
    rows = records(10)
    shard = write_shard(tmp_path / f"part{suffix}", rows)
    before = shard.read_bytes()
    linter = Linter.create()
    from lint.fixfile import FixOptions

    results = list(linter.check_paths([shard], fix=FixOptions()))
    assert shard.read_bytes() == before
    fixed = fixed_path(shard)
    assert results[-1].fixed == sum(len(fix_text(row["text"]).applied) for row in rows) > 0
    assert results[-1].error is None
    expected = [(identifier, fix_text(text).text) for identifier, text in _read_back(shard)]
    assert _read_back(fixed) == expected
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_fixed_jsonl_keeps_unchanged_lines_byte_for_byte_and_each_lines_style(tmp_path):
    clean = json.dumps({"id": "c", "text": PAGES[1][1], "n": 1.5}, separators=(",", ":"))
    compact = json.dumps({"id": "a", "text": PAGES[0][1], "n": [1, 2]}, separators=(",", ":"), ensure_ascii=True)
    spaced = json.dumps({"text": PAGES[2][1], "id": "b", "meta": {"k": "中文"}}, ensure_ascii=False)
    shard = tmp_path / "style.jsonl"
    shard.write_bytes(f"{clean}\r\n{compact}\n\n{spaced}".encode("utf-8"))
    from lint.fixfile import FixOptions

    list(Linter.create().check_paths([shard], fix=FixOptions()))
    lines = (tmp_path / "style.fixed.jsonl").read_bytes().split(b"\n")
    assert lines[0] == clean.encode() + b"\r"
    assert lines[1] == json.dumps({"id": "a", "text": fix_text(PAGES[0][1]).text, "n": [1, 2]},
                                  separators=(",", ":"), ensure_ascii=True).encode()
    assert lines[2] == b""
    assert lines[3] == json.dumps({"text": fix_text(PAGES[2][1]).text, "id": "b", "meta": {"k": "中文"}},
                                  ensure_ascii=False).encode("utf-8")
    assert len(lines) == 4  # no newline added at the end


def test_fixed_parquet_keeps_schema_metadata_other_columns_and_row_groups(tmp_path):
    pq = require_module("pyarrow.parquet", "corpus")
    rows = records(150)
    shard = write_parquet(tmp_path / "p.parquet", rows, row_group_size=64)
    from lint.fixfile import FixOptions

    list(Linter.create().check_paths([shard], fix=FixOptions()))
    original, fixed = pq.ParquetFile(shard), pq.ParquetFile(tmp_path / "p.fixed.parquet")
    assert fixed.schema_arrow == original.schema_arrow
    assert fixed.schema_arrow.metadata[b"made-by"] == b"scrapelint tests"
    assert fixed.metadata.num_row_groups == original.metadata.num_row_groups == 3
    assert fixed.metadata.row_group(0).column(0).compression == "ZSTD"
    before, after = original.read().to_pylist(), fixed.read().to_pylist()
    assert [{**row, "text": fix_text(row["text"]).text} for row in before] == after


def test_a_shard_that_cannot_be_read_to_its_end_is_not_fixed(tmp_path):
    shard = write_jsonl(tmp_path / "cut.jsonl.gz", records(300))
    shard.write_bytes(shard.read_bytes()[:-40])
    from lint.fixfile import FixOptions

    result = list(Linter.create().check_paths([shard], fix=FixOptions()))[-1]
    assert result.error.startswith("not fixed: ") and result.fixed == 0
    assert not (tmp_path / "cut.fixed.jsonl.gz").exists()


def test_sample_checks_the_same_n_records_of_each_shard_on_every_run(tmp_path):
    shard = write_jsonl(tmp_path / "big.jsonl", records(200))
    first = _run([shard], sample=20)
    again = _run([shard], sample=20)
    assert first[-1].records == 20
    assert [r.display for r in first] == [r.display for r in again]
    indexes = [r.record_index for r in first if r.record_index is not None]
    assert indexes == sorted(indexes) and len(set(indexes)) == len(indexes)
    assert max(indexes) > 100  # drawn from the whole shard, not its head


def test_cached_shard_results_equal_fresh_ones_and_the_fields_are_part_of_the_key(tmp_path):
    from lint.cache import ResultCache

    shard = write_jsonl(tmp_path / "c.jsonl", records(30) + ["broken {"])
    fresh = _run([shard])

    def cached(**overrides):
        linter = Linter.create(None, overrides)
        linter.cache = ResultCache.open(tmp_path / "cache", linter.plugins)
        return list(linter.check_paths([shard]))

    stored = cached()
    served = cached()
    view = lambda results: [(r.display, r.record_id, r.record_index, r.records, r.error, _positions(r.findings),
                             r.source_lines) for r in results]
    assert view(fresh) == view(stored) == view(served)
    other = cached(text_field="content")
    assert other[-1].records == 0 and "no 'content' field" in other[0].error


def test_gzip_jsonl_needs_no_extra_library(tmp_path):
    shard = tmp_path / "g.jsonl.gz"
    shard.write_bytes(gzip.compress(jsonl_bytes(records(5))))
    assert _run([shard])[-1].records == 5
