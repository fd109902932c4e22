"""What every shard format shares: a record, a broken record, the fields to read, errors, output.

A reader turns a shard's bytes into :class:`Record` objects (a page's text with its id and
position) and :class:`BrokenRecord` objects (a record that cannot be a page, and why), so one
bad record costs that record only. A problem that stops the rest of the shard from being read
(a truncated gzip stream, a file that is not Parquet) is a :class:`ShardError`.
"""

from __future__ import annotations

import os
import random
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

__all__ = [
    "Fields",
    "Record",
    "BrokenRecord",
    "ShardError",
    "describe",
    "record_id",
    "sample",
    "atomic_output",
    "require",
]


class ShardError(Exception):
    """The shard (or the rest of it) cannot be read or written; the message says why."""


@dataclass(frozen=True)
class Fields:
    """Which field holds a record's text and which its id (``--text-field``, ``--id-field``)."""

    text: str = "text"
    id: str = "id"


@dataclass(frozen=True, slots=True)
class Record:
    """One page from a shard: its position (from 0), its id (``None`` when it has none), its text."""

    index: int
    id: str | None
    text: str


@dataclass(frozen=True, slots=True)
class BrokenRecord:
    """A record that cannot be checked: its position and the reason (the other records go on)."""

    index: int
    reason: str


def require(module: str, extra: str = "corpus") -> Any:
    """Import a format's library, or raise :class:`ShardError` naming the extra that brings it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ShardError(f"{module} is not installed (pip install 'scrapelint[{extra}]')") from None


def describe(value: Any) -> str:
    """A JSON-ish name for a value's type, for messages about a field of the wrong type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def record_id(value: Any) -> str | None:
    """A record's id as text: strings as they are, numbers written out, nothing as ``None``."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else str(value)


def sample(items: Iterable[Record | BrokenRecord], size: int | None, seed: int = 0) -> Iterator[Record | BrokenRecord]:
    """All items, or ``size`` of them drawn uniformly (reservoir sampling), in shard order.

    The seed is fixed, so the same shard gives the same sample on every run and every machine.
    """
    if size is None:
        yield from items
        return
    chooser = random.Random(seed)
    kept: list[Record | BrokenRecord] = []
    for seen, item in enumerate(items):
        if len(kept) < size:
            kept.append(item)
            continue
        slot = chooser.randrange(seen + 1)
        if slot < size:
            kept[slot] = item
    yield from sorted(kept, key=lambda item: item.index)


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``target`` only when the block ends without an error.

    The bytes go to a hidden temporary file in the same folder, are flushed to disk and renamed
    over the target, so a run stopped at any moment leaves no half-written shard.
    """
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".scrapelint-tmp", dir=target.parent)
    except OSError as error:
        raise ShardError(f"cannot create a temporary file in {target.parent}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise ShardError(f"cannot write {target.name}: {error.strerror or error}") from None
        raise
