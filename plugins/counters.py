"""VWC: view counters. Read, view, click and like counts, inline or as bare number lines."""

from __future__ import annotations

from lint import hookimpl
from lint.model import Family, Rule


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("VWC", "view counters", "Read, view, click and like counts, inline or as bare number lines.", "#2ca02c")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return []
