"""Settings from ``[tool.scrapelint]`` in ``pyproject.toml``, ``scrapelint.toml`` or ``.scrapelint.toml``.

The nearest configuration file to a checked file wins (as in ruff); ``--config`` names one file
for every path. Every key is checked: an unknown key, a value of the wrong type or a bad glob is
a :class:`ConfigError` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.globs import GlobError, compile_glob

__all__ = ["ConfigError", "Settings", "load_config_file", "find_config_file", "ConfigResolver", "CONFIG_NAMES"]

CONFIG_NAMES = (".scrapelint.toml", "scrapelint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (".*", "__pycache__", "node_modules", "venv", ".scrapelint_cache")


class ConfigError(Exception):
    """A configuration problem, worded for the user: ``file: key: reason``."""


@dataclass(frozen=True)
class Settings:
    """Resolved settings for the files below one configuration file."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    extend_include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    disable_plugins: tuple[str, ...] = ()
    user_rules: tuple[Any, ...] = ()  # lint.model.Rule objects compiled from rules-as-data
    rule_sources: str = ""  # the user rules' definitions, for the cache key
    plugin_dirs: tuple[Path, ...] = ()
    timeout: float | None = None  # seconds a page may take before its running rule is stopped
    # shards of records (lint.records): the fields holding a record's text and id, and how
    # many records of each shard to check (None: all; --sample)
    text_field: str = "text"
    id_field: str = "id"
    sample: int | None = None

    @property
    def where(self) -> str:
        return str(self.source) if self.source else "command line"

    def options_for(self, key: str) -> dict[str, Any]:
        for name, values in self.options:
            if name == key:
                return dict(values)
        return {}

    def all_include(self) -> tuple[str, ...]:
        return self.include + self.extend_include

    def all_exclude(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude

    def with_overrides(self, **overrides: Any) -> "Settings":
        """Command-line values on top of the file's (``None`` means not given)."""
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **given)

    def cache_key(self) -> str:
        """Everything that changes what a page's findings are, for the cache."""
        return repr(
            (self.select, self.extend_select, self.ignore, self.per_file_ignores, self.options, self.rule_sources)
        )


