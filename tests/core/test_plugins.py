"""Plugins: discovery through entry points, failures contained, disabling."""

from __future__ import annotations

import types

from lint import hookimpl
from lint.engine import check_page
from lint.model import Rule, Violation
from lint.page import Page
from lint.plugin_manager import load_plugins
from lint.selection import RuleSet
from lint.config import Settings


def _plugin(name: str, *rules: Rule) -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def scrapelint_rules():
        return list(rules)

    module.scrapelint_rules = scrapelint_rules
    return module


def _rule(code: str, name: str, check) -> Rule:
    return Rule(code, name, "summary", "explanation", "bad", "good", check)


def _boom(page, options):
    raise ZeroDivisionError("division by zero")
    yield  # pragma: no cover


def _bad_offsets(page, options):
    yield Violation(0, len(page.text) + 5, "too far")


def _words(page, options):
    start = page.text.find("广告")
    if start >= 0:
        yield Violation(start, start + 2, "ad word")


def test_builtin_rules_come_through_the_entry_point_group():
    loaded = load_plugins()
    assert {"emoji", "offtopic", "byline", "counters", "chrome"} <= {p.name for p in loaded.plugins}
    assert all(p.builtin for p in loaded.plugins if p.name == "byline")
    assert {"EMJ", "OFT", "BYL", "VWC", "CHR"} <= set(loaded.families)


def test_disabling_a_plugin_by_argument_and_environment(monkeypatch):
    assert "byline" not in {p.name for p in load_plugins(["byline"]).plugins}
    monkeypatch.setenv("SCRAPELINT_DISABLE_PLUGINS", "byline, chrome")
    loaded = load_plugins()
    assert not {"byline", "chrome"} & {p.name for p in loaded.plugins}
    assert {"byline", "chrome"} <= set(loaded.disabled)


def test_a_raising_rule_is_a_failure_while_other_rules_still_run():
    plugin = _plugin("mine", _rule("TST001", "boom", _boom), _rule("TST002", "ad-word", _words))
    loaded = load_plugins(extra=[("mine", plugin, "1.0")])
    rules = [r for r in loaded.rules if r.plugin == "mine"]
    outcome = check_page(Page("这是广告"), RuleSet(rules, Settings()).active_for("x.txt"))
    assert [(f.code, f.column) for f in outcome.findings] == [("TST002", 3)]
    assert [(f.code, f.message) for f in outcome.failures] == [("TST001", "raised ZeroDivisionError: division by zero")]


def test_malformed_findings_are_rejected_not_reported():
    plugin = _plugin("mine", _rule("TST003", "bad-offsets", _bad_offsets))
    loaded = load_plugins(extra=[("mine", plugin, "1.0")])
    rules = [r for r in loaded.rules if r.plugin == "mine"]
    outcome = check_page(Page("短页"), RuleSet(rules, Settings()).active_for("x.txt"))
    assert outcome.findings == []
    assert "outside the page" in outcome.failures[0].message


def test_invalid_rule_declarations_are_plugin_problems():
    plugin = _plugin("sloppy", _rule("tst1", "Bad Name", _words), _rule("BYL001", "clash", _words))
    loaded = load_plugins(extra=[("sloppy", plugin, "0.1")])
    messages = [p.message for p in loaded.problems if p.plugin == "sloppy"]
    assert any("not three capitals and three digits" in m for m in messages)
    assert any("clashes with BYL001" in m for m in messages)


def test_hooks_are_found_among_a_modules_helpers_and_on_a_plugin_object():
    """The quick look at a module's names finds what pluggy finds: marked functions, named or
    not after their hook, and nothing else; objects are left to pluggy as they are."""
    module = _plugin("helpers", _rule("ZZZ001", "tidy", _words))

    @hookimpl(specname="scrapelint_rules")
    def more_rules():
        return [_rule("ZZZ002", "tidier", _words)]

    def scrapelint_families():  # named like a hook, but not marked: not a hook
        raise AssertionError("an unmarked function was called as a hook")

    module.more_rules, module.scrapelint_families = more_rules, scrapelint_families
    module.helper, module.PATTERN, module.Rule = _words, "广告", Rule

    class AsObject:
        @staticmethod
        @hookimpl
        def scrapelint_rules():
            return [_rule("ZZZ003", "tidiest", _words)]

    loaded = load_plugins(extra=[("helpers", module, "1.0"), ("object", AsObject(), "1.0")])
    assert not loaded.problems
    codes = {rule.code: rule.plugin for rule in loaded.rules if rule.code.startswith("ZZZ")}
    assert codes == {"ZZZ001": "helpers", "ZZZ002": "helpers", "ZZZ003": "object"}
