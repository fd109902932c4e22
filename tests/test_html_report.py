"""The HTML report, rendered in headless Chromium: every highlight holds exactly its finding's text.

The report is written by the real CLI; the browser (Debian's ``chromium`` driven through
``chromedriver`` by selenium) loads it from disk, and the checks read the DOM it built: the
marks of each finding, joined, must equal the text the finding's line and column point at in
the page file, carry the finding's code and message, and be painted in its family's colour.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

from conftest import require_tool
from lint.page import Page
from lint.reporters import html_text
from report_fixtures import fixture_env, report_pages  # noqa: F401 (fixture)

FAMILY_RGB = {"XEM": "rgb(214, 39, 40)", "XCR": "rgb(255, 127, 14)", "XAP": "rgb(148, 103, 189)"}

COLLECT = """
const out = [];
for (const section of document.querySelectorAll('section.file')) {
  const marks = [...section.querySelectorAll('pre.page mark')];
  for (const row of section.querySelectorAll('table.findings tr[data-f]')) {
    const number = row.dataset.f;
    const own = marks.filter(mark => mark.dataset.f.split(' ').includes(number));
    out.push({
      path: section.dataset.path, code: row.dataset.code,
      line: +row.dataset.line, column: +row.dataset.column,
      end_line: +row.dataset.endLine, end_column: +row.dataset.endColumn,
      text: own.map(mark => mark.textContent).join(''),
      titles: own.map(mark => mark.title),
      colours: own.map(mark => getComputedStyle(mark).borderBottomColor),
      href: row.querySelector('a').getAttribute('href'),
      anchor: !!document.getElementById(section.id + '-' + number),
    });
  }
}
return out;
"""


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    chromedriver = require_tool("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.TemporaryDirectory(prefix="scrapelint-chromium-")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--disable-dev-shm-usage", "--window-size=1200,900", f"--user-data-dir={profile.name}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield driver
    finally:
        driver.quit()
        profile.cleanup()


def pointed_text(path: Path, finding: dict) -> str:
    """What a finding's line and column point at, computed here from the file itself."""
    text = path.read_bytes().decode("utf-8")
    starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    return text[offset(finding["line"], finding["column"]):offset(finding["end_line"], finding["end_column"])]


def render(run_cli, root: Path, *paths: str) -> tuple[list[dict], Path]:
    env = fixture_env()
    findings = json.loads(run_cli("check", "--no-cache", "--output-format", "json", *paths, cwd=root, env=env).stdout)
    result = run_cli("check", "--no-cache", "--output-format", "html", "-o", "report.html", *paths, cwd=root, env=env)
    assert result.returncode == 1, result.stderr
    return findings, root / "report.html"


def test_each_highlight_holds_exactly_the_flagged_text(run_cli, report_pages, browser):
    pages = report_pages / "pages"
    (pages / "crlf.txt").write_bytes("标题\r\n正文😀内容\r\n推荐阅读\r\n油价🤔下周或上调\r\n".encode("utf-8"))
    (pages / "overlap.txt").write_text("Headline\nBody text.\nRelated articles\nPrices rise 😀 again\nRead more >>\n", encoding="utf-8")
    findings, report = render(run_cli, report_pages, "pages")
    browser.get(report.as_uri())
    shown = browser.execute_script(COLLECT)

    key = lambda item: (item["path"], item["line"], item["column"], item["code"])  # noqa: E731
    assert sorted(map(key, shown)) == sorted(map(key, findings))
    by_key = {key(item): item for item in shown}
    overlapping = 0
    for finding in findings:
        item = by_key[key(finding)]
        expected = pointed_text(report_pages / finding["path"], finding)
        assert item["text"] == expected, finding
        assert item["titles"] and all(f"{finding['code']} {finding['message']}" in title for title in item["titles"])
        assert FAMILY_RGB[finding["code"][:3]] in item["colours"], finding
        assert item["anchor"] and item["href"].startswith("#file-")
        overlapping += any("\n" in title for title in item["titles"])
    assert overlapping >= 2  # the emoji inside each appended list is covered by two findings
    assert "\r\n" in by_key[("pages/crlf.txt", 3, 1, "XAP001")]["text"]


