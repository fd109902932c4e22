"""Rules as data: site phrases and patterns that users write in config, without Python.

Four kinds, as Vale and proselint have shown to be enough:

* ``existence``  — phrases (matched on the de-noised view, so injected emoji do not hide them)
  or regex patterns (matched on the original text);
* ``repetition`` — a pattern whose match repeats on the same or an adjacent line;
* ``occurrence`` — a pattern found more than ``max`` times in a page;
* ``line``       — a whole line matching a pattern (optionally after a line matching ``previous``).

Each definition compiles to an ordinary :class:`~lint.model.Rule`; selection, per-file ignores,
fixes and reports treat it like a built-in one. Check objects are plain picklable classes so
worker processes can run them.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import regex

from lint.globs import GlobError, compile_glob
from lint.model import Fix, Rule, Severity, Violation
from lint.page import Page
from lint.regions import REGIONS, region_bounds

__all__ = ["UserRuleError", "PhraseIndex", "link_phrase_index", "parse_user_rules", "load_rules_file", "load_rule_pack", "PACK_GROUP", "PACK_FILE"]

KINDS = ("existence", "repetition", "occurrence", "line")
FIXES = ("delete-match", "delete-line")
PACK_GROUP = "scrapelint.rule_packs"
PACK_FILE = "scrapelint-rules.toml"
_CODE = regex.compile(r"[A-Z]{3}[0-9]{3}")
_NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

_COMMON = {"kind", "code", "name", "family", "message", "severity", "scope", "files", "fix", "fix-safety",
           "summary", "explanation", "bad-example", "good-example", "enabled"}
_KIND_KEYS = {
    "existence": {"phrases", "patterns", "ignore-case"},
    "repetition": {"phrases", "patterns", "ignore-case", "max-line-distance"},
    "occurrence": {"phrases", "patterns", "ignore-case", "max"},
    "line": {"patterns", "previous", "previous-max-length", "ignore-case"},
}


class UserRuleError(ValueError):
    """A malformed rule definition; the message names the file and the rule."""


class PhraseIndex:
    """Every phrase of every user rule in one Aho-Corasick automaton, searched once per page.

    With hundreds of site phrases, one pass over the de-noised text costs about what one phrase
    would; each rule then picks its own hits. The automaton is rebuilt lazily after pickling.
    """

    def __init__(self) -> None:
        self.phrases: list[str] = []
        self._ids: dict[str, int] = {}
        self._automaton: Any = None
        self._page: Page | None = None  # the page the memo belongs to (held, so never confused)
        self._memo: dict[bool, dict[int, list[tuple[int, int]]]] = {}

    def add(self, phrase: str) -> int:
        if phrase not in self._ids:
            self._ids[phrase] = len(self.phrases)
            self.phrases.append(phrase)
            self._automaton = None
        return self._ids[phrase]

    def hits(self, page: Page, folded: bool) -> dict[int, list[tuple[int, int]]]:
        """Phrase id -> de-noised spans, all overlapping matches, computed once per page."""
        if self._page is not page:
            self._page, self._memo = page, {}
        memo = self._memo
        key = folded
        if key not in memo:
            text = page.denoised.text
            if folded:
                lowered = text.lower()
                text = lowered if len(lowered) == len(text) else text
            found: dict[int, list[tuple[int, int]]] = {}
            if self.phrases:
                for phrase_id, start, end in self._search(text):
                    found.setdefault(phrase_id, []).append((start, end))
            memo[key] = found
        return memo[key]

    def _search(self, text: str) -> list[tuple[int, int, int]]:
        if self._automaton is None:
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(self.phrases)
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def __getstate__(self) -> dict:
        return {"phrases": self.phrases, "_ids": self._ids, "_automaton": None, "_page": None, "_memo": {}}


@dataclass
class _Matcher:
    """Phrases (on the de-noised view, through a shared index) and regex patterns (on the text)."""

    phrases: tuple[str, ...]
    patterns: tuple[str, ...]
    ignore_case: bool
    index: PhraseIndex | None = None
    _phrase_ids: tuple[int, ...] = ()
    _compiled: Any = field(default=None, repr=False)

    def attach(self, index: PhraseIndex) -> None:
        """Register this rule's phrases with the configuration's shared index."""
        self.index = index
        self._phrase_ids = tuple(index.add(p.lower() if self.ignore_case else p) for p in self.phrases)

    def regexes(self) -> list[regex.Pattern]:
        if self._compiled is None:
            flags = regex.IGNORECASE if self.ignore_case else 0
            self._compiled = [regex.compile(p, flags) for p in self.patterns]
        return self._compiled

    def spans(self, page: Page) -> list[tuple[int, int]]:
        """Original-text spans of every match in the page, in order, not overlapping.

        Most rules find nothing on most pages: with hundreds of phrase rules, that answer must
        cost a dictionary lookup, so the shared index is asked first and the rest is skipped.
        """
        found = [m.span() for pattern in self.regexes() for m in pattern.finditer(page.text) if m.end() > m.start()]
        if self.phrases:
            if self.index is None:
                self.attach(PhraseIndex())
            hits = self.index.hits(page, self.ignore_case)
            if hits:
                view = page.denoised
                for phrase_id in self._phrase_ids:
                    for span in hits.get(phrase_id, ()):
                        if _whole_words(view.text, *span):
                            found.append(view.span_to_original(*span))
        return _leftmost_longest(found) if len(found) > 1 else found

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_compiled"] = None
        return state


def _whole_words(text: str, start: int, end: int) -> bool:
    """Latin phrases match whole words only (``Read more`` not in ``Bread mores``)."""
    first, last = text[start], text[end - 1]
    if first.isascii() and first.isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    if last.isascii() and last.isalnum() and end < len(text) and text[end].isalnum():
        return False
    return True


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen


@dataclass
class UserCheck:
    """The check of one user rule (a class, not a closure, so it pickles)."""

    kind: str
    matcher: _Matcher
    message: str
    scope: str
    fix: str | None
    safe: bool
    max_count: int = 0
    max_line_distance: int = 1
    previous: str | None = None
    previous_max_length: int | None = None

    def __call__(self, page: Page, options: Mapping[str, Any]) -> Iterable[Violation]:
        """The rule's violations on a page; a phrase rule whose phrases the shared index did not
        find returns at once (with hundreds of site rules, that is almost every call)."""
        matcher = self.matcher
        if not matcher.patterns and matcher.index is not None:
            hits = matcher.index.hits(page, matcher.ignore_case)
            if not any(phrase_id in hits for phrase_id in matcher._phrase_ids):
                return ()
        return list(self._violations(page))

    def _violations(self, page: Page) -> Iterator[Violation]:
        if self.kind == "line":
            yield from self._lines(page, *region_bounds(page, self.scope))
            return
        spans = self.matcher.spans(page)
        if not spans:
            return
        if self.scope != "page":
            start, end = region_bounds(page, self.scope)
            spans = [span for span in spans if start <= span[0] and span[1] <= end]
        if self.kind == "existence":
            for span in spans:
                yield self._violation(page, span, count=1)
        elif self.kind == "occurrence":
            if len(spans) > self.max_count:
                for span in spans[self.max_count:]:
                    yield self._violation(page, span, count=len(spans))
        else:
            previous: tuple[str, int] | None = None
            for span in spans:
                key = regex.sub(r"\s+", "", page.text[span[0]:span[1]])
                line = page.line_index(span[0])
                if previous and previous[0] == key and line - previous[1] <= self.max_line_distance:
                    yield self._violation(page, span, count=2)
                previous = (key, line)

    def _lines(self, page: Page, start: int, end: int) -> Iterator[Violation]:
        patterns = self.matcher.regexes()
        previous_pattern = regex.compile(self.previous) if self.previous else None
        last_text: str | None = None
        for index in range(page.line_index(start), page.line_index(max(start, end - 1)) + 1):
            line_start, line_end = page.line_span(index)
            text = page.text[line_start:line_end]
            stripped = text.strip()
            if not stripped:
                continue
            if any(p.fullmatch(stripped) for p in patterns) and self._previous_ok(last_text, previous_pattern):
                yield self._violation(page, (line_start, line_end), count=1, line=index)
            last_text = stripped

    def _previous_ok(self, last: str | None, pattern: regex.Pattern | None) -> bool:
        if self.previous is None and self.previous_max_length is None:
            return True
        if last is None:
            return False
        if pattern is not None and not pattern.search(last):
            return False
        return self.previous_max_length is None or len(last) <= self.previous_max_length

    def _violation(self, page: Page, span: tuple[int, int], count: int, line: int | None = None) -> Violation:
        matched = page.text[span[0]:span[1]]
        message = self.message.format_map({"match": matched, "count": count})
        fix = None
        if self.fix == "delete-match":
            fix = Fix.delete(span[0], span[1], safe=self.safe)
        elif self.fix == "delete-line":
            index = page.line_index(span[0]) if line is None else line
            fix = Fix.delete(*page.line_span_with_break(index), safe=self.safe)
        return Violation(span[0], span[1], message, fix)


def link_phrase_index(rules: tuple[Rule, ...]) -> None:
    """Give every phrase rule of one configuration the same :class:`PhraseIndex`."""
    index = PhraseIndex()
    for rule in rules:
        if isinstance(rule.check, UserCheck) and rule.check.matcher.phrases:
            rule.check.matcher.attach(index)


def parse_user_rules(definitions: Any, where: str) -> tuple[Rule, ...]:
    """Compile a list of rule tables; raise :class:`UserRuleError` naming ``where`` and the rule."""
    if not isinstance(definitions, list) or not all(isinstance(d, dict) for d in definitions):
        raise UserRuleError(f"{where}: rules: expected an array of tables ([[tool.scrapelint.rules]])")
    rules = []
    seen: set[str] = set()
    for index, definition in enumerate(definitions):
        label = f"rules[{index}]" + (f" ({definition['name']})" if isinstance(definition.get("name"), str) else "")
        try:
            rule = replace(_compile(definition), plugin=Path(where).name if "/" in where else where)
        except UserRuleError as error:
            raise UserRuleError(f"{where}: {label}: {error}") from None
        for key in (rule.code, rule.name):
            if key in seen:
                raise UserRuleError(f"{where}: {label}: {key} is defined twice")
            seen.add(key)
        rules.append(rule)
    return tuple(rules)


def _get(definition: dict, key: str, kind: type | tuple, default: Any = None, required: bool = False) -> Any:
    if key not in definition:
        if required:
            raise UserRuleError(f"missing required key {key!r}")
        return default
    value = definition[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise UserRuleError(f"{key}: expected {expected}, got {value!r}")
    return value


def _string_list(definition: dict, key: str) -> tuple[str, ...]:
    value = _get(definition, key, list, [])
    if not all(isinstance(item, str) and item for item in value):
        raise UserRuleError(f"{key}: expected a list of non-empty strings")
    return tuple(value)


def _compile(definition: dict) -> Rule:
    kind = _get(definition, "kind", str, required=True)
    if kind not in KINDS:
        raise UserRuleError(f"unknown kind {kind!r} (kinds: {', '.join(KINDS)})")
    unknown = set(definition) - _COMMON - _KIND_KEYS[kind]
    if unknown:
        raise UserRuleError(f"unknown key {sorted(unknown)[0]!r} for kind {kind!r}")
    code = _get(definition, "code", str, required=True)
    if not _CODE.fullmatch(code):
        raise UserRuleError(f"code {code!r} is not three capitals and three digits (e.g. USR001)")
    name = _get(definition, "name", str, required=True)
    if not _NAME.fullmatch(name):
        raise UserRuleError(f"name {name!r} is not kebab-case")
    family = _get(definition, "family", str, code[:3])
    if family != code[:3] and not _CODE.fullmatch(family + "000"):
        raise UserRuleError(f"family {family!r} is not a three-letter prefix")
    message = _get(definition, "message", str, "{match}")
    try:
        message.format_map({"match": "x", "count": 1})
    except (KeyError, ValueError, IndexError) as error:
        raise UserRuleError(f"message: bad placeholder {error} (use {{match}} and {{count}})") from None
    severity_name = _get(definition, "severity", str, "warning")
    try:
        severity = Severity(severity_name)
    except ValueError:
        raise UserRuleError(f"severity {severity_name!r} is not error, warning or info") from None
    scope = _get(definition, "scope", str, "page")
    if scope not in REGIONS:
        raise UserRuleError(f"scope {scope!r} is not one of {', '.join(REGIONS)}")
    files = _string_list(definition, "files")
    for pattern in files:
        try:
            compile_glob(pattern)
        except GlobError as error:
            raise UserRuleError(f"files: bad glob {pattern!r}: {error}") from None
    fix = _get(definition, "fix", str)
    if fix is not None and fix not in FIXES:
        raise UserRuleError(f"fix {fix!r} is not one of {', '.join(FIXES)}")
    safety = _get(definition, "fix-safety", str, "safe")
    if safety not in ("safe", "unsafe"):
        raise UserRuleError(f"fix-safety {safety!r} is not safe or unsafe")

    phrases = _string_list(definition, "phrases")
    patterns = _string_list(definition, "patterns")
    for pattern in patterns + ((definition["previous"],) if isinstance(definition.get("previous"), str) else ()):
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise UserRuleError(f"bad regex {pattern!r}: {error}") from None
    if not phrases and not patterns:
        raise UserRuleError("needs phrases or patterns" if kind != "line" else "needs patterns")
    matcher = _Matcher(phrases, patterns, _get(definition, "ignore-case", bool, False))
    check = UserCheck(
        kind=kind,
        matcher=matcher,
        message=message,
        scope=scope,
        fix=fix,
        safe=safety == "safe",
        max_count=_non_negative(definition, "max", 0 if kind != "occurrence" else None),
        max_line_distance=_non_negative(definition, "max-line-distance", 1),
        previous=_get(definition, "previous", str),
        previous_max_length=_get(definition, "previous-max-length", int),
    )
    what = ", ".join(repr(p) for p in (phrases + patterns)[:5])
    summary = _get(definition, "summary", str, f"{kind} rule for {what}")
    explanation = _get(definition, "explanation", str, _explain(kind, scope, check, phrases, patterns, fix, safety))
    return Rule(
        code=code,
        name=name,
        summary=summary,
        explanation=explanation,
        bad_example=_get(definition, "bad-example", str, (phrases or patterns)[0]),
        good_example=_get(definition, "good-example", str, "(the page without it)"),
        check=check,
        severity=severity,
        fixable=fix is not None,
        default_enabled=_get(definition, "enabled", bool, True),
        origin="user",
        family=family,
        files=files,
    )


def _non_negative(definition: dict, key: str, default: int | None) -> int:
    value = _get(definition, key, int, default)
    if value is None:
        raise UserRuleError(f"missing required key {key!r}")
    if value < 0:
        raise UserRuleError(f"{key}: must be 0 or more, got {value}")
    return value


def _explain(kind, scope, check: UserCheck, phrases, patterns, fix, safety) -> str:
    """An explanation written from the rule's own fields, for ``scrapelint rule NAME``."""
    where = "anywhere in the page" if scope == "page" else f"in the page's {scope}"
    listed = "; ".join([*(f"phrase {p!r}" for p in phrases), *(f"pattern {p!r}" for p in patterns)])
    text = {
        "existence": f"Reports each match {where} of: {listed}.",
        "repetition": f"Reports a match of {listed} repeated within {check.max_line_distance} line(s), {where}.",
        "occurrence": f"Reports matches of {listed} beyond the first {check.max_count}, {where}.",
        "line": f"Reports whole lines matching {listed}, {where}"
        + (f", after a line matching {check.previous!r}" if check.previous else "")
        + (f", after a line of at most {check.previous_max_length} characters" if check.previous_max_length else "")
        + ".",
    }[kind]
    if fix:
        text += f" Fix ({safety}): {'delete the match' if fix == 'delete-match' else 'delete the line'}."
    return "A rule defined in configuration. " + text


