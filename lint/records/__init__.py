"""Pages from records: shards of JSON Lines, Parquet and WARC/WET, chosen by file suffix.

A shard holds many pages. Each format has its own module (a reader and a writer for fixed
shards) imported only when a shard of that format is met, so a run over plain ``.txt`` pages
never imports pyarrow, zstandard or warcio. This module is only the registry: suffix -> format.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

__all__ = ["ShardFormat", "FORMATS", "shard_format", "is_shard", "fixed_path", "reader", "SHARD_GLOBS", "cache_variant"]


class ShardFormat(NamedTuple):
    """A shard format: the suffix that names it, the module that reads it, its compression."""

    suffix: str
    module: str
    compression: str = ""  # "", "gzip" or "zstd" (WARC handles its own per-record gzip)
    extra: str = "corpus"  # the pip extra holding the libraries it needs ("" when none)


#: Longest suffixes first, so ``.jsonl.gz`` wins over ``.gz`` endings of other formats.
FORMATS: tuple[ShardFormat, ...] = (
    ShardFormat(".jsonl.zst", "lint.records.jsonl", "zstd"),
    ShardFormat(".jsonl.gz", "lint.records.jsonl", "gzip", extra=""),
    ShardFormat(".jsonl", "lint.records.jsonl", extra=""),
    ShardFormat(".parquet", "lint.records.parquet"),
    ShardFormat(".warc.gz", "lint.records.warc"),
    ShardFormat(".warc", "lint.records.warc"),
    ShardFormat(".wet.gz", "lint.records.warc"),
    ShardFormat(".wet", "lint.records.warc"),
)

_SUFFIXES = tuple(fmt.suffix for fmt in FORMATS)

#: Globs for ``--include`` that pick up every shard format in a folder.
SHARD_GLOBS: tuple[str, ...] = tuple(f"*{fmt.suffix}" for fmt in FORMATS)


def shard_format(path: str | Path) -> ShardFormat | None:
    """The format of a shard named ``path``, or ``None`` for a plain page."""
    name = os.path.basename(path).lower()  # not Path(path): this is asked for every file
    if not name.endswith(_SUFFIXES):
        return None
    for fmt in FORMATS:
        if name.endswith(fmt.suffix) and len(name) > len(fmt.suffix):
            return fmt
    return None


def is_shard(path: str | Path) -> bool:
    return shard_format(path) is not None


def cache_variant(path: str | Path, settings: Any) -> str:
    """What decides a shard's results besides its bytes and rules: the fields read, the sample."""
    if shard_format(path) is None:
        return ""
    return f"records|{settings.text_field}|{settings.id_field}|{settings.sample}"


def fixed_path(path: Path) -> Path:
    """Where ``--fix`` writes a fixed shard: ``NAME.fixed.SUFFIX`` beside it, never in place."""
    fmt = shard_format(path)
    if fmt is None:
        raise ValueError(f"{path} is not a shard")
    cut = len(path.name) - len(fmt.suffix)
    return path.with_name(path.name[:cut] + ".fixed" + path.name[cut:])


def reader(fmt: ShardFormat) -> ModuleType:
    """The format's module; raises :class:`~lint.records.base.ShardError` when its extra is missing."""
    from lint.records.base import ShardError

    try:
        return importlib.import_module(fmt.module)
    except ImportError as error:
        missing = getattr(error, "name", None) or str(error)
        hint = f" (pip install 'scrapelint[{fmt.extra}]')" if fmt.extra else ""
        raise ShardError(f"reading {fmt.suffix} shards needs {missing}, which is not installed{hint}") from None
