"""A content-addressed cache of per-file results, so an unchanged page is never checked twice.

An entry's key is a blake2b hash of the file's bytes together with everything else that decides
its findings: scrapelint's version, every loaded plugin's name and version, a stamp of the
plugin code on disk (so an edited plugin in a development checkout is not served stale results),
the ``regex`` and Unicode versions (they decide what an emoji is), and the rules active for that
file with their options. So editing one page misses that page only, and changing one rule's
option misses only the files that rule runs on.

Entries are small files written to a temporary name and renamed into place, so parallel
processes (pre-commit runs batches side by side) never see a half-written entry. The payload is
``marshal`` data (built in, so nothing to import at start-up, and the format Python trusts for
its own ``__pycache__``), zlib-compressed when large, behind a blake2b checksum: an entry that
is damaged in any way is a miss, never an error, and never reaches ``marshal``.
"""

from __future__ import annotations

import marshal
import os
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

try:  # blake2b without hashlib, which loads OpenSSL: start-up matters for pre-commit
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - not CPython
    from hashlib import blake2b

from lint import __version__
from lint.files import read_whole
from lint.model import Applicability, Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from typing import Iterable, Iterator

    from lint.config import Settings
    from lint.plugin_manager import LoadedPlugins
    from lint.runner import FileResult
    from lint.selection import ActiveRule

__all__ = ["CacheError", "ResultCache", "DEFAULT_CACHE_DIR", "environment_stamp", "files_stamp", "rule_rows", "write_atomic"]

DEFAULT_CACHE_DIR = ".scrapelint_cache"
FORMAT = "v2"  # bump when the entry layout changes; old entries are then never read
_COMPRESS_ABOVE = 16384  # bytes of payload; below it, decompressing on every warm re-run costs more than the bytes saved
_RAW, _ZLIB = b"M", b"Z"
_CHECK = 16  # bytes of blake2b checksum after the kind byte


class CacheError(Exception):
    """The cache folder cannot be used; the message names it and says why."""


def _code_stamp(plugins: "LoadedPlugins") -> str:
    """Size and modification time of every source file of the core and the loaded plugins.

    Versions alone do not change while a plugin is being written in an editable install; this
    does, and costs a few dozen ``stat`` calls.
    """
    modules = [(info.module, getattr(sys.modules.get(info.module), "__file__", None)) for info in plugins.plugins]
    return files_stamp(modules)


def files_stamp(modules: "Iterable[tuple[str, str | None]]", extra_folders: "Iterable[str]" = ()) -> str:
    """The stamp of the core's folder and of each ``(module name, its file)``: a module of a
    package stands for its whole folder (its siblings are its code too)."""
    folders: set[str] = {os.path.dirname(__file__), *extra_folders}
    files: set[str] = set()
    for module, path in modules:
        if not path:
            continue
        if "." in module or os.path.basename(path) == "__init__.py":
            folders.add(os.path.dirname(path))
        else:
            files.add(path)
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                files.update(entry.path for entry in entries if entry.name.endswith(".py"))
        except OSError:
            continue
    parts = []
    for path in sorted(files):
        try:
            status = os.stat(path)
        except OSError:
            continue
        parts.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def environment_stamp(plugins: "LoadedPlugins") -> str:
    """Everything outside the page and the settings that can change a page's findings."""
    import regex

    return "|".join(
        (
            FORMAT,
            f"py{sys.version_info[0]}.{sys.version_info[1]}",  # marshal's format may change
            __version__,
            plugins.fingerprint(),
            _code_stamp(plugins),
            getattr(regex, "__version__", "?"),
            unicodedata.unidata_version,
        )
    )


