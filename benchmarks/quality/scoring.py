"""Line-level scoring: which lines a family's findings cover, against which lines carry the label.

A line counts once per family however many findings cover it: a true positive when it is labelled
with the family, a false positive when it is not, a false negative when it is labelled and no
finding of the family covers it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from lint.model import Finding

from benchmarks.quality.linting import covered_lines

__all__ = ["Tally", "predicted_lines", "score_page", "LineScores", "CleanPass", "EmojiCoverage", "emoji_hits"]


@dataclass
class Tally:
    """True positives, false positives and false negatives, counted in lines."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def labelled(self) -> int:
        return self.tp + self.fn

    @property
    def flagged(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        """``None`` when nothing was flagged: precision is undefined, not perfect."""
        return self.tp / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        """``None`` when nothing is labelled."""
        return self.tp / self.labelled if self.labelled else None

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, object]:
        return {
            "labelled": self.labelled,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
        }


def predicted_lines(findings: Iterable[Finding], n_lines: int) -> dict[str, set[int]]:
    """Per family, the 1-based lines its findings cover (clipped to the page)."""
    lines: dict[str, set[int]] = {}
    for finding in findings:
        covered = lines.setdefault(finding.family, set())
        covered.update(number for number in covered_lines(finding) if 1 <= number <= n_lines)
    return lines


def score_page(
    labels: Mapping[int, Iterable[str]],
    predicted: Mapping[str, set[int]],
    families: Iterable[str],
) -> dict[str, Tally]:
    """Per family, the line tallies of one page."""
    labelled: dict[str, set[int]] = {}
    for number, line_families in labels.items():
        for family in line_families:
            labelled.setdefault(family, set()).add(number)
    tallies = {}
    for family in families:
        truth, found = labelled.get(family, set()), predicted.get(family, set())
        tallies[family] = Tally(len(truth & found), len(found - truth), len(truth - found))
    return tallies


@dataclass
class LineScores:
    """Tallies summed over pages, per family and per planting method (``FAMILY:method``).

    ``unscored`` counts lines flagged by families a page is not scored on (for planted pages,
    the families nobody planted), so they are visible without being called errors.
    """

    families: dict[str, Tally] = field(default_factory=dict)
    methods: dict[str, Tally] = field(default_factory=dict)
    unscored: Counter = field(default_factory=Counter)
    pages: int = 0

    def add_page(
        self,
        labels: Mapping[int, Mapping[str, Iterable[str]]] | Mapping[int, Iterable[str]],
        predicted: Mapping[str, set[int]],
        families: Iterable[str],
    ) -> None:
        families = list(families)
        self.pages += 1
        for family, tally in score_page(labels, predicted, families).items():
            self.families.setdefault(family, Tally()).add(tally)
        for family, lines in predicted.items():
            if family not in families:
                self.unscored[family] += len(lines)
        for number, line_families in labels.items():
            if not isinstance(line_families, Mapping):
                continue
            for family, methods in line_families.items():
                if family not in families:
                    continue
                hit = number in predicted.get(family, set())
                for method in methods:
                    self.methods.setdefault(f"{family}:{method}", Tally()).add(Tally(tp=int(hit), fn=int(not hit)))


@dataclass
class CleanPass:
    """Clean articles linted as pages: how many got any finding, per family and per rule."""

    pages: int = 0
    with_findings: int = 0
    by_family: Counter = field(default_factory=Counter)
    by_code: Counter = field(default_factory=Counter)

    def add_page(self, findings: Iterable[Finding]) -> None:
        findings = list(findings)
        self.pages += 1
        if findings:
            self.with_findings += 1
        self.by_family.update({finding.family for finding in findings})
        self.by_code.update({finding.code for finding in findings})

    def share(self, count: int) -> float | None:
        return count / self.pages if self.pages else None


@dataclass
class EmojiCoverage:
    """Genuine emoji in real web text, and how many an EMJ finding touches."""

    documents: int = 0
    emoji: int = 0
    flagged: int = 0
    documents_flagged: int = 0

    @property
    def share(self) -> float | None:
        return self.flagged / self.emoji if self.emoji else None


def emoji_hits(spans: Iterable[tuple[int, int]], findings: Iterable[Finding]) -> int:
    """How many emoji spans overlap an EMJ finding's span (original offsets)."""
    # A zero-width finding still points at the character after it.
    flagged = [(f.start, max(f.end, f.start + 1)) for f in findings if f.family == "EMJ"]
    hits = 0
    for start, end in spans:
        if any(f_start < end and start < f_end for f_start, f_end in flagged):
            hits += 1
    return hits


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
