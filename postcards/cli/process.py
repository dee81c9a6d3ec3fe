"""What the command does to its own process while it runs, and undoes after: the cyclic
garbage collector paused, SIGTERM and SIGHUP turned into an orderly stop (so the temporary
file of an unfinished PDF is removed, as on Ctrl-C), SIGXFSZ ignored (a write over the
file-size limit then fails with an error the command can report instead of killing it),
standard streams that cannot encode Cyrillic told to escape it rather than fail, and the
objects left at exit frozen so that the interpreter's last collection skips them.

The library leaves the process as it found it (a web front end or a bot may share it); the
command owns its process, and a run builds many lasting objects and little garbage."""

from __future__ import annotations

import atexit
import codecs
import functools
import gc
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

CYRILLIC_SAMPLE = "Жё"


class Stopped(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP): unwinds like Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


@contextmanager
def command_process() -> Iterator[None]:
    """The process as a run wants it, restored afterwards."""
    _skip_the_final_collection()
    was_on = gc.isenabled()
    gc.disable()  # it would walk every record and card again and again: 2.5x longer at 100,000
    main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
    saved = {s: signal.getsignal(s) for s in _STOP_SIGNALS} if main_thread else {}
    for sig in saved:
        signal.signal(sig, _stop)
    xfsz = getattr(signal, "SIGXFSZ", None) if main_thread else None
    saved_xfsz = signal.signal(xfsz, signal.SIG_IGN) if xfsz is not None else None
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        if xfsz is not None:
            signal.signal(xfsz, saved_xfsz)
        if was_on:
            gc.enable()


def unencodable_streams() -> list[str]:
    """Makes stdout and stderr escape what their encoding cannot show (a Windows console or
    redirect in a legacy code page) instead of failing mid-run; returns the names of the
    streams that needed it, with their encodings, for a warning."""
    found = []
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            codecs.encode(CYRILLIC_SAMPLE, encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
                found.append(f"{name} ({encoding})")
    return found


@functools.cache
def _skip_the_final_collection() -> None:
    """At exit, the objects left are frozen (registered once, run by `atexit`), so the
    interpreter's last collection does not walk them all: about 12 ms of a 140 ms run for a
    few cards. Nothing is lost: files are written, synced and closed before a command
    returns, and Python does not promise finalizers at exit."""
    atexit.register(gc.freeze)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
