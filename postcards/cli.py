"""The `postcards` command: parse options, call one core function, print, set the exit code.

Exit codes: 0 done; 1 bad data or a refused action (one line per problem on stderr);
2 a bad command line (click's own). A traceback means a bug.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click
import platformdirs

from . import __version__, report
from .address import AddressOptions, address_lines
from .cards import CardOptions, Selection, address_problems, select, write_postcards
from .config import load_config
from .errors import PostcardsError
from .freshness import stale_addresses
from .layout.sheet import papers
from .model import Dataset, Prisoner
from .records import load_dataset
from .resources import default_data

PROGRESS_FROM = 200  # cards; fewer finish before a bar would help
DEFAULT_STALE_DAYS = 365


class Group(click.Group):
    """Prints a user's mistake as plain lines and exits 1, never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PostcardsError as err:
            report.error(err)
            ctx.exit(1)


def _data_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("data", required=False, type=click.Path(path_type=Path, dir_okay=False))(func)


def _address_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--no-country", is_flag=True,
                        help="Leave out REPUBLIC OF BELARUS (for mail posted inside Belarus).")(func)
    return click.option("--nominative", is_flag=True,
                        help="Name as 'Мария Колесникова' (given name first, not declined) "
                             "instead of the dative 'Колесниковой Марии Александровне'.")(func)


def _paper_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--paper", type=click.Choice(sorted(papers())), default="a4", show_default=True,
                        help="a4: four A6 cards a sheet; letter: four quarter-letter cards; "
                             "a6, 4x6: one card a page, for a print shop.")(func)


def _load(data: Path | None) -> Dataset:
    dataset = load_dataset(data if data is not None else default_data(Path(".")))
    report.warn(dataset.warnings)
    return dataset


def _report_skipped(selection: Selection) -> None:
    for prisoner, status in selection.skipped:
        report.say(f"skipped {prisoner.id}: status is {status} (only imprisoned people get cards)")


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date YYYY-MM-DD", param_hint="--today") from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postcards")
def main() -> None:
    """Printable postcards to political prisoners in Belarus, with the address laid out as
    Belarusian post expects and a suggested message in Russian or Belarusian.

    DATA is a prisoners YAML file: ./prisoners.yaml when there is one, else the bundled list.
    Check every address at prisoners.spring96.org before posting: they go stale.
    """


@main.command()
@_data_argument
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("postcards.pdf"), show_default=True, help="The PDF to write.")
@_paper_option
@click.option("--copies", type=click.IntRange(1, 100), default=1, show_default=True,
              help="Cards per person.")
@click.option("--only", "only", multiple=True, metavar="ID",
              help="Only this prisoner (repeat for more).")
@click.option("--lang", type=click.Choice(["ru", "be"]), default="ru", show_default=True,
              help="Language of the message (the address is always Russian).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Which messages go to whom; the same seed gives the same PDF.")
@click.option("--from", "sender", multiple=True, metavar="LINE",
              help="A line of your return address, in Cyrillic (repeat per line). "
                   "Default: 'sender:' in your config file; never written to the data file.")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
              default=lambda: platformdirs.user_config_path("postcards") / "config.yaml",
              show_default="your config directory's postcards/config.yaml",
              help="Your settings file (sender lines).")
@_address_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def make(data: Path | None, output: Path, paper: str, copies: int, only: tuple[str, ...], lang: str,
         seed: int, sender: tuple[str, ...], config: Path, nominative: bool, no_country: bool,
         quiet: bool) -> None:
    """Make a PDF of postcards for everyone in DATA.

    One card per imprisoned person, imposed on sheets, ready to sign, stamp and post."""
    dataset = _load(data)
    options = CardOptions(
        paper=paper, lang=lang, seed=seed, copies=copies, only=only,  # type: ignore[arg-type]
        sender=tuple(line.strip() for line in sender if line.strip()) or load_config(config).sender,
        address=AddressOptions("nominative" if nominative else "dative", not no_country),
    )
    selection = select(dataset, only)
    expected = len(selection.prisoners) * copies
    show_bar = not quiet and expected >= PROGRESS_FROM and sys.stderr.isatty()
    with click.progressbar(length=expected, label="Drawing cards", file=sys.stderr,
                           hidden=not show_bar) as bar:
        result = write_postcards(selection, options, output, progress=bar.update)
    _report_skipped(result.selection)
    stale = stale_addresses(result.selection.prisoners, date.today(), DEFAULT_STALE_DAYS)
    report.say(f"Wrote {output}: {report.plural(result.cards, 'card')} on "
               f"{report.plural(result.sheets, 'page')} ({paper}), {report.human_bytes(result.bytes)}. "
               "Print at actual size (100%, not 'fit to page').")
    if stale:
        report.say(f"{report.plural(len(stale), 'address')} not verified in the last year: "
                   "check them at prisoners.spring96.org before posting (`postcards check`).")


@main.command()
@_data_argument
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only this prisoner (repeat for more).")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id": ..., "lines": [...]}].')
@_address_options
def address(data: Path | None, ids: tuple[str, ...], as_json: bool, nominative: bool,
            no_country: bool) -> None:
    """Print each address block, to copy onto an envelope by hand."""
    dataset = _load(data)
    options = AddressOptions("nominative" if nominative else "dative", not no_country)
    selection = select(dataset, ids)
    _report_skipped(selection)
    blocks = [{"id": p.id, "lines": list(address_lines(p, options))} for p in selection.prisoners]
    if as_json:
        click.echo(json.dumps(blocks, ensure_ascii=False, indent=2))
        return
    click.echo("\n\n".join("\n".join(block["lines"]) for block in blocks))


@main.command()
@_data_argument
@click.option("--stale-after", type=click.IntRange(1), default=DEFAULT_STALE_DAYS, show_default=True,
              metavar="DAYS", help="Warn when an address was verified longer ago than this.")
@click.option("--today", metavar="YYYY-MM-DD", help="Count ages from this day (default: today).")
@_paper_option
def check(data: Path | None, stale_after: int, today: str | None, paper: str) -> None:
    """Validate DATA, listing every problem and stale address."""
    dataset = _load(data)
    problems = address_problems(dataset, AddressOptions(), paper)
    if problems:
        raise PostcardsError.of(problems)
    stale = stale_addresses(dataset.prisoners, _today(today), stale_after)
    report.warn(stale)
    warnings = len(dataset.warnings) + len(stale)
    report.say(f"{dataset.file}: {report.plural(len(dataset.prisoners), 'prisoner')}, "
               f"no errors, {report.plural(warnings, 'warning')}.")


@main.command(name="list")
@_data_argument
def list_prisoners(data: Path | None) -> None:
    """Print a table of DATA: ids, names, institutions, birthdays."""
    dataset = _load(data)
    rows = [("ID", "NAME", "LATIN", "INSTITUTION", "BIRTHDAY", "STATUS")]
    rows += [_row(p) for p in dataset.prisoners]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _row(p: Prisoner) -> tuple[str, str, str, str, str, str]:
    born = ""
    if p.born:
        born = f"{p.born.month:02d}-{p.born.day:02d}"
        born = f"{p.born.year}-{born}" if p.born.year else born
    place = p.institution.code or f"{p.institution.name}, {p.institution.locality}"
    return (p.id, p.name.ru.full(), p.name.latin or "", place, born, p.status)
