"""Shards of records through the real command: output, errors, --jobs and cache, --fix, statistics, HTML."""

from __future__ import annotations

import json

from shard_fixtures import PAGES, jsonl_bytes, records, write_jsonl

from lint import fix_text

FINDING_FIELDS = ["path", "line", "column", "end_line", "end_column", "code", "name", "message", "severity", "fix",
                  "record_id", "record_index"]


def test_text_output_names_the_record_and_positions_inside_it(run_cli, tmp_path):
    write_jsonl(tmp_path / "shard.jsonl", records(5))
    result = run_cli("check", "--no-cache", "shard.jsonl")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "shard.jsonl#farm-0:1:9: BYL001 [*] byline repeated: '文 | 财华社'",
        "shard.jsonl#farm-0:2:1: VWC001 [*] view counter '浏览次数:2055'",
        "shard.jsonl#byline-en-2:1:13: BYL001 [*] byline repeated: 'By Jane Doe'",
    ]
    assert lines[-1] == "Found 5 findings in 3 of 5 records (1 shard); 5 fixable with --fix."


def test_json_adds_record_id_and_index_to_the_usual_fields(run_cli, tmp_path):
    write_jsonl(tmp_path / "shard.jsonl", records(3))
    result = run_cli("check", "--no-cache", "--output-format", "json", "shard.jsonl")
    findings = json.loads(result.stdout)
    assert [list(f) for f in findings] == [FINDING_FIELDS] * 4
    assert [(f["path"], f["record_id"], f["record_index"], f["line"], f["column"]) for f in findings] == [
        ("shard.jsonl", "farm-0", 0, 1, 9), ("shard.jsonl", "farm-0", 0, 2, 1),
        ("shard.jsonl", "byline-en-2", 2, 1, 13), ("shard.jsonl", "byline-en-2", 2, 2, 1),
    ]


def test_a_broken_record_is_one_line_naming_shard_and_index_and_the_rest_is_checked(run_cli, tmp_path):
    rows = [{"id": "a", "text": PAGES[0][1]}, '{"id": "b", "text": ', {"id": "c", "text": None}, {"id": "d", "text": PAGES[2][1]}]
    (tmp_path / "bad.jsonl").write_bytes(jsonl_bytes(rows))
    result = run_cli("check", "--no-cache", "bad.jsonl")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "bad.jsonl: error: record 1: not valid JSON (line 2, column 21: Expecting value)",
        "bad.jsonl: error: record 2: 'text' is null, not a string",
    ]
    assert "bad.jsonl#a:1:9: BYL001" in result.stdout and "bad.jsonl#d:1:13: BYL001" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("2 records with errors.")
    assert "Traceback" not in result.stderr


def test_jobs_and_cache_give_the_same_findings_record_for_record(run_cli, tmp_path):
    for number in range(4):
        write_jsonl(tmp_path / f"part-{number}.jsonl", records(60 + number))
    args = ("check", "--output-format", "json", "part-0.jsonl", "part-1.jsonl", "part-2.jsonl", "part-3.jsonl")
    plain = json.loads(run_cli(*args, "--no-cache", "--jobs", "1").stdout)
    parallel = json.loads(run_cli(*args, "--cache-dir", "cache", "--jobs", "2").stdout)
    cached = json.loads(run_cli(*args, "--cache-dir", "cache", "--jobs", "2").stdout)
    assert len(plain) == 60 + 62 + 62 + 64  # 5 findings in every 5 records, and the first ones over
    assert plain == parallel == cached


def test_fix_writes_the_fixed_shard_beside_and_diff_writes_nothing(run_cli, tmp_path):
    rows = records(5)
    shard = write_jsonl(tmp_path / "part.jsonl.gz", rows)
    diff = run_cli("check", "--diff", "part.jsonl.gz")
    assert diff.returncode == 1 and "--- a/part.jsonl.gz#farm-0\n+++ b/part.jsonl.gz#farm-0\n" in diff.stdout
    assert "Would fix 5 findings in 1 file." in diff.stderr
    assert not (tmp_path / "part.fixed.jsonl.gz").exists()
    before = shard.read_bytes()
    fixed = run_cli("check", "--fix", "part.jsonl.gz")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "All checks passed (5 records in 1 shard checked); fixed 5." in fixed.stdout
    assert shard.read_bytes() == before
    import gzip

    written = [json.loads(line) for line in gzip.decompress((tmp_path / "part.fixed.jsonl.gz").read_bytes()).splitlines()]
    assert written == [{**row, "text": fix_text(row["text"]).text} for row in rows]


