"""What the command does to its own process: the cyclic garbage collector paused while it works.

The library leaves the process as it found it (a web front end or a bot may share it); the
command owns its process, and a run builds many lasting objects and little garbage."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The collector off for the block, then as it was: it would otherwise walk every record
    and card built so far again and again (loading 100,000 people took 2.5x longer)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
