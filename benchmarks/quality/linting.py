"""Run the linter in-process, as users get it: every built-in rule, the default selection.

Plugins are loaded once and the rules are called through the engine directly, so thousands of
pages cost no process start-up and no configuration lookups. Configuration files in the working
directory are deliberately not read: the figures describe the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint.config import ConfigError, Settings
from lint.engine import check_page
from lint.model import Finding
from lint.page import Page
from lint.plugin_manager import load_plugins
from lint.selection import ActiveRule, RuleSet

from benchmarks.quality.corpus import QualityError

__all__ = ["PageLinter", "covered_lines"]


@dataclass
class PageLinter:
    """The built-in rules with default options, ready to check pages."""

    rules: list[ActiveRule]
    failures: int = 0

    @classmethod
    def default(cls) -> "PageLinter":
        plugins = load_plugins()
        builtin = [rule for rule in plugins.rules if rule.origin == "builtin"]
        if not builtin:
            problems = "; ".join(f"{p.plugin}: {p.message}" for p in plugins.problems) or "is scrapelint installed?"
            raise QualityError(f"no built-in rules could be loaded ({problems})")
        try:
            ruleset = RuleSet(builtin, Settings(source=None))
        except ConfigError as error:
            raise QualityError(str(error)) from None
        return cls(ruleset.active_for("page.txt"))

    @property
    def codes(self) -> list[str]:
        return [active.rule.code for active in self.rules]

    def findings(self, text: str, page_id: str = "<page>") -> list[Finding]:
        """Findings of one page; a rule that fails on it is counted, not fatal."""
        result = check_page(Page(text, page_id), self.rules)
        self.failures += len(result.failures)
        return result.findings


def covered_lines(finding: Finding) -> range:
    """Lines a finding covers: ``line`` to ``end_line``, except an end line it does not enter.

    A span that ends exactly at the start of a line (column 1, exclusive end) holds nothing of
    that line, so the line is not counted.
    """
    last = finding.end_line
    if last > finding.line and finding.end_column == 1:
        last -= 1
    return range(finding.line, last + 1)
