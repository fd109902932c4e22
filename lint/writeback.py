"""Write a fixed page back: same encoding and BOM, atomically, or not at all.

The new bytes go to a temporary file in the same folder, are flushed to disk, and replace the
page with ``os.replace``: a run killed at any moment leaves the old file or the new one, never
a half-written one. If the page changed on disk since it was read, it is left alone.

The folder itself is not fsynced after the rename: after a power cut the rename may be lost,
which leaves the old page (still whole); syncing every folder entry cost more than the fix.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lint.decode import Decoded, encode_text

__all__ = ["WriteBackError", "Snapshot", "snapshot", "check_round_trip", "write_back", "TEMP_SUFFIX"]

#: Temporary files start with a dot and end with this, so discovery never picks them up.
TEMP_SUFFIX = ".scrapelint-tmp"


class WriteBackError(Exception):
    """The page could not be written back; it is unchanged. The message says why."""


@dataclass(frozen=True)
class Snapshot:
    """What the page looked like when it was read, to notice a change before replacing it."""

    data: bytes
    size: int
    inode: int


def snapshot(path: Path, data: bytes) -> Snapshot:
    """Record the bytes just read and the file's identity."""
    info = os.stat(path)
    return Snapshot(data, info.st_size, info.st_ino)


def check_round_trip(decoded: Decoded, data: bytes) -> str | None:
    """Why this file cannot be written back byte for byte, or ``None`` when it can."""
    if not decoded.lossless:
        return f"decoding as {decoded.encoding} is not lossless, so writing it back would change other bytes"
    try:
        same = encode_text(decoded.text, decoded) == data
    except UnicodeEncodeError:
        same = False
    if not same:
        return f"re-encoding as {decoded.encoding} does not give back the same bytes"
    return None


def write_back(path: Path, text: str, decoded: Decoded, before: Snapshot) -> None:
    """Replace ``path`` with ``text`` encoded like the original; raise :class:`WriteBackError`."""
    try:
        data = encode_text(text, decoded)
    except UnicodeEncodeError as error:
        raise WriteBackError(
            f"the fixed text has {error.object[error.start:error.end]!r}, which {decoded.encoding} cannot encode"
        ) from None
    target = Path(os.path.realpath(path))  # write through a symlink, keep the link
    try:
        info = os.stat(target)
    except OSError as error:
        raise WriteBackError(f"cannot write back: {error.strerror or error}") from None
    if not os.access(target, os.W_OK) or not info.st_mode & 0o222:
        raise WriteBackError("the file is read-only")  # even for root: a read-only page is kept
    _unchanged_since(target, before)
    temp = _write_temp(target, data, info)
    try:
        _unchanged_since(target, before)
        os.replace(temp, target)
    except BaseException as error:
        _remove(temp)
        if isinstance(error, OSError):
            raise WriteBackError(f"cannot replace the file: {error.strerror or error}") from None
        raise


def _unchanged_since(path: Path, before: Snapshot) -> None:
    """Raise when the file on disk is no longer the one that was read and fixed."""
    try:
        info = os.stat(path)
        current = path.read_bytes() if info.st_size == before.size else None
    except OSError as error:
        raise WriteBackError(f"cannot read it again before writing: {error.strerror or error}") from None
    if current != before.data or info.st_ino != before.inode:
        raise WriteBackError("the file changed on disk while it was being fixed; left as it is now")


def _write_temp(target: Path, data: bytes, info: os.stat_result) -> str:
    """A flushed temporary copy with the original's permissions, next to the target."""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as error:
        raise WriteBackError(f"cannot create a temporary file in {target.parent}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temp, info.st_uid, info.st_gid)
            except OSError:
                pass  # only the owner or root may give a file away; the mode is kept regardless
    except BaseException as error:
        _remove(temp)
        if isinstance(error, OSError):
            raise WriteBackError(f"cannot write a temporary file: {error.strerror or error}") from None
        raise
    return temp


def _remove(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass
