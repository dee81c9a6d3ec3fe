"""Everything said to the person at the terminal goes to stderr, through here; stdout is
kept for data (addresses, JSON, tables)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from postcards.shared.errors import PostcardsError, Problem

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


def say(text: str) -> None:
    click.echo(text, err=True)


def warn(problems: Iterable[Problem]) -> None:
    for problem in problems:
        say(problem.format("warning"))


def error(err: PostcardsError) -> None:
    for problem in err.problems:
        say(problem.format() if problem.where or problem.field else problem.format("error"))


def human_bytes(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class Progress:
    """A bar on stderr for a long run, made when the first sheet is drawn (the number of
    cards is known then) and shown only when `shown` and the run has `least` cards."""

    def __init__(self, label: str, shown: bool, least: int) -> None:
        self._label = label
        self._shown = shown
        self._least = least
        self._bar: ProgressBar[int] | None = None
        self._done = 0

    def __call__(self, done: int, total: int) -> None:
        if not (self._shown and total >= self._least):
            return  # no bar to show: click's progress bar (and its module) is not made
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=self._label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@contextmanager
def progress(label: str, shown: bool, least: int) -> Iterator[Progress]:
    """A `Progress` for the block, finished when it ends."""
    bar = Progress(label, shown and sys.stderr.isatty(), least)
    try:
        yield bar
    finally:
        bar.close()


def read_stdin(limit: int, too_large: str, hint: str) -> str:
    """Standard input as text (UTF-8, a BOM allowed), refused when over `limit` bytes
    (`too_large` says why that is too much, `hint` what to do) or not UTF-8."""
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise PostcardsError(f"<stdin>: {too_large}", hint=hint)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PostcardsError("<stdin>: the text is not UTF-8", hint="send UTF-8 text") from None
