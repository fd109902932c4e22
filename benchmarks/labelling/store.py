"""The label file: one JSON object per labelled page, sorted, written atomically."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["FAMILIES", "LabelError", "PageLabels", "load_labels", "save_labels", "parse_lines", "parse_families"]

# Canonical order, also the order families are written in for one line.
FAMILIES: tuple[str, ...] = ("EMJ", "OFT", "BYL", "VWC", "CHR", "SPM", "DUP", "MKP")


class LabelError(ValueError):
    """Bad label input or a label file that does not parse."""


@dataclass
class PageLabels:
    """Labels of one page; a line without an entry is clean article text."""

    corpus_file: str
    id: str
    n_lines: int
    text_sha1: str
    lines: dict[int, list[str]] = field(default_factory=dict)

    def add(self, numbers: list[int], families: list[str]) -> None:
        for number in numbers:
            merged = set(self.lines.get(number, [])) | set(families)
            self.lines[number] = [family for family in FAMILIES if family in merged]

    def remove(self, numbers: list[int], families: list[str]) -> None:
        for number in numbers:
            kept = [family for family in self.lines.get(number, []) if family not in families]
            if kept:
                self.lines[number] = kept
            else:
                self.lines.pop(number, None)

    def to_json(self) -> dict:
        return {
            "corpus_file": self.corpus_file,
            "id": self.id,
            "n_lines": self.n_lines,
            "text_sha1": self.text_sha1,
            "lines": {str(number): self.lines[number] for number in sorted(self.lines)},
        }

    @classmethod
    def from_json(cls, data: object, where: str) -> PageLabels:
        try:
            assert isinstance(data, dict)
            lines = {int(number): list(families) for number, families in data["lines"].items()}
            return cls(str(data["corpus_file"]), str(data["id"]), int(data["n_lines"]), str(data["text_sha1"]), lines)
        except (AssertionError, KeyError, TypeError, ValueError, AttributeError):
            raise LabelError(f"{where}: not a page label (needs corpus_file, id, n_lines, text_sha1, lines)") from None


def load_labels(path: Path) -> list[PageLabels]:
    """All page labels in the file; a missing file is an empty label set."""
    if not path.exists():
        return []
    pages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelError(f"{path}:{number}: not JSON ({exc.msg})") from None
        pages.append(PageLabels.from_json(data, f"{path}:{number}"))
    return pages


def save_labels(path: Path, pages: list[PageLabels]) -> None:
    """Write sorted by corpus file and id, through a temporary file so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(pages, key=lambda page: (page.corpus_file, page.id))
    body = "".join(json.dumps(page.to_json(), ensure_ascii=False) + "\n" for page in ordered)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(body, encoding="utf-8")
    os.replace(temporary, path)


def parse_lines(spec: str) -> list[int]:
    """``3``, ``5-15`` or ``3,7,9-11`` into sorted 1-based line numbers."""
    numbers: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        low, dash, high = part.partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            raise LabelError(f"bad line spec {spec!r}: use 3, 5-15 or 3,7,9")
        first, last = int(low), int(high) if dash else int(low)
        if first < 1 or last < first:
            raise LabelError(f"bad line range {part!r}: lines start at 1 and ranges go up")
        numbers.update(range(first, last + 1))
    return sorted(numbers)


def parse_families(spec: str) -> list[str]:
    """``OFT`` or ``oft,vwc`` into known family codes."""
    families = [part.strip().upper() for part in spec.split(",") if part.strip()]
    unknown = [family for family in families if family not in FAMILIES]
    if not families or unknown:
        raise LabelError(f"unknown family {', '.join(unknown) or spec!r}: use {', '.join(FAMILIES)}")
    return families