def _strings(file: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{file}: {key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _string(file: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{file}: {key}: expected a non-empty string, got {value!r}")
    return value


def _globs(file: str, key: str, value: Any) -> tuple[str, ...]:
    patterns = _strings(file, key, value)
    for pattern in patterns:
        try:
            compile_glob(pattern)
        except GlobError as error:
            raise ConfigError(f"{file}: {key}: bad glob {pattern!r}: {error}") from None
    return patterns


def _per_file_ignores(file: str, key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{file}: {key}: expected a table of glob = [rules], got {value!r}")
    pairs = []
    for pattern, selectors in value.items():
        _globs(file, f"{key}.{pattern!r}", [pattern])
        pairs.append((pattern, _strings(file, f"{key}.{pattern!r}", selectors)))
    return tuple(pairs)


def _options(file: str, key: str, value: Any) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{file}: {key}: expected tables [tool.scrapelint.options.RULE], got {value!r}")
    return tuple((rule, tuple(sorted(values.items()))) for rule, values in value.items())


def _seconds(file: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"{file}: {key}: expected a number of seconds above 0, got {value!r}")
    return float(value)


_KEYS = {
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "include": ("include", _globs),
    "extend-include": ("extend_include", _globs),
    "exclude": ("exclude", _globs),
    "extend-exclude": ("extend_exclude", _globs),
    "options": ("options", _options),
    "disable-plugins": ("disable_plugins", _strings),
    "rules": ("rules", lambda file, key, value: value),
    "rules-files": ("rules_files", _strings),
    "rule-packs": ("rule_packs", _strings),
    "plugins-dir": ("plugins_dir", _strings),
    "timeout": ("timeout", _seconds),
    "text-field": ("text_field", _string),
    "id-field": ("id_field", _string),
}


def parse_table(table: dict[str, Any], source: Path | None, root: Path) -> Settings:
    """Validate a ``[tool.scrapelint]`` table into :class:`Settings`."""
    file = str(source) if source else "command line"
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{file}: unknown key {key!r} (known keys: {known})")
        attribute, convert = _KEYS[key]
        values[attribute] = convert(file, key, value)
    _user_rules(values, file, root)
    return Settings(root=root, source=source, **values)


def _user_rules(values: dict[str, Any], file: str, root: Path) -> None:
    """Compile rules-as-data (inline, rule files, packs) and resolve local plugin folders."""
    inline = values.pop("rules", [])
    files = values.pop("rules_files", ())
    packs = values.pop("rule_packs", ())
    values["plugin_dirs"] = tuple(root / folder for folder in values.pop("plugins_dir", ()))
    if not (inline or files or packs):
        return
    from lint import user_rules  # compiles patterns with regex: only configurations with user rules
    try:
        compiled = list(user_rules.parse_user_rules(inline, file))
        for name in files:
            compiled.extend(user_rules.load_rules_file(root / name))
        for name in packs:
            compiled.extend(user_rules.load_rule_pack(name, file))
    except user_rules.UserRuleError as error:
        raise ConfigError(str(error)) from None
    seen: dict[str, str] = {}
    for rule in compiled:
        for key in (rule.code, rule.name):
            if key in seen:
                raise ConfigError(f"{file}: rules: {key} is defined twice")
            seen[key] = rule.code
    user_rules.link_phrase_index(tuple(compiled))
    values["user_rules"] = tuple(compiled)
    values["rule_sources"] = repr((inline, [(name, (root / name).stat().st_mtime_ns) for name in files], packs))


def load_config_file(path: Path) -> Settings | None:
    """Read one configuration file; ``None`` for a ``pyproject.toml`` without our table."""
    import tomllib  # only runs that have a configuration file pay for the TOML parser

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("scrapelint")
        if table is None:
            return None
    else:
        table = data.get("tool", {}).get("scrapelint", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.scrapelint] must be a table")
    return parse_table(table, path.resolve(), path.resolve().parent)


def find_config_file(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory`` that configures scrapelint."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name != "pyproject.toml" or _has_our_table(candidate):
                    return candidate
    return None


def _has_our_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.scrapelint" in text


class ConfigResolver:
    """Settings for any path: the ``--config`` file, or the nearest one, plus CLI overrides."""

    def __init__(self, config_path: Path | None = None, overrides: dict[str, Any] | None = None) -> None:
        self._overrides = overrides or {}
        self._by_file: dict[Path | None, Settings] = {}
        self._by_dir: dict[Path, Settings] = {}
        self._fixed: Settings | None = None
        if config_path is not None:
            settings = load_config_file(config_path)
            if settings is None:
                settings = Settings(root=config_path.resolve().parent, source=config_path.resolve())
            self._fixed = settings.with_overrides(**self._overrides)

    @classmethod
    def from_settings(cls, settings: Settings) -> "ConfigResolver":
        """A resolver that gives the same settings for every path (the API's dict config)."""
        resolver = cls()
        resolver._fixed = settings
        return resolver

    def disabled_plugins(self) -> tuple[str, ...]:
        """Plugins disabled by the ``--config`` file, or by the working folder's nearest config."""
        return self.for_directory(Path.cwd()).disable_plugins

    def plugin_dirs(self) -> tuple[Path, ...]:
        """Local plugin folders named by the ``--config`` file or the working folder's config."""
        return self.for_directory(Path.cwd()).plugin_dirs

    def for_directory(self, directory: Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        directory = directory.resolve()
        cached = self._by_dir.get(directory)
        if cached is None:
            source = find_config_file(directory)
            cached = self._by_file.get(source)
            if cached is None:
                loaded = load_config_file(source) if source else None
                base = loaded or Settings(root=Path.cwd())
                cached = base.with_overrides(**self._overrides)
                self._by_file[source] = cached
            self._by_dir[directory] = cached
        return cached

    def for_path(self, path: Path) -> Settings:
        return self.for_directory(path if path.is_dir() else path.parent)

    def all_settings(self) -> list[Settings]:
        if self._fixed is not None:
            return [self._fixed]
        return list(self._by_file.values())

