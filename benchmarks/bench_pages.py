"""Pages for the speed benchmark, built from a corpus folder into a temporary folder.

Clean news articles get defects planted the way the quality evaluation plants them
(:mod:`benchmarks.quality.planting`), so every rule does real work; real web pages (with their
own genuine emoji) are used as they are. Nothing read here is kept in the project.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from benchmarks.quality.corpus import QualityError, Record, read_emoji_pool, read_records
from benchmarks.quality.planting import Planter, Sources

__all__ = ["BenchError", "PageSource", "write_folder", "write_sized", "MIXES"]

#: Pages per corpus file in the benchmark folder (zh-news and en-news get defects planted).
MIXES: dict[str, float] = {"zh-news.jsonl": 0.4, "en-news.jsonl": 0.3, "zh-web.jsonl": 0.3}
_NEEDED = (*MIXES, "emoji-test.txt")


class BenchError(Exception):
    """A corpus folder the benchmark cannot use; the message names it."""


@dataclass
class PageSource:
    """An endless, deterministic stream of page texts in the corpus mix."""

    records: dict[str, list[Record]]
    planter: Planter
    rng: random.Random

    @classmethod
    def read(cls, corpus: Path, seed: int = 5) -> "PageSource":
        if not corpus.is_dir():
            raise BenchError(f"{corpus}: not a folder (give the corpus folder, e.g. ../shared/corpus)")
        for name in _NEEDED:
            if not (corpus / name).is_file():
                raise BenchError(f"{corpus / name}: no such file (the benchmark needs {', '.join(_NEEDED)})")
        try:
            records = {name: [r for r in read_records(corpus / name) if r.text.strip()] for name in MIXES}
            pool = read_emoji_pool(corpus / "emoji-test.txt")
        except QualityError as error:
            raise BenchError(str(error)) from None
        rng = random.Random(seed)
        articles = {
            "zh": [r for r in records["zh-news.jsonl"] if r.title.strip()],
            "en": [r for r in records["en-news.jsonl"] if r.title.strip()],
        }
        headlines = {lang: [r.title.strip() for r in items] for lang, items in articles.items()}
        return cls(records, Planter(rng, Sources(articles, headlines, pool)), rng)

    def page(self, name: str) -> str:
        """One page from one corpus file: planted for the news files, as it is for the web file."""
        record = self.rng.choice(self.records[name])
        if name == "zh-web.jsonl":
            return f"{record.title}\n{record.text}\n" if record.title else record.text + "\n"
        return self.planter.page(record).text + "\n"

    def pages(self) -> Iterator[tuple[str, str]]:
        """``(corpus file, text)`` forever, in the :data:`MIXES` proportions."""
        names, weights = list(MIXES), list(MIXES.values())
        while True:
            name = self.rng.choices(names, weights)[0]
            yield name, self.page(name)


def write_folder(source: PageSource, folder: Path, count: int) -> list[tuple[Path, str]]:
    """``count`` pages as files; returns each path with its language (``zh`` or ``en``)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    stream = source.pages()
    for number in range(count):
        name, text = next(stream)
        path = folder / f"{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append((path, "en" if name.startswith("en-") else "zh"))
    return written


def _text_of_size(source: PageSource, size: int) -> str:
    """Pages joined until ``size`` UTF-8 bytes, cut at a line break (or just past ``size``)."""
    parts: list[str] = []
    total = 0
    for _, text in source.pages():
        parts.append(text)
        total += len(text.encode("utf-8"))
        if total >= size:
            break
    joined = "".join(parts)
    cut = joined.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    line_end = cut.rfind("\n")
    return cut[: line_end + 1] if line_end > len(cut) // 2 else cut


def write_sized(source: PageSource, folder: Path, size: int, total: int, one_line: bool = False) -> int:
    """Pages of about ``size`` bytes, ``total`` bytes in all; ``one_line`` joins each page's lines.

    Returns the bytes written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(max(1, round(total / size))):
        text = _text_of_size(source, size)
        if one_line:
            text = text.replace("\n", " ").rstrip() + "\n"
        data = text.encode("utf-8")
        (folder / f"{number:05d}.txt").write_bytes(data)
        written += len(data)
    return written
