"""The corpus summary behind ``--statistics``: per rule and per family, how much and how widely.

What a data engineer asks of a run over a corpus: how many findings each rule and each family
made, in how many pages (records, or files) and what share of all the pages checked, with a few
examples of the flagged text to judge by. Results are added one at a time, so the summary of a
run over millions of records holds only counters and a few examples per rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from lint.reporters.spans import excerpt
from lint.reporters.units import Units

if TYPE_CHECKING:
    from lint.model import Family, Finding
    from lint.runner import FileResult

__all__ = ["CorpusStatistics", "RuleCount", "EXAMPLES", "VERSION"]

EXAMPLES = 3  # examples kept per rule
_EXAMPLE_CHARS = 80
VERSION = 1  # of the JSON document


@dataclass
class RuleCount:
    """Findings of one rule (or one family) and the pages they were found in."""

    key: str
    name: str
    findings: int = 0
    pages: int = 0
    fixable: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)


class CorpusStatistics:
    """Counters per rule and per family over the results of a run, added as they come."""

    def __init__(self, families: Mapping[str, "Family"] | None = None, examples: int = EXAMPLES) -> None:
        self.families_known = dict(families or {})
        self.examples = examples
        self.rules: dict[str, RuleCount] = {}
        self.families: dict[str, RuleCount] = {}
        self.units = Units()

    @classmethod
    def of(cls, results: Iterable["FileResult"], families: Mapping[str, "Family"] | None = None) -> "CorpusStatistics":
        statistics = cls(families)
        for result in results:
            statistics.add(result)
        return statistics

    def add(self, result: "FileResult") -> None:
        self.units.add(result)
        seen_rules: set[str] = set()
        seen_families: set[str] = set()
        for finding in result.findings:
            rule = self.rules.setdefault(finding.code, RuleCount(finding.code, finding.name))
            family = self.families.setdefault(finding.family, RuleCount(finding.family, self._family_name(finding.family)))
            for count in (rule, family):
                count.findings += 1
                count.fixable += finding.fix is not None
            rule.pages += finding.code not in seen_rules
            family.pages += finding.family not in seen_families
            seen_rules.add(finding.code)
            seen_families.add(finding.family)
            if len(rule.examples) < self.examples and finding.code not in _codes(rule.examples, result):
                rule.examples.append(_example(result, finding))

    def _family_name(self, prefix: str) -> str:
        family = self.families_known.get(prefix)
        return family.name if family else ""

    @property
    def unit(self) -> str:
        """What a page is in this run: ``record``, ``file``, or ``page`` for both."""
        units = self.units
        if units.has_records:
            return "page" if units.files else "record"
        return "file"

    def share(self, pages: int) -> float:
        """``pages`` as a fraction of every page checked (0 when nothing was checked)."""
        total = self.units.pages
        return pages / total if total else 0.0

    def ordered(self, counts: Mapping[str, RuleCount]) -> list[RuleCount]:
        return sorted(counts.values(), key=lambda count: (-count.findings, count.key))

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``--statistics --output-format json`` and ``--statistics-file``."""
        units = self.units

        def row(count: RuleCount, key: str) -> dict[str, Any]:
            data = {key: count.key, "name": count.name, "findings": count.findings, "fixable": count.fixable,
                    "pages": count.pages, "share": round(self.share(count.pages), 6)}
            return data

        return {
            "version": VERSION,
            "checked": {"pages": units.pages, "files": units.files, "records": units.records, "shards": units.shards},
            "affected": {"pages": units.files_with + units.records_with, "files": units.files_with,
                         "records": units.records_with},
            "errors": {"files": units.files_failed, "records": units.records_failed},
            "findings": sum(count.findings for count in self.rules.values()),
            "families": [row(count, "family") for count in self.ordered(self.families)],
            "rules": [{**row(count, "code"), "family": count.key[:3], "examples": count.examples}
                      for count in self.ordered(self.rules)],
        }


def _codes(examples: list[dict[str, Any]], result: "FileResult") -> set[str]:
    """Codes already shown as an example from this very page (one example per page and rule)."""
    return {example["code"] for example in examples if example["location"] == result.display}


def _example(result: "FileResult", finding: "Finding") -> dict[str, Any]:
    text = excerpt(result, finding, context=0).text
    if len(text) > _EXAMPLE_CHARS:
        text = text[: _EXAMPLE_CHARS - 1] + "…"
    return {
        "code": finding.code,
        "location": finding.location,
        "path": finding.path,
        "record_id": finding.record_id,
        "record_index": finding.record_index,
        "line": finding.line,
        "column": finding.column,
        "text": text,
    }
