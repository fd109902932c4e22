"""MKP: markup the scraper left in the text, and text decoded with the wrong encoding.

A scraper that strips HTML badly leaves entities (``&nbsp;``, ``&middot;``), tags (``<br>``),
script lines (``document.writeln('…``), percent-encoded addresses and template data in the
text; one that guesses the wrong encoding leaves mojibake (``Â£``, ``ä¸­æ–‡``, ``鏁板瓧``).
Each kind is its own rule, so a site that legitimately prints one of them can switch it off.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Iterator, Mapping

import regex

from lint import hookimpl
from lint.model import Applicability, Edit, Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._lazy import lazy_regex
from plugins._markup_mojibake import mojibake


def _shown(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


# --- MKP001: HTML entities -------------------------------------------------------------------

#: ``&name;`` (checked against HTML5's list), ``&#123;``/``&#x7B;``, a double-escaped
#: ``&amp;nbsp;``, and ``&nbsp`` without its semicolon, the one entity often printed that way.
_ENTITY = lazy_regex(r"&(?:amp;)?(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z0-9;=]))")
#: What an entity becomes in plain text when its character is invisible or a special space.
_PLAIN = {"\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\xad": "", "\u200b": "", "\u200c": "", "\u200d": ""}


def _decode_entity(entity: str) -> str | None:
    """The text an entity stands for, or None when it is not an HTML entity at all."""
    core = entity[5:] if entity.startswith("&amp;") else entity[1:]
    core = core if core.endswith(";") else core + ";"
    import html.entities  # a large table, loaded on the first page with an ampersand

    if not core.startswith("#") and core not in html.entities.html5:
        return None
    decoded = html.unescape("&" + core)
    if decoded == "&" + core:
        return None
    return _PLAIN.get(decoded, decoded)


def _check_entity(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    if "&" not in page.text:
        return
    for match in _ENTITY().finditer(page.text):
        decoded = _decode_entity(match.group())
        if decoded is None:
            continue
        printable = decoded != "\ufffd" and (decoded == "" or decoded.isprintable())
        meaning = "a space" if decoded == " " else "nothing" if decoded == "" else repr(decoded)
        fix = None
        if printable:
            fix = Fix((Edit(match.start(), match.end(), decoded),), message=f"replace with {meaning}")
        yield Violation(
            match.start(), match.end(), f"HTML entity {match.group()!r} in text (stands for {meaning})", fix
        )


HTML_ENTITY = Rule(
    code="MKP001",
    name="html-entity",
    summary="An HTML entity (&nbsp;, &middot;, &#8220;) left in the text",
    explanation=(
        "When a scraper takes text from HTML without decoding it, entities stay in the text: "
        "'卢卡&middot;东契奇', 'A&nbsp;B', '&ldquo;蒸&rdquo;'. Only real entities count: a name from "
        "HTML5's list with its semicolon, a numeric character reference, a double-escaped "
        "'&amp;nbsp;', or '&nbsp' without its semicolon. An ampersand in a name (AT&T, R&D, "
        "Q&A) is text. The fix puts the character in its place (a space for &nbsp;)."
    ),
    bad_example="达拉斯小牛队后卫卢卡&middot;东契奇当选本周最佳球员。",
    good_example="达拉斯小牛队后卫卢卡·东契奇当选本周最佳球员。AT&T 与 R&D 部门。",
    check=_check_entity,
    severity=Severity.WARNING,
    fixable=True,
)


# --- MKP002: HTML tags -----------------------------------------------------------------------

_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas
    caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe
    img input ins kbd label legend li link main map mark meta nav nobr noscript object ol optgroup
    option p param picture pre q s samp script section select small source span strike strong style
    sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul
    var video wbr""".split()
)
_BOOLEAN_ATTRIBUTES = frozenset(
    "allowfullscreen async autofocus autoplay checked controls default defer disabled hidden loop "
    "multiple muted nowrap novalidate open readonly required selected".split()
)
_ATTRIBUTE = r"""[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:[ \t]*=[ \t]*(?:"[^"<>\n]{0,300}"|'[^'<>\n]{0,300}'|[^\s"'<>=`]{1,300}))?"""
_TAG = lazy_regex(
    rf"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]{{0,9}})(?P<attrs>(?:[ \t]+{_ATTRIBUTE}){{0,30}})[ \t]*/?>"
    r"|<!--[^\n]{0,2000}?-->"
)
_ATTRIBUTE_NAME = lazy_regex(rf"[ \t]+({_ATTRIBUTE})")
_BLOCK = frozenset("br p div li tr td th h1 h2 h3 h4 h5 h6 hr dd dt table ul ol section article".split())


