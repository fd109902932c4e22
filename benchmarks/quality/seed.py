"""The seed page checked line by line against the table in DESIGN.md.

The expected families are data copied from that table (not from the page), so a change in the
rules that loses a family on a line, or adds one, shows as a mismatch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from lint.model import Finding

from benchmarks.quality.linting import covered_lines

__all__ = ["SEED_LINES", "expected_families", "SeedMismatch", "SeedCheck", "check_seed"]

#: DESIGN.md, "The problem, on a real page": (first line, last line, families).
_TABLE: tuple[tuple[int, int, frozenset[str]], ...] = (
    (1, 1, frozenset()),
    (2, 2, frozenset({"BYL"})),
    (3, 3, frozenset({"CHR", "VWC"})),
    (4, 4, frozenset({"BYL", "EMJ", "CHR"})),
    (5, 15, frozenset({"OFT"})),
    (16, 16, frozenset({"OFT", "CHR"})),
    (17, 59, frozenset({"OFT"})),
)
#: Lines 18-59 alternate headline and its view count: the counts are the odd lines 19-59.
_BARE_COUNT_LINES = frozenset(range(19, 60, 2))

SEED_LINES = 59


def expected_families(line: int) -> frozenset[str]:
    """The families DESIGN.md's table gives for a 1-based seed line."""
    for first, last, families in _TABLE:
        if first <= line <= last:
            return families | ({"VWC"} if line in _BARE_COUNT_LINES else frozenset())
    return frozenset()


@dataclass(frozen=True)
class SeedMismatch:
    line: int
    expected: frozenset[str]
    found: frozenset[str]

    @property
    def missing(self) -> list[str]:
        return sorted(self.expected - self.found)

    @property
    def extra(self) -> list[str]:
        return sorted(self.found - self.expected)

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "expected": sorted(self.expected), "found": sorted(self.found),
                "missing": self.missing, "extra": self.extra}


@dataclass(frozen=True)
class SeedCheck:
    path: str
    lines: int
    mismatches: tuple[SeedMismatch, ...]

    @property
    def matching(self) -> int:
        return self.lines - len(self.mismatches)

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "lines": self.lines, "matching": self.matching,
                "mismatches": [mismatch.to_dict() for mismatch in self.mismatches]}


def check_seed(path: str, n_lines: int, findings: Iterable[Finding]) -> SeedCheck:
    """Compare the families found on each line with the table, over the table's 59 lines."""
    found: dict[int, set[str]] = {}
    for finding in findings:
        for line in covered_lines(finding):
            found.setdefault(line, set()).add(finding.family)
    total = max(n_lines, SEED_LINES)
    mismatches = []
    for line in range(1, total + 1):
        expected, got = expected_families(line), frozenset(found.get(line, ()))
        if expected != got:
            mismatches.append(SeedMismatch(line, expected, got))
    return SeedCheck(path, total, tuple(mismatches))
