"""scrapelint: a quality linter for scraped web pages.

The Python API (``lint_text``, ``lint_paths``, ``fix_text``) is loaded on first use, so a
plugin that only needs ``lint.hookimpl`` and the model does not pay for the rest; ``hookimpl``
too, so a run answered from the cache (lint.quick) never imports pluggy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl", "lint_text", "lint_paths", "fix_text"]

if TYPE_CHECKING:
    from lint.api import fix_text, lint_paths, lint_text
    from lint.hookspecs import hookimpl


def __getattr__(name: str) -> Any:
    if name == "hookimpl":  # pluggy is imported with the first plugin, not by every run
        from lint.hookspecs import hookimpl

        return hookimpl
    if name in ("lint_text", "lint_paths", "fix_text"):
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
