"""Example third-party plugin: the ADS family, with one rule that finds sponsored-content markers.

Install it next to scrapelint (``pip install ./examples/plugin``) and ``scrapelint rules`` lists
ADS001; nothing else is needed: the ``scrapelint`` entry point in its pyproject.toml is the link.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from lint import hookimpl
from lint.model import Family, Fix, Rule, Severity, Violation
from lint.page import Page

_MARKER = regex.compile(
    r"[（(【\[]\s*(?:广告|推广|赞助内容)\s*[)）】\]]"
    r"|\b(?:Sponsored content|Paid partnership|Advertisement)\b",
    regex.IGNORECASE,
)


def _check(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    for match in _MARKER.finditer(page.text):
        yield Violation(
            match.start(),
            match.end(),
            f"sponsored-content marker {match.group()!r}",
            Fix.delete(match.start(), match.end()),
        )


SPONSORED_MARKER = Rule(
    code="ADS001",
    name="sponsored-marker",
    summary="A sponsored-content marker left in the page text",
    explanation="Ad labels such as （广告） or 'Sponsored content' belong to the page layout, not to the article.",
    bad_example="（广告）夏季新品限时五折",
    good_example="夏季新品限时五折",
    check=_check,
    severity=Severity.INFO,
    fixable=True,
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("ADS", "advertising markers", "Labels of sponsored content.", "#8c564b")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [SPONSORED_MARKER]
