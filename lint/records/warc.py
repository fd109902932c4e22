"""WARC and WET shards (``.warc``, ``.warc.gz``, ``.wet``, ``.wet.gz``), read and written with warcio.

Pages are the records that hold a document: ``conversion`` records (the plain text of a WET
file), ``resource`` records, and ``response`` records whose HTTP payload is text (the HTML as
served). Request, metadata, warcinfo and non-text responses are skipped. A record's index is its
position among all the WARC records of the file (from 0), so it points at the same record
whichever types are skipped. Its id is ``WARC-Target-URI`` (or ``WARC-Record-ID`` when there is
none); ``--id-field`` may name another WARC header instead.

A fixed shard copies every record it does not change; a changed record gets its new payload,
with ``Content-Length`` and the payload digest computed again (a response's HTTP body is then
written without transfer or content encoding, in the charset it was read in).
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO, Iterator, Mapping

from lint.decode import BinaryFile, DecodeError, Decoded, decode_bytes, encode_text
from lint.records import ShardFormat
from lint.records.base import BrokenRecord, Fields, Record, ShardError, require

__all__ = ["read", "write_fixed"]

PAGE_TYPES = frozenset({"conversion", "resource", "response"})
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/json")
_RECOMPUTED = frozenset({"content-length", "warc-payload-digest", "warc-block-digest"})
_HTTP_RECOMPUTED = frozenset({"content-length", "content-encoding", "transfer-encoding"})


def _records(data: bytes) -> Iterator[Any]:
    """warcio records of the shard (gzip per record or not), refusing a broken stream."""
    archive = require("warcio.archiveiterator", "corpus")
    try:
        for record in archive.ArchiveIterator(io.BytesIO(data), arc2warc=True):
            yield record
    except ShardError:
        raise
    except Exception as error:  # warcio raises ArchiveLoadFailed, ValueError, EOFError, zlib errors
        raise ShardError(f"not a readable WARC file: {type(error).__name__}: {error}") from None


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").strip().lower()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _decode(payload: bytes, content_type: str) -> Decoded:
    """The payload as text: the declared charset when it decodes, else detection (lint.decode)."""
    charset = _charset(content_type)
    if charset:
        try:
            import codecs

            encoding = codecs.lookup(charset).name
            return Decoded(payload.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload)


def _identifier(record: Any, fields: Fields) -> str | None:
    headers = record.rec_headers
    if fields.id != "id":
        return headers.get_header(fields.id)
    return headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID")


def _page(record: Any) -> tuple[Decoded | None, str]:
    """The record's text, or ``None`` with a reason ("" when it is not a page at all)."""
    if record.rec_type not in PAGE_TYPES:
        return None, ""
    content_type = _content_type(record)
    if record.rec_type == "response" and (record.http_headers is None or not content_type.startswith(_TEXT_TYPES)):
        return None, ""
    try:
        payload = record.content_stream().read()
    except Exception as error:  # a broken chunked or gzip body: this record only
        return None, f"cannot read the payload: {type(error).__name__}: {error}"
    try:
        return _decode(payload, content_type), ""
    except BinaryFile:
        return None, ""
    except DecodeError as error:
        return None, str(error)


def read(data: bytes, fmt: ShardFormat, fields: Fields) -> Iterator[Record | BrokenRecord]:
    """Every page record of the shard, in order."""
    for index, record in enumerate(_records(data)):
        decoded, reason = _page(record)
        if reason:
            yield BrokenRecord(index, reason)
        elif decoded is not None:
            yield Record(index, _identifier(record, fields), decoded.text)


def _headers_without(headers: Any, names: frozenset[str]) -> Any:
    statusheaders = require("warcio.statusandheaders", "corpus")
    kept = [(name, value) for name, value in headers.headers if name.lower() not in names]
    return statusheaders.StatusAndHeaders(headers.statusline, kept, protocol=headers.protocol)


def _rebuilt(writer: Any, record: Any, text: str, decoded: Decoded) -> Any:
    """A copy of ``record`` whose payload is ``text``, encoded as it was read."""
    body = encode_text(text, decoded)
    warc_headers = _headers_without(record.rec_headers, _RECOMPUTED)
    http_headers = None
    if record.rec_type == "response":
        http_headers = _headers_without(record.http_headers, _HTTP_RECOMPUTED)
        http_headers.add_header("Content-Length", str(len(body)))
    uri = record.rec_headers.get_header("WARC-Target-URI")
    return writer.create_warc_record(
        uri, record.rec_type, payload=io.BytesIO(body), length=len(body),
        warc_content_type=record.rec_headers.get_header("Content-Type") or "",
        warc_headers=warc_headers, http_headers=http_headers,
    )


def write_fixed(data: bytes, fmt: ShardFormat, fields: Fields, fixed: Mapping[int, str], out: BinaryIO) -> None:
    """Write the shard to ``out`` with the payload of the records in ``fixed`` replaced."""
    warcwriter = require("warcio.warcwriter", "corpus")
    writer = warcwriter.WARCWriter(out, gzip=fmt.suffix.endswith(".gz"))
    for index, record in enumerate(_records(data)):
        if index in fixed:
            decoded, _ = _page(record)
            assert decoded is not None, "a record that was fixed was read"
            record = _rebuilt(writer, record, fixed[index], decoded)
        writer.write_record(record)
