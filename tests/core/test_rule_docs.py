"""Every built-in rule is documented, and so is every hook (as datasette checks its hooks)."""

from __future__ import annotations

import inspect
import re

import pytest

from conftest import REPO
from lint import hookspecs
from lint.plugin_manager import load_plugins

LOADED = load_plugins()
BUILTIN = [rule for rule in LOADED.rules if rule.origin == "builtin"]


def test_the_builtin_families_are_all_there():
    assert {"EMJ", "OFT", "BYL", "VWC", "CHR", "SPM", "DUP", "MKP"} <= {rule.family for rule in BUILTIN}
    assert LOADED.problems == []


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_rule_has_a_stable_code_a_name_and_an_explanation_with_examples(rule):
    assert re.fullmatch(r"[A-Z]{3}\d{3}", rule.code) and rule.code.startswith(rule.family)
    assert rule.family in LOADED.families
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", rule.name)
    assert rule.summary.strip() and len(rule.explanation.strip()) > len(rule.summary.strip())
    assert rule.bad_example.strip() and rule.good_example.strip()
    assert rule.bad_example != rule.good_example
    assert all(option.help.strip() for option in rule.options)


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_rule_flags_its_own_bad_example_or_explains_why_not(rule):
    """The bad example is a page that shows the defect; the good example is clean for that rule."""
    from lint.engine import check_page
    from lint.page import Page
    from lint.selection import ActiveRule

    active = [ActiveRule(rule, rule.default_options())]
    bad = check_page(Page(rule.bad_example), active)
    good = check_page(Page(rule.good_example), active)
    assert bad.failures == [] and good.failures == []
    assert [f.code for f in good.findings] == []
    assert bad.findings, f"{rule.code}'s bad example is not flagged by the rule itself"


def test_every_hook_is_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    hooks = [name for name, member in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("scrapelint_")]
    assert hooks
    for name in hooks:
        assert getattr(hookspecs, name).__doc__.strip(), name
        assert name in readme, f"hook {name} is not in the README"
