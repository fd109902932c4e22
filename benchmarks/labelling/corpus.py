"""Reading corpus records (JSON Lines with "id" and "text") and splitting them as the linter does."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

__all__ = ["CorpusError", "load_corpus", "split_lines", "text_sha1"]

# Same breaks as lint/page.py, so label line numbers are the linter's line numbers.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class CorpusError(ValueError):
    """A corpus file that cannot be read, or a record that is not there."""


def split_lines(text: str) -> list[str]:
    """Lines without their breaks; a trailing break leaves an empty last line, like Page.lines."""
    return _LINE_BREAK.split(text)


def text_sha1(text: str) -> str:
    """SHA-1 of the UTF-8 text: ties a page's labels to the exact text they were made on."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_corpus(path: Path) -> dict[str, str]:
    """Map record id to text, in file order."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CorpusError(f"cannot read corpus {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CorpusError(f"corpus {path} is not UTF-8") from None
    records: dict[str, str] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            raise CorpusError(f"{path}:{number}: a record needs a string \"id\" and \"text\"")
        records[record["id"]] = record["text"]
    return records
