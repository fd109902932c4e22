"""``--output-format html``: one self-contained page (no network) to review a run in a browser.

At the top, a summary by family and by file whose numbers link to the spans; below, one
collapsible section per file with its findings and its text, every span highlighted in its
family's colour with the finding's code and message as a tooltip. Large runs stay usable:
sections start closed when there are many files, and large files (or everything past a
total budget) show windows of context around the findings instead of their whole text.

The page's text comes from ``FileResult.decoded``; a result without it (from a cache) shows
the flagged line excerpts only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import TextIO

from lint import __version__
from lint.model import Family, Finding
from lint.page import Page
from lint.reporters import ReportContext
from lint.reporters.html_text import render_text, spans_for, visible_ranges
from lint.reporters.spans import excerpt
from lint.reporters.units import Units
from lint.runner import FileResult

WHOLE_FILE_CHARS = 200_000  # larger files show context around findings
WHOLE_FILE_LINES = 5_000
TOTAL_TEXT_BUDGET = 20_000_000  # code points of whole text in one report; later files show context
OPEN_SECTIONS = 20  # with more files than this, sections start closed
OPEN_LISTS = 100  # a file's list of findings starts closed past this many
DEFAULT_COLOUR = "#999999"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

_CSS = """
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif}
body{margin:0 auto;max-width:75rem;padding:1rem 1.5rem;line-height:1.45;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;margin:.3rem 0 1rem}th,td{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;padding:0 .35rem;border-radius:.25rem;font-family:ui-monospace,monospace;font-size:.9em;border-left:.3rem solid var(--c);background:var(--bg)}
section.file{border-top:1px solid #ccc;margin-top:.6rem}
section.file>details>summary{cursor:pointer;padding:.4rem 0;font-weight:600}
.path{font-family:ui-monospace,monospace}
pre.page{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:.9rem;background:#fafafa;border:1px solid #e4e4e4;padding:.5rem .5rem .5rem 0;counter-reset:none}
.line::before{content:attr(data-n);display:inline-block;width:4.5ch;margin-right:1ch;padding-right:.5ch;text-align:right;color:#999;border-right:1px solid #ddd;user-select:none}
.cut::before{content:"…";color:#999}
.gap{display:block;color:#777;font-style:italic;padding:.2rem 6ch;border-top:1px dashed #ccc;border-bottom:1px dashed #ccc;user-select:none}
mark.hl{background:var(--bg);border-bottom:2px solid var(--c);color:inherit;border-radius:2px}
mark.zero::before{content:"▏";color:var(--c)}
a.anchor:target+mark{outline:2px solid #000;outline-offset:1px}
.problems li{font-family:ui-monospace,monospace}
.note{color:#555;font-size:.9rem}
"""

_SCRIPT = """
(function(){
  function reveal(){
    var id=decodeURIComponent(location.hash.slice(1));
    var target=id&&document.getElementById(id);
    if(!target)return;
    for(var node=target.parentElement;node;node=node.parentElement){if(node.tagName==='DETAILS')node.open=true;}
    target.scrollIntoView({block:'center'});
  }
  window.addEventListener('hashchange',reveal);
  document.addEventListener('DOMContentLoaded',reveal);
})();
"""


def _colour(family: Family | None) -> str:
    colour = family.colour if family else DEFAULT_COLOUR
    return colour if _HEX.match(colour or "") else DEFAULT_COLOUR


def _tint(colour: str, alpha: float = 0.28) -> str:
    """``rgba()`` of a hex colour, for backgrounds that keep the text readable."""
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    red, green, blue = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"


@dataclass
class _FileRow:
    index: int
    display: str
    count: int
    families: Counter = field(default_factory=Counter)
    first: dict[str, str] = field(default_factory=dict)  # family -> anchor of its first span


class Reporter:
    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context
        self.rows: list[_FileRow] = []
        self.sections: list[tuple[str, str]] = []  # each file's HTML, split where ``open`` may go
        self.problems: list[tuple[str, str, str]] = []  # (path, kind, message)
        self.budget = TOTAL_TEXT_BUDGET
        self.checked = 0
        self.units = Units()  # counted as results arrive: the pages' text need not be kept

    # -- per file ---------------------------------------------------------------------------

    def file(self, result: FileResult) -> None:
        if result.error:
            self.problems.append((result.display, "error", result.error))
        for failure in result.failures:
            self.problems.append((result.display, "rule failed", f"{failure.code} ({failure.name}) {failure.message}"))
        if result.notice:
            self.problems.append((result.display, "skipped", result.notice))
        self.units.add(result)
        if result.error is None and result.notice is None:
            self.checked += 1
        if not result.findings:
            return
        row = _FileRow(len(self.rows) + 1, result.display, len(result.findings))
        file_id = f"file-{row.index}"
        for number, finding in enumerate(result.findings):
            row.families[finding.family] += 1
            row.first.setdefault(finding.family, f"{file_id}-{number}")
        self.rows.append(row)
        self.sections.append(self._section(result, row, file_id))

    def _section(self, result: FileResult, row: _FileRow, file_id: str) -> tuple[str, str]:
        body, note = self._body(result, file_id)
        chips = " ".join(
            f'<span class="chip fam-{prefix}">{prefix} {count}</span>' for prefix, count in sorted(row.families.items())
        )
        rows = "".join(self._finding_row(file_id, number, finding) for number, finding in enumerate(result.findings))
        list_open = " open" if row.count <= OPEN_LISTS else ""
        head = f'<section class="file" id="{file_id}" data-path="{escape(row.display)}"><details class="file"'
        return head, (
            f'><summary><span class="path">{escape(row.display)}</span> '
            f"— {row.count} finding{'s' if row.count != 1 else ''} {chips}</summary>"
            f'<details class="list"{list_open}><summary>Findings</summary>'
            '<table class="findings"><thead><tr><th>Line:col</th><th>Rule</th><th>Message</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></details>"
            f"{note}{body}</details></section>"
        )

    def _finding_row(self, file_id: str, number: int, finding: Finding) -> str:
        data = (
            f'data-f="{number}" data-code="{finding.code}" data-line="{finding.line}" data-column="{finding.column}" '
            f'data-end-line="{finding.end_line}" data-end-column="{finding.end_column}"'
        )
        return (
            f'<tr {data}><td class="num"><a href="#{file_id}-{number}">{finding.line}:{finding.column}</a></td>'
            f'<td><span class="chip fam-{finding.family}">{finding.code}</span> {escape(finding.name)}</td>'
            f"<td>{escape(finding.message)}</td></tr>"
        )

    def _body(self, result: FileResult, file_id: str) -> tuple[str, str]:
        """The highlighted text, and a note when only part of it is shown."""
        if result.decoded is None:
            return self._excerpts(result, file_id), '<p class="note">The page text is not available: flagged lines only.</p>'
        page = Page(result.decoded.text, result.display)
        whole = (
            len(page.text) <= WHOLE_FILE_CHARS
            and len(page.line_starts) <= WHOLE_FILE_LINES
            and len(page.text) <= self.budget
        )
        if whole:
            self.budget -= len(page.text)
        spans = spans_for(page, result.findings)
        ranges = visible_ranges(page, spans, whole)
        note = "" if whole else (
            f'<p class="note">Large file ({len(page.line_starts)} lines, {len(page.text)} characters): '
            "showing context around the findings.</p>"
        )
        return render_text(page, spans, ranges, file_id), note

    def _excerpts(self, result: FileResult, file_id: str) -> str:
        lines = []
        for number, finding in enumerate(result.findings):
            span = excerpt(result, finding, context=60)
            title = escape(f"{finding.code} {finding.message} ({finding.line}:{finding.column})", quote=True)
            lines.append(
                f'<span class="line" data-n="{finding.line}"><span class="cut"></span>{escape(span.before, quote=False)}'
                f'<a class="anchor" id="{file_id}-{number}"></a>'
                f'<mark class="hl fam-{finding.family}" data-f="{number}" title="{title}">{escape(span.text, quote=False)}</mark>'
                f"{escape(span.after, quote=False)}\n</span>"
            )
        return '<pre class="page excerpts">' + "".join(lines) + "</pre>"

    # -- the document -----------------------------------------------------------------------

    def finish(self) -> None:
        total = sum(row.count for row in self.rows)
        units = self.units
        if units.has_records:  # shards: say records (a sample of them with --sample)
            summary = f"{total} finding{'s' if total != 1 else ''} in {units.affected()} checked"
        else:
            summary = (
                f"{total} finding{'s' if total != 1 else ''} in {len(self.rows)} of "
                f"{self.checked} file{'s' if self.checked != 1 else ''} checked"
            )
        families = sorted({prefix for row in self.rows for prefix in row.families})
        open_attr = " open" if len(self.rows) <= OPEN_SECTIONS else ""
        parts = [
            "<!DOCTYPE html>",
            '<html><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>scrapelint report</title>",
            f"<style>{_CSS}{self._family_css(families)}</style>",
            f"<script>{_SCRIPT}</script>",
            "</head><body>",
            f'<header><h1>scrapelint report</h1><p class="totals">{summary} · scrapelint {escape(__version__)}</p></header>',
            self._family_table(families),
            self._file_table(families),
            self._problem_list(),
            *(head + open_attr + rest for head, rest in self.sections),
            "</body></html>",
        ]
        self.out.write("\n".join(part for part in parts if part) + "\n")

    def _family_css(self, families: list[str]) -> str:
        rules = []
        for prefix in families:
            colour = _colour(self.context.families.get(prefix))
            rules.append(f".fam-{prefix}{{--c:{colour};--bg:{_tint(colour)}}}")
        return "\n".join(rules)

    def _family_table(self, families: list[str]) -> str:
        if not families:
            return '<p class="note">No findings.</p>'
        body = []
        for prefix in families:
            family = self.context.families.get(prefix)
            count = sum(row.families[prefix] for row in self.rows)
            files = sum(1 for row in self.rows if row.families[prefix])
            first = next(row.first[prefix] for row in self.rows if prefix in row.first)
            name = escape(family.name) if family else ""
            body.append(
                f'<tr data-family="{prefix}"><td><a href="#{first}"><span class="chip fam-{prefix}">{prefix}</span></a></td>'
                f'<td>{name}</td><td class="num">{count}</td><td class="num">{files}</td></tr>'
            )
        return (
            '<h2>By family</h2><table class="families"><thead><tr><th>Family</th><th>Name</th>'
            '<th class="num">Findings</th><th class="num">Files</th></tr></thead><tbody>'
            + "".join(body) + "</tbody></table>"
        )

    def _file_table(self, families: list[str]) -> str:
        if not self.rows:
            return ""
        head = "".join(f'<th class="num"><span class="chip fam-{prefix}">{prefix}</span></th>' for prefix in families)
        body = []
        for row in self.rows:
            cells = "".join(
                f'<td class="num"><a href="#{row.first[prefix]}">{row.families[prefix]}</a></td>' if row.families[prefix]
                else '<td class="num"></td>'
                for prefix in families
            )
            body.append(
                f'<tr><td><a class="path" href="#file-{row.index}">{escape(row.display)}</a></td>'
                f'<td class="num">{row.count}</td>{cells}</tr>'
            )
        return (
            f'<h2>By file</h2><table class="files"><thead><tr><th>File</th><th class="num">Findings</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def _problem_list(self) -> str:
        if not self.problems:
            return ""
        items = "".join(
            f'<li><span class="path">{escape(path)}</span>: {escape(kind)}: {escape(message)}</li>'
            for path, kind, message in self.problems
        )
        return f'<h2>Not checked or incomplete</h2><ul class="problems">{items}</ul>'
