"""The small model every part of scrapelint stands on: edits, fixes, findings, rules, families.

Rules, the engine, the fixer and the reporters import only this module (and ``lint.page``),
so a worker anywhere can run a rule with nothing else loaded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple

if TYPE_CHECKING:
    from lint.page import Page

__all__ = [
    "Severity",
    "Applicability",
    "Edit",
    "Fix",
    "Violation",
    "Finding",
    "RuleOption",
    "Rule",
    "Family",
    "record_location",
]


def record_location(path: str, record_id: str | None, record_index: int | None) -> str:
    """Where a record is, as reports show it: ``shard.jsonl#<id>`` (``#<index>`` without an id)."""
    if record_index is None:
        return path
    return f"{path}#{record_id if record_id is not None else record_index}"


class Severity(str, enum.Enum):
    """How loudly a finding is reported; all severities make the run exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, enum.Enum):
    """Whether ``--fix`` may apply a fix by itself (safe) or only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (original code-point offsets) with ``content``.

    Edits, fixes, violations and findings are named tuples, not dataclasses: a run makes, pickles
    and reads back from its cache tens of thousands of them, and a tuple is made several times
    faster than a frozen dataclass. Options and families are too: building a dataclass costs
    a millisecond or more of every run's start-up.
    """

    start: int
    end: int
    content: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "content": self.content}


class Fix(NamedTuple):
    """A set of non-overlapping edits that together repair one finding."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""

    @classmethod
    def delete(cls, start: int, end: int, *, safe: bool = True, message: str = "") -> "Fix":
        """The common fix: remove a span (whitespace is tidied by the fixer)."""
        applicability = Applicability.SAFE if safe else Applicability.UNSAFE
        return cls((Edit(start, end, ""),), applicability, message)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "message": self.message,
            "edits": [edit.to_dict() for edit in self.edits],
        }


class Violation(NamedTuple):
    """What a rule yields: a span of the page's text (original offsets) and why.

    The engine turns it into a :class:`Finding` with line and column; rules never compute
    positions themselves.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None


class Finding(NamedTuple):
    """One problem at one place: lines and columns are 1-based, columns count code points.

    ``end_column`` is exclusive: it is the column just after the flagged span, as in ruff.
    ``start``/``end`` keep the original offsets for the fixer and are not part of the output.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    message: str
    severity: Severity
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    record_id: str | None = None
    record_index: int | None = None

    @property
    def family(self) -> str:
        return self.code[:3]

    @property
    def location(self) -> str:
        """The path, with ``#<record id>`` for a finding in a record of a shard."""
        return record_location(self.path, self.record_id, self.record_index)

    def sort_key(self) -> tuple:
        return (self.path, self.record_index or 0, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (see README: JSON output, version 1)."""
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "severity": self.severity.value,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.record_index is not None:
            data["record_id"] = self.record_id
            data["record_index"] = self.record_index
        return data


class RuleOption(NamedTuple):
    """A per-rule setting (usually a threshold) that users set in config."""

    name: str
    default: Any
    help: str
    type: type = object

    def coerce(self, value: Any) -> Any:
        """Check a configured value against the option's type; raise ``TypeError`` if wrong."""
        expected = self.type if self.type is not object else type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if expected in (tuple, list) and isinstance(value, (list, tuple)):
            return expected(value)  # TOML arrays arrive as lists
        if expected is bool and not isinstance(value, bool):
            raise TypeError(f"expected a boolean, got {value!r}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise TypeError(f"expected {expected.__name__}, got {type(value).__name__} {value!r}")
        return value


CheckFunction = Callable[["Page", Mapping[str, Any]], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    """A rule a plugin contributes.

    ``check(page, options)`` yields :class:`Violation` objects for one page. It must not print,
    read files or keep state between pages: the same rule object may run in many processes.
    """

    code: str
    name: str
    summary: str
    explanation: str
    bad_example: str
    good_example: str
    check: CheckFunction
    severity: Severity = Severity.WARNING
    fixable: bool = False
    options: tuple[RuleOption, ...] = ()
    default_enabled: bool = True
    plugin: str = ""  # filled in by the plugin manager
    origin: str = "builtin"  # "builtin", "plugin" or "user"
    family: str = ""  # defaults to the code's three-letter prefix
    files: tuple[str, ...] = ()  # globs: the rule only runs on matching paths (all when empty)

    def __post_init__(self) -> None:
        if not self.family:
            object.__setattr__(self, "family", self.code[:3])

    def default_options(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}


class Family(NamedTuple):
    """A family of rules, declared by a plugin: its code prefix, a name and a report colour
    (``plugin`` is filled in by the plugin manager)."""

    prefix: str
    name: str
    description: str
    colour: str = "#999999"
    plugin: str = ""