class ResultCache:
    """Results of plain checks, looked up by :meth:`key` (page bytes + stamp + active rules).

    The object is small and picklable: worker processes get a copy and store their own entries.
    """

    def __init__(self, directory: Path, stamp: str) -> None:
        self.directory = directory
        self.stamp = stamp
        self._root = directory / FORMAT
        self._contexts: dict[tuple[int, ...], tuple[Sequence["ActiveRule"], bytes]] = {}
        self._made: set[str] = set()
        self._writable = True
        self.plugins_stamp: str | None = None  # set when runs may be answered without plugins (lint.quick)

    @classmethod
    def open(cls, directory: Path, plugins: "LoadedPlugins") -> "ResultCache":
        """Create the folder (tagged so backup tools and git skip it) or raise :class:`CacheError`."""
        try:
            if directory.exists() and not directory.is_dir():
                raise CacheError(f"{directory}: cache folder is a file, not a folder")
            (directory / FORMAT).mkdir(parents=True, exist_ok=True)
            tag = directory / "CACHEDIR.TAG"
            if not tag.exists():
                write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# scrapelint cache; safe to delete\n")
                write_atomic(directory / ".gitignore", b"# created by scrapelint\n*\n")
        except OSError as error:
            raise CacheError(f"{directory}: cannot use as cache folder: {error.strerror or error}") from None
        return cls(directory, environment_stamp(plugins))

    def __getstate__(self) -> dict[str, Any]:
        return {"directory": self.directory, "stamp": self.stamp}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["directory"], state["stamp"])

    def key(self, data: bytes, active: Sequence["ActiveRule"], variant: str = "") -> str:
        """The entry name for a page's bytes checked with these rules and options.

        ``variant`` is whatever else decides the result (a shard's text and id fields).
        """
        identity = tuple(id(rule) for rule in active)
        known = self._contexts.get(identity)
        if known is None:
            known = self._contexts[identity] = (tuple(active), self.context(rule_rows(active)))  # keeps the ids alive
        return self.key_in_context(data, known[1], variant)

    def context(self, rows: list) -> bytes:
        """The digest of the stamp and the active rules (:func:`rule_rows`), shared by a run's keys."""
        return blake2b(repr((self.stamp, rows)).encode(), digest_size=16).digest()

    @staticmethod
    def variant(path: Path, settings: "Settings") -> str:
        """What decides a result besides the bytes and the rules' codes and options: a shard's
        fields, and the definitions of user rules written in config (their text, not their code)."""
        from lint.records import cache_variant

        return f"{cache_variant(path, settings)}|{getattr(settings, 'rule_sources', '')}"

    @staticmethod
    def key_in_context(data: bytes, context: bytes, variant: str = "") -> str:
        content = blake2b(data, digest_size=16).digest()
        return blake2b(content + context + variant.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def _entry(self, key: str) -> str:
        return f"{self._root}/{key[:2]}/{key[2:]}"  # a string: a warm re-run looks up thousands

    def load(self, key: str, display: str, path: Path | None = None) -> "FileResult | None":
        """The stored result for ``key`` shown under ``display``, or ``None`` (absent or unreadable)."""
        entry = self.read(key)
        return None if entry is None else decode_entry(entry, display, path)

    def read(self, key: str) -> bytes | None:
        """The stored entry for ``key`` as bytes whose checksum holds, or ``None``: what
        :func:`decode_entry` turns into a result."""
        try:
            blob = read_whole(self._entry(key))
        except OSError:
            return None
        if blob[:1] not in (_RAW, _ZLIB) or blake2b(blob[1 + _CHECK :], digest_size=_CHECK).digest() != blob[1 : 1 + _CHECK]:
            return None  # a damaged entry is a miss; the next store replaces it
        return blob

    def store(self, key: str, result: "FileResult") -> None:
        """Remember a result; results with rule failures are not kept (they must be seen again)."""
        if not self._writable or result.failures or any(part.failures for part in result.parts or ()):
            return
        entry = Path(self._entry(key))
        try:
            if entry.parent.name not in self._made:
                entry.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(entry.parent.name)
            write_atomic(entry, _encode(result))
        except OSError:
            self._writable = False  # full or read-only disk: go on without storing


def rule_rows(active: Sequence["ActiveRule"]) -> list:
    """What a key takes of the active rules: code, plugin and options of each (plain data, so
    lint.quick can keep it and compute keys without the rules)."""
    return [(a.rule.code, a.rule.plugin, sorted(a.options.items())) for a in active]


def write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _fix_row(fix: Fix | None) -> list[Any] | None:
    if fix is None:
        return None
    return [fix.applicability.value, fix.message, [[e.start, e.end, e.content] for e in fix.edits]]


def _lines_blob(lines: "Mapping[int, str]") -> bytes:
    return lines.blob if isinstance(lines, StoredLines) else marshal.dumps(dict(lines))


class StoredLines(Mapping[int, str]):
    """The text of the lines that hold findings, as an entry keeps it: decoded on first use.

    Only an excerpt under a finding (a terminal, ``full``, SARIF, a baseline) reads them; a
    warm re-run into a pipe or a file reads thousands of entries and needs none.
    """

    __slots__ = ("blob", "_lines")

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self._lines: dict[int, str] | None = None

    def _decoded(self) -> dict[int, str]:
        if self._lines is None:
            self._lines = marshal.loads(self.blob)
        return self._lines

    def __getitem__(self, number: int) -> str:
        return self._decoded()[number]

    def __iter__(self) -> "Iterator[int]":
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    def __reduce__(self) -> tuple:
        return StoredLines, (self.blob,)  # a worker's cache hit reaches the parent still encoded


def _finding_rows(findings: Sequence[Finding]) -> list[list[Any]]:
    return [
        [f.line, f.column, f.end_line, f.end_column, f.code, f.name, f.message, f.severity.value,
         f.start, f.end, _fix_row(f.fix), f.record_id, f.record_index]
        for f in findings
    ]


def _encode(result: "FileResult") -> bytes:
    findings = _finding_rows(result.findings)
    lines = _lines_blob(result.source_lines)
    entry: list[Any] = [findings, lines, result.notice, result.error]
    if result.records is not None:  # a shard: the records checked and each record's result
        entry.append([result.records, [
            [part.record_id, part.record_index, _finding_rows(part.findings),
             _lines_blob(part.source_lines), part.error]
            for part in result.parts or ()
        ]])
    payload = marshal.dumps(entry)
    kind = _RAW
    if len(payload) > _COMPRESS_ABOVE:
        kind, payload = _ZLIB, zlib.compress(payload, 1)
    return kind + blake2b(payload, digest_size=_CHECK).digest() + payload


def decode_entry(blob: bytes, display: str, path: Path | None) -> "FileResult | None":
    """The result held by an entry :meth:`ResultCache.read` returned, or ``None`` if its
    content is not what this version writes (a damaged entry is a miss, never an error)."""
    try:
        return _decode(blob, display, path)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError, zlib.error):
        return None


