"""Reading the evaluation corpus: JSON Lines records and the Unicode emoji test file.

The corpus lives outside the project (its path is an argument); nothing read here is stored.
Every problem with an input file is a :class:`QualityError` whose message names the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = [
    "QualityError",
    "Record",
    "read_records",
    "split_lines",
    "paragraphs",
    "EmojiPool",
    "read_emoji_pool",
    "EMOJI_KINDS",
]

# The same breaks as lint/page.py, so line numbers here are the linter's line numbers.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class QualityError(Exception):
    """An input the tool cannot use; the message is one line naming the file and the reason."""


@dataclass(frozen=True, slots=True)
class Record:
    """One corpus document."""

    id: str
    lang: str
    title: str
    text: str


def split_lines(text: str) -> list[str]:
    """Lines without their breaks, split exactly as the linter splits a page."""
    return _LINE_BREAK.split(text)


def paragraphs(text: str) -> list[str]:
    """Non-blank lines of a record's text, stripped: the paragraphs a planted page is built from."""
    return [line.strip() for line in split_lines(text) if line.strip()]


def json_lines(path: Path) -> Iterator[tuple[object, str]]:
    """Each non-blank line of a JSON Lines file, parsed, with ``path:line`` to name it in errors."""
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise QualityError(f"{path}: no such file") from None
    except OSError as error:
        raise QualityError(f"{path}: cannot read ({error.strerror or error})") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    yield json.loads(line), where
                except json.JSONDecodeError as error:
                    raise QualityError(f"{where}: not valid JSON ({error.msg})") from None
        except UnicodeDecodeError:
            raise QualityError(f"{path}: not UTF-8 text") from None


def read_records(path: Path) -> list[Record]:
    """Every record of a JSON Lines file, in file order."""
    return [_record(data, where) for data, where in json_lines(path)]


def _record(data: object, where: str) -> Record:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str):
        raise QualityError(f'{where}: a record needs a string "id" and "text"')
    title = data.get("title")
    lang = data.get("lang")
    return Record(data["id"], lang if isinstance(lang, str) else "", title if isinstance(title, str) else "", data["text"])


#: Kinds of emoji sequence the planter draws from, so every shape the rules must handle appears.
EMOJI_KINDS: tuple[str, ...] = ("single", "selector", "zwj", "skin-tone", "flag", "keycap")

_SKIN_TONES = {chr(code) for code in range(0x1F3FB, 0x1F400)}


@dataclass(frozen=True)
class EmojiPool:
    """Fully-qualified emoji sequences by kind, and the smiley faces content farms favour."""

    by_kind: dict[str, tuple[str, ...]]
    faces: tuple[str, ...]


def _kind(sequence: str) -> str:
    if "\u20e3" in sequence:
        return "keycap"
    if any("\U0001F1E6" <= char <= "\U0001F1FF" for char in sequence) or any(
        "\U000E0020" <= char <= "\U000E007F" for char in sequence
    ):
        return "flag"
    if any(char in _SKIN_TONES for char in sequence):
        return "skin-tone"
    if "\u200d" in sequence:
        return "zwj"
    if "\ufe0f" in sequence:
        return "selector"
    return "single"


def read_emoji_pool(path: Path) -> EmojiPool:
    """Fully-qualified sequences of ``emoji-test.txt``, grouped by :data:`EMOJI_KINDS`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QualityError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise QualityError(f"{path}: cannot read ({error})") from None
    by_kind: dict[str, list[str]] = {kind: [] for kind in EMOJI_KINDS}
    faces: list[str] = []
    subgroup = ""
    for line in text.splitlines():
        if line.startswith("# subgroup:"):
            subgroup = line.split(":", 1)[1].strip()
            continue
        if line.startswith("#") or ";" not in line:
            continue
        codes, _, rest = line.partition(";")
        if rest.split("#", 1)[0].strip() != "fully-qualified":
            continue
        try:
            sequence = "".join(chr(int(code, 16)) for code in codes.split())
        except ValueError:
            raise QualityError(f"{path}: malformed code points {codes.strip()!r}") from None
        by_kind[_kind(sequence)].append(sequence)
        if subgroup.startswith("face-") and len(sequence) == 1:
            faces.append(sequence)
    empty = [kind for kind, items in by_kind.items() if not items]
    if empty or not faces:
        raise QualityError(f"{path}: no fully-qualified emoji of kind {', '.join(empty) or 'face'}; is it emoji-test.txt?")
    return EmojiPool({kind: tuple(items) for kind, items in by_kind.items()}, tuple(faces))