def test_statistics_per_rule_and_family_with_share_of_records_and_examples(run_cli, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", records(10))
    write_jsonl(tmp_path / "b.jsonl", records(10))
    text = run_cli("check", "--no-cache", "--statistics", "--statistics-file", "stats.json", "a.jsonl", "b.jsonl")
    assert "     8  BYL001  [*] duplicated-byline    8 records (40.0%)" in text.stdout
    assert "     4  CHR  page chrome" in text.stdout and "4 records (20.0%)" in text.stdout
    assert "  BYL001  a.jsonl#farm-0:1:9  '文 | 财华社'" in text.stdout
    document = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    as_json = json.loads(run_cli("check", "--no-cache", "--statistics", "--output-format", "json",
                                 "a.jsonl", "b.jsonl").stdout)
    assert document == as_json
    assert document["checked"] == {"pages": 20, "files": 0, "records": 20, "shards": 2}
    assert document["affected"]["records"] == 12
    byline = next(rule for rule in document["rules"] if rule["code"] == "BYL001")
    assert (byline["findings"], byline["pages"], byline["share"], byline["family"]) == (8, 8, 0.4, "BYL")
    assert [(e["location"], e["record_id"], e["record_index"], e["text"]) for e in byline["examples"]] == [
        ("a.jsonl#farm-0", "farm-0", 0, "文 | 财华社"), ("a.jsonl#byline-en-2", "byline-en-2", 2, "By Jane Doe"),
        ("a.jsonl#farm-5", "farm-5", 5, "文 | 财华社"),
    ]
    assert {family["family"]: family["pages"] for family in document["families"]} == {"BYL": 8, "VWC": 8, "CHR": 4}


def test_html_report_on_a_sample_of_records_shows_each_sampled_record(run_cli, tmp_path):
    write_jsonl(tmp_path / "big.jsonl", records(300))
    result = run_cli("check", "--sample", "25", "--output-format", "html", "-o", "report.html", "big.jsonl")
    assert result.returncode == 1, result.stderr
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "of 25 records (1 shard) checked" in html
    sections = html.count('<section class="file"')
    assert 0 < sections <= 25
    assert 'data-path="big.jsonl#farm-' in html and "浏览次数:2055" in html  # the record's own text


def test_a_shard_format_needs_its_library_or_says_which_extra(run_cli, tmp_path):
    (tmp_path / "x.parquet").write_bytes(b"PAR1")
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "pyarrow.py").write_text("raise ImportError('blocked for the test', name='pyarrow')\n")
    result = run_cli("check", "--no-cache", "x.parquet", env={"PYTHONPATH": str(blocked)})
    assert result.returncode == 2
    assert result.stderr.strip() == "x.parquet: error: pyarrow is not installed (pip install 'scrapelint[corpus]')"


def test_a_run_over_files_and_shards_counts_each_in_its_own_unit(run_cli, write_page, tmp_path):
    write_jsonl(tmp_path / "shard.jsonl", records(5))
    write_page("page.txt", PAGES[0][1] + "\n")
    write_page("clean.txt", PAGES[1][1] + "\n")
    result = run_cli("check", "--no-cache", "page.txt", "clean.txt", "shard.jsonl")
    assert result.stdout.splitlines()[-1] == (
        "Found 7 findings in 1 of 2 files and 3 of 5 records (1 shard); 7 fixable with --fix.")
    clean = run_cli("check", "--no-cache", "--select", "EMJ", "clean.txt", "shard.jsonl")
    assert clean.stdout.splitlines()[-1] == "All checks passed (1 file and 5 records in 1 shard checked)."