def _is_tag(match: regex.Match[str]) -> bool:
    """A comment, or a known element whose attributes look like HTML (``<b and c>`` is not)."""
    name = match.group("name")
    if name is None:
        return True
    if name.lower() not in _ELEMENTS:
        return False
    attributes = [m.group(1) for m in _ATTRIBUTE_NAME().finditer(match.group("attrs"))]
    if not attributes:
        return True
    if match.group("close"):
        return False
    return any("=" in a for a in attributes) or all(a.lower() in _BOOLEAN_ATTRIBUTES for a in attributes)


def _check_tag(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    text = page.text
    if "<" not in text:
        return
    for match in _TAG().finditer(text):
        if not _is_tag(match):
            continue
        start, end = match.span()
        name = (match.group("name") or "").lower()
        # A line-break tag between two words stands for a space; elsewhere it just goes.
        joins_words = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
        content = " " if name in _BLOCK and joins_words and text[start - 1].isascii() and text[end].isascii() else ""
        kind = "HTML comment" if not name else "HTML tag"
        yield Violation(
            start,
            end,
            f"{kind} {_shown(match.group())} in text",
            Fix((Edit(start, end, content),), message="remove the tag"),
        )


HTML_TAG = Rule(
    code="MKP002",
    name="html-tag",
    summary="An HTML tag or comment (<br>, <p class=...>, </div>) left in the text",
    explanation=(
        "Tags that survive a scraper's HTML stripping: '第一段<br>第二段', '<p class=\"lead\">', "
        "'</div>', '<!-- ad -->'. Only known HTML elements count, and attributes must look like "
        "HTML (name=value, or a boolean attribute such as 'disabled'), so a comparison "
        "('a < b', 'x<y', '若 a<b 且 c>d') or a placeholder ('<name>') is text. The fix removes "
        "the tag (a line-break tag between two Latin words becomes a space); the text inside a "
        "<script> or <style> element is MKP003's."
    ),
    bad_example="今年的展会规模空前。<br>参展企业超过两千家。</div>",
    good_example="今年的展会规模空前。参展企业超过两千家。若 a < b，则 b > a。",
    check=_check_tag,
    severity=Severity.WARNING,
    fixable=True,
)


# --- MKP003: script and style fragments -------------------------------------------------------

_SCRIPT = lazy_regex(
    r"""
    \bdocument\s*\.\s*(?:write(?:ln)?|getElementById|getElementsBy[A-Za-z]+|querySelector(?:All)?
        |createElement|cookie|location)\b
    | \bwindow\s*\.\s*(?:location|open|onload|onscroll|addEventListener|setTimeout|setInterval
        |dataLayer|adsbygoogle)\b
    | \(\s*adsbygoogle\b
    | \bfunction\s*[A-Za-z_$][\w$]*\s*\([\w$,\s]{0,80}\)\s*\{
    | \bfunction\s*\([\w$,\s]{0,80}\)\s*\{
    | \b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=\s*[^;\n]{1,200};
    | (?:\bjQuery|\$)\s*\(\s*(?:document|window|this|["'][#.]?[A-Za-z][\w-]*["'])\s*\)
    | \b(?:setTimeout|setInterval|console\s*\.\s*log|googletag\s*\.\s*cmd|_hmt\s*\.\s*push|_gaq\s*\.\s*push
        |dataLayer\s*\.\s*push|gtag)\s*\(
    | \bjavascript\s*:\s*[A-Za-z_$(]
    | (?:[.#][A-Za-z][\w-]*|\b(?:body|html|div|span|img|p|a|ul|li|table|td))\s*\{\s*[a-z-]{2,30}\s*:\s*[^;{}\n]{1,100};?\s*\}
    """,
    regex.VERBOSE,
)
_OPEN = {"(": ")", "{": "}", "[": "]"}
#: Functions, declarations and CSS rules need a ``{`` or ``=``; DOM, window and link code
#: these words; the other calls one of ``_CALL_NAMES`` and a ``(``. ``$`` alone is mostly a
#: price, so it is looked at with its bracket.
_BLOCK_OR_ASSIGNMENT = ("{", "=")
_CODE_WORDS = ("document", "window", "javascript")
_CALL_NAMES = ("adsbygoogle", "jQuery", "setTimeout", "setInterval", "console", "googletag", "_hmt", "_gaq", "dataLayer", "gtag")
_DOLLAR_CALL = lazy_regex(r"\$\s*\(")


def _may_hold_code(text: str) -> bool:
    """Whether any shape of ``_SCRIPT`` can match (see ``_CODE_WORDS``)."""
    if any(word in text for word in (*_BLOCK_OR_ASSIGNMENT, *_CODE_WORDS)):
        return True
    if "(" not in text:
        return False
    return any(name in text for name in _CALL_NAMES) or ("$" in text and _DOLLAR_CALL().search(text) is not None)


#: Words a shape of ``_SCRIPT`` starts with (besides those above); a CSS rule starts before its
#: ``{`` and the ``adsbygoogle`` push at the bracket before it (``_BEFORE_BRACE``, ``_BEFORE_ADS``).
_START_WORDS = ("function", "var", "let", "const", "$")
#: What the shapes starting with a word cannot match without: a page that lacks it is not
#: searched for the word, and a page with no place left to try compiles no ``_SCRIPT``.
_WORD_NEEDS = {
    **dict.fromkeys(_CALL_NAMES, "("),
    "$": "()",
    "function": "(){",
    **dict.fromkeys(("var", "let", "const"), "=;"),
    **dict.fromkeys(("document", "window"), "."),
    "javascript": ":",
}
#: At a word that starts with a word character every shape needs ``\b`` first: after an ASCII
#: letter, digit or ``_`` (a "let" inside "completely") none can match.
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
#: What ``document.`` and ``window.`` must be followed by in their shapes: "the transfer window."
#: is prose.
_DOM_NAMES = {
    "document": ("write", "getElementById", "getElementsBy", "querySelector", "createElement", "cookie", "location"),
    "window": ("location", "open", "onload", "onscroll", "addEventListener", "setTimeout", "setInterval", "dataLayer", "adsbygoogle"),
}
_BEFORE_BRACE = lazy_regex(r"[\w-]*\s*", regex.REVERSE)
_BEFORE_ADS = lazy_regex(r"\(\s*", regex.REVERSE)


def _code_matches(text: str) -> Iterator[regex.Match[str]]:
    """``_SCRIPT``'s matches, as ``finditer`` finds them (left to right, not overlapping), but
    tried only where a match can start: at a word one of its shapes starts with, at the
    selector before a ``{``, at the bracket before ``adsbygoogle``; not at every character.
    """
    starts = []
    absent = {char for char in "".join(_WORD_NEEDS.values()) if char not in text}
    for word in (*_CODE_WORDS, *_CALL_NAMES, *_START_WORDS):
        if absent.intersection(_WORD_NEEDS[word]):
            continue
        at = text.find(word)
        while at >= 0:
            if (word == "$" or at == 0 or text[at - 1] not in _ASCII_WORD) and (
                word not in _DOM_NAMES or _member_follows(text, at + len(word), _DOM_NAMES[word])
            ):
                starts.append(at)
            if word == "adsbygoogle":
                bracket = _BEFORE_ADS().match(text, 0, at)
                if bracket:
                    starts.append(bracket.start())
            at = text.find(word, at + 1)
    brace = text.find("{")
    while brace >= 0:
        # A selector: ``.name`` or ``#name`` before the brace, or a tag name (after a ``-`` too).
        run = _BEFORE_BRACE().match(text, 0, brace).start()
        starts.extend((run - 1, run))
        starts.extend(index + 1 for index in range(run, brace) if text[index] == "-")
        brace = text.find("{", brace + 1)
    scan = 0
    for start in sorted(set(starts)):
        if start >= scan and start >= 0:
            match = _SCRIPT().match(text, start)
            if match:
                yield match
                scan = match.end()


def _member_follows(text: str, at: int, names: tuple[str, ...]) -> bool:
    """``\\s*\\.\\s*`` and one of ``names`` stand at ``at`` (skipping whatever ``\\s`` may match)."""
    at = _past_spaces(text, at)
    return text.startswith(".", at) and text.startswith(names, _past_spaces(text, at + 1))


def _past_spaces(text: str, at: int) -> int:
    """The first character from ``at`` on that ``regex``'s ``\\s`` cannot match: a space to
    Python, or unassigned in its Unicode, may be one."""
    while at < len(text) and (text[at].isspace() or unicodedata.category(text[at]) == "Cn"):
        at += 1
    return at


def _statement_end(text: str, start: int, limit: int) -> int:
    """Where the statement starting at ``start`` ends: after ``;`` at depth 0, after the closing
    bracket of its outermost call or block, or at ``limit`` (the end of the line)."""
    depth = 0
    quote = ""
    opened = False
    index = start
    while index < limit:
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        elif char in _OPEN:
            depth += 1
            opened = True
        elif char in ")}]":
            depth -= 1
            if depth <= 0 and opened:
                end = index + 1
                while end < limit and text[end] in " \t;":
                    end += 1
                if end < limit and text[end] == ".":
                    depth = 0  # a chained call: document.getElementById('x').style…
                    index = end
                    continue
                return end
        elif char == ";" and depth == 0:
            return index + 1
        index += 1
    return limit


def _check_script(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    text = page.text
    if not _may_hold_code(text):
        return
    resume = 0
    for match in _code_matches(text):
        if match.start() < resume:
            continue
        line_end = page.line_span(page.line_index(match.start()))[1]
        end = max(match.end(), _statement_end(text, match.start(), line_end))
        resume = end
        yield Violation(
            match.start(),
            end,
            f"script or style code in text: {_shown(text[match.start():end].strip())}",
            Fix.delete(match.start(), end, safe=False, message="remove the code"),
        )


SCRIPT_FRAGMENT = Rule(
    code="MKP003",
    name="script-fragment",
    summary="JavaScript or CSS code (document.writeln(, var x = …;, function(){) left in the text",
    explanation=(
        "A scraper that keeps the text of <script> and <style> elements leaves code in the "
        "article: 'document.writeln('关注我们，扫码抽奖…')', '(adsbygoogle = window.adsbygoogle || "
        "[]).push({});', 'var pageId = 1024;', '.ad{display:none}'. Only unmistakable code "
        "shapes count: DOM and window calls, function definitions, declarations ending in a "
        "semicolon, analytics calls, CSS rules. The finding runs to the end of the statement; its "
        "fix removes it and is unsafe, since code in a programming article is content."
    ),
    bad_example="报告显示，共享汽车使用率偏低。document.writeln('关注我们，扫码抽大奖。');",
    good_example="报告显示，共享汽车使用率偏低。网页里的“document”一词意为文件。",
    check=_check_script,
    severity=Severity.WARNING,
    fixable=True,
)


# --- MKP004: percent-encoded text ---------------------------------------------------------------

_PERCENT_RUN = lazy_regex(r"(?:%[0-9A-Fa-f]{2}){3,}")
#: An address is ASCII without spaces, quotes or angle brackets; CJK punctuation ends it.
_TOKEN_CHARS = r"[!#-&(-;=?-~]"
_TOKEN_LEFT = lazy_regex(rf"{_TOKEN_CHARS}*$", regex.V1)
_TOKEN_RIGHT = lazy_regex(rf"{_TOKEN_CHARS}*", regex.V1)


def _decode_percent(run: str) -> str | None:
    """The text a run of escapes encodes (UTF-8, else GBK), or None when it is not text."""
    from urllib.parse import unquote_to_bytes

    raw = unquote_to_bytes(run)
    for encoding in ("utf-8", "gb18030"):
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if decoded.isprintable() and (not decoded.isascii() or len(raw) >= 6):
            return decoded
    return None


def _check_percent(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    text = page.text
    min_escapes: int = options["min_escapes"]
    resume = 0
    if "%" not in text:
        return
    for match in _PERCENT_RUN().finditer(text):
        if match.start() < resume or (match.end() - match.start()) // 3 < min_escapes:
            continue
        decoded = _decode_percent(match.group())
        if decoded is None:
            continue
        line_start, line_end = page.line_span(page.line_index(match.start()))
        left = _TOKEN_LEFT().search(text, line_start, match.start())
        right = _TOKEN_RIGHT().match(text, match.end(), line_end)
        start = left.start() if left else match.start()
        end = right.end() if right else match.end()
        resume = end
        token = text[start:end]
        readable = _PERCENT_RUN().sub(lambda m: _decode_percent(m.group()) or m.group(), token)
        yield Violation(
            start,
            end,
            f"percent-encoded text {_shown(token)} (reads {_shown(_decode_percent(match.group()) or '')})",
            Fix((Edit(start, end, readable),), Applicability.UNSAFE, "decode the escapes"),
        )


PERCENT_ENCODED = Rule(
    code="MKP004",
    name="percent-encoded-text",
    summary="A percent-encoded address or text (%E4%B8%AD%E6%96%87) in running text",
    explanation=(
        "Addresses copied from a browser's address bar, or text escaped for a URL, leave runs "
        "like '%E5%AE%89%E5%85%A8' in the page: unreadable, and often the page's own address "
        "printed at the bottom. A run counts when it has at least `min_escapes` escapes in a row "
        "and decodes to text (UTF-8 or GBK). A plain address (https://example.com/news/1.html) "
        "or a lone '%20' is fine. The finding covers the whole address; the fix (unsafe) "
        "decodes the escapes."
    ),
    bad_example="原文地址：example.com/a/%E8%9B%8B%E7%B3%95%E5%81%9A%E6%B3%95/",
    good_example="原文地址：example.com/a/dangao-zuofa/ ，增长 50%，折扣 20% 至 30%。",
    check=_check_percent,
    severity=Severity.WARNING,
    fixable=True,
    options=(RuleOption("min_escapes", 3, "Fewest escapes in a row that count (3 = one Chinese character).", int),),
)


# --- MKP005: mojibake -------------------------------------------------------------------------


def _check_mojibake(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    text = page.text
    for start, end, fixed, how in mojibake(text, page.line_starts, options["min_gbk_chars"]):
        if fixed is not None:
            message = f"mojibake {_shown(text[start:end])} ({how}; reads {_shown(fixed)})"
            yield Violation(start, end, message, Fix((Edit(start, end, fixed),), Applicability.UNSAFE, "decode it as it was meant"))
        elif how == "private":
            codes = ", ".join(f"U+{ord(c):04X}" for c in text[start:end])
            yield Violation(start, end, f"private-use characters inside a word ({codes}): broken decoding")
        else:
            yield Violation(start, end, f"{how}: text lost in decoding")


MOJIBAKE = Rule(
    code="MKP005",
    name="mojibake",
    summary="Text decoded with the wrong encoding (Â£, ä¸­æ–‡, 鏁板瓧, 锟斤拷, �)",
    explanation=(
        "A page decoded with the wrong encoding turns characters into strings of others: UTF-8 "
        "read as Latin-1 or Windows-1252 ('Â£600m', 'CafÃ©', 'ä¸­æ–‡'), UTF-8 read as GBK "
        "('鏁板瓧涓囩敤琛' for '数字万用表'), replacement characters where bytes were lost "
        "('�', '锟斤拷'), and private-use code points inside a word. Latin mojibake is told by "
        "ftfy, on short runs of the line only, so Chinese text is never fed to its heuristics; "
        "GBK mojibake by re-encoding a run of Han characters and finding that the bytes are valid "
        "UTF-8 for several common characters, which ordinary Chinese text almost never is. The "
        "fix (unsafe) puts the decoded text in place; lost characters cannot be fixed."
    ),
    bad_example="Profits rose to Â£600m. 产品名称：鏁板瓧涓囩敤琛",
    good_example="Profits rose to £600m. 产品名称：数字万用表。A naïve café in Zürich.",
    check=_check_mojibake,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "min_gbk_chars",
            3,
            "Fewest Han characters that a run's GBK bytes must spell in UTF-8 to count as mojibake.",
            int,
        ),
    ),
)


# --- MKP006: serialized data -------------------------------------------------------------------

_QUOTE_OPEN = "‘'\"“"
_QUOTE_CLOSE = "’'\"”"
_ITEM_SEPARATOR = lazy_regex(rf"[{_QUOTE_CLOSE}][ \t]*,[ \t]*(?:\[\][ \t]*,[ \t]*)*[{_QUOTE_OPEN}]")
_LIST_EDGE = lazy_regex(rf"\[[ \t]*[{_QUOTE_OPEN}]|[{_QUOTE_CLOSE}][ \t]*\]")


def _check_serialized(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    min_items: int = options["min_items"]
    text = page.text
    if not ("[" in text or "]" in text) or _ITEM_SEPARATOR().search(text) is None:
        return  # a printed list has brackets and a separator between quoted items
    # Per line with either: the list stretch it holds (if any), how many items, its bracket
    # edges. Neither pattern crosses a line break, so one scan of the page finds them all.
    all_separators = _by_line(page, _ITEM_SEPARATOR().finditer(text))
    all_edges = _by_line(page, _LIST_EDGE().finditer(text))
    lines: list[tuple[tuple[int, int] | None, int, list[tuple[int, int]]]] = []
    for index in sorted(all_separators.keys() | all_edges.keys()):
        start, end = page.line_span(index)
        separators = all_separators.get(index, [])
        edges = all_edges.get(index, [])
        stretch = None
        if separators and edges:
            first = min(separators[0].start(), edges[0].start())
            if text[first] != "[":
                first = start  # the line starts inside a list broken over lines
            last = max(separators[-1].end(), edges[-1].end())
            if not any(text[e.end() - 1] == "]" and e.start() > separators[-1].start() for e in edges):
                last = end  # the list goes on past the end of the line
            stretch = (first, last)
        lines.append((stretch, len(separators) + 1, [edge.span() for edge in edges]))
    if not any(stretch and items >= min_items for stretch, items, _ in lines):
        return
    # The page prints a list: its pieces on other lines, and lone bracket remnants, count too.
    for stretch, _, edges in lines:
        if stretch:
            yield Violation(*stretch, f"serialized data in text: {_shown(text[stretch[0]:stretch[1]])}")
            continue
        for start, end in edges:
            yield Violation(start, end, f"remnant of serialized data {text[start:end]!r}")


def _by_line(page: Page, matches: Iterator[regex.Match[str]]) -> dict[int, list[regex.Match[str]]]:
    grouped: dict[int, list[regex.Match[str]]] = {}
    for match in matches:
        grouped.setdefault(page.line_index(match.start()), []).append(match)
    return grouped


SERIALIZED_DATA = Rule(
    code="MKP006",
    name="serialized-data",
    summary="A list printed by a template as data ([‘a’, ‘b’, [], ‘c’]) in the text",
    explanation=(
        "A page template that prints a variable instead of its value leaves program data in a "
        "sentence: '服务区域包括[‘南二环’, ‘颐和家园’, [], ‘金盛巷’]附近'. A line counts when it holds "
        "`min_items` quoted items separated by commas and a bracket around them; once a page has "
        "one, the bracket remnants of the same list on other lines ('’]') count too. A quotation "
        "list in prose ('“创新”、“协调”') has no commas and brackets and is fine."
    ),
    bad_example="服务区域包括[‘南二环’, ‘颐和家园’, [], ‘金盛巷’]附近的客户。",
    good_example="服务区域包括南二环、颐和家园和金盛巷附近的客户。",
    check=_check_serialized,
    severity=Severity.WARNING,
    options=(RuleOption("min_items", 3, "Fewest quoted items a printed list must hold.", int),),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [
        Family(
            "MKP",
            "leaked markup and broken encoding",
            "HTML entities, tags, script, escapes or mojibake left in the text.",
            "#7f7f7f",
        )
    ]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [HTML_ENTITY, HTML_TAG, SCRIPT_FRAGMENT, PERCENT_ENCODED, MOJIBAKE, SERIALIZED_DATA]
