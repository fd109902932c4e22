"""The labelling tool: line splitting like the linter, the label file format, the CLI end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.labelling import LabelError, load_labels, split_lines, text_sha1
from benchmarks.labelling.cli import check_labels
from benchmarks.labelling.store import parse_families, parse_lines
from lint.page import Page

REPO = Path(__file__).resolve().parent.parent
REAL_LABELS = REPO / "tests" / "data" / "real-labels.jsonl"
REAL_CORPUS_DIR = REPO.parent / "shared" / "corpus"

PAGES = {
    "p1": "Title\nbody one\r\nbody two\rtail >>\n",
    "p2": "only line",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "fake.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v, "url": "x"}) + "\n" for k, v in PAGES.items()), encoding="utf-8")
    return path


@pytest.fixture
def tool(tmp_path: Path):
    labels = tmp_path / "labels.jsonl"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "benchmarks.labelling", "--labels", str(labels), *args],
            cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=60,
        )

    run.labels = labels
    return run


def test_lines_split_like_the_linter():
    for text in [*PAGES.values(), "", "a\r\n\r\nb\r", "\n\n"]:
        assert split_lines(text) == list(Page(text).lines)


def test_parse_lines_and_families():
    assert parse_lines("3") == [3]
    assert parse_lines("5-7,2,6") == [2, 5, 6, 7]
    assert parse_families("oft, VWC") == ["OFT", "VWC"]
    for bad in ["", "0", "7-5", "a", "3-"]:
        with pytest.raises(LabelError):
            parse_lines(bad)
    with pytest.raises(LabelError):
        parse_families("OFT,XYZ")


def test_show_numbers_every_line(tool, corpus):
    out = tool("show", str(corpus), "p1")
    assert out.returncode == 0
    body = out.stdout.splitlines()
    assert "5 lines, unlabelled" in body[0]
    assert [line.split("|", 1)[1].strip() for line in body[1:]] == ["Title", "body one", "body two", "tail >>", ""]
    assert body[4].lstrip().startswith("4 ")


def test_label_writes_the_agreed_format(tool, corpus):
    assert tool("label", str(corpus), "p1", "2-3", "chr").returncode == 0
    assert tool("label", str(corpus), "p1", "3,4", "OFT").returncode == 0
    [record] = [json.loads(line) for line in tool.labels.read_text(encoding="utf-8").splitlines()]
    assert record == {
        "corpus_file": "fake.jsonl",
        "id": "p1",
        "n_lines": 5,
        "text_sha1": text_sha1(PAGES["p1"]),
        "lines": {"2": ["CHR"], "3": ["OFT", "CHR"], "4": ["OFT"]},
    }
    assert "3 OFT,CHR" in tool("show", str(corpus), "p1").stdout


def test_remove_clear_and_clean(tool, corpus):
    tool("label", str(corpus), "p1", "2-3", "CHR,OFT")
    assert tool("label", str(corpus), "p1", "2", "CHR", "--remove").returncode == 0
    assert load_labels(tool.labels)[0].lines == {2: ["OFT"], 3: ["OFT", "CHR"]}
    refused = tool("label", str(corpus), "p1", "--clean")
    assert refused.returncode == 2 and "--clear" in refused.stderr
    assert tool("label", str(corpus), "p1", "--clear").returncode == 0
    assert load_labels(tool.labels) == []
    assert tool("label", str(corpus), "p2", "--clean").returncode == 0
    [page] = load_labels(tool.labels)
    assert (page.id, page.n_lines, page.lines) == ("p2", 1, {})


@pytest.mark.parametrize(
    "args, message",
    [
        (("label", "{c}", "p2", "2", "OFT"), "line 2 does not exist"),
        (("label", "{c}", "p2", "1", "XYZ"), "unknown family"),
        (("label", "{c}", "p2", "x", "OFT"), "bad line spec"),
        (("label", "{c}", "p2"), "needs LINES and FAMILIES"),
        (("show", "{c}", "nope"), "no record with id"),
        (("show", "missing.jsonl", "p1"), "cannot read corpus"),
    ],
)
def test_bad_input_is_one_line_error(tool, corpus, args, message):
    out = tool(*(arg.format(c=corpus) for arg in args))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and message in out.stderr and "Traceback" not in out.stderr


def test_progress_lists_labelled_and_next(tool, corpus):
    tool("label", str(corpus), "p1", "4", "CHR")
    out = tool("progress", str(corpus)).stdout
    assert "fake.jsonl p1: 1/5 lines CHR" in out
    assert "1 labelled, 1 to do, next p2" in out


def test_check_finds_changed_text_and_missing_lines(tool, corpus, tmp_path):
    tool("label", str(corpus), "p1", "5", "CHR")
    tool("label", str(corpus), "p2", "--clean")
    ok = tool("check", "--corpus-dir", str(tmp_path))
    assert ok.returncode == 0 and "ok: 2 pages, 1 labelled lines" in ok.stdout
    corpus.write_text(json.dumps({"id": "p1", "text": "Title\nchanged"}) + "\n", encoding="utf-8")
    bad = tool("check", "--corpus-dir", str(tmp_path))
    assert bad.returncode == 1
    assert "p1: text hash differs" in bad.stdout
    assert "p1: line 5 does not exist" in bad.stdout
    assert "p2: no such record" in bad.stdout


@pytest.mark.skipif(not REAL_CORPUS_DIR.exists(), reason="the shared corpus is not here")
def test_real_labels_match_the_corpus():
    pages = load_labels(REAL_LABELS)
    assert len(pages) >= 60
    assert check_labels(pages, REAL_CORPUS_DIR) == []


def test_real_labels_hold_no_page_text():
    """Only ids, counts, hashes, line numbers and family codes: the pages' text stays in the corpus."""
    for line in REAL_LABELS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert set(record) == {"corpus_file", "id", "n_lines", "text_sha1", "lines"}
        assert all(key.isdigit() for key in record["lines"])
        assert all(isinstance(family, str) and len(family) == 3 for fams in record["lines"].values() for family in fams)
