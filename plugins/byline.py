"""BYL: bylines, source lines and titles that the scraper brought in twice."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from lint import hookimpl
from lint.model import Family, Fix, Rule, Severity, Violation
from lint.page import Page

# A byline: a label (文/作者/来源/记者/编辑/By/Source/...) and a short name after it.
_BYLINE = regex.compile(
    r"(?:(?<![\p{L}\p{N}])(?:文|作者|来源|记者|编辑|责编|撰文|出品|供稿)\s*[|｜:：丨/]\s*[^\s|｜:：丨,，。;；]{1,20}"
    r"|(?<![\p{L}\p{N}])(?:By|Author|Source|Reporter)\s*:?\s+\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3})",
    regex.V1,
)


def _check_duplicated_byline(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    text = page.text
    previous: tuple[str, int] | None = None  # (normalised byline, line index)
    for match in _BYLINE.finditer(text):
        key = regex.sub(r"\s+", "", match.group())
        line = page.line_index(match.start())
        if previous is not None and previous[0] == key and line - previous[1] <= 1:
            start = match.start()
            while start > 0 and text[start - 1] in " \t\u3000":
                start -= 1
            yield Violation(
                match.start(),
                match.end(),
                f"byline repeated: {match.group()!r}",
                Fix.delete(start, match.end(), message="remove the repeated byline"),
            )
            continue
        previous = (key, line)


DUPLICATED_BYLINE = Rule(
    code="BYL001",
    name="duplicated-byline",
    summary="A byline, author or source line repeated on the same or the next line",
    explanation=(
        "Scrapers often pick up a byline twice: once from the page header and once from the article "
        "body. The repeat is noise in the corpus and makes bylines look like article text."
    ),
    bad_example="文 | 财华社 文 | 财华社 9月22日，英伟达宣布……",
    good_example="文 | 财华社 9月22日，英伟达宣布……",
    check=_check_duplicated_byline,
    severity=Severity.WARNING,
    fixable=True,
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("BYL", "duplicated bylines and headers", "A byline, source line or title repeated.", "#1f77b4")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [DUPLICATED_BYLINE]
