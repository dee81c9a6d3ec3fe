"""The `ledger` command: cards printed, posted and returned, per person, pack or day; and
`ledger mark posted|returned`, which adds the cards' new states to the ledger."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

import postcards
from postcards.cli import report
from postcards.cli.lists import table
from postcards.cli.options import data_argument, data_path, ledger_path, load
from postcards.cli.options import today as when
from postcards.shared.errors import PostcardsError
from postcards.shared.words import people, plural

if TYPE_CHECKING:
    from postcards.evening.ledger import Ledger
    from postcards.evening.ledgermark import MarkedCards
    from postcards.shared.model import Dataset

STATES = ("posted", "returned")
WHYS = ("released", "moved", "refused", "unknown")  # evening/ledgerstate.py's, not imported at start


class LedgerGroup(click.Group):
    """`ledger [DATA] [OPTIONS]` shows the ledger, options anywhere as for any command;
    `ledger mark ...` marks cards in it. DATA is read first, so a subcommand's name arrives as
    DATA and is taken back from there (a data file named like a subcommand is given as ./mark)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.allow_interspersed_args = not any(arg in self.commands for arg in args)
        return super().parse_args(ctx, args)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        """Without DATA when a subcommand's usage line asks: `postcards ledger mark ...`."""
        params = super().get_params(ctx)
        return params if ctx.command is self else [p for p in params if not isinstance(p, click.Argument)]

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                          list[str]]:
        name = str(ctx.params.get("data") or "")
        if name not in self.commands:
            return super().resolve_command(ctx, args)
        given = [p.opts[0] for p in self.params if isinstance(p, click.Option) and p.name
                 and ctx.get_parameter_source(p.name) is not ParameterSource.DEFAULT]
        if given:
            raise click.UsageError(f"{', '.join(given)} go after `ledger {name} ...`, not before it")
        ctx.params["data"] = None
        return name, self.commands[name], args


@click.group(name="ledger", cls=LedgerGroup, invoke_without_command=True,
             subcommand_metavar="| ledger mark posted|returned [DATA] [OPTIONS]")
@data_argument
@click.option("--ledger", "path", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="The ledger (default: sent.csv beside DATA).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only cards printed on or after this day.")
@click.option("--by", type=click.Choice(["person", "pack", "date"]), default="person", show_default=True,
              help="Count per person; per writer's pack of each evening (a `make` run is pack -); "
                   "or per day printed.")
@click.option("--export", "directory", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Write DIR/<id>.txt per person: every card sent, with its date, language and text.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "cards", "printed", "posted", "returned", "last", "languages"}]; '
                   'by pack [{"date", "pack", "printed", "posted", "returned"}], by date the same '
                   'without "pack".')
@click.pass_context
def ledger_command(ctx: click.Context, data: Path | None, path: Path | None, since: str | None, by: str,
                   directory: Path | None, as_json: bool) -> None:
    """Cards printed, posted and returned so far, per person, from the ledger that `make` and
    `event` add to.

    Everyone imprisoned in DATA is listed, with 0 when they have had no card yet. A card
    counts as posted once `postcards ledger mark posted` says so, and as returned once
    `postcards ledger mark returned` does."""
    if ctx.invoked_subcommand is not None:
        return
    if str(data) == "mark":
        raise click.UsageError("say what to mark: `postcards ledger mark posted|returned ...`")
    from postcards.evening.ledger import read_ledger

    dataset = load(data)
    found = ledger_path(data, path, disabled=False)
    if found is None or not found.is_file():
        raise PostcardsError(f"no ledger {'at ' + str(found) if found else 'beside ' + dataset.file}",
                             hint="give its path with --ledger FILE; `make` and `event` start one "
                                  "when you give them --ledger FILE")
    start = when(since, "--since") if since else None
    book = read_ledger(found, since=start)
    if by == "person":
        _per_person(book, dataset, directory, as_json)
    else:
        report.warn(book.problems)
        _per_group(book, by == "pack", as_json)
        if directory is not None:
            _export(book, dataset, directory)


def _per_person(book: Ledger, dataset: Dataset, directory: Path | None, as_json: bool) -> None:
    from postcards.evening.ledger import totals, unknown_prisoners

    report.warn((*book.problems, *unknown_prisoners(book, (p.id for p in dataset.prisoners))))
    rows = totals(book, [p.id for p in dataset.prisoners if p.status == "imprisoned"])
    if directory is not None:
        _export(book, dataset, directory)
    if as_json:
        click.echo(json.dumps([{"id": t.prisoner, "cards": t.cards, "printed": t.cards, "posted": t.posted,
                                "returned": t.returned, "last": t.last.isoformat() if t.last else None,
                                "languages": list(t.languages)} for t in rows], indent=2))
    elif directory is None:
        table([("ID", "PRINTED", "POSTED", "RETURNED", "LAST", "LANGUAGES"),
                *((t.prisoner, str(t.cards), str(t.posted), str(t.returned),
                   t.last.isoformat() if t.last else "", ",".join(t.languages)) for t in rows)])
    none = sum(1 for t in rows if t.cards == 0)
    period = f" since {book.since.isoformat()}" if book.since else ""
    states = ""
    if book.marked:
        states = (f" ({sum(t.posted for t in rows):,} posted, {sum(t.returned for t in rows):,} "
                  "returned)")
    report.say(f"{book.path}: {plural(book.cards, 'card')}{states} to "
               f"{people(sum(1 for t in rows if t.cards))}{period}; "
               f"{none:,} imprisoned in {dataset.file} had none.")


