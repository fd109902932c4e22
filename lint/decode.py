"""Turn a file's bytes into text once, and remember how to write it back byte for byte.

UTF-8 (with or without BOM) is tried first; UTF-16/32 by BOM; anything else goes to
charset-normalizer (GB18030/GBK, Big5, Shift-JIS, ...). Binary files and UTF-8 files with
broken bytes are refused with a reason rather than guessed at.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

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


class Decoded(NamedTuple):
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
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        return _refuse_nul(Decoded(text, "utf-8"), data)
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

    binary_looking = b"\x00" in data[:8192] or _looks_binary(data)
    best = from_bytes(data).best()
    if best is None:
        raise BinaryFile("binary file (no text encoding fits), skipped")
    encoding = codecs.lookup(best.encoding).name
    if binary_looking and not encoding.startswith(("utf-16", "utf-32")):
        raise BinaryFile("binary file, skipped")
    if encoding in ("gbk", "gb2312"):
        encoding = "gb18030"  # a superset: decodes every GBK page and encodes it back identically
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"detected {encoding} but byte {error.start} does not decode") from None
    lossless = text.encode(encoding, errors="replace") == data
    return _refuse_nul(Decoded(text, encoding, b"", lossless), data)


def _refuse_nul(decoded: Decoded, data: bytes) -> Decoded:
    """Text with NUL characters: mostly NULs is binary (skipped); a few is a damaged page (error)."""
    nul = decoded.text.find("\x00")
    if nul < 0:
        return decoded
    if decoded.text.count("\x00") * 20 > len(decoded.text) or _looks_binary(data):
        raise BinaryFile("binary file (NUL bytes), skipped")
    raise DecodeError(f"NUL character at offset {nul} in a {decoded.encoding.upper()} text file; not checked")


def _looks_binary(data: bytes) -> bool:
    """Control bytes other than tab, newline, carriage return and form feed in the first 8 KiB."""
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in (9, 10, 12, 13, 0))
    return controls * 50 > len(sample)
