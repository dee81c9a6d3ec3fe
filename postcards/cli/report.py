"""Everything said to the person at the terminal goes to stderr, through here; stdout is
kept for data (addresses, JSON, tables)."""

from __future__ import annotations

from collections.abc import Iterable

import click

from postcards.shared.errors import PostcardsError, Problem


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
