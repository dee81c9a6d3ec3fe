"""Options and arguments shared by several commands, and the small steps every command takes
(load the data, report what was skipped).

The command line imports the work it calls when a command runs, not when it starts, so that
`postcards --version` and `--help` answer at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import postcards
from postcards.cli import report
from postcards.shared.model import STATUSES, Dataset
from postcards.shared.options import DEFAULT_TRANSIT_DAYS, SCRIPTS, AddressOptions, Filters

if TYPE_CHECKING:
    from postcards.evening.selection import Selection
    from postcards.text.messages import Library

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def data_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("data", required=False, type=click.Path(path_type=Path, dir_okay=False))(func)


def data_path(data: Path | None) -> Path:
    from postcards.source.resources import default_data

    return data if data is not None else default_data(Path("."))


def load(data: Path | None) -> Dataset:
    dataset = postcards.load(data_path(data))
    report.warn(dataset.warnings)
    return dataset


def script_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--script", type=click.Choice(SCRIPTS), default="ru", show_default=True,
                        help="The address block in Russian, or in Belarusian forms (ПК № 4, вул. "
                             "Антошкіна, 3) where the registry or the data give them: each line "
                             "without one stays Russian, with a warning. The country line is "
                             "REPUBLIC OF BELARUS in both.")(func)


def address_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--nominative, --no-country and --script; `address_choice(...)` turns them into
    AddressOptions."""
    func = script_option(func)
    func = click.option("--no-country", is_flag=True,
                        help="Leave out REPUBLIC OF BELARUS (for mail posted inside Belarus).")(func)
    return click.option("--nominative", is_flag=True,
                        help="Name as 'Мария Колесникова' (given name first, not declined) "
                             "instead of the dative 'Колесниковой Марии Александровне'.")(func)


def address_choice(nominative: bool, no_country: bool, script: str) -> AddressOptions:
    return AddressOptions("nominative" if nominative else "dative", not no_country,
                          script)  # type: ignore[arg-type]  # click checked the choice


class PaperChoice(click.Choice):  # type: ignore[type-arg]
    """--paper's choices: the package's paper sizes, read when a command first needs them."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from postcards.layout.sheet import papers

        return tuple(sorted(papers()))

    @choices.setter
    def choices(self, _: object) -> None:
        """click gives a Choice its choices when it is made; these are read from the package."""


def paper_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--paper", type=PaperChoice(), default="a4", show_default=True,
                        help="a4: four A6 cards a sheet; letter: four quarter-letter cards; "
                             "a6, 4x6: one card a page, for a print shop.")(func)


def templates_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--templates", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                        help="A message library of your own, in the format of the bundled "
                             "templates/messages.yaml (default: the bundled one).")(func)


def library(path: Path | None) -> Library:
    return postcards.library(path)


def when_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--today and --transit-days: when cards are posted and how long they travel."""
    func = click.option("--transit-days", type=click.IntRange(0, 120), default=DEFAULT_TRANSIT_DAYS,
                        show_default=True,
                        help="Days a card takes to arrive, for birthdays and seasons.")(func)
    return click.option("--today", metavar="YYYY-MM-DD",
                        help="Pretend today is this day (default: today).")(func)


def today(value: str | None, option: str = "--today") -> date:
    """The day an option names, else today."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date YYYY-MM-DD", param_hint=option) from None


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The organiser's filters; `filters(...)` turns them into a Filters."""
    options: list[Decorator] = [
        click.option("--only", "only", multiple=True, metavar="ID",
                     help="Only this prisoner (repeat for more)."),
        click.option("--exclude", multiple=True, metavar="ID",
                     help="Leave out this prisoner (repeat for more)."),
        click.option("--institution", "institutions", multiple=True, metavar="CODE",
                     help="Only people held here, e.g. IK-4 (repeat for more)."),
        click.option("--tag", "tags", multiple=True, metavar="TAG",
                     help="Only people with this tag in the data's tags: (repeat: any of them)."),
        click.option("--born-within", type=click.IntRange(0, 366), metavar="DAYS",
                     help="Only people whose birthday falls within DAYS after a card posted "
                          "today arrives (see `postcards birthdays`); their cards wish a happy "
                          "birthday."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
                     help="Only people with this status (repeat for more); cards go only to "
                          "the imprisoned."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters(only: tuple[str, ...] = (), exclude: tuple[str, ...] = (), institutions: tuple[str, ...] = (),
            tags: tuple[str, ...] = (), born_within: int | None = None,
            statuses: tuple[str, ...] = ()) -> Filters:
    return Filters(institutions=institutions, born_within=born_within, only=only, exclude=exclude,
                   tags=tags, statuses=statuses)  # type: ignore[arg-type]  # click checked the choices


def ledger_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--no-ledger", is_flag=True,
                        help="Do not read or add to the ledger (a test print).")(func)
    return click.option("--ledger", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                        help="The ledger of cards sent (CSV), read to avoid repeats and added to "
                             "after printing. Default: sent.csv beside DATA when it exists.")(func)


def ledger_path(data: Path | None, given: Path | None, disabled: bool) -> Path | None:
    if disabled:
        if given is not None:
            raise click.UsageError("give --ledger FILE or --no-ledger, not both")
        return None
    if given is not None:
        return given
    from postcards.source.resources import bundled_data

    used = data_path(data)
    if used == bundled_data():
        return None  # never inside the package
    from postcards.evening.ledger import default_path

    return default_path(used)


def report_skipped(selection: Selection) -> None:
    from postcards.evening.selection import skipped_summary

    line = skipped_summary(selection)
    if line:
        report.say(line)
