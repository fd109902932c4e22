"""Output formats. A reporter only formats: it gets results and writes text to a stream.

Each format lives in its own module and is imported only when chosen, so a run pays only for
the format it prints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Protocol, TextIO

if TYPE_CHECKING:
    from lint.model import Family, Rule
    from lint.runner import FileResult

__all__ = ["ReportContext", "Reporter", "FORMATS", "HUMAN_FORMATS", "NEEDS_PAGE_TEXT", "get_reporter"]

#: format name -> module holding its ``Reporter`` class
FORMATS: dict[str, str] = {
    "text": "lint.reporters.text",
    "concise": "lint.reporters.concise",
    "full": "lint.reporters.full",
    "grouped": "lint.reporters.grouped",
    "json": "lint.reporters.json_format",
    "json-lines": "lint.reporters.json_lines",
    "sarif": "lint.reporters.sarif",
    "github": "lint.reporters.github",
    "junit": "lint.reporters.junit",
    "html": "lint.reporters.html",
}

#: formats read by people in a terminal: they get a summary line, ``--quiet`` drops it, and
#: only they may be accompanied by a progress bar
HUMAN_FORMATS: frozenset[str] = frozenset({"text", "concise", "full", "grouped"})

#: formats that show whole pages, so need ``FileResult.decoded`` (which cached results lack)
NEEDS_PAGE_TEXT: frozenset[str] = frozenset({"html"})


@dataclass
class ReportContext:
    """What a reporter may need besides the results."""

    rules: dict[str, "Rule"] = field(default_factory=dict)
    families: dict[str, "Family"] = field(default_factory=dict)
    colour: bool = False
    show_source: bool = False
    statistics: bool = False
    fix_mode: bool = False
    unsafe_fixes: bool = False
    root: Path | None = None  # the run's root folder (SARIF base URI); the working folder if None


class Reporter(Protocol):
    def __init__(self, out: TextIO, context: ReportContext) -> None: ...

    def file(self, result: "FileResult") -> None:
        """Called once per file, in output order, as results arrive."""

    def finish(self, results: Iterable["FileResult"]) -> None:
        """Called once at the end with every result (summary, whole-document formats)."""


def get_reporter(name: str, out: TextIO, context: ReportContext) -> Reporter:
    module = importlib.import_module(FORMATS[name])
    return module.Reporter(out, context)
