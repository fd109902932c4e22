"""Answer a re-run from the cache alone, without importing the rule plugins.

A pre-commit hook runs scrapelint again on files whose results are in the cache. Finding them
needs each file's cache key, and the key names the rules that run with their options, which
come from the plugins: importing them costs more than the rest of such a run. So a run that
uses the cache also writes down, once per configuration, what a key needs of the rules (a
*plan*), filed under a stamp of the plugins computed from the installed metadata, their source
files and the package folders, without importing them. A later run with the same stamp and
configuration computes every key from the plan; when every file is in the cache, that is the
answer, and otherwise the run goes on as usual.
"""

from __future__ import annotations

import marshal
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from lint import __version__
from lint.cache import FORMAT, ResultCache, blake2b, decode_entry, files_stamp, rule_rows, write_atomic
from lint.discovery import Candidate, PathProblem, discover, relative_to_root
from lint.runner import FileResult, expand_records, read_candidate
from lint.selection import ignored_codes, ignores_nothing

if TYPE_CHECKING:
    from lint.api import Linter
    from lint.config import Settings
    from lint.selection import RuleSet

__all__ = ["plugins_stamp", "remember", "answer"]

_PLANS = "plans"  # folder of the cache's format folder holding one plan per stamp and configuration
#: Entries are held until every file is known to be in the cache; past this many files, or this
#: many bytes of entries, the run goes the usual way, which reports as it goes.
MAX_FILES = 20_000
MAX_HELD = 32 * 1024 * 1024


def plugins_stamp(disabled: Iterable[str]) -> str | None:
    """The plugins a run loads, their versions and the stamp of their source files (and of
    ``regex``, which decides what an emoji is), read without importing them; ``None`` when
    this cannot be read from files alone."""
    from lint.entry_points import Unsupported, entry_points
    from lint.plugin_manager import ENTRY_POINT_GROUP, disabled_from_env

    try:
        points = entry_points(ENTRY_POINT_GROUP)
    except Unsupported:
        return None
    skipped = {*disabled, *disabled_from_env()}
    seen: set[str] = set()
    names: list[str] = []
    modules: list[tuple[str, str | None]] = []
    for point in points:
        if point.name in seen:
            continue  # as lint.plugin_manager: the first distribution of a name wins
        seen.add(point.name)
        if point.name in skipped:
            continue
        module = point.value.partition(":")[0].strip()
        origin = _origin(module)
        if origin is None:
            return None
        names.append(f"{point.name}={point.dist.version}={point.value}")
        modules.append((module, origin))
    regex = _origin("regex")
    if regex is None:
        return None
    parts = (FORMAT, f"py{sys.version_info[0]}.{sys.version_info[1]}", __version__, unicodedata.unidata_version,
             ";".join(names), files_stamp(modules, [os.path.dirname(regex)]), _installs())
    return blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def _installs() -> str:
    """When packages were last installed or removed (a plugin's dependency may come or go without
    any of the plugin's own files changing): the modification times of the package folders."""
    folders = [entry for entry in sys.path if entry.endswith(("site-packages", "dist-packages"))]
    stamps = []
    for folder in folders:
        try:
            stamps.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
        except OSError:
            continue
    return ";".join(stamps)


def _origin(module: str) -> str | None:
    """The file a module would be imported from (its parent packages are imported, not it)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except Exception:  # a parent package that fails to import: the full run reports it
        return None
    return spec.origin if spec is not None and spec.has_location else None


def _plan_path(directory: Path, stamp: str, settings: "Settings") -> Path:
    name = blake2b(f"{stamp}|{settings.cache_key()}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return directory / FORMAT / _PLANS / name


def remember(cache: ResultCache, settings: "Settings", ruleset: "RuleSet") -> None:
    """Write down what keys need of a configuration's rules (by a run that has loaded them)."""
    if cache.plugins_stamp is None:
        return
    selected = ruleset.selected
    plan = (cache.stamp, rule_rows(selected), [list(active.rule.files) for active in selected],
            [(pattern, sorted(codes)) for pattern, codes in ruleset.per_file_ignores])
    try:
        data = marshal.dumps(plan)
    except ValueError:  # an option value marshal cannot keep (a TOML date): no quick answer
        return
    path = _plan_path(cache.directory, cache.plugins_stamp, settings)
    try:
        if path.is_file() and path.read_bytes() == data:
            return  # written by an earlier run (a damaged one is written again)
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, data)
    except OSError:
        pass  # a read-only cache: later runs load the plugins


