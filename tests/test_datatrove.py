"""The datatrove steps, and the example pipeline run with datatrove's LocalPipelineExecutor."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from conftest import REPO, require_module
from shard_fixtures import PAGES, write_jsonl

from lint import fix_text, lint_text

FAMILIES = ["EMJ", "BYL", "VWC", "CHR", "OFT"]
OFFTOPIC = (REPO / "examples" / "pages" / "offtopic-tail.txt").read_text(encoding="utf-8")


@pytest.fixture
def datatrove():
    return require_module("datatrove", "datatrove")


def _docs(datatrove):
    from datatrove.data import Document

    return [Document(text=text, id=name) for name, text in PAGES] + [Document(text=OFFTOPIC, id="offtopic")]


def test_the_annotator_adds_each_documents_findings_to_its_metadata(datatrove):
    from lint.datatrove_steps import ScrapelintAnnotator

    docs = list(ScrapelintAnnotator(select=["BYL", "VWC"]).run(iter(_docs(datatrove))))
    for doc in docs:
        expected = [(f.code, f.line, f.column, f.end_line, f.end_column) for f in lint_text(doc.text, select=["BYL", "VWC"])]
        found = [(f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in doc.metadata["scrapelint"]]
        assert found == expected
    assert docs[0].metadata["scrapelint"][0]["fix"] == "safe"


def test_the_filter_drops_or_keeps_by_selected_rules_and_can_fix_first(datatrove):
    from lint.datatrove_steps import ScrapelintFilter

    drop = ScrapelintFilter(select=["OFT"])
    assert [doc.id for doc in _docs(datatrove) if drop.filter(doc) is True] == [name for name, _ in PAGES]
    assert drop.filter(_docs(datatrove)[-1]) == (False, "OFT001")
    review = ScrapelintFilter(select=["BYL"], keep_flagged=True)
    assert [doc.id for doc in _docs(datatrove) if review.filter(doc) is True] == ["farm", "byline-en"]
    fixing = ScrapelintFilter(select=FAMILIES, fix=True)
    docs = _docs(datatrove)
    kept = [doc for doc in docs if fixing.filter(doc) is True]
    assert [doc.id for doc in kept] == [name for name, _ in PAGES]
    assert [doc.text for doc in kept] == [fix_text(text, select=FAMILIES).text for _, text in PAGES]


def test_the_example_pipeline_runs_with_the_local_executor(datatrove, tmp_path, monkeypatch):
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    rows = [{"id": f"{name}-{number}", "text": text, "url": f"https://example.test/{number}"}
            for number, (name, text) in enumerate(PAGES * 4)]
    rows.append({"id": "offtopic", "text": OFFTOPIC})
    write_jsonl(source / "part-0.jsonl", rows[:10])
    write_jsonl(source / "part-1.jsonl.gz", rows[10:])
    monkeypatch.syspath_prepend(str(REPO / "examples"))
    sys.modules.pop("datatrove_pipeline", None)
    import datatrove_pipeline

    assert datatrove_pipeline.main([str(source), str(target), "--tasks", "2"]) == 0

    def read(folder: Path) -> list[dict]:
        return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz"))
                for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()]

    kept = read(target)
    assert sorted(doc["id"] for doc in kept) == sorted(row["id"] for row in rows[:-1])
    by_id = {row["id"]: row for row in rows}
    for doc in kept:
        original = by_id[doc["id"]]["text"]
        assert doc["text"] == fix_text(original, select=FAMILIES).text
        noted = [(f["code"], f["line"], f["column"]) for f in doc["metadata"]["scrapelint"]]
        assert noted == [(f.code, f.line, f.column) for f in lint_text(original)]
    dropped = read(target / "dropped")
    assert [(doc["id"], doc["metadata"]["filter_reason"]) for doc in dropped] == [("offtopic", "OFT001")]
