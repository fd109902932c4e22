"""The cyclic garbage collector paused around a rule's work on one page.

DUP's analysis and OFT's measures make hundreds of thousands of small lists, sets and counters
on a big page (none in a cycle), and every collection they set off walks every object the page
holds: on a 10 MB page that was half the time of the steps that make them. Pages are checked
one at a time in each process, so a pause never meets another thread's work.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection inside the block; the collector's state is restored as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
