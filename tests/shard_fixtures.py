"""Small shards for the record tests, built from text written here (never from the corpus)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

#: (id, text): pages with known defects, and clean ones
PAGES: tuple[tuple[str, str], ...] = (
    ("farm", "文 | 财华社 文 | 财华社 英伟达宣布新的芯片。\n浏览次数:2055\n正文内容继续。"),
    ("clean-en", "A clean page about the harvest.\nFarmers planted early this year."),
    ("byline-en", "By Jane Doe By Jane Doe The market rose today.\n12,345 views"),
    ("clean-zh", "春耕备耕有序推进。\n各地农民抓住时机播种。"),
    ("chrome", "春耕备耕有序推进，各地农民抓住时机播种。展开全文\n农业部门加强技术指导。"),
)


def records(count: int, extra: bool = True) -> list[dict[str, Any]]:
    """``count`` records cycling through :data:`PAGES`, each with a unique id and other fields."""
    rows = []
    for index in range(count):
        name, text = PAGES[index % len(PAGES)]
        row: dict[str, Any] = {"id": f"{name}-{index}", "text": text}
        if extra:
            row.update({"source": "test", "score": index / 10, "tags": ["a", "b"]})
        rows.append(row)
    return rows


def jsonl_bytes(rows: list[Any]) -> bytes:
    """One line per row; a string row is written as it is (to plant broken lines)."""
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    data = jsonl_bytes(rows)
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], row_group_size: int = 64) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows)
    table = table.replace_schema_metadata({b"made-by": b"scrapelint tests"})
    pq.write_table(table, path, row_group_size=row_group_size, compression="zstd")
    return path


def write_warc(path: Path, rows: list[dict[str, Any]]) -> Path:
    """A WARC (HTML responses, with a warcinfo and request records around them) or a WET (conversions)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    wet = ".wet" in path.name
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "scrapelint tests"}))
    for row in rows:
        uri = f"https://example.test/{row['id']}"
        body = row["text"].encode("utf-8")
        if wet:
            record = writer.create_warc_record(uri, "conversion", payload=io.BytesIO(body), length=len(body),
                                               warc_content_type="text/plain")
        else:
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), length=0,
                                                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                               http_headers=headers)
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


def write_shard(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write ``rows`` in the format the file name asks for."""
    name = path.name
    if ".jsonl" in name:
        return write_jsonl(path, rows)
    if name.endswith(".parquet"):
        return write_parquet(path, rows)
    return write_warc(path, rows)
