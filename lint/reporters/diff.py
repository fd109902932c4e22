"""A unified diff of a page before and after fixing, as ``--diff`` prints it (and ``patch`` reads it)."""

from __future__ import annotations

import difflib
import re

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    """Lines with their breaks, split only where a page has line breaks (not at U+2028 and kin)."""
    return _LINE.findall(text)


def unified_diff(path: str, before: str, after: str, context: int = 3) -> str:
    """``--- a/path`` / ``+++ b/path`` hunks; a line without a final newline is marked as git does.

    Lines keep their own line breaks (LF, CRLF or CR), so applying the diff keeps the file's
    newline style.
    """
    old = _lines(before)
    new = _lines(after)
    pieces: list[str] = []
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", n=context):
        if line.endswith(("\n", "\r")):
            pieces.append(line)
        else:
            pieces.append(line + "\n" + _NO_NEWLINE)
    return "".join(pieces)
