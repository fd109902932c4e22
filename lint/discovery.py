"""Find the page files below the paths a user names.

Directories are walked recursively; hidden folders, ``.git`` and the excludes are skipped;
symlink loops are noticed, not followed forever. A file named on the command line is checked
even when an exclude matches it, unless ``force_exclude`` (as in ruff, for pre-commit).
"""

from __future__ import annotations

import errno
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from lint.config import ConfigResolver, Settings
from lint.globs import any_glob_matches

__all__ = ["Candidate", "PathProblem", "discover", "display_path", "relative_to_root"]


class Candidate(NamedTuple):
    """A file to check, with the settings that govern it."""

    path: Path
    display: str
    settings: Settings


class PathProblem(NamedTuple):
    """A path that cannot be checked, and why (reported; the run goes on)."""

    display: str
    message: str


def display_path(path: Path | str) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    return _shown(os.path.abspath(path), os.getcwd())


def _shown(absolute: str, cwd: str) -> str:
    inside = _below(absolute, cwd)
    return absolute if inside is None else inside


def relative_to_root(path: Path | str, settings: Settings) -> str:
    """Path relative to the configuration's folder, for globs."""
    # abspath normalises "..", which a glob like ".*" would match
    return _relative(os.path.abspath(path), str(settings.root))


@lru_cache(maxsize=4096)
def _relative(absolute: str, root: str) -> str:
    """Walking, checking and caching a file each ask; strings, not Path objects (per-file cost)."""
    inside = _below(absolute, root)
    if inside is None:
        inside = _below(os.path.realpath(absolute), root)
    return absolute.lstrip("/") if inside is None else inside


def _below(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` (``.`` for the folder itself), or ``None`` outside it."""
    if path == folder:
        return "."
    prefix = _slashed(folder)
    return path[len(prefix):] if path.startswith(prefix) else None


def _slashed(folder: str) -> str:
    return folder if folder.endswith("/") else folder + "/"


def _prefix(folder: str) -> str:
    """What a folder's path puts before the name of an entry in it (nothing for ``.``)."""
    return "" if folder == "." else _slashed(folder)


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be followed (a loop, a missing target), or ``None``."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop, not followed"
        return "broken symbolic link"
    return None


def discover(paths: Iterable[Path], resolver: ConfigResolver, force_exclude: bool = False) -> Iterator[Candidate | PathProblem]:
    """Yield files to check, in a stable order, and problems with paths as they are met."""
    seen_files: set[str] = set()
    for path in paths:
        if not os.path.lexists(path):
            yield PathProblem(display_path(path), "no such file or directory")
            continue
        problem = _link_problem(path)
        if problem:
            yield PathProblem(display_path(path), problem)
            continue
        if path.is_dir():
            yield from _walk(path, resolver, seen_files, set())
            continue
        settings = resolver.for_path(path)
        if force_exclude and any_glob_matches(settings.all_exclude(), relative_to_root(path, settings)):
            continue
        key = os.path.realpath(path)
        if key not in seen_files:
            seen_files.add(key)
            yield Candidate(path, display_path(path), settings)


def _walk(directory: Path, resolver: ConfigResolver, seen_files: set[str], active_dirs: set[str]) -> Iterator[Candidate | PathProblem]:
    real = os.path.realpath(directory)
    if real in active_dirs:
        yield PathProblem(display_path(directory), "symbolic link loop, not followed")
        return
    active_dirs.add(real)
    settings = resolver.for_directory(directory)
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield PathProblem(display_path(directory), f"cannot list folder: {error.strerror or error}")
        active_dirs.discard(real)
        return
    exclude, include = settings.all_exclude(), settings.all_include()
    # per folder, not per entry: an entry's absolute path is the folder's and its name, and so
    # are (inside the root and the working folder) its path for globs and the path shown
    folder, root = os.path.abspath(directory), str(settings.root)
    in_folder, in_real, in_cwd = _prefix(folder), _prefix(real), _prefix(_shown(folder, os.getcwd()))
    inside = _below(folder, root)
    in_root = None if inside is None else _prefix(inside)  # outside: each entry is resolved
    for entry in entries:
        name = entry.name
        absolute = in_folder + name
        relative = _relative(absolute, root) if in_root is None else in_root + name
        if any_glob_matches(exclude, relative):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as error:
            reason = _link_problem(Path(entry.path)) or f"cannot stat: {error.strerror or error}"
            yield PathProblem(display_path(entry.path), reason)
            continue
        if is_dir:
            yield from _walk(directory / name, resolver, seen_files, active_dirs)
        elif is_file:
            if not any_glob_matches(include, relative):
                continue
            # the folder is resolved already: only a linked file needs resolving itself
            key = os.path.realpath(entry.path) if entry.is_symlink() else in_real + name
            if key in seen_files:
                continue
            seen_files.add(key)
            yield Candidate(directory / name, in_cwd + name, settings)
        elif entry.is_symlink():
            if any_glob_matches(include, relative):
                child = Path(entry.path)
                yield PathProblem(display_path(child), _link_problem(child) or "symbolic link to something that is not a file")
    active_dirs.discard(real)
