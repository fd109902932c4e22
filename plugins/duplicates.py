"""DUP: a paragraph or sentence of the page repeated, exact or near-exact.

Content farms paste a "本文摘要：" that copies the first paragraph, print a lead that the next
paragraph repeats, say a conclusion twice, or build whole pages from reshuffled sentences.
Comparing every paragraph with every other one is quadratic, so lines are compared through
hash tables: first of short windows of text at clause boundaries, in C, to find the few lines
that share anything (:mod:`plugins._dup_units`), then of the shingles (runs of five units) of
those lines (:mod:`plugins._dup_analysis`, :mod:`plugins._dup_sentences`): linear in page size.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from lint import hookimpl
from lint.model import Family, Fix, Rule, RuleOption, Severity, Violation
from lint.page import Page
from plugins._collector import collector_paused
from plugins._dup_analysis import analysed
from plugins._dup_sentences import repeated_sentences


def _lines_phrase(indices: tuple[int, ...]) -> str:
    numbers = [str(index + 1) for index in indices]
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {', '.join(numbers[:-1])} and {numbers[-1]}"


# --- DUP001: a whole line repeated ------------------------------------------------------------


def _check_repeated_paragraph(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    analysis = analysed(
        page,
        min_units=options["min_units"],
        min_share=options["min_share"],
        lead_window=options["lead_window"],
        skip_list_items=options["skip_list_items"],
    )
    for index in sorted(analysis.copies):
        copy = analysis.copies[index]
        what = "summary" if copy.summary else "paragraph"
        percent = int(copy.share * 100)
        message = f"{what} repeats {_lines_phrase(copy.sources)} ({percent}% of its text)"
        start, end = page.line_span(index)
        text = page.lines[index]
        start += len(text) - len(text.lstrip())
        remove = page.line_span_with_break(index)
        if copy.exact:
            fix = Fix.delete(*remove, message="remove the repeated line")
        else:
            fix = Fix.delete(*remove, safe=False, message="remove the near-copy (check what differs)")
        yield Violation(start, end, message, fix)


REPEATED_PARAGRAPH = Rule(
    code="DUP001",
    name="repeated-paragraph",
    summary="A paragraph that repeats another paragraph of the page, exactly or nearly",
    explanation=(
        "Scraped pages often hold the same paragraph twice: a '本文摘要：' or lead line that copies "
        "the first paragraph, a teaser printed again almost word for word, a conclusion that "
        "repeats the introduction, a product description copied from the previous item with only "
        "the model name changed, or a generated page made of reshuffled sentences. The copy "
        "reported is the one whose removal leaves the article whole: a labelled summary, or a "
        "lead at the page's opening that holds only part of the paragraph right after it (often "
        "cut off with '...'); otherwise the later copy. Similarity counts shared runs of five characters (five words in Latin "
        "script), so punctuation, spacing and a changed word or two do not hide a copy; only lines "
        "that share the opening or the end of a clause (ten characters, five or six words) with another "
        "line are compared, so a line that says something new in a formula's words is left alone. Headings, "
        "headlines, short lines and (by default) numbered clauses, which parallel sections repeat "
        "by design, are never reported. An exact repeat is removed by --fix; a "
        "near-copy only with --unsafe-fixes, since its few different words may matter."
    ),
    bad_example=(
        "社区夜校开班\n"
        "本文摘要：本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。\n"
        "本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。课程包括急救常识和手机使用。"
    ),
    good_example=(
        "社区夜校开班\n"
        "本周一晚，社区第一期夜校在活动中心开班，三十多位居民报名参加。课程包括急救常识和手机使用。"
    ),
    check=_check_repeated_paragraph,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "min_units",
            16,
            "Shortest line that counts, in units (a Han character, or a word of another script).",
            int,
        ),
        RuleOption("min_share", 0.8, "Share (0-1) of a line's text that must occur in the lines it repeats.", float),
        RuleOption(
            "lead_window",
            3,
            "A lead that copies the text after it is reported when that text starts within this many non-blank lines.",
            int,
        ),
        RuleOption(
            "skip_list_items",
            True,
            "Leave numbered items and clauses ('3、', '（b）', '第三条') alone: parallel sections of rules, "
            "contracts and forms repeat them by design.",
            bool,
        ),
    ),
)


# --- DUP002: a sentence repeated --------------------------------------------------------------


def _check_repeated_sentence(page: Page, options: Mapping[str, Any]) -> Iterator[Violation]:
    min_units: int = options["min_units"]
    min_share: float = options["min_share"]
    defaults = REPEATED_PARAGRAPH.default_options()
    analysis = analysed(
        page,
        min_units=defaults["min_units"],
        min_share=defaults["min_share"],
        lead_window=defaults["lead_window"],
        skip_list_items=defaults["skip_list_items"],
    )
    with collector_paused():  # as for the analysis: the search makes many small containers
        repeats = list(repeated_sentences(analysis, page, min_units, min_share))
    for index, start, end, source in repeats:
        yield _sentence_violation(page, index, start, end, source)


def _sentence_violation(page: Page, index: int, start: int, end: int, source: int) -> Violation:
    where = "earlier on this line" if source == index else f"line {source + 1}"
    text = page.text[start:end].strip()
    while end > start and page.text[end - 1].isspace():
        end -= 1
    shown = text if len(text) <= 40 else text[:37] + "..."
    return Violation(start, end, f"sentence repeats {where}: {shown!r}", Fix.delete(start, end, safe=False))


REPEATED_SENTENCE = Rule(
    code="DUP002",
    name="repeated-sentence",
    summary="A sentence said again later in the page, inside a paragraph that is otherwise new",
    explanation=(
        "A sentence pasted twice in one paragraph ('U15 精度高，用于标定。非常结实。U15 精度高，用于"
        "标定。'), or a sentence of an earlier paragraph pasted into a later one. The later copy is "
        "reported, with the line it repeats. By default only a sentence said again word for word "
        "counts (letters and digits; spacing and punctuation aside): parallel sentences that differ "
        "by a name ('张某买入该基金并持有至今。李某买入该基金并持有至今。') are the writer's. Whole "
        "lines that repeat another line are DUP001's; short sentences (a set phrase, 'Thank you.'), "
        "fragments cut off at the end of a teaser and a heading quoted in a sentence are never "
        "reported. The fix removes the sentence and is unsafe: a writer may repeat one on purpose."
    ),
    bad_example="这款传感器精度很高，适合实验室标定使用。它非常结实。这款传感器精度很高，适合实验室标定使用。",
    good_example="这款传感器精度很高，适合实验室标定使用。它非常结实。",
    check=_check_repeated_sentence,
    severity=Severity.WARNING,
    fixable=True,
    options=(
        RuleOption(
            "min_units",
            14,
            "Shortest sentence that counts, in units (a Han character, or a word of another script).",
            int,
        ),
        RuleOption(
            "min_share",
            1.0,
            "Share (0-1) of a sentence's text said before, in the same order. Whole by default: "
            "parallel sentences about different people or products differ by a name only.",
            float,
        ),
    ),
)


@hookimpl
def scrapelint_families() -> list[Family]:
    return [Family("DUP", "repeated content", "A paragraph or sentence of the page repeated.", "#8c564b")]


@hookimpl
def scrapelint_rules() -> list[Rule]:
    return [REPEATED_PARAGRAPH, REPEATED_SENTENCE]
