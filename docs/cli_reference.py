"""Writes docs/cli.md from the commands' own --help, so the reference never drifts.

Run: python docs/cli_reference.py > docs/cli.md   (a test fails when the file is stale)
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from postcards.cli import main

WIDTH = 90


def reference() -> str:
    runner = CliRunner()
    parts = ["# Command-line reference", "", "Generated from `postcards --help`; do not edit by hand.", ""]
    commands: list[list[str]] = [[]]
    for name in sorted(main.commands):
        group = main.commands[name]
        commands.append([name])
        if isinstance(group, click.Group):  # `ledger mark`
            commands += [[name, sub] for sub in sorted(group.commands)]
    for command in commands:
        title = " ".join(["postcards", *command])
        result = runner.invoke(main, [*command, "--help"], terminal_width=WIDTH, prog_name="postcards")
        parts += [f"## `{title}`", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(reference(), nl=False)
