"""A baseline: the findings a project has accepted for now, so a run reports only new ones.

``scrapelint check --write-baseline FILE`` records today's findings; ``--baseline FILE``
drops every finding that matches an entry. An entry is the page's path (relative to the
baseline file's folder, so the run may start anywhere), the rule code, and the flagged text
with a little context (:mod:`lint.reporters.spans`), never a line number: editing other parts
of a page does not bring accepted findings back. Identical entries are counted, so a page that
gains one more copy of an accepted defect reports exactly the extra one.

File shape (version 1)::

    {"scrapelint-baseline": 1,
     "entries": [{"path": "pages/a.txt", "code": "EMJ001", "name": "injected-emoji",
                  "before": "…", "text": "🤔", "after": "…", "lines": 1, "count": 2}, ...]}
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from lint.json_text import write_indented
from lint.model import Finding
from lint.reporters.spans import excerpt
from lint.runner import FileResult

__all__ = ["BaselineError", "Baseline", "BaselineWriter", "FORMAT_VERSION"]

FORMAT_VERSION = 1
VERSION_KEY = "scrapelint-baseline"
_LONGEST = 200  # flagged text longer than this is stored cut, with a digest of the whole

Key = tuple[str, str, str, str, str, int]


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message names the file and why."""


def _stored_text(text: str) -> str:
    if len(text) <= _LONGEST:
        return text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{text[:_LONGEST]}…[sha256:{digest}]"


def _relative(display: str, root: Path) -> str:
    """A result's path relative to the baseline's folder (``../`` allowed; absolute only across drives)."""
    absolute = os.path.abspath(display)
    try:
        return Path(os.path.relpath(absolute, root)).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


def _key(path: str, result: FileResult, finding: Finding) -> Key:
    span = excerpt(result, finding)
    return (path, finding.code, span.before, _stored_text(span.text), span.after, span.lines)


def _root(baseline: Path) -> Path:
    return Path(os.path.abspath(baseline)).parent


class BaselineWriter:
    """Collects findings during a run and writes them as a baseline file at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = _root(path)
        self.counts: Counter[Key] = Counter()
        self.names: dict[str, str] = {}

    def add(self, result: FileResult) -> None:
        path = _relative(result.display, self.root)
        for finding in result.findings:
            self.counts[_key(path, result, finding)] += 1
            self.names[finding.code] = finding.name

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def document(self) -> dict[str, Any]:
        entries = [
            {"path": path, "code": code, "name": self.names.get(code, ""), "before": before, "text": text,
             "after": after, "lines": lines, "count": count}
            for (path, code, before, text, after, lines), count in sorted(self.counts.items())
        ]
        return {VERSION_KEY: FORMAT_VERSION, "entries": entries}

    def write(self) -> None:
        """Write atomically (a temporary file renamed over the target); raises BaselineError."""
        document = self.document()
        folder = self.path.parent if str(self.path.parent) else Path(".")
        try:
            handle, temporary = tempfile.mkstemp(prefix=".baseline-", suffix=".tmp", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                write_indented(document, stream)
                stream.write("\n")
            os.replace(temporary, self.path)
        except OSError as error:
            raise BaselineError(f"{self.path}: cannot write baseline: {error.strerror or error}") from None


class Baseline:
    """Accepted findings, consumed as they are matched (each entry as many times as its count)."""

    def __init__(self, counts: Counter[Key], root: Path) -> None:
        self.remaining = counts
        self.root = root
        self.matched = 0

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        """Read a baseline file; raises :class:`BaselineError` with a one-line reason."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (write one with --write-baseline)") from None
        except OSError as error:
            raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BaselineError(f"{path}: not a baseline file: invalid JSON ({error})") from None
        if not isinstance(data, dict) or VERSION_KEY not in data:
            raise BaselineError(f"{path}: not a scrapelint baseline (no {VERSION_KEY!r} key)")
        if data[VERSION_KEY] != FORMAT_VERSION:
            raise BaselineError(f"{path}: baseline version {data[VERSION_KEY]!r} is not supported (expected {FORMAT_VERSION})")
        entries = data.get("entries")
        if not isinstance(entries, list):
            raise BaselineError(f"{path}: malformed baseline: 'entries' is not a list")
        counts: Counter[Key] = Counter()
        for number, entry in enumerate(entries, 1):
            counts[cls._entry_key(path, number, entry)] += entry.get("count", 1)
        return cls(counts, _root(path))

    @staticmethod
    def _entry_key(path: Path, number: int, entry: Any) -> Key:
        try:
            key = (entry["path"], entry["code"], entry["before"], entry["text"], entry["after"], entry.get("lines", 1))
            count = entry.get("count", 1)
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(f"{path}: malformed baseline entry {number}: needs path, code, before, text, after") from None
        strings = all(isinstance(part, str) for part in key[:5])
        if not strings or type(key[5]) is not int or type(count) is not int or count < 1:
            raise BaselineError(f"{path}: malformed baseline entry {number}: wrong field types")
        return key

    def filter(self, result: FileResult) -> FileResult:
        """The result with the findings the baseline accepts removed (a copy; the input is untouched)."""
        if not result.findings:
            return result
        path = _relative(result.display, self.root)
        kept: list[Finding] = []
        for finding in result.findings:
            key = _key(path, result, finding)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.matched += 1
            else:
                kept.append(finding)
        if len(kept) == len(result.findings):
            return result
        lines = {finding.line for finding in kept}
        source = {line: text for line, text in result.source_lines.items() if line in lines}
        return replace(result, findings=kept, source_lines=source)

