"""Real pages labelled by hand (tests/data/real-labels.jsonl): labels in the repo, text in the corpus.

Each label line is ``{"corpus_file", "id", "n_lines", "text_sha1", "lines": {"3": ["CHR"]}}``
(the format ``python -m benchmarks.labelling`` writes). The text is read from the corpus by id;
a page whose text no longer matches its checksum or line count is skipped and reported, because
its line numbers may not point at the lines that were labelled.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.quality.corpus import QualityError, json_lines, read_records, split_lines

__all__ = ["LabelledPage", "RealPages", "read_labels", "resolve_pages"]


@dataclass(frozen=True)
class LabelledPage:
    corpus_file: str
    id: str
    n_lines: int
    text_sha1: str
    lines: dict[int, tuple[str, ...]]


@dataclass
class RealPages:
    """Pages whose text was found and matches, and why others were skipped."""

    pages: list[tuple[LabelledPage, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_labels(path: Path) -> list[LabelledPage]:
    """Every page label in the file; a malformed line is a :class:`QualityError` naming it."""
    return [_page(data, where) for data, where in json_lines(path)]


def _page(data: object, where: str) -> LabelledPage:
    try:
        lines = {int(key): tuple(str(family).upper() for family in families) for key, families in data["lines"].items()}
        page = LabelledPage(str(data["corpus_file"]), str(data["id"]), int(data["n_lines"]), str(data["text_sha1"]), lines)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise QualityError(f"{where}: not a page label (needs corpus_file, id, n_lines, text_sha1, lines)") from None
    if any(not 1 <= number <= page.n_lines for number in lines):
        raise QualityError(f"{where}: a labelled line is outside 1..{page.n_lines}")
    if Path(page.corpus_file).name != page.corpus_file:
        raise QualityError(f"{where}: corpus_file must be a file name in the corpus folder, not {page.corpus_file!r}")
    return page


def resolve_pages(labels: list[LabelledPage], corpus_dir: Path, strict: bool = True) -> RealPages:
    """Attach each label's text from the corpus; pages that do not match are skipped with a reason.

    A corpus file the labels name but the corpus lacks is an error when ``strict`` (the user
    asked for these labels), else its pages are skipped.
    """
    texts: dict[str, dict[str, str] | None] = {}
    result = RealPages()
    for page in labels:
        if page.corpus_file not in texts:
            path = corpus_dir / page.corpus_file
            if strict or path.is_file():
                texts[page.corpus_file] = {record.id: record.text for record in read_records(path)}
            else:
                texts[page.corpus_file] = None
        records = texts[page.corpus_file]
        text = None if records is None else records.get(page.id)
        if records is None:
            result.skipped.append(f"{page.corpus_file} {page.id}: {page.corpus_file} is not in the corpus")
        elif text is None:
            result.skipped.append(f"{page.corpus_file} {page.id}: no such record")
        elif hashlib.sha1(text.encode("utf-8")).hexdigest() != page.text_sha1:
            result.skipped.append(f"{page.corpus_file} {page.id}: text changed since it was labelled (sha1)")
        elif len(split_lines(text)) != page.n_lines:
            result.skipped.append(f"{page.corpus_file} {page.id}: {len(split_lines(text))} lines, labelled with {page.n_lines}")
        else:
            result.pages.append((page, text))
    return result
