"""Indented JSON written fast (lint.json_text) is the standard library's text, character for character."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint import json_text
from lint.model import Applicability, Edit, Finding, Fix, Severity


def _standard(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _written(document) -> str:
    out = io.StringIO()
    json_text.write_indented(document, out)
    return out.getvalue()


#: what findings, SARIF logs and baselines hold: no floats
_LEAVES = st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1) | st.text()
_DOCUMENTS = st.recursive(_LEAVES, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=40)


@given(_DOCUMENTS)
def test_any_document_without_floats_is_written_as_the_standard_library_writes_it(document) -> None:
    assert _written(document) == _standard(document)


@given(_DOCUMENTS)
def test_pieces_that_cut_a_character_in_two_are_joined_again(document) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_text, "_PIECE", 3)  # every multi-byte character lands on a cut somewhere
        assert _written(document) == _standard(document)


def test_findings_with_a_fix_and_awkward_text_go_through_orjson(monkeypatch) -> None:
    message = 'view counter "浏览次数:2055" \x00\x1f\x7f\u2028\u2029 \\ / 👨‍👩‍👧‍👦 \t\n'
    fix = Fix((Edit(3, 5, "x"), Edit(7, 9)), Applicability.UNSAFE, "cut")
    findings = [
        Finding("pages/a b.txt", 2, 3, 2, 6, "VWC001", "view-counter", message, Severity.INFO, fix, 3, 9).to_dict(),
        Finding("shard.jsonl", 1, 1, 1, 2, "EMJ001", "injected-emoji", "emoji", Severity.WARNING, None, 0, 1, "id-7", 7).to_dict(),
    ]
    expected = _standard(findings)

    def slow_path(*args, **kwargs):
        raise AssertionError("written by the standard library")

    monkeypatch.setattr(json_text.json, "dump", slow_path)
    assert _written(findings) == expected
    assert _written([]) == "[]" and _written({"results": [], "rules": {}}) == '{\n  "results": [],\n  "rules": {}\n}'


def test_what_orjson_refuses_is_written_by_the_standard_library() -> None:
    """Pages never hold a lone surrogate, but a plugin's message may."""
    for document in ([{"message": "half an emoji \ud83d"}], {"count": 2**70}):
        assert _written(document) == _standard(document)
