"""Format evaluation results as a text table or as JSON. Formatting only: no judging, no linting."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Iterable

from benchmarks.quality.evaluate import Results
from benchmarks.quality.planting import FAMILIES
from benchmarks.quality.scoring import LineScores, Tally

__all__ = ["to_dict", "to_json", "to_text", "FEW_LABELLED"]

#: Below this many labelled lines a family's real-page figures are too rough to read much into.
FEW_LABELLED = 20


def to_dict(results: Results) -> dict[str, Any]:
    """Every figure the text report shows, as plain data."""
    options = results.options
    clean = results.clean
    data: dict[str, Any] = {
        "corpus": str(options.corpus_dir),
        "seed": options.seed,
        "rules": results.rules,
        "planted": {
            "pages": results.planted.pages,
            "kinds": dict(sorted(results.planted_kinds.items())),
            "families": _families(results.planted),
            "methods": {key: tally.to_dict() for key, tally in sorted(results.planted.methods.items())},
            "unscored_lines": dict(sorted(results.planted.unscored.items())),
        },
        "clean": {
            "pages": clean.pages,
            "with_findings": clean.with_findings,
            "share": _round(clean.share(clean.with_findings)),
            "by_family": {family: {"pages": clean.by_family.get(family, 0),
                                   "share": _round(clean.share(clean.by_family.get(family, 0)))}
                          for family in sorted(set(FAMILIES) | set(clean.by_family))},
            "by_code": {code: {"pages": count, "share": _round(clean.share(count))}
                        for code, count in sorted(clean.by_code.items())},
        },
        "genuine_emoji": {
            "documents": results.emoji.documents,
            "emoji": results.emoji.emoji,
            "flagged": results.emoji.flagged,
            "share": _round(results.emoji.share),
            "documents_flagged": results.emoji.documents_flagged,
        },
        "seed_page": results.seed.to_dict() if results.seed else {"skipped": results.seed_note or "not requested"},
        "real": None,
        "rule_failures": results.rule_failures,
        "seconds": results.seconds,
    }
    if results.real is not None:
        data["real"] = {
            "pages": results.real.pages,
            "labelled_lines": dict(sorted(results.real_labelled.items())),
            "families": _families(results.real),
            "skipped": results.real_skipped,
        }
    elif results.real_note:
        data["real"] = {"skipped": results.real_note}
    if options.misses:
        data["misses"] = [asdict(miss) for miss in results.misses]
    return data


def to_json(results: Results) -> str:
    return json.dumps(to_dict(results), ensure_ascii=False, indent=2)


def to_text(results: Results, details: bool = False) -> str:
    """The human report: tables per family, then shares, the seed page and real pages."""
    options = results.options
    out: list[str] = [f"scrapelint quality: corpus {options.corpus_dir}, seed {options.seed}, rules: {' '.join(results.rules)}"]
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(results.planted_kinds.items()))
    out += ["", f"Planted pages: {results.planted.pages} ({kinds}); line level"]
    out += _table(results.planted, FAMILIES)
    if results.planted.unscored:
        listed = ", ".join(f"{family} {count}" for family, count in sorted(results.planted.unscored.items()))
        out.append(f"  lines flagged by families a page is not scored on (not planted; zh-web pages: all but EMJ): {listed}")
    if details:
        out += ["", "Recall by planting method:", f"  {'method':<40}{'lines':>7}{'found':>7}{'recall':>8}"]
        for key, tally in sorted(results.planted.methods.items()):
            out.append(f"  {key:<40}{tally.labelled:>7}{tally.tp:>7}{_fmt(tally.recall):>8}")

    clean = results.clean
    out += ["", f"Clean articles with any finding: {clean.with_findings}/{clean.pages} ({_pct(clean.share(clean.with_findings))})"]
    families = sorted(set(FAMILIES) | set(clean.by_family))
    out.append("  " + "  ".join(f"{family} {clean.by_family.get(family, 0)} ({_pct(clean.share(clean.by_family.get(family, 0)))})"
                                for family in families))
    if details and clean.by_code:
        out.append("  by rule: " + ", ".join(f"{code} {count}" for code, count in sorted(clean.by_code.items())))

    emoji = results.emoji
    out += ["", f"Genuine emoji in {emoji.documents} zh-web documents: {emoji.flagged}/{emoji.emoji} flagged by EMJ "
                f"({_pct(emoji.share)}); {emoji.documents_flagged} documents with an EMJ finding"]

    out.append("")
    if results.seed is None:
        out.append(f"Seed page: {results.seed_note or 'not checked'}")
    else:
        seed = results.seed
        out.append(f"Seed page {seed.path}: {seed.matching}/{seed.lines} lines as in DESIGN.md")
        groups: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
        for mismatch in seed.mismatches:
            groups.setdefault((mismatch.expected, mismatch.found), []).append(mismatch.line)
        for (expected, found), lines in groups.items():
            parts = []
            if expected - found:
                parts.append(f"missing {_families_text(expected - found)}")
            if found - expected:
                parts.append(f"extra {_families_text(found - expected)}")
            label = "line" if len(lines) == 1 else "lines"
            out.append(f"  {label} {_compact(lines)}: expected {_families_text(expected)}, "
                       f"found {_families_text(found)} ({'; '.join(parts)})")

    out.append("")
    if results.real is None:
        out.append(f"Real labelled pages: {results.real_note or 'not checked'}")
    else:
        labelled = ", ".join(f"{family} {count}" for family, count in sorted(results.real_labelled.items()))
        out.append(f"Real labelled pages: {results.real.pages} (labelled lines: {labelled or 'none'}); line level")
        out += _table(results.real, sorted(results.real.families))
        few = [f for f, tally in sorted(results.real.families.items()) if tally.labelled < FEW_LABELLED]
        if few:
            out.append(f"  fewer than {FEW_LABELLED} labelled lines (figures are rough): {', '.join(few)}")
        for reason in results.real_skipped:
            out.append(f"  skipped {reason}")

    if results.misses:
        out += ["", "Misses (FN: labelled, not found; FP: found, not labelled):"]
        for miss in results.misses:
            methods = f" [{','.join(miss.methods)}]" if miss.methods else ""
            snippet = miss.text if len(miss.text) <= 100 else miss.text[:97] + "..."
            out.append(f"  {miss.set} {miss.family} {miss.kind} {miss.page}:{miss.line}{methods}: {snippet}")
    if results.rule_failures:
        out += ["", f"Rule failures (a rule raised or returned something malformed): {results.rule_failures}"]
    total = sum(results.seconds.values())
    out += ["", f"Time: {total:.1f} s (" + ", ".join(f"{k} {v:.1f}" for k, v in results.seconds.items()) + ")"]
    return "\n".join(out)


def _table(scores: LineScores, families: Iterable[str]) -> list[str]:
    rows = [f"  {'family':<8}{'labelled':>9}{'TP':>7}{'FP':>7}{'FN':>7}{'precision':>11}{'recall':>8}"]
    for family in families:
        tally = scores.families.get(family, Tally())
        rows.append(f"  {family:<8}{tally.labelled:>9}{tally.tp:>7}{tally.fp:>7}{tally.fn:>7}"
                    f"{_fmt(tally.precision):>11}{_fmt(tally.recall):>8}")
    return rows


def _families(scores: LineScores) -> dict[str, Any]:
    return {family: tally.to_dict() for family, tally in sorted(scores.families.items())}


def _compact(lines: list[int]) -> str:
    """``5-15``, ``19-59 odd`` or a list: line numbers the way a reader scans them."""
    runs: list[str] = []
    index = 0
    while index < len(lines):
        step_end = index
        step = lines[index + 1] - lines[index] if index + 1 < len(lines) else 0
        if step in (1, 2):
            while step_end + 1 < len(lines) and lines[step_end + 1] - lines[step_end] == step:
                step_end += 1
        if step == 1 and step_end > index:
            runs.append(f"{lines[index]}-{lines[step_end]}")
        elif step == 2 and step_end - index >= 2:
            runs.append(f"{lines[index]}-{lines[step_end]} {'odd' if lines[index] % 2 else 'even'}")
        else:
            step_end = index
            runs.append(str(lines[index]))
        index = step_end + 1
    return ", ".join(runs)


def _families_text(families: Iterable[str]) -> str:
    return ",".join(sorted(families)) or "none"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.2f}%"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
