"""``--output-format concise``: one line per finding and the summary, never an excerpt."""

from __future__ import annotations

from lint.reporters import text


class Reporter(text.Reporter):
    show_source = False
