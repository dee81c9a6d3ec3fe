"""The `postcards` command: parse options, call one core function, print, set the exit code.

Exit codes: 0 done; 1 bad data or a refused action (one line per problem on stderr);
2 a bad command line (click's own). A traceback means a bug.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click
import platformdirs

from . import __version__, report
from .address import AddressOptions, address_lines
from .cards import CardOptions, Selection, address_problems, select, write_postcards
from .censor import bundled_rules, lint, rule_summary
from .config import load_config
from .errors import PostcardsError
from .freshness import stale_addresses
from .layout.sheet import papers
from .messages import REGISTERS, Library, bundled_library, load_library
from .model import LANGUAGES, Dataset, Prisoner
from .occasions import DEFAULT_TRANSIT_DAYS, OCCASIONS
from .records import load_dataset
from .resources import default_data
from .yamlsource import read_text

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


def _library(path: Path | None) -> Library:
    return load_library(path) if path is not None else bundled_library()


def _templates_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--templates", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                        help="A message library of your own, in the format of the bundled "
                             "templates/messages.yaml (default: the bundled one).")(func)


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
              help="Cards per person, each with a different message.")
@click.option("--only", "only", multiple=True, metavar="ID",
              help="Only this prisoner (repeat for more).")
@click.option("--lang", type=click.Choice(LANGUAGES),
              help="Language of the message: ru (default) or be. The address is always Russian.")
@click.option("--occasion", type=click.Choice(["auto", *OCCASIONS]), default="auto", show_default=True,
              help="Which messages: auto picks a birthday message when the card would arrive in "
                   "time for one, a seasonal one in season (winter: New Year and Christmas; "
                   "spring: spring and Easter), else a general one.")
@click.option("--message", "message_id", metavar="ID",
              help="This message on every card (`postcards messages` lists the ids).")
@click.option("--message-file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Your own text (UTF-8) on every card, checked by `postcards lint` first. "
                   "It may use {name}, {given} and {ж|м} like the library's messages.")
@click.option("--force", is_flag=True, help="Print a --message-file the censor check flags (says so).")
@click.option("--blank", is_flag=True,
              help="Ruled lines for handwriting instead of a printed message (add --crib for "
                   "the text to copy).")
@click.option("--crib", is_flag=True,
              help="After each sheet of cards, a sheet in English for the writer: who each person "
                   "is, what the card says, how to say their name. Never post it.")
@click.option("--register", type=click.Choice(REGISTERS), default="formal", show_default=True,
              help="formal: 'Здравствуйте, Людмила Юрьевна!'; warm: 'Дорогая Людмила!'.")
@click.option("--writer-gender", type=click.Choice(["female", "male"]),
              help="Your gender, for messages whose words agree with it (рада/рад); without it "
                   "those messages are left out. Default: 'writer_gender:' in your config file.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Which messages go to whom; the same seed gives the same PDF.")
@click.option("--today", metavar="YYYY-MM-DD", help="Pretend today is this day (default: today).")
@click.option("--transit-days", type=click.IntRange(0, 120), default=DEFAULT_TRANSIT_DAYS,
              show_default=True, help="Days a card takes to arrive, for birthdays and seasons.")
@_templates_option
@click.option("--from", "sender", multiple=True, metavar="LINE",
              help="A line of your return address, in Cyrillic (repeat per line). "
                   "Default: 'sender:' in your config file; never written to the data file.")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
              default=lambda: platformdirs.user_config_path("postcards") / "config.yaml",
              show_default="your config directory's postcards/config.yaml",
              help="Your settings file (sender lines, writer_gender).")
@_address_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def make(data: Path | None, output: Path, paper: str, copies: int, only: tuple[str, ...],
         lang: str | None, occasion: str, message_id: str | None, message_file: Path | None,
         force: bool, blank: bool, crib: bool, register: str, writer_gender: str | None, seed: int,
         today: str | None, transit_days: int, templates: Path | None, sender: tuple[str, ...],
         config: Path, nominative: bool, no_country: bool, quiet: bool) -> None:
    """Make a PDF of postcards for everyone in DATA.

    One card per imprisoned person, imposed on sheets, ready to sign, stamp and post."""
    if message_id is not None and message_file is not None:
        raise click.UsageError("give --message or --message-file, not both")
    if occasion != "auto" and (message_id is not None or message_file is not None):
        raise click.UsageError("--occasion chooses among the library's messages; leave it out with "
                               "--message or --message-file")
    dataset = _load(data)
    library = _library(templates)
    settings = load_config(config)
    options = CardOptions(
        paper=paper, lang=lang, seed=seed, copies=copies, only=only,  # type: ignore[arg-type]
        sender=tuple(line.strip() for line in sender if line.strip()) or settings.sender,
        address=AddressOptions("nominative" if nominative else "dative", not no_country),
        occasion=occasion, message_id=message_id, message_file=message_file,  # type: ignore[arg-type]
        force=force, blank=blank, register=register,  # type: ignore[arg-type]
        writer=writer_gender or settings.writer_gender,  # type: ignore[arg-type]
        today=_today(today), transit_days=transit_days, crib=crib,
    )
    selection = select(dataset, only)
    expected = len(selection.prisoners) * copies
    show_bar = not quiet and expected >= PROGRESS_FROM and sys.stderr.isatty()
    with click.progressbar(length=expected, label="Drawing cards", file=sys.stderr,
                           hidden=not show_bar) as bar:
        result = write_postcards(selection, options, output, library, progress=bar.update)
    _report_skipped(result.selection)
    if result.plan.findings:
        source = str(message_file)
        for finding in result.plan.findings:
            report.say(f"warning: {finding.format(source)}")
        report.say(f"Printed anyway (--force): the censor may stop cards with these "
                   f"{report.plural(len(result.plan.findings), 'word')}.")
    for note in result.plan.notes:
        report.say(f"note: {note}")
    stale = stale_addresses(result.selection.prisoners, options.today, DEFAULT_STALE_DAYS)
    cribs = ", a crib page after each (for the writer: never post it)" if crib else ""
    report.say(f"Wrote {output}: {report.plural(result.cards, 'card')} on "
               f"{report.plural(result.sheets, 'page')} ({paper}){cribs}, "
               f"{report.human_bytes(result.bytes)}. Print at actual size (100%, not 'fit to page').")
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


@main.command()
@click.option("--lang", type=click.Choice(LANGUAGES), help="Only messages in this language.")
@click.option("--occasion", type=click.Choice(OCCASIONS), help="Only messages for this occasion.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "lang", "occasion", "text", "en", "writer_gender"}] for tools.')
@_templates_option
def messages(lang: str | None, occasion: str | None, as_json: bool, templates: Path | None) -> None:
    """List the suggested messages, with their English translations.

    In the text, {name} becomes the person's name, {given} their given name, {одна|один} the
    form for their gender, and {я:рада|рад} the form for yours (--writer-gender)."""
    library = _library(templates)
    chosen = [t for t in library.templates
              if (lang is None or t.lang == lang) and (occasion is None or t.occasion == occasion)]
    if as_json:
        click.echo(json.dumps([{"id": t.id, "lang": t.lang, "occasion": t.occasion, "text": t.text,
                                "en": t.english, "writer_gender": t.writer_forms} for t in chosen],
                              ensure_ascii=False, indent=2))
        return
    for template in chosen:
        needs = ", needs --writer-gender" if template.writer_forms else ""
        click.echo(f"{template.id} ({template.lang}, {template.occasion}{needs})")
        for line in template.text.splitlines():
            click.echo(f"  {line}")
        for line in (template.english or "").splitlines():
            click.echo(f"  en: {line}")
        click.echo()
    counts = Counter((t.lang, t.occasion) for t in chosen)
    summary = "; ".join(f"{lang_} {occ}: {n}" for (lang_, occ), n in counts.items())
    report.say(f"{report.plural(len(chosen), 'message')} ({summary or 'none match'}) in {library.file}.")


@main.command(name="lint")
@click.argument("text", required=False, metavar="TEXT|FILE|-")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"word", "line", "column", "offset", "rule", "reason", "instead"}].')
@click.option("--rules", "show_rules", is_flag=True, help="List the rules instead of checking a text.")
def lint_command(text: str | None, as_json: bool, show_rules: bool) -> None:
    """Check a message against what prison censors stop.

    TEXT is the message itself, a file holding it (UTF-8), or - to read standard input.
    One line per finding: where, the word, why, and what to write instead. Exit status 1
    when anything is found, 0 when the text is clean."""
    if show_rules:
        for rule_id, reason, instead, patterns in rule_summary(bundled_rules()):
            click.echo(f"{rule_id}: {reason}" + (f"; instead: {instead}" if instead else ""))
            if patterns:
                click.echo(f"  {', '.join(patterns)}")
        return
    if text is None:
        raise click.UsageError("give the text to check, a file, or - for standard input")
    source, body = _lint_input(text)
    if not body.strip():
        raise PostcardsError(f"{source}: there is no text to check", hint="give the message itself")
    findings = lint(body)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(finding.format(source))
        report.say(f"{source}: " + (f"{report.plural(len(findings), 'finding')}: the censor may stop this "
                                    "card" if findings else "nothing the censor rules flag"))
    if findings:
        sys.exit(1)


def _lint_input(text: str) -> tuple[str, str]:
    """(name for messages, text): standard input, a file, or the argument itself."""
    if text == "-":
        data = sys.stdin.buffer.read()
        try:
            return "<stdin>", data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PostcardsError("<stdin>: the text is not UTF-8", hint="send UTF-8 text") from None
    path = Path(text)
    if "\n" not in text and len(text) < 4096 and path.is_file():
        return str(path), read_text(path)
    return "<text>", text
