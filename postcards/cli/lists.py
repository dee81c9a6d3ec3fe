"""The commands that read and report: `address`, `check`, `list`, `birthdays`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import click

import postcards
from postcards.cli import report
from postcards.cli.options import (
    address_choice,
    address_options,
    data_argument,
    filter_options,
    filters,
    load,
    paper_option,
    report_skipped,
    script_option,
    when_options,
)
from postcards.cli.options import today as when
from postcards.shared.model import Prisoner
from postcards.shared.options import DEFAULT_STALE_DAYS, Filters
from postcards.shared.words import plural


@click.command()
@data_argument
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only this prisoner (repeat for more).")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id": ..., "lines": [...]}].')
@address_options
def address(data: Path | None, ids: tuple[str, ...], as_json: bool, nominative: bool,
            no_country: bool, script: str) -> None:
    """Print each address block, to copy onto an envelope by hand.

    With --script be, the lines in Belarusian where the registry or the data give them; what
    stays Russian is said on stderr."""
    dataset = load(data)
    options = address_choice(nominative, no_country, script)
    selection = postcards.select(dataset, Filters(only=ids), today=when(None))
    report_skipped(selection)
    blocks = postcards.address_blocks(selection.prisoners, options)
    report.warn(dict.fromkeys(w for block in blocks for w in block.warnings))
    if as_json:
        click.echo(json.dumps([{"id": b.id, "lines": list(b.lines)} for b in blocks], ensure_ascii=False,
                              indent=2))
        return
    click.echo("\n\n".join("\n".join(block.lines) for block in blocks))


@click.command()
@data_argument
@click.option("--stale-after", type=click.IntRange(1), default=DEFAULT_STALE_DAYS, show_default=True,
              metavar="DAYS", help="Warn when an address was verified longer ago than this.")
@click.option("--today", metavar="YYYY-MM-DD", help="Count ages from this day (default: today).")
@paper_option
@script_option
def check(data: Path | None, stale_after: int, today: str | None, paper: str, script: str) -> None:
    """Validate DATA, listing every problem and stale address.

    The address blocks are checked in the script --script names: with --script be, what
    stays Russian is listed too."""
    dataset = load(data)
    stale = postcards.check(dataset, today=when(today), paper=paper, stale_after=stale_after,
                            address=address_choice(False, False, script))
    report.warn(stale)
    warnings = len(dataset.warnings) + len(stale)
    report.say(f"{dataset.file}: {plural(len(dataset.prisoners), 'prisoner')}, "
               f"no errors, {plural(warnings, 'warning')}.")


@click.command(name="list")
@data_argument
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "name", "names": {"ru", "be", "latin"}, "latin", "institution", '
                   '"birthday", "status", "released", "tags", "interests"}].')
@filter_options
@when_options
def list_prisoners(data: Path | None, as_json: bool, today: str | None, transit_days: int,
                   **chosen: Any) -> None:
    """Print a table of DATA: ids, names, institutions, birthdays, status, tags.

    The filters are those of `make` and `event`: the table shows whom they choose."""
    from postcards.evening.selection import matching
    from postcards.text.occasions import arrival

    dataset = load(data)
    chosen_by = filters(**chosen)
    people = matching(dataset, chosen_by, arrival(when(today), transit_days))
    rows: list[tuple[str, ...]] = [("ID", "NAME", "LATIN", "INSTITUTION", "BIRTHDAY", "STATUS", "TAGS")]
    rows += [_row(p) for p in people]
    if as_json:
        click.echo(json.dumps([_json_row(p, row) for p, row in zip(people, rows[1:], strict=True)],
                              ensure_ascii=False, indent=2))
    else:
        table(rows)
    if chosen_by.narrowing:
        report.say(f"{plural(len(people), 'prisoner')} of {len(dataset.prisoners):,} match.")


def table(rows: Sequence[Sequence[str]]) -> None:
    """Rows as columns padded to their widest cell, on stdout."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _row(p: Prisoner) -> tuple[str, ...]:
    born = ""
    if p.born:
        born = f"{p.born.month:02d}-{p.born.day:02d}"
        born = f"{p.born.year}-{born}" if p.born.year else born
    place = p.institution.code or f"{p.institution.name}, {p.institution.locality}"
    status = f"{p.status} {p.released.isoformat()}" if p.released else p.status
    return (p.id, p.name.ru.full(), p.name.latin or "", place, born, status, ",".join(p.tags))


def _json_row(p: Prisoner, row: tuple[str, ...]) -> dict[str, Any]:
    """One person for scripts: the table's columns, each name form, and the day of release."""
    return {"id": p.id, "name": p.name.ru.full(),
            "names": {"ru": None if p.name.be_only else p.name.ru.full(),
                      "be": p.name.be.full() if p.name.be else None,
                      "latin": p.name.latin},
            "latin": p.name.latin, "institution": row[3], "birthday": row[4] or None, "status": p.status,
            "released": p.released.isoformat() if p.released else None, "tags": list(p.tags),
            "interests": list(p.interests)}




@click.command()
@data_argument
@click.option("--within", type=click.IntRange(0, 366), default=30, show_default=True, metavar="DAYS",
              help="Birthdays from the day a card posted today arrives to DAYS after it.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "name", "latin", "birthday", "post_by", "turns", "institution"}].')
@filter_options
@when_options
def birthdays(data: Path | None, within: int, as_json: bool, today: str | None, transit_days: int,
              **chosen: Any) -> None:
    """Who has a birthday a card posted today can reach, and the day to post by.

    The same people as `make --born-within DAYS`; the day to post by is the birthday minus
    --transit-days."""
    from postcards.text.occasions import arrival, upcoming_birthdays
    from postcards.text.translit import known_as

    dataset = load(data)
    day = when(today)
    people = postcards.select(dataset, filters(**chosen), today=day, transit_days=transit_days).prisoners
    found = upcoming_birthdays(people, day, transit_days, within)
    rows = [{"id": u.prisoner.id, "name": u.prisoner.name.ru.full(), "latin": known_as(u.prisoner.name),
             "birthday": u.day.isoformat(), "post_by": u.post_by.isoformat(), "turns": u.turns,
             "institution": u.prisoner.institution.code or u.prisoner.institution.name} for u in found]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        table([("BIRTHDAY", "POST BY", "TURNS", "ID", "NAME", "INSTITUTION"),
                *((u.day.isoformat(), u.post_by.isoformat(), str(u.turns or ""), u.prisoner.id,
                   f"{known_as(u.prisoner.name)} ({u.prisoner.name.ru.full()})",
                   u.prisoner.institution.code or u.prisoner.institution.name) for u in found)])
    arrives = arrival(day, transit_days)
    report.say(f"{plural(len(rows), 'birthday')} from {arrives.isoformat()} (a card posted "
               f"{day.isoformat()} arrives) to {(arrives + timedelta(days=within)).isoformat()}.")
