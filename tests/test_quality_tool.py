"""The quality evaluation tool (benchmarks/quality): planting, scoring, seed table, real labels, CLI.

Every corpus here is written by us in the test; the real corpus is never read.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.quality import vocab
from benchmarks.quality.corpus import EmojiPool, QualityError, Record, read_emoji_pool, read_records
from benchmarks.quality.linting import covered_lines
from benchmarks.quality.planting import FAMILIES, Planter, Sources
from benchmarks.quality.real_labels import read_labels, resolve_pages
from benchmarks.quality.scoring import LineScores, Tally, emoji_hits, predicted_lines, score_page
from benchmarks.quality.seed import check_seed, expected_families
from lint.emoji_units import iter_emoji
from lint.model import Finding, Severity

from corpus_fixtures import EMOJI_TEST, EN_ARTICLES, ZH_ARTICLES, tiny_corpus, write_jsonl

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def pool(tmp_path) -> EmojiPool:
    path = tmp_path / "emoji-test.txt"
    path.write_text(EMOJI_TEST, encoding="utf-8")
    return read_emoji_pool(path)


def _planter(pool: EmojiPool, seed: int) -> Planter:
    headlines = {
        "zh": ["全国春运客流平稳有序", "多地推进老旧小区改造", "新能源汽车销量持续增长", "博物馆推出夜间开放"],
        "en": ["Rail fares to rise in January", "City council approves budget", "Storm closes coastal roads"],
    }
    return Planter(random.Random(seed), Sources({"zh": ZH_ARTICLES, "en": EN_ARTICLES}, headlines, pool))


def _strip_emoji(text: str) -> str:
    for start, end, _ in sorted(iter_emoji(text), reverse=True):
        text = text[:start] + text[end:]
    return text


def _page_pieces(records: list[Record]) -> set[str]:
    pieces = set()
    for record in records:
        pieces.add(record.title)
        pieces.update(line for line in record.text.split("\n"))
    return pieces


# -- corpus --------------------------------------------------------------------------------------


def test_emoji_pool_groups_every_kind(pool):
    assert pool.by_kind["selector"] == ("\u2764\ufe0f",)
    assert pool.by_kind["zwj"] == ("\U0001F468\u200d\U0001F469\u200d\U0001F467",)
    assert pool.by_kind["skin-tone"] == ("\U0001F44B\U0001F3FD",)
    assert pool.by_kind["flag"] == ("\U0001F1EF\U0001F1F5",)
    assert pool.by_kind["keycap"] == ("#\ufe0f\u20e3",)
    assert pool.faces == ("\U0001F600", "\U0001F60A")


def test_bad_corpus_line_names_file_and_line(tmp_path):
    path = tmp_path / "zh-news.jsonl"
    path.write_text('{"id": "a", "text": "好"}\n{not json\n', encoding="utf-8")
    with pytest.raises(QualityError, match=r"zh-news.jsonl:2: not valid JSON"):
        read_records(path)


# -- planting ------------------------------------------------------------------------------------


def test_planted_labels_sit_where_the_defects_are(pool):
    planter = _planter(pool, seed=7)
    article_text = _page_pieces(ZH_ARTICLES + EN_ARTICLES)
    methods_seen: set[str] = set()
    kinds = {"planted": 0, "clean": 0}
    for number in range(400):
        article = (ZH_ARTICLES + EN_ARTICLES)[number % 7]
        page = planter.page(article)
        kinds[page.kind] += 1
        lines = page.text.split("\n")
        assert lines[0] == article.title
        if page.kind == "clean":
            assert page.labels == {}
        first_tail = min((n for n, fams in page.labels.items() if "OFT" in fams), default=len(lines) + 1)
        for n, line in enumerate(lines, 1):
            labels = page.labels.get(n, {})
            methods_seen.update(f"{family}:{method}" for family, methods in labels.items() for method in methods)
            # Emoji appear on a line exactly when EMJ is planted there (the articles have none).
            assert bool(list(iter_emoji(line))) == ("EMJ" in labels), (n, line)
            plain = _strip_emoji(line)
            # Off-topic blocks are appended: every line from the first one on is off-topic.
            assert ("OFT" in labels) == (n >= first_tail), (n, line)
            if "BYL" in labels and "title-prefix" in labels["BYL"]:
                assert plain.endswith(article.title) and plain != article.title
            if "BYL" in labels and "adjacent-lines" in labels["BYL"]:
                assert line == lines[n - 2] and "BYL" not in page.labels.get(n - 1, {})
            if "VWC" in labels and "bare-count-line" in labels["VWC"]:
                assert line.isdigit()
            if "VWC" in labels:
                assert any(char.isdigit() for char in plain)
            if "CHR" in labels:
                phrases = vocab.UI_PHRASES["zh"] + vocab.UI_PHRASES["en"] + vocab.EMPTY_FIELDS["zh"] + vocab.EMPTY_FIELDS["en"]
                assert any(phrase in plain for phrase in phrases), line
            # No accidental repeats: only a planted BYL line repeats what is above it.
            if not labels:
                assert not any(line in earlier for earlier in lines[: n - 1]), (n, line)
            if "OFT" in labels and "BYL" not in labels:
                assert line != lines[n - 2], (n, line)
            if not labels and n > 1:
                # An unlabelled line is article text, or the page's own single byline before its repeat.
                own_byline = "BYL" in page.labels.get(n + 1, {}) and lines[n] == line
                assert line in article_text or own_byline or _is_joined_article(line, article), (n, line)
    assert kinds["clean"] > 40 and kinds["planted"] > 300
    families = {key.split(":")[0] for key in methods_seen}
    assert families == set(FAMILIES)
    for expected in ("EMJ:cadence", "EMJ:few-in-words", "EMJ:random", "EMJ:in-chrome-phrase", "OFT:article-lines",
                     "OFT:name-list", "OFT:place-groups", "OFT:headlines+header+counts", "BYL:same-line",
                     "BYL:title-prefix", "BYL:adjacent-lines", "VWC:meta-line", "VWC:bare-count-line",
                     "CHR:empty-field", "CHR:phrase-tail"):
        assert expected in methods_seen


def _is_joined_article(line: str, article: Record) -> bool:
    return line == " ".join(part for part in article.text.split("\n"))


def test_planting_is_deterministic_for_a_seed(pool):
    first = [_planter(pool, 3).page(article) for article in ZH_ARTICLES + EN_ARTICLES]
    again = [_planter(pool, 3).page(article) for article in ZH_ARTICLES + EN_ARTICLES]
    other = [_planter(pool, 4).page(article) for article in ZH_ARTICLES + EN_ARTICLES]
    assert [(p.text, p.labels) for p in first] == [(p.text, p.labels) for p in again]
    assert [p.text for p in first] != [p.text for p in other]


def test_cadence_emoji_land_every_twenty_to_forty_characters(pool):
    planter = _planter(pool, seed=11)
    long_article = Record("zh-long", "zh", "长文", "。".join(["今天天气很好我们一起去公园散步看花"] * 40))
    gaps: list[int] = []
    for _ in range(200):
        page = planter.page(long_article)
        for n, labels in page.labels.items():
            if labels.get("EMJ") == ("cadence",):
                line = page.text.split("\n")[n - 1]
                starts = [start for start, _, _ in iter_emoji(line)]
                plain_positions, removed = [], 0
                for start, end, _ in iter_emoji(line):
                    plain_positions.append(start - removed)
                    removed += end - start
                gaps += [b - a for a, b in zip(plain_positions, plain_positions[1:])]
                assert starts
    assert gaps and min(gaps) >= 20 and max(gaps) <= 40


# -- scoring -------------------------------------------------------------------------------------


def _finding(code: str, line: int, end_line: int | None = None, end_column: int = 5, start: int = 0, end: int = 1) -> Finding:
    return Finding("p", line, 1, end_line or line, end_column, code, "rule", "message", Severity.WARNING,
                   start=start, end=end)


def test_covered_lines_skip_an_end_line_the_span_does_not_enter():
    assert list(covered_lines(_finding("OFT001", 3, 5, end_column=4))) == [3, 4, 5]
    assert list(covered_lines(_finding("OFT001", 3, 5, end_column=1))) == [3, 4]
    assert list(covered_lines(_finding("EMJ001", 2, 2, end_column=1))) == [2]


def test_scoring_arithmetic_on_a_hand_computed_page():
    # Labels: EMJ on 2 and 4; OFT on 5-8; VWC on 6 and 8.
    labels = {2: {"EMJ": ("cadence",)}, 4: {"EMJ": ("random",)}, 5: {"OFT": ("headlines",)},
              6: {"OFT": ("headlines",), "VWC": ("bare-count-line",)}, 7: {"OFT": ("headlines",)},
              8: {"OFT": ("headlines",), "VWC": ("bare-count-line",)}}
    findings = [
        _finding("EMJ001", 2), _finding("EMJ001", 2), _finding("EMJ001", 3),  # 2 is TP once, 3 is FP
        _finding("OFT001", 6, 9, end_column=1),                               # covers 6-8: TP 3, FN 5
        _finding("VWC002", 8), _finding("BYL001", 1),                         # VWC TP 8, FN 6; BYL FP 1
    ]
    predicted = predicted_lines(findings, n_lines=9)
    assert predicted == {"EMJ": {2, 3}, "OFT": {6, 7, 8}, "VWC": {8}, "BYL": {1}}
    tallies = score_page(labels, predicted, FAMILIES)
    assert (tallies["EMJ"].tp, tallies["EMJ"].fp, tallies["EMJ"].fn) == (1, 1, 1)
    assert (tallies["OFT"].tp, tallies["OFT"].fp, tallies["OFT"].fn) == (3, 0, 1)
    assert (tallies["VWC"].tp, tallies["VWC"].fp, tallies["VWC"].fn) == (1, 0, 1)
    assert (tallies["BYL"].tp, tallies["BYL"].fp, tallies["BYL"].fn) == (0, 1, 0)
    assert tallies["CHR"].precision is None and tallies["CHR"].recall is None
    assert tallies["OFT"].precision == 1.0 and tallies["OFT"].recall == 0.75
    assert tallies["EMJ"].precision == 0.5 and tallies["BYL"].precision == 0.0

    scores = LineScores()
    scores.add_page(labels, predicted, FAMILIES)
    scores.add_page({}, {"EMJ": {1}, "SPM": {2, 3}}, FAMILIES)  # a clean page: EMJ FP, SPM not scored
    assert scores.families["EMJ"].to_dict() == {"labelled": 2, "tp": 1, "fp": 2, "fn": 1, "precision": 0.3333, "recall": 0.5}
    assert (scores.methods["EMJ:cadence"].tp, scores.methods["EMJ:random"].fn) == (1, 1)
    assert (scores.methods["VWC:bare-count-line"].tp, scores.methods["VWC:bare-count-line"].fn) == (1, 1)
    assert scores.unscored == {"SPM": 2}


def test_tally_adds_up():
    total = Tally(1, 2, 3)
    total.add(Tally(4, 0, 1))
    assert (total.tp, total.fp, total.fn, total.labelled, total.flagged) == (5, 2, 4, 9, 7)


def test_emoji_hits_count_emoji_an_emj_finding_overlaps():
    spans = [(3, 4), (10, 12), (20, 21)]
    findings = [_finding("EMJ001", 1, start=10, end=12), _finding("OFT001", 1, start=0, end=30),
                _finding("EMJ001", 1, start=20, end=20)]
    assert emoji_hits(spans, findings) == 2


# -- seed page -----------------------------------------------------------------------------------


def test_seed_table_is_design_md_table():
    assert expected_families(1) == frozenset()
    assert expected_families(2) == {"BYL"}
    assert expected_families(3) == {"CHR", "VWC"}
    assert expected_families(4) == {"BYL", "EMJ", "CHR"}
    assert expected_families(10) == {"OFT"}
    assert expected_families(16) == {"OFT", "CHR"}
    assert expected_families(17) == {"OFT"}
    assert expected_families(18) == {"OFT"}
    assert expected_families(19) == {"OFT", "VWC"}
    assert expected_families(59) == {"OFT", "VWC"}


def test_seed_check_reports_missing_and_extra_families():
    findings = [_finding("BYL001", 2), _finding("VWC001", 3), _finding("CHR001", 3), _finding("EMJ001", 1)]
    check = check_seed("seed.txt", 59, findings)
    by_line = {mismatch.line: mismatch for mismatch in check.mismatches}
    assert 2 not in by_line and 3 not in by_line
    assert by_line[1].extra == ["EMJ"] and by_line[1].missing == []
    assert by_line[4].missing == ["BYL", "CHR", "EMJ"]
    assert by_line[19].missing == ["OFT", "VWC"]
    assert check.matching == 2 and check.lines == 59


# -- real labels ---------------------------------------------------------------------------------


def test_real_labels_read_text_by_id_and_skip_changed_pages(tmp_path):
    text = "标题行\n正文第一段。\n浏览次数:120"
    write_jsonl(tmp_path / "farm.jsonl", [{"id": "p1", "text": text}, {"id": "p2", "text": "一\n二"}])
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    labels = write_jsonl(tmp_path / "labels.jsonl", [
        {"corpus_file": "farm.jsonl", "id": "p1", "n_lines": 3, "text_sha1": sha1, "lines": {"3": ["VWC"]}},
        {"corpus_file": "farm.jsonl", "id": "p2", "n_lines": 2, "text_sha1": "0" * 40, "lines": {}},
        {"corpus_file": "farm.jsonl", "id": "p9", "n_lines": 1, "text_sha1": "0" * 40, "lines": {}},
        {"corpus_file": "gone.jsonl", "id": "x", "n_lines": 1, "text_sha1": "0" * 40, "lines": {}},
    ])
    resolved = resolve_pages(read_labels(labels), tmp_path, strict=False)
    assert [(page.id, page_text) for page, page_text in resolved.pages] == [("p1", text)]
    assert resolved.pages[0][0].lines == {3: ("VWC",)}
    assert [reason.split(":")[0] for reason in resolved.skipped] == ["farm.jsonl p2", "farm.jsonl p9", "gone.jsonl x"]
    with pytest.raises(QualityError, match="gone.jsonl: no such file"):
        resolve_pages(read_labels(labels), tmp_path, strict=True)


def test_real_label_outside_the_page_is_an_error(tmp_path):
    labels = write_jsonl(tmp_path / "labels.jsonl", [
        {"corpus_file": "farm.jsonl", "id": "p1", "n_lines": 2, "text_sha1": "0" * 40, "lines": {"3": ["OFT"]}}])
    with pytest.raises(QualityError, match=r"labels.jsonl:1: a labelled line is outside 1..2"):
        read_labels(labels)


# -- the command, end to end ---------------------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "benchmarks.quality", *args], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_cli_end_to_end_on_atiny_corpus(tmp_path):
    corpus = tiny_corpus(tmp_path)
    farm_text = "正文。\n推荐阅读\n别的新闻\n3456"
    labels = write_jsonl(tmp_path / "labels.jsonl", [{
        "corpus_file": "farm.jsonl", "id": "f1", "n_lines": 4,
        "text_sha1": hashlib.sha1(farm_text.encode("utf-8")).hexdigest(),
        "lines": {"2": ["OFT"], "3": ["OFT"], "4": ["OFT", "VWC"]},
    }])
    seed_page = tmp_path / "seed.txt"
    seed_page.write_text("标题\n标题\n", encoding="utf-8")
    args = [str(corpus), "--planted", "40", "--seed", "5", "--real-labels", str(labels), "--seed-page", str(seed_page)]
    first = _run(*args, "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert data["planted"]["pages"] == 41  # 40 planted + the one zh-web page with genuine emoji
    assert data["planted"]["kinds"]["genuine-emoji"] == 1
    for family in FAMILIES:
        tally = data["planted"]["families"][family]
        assert tally["tp"] + tally["fn"] == tally["labelled"]
    assert sum(data["planted"]["families"][f]["labelled"] for f in FAMILIES) > 0
    assert data["clean"]["pages"] == len(ZH_ARTICLES) + len(EN_ARTICLES)
    assert data["genuine_emoji"]["documents"] == 1 and data["genuine_emoji"]["emoji"] == 2
    assert data["real"]["pages"] == 1 and data["real"]["labelled_lines"] == {"OFT": 3, "VWC": 1}
    assert data["seed_page"]["lines"] == 59 and data["seed_page"]["matching"] <= 59

    again = json.loads(_run(*args, "--json").stdout)
    data.pop("seconds"), again.pop("seconds")
    assert again == data

    text = _run(*args, "--pages", "2")
    assert text.returncode == 0, text.stderr
    assert "family   labelled" in text.stdout and "Clean articles with any finding:" in text.stdout
    assert "/2 (" in text.stdout and "Real labelled pages: 1" in text.stdout


def test_cli_missing_corpus_file_is_a_one_line_error(tmp_path):
    corpus = tiny_corpus(tmp_path)
    (corpus / "en-news.jsonl").unlink()
    result = _run(str(corpus))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "en-news.jsonl: no such file" in result.stderr and "Traceback" not in result.stderr


def test_cli_missing_explicit_labels_file_is_a_one_line_error(tmp_path):
    corpus = tiny_corpus(tmp_path)
    result = _run(str(corpus), "--real-labels", str(tmp_path / "nope.jsonl"), "--planted", "1")
    assert result.returncode == 2
    assert "nope.jsonl: no such file" in result.stderr and "Traceback" not in result.stderr


def test_seed_mismatch_lines_are_printed_as_ranges():
    from benchmarks.quality.report import _compact

    assert _compact([3]) == "3"
    assert _compact([5, 6, 7, 8, 16]) == "5-8, 16"
    assert _compact(list(range(19, 60, 2))) == "19-59 odd"
    assert _compact([1, 4, 9]) == "1, 4, 9"
