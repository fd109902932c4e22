"""Indented JSON for the large documents a run writes: the findings, a SARIF log, a baseline.

``json.dumps(..., indent=2)`` runs the standard library's pure-Python encoder (its C encoder only
writes unindented text): 0.74 s for the 21,000 findings of the benchmark's 2,000 pages, a sixth of
checking them with ``--jobs 2``, spent in the parent after the workers are done. orjson writes the
same text in C in 0.06 s. The two agree on what these documents hold (strings, integers, booleans,
``None``, lists, dicts with string keys), which the tests check; they differ on some floats
(``1e+16``/``1e16``), so documents with floats (the statistics) keep the standard library. What
orjson refuses (a lone surrogate, which a JSON record's ``"\\ud800"`` can put in a finding's
message; an integer beyond 64 bits) is written by the standard library, as before.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

__all__ = ["dumps_indented"]


def dumps_indented(document: Any) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, for a document without floats."""
    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(document, ensure_ascii=False, indent=2)
