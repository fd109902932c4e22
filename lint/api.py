"""The Python API: lint text or paths with the same plugins, config and rules as the CLI.

>>> from lint import lint_text
>>> [f.code for f in lint_text("文 | 财华社 文 | 财华社 正文")]
['BYL001']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from lint.config import ConfigError, ConfigResolver, Settings, parse_table
from lint.engine import RuleFailure, check_page
from lint.model import Finding
from lint.page import Page
from lint.plugin_manager import LoadedPlugins, load_plugins
from lint.runner import FileResult, Runner
from lint.selection import RuleSet

if TYPE_CHECKING:
    from lint.cache import ResultCache
    from lint.fixer import FixResult
    from lint.fixfile import FixOptions

__all__ = ["Linter", "LintError", "LintReport", "lint_text", "lint_paths", "fix_text"]


class LintError(Exception):
    """A problem with the configuration or the plugins: the run cannot start."""


class LintReport(list):
    """The findings of a run (a plain list), with the files that could not be checked in ``errors``."""

    def __init__(self, findings: Iterable[Finding] = (), errors: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(findings)
        self.errors: list[tuple[str, str]] = list(errors)


class Linter:
    """Plugins loaded once, a configuration resolver and the runner; shared by CLI and API.

    The plugins are imported on first use of :attr:`plugins`: a re-run answered from the cache
    (lint.quick) never needs them.
    """

    def __init__(self, plugins: LoadedPlugins | None, resolver: ConfigResolver,
                 disabled_plugins: tuple[str, ...] = (), plugin_dirs: tuple[Path, ...] = ()) -> None:
        self._plugins = plugins
        self.resolver = resolver
        self.disabled_plugins = disabled_plugins  # by the command line or the configuration
        self.plugin_dirs = plugin_dirs  # local plugin folders
        self.jobs = 1  # worker processes for check_paths (lint.parallel)
        self.cache: "ResultCache | None" = None  # results of unchanged pages (lint.cache)
        self.keep_decoded = True  # FileResult.decoded (page text) for reports that show whole pages

    @classmethod
    def create(
        cls,
        config: str | Path | Mapping[str, Any] | None = None,
        overrides: Mapping[str, Any] | None = None,
        disable_plugins: Iterable[str] = (),
        plugin_dirs: Iterable[str | Path] = (),
    ) -> "Linter":
        """Load plugins and configuration; raises :class:`LintError` with a one-line reason."""
        try:
            if isinstance(config, Mapping):
                base = parse_table(dict(config), None, Path.cwd())
                resolver = ConfigResolver.from_settings(base.with_overrides(**dict(overrides or {})))
            else:
                resolver = ConfigResolver(Path(config) if config else None, dict(overrides or {}))
            disabled = list(disable_plugins) + list(resolver.disabled_plugins())
            folders = [*resolver.plugin_dirs(), *(Path(folder) for folder in plugin_dirs)]
        except ConfigError as error:
            raise LintError(str(error)) from None
        return cls(None, resolver, tuple(disabled), tuple(folders))

    @property
    def plugins(self) -> LoadedPlugins:
        if self._plugins is None:
            self._plugins = load_plugins(self.disabled_plugins, plugin_dirs=self.plugin_dirs)
        return self._plugins

    def ruleset(self, settings: Settings) -> RuleSet:
        try:
            return RuleSet(self.plugins.rules, settings)
        except ConfigError as error:
            raise LintError(str(error)) from None

    def runner(self, force_exclude: bool = False) -> Runner:
        runner = Runner(self.plugins.rules, self.resolver, force_exclude)
        runner.jobs, runner.cache, runner.keep_decoded = self.jobs, self.cache, self.keep_decoded
        return runner

    def rules(self) -> list:
        """Plugin rules and the working folder's user rules, as ``scrapelint rules`` shows them."""
        return self.ruleset(self.resolver.for_directory(Path.cwd())).all_rules

    def lint_text(self, text: str, path: str = "<text>") -> LintReport:
        settings = self.resolver.for_directory(Path.cwd())
        outcome = check_page(Page(text, path), self.ruleset(settings).active_for(path))
        return LintReport(outcome.findings, ((path, _failure_text(f)) for f in outcome.failures))

    def check_paths(
        self, paths: Iterable[str | Path], force_exclude: bool = False, fix: "FixOptions | None" = None
    ) -> Iterator[FileResult]:
        """Results per file; with ``fix`` each file is fixed (or diffed) first, see :mod:`lint.fixfile`."""
        runner = self.runner(force_exclude)
        runner.fix = fix
        try:
            yield from runner.run(Path(p) for p in paths)
        except ConfigError as error:
            raise LintError(str(error)) from None


def lint_text(
    text: str,
    path: str = "<text>",
    config: str | Path | Mapping[str, Any] | None = None,
    **overrides: Any,
) -> LintReport:
    """Findings for one page of text, sorted by line and column (rule failures in ``.errors``).

    ``config`` is a configuration file, or a ``[tool.scrapelint]`` table as a dict; keyword
    overrides (``select=("EMJ",)``) apply on top.
    """
    return Linter.create(config, _as_settings(overrides)).lint_text(text, path)


def lint_paths(
    paths: Iterable[str | Path],
    config: str | Path | Mapping[str, Any] | None = None,
    **overrides: Any,
) -> LintReport:
    """Findings for files and folders (recursively); files that could not be checked are in ``.errors``."""
    linter = Linter.create(config, _as_settings(overrides))
    findings: list[Finding] = []
    errors: list[tuple[str, str]] = []
    for result in linter.check_paths(paths):
        findings.extend(result.findings)
        if result.error:
            errors.append((result.display, result.error))
        errors.extend((result.display, _failure_text(f)) for f in result.failures)
    return LintReport(findings, errors)


def fix_text(
    text: str,
    config: str | Path | Mapping[str, Any] | None = None,
    unsafe: bool = False,
    path: str = "<text>",
    **overrides: Any,
) -> "FixResult":
    """Fix one page of text: ``.text`` is the fixed text, ``.applied`` the fixes applied.

    Safe fixes only unless ``unsafe=True``; ``.findings`` is what is still found in the fixed
    text (see :class:`lint.fixer.FixResult`). Nothing is read or written.
    """
    from lint.fixer import fix_page_text

    linter = Linter.create(config, _as_settings(overrides))
    settings = linter.resolver.for_directory(Path.cwd())
    return fix_page_text(text, linter.ruleset(settings).active_for(path), unsafe=unsafe, path=path)


def _failure_text(failure: RuleFailure) -> str:
    return f"rule {failure.code} ({failure.name}) {failure.message}"


def _as_settings(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword overrides use Settings' field names; sequences become tuples."""
    return {key: tuple(value) if isinstance(value, (list, tuple)) else value for key, value in overrides.items()}
