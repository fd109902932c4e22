"""Turn a file's bytes into text once, and remember how to write it back byte for byte.

UTF-8 (with or without BOM) is tried first; UTF-16/32 by BOM; anything else goes to
charset-normalizer (GB18030/GBK, Big5, Shift-JIS, ...). Binary files and UTF-8 files with
broken bytes are refused with a reason rather than guessed at.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

__all__ = ["Decoded", "DecodeError", "BinaryFile", "decode_bytes", "encode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(Exception):
    """The bytes are not text we can read without losing something; the message says why."""


class BinaryFile(DecodeError):
    """The file is not text at all (skipped with a notice, not an error)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and what is needed to encode it back exactly."""

    text: str
    encoding: str
    bom: bytes = b""
    lossless: bool = True  # encoding the text back gives the same bytes

    @property
    def newline(self) -> str:
        """The file's newline style, from its first line break."""
        for index, char in enumerate(self.text):
            if char == "\n":
                return "\n"
            if char == "\r":
                return "\r\n" if self.text.startswith("\n", index + 1) else "\r"
        return "\n"


def encode_text(text: str, decoded: Decoded) -> bytes:
    """Encode text the way the original file was encoded (BOM included)."""
    return decoded.bom + text.encode(decoded.encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a page's bytes, or raise :class:`DecodeError` / :class:`BinaryFile` with a reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid {encoding.upper()} at byte {error.start + len(bom)} after a {encoding.upper()} byte-order mark") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8(data):
        bad = data[utf8_error.start : utf8_error.start + 1].hex()
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} (0x{bad}) in a file that is otherwise UTF-8")
    return _detect(data)


def _mostly_utf8(data: bytes) -> bool:
    """True when almost every non-ASCII byte is part of a valid UTF-8 sequence."""
    high = sum(1 for byte in data[:65536] if byte >= 0x80)
    if high == 0:
        return False
    sample = data[:65536].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    multibyte = sum(1 for char in sample if ord(char) >= 0x80 and char != "\ufffd")
    return multibyte >= 4 and bad * 10 <= multibyte


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 files

    if b"\x00" in data[:8192] and not _looks_utf16(data):
        raise BinaryFile("binary file (NUL bytes), skipped")
    best = from_bytes(data).best()
    if best is None:
        raise BinaryFile("binary file (no text encoding fits), skipped")
    encoding = codecs.lookup(best.encoding).name
    if encoding in ("gbk", "gb2312"):
        encoding = "gb18030"  # a superset: decodes every GBK page and encodes it back identically
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"detected {encoding} but byte {error.start} does not decode") from None
    if "\x00" in text:
        raise BinaryFile("binary file (NUL characters), skipped")
    lossless = text.encode(encoding, errors="replace") == data
    return Decoded(text, encoding, b"", lossless)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: NUL in every other byte of ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even, odd) > half * 0.3 and min(even, odd) < half * 0.05