class _Plan:
    """A configuration's rules as plain data: the key rows, each rule's file globs, per-file ignores."""

    def __init__(self, cache: ResultCache, rows: list, files: list, per_file: list) -> None:
        self.cache = cache
        self.rows = rows
        self.files = files
        self.per_file = per_file
        self._contexts: dict[frozenset[str], bytes] = {}
        self.same_everywhere = ignores_nothing(per_file, files)

    @classmethod
    def load(cls, directory: Path, stamp: str, settings: "Settings") -> "_Plan | None":
        try:
            stamp_of_keys, rows, files, per_file = marshal.loads(_plan_path(directory, stamp, settings).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None  # absent or damaged: the run loads the plugins and writes it again
        return cls(ResultCache(directory, stamp_of_keys), rows, files, per_file)

    def context(self, candidate: Candidate) -> bytes:
        """As :meth:`ResultCache.key` digests the rules active for a file (lint.selection)."""
        ignored: frozenset[str] = frozenset()
        if not self.same_everywhere:
            relative = relative_to_root(candidate.path, candidate.settings)
            ignored = frozenset(ignored_codes(relative, self.per_file, zip((row[0] for row in self.rows), self.files)))
        context = self._contexts.get(ignored)
        if context is None:
            context = self._contexts[ignored] = self.cache.context([row for row in self.rows if row[0] not in ignored])
        return context


def answer(linter: "Linter", paths: Iterable[Path], directory: Path, force_exclude: bool) -> Iterator[FileResult] | None:
    """Every result of a plain check from the cache, in order, or ``None`` as soon as one is not
    there. Every entry is found (and its checksum checked) before the first result is given, so a
    run is answered whole or not at all; entries are decoded as the results are read."""
    stamp = plugins_stamp(linter.disabled_plugins)
    if stamp is None:
        return None
    # a plan is written only for a configuration whose rule selection was valid; a full run also
    # validates the working folder's, so only files under that very configuration are answered
    home = linter.resolver.for_directory(Path.cwd())
    plan = _Plan.load(directory, stamp, home)
    if plan is None:
        return None
    found: list[FileResult | tuple[Candidate, bytes]] = []
    held = 0
    for item in discover(paths, linter.resolver, force_exclude):
        if isinstance(item, PathProblem):
            found.append(FileResult(item.display, error=item.message))
            continue
        if item.settings is not home or len(found) == MAX_FILES:
            return None
        data = read_candidate(item)
        if isinstance(data, FileResult):
            found.append(data)
            continue
        context = plan.context(item)
        entry = plan.cache.read(plan.cache.key_in_context(data, context, plan.cache.variant(item.path, item.settings)))
        held += len(entry or b"")
        if entry is None or held > MAX_HELD:
            return None
        found.append((item, entry))
    return expand_records(_decoded(found))


def _decoded(found: list["FileResult | tuple[Candidate, bytes]"]) -> Iterator[FileResult]:
    """The results, each entry decoded only when the reporter asks for the next one."""
    for item in found:
        if isinstance(item, FileResult):
            yield item
            continue
        candidate, entry = item
        result = decode_entry(entry, candidate.display, candidate.path)
        # written by this very version, checksum checked: a failure here is a bug, still not a traceback
        yield result or FileResult(candidate.display, path=candidate.path,
                                   error="cache entry unreadable; run again with --no-cache")