def test_summary_tables_link_to_the_spans_and_nothing_is_fetched(run_cli, report_pages, browser):
    findings, report = render(run_cli, report_pages, "pages")
    browser.get(report.as_uri())
    families = browser.execute_script(
        "return [...document.querySelectorAll('table.families tbody tr')].map(row => "
        "[row.dataset.family, +row.cells[2].textContent, row.querySelector('a').getAttribute('href')])"
    )
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding["code"][:3]] = counts.get(finding["code"][:3], 0) + 1
    assert {family: count for family, count, _ in families} == counts
    for _, _, href in families:
        assert browser.execute_script("return !!document.getElementById(arguments[0])", href[1:])
    files = browser.execute_script(
        "return [...document.querySelectorAll('table.files tbody tr')].map(row => row.cells[0].textContent)"
    )
    assert files == ["pages/en_review.txt", "pages/zh_finance.txt"]
    assert browser.execute_script(
        "return performance.getEntriesByType('resource').length + document.querySelectorAll('[src],link[href]').length"
    ) == 0


def test_a_large_run_starts_closed_and_links_open_the_section(run_cli, report_pages, browser):
    source = (report_pages / "pages" / "zh_finance.txt").read_text("utf-8")
    for index in range(24):
        (report_pages / "pages" / f"copy{index:02}.txt").write_text(source, encoding="utf-8")
    _, report = render(run_cli, report_pages, "pages")
    browser.get(report.as_uri())
    assert browser.execute_script("return [...document.querySelectorAll('details.file')].every(d => !d.open)")
    link = browser.execute_script("return document.querySelector('table.files tbody tr:nth-child(5) td:nth-child(4) a')")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert browser.execute_script("return document.getElementById(arguments[0]).closest('details.file').open", target)


def test_a_huge_file_shows_context_around_findings(run_cli, report_pages, browser):
    lines = [f"第{number}行：这是一段很长的正文，用来撑大文件。" for number in range(1, 6001)]
    lines[9] = "第10行：价格战趋缓😀之后"
    lines[4999] = "第5000行：厂商转向🤔海外市场"
    (report_pages / "huge.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings, report = render(run_cli, report_pages, "huge.txt")
    browser.get(report.as_uri())
    shown = browser.execute_script(COLLECT)
    assert [item["text"] for item in shown] == ["😀", "🤔"] == [pointed_text(report_pages / "huge.txt", f) for f in findings]
    visible = browser.execute_script("return [...document.querySelectorAll('pre.page .line')].map(l => +l.dataset.n)")
    assert visible == [*range(7, 14), *range(4997, 5004)]
    assert browser.execute_script("return document.querySelectorAll('pre.page .gap').length") == 3


# -- without a browser: the renderer's own guarantees -------------------------------------


def test_rendered_text_is_the_page_text_with_carriage_returns_kept():
    page = Page("一\r\n二<三>&四\r五\n")
    from lint.model import Finding, Severity

    finding = Finding("p.txt", 2, 2, 3, 2, "XEM001", "fixture-emoji", "m", Severity.WARNING)
    spans = html_text.spans_for(page, [finding])
    assert page.text[spans[0].start:spans[0].end] == "<三>&四\r五"
    rendered = html_text.render_text(page, spans, html_text.visible_ranges(page, spans, True), "file-1")
    stripped = re.sub(r"<[^>]+>", "", rendered)
    assert stripped == "一&#13;\n二&lt;三&gt;&amp;四&#13;五\n"
    assert rendered.count("<mark") == 2  # the span crosses a line start: one mark per line


def test_without_page_text_the_flagged_lines_are_shown():
    import io

    from lint.model import Finding, Severity
    from lint.reporters import ReportContext, get_reporter
    from lint.runner import FileResult

    finding = Finding("<a>.txt", 2, 5, 2, 6, "XEM001", "fixture-emoji", "emoji <b>", Severity.WARNING)
    result = FileResult("<a>.txt", findings=[finding], source_lines={2: "一二三四🤔五六"})
    out = io.StringIO()
    reporter = get_reporter("html", out, ReportContext())
    reporter.file(result)
    reporter.finish()
    page = out.getvalue()
    assert "flagged lines only" in page and "<a>.txt" not in page and "&lt;a&gt;.txt" in page
    assert re.search(r'<mark class="hl fam-XEM" data-f="0" title="XEM001 emoji &lt;b&gt; \(2:5\)">🤔</mark>', page)
