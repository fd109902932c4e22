"""Path globs as users write them in config and on the command line.

``*`` and ``?`` stay inside one path segment, ``**`` crosses segments, ``[...]`` is a class.
A pattern without ``/`` matches a file or folder name at any depth, as in ``.gitignore``.
A malformed pattern (an unclosed ``[``, an empty string) raises :class:`GlobError`.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["GlobError", "compile_glob", "glob_matches", "any_glob_matches"]


class GlobError(ValueError):
    """A glob that cannot be understood."""


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """Translate a glob into a regex matched against a ``/``-separated relative path."""
    if not pattern or not pattern.strip():
        raise GlobError("empty glob")
    anchored = "/" in pattern.rstrip("/")
    body = pattern.strip("/") if anchored else pattern.rstrip("/")
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if body.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif body.startswith("**", index):
            out.append(".*")
            index += 2
        elif char == "*":
            out.append("[^/]*")
            index += 1
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            close = body.find("]", index + 2 if body.startswith("[!", index) or body.startswith("[]", index) else index + 1)
            if close == -1:
                raise GlobError(f"unclosed '[' in {pattern!r}")
            inner = body[index + 1 : close]
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            index = close + 1
        else:
            out.append(re.escape(char))
            index += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + "(?:/.*)?")


def glob_matches(pattern: str, relative_path: str) -> bool:
    """Does ``pattern`` match this ``/``-separated path (or one of its parent folders)?"""
    return compile_glob(pattern).fullmatch(relative_path) is not None


@lru_cache(maxsize=128)
def _compile_any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a set of globs: a walk tests every entry against all its excludes."""
    return re.compile("|".join(f"(?:{compile_glob(pattern).pattern})" for pattern in patterns))


def any_glob_matches(patterns: tuple[str, ...], relative_path: str) -> bool:
    """Does any of ``patterns`` match this path (as :func:`glob_matches` would)?"""
    return bool(patterns) and _compile_any(patterns).fullmatch(relative_path) is not None
