"""Find plugins through the ``scrapelint`` entry-point group and collect their rules.

A plugin that fails to import, or whose hook raises, does not take the run down: it is recorded
as a :class:`PluginProblem`, reported, and the run exits 2 after checking with everything else.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

from lint.model import Family, Rule

if TYPE_CHECKING:
    import pluggy

__all__ = ["PluginInfo", "PluginProblem", "LoadedPlugins", "load_plugins", "DISABLE_ENV"]

ENTRY_POINT_GROUP = "scrapelint"
DISABLE_ENV = "SCRAPELINT_DISABLE_PLUGINS"
_CODE = re.compile(r"^[A-Z]{3}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class PluginInfo(NamedTuple):
    name: str
    version: str
    module: str
    builtin: bool


class PluginProblem(NamedTuple):
    plugin: str
    message: str


class LoadedPlugins:
    """Everything the plugins contributed, validated.

    The small classes of the core are plain classes and named tuples, not dataclasses: building
    a dataclass costs about a millisecond, and a one-file run imports them all.
    """

    def __init__(self, plugins: list[PluginInfo] | None = None, rules: list[Rule] | None = None,
                 families: dict[str, Family] | None = None, problems: list[PluginProblem] | None = None,
                 disabled: list[str] | None = None) -> None:
        self.plugins = [] if plugins is None else plugins
        self.rules = [] if rules is None else rules
        self.families = {} if families is None else families
        self.problems = [] if problems is None else problems
        self.disabled = [] if disabled is None else disabled

    def fingerprint(self) -> str:
        """Names and versions of loaded plugins, for cache keys."""
        return ";".join(f"{p.name}={p.version}" for p in sorted(self.plugins, key=lambda p: p.name))


def disabled_from_env() -> list[str]:
    """Plugin names listed (comma-separated) in ``SCRAPELINT_DISABLE_PLUGINS``."""
    return [name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()]


def _entry_points() -> Iterable:
    """The group's entry points; read directly from the metadata files when possible (start-up)."""
    from lint.entry_points import Unsupported, entry_points

    try:
        return entry_points(ENTRY_POINT_GROUP)
    except Unsupported:
        import importlib.metadata

        return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def load_plugins(
    disabled: Iterable[str] = (),
    extra: Iterable[tuple[str, object, str]] = (),
    plugin_dirs: Iterable[Path] = (),
) -> LoadedPlugins:
    """Load every plugin in the entry-point group except the disabled ones.

    ``extra`` adds already-imported plugins as ``(name, module, version)`` (tests use it);
    ``plugin_dirs`` are local folders of unpackaged plugin modules.
    """
    result = LoadedPlugins()
    local, problems = local_plugins(plugin_dirs)
    extra = [*extra, *local]
    result.problems.extend(problems)
    disabled_set = set(disabled) | set(disabled_from_env())
    # here, not at the top: a run answered from the cache loads no plugins (nor pluggy)
    from lint import hookspecs
    from lint.hook_manager import HookManager

    manager = HookManager()
    manager.add_hookspecs(hookspecs)
    seen: set[str] = set()
    candidates: list[tuple[str, object, str, bool]] = []
    for entry_point in _entry_points():
        if entry_point.name in seen:
            continue  # the same distribution found twice on sys.path
        seen.add(entry_point.name)
        if entry_point.name in disabled_set:
            result.disabled.append(entry_point.name)
            continue
        dist = entry_point.dist
        version = dist.version if dist is not None else "unknown"
        builtin = dist is not None and dist.metadata["Name"] == "scrapelint"
        try:
            module = entry_point.load()
        except Exception as error:  # a broken plugin must not stop the run
            result.problems.append(
                PluginProblem(entry_point.name, f"failed to import {entry_point.value}: {_describe(error)}")
            )
            continue
        candidates.append((entry_point.name, module, version, builtin))
    for name, module, version in extra:
        if name in disabled_set:
            result.disabled.append(name)
            continue
        candidates.append((name, module, version, False))

    for name, module, version, builtin in candidates:
        try:
            manager.register(module, name=name)
        except Exception as error:
            result.problems.append(PluginProblem(name, f"cannot be registered: {_describe(error)}"))
            continue
        result.plugins.append(PluginInfo(name, version, getattr(module, "__name__", repr(module)), builtin))
        _collect(manager, module, name, builtin, result)
    _check_unique(result)
    return result


def local_plugins(folders: Iterable[Path]) -> tuple[list[tuple[str, object, str]], list[PluginProblem]]:
    """Import every ``*.py`` in local plugin folders (unpackaged plugins, as flake8's local plugins).

    Each module becomes a plugin named after its file; one that fails to import is a problem,
    not a crash.
    """
    import importlib.util
    import sys

    found: list[tuple[str, object, str]] = []
    problems: list[PluginProblem] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(PluginProblem(str(folder), "plugin folder does not exist"))
            continue
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            module_name = f"scrapelint_local_{path.stem}"
            try:
                spec = importlib.util.spec_from_file_location(module_name, path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[module_name] = module
                spec.loader.exec_module(module)
            except Exception as error:
                sys.modules.pop(module_name, None)
                problems.append(PluginProblem(path.stem, f"failed to import {path}: {_describe(error)}"))
                continue
            found.append((path.stem, module, "local"))
    return found, problems


def _collect(manager: pluggy.PluginManager, module: object, name: str, builtin: bool, result: LoadedPlugins) -> None:
    """Call one plugin's hooks and validate what it returns."""
    for hook_name in ("scrapelint_families", "scrapelint_rules"):
        impls = [impl for impl in getattr(manager.hook, hook_name).get_hookimpls() if impl.plugin is module]
        for impl in impls:
            try:
                items = list(impl.function() or ())
            except Exception as error:
                result.problems.append(PluginProblem(name, f"hook {hook_name} raised {_describe(error)}"))
                continue
            for item in items:
                if hook_name == "scrapelint_families":
                    if not isinstance(item, Family) or not re.fullmatch(r"[A-Z]{3}", item.prefix):
                        result.problems.append(PluginProblem(name, f"returned a malformed family: {item!r:.80}"))
                        continue
                    result.families.setdefault(item.prefix, item._replace(plugin=name))
                else:
                    problem = _rule_problem(item)
                    if problem:
                        result.problems.append(PluginProblem(name, problem))
                        continue
                    origin = item.origin if item.origin == "user" else ("builtin" if builtin else "plugin")
                    result.rules.append(replace(item, plugin=name, origin=origin))


def _rule_problem(rule: object) -> str | None:
    if not isinstance(rule, Rule):
        return f"returned something that is not a Rule: {rule!r:.80}"
    if not _CODE.match(rule.code):
        return f"rule {rule.code!r} has a code that is not three capitals and three digits"
    if not _NAME.match(rule.name):
        return f"rule {rule.code} has a name that is not kebab-case: {rule.name!r}"
    if not callable(rule.check):
        return f"rule {rule.code} has no callable check"
    return None


def _check_unique(result: LoadedPlugins) -> None:
    """Drop later rules whose code or name is already taken, and say so."""
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    kept: list[Rule] = []
    for rule in result.rules:
        clash = codes.get(rule.code) or names.get(rule.name)
        if clash is not None:
            result.problems.append(
                PluginProblem(rule.plugin, f"rule {rule.code} ({rule.name}) clashes with {clash.code} ({clash.name}) from plugin {clash.plugin}")
            )
            continue
        codes[rule.code] = names[rule.name] = rule
        kept.append(rule)
    kept.sort(key=lambda rule: rule.code)
    result.rules = kept


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