def load_rules_file(path: Path) -> tuple[Rule, ...]:
    """Rules from a TOML file holding ``[[rules]]`` tables."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserRuleError(f"{path}: cannot read rules file: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UserRuleError(f"{path}: not valid TOML: {error}") from None
    unknown = set(data) - {"rules"}
    if unknown:
        raise UserRuleError(f"{path}: unknown key {sorted(unknown)[0]!r} (a rules file holds [[rules]] tables)")
    return parse_user_rules(data.get("rules", []), str(path))


def load_rule_pack(name: str, where: str) -> tuple[Rule, ...]:
    """Rules published by a package under the ``scrapelint.rule_packs`` entry-point group."""
    for entry_point in importlib.metadata.entry_points(group=PACK_GROUP):
        if entry_point.name == name:
            try:
                package = entry_point.load()
                resource = importlib.resources.files(package).joinpath(PACK_FILE)
                text = resource.read_text(encoding="utf-8")
            except Exception as error:
                raise UserRuleError(f"{where}: rule-packs: pack {name!r} cannot be read: {error}") from None
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as error:
                raise UserRuleError(f"{where}: rule-packs: pack {name!r}: not valid TOML: {error}") from None
            return parse_user_rules(data.get("rules", []), f"rule pack {name!r}")
    available = sorted(ep.name for ep in importlib.metadata.entry_points(group=PACK_GROUP))
    raise UserRuleError(f"{where}: rule-packs: unknown pack {name!r} (installed: {', '.join(available) or 'none'})")
