"""Output formats. A reporter only formats: it gets results and writes text to a stream.

Each format lives in its own module and is imported only when chosen, so a run pays only for
the format it prints.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from lint.model import Family, Rule
    from lint.runner import FileResult

__all__ = ["ReportContext", "Reporter", "FORMATS", "HUMAN_FORMATS", "NEEDS_PAGE_TEXT", "NEEDS_RULES", "get_reporter"]

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

#: formats that describe the rules or their families (``ReportContext.rules``/``families``), so
#: need the plugins loaded even when every result comes from the cache
NEEDS_RULES: frozenset[str] = frozenset({"sarif", "html"})


class ReportContext:
    """What a reporter may need besides the results."""

    def __init__(self, rules: dict[str, "Rule"] | None = None, families: dict[str, "Family"] | None = None,
                 colour: bool = False, show_source: bool = False, statistics: bool = False,
                 fix_mode: bool = False, unsafe_fixes: bool = False, root: Path | None = None) -> None:
        self.rules = {} if rules is None else rules
        self.families = {} if families is None else families
        self.colour = colour
        self.show_source = show_source
        self.statistics = statistics
        self.fix_mode = fix_mode
        self.unsafe_fixes = unsafe_fixes
        self.root = root  # the run's root folder (SARIF base URI); the working folder if None


class Reporter(Protocol):
    """A format: it keeps from each file's result only what it will write (a run keeps no results,
    so memory stays flat on any number of files)."""

    def __init__(self, out: TextIO, context: ReportContext) -> None: ...

    def file(self, result: "FileResult") -> None:
        """Called once per file, in output order, as results arrive."""

    def finish(self) -> None:
        """Called once at the end, after every file."""


def get_reporter(name: str, out: TextIO, context: ReportContext) -> Reporter:
    module = importlib.import_module(FORMATS[name])
    return module.Reporter(out, context)

