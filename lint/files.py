"""Whole files read with the least work per file.

A warm re-run reads two small files per page (the page, to hash it, and its cache entry):
thousands of them. ``open(path, "rb")`` wraps the file in a buffered reader and asks whether
it is a terminal; an unbuffered read of the whole file needs neither.
"""

from __future__ import annotations

import os

__all__ = ["read_whole"]


def read_whole(path: "str | os.PathLike[str]") -> bytes:
    """The file's bytes; raises :class:`OSError` as ``open`` does."""
    with open(path, "rb", buffering=0) as handle:
        return handle.readall()
