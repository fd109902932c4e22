"""CHR: page chrome. The site's UI text and empty metadata fields."""

from __future__ import annotations

from lint import hookimpl
from lint.model import Family, Rule


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("CHR", "page chrome", "The site's UI text and empty metadata fields.", "#ff7f0e")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return []
