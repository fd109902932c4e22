"""Whole files read with the least work per file.

A warm re-run reads two small files per page (the page, to hash it, and its cache entry):
thousands of them. ``open(path, "rb").read()`` makes a file object and asks the system for the
file's size, position and kind before reading (about eight system calls); reading straight
from the descriptor until it is exhausted needs three or four.
"""

from __future__ import annotations

import os

__all__ = ["read_whole"]

_CHUNK = 1 << 16  # most pages and entries fit in one read
_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_whole(path: "str | os.PathLike[str]") -> bytes:
    """The file's bytes; raises :class:`OSError` as ``open`` does (a folder too)."""
    descriptor = os.open(path, _FLAGS)
    try:
        chunks = []
        while chunk := os.read(descriptor, _CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)