def _decode(blob: bytes, display: str, path: Path | None) -> "FileResult":
    from lint.runner import FileResult

    body = blob[1 + _CHECK :]
    if blob[:1] == _ZLIB:
        body = zlib.decompress(body)
    rows, lines, notice, error, *shard = marshal.loads(body)
    result = FileResult(
        display, findings=_findings(rows, display), path=path, notice=notice, error=error,
        source_lines=StoredLines(lines),
    )
    if shard:
        from lint.model import record_location

        result.records, parts = shard[0]
        result.parts = [
            FileResult(
                display if part_error else record_location(display, record_id, record_index),
                findings=_findings(part_rows, display), path=path, error=part_error,
                source_lines=StoredLines(part_lines),
                record_id=record_id, record_index=record_index,
            )
            for record_id, record_index, part_rows, part_lines, part_error in parts
        ]
    return result


def _findings(rows: list[Any], display: str) -> list[Finding]:
    """Findings from their rows; a warm re-run makes thousands, so enums come from dicts and
    the named tuples are made straight from their fields (the row keeps :class:`Finding`'s order)."""
    severities, applicabilities, make = _SEVERITIES, _APPLICABILITIES, tuple.__new__
    return [
        make(Finding, (display, line, column, end_line, end_column, code, name, message, severities[severity],
                       None if fix is None else make(Fix, (tuple([make(Edit, edit) for edit in fix[2]]),
                                                           applicabilities[fix[0]], fix[1])),
                       start, end, record_id, record_index))
        for (line, column, end_line, end_column, code, name, message, severity, start, end, fix,
             record_id, record_index) in rows
    ]


_SEVERITIES = {severity.value: severity for severity in Severity}
_APPLICABILITIES = {applicability.value: applicability for applicability in Applicability}
