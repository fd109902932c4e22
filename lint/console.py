"""The ``scrapelint`` console script: the CLI, with start-up kept out of the garbage collector's way.

Start-up (click, the core, the plugins, their rules) builds some 30,000 containers that live until
the process exits, and the cyclic garbage collector walks them again at every full collection
during start-up and once more at exit: 6-7% of the instructions of a one-file run (the pre-commit
case). So the script turns the collector off before importing anything; the CLI calls
:func:`started` once the plugins are loaded, which moves everything built so far into the
collector's permanent generation (``gc.freeze``, which CPython's documentation also advises before
forking workers: they then do not copy those pages to update the collector's bookkeeping) and
turns it back on for the pages. Imported as a library or run by tests, the CLI leaves the
collector alone: only :func:`main` arms :func:`started`.
"""

from __future__ import annotations

import gc

__all__ = ["main", "started"]

_deferred = False  # the collector was turned off by main() and is waiting for started()


def main() -> None:
    """Run the CLI with the collector off until :func:`started`."""
    global _deferred
    _deferred = gc.isenabled()
    gc.disable()
    from lint.cli import main as cli

    cli()


def started() -> None:
    """Start-up is over: freeze what it built and turn the collector back on (after :func:`main` only)."""
    global _deferred
    if _deferred:
        _deferred = False
        gc.freeze()
        gc.enable()
