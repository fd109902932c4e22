"""OFT: off-topic appended content. What follows the article but does not belong to it."""

from __future__ import annotations

from lint import hookimpl
from lint.model import Family, Rule


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("OFT", "off-topic appended content", "What follows the article but does not belong to it.", "#9467bd")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return []
