"""The flagged text of a finding, with a little context, for formats that quote or fingerprint it.

Only ``FileResult.source_lines`` (the text of each line a finding starts on) is used, so an
excerpt is the same whether a result came from a fresh check, a worker process or a cache.
A span that runs over several lines is cut at the end of its first line; ``lines`` keeps how
many lines it covers, so two different multi-line spans with the same first line still differ.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.model import Finding
    from lint.runner import FileResult

__all__ = ["Excerpt", "excerpt", "fingerprint", "CONTEXT"]

#: code points of context kept on either side of the flagged text
CONTEXT = 12


@dataclass(frozen=True, slots=True)
class Excerpt:
    """``before`` + ``text`` + ``after`` is a slice of the finding's first line."""

    before: str
    text: str
    after: str
    lines: int  # how many lines the span covers (1 for a span inside one line)

    def key(self, code: str) -> str:
        """A stable digest of the rule and the flagged text in context, blind to line numbers."""
        material = "\x1f".join((code, self.before, self.text, self.after, str(self.lines)))
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def excerpt(result: "FileResult", finding: "Finding", context: int = CONTEXT) -> Excerpt:
    """The flagged text of ``finding`` and up to ``context`` code points around it on its line."""
    line = result.source_lines.get(finding.line, "")
    start = min(finding.column - 1, len(line))
    single = finding.end_line == finding.line
    end = min(finding.end_column - 1, len(line)) if single else len(line)
    end = max(end, start)
    before = line[max(0, start - context):start]
    after = line[end:end + context] if single else ""
    return Excerpt(before, line[start:end], after, finding.end_line - finding.line + 1)


def fingerprint(result: "FileResult", finding: "Finding") -> str:
    """:meth:`Excerpt.key` of a finding: where it is on the page does not matter, what it says does."""
    return excerpt(result, finding).key(finding.code)