def _per_group(book: Ledger, by_pack: bool, as_json: bool) -> None:
    from postcards.evening.ledgermark import group_totals

    groups = group_totals(book, by_pack)
    if as_json:
        click.echo(json.dumps([{"date": g.day.isoformat(), **({"pack": g.pack} if by_pack else {}),
                                "printed": g.printed, "posted": g.posted, "returned": g.returned}
                               for g in groups], indent=2))
    else:
        head = ("PRINTED ON", *(("PACK",) if by_pack else ()), "PRINTED", "POSTED", "RETURNED")
        table([head, *((g.day.isoformat(), *((str(g.pack or "-"),) if by_pack else ()), str(g.printed),
                         str(g.posted), str(g.returned)) for g in groups)])
    days = len({g.day for g in groups})
    report.say(f"{book.path}: {plural(sum(g.printed for g in groups), 'card')} printed on "
               f"{plural(days, 'day')}, {sum(g.posted for g in groups):,} posted, "
               f"{sum(g.returned for g in groups):,} returned.")


def _export(book: Ledger, dataset: Dataset, directory: Path) -> None:
    from postcards.evening.ledger import export
    from postcards.text.translit import known_as

    names = {p.id: f"{known_as(p.name)} ({p.name.ru.full()}), {p.id}" for p in dataset.prisoners}
    written = export(book.entries, directory, names)
    report.say(f"Wrote {plural(len(written), 'file')} to {directory}.")


@ledger_command.command(name="mark")
@click.argument("state", type=click.Choice(STATES))
@data_argument
@click.option("--pack", "packs", type=click.IntRange(1), multiple=True, metavar="N",
              help="The cards of writer N's pack (repeat for more).")
@click.option("--id", "ids", multiple=True, metavar="ID",
              help="The cards to this prisoner (repeat for more).")
@click.option("--date", "printed", metavar="YYYY-MM-DD", help="The cards printed on this day.")
@click.option("--why", type=click.Choice(WHYS),
              help="With returned: why the card came back (default unknown). released and moved "
                   "say what to change in DATA, so that no more cards go to the old address.")
@click.option("--ledger", "path", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="The ledger (default: sent.csv beside DATA).")
@click.option("--today", metavar="YYYY-MM-DD", help="The day of the posting or return (default: today).")
def mark(state: str, data: Path | None, packs: tuple[int, ...], ids: tuple[str, ...], printed: str | None,
         why: str | None, path: Path | None, today: str | None) -> None:
    """Mark printed cards posted, or returned to you.

    Choose the cards by pack, id and the day printed (each one given narrows the choice);
    one state row per card is added to the ledger, which is never rewritten. A card already
    so marked is left alone; a returned card that was not marked posted is marked posted too.
    Only cards marked posted count for `--fewest-first`. A pack or id with no printed card
    is refused, and nothing is added."""
    if not (packs or ids or printed):
        raise click.UsageError("choose the cards: --pack N, --id ID or --date YYYY-MM-DD")
    if why is not None and state != "returned":
        raise click.UsageError("--why is for cards returned")
    found = ledger_path(data, path, disabled=False)
    if found is None:
        raise PostcardsError(f"no ledger beside {data_path(data)}", hint="give its path with --ledger FILE")
    day = when(printed, "--date") if printed else None
    dataset = load(data) if why in ("released", "moved") else None  # before anything is written
    marked = postcards.mark_cards(found, state, today=when(today), packs=packs,  # type: ignore[arg-type]
                                  ids=ids, printed=day, why=why)  # type: ignore[arg-type]  # click's choices
    from postcards.evening.ledgermark import described

    report.say(f"{described(marked)[:-1]} in {found}.")
    if dataset is not None:
        _status_offer(marked, dataset, when(today))


def _status_offer(marked: MarkedCards, dataset: Dataset, today: date) -> None:
    """For each person whose card came back because they were released, an offer (on a
    terminal) to set them released in the data file, as `postcards released --apply` would;
    elsewhere, and for a move (the new institution is not known here), what to change."""
    from postcards.cli.people import interactive
    from postcards.evening.ledgermark import status_changes

    changes = list(status_changes(marked))
    if not changes:
        return
    known = {p.id: p for p in dataset.prisoners}
    for pid, change in changes:
        person = known.get(pid)
        if person is None:
            report.say(f"note: {pid} is not in {dataset.file}: nothing to change there.")
        elif person.status != "imprisoned":
            report.say(f"{person.where}: note: {pid} is already {person.status} in {dataset.file}.")
        elif marked.why == "released" and interactive() and click.confirm(
                f"Set {pid} released on {today} in {dataset.file}?", err=True):
            postcards.mark_released(dataset.file, [pid], day=today,
                                    source=f"a card returned, marked in the ledger on {today}")
            report.say(f"{person.where}: {pid} set released.")
        else:
            report.say(f"{person.where}: note: {pid}'s card came back ({marked.why}): set {change}.")
            how = ("postcards released DATA LIST --apply --source URL" if marked.why == "released"
                   else "postcards released DATA LIST --moved CODE --apply --source URL")
            report.say(f"`{how}` makes that change once a source confirms it.")
