"""A json-lines line is the standard library's text of the finding's JSON shape, character for character."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from lint.model import Applicability, Edit, Finding, Fix, Severity
from lint.reporters.json_lines import line

_NUMBERS = st.integers(min_value=0, max_value=2**40)
_FIXES = st.none() | st.builds(
    Fix, st.lists(st.builds(Edit, _NUMBERS, _NUMBERS, st.text()), max_size=3).map(tuple), st.sampled_from(Applicability), st.text()
)
_RECORDS = st.just((None, None)) | st.tuples(st.none() | st.text(), _NUMBERS)


@st.composite
def _findings(draw) -> Finding:
    record_id, record_index = draw(_RECORDS)
    return Finding(
        draw(st.text()), draw(_NUMBERS), draw(_NUMBERS), draw(_NUMBERS), draw(_NUMBERS), draw(st.text()), draw(st.text()),
        draw(st.text()), draw(st.sampled_from(Severity)), draw(_FIXES), draw(_NUMBERS), draw(_NUMBERS), record_id, record_index,
    )


def _standard(finding: Finding) -> str:
    return json.dumps(finding.to_dict(), ensure_ascii=False) + "\n"


@given(_findings())
def test_any_finding_is_written_as_json_dumps_writes_its_dict(finding) -> None:
    assert line(finding) == _standard(finding)


def test_awkward_text_a_fix_of_several_edits_and_records() -> None:
    message = 'view counter "浏览次数:2055" \x00\x1f\x7f\u2028\u2029 \\ / 👨‍👩‍👧‍👦 \t\n half an emoji \ud83d'
    fix = Fix((Edit(3, 5, "x"), Edit(7, 9)), Applicability.UNSAFE, "cut")
    findings = [
        Finding("pages/a b.txt", 2, 3, 2, 6, "VWC001", "view-counter", message, Severity.INFO, fix, 3, 9),
        Finding("shard.jsonl", 1, 1, 1, 2, "EMJ001", "injected-emoji", "emoji", Severity.WARNING, None, 0, 1, "id-7", 7),
        Finding("shard.jsonl", 1, 1, 1, 2, "EMJ001", "injected-emoji", "emoji", Severity.ERROR, None, 0, 1, None, 0),
    ]
    for finding in findings:
        assert line(finding) == _standard(finding)
