"""JSON Lines shards (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``): one JSON object per line.

A record is a non-blank line; its index counts records from 0 (blank lines are skipped). A
fixed shard keeps every line that did not change byte for byte; a changed record keeps its
fields and their order, and is written in the style of its line (compact or spaced separators,
escaped or literal non-ASCII) whenever that style can be recognised.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from typing import Any, BinaryIO, Iterator, Mapping

from lint.records import ShardFormat
from lint.records.base import BrokenRecord, Fields, Record, ShardError, describe, record_id, require

__all__ = ["read", "write_fixed"]

_CHUNK = 1 << 20
_MISSING = object()
_BOM = b"\xef\xbb\xbf"
_STYLES = tuple((ascii_only, separators) for ascii_only in (False, True) for separators in ((", ", ": "), (",", ":")))


def _zstd_lines(data: bytes) -> Iterator[bytes]:
    """Lines of a Zstandard stream (one frame or several), refusing a truncated one."""
    zstandard = require("zstandard")
    rest = data
    pending = b""
    while rest:
        decompressor = zstandard.ZstdDecompressor().decompressobj()
        position = 0
        try:
            while position < len(rest) and not decompressor.eof:
                piece = decompressor.decompress(rest[position:position + _CHUNK])
                position += _CHUNK
                if piece:
                    pending += piece
                    *lines, pending = pending.split(b"\n")
                    for line in lines:
                        yield line + b"\n"
        except zstandard.ZstdError as error:
            raise ShardError(f"not a valid Zstandard stream: {error}") from None
        if not decompressor.eof:
            raise ShardError("the Zstandard stream is truncated (it ends inside a frame)")
        rest = decompressor.unused_data
    if pending:
        yield pending


def _lines(data: bytes, fmt: ShardFormat) -> Iterator[bytes]:
    """The shard's lines (with their line breaks), decompressed as a stream."""
    if fmt.compression == "zstd":
        yield from _zstd_lines(data)
        return
    if fmt.compression == "gzip":
        stream: BinaryIO = gzip.GzipFile(fileobj=io.BytesIO(data))
        try:
            yield from stream
        except (OSError, EOFError, zlib.error) as error:
            raise ShardError(f"cannot decompress gzip: {error}") from None
        return
    yield from io.BytesIO(data)


def _parse(line: bytes, number: int, fields: Fields) -> tuple[dict[str, Any] | None, str]:
    """The record's object, or ``None`` and the reason it is broken."""
    try:
        # without the line break, so an error at the end of the line has its column; a UTF-8
        # byte-order mark (at the start of a file) is not part of the record
        value = json.loads(line.rstrip(b"\r\n").removeprefix(_BOM))
    except UnicodeDecodeError as error:
        return None, f"line {number} is not valid UTF-8 (byte {error.start})"
    except json.JSONDecodeError as error:
        return None, f"not valid JSON (line {number}, column {error.colno}: {error.msg})"
    if not isinstance(value, dict):
        return None, f"line {number} is {describe(value)}, not a JSON object"
    return value, ""


def text_problem(value: Any, fields: Fields, keys: Any) -> str:
    """Why a record's text field cannot be a page ("" when it can)."""
    if value is _MISSING:
        names = ", ".join(repr(key) for key in list(keys)[:8]) or "none"
        return f"no {fields.text!r} field (fields: {names}); choose one with --text-field"
    if not isinstance(value, str):
        return f"{fields.text!r} is {describe(value)}, not a string"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"{fields.text!r} holds a lone surrogate at offset {error.start}: not valid Unicode"
    return ""


def read(data: bytes, fmt: ShardFormat, fields: Fields) -> Iterator[Record | BrokenRecord]:
    """Every record of the shard, in order; raises :class:`ShardError` when the stream breaks."""
    index = 0
    for number, line in enumerate(_lines(data, fmt), 1):
        if not line.strip():
            continue
        value, reason = _parse(line, number, fields)
        if value is None:
            yield BrokenRecord(index, reason)
            index += 1
            continue
        text = value.get(fields.text, _MISSING)
        reason = text_problem(text, fields, value.keys())
        if reason:
            yield BrokenRecord(index, reason)
        else:
            yield Record(index, record_id(value.get(fields.id)), text)
        index += 1


def _dump_like(original: bytes, value: dict[str, Any], changed: dict[str, Any]) -> bytes:
    """``changed`` serialised in the style of ``original`` (the line ``value`` was read from)."""
    bom = _BOM if original.startswith(_BOM) else b""
    stripped = original.removeprefix(bom).strip().decode("utf-8")
    for ascii_only, separators in _STYLES:
        if json.dumps(value, ensure_ascii=ascii_only, separators=separators) == stripped:
            return bom + json.dumps(changed, ensure_ascii=ascii_only, separators=separators).encode("utf-8")
    return bom + json.dumps(changed, ensure_ascii=False).encode("utf-8")


def _compressor(out: BinaryIO, fmt: ShardFormat):
    if fmt.compression == "gzip":
        return gzip.GzipFile(fileobj=out, mode="wb", mtime=0)
    if fmt.compression == "zstd":
        return require("zstandard").ZstdCompressor().stream_writer(out, closefd=False)
    return None


def write_fixed(data: bytes, fmt: ShardFormat, fields: Fields, fixed: Mapping[int, str], out: BinaryIO) -> None:
    """Write the shard to ``out`` with the text of the records in ``fixed`` replaced."""
    compressor = _compressor(out, fmt)
    sink = compressor if compressor is not None else out
    index = 0
    for number, line in enumerate(_lines(data, fmt), 1):
        if not line.strip():
            sink.write(line)
            continue
        if index in fixed:
            value, _ = _parse(line, number, fields)
            assert value is not None, "a record that was fixed was read"
            changed = dict(value)
            changed[fields.text] = fixed[index]
            ending = line[len(line.rstrip(b"\r\n")):]
            line = _dump_like(line, value, changed) + ending
        sink.write(line)
        index += 1
    if compressor is not None:
        compressor.close()
