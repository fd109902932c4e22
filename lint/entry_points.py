"""Read one entry-point group from the installed distributions, without ``importlib.metadata``.

A pre-commit hook starts scrapelint on every commit, and importing ``importlib.metadata`` (it
pulls in ``email``, ``zipfile``, ``csv``...) costs more than the rest of the core's imports
together. Installed metadata is plain files: ``NAME-VERSION.dist-info/entry_points.txt`` (or
``.egg-info``) in the folders on ``sys.path``. This reads only those; whenever it meets what it
does not handle (a zip or an egg on ``sys.path``, a custom distribution finder) it raises
:class:`Unsupported` and the caller uses ``importlib.metadata`` instead.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Any, NamedTuple

__all__ = ["Distribution", "EntryPoint", "Unsupported", "entry_points"]

_NORMAL = re.compile(r"[-_.]+")


class Unsupported(Exception):
    """Something on ``sys.path`` this reader does not understand: use ``importlib.metadata``."""


class Distribution(NamedTuple):
    """The name and version of an installed distribution, as its metadata file states them."""

    name: str
    version: str

    @property
    def metadata(self) -> dict[str, str]:
        return {"Name": self.name, "Version": self.version}


class EntryPoint(NamedTuple):
    """``name = module:attribute`` in a group, with the distribution that declares it."""

    name: str
    value: str
    group: str
    dist: Distribution

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        target: Any = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


def _metadata(folder: str) -> Distribution:
    """Name and version from the ``METADATA``/``PKG-INFO`` headers (they end at the first blank line)."""
    headers: dict[str, str] = {}
    for name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                for line in handle:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    headers.setdefault(key.strip(), value.strip())
            break
        except OSError:
            continue
    if "Name" not in headers or "Version" not in headers:
        raise Unsupported(f"{folder}: no Name/Version in its metadata")
    return Distribution(headers["Name"], headers["Version"])


def _groups(path: str, group: str) -> list[tuple[str, str]]:
    """``(name, value)`` pairs of one group in an ``entry_points.txt`` (INI sections)."""
    found: list[tuple[str, str]] = []
    section = None
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
            elif section == group and "=" in line:
                name, _, value = line.partition("=")
                found.append((name.strip(), value.strip()))
    return found


def _check_finders() -> None:
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and getattr(finder, "find_distributions", None) is not None:
            raise Unsupported(f"distribution finder {finder!r} on sys.meta_path")


def entry_points(group: str) -> list[EntryPoint]:
    """Entry points of ``group``, first distribution of a name on ``sys.path`` winning, as in importlib.

    Raises :class:`Unsupported` when only ``importlib.metadata`` can answer.
    """
    _check_finders()
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                raise Unsupported(f"{folder}: a file on sys.path (zip or egg)")
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            stem, dot, kind = name.rpartition(".")
            if not dot or kind not in ("dist-info", "egg-info", "egg"):
                continue
            if kind == "egg":
                raise Unsupported(f"{os.path.join(folder, name)}: an egg")
            normal = _NORMAL.sub("_", stem.split("-")[0]).lower()
            if normal in seen:
                continue
            seen.add(normal)
            points = os.path.join(folder, name, "entry_points.txt")
            if not os.path.isfile(points):
                continue
            pairs = _groups(points, group)
            if pairs:
                dist = _metadata(os.path.join(folder, name))
                found.extend(EntryPoint(point, value, group, dist) for point, value in pairs)
    return found
