"""Parquet shards: one row per record, text and id from named columns (pyarrow).

Only the text and id columns are read to check a shard, a batch at a time, so memory stays
small on wide tables. A fixed shard keeps the schema (with its metadata), every other column,
the row groups and the compression codec; only the text of fixed rows changes.
"""

from __future__ import annotations

from typing import Any, BinaryIO, Iterator, Mapping

from lint.records import ShardFormat
from lint.records.base import BrokenRecord, Fields, Record, ShardError, record_id, require

__all__ = ["read", "write_fixed"]

_BATCH = 2048


def _open(data: bytes) -> Any:
    pa = require("pyarrow")
    parquet = require("pyarrow.parquet")
    try:
        return parquet.ParquetFile(pa.BufferReader(data))
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ShardError(f"not a readable Parquet file: {error}") from None


def _text_column(file: Any, fields: Fields) -> int:
    """Position of the text column; a missing or non-string column stops the shard."""
    pa = require("pyarrow")
    schema = file.schema_arrow
    if fields.text not in schema.names:
        names = ", ".join(repr(name) for name in schema.names[:12])
        raise ShardError(f"no column {fields.text!r} (columns: {names}); choose one with --text-field")
    field = schema.field(fields.text)
    string_types = (pa.types.is_string, pa.types.is_large_string, getattr(pa.types, "is_string_view", lambda _: False))
    if not any(check(field.type) for check in string_types):
        raise ShardError(f"column {fields.text!r} holds {field.type}, not strings; choose the text with --text-field")
    return schema.get_field_index(fields.text)


def read(data: bytes, fmt: ShardFormat, fields: Fields) -> Iterator[Record | BrokenRecord]:
    """Every row of the shard as a record, in order."""
    pa = require("pyarrow")
    file = _open(data)
    _text_column(file, fields)
    has_id = fields.id in file.schema_arrow.names and fields.id != fields.text
    columns = [fields.text, fields.id] if has_id else [fields.text]
    index = 0
    try:
        for batch in file.iter_batches(batch_size=_BATCH, columns=columns):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if has_id else [None] * len(texts)
            for text, identifier in zip(texts, ids):
                if text is None:
                    yield BrokenRecord(index, f"{fields.text!r} is null")
                else:
                    yield Record(index, record_id(identifier), text)
                index += 1
    except (pa.ArrowException, OSError) as error:
        raise ShardError(f"cannot read row {index} on: {error}") from None


def write_fixed(data: bytes, fmt: ShardFormat, fields: Fields, fixed: Mapping[int, str], out: BinaryIO) -> None:
    """Write the shard to ``out`` with the text of the rows in ``fixed`` replaced."""
    pa = require("pyarrow")
    parquet = require("pyarrow.parquet")
    file = _open(data)
    position = _text_column(file, fields)
    schema = file.schema_arrow
    metadata = file.metadata
    codec = metadata.row_group(0).column(position).compression if metadata.num_row_groups else "snappy"
    changes = sorted(fixed.items())
    writer = parquet.ParquetWriter(out, schema, compression=codec if codec != "UNCOMPRESSED" else "none")
    start = 0
    cursor = 0
    for group in range(file.num_row_groups):
        table = file.read_row_group(group)
        end = start + table.num_rows
        if cursor < len(changes) and changes[cursor][0] < end:
            values = table.column(position).to_pylist()
            while cursor < len(changes) and changes[cursor][0] < end:
                row, text = changes[cursor]
                values[row - start] = text
                cursor += 1
            field = schema.field(position)
            table = table.set_column(position, field, pa.array(values, type=field.type))
        writer.write_table(table)
        start = end
    writer.close()
