"""EMJ: injected emoji. Emoji planted in running text as noise, not emoji a writer used."""

from __future__ import annotations

from lint import hookimpl
from lint.model import Family, Rule


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("EMJ", "injected emoji", "Emoji planted in running text as noise, not emoji a writer used.", "#d62728")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return []
