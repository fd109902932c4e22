"""Indented JSON for the large documents a run writes: the findings, a SARIF log, a baseline.

``json.dump(..., indent=2)`` runs the standard library's pure-Python encoder (its C encoder only
writes unindented text): 0.74 s for the 21,000 findings of the benchmark's 2,000 pages, a sixth of
checking them with ``--jobs 2``, spent in the parent after the workers are done. orjson writes the
same text in C in 0.06 s. The two agree on what these documents hold (strings, integers, booleans,
``None``, lists, dicts with string keys), which the tests check; they differ on some floats
(``1e+16``/``1e16``), so documents with floats (the statistics) keep the standard library. What
orjson refuses is written by the standard library, as before: a lone surrogate (pages and
records never hold one, they are refused as not valid Unicode, but a plugin's message may) or an
integer beyond 64 bits.
"""

from __future__ import annotations

import codecs
import json
from typing import Any, TextIO

import orjson

__all__ = ["write_indented"]

#: bytes of UTF-8 decoded and written at a time
_PIECE = 1 << 20


def write_indented(document: Any, out: TextIO) -> None:
    """``json.dump(document, out, ensure_ascii=False, indent=2)``, for a document without floats.

    orjson gives the whole text as UTF-8 bytes; it is decoded and written a piece at a time, since
    a ``str`` of all of it takes 4 bytes a character as soon as it holds one emoji (a 21 MB SARIF
    log became an 80 MB string).
    """
    try:
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        json.dump(document, out, ensure_ascii=False, indent=2)
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for start in range(0, len(data), _PIECE):
        out.write(decoder.decode(view[start:start + _PIECE]))
    out.write(decoder.decode(b"", final=True))
