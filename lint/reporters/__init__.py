"""Output formats. A reporter only formats: it gets results and writes text to a stream.

Each format lives in its own module and is imported only when chosen, so a run pays only for
the format it prints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Protocol, TextIO

if TYPE_CHECKING:
    from lint.model import Family, Rule
    from lint.runner import FileResult

__all__ = ["ReportContext", "Reporter", "FORMATS", "get_reporter"]

#: format name -> module holding its ``Reporter`` class
FORMATS: dict[str, str] = {
    "text": "lint.reporters.text",
    "json": "lint.reporters.json_format",
}


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


class Reporter(Protocol):
    def __init__(self, out: TextIO, context: ReportContext) -> None: ...

    def file(self, result: "FileResult") -> None:
        """Called once per file, in output order, as results arrive."""

    def finish(self, results: Iterable["FileResult"]) -> None:
        """Called once at the end with every result (summary, whole-document formats)."""


def get_reporter(name: str, out: TextIO, context: ReportContext) -> Reporter:
    module = importlib.import_module(FORMATS[name])
    return module.Reporter(out, context)
