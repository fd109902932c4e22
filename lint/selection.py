"""Which rules run on which file: ``select``/``ignore``/``extend-select``/``per-file-ignores``.

Selectors are a rule code (``EMJ001``), a code prefix (``EMJ``, ``EMJ0``), a rule name
(``injected-emoji``) or ``ALL``. An unknown selector is an error that names where it was written.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple, Sequence

from lint.config import ConfigError, Settings
from lint.globs import glob_matches
from lint.model import Rule

__all__ = ["RuleSet", "ActiveRule", "resolve_selector", "ignored_codes", "ignores_nothing"]


class ActiveRule(NamedTuple):
    """A selected rule with its options resolved from defaults and config."""

    rule: Rule
    options: dict[str, Any]


def resolve_selector(selector: str, rules: Iterable[Rule]) -> list[Rule]:
    """Rules a selector names (a family prefix also names rules of that family with other codes)."""
    if selector == "ALL":
        return list(rules)
    upper = selector.upper()
    found = []
    for rule in rules:
        if rule.name == selector or rule.code == upper or rule.family == upper or (
            len(upper) < 6 and upper.isalnum() and rule.code.startswith(upper) and len(upper) >= 3
        ):
            found.append(rule)
    return found


class RuleSet:
    """The rules selected by one :class:`Settings`, and which of them apply to a given path."""

    def __init__(self, rules: list[Rule], settings: Settings) -> None:
        self.settings = settings
        where = settings.where
        taken = {key: rule for rule in rules for key in (rule.code, rule.name)}
        for user_rule in settings.user_rules:
            for key in (user_rule.code, user_rule.name):
                if key in taken:
                    raise ConfigError(f"{where}: rules: {key} is already a rule of plugin {taken[key].plugin}")
        rules = sorted([*rules, *settings.user_rules], key=lambda rule: rule.code)
        self._all = rules
        if settings.select is None:
            chosen = {rule.code for rule in rules if rule.default_enabled}
        else:
            chosen = self._codes(settings.select, where, "select")
        chosen |= self._codes(settings.extend_select, where, "extend-select")
        chosen -= self._codes(settings.ignore, where, "ignore")
        self.rules = [rule for rule in rules if rule.code in chosen]
        self._per_file = [
            (pattern, self._codes(selectors, where, f"per-file-ignores {pattern!r}"))
            for pattern, selectors in settings.per_file_ignores
        ]
        self.validate_option_tables()
        self._active = [ActiveRule(rule, self._options(rule)) for rule in self.rules]
        self._same_everywhere = ignores_nothing(self._per_file, (active.rule.files for active in self._active))

    def _codes(self, selectors: Iterable[str], where: str, key: str) -> set[str]:
        codes: set[str] = set()
        for selector in selectors:
            found = resolve_selector(selector, self._all)
            if not found:
                raise ConfigError(f"{where}: {key}: unknown rule or prefix {selector!r} (see 'scrapelint rules')")
            codes.update(rule.code for rule in found)
        return codes

    def _options(self, rule: Rule) -> dict[str, Any]:
        values = rule.default_options()
        declared = {option.name: option for option in rule.options}
        for key in (rule.code, rule.name):
            for name, value in self.settings.options_for(key).items():
                option = declared.get(name)
                if option is None:
                    known = ", ".join(declared) or "none"
                    raise ConfigError(
                        f"{self.settings.where}: options.{key}: unknown option {name!r} (options of {rule.name}: {known})"
                    )
                try:
                    values[name] = option.coerce(value)
                except TypeError as error:
                    raise ConfigError(f"{self.settings.where}: options.{key}.{name}: {error}") from None
        return values

    def validate_option_tables(self) -> None:
        """Every ``[tool.scrapelint.options.X]`` table must name a known rule."""
        for key, _ in self.settings.options:
            if not any(rule.code == key or rule.name == key for rule in self._all):
                raise ConfigError(f"{self.settings.where}: options: unknown rule {key!r}")

    @property
    def all_rules(self) -> list[Rule]:
        """Plugin rules and this configuration's user rules, by code."""
        return self._all

    @property
    def selected(self) -> list[ActiveRule]:
        """Every selected rule with its options, before per-file ignores."""
        return self._active

    @property
    def per_file_ignores(self) -> list[tuple[str, set[str]]]:
        """``(glob, codes)``: the per-file ignores, resolved to codes."""
        return self._per_file

    def active_for(self, relative_path: str) -> list[ActiveRule]:
        """Selected rules minus per-file ignores and rules whose ``files`` globs do not match."""
        if self._same_everywhere:
            return self._active
        ignored = ignored_codes(relative_path, self._per_file, ((a.rule.code, a.rule.files) for a in self._active))
        if not ignored:
            return self._active
        return [active for active in self._active if active.rule.code not in ignored]


def ignores_nothing(per_file: Sequence[tuple[str, Iterable[str]]], rule_files: Iterable[Iterable[str]]) -> bool:
    """Whether :func:`ignored_codes` is empty for every path: no per-file ignores and no rule
    limited to some files (then a run need not match any glob per file)."""
    return not per_file and not any(rule_files)


def ignored_codes(relative_path: str, per_file: Iterable[tuple[str, Iterable[str]]],
                  rule_files: Iterable[tuple[str, Iterable[str]]]) -> set[str]:
    """Codes not run on a path: its per-file ignores, and rules whose ``files`` globs miss it."""
    ignored: set[str] = set()
    for pattern, codes in per_file:
        if glob_matches(pattern, relative_path):
            ignored.update(codes)
    for code, files in rule_files:
        if files and not any(glob_matches(pattern, relative_path) for pattern in files):
            ignored.add(code)
    return ignored
