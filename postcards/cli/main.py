"""The `postcards` command: parse options, call one core function, print, set the exit code.

Exit codes: 0 done; 1 bad data or a refused action (one line per problem on stderr);
2 a bad command line (click's own). A traceback means a bug.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

import postcards
from postcards import __version__
from postcards.cli import report
from postcards.cli.institutions import institutions
from postcards.cli.ledger import ledger_command
from postcards.cli.lists import address, birthdays, check, list_prisoners
from postcards.cli.messages import lint_command, messages
from postcards.cli.options import (
    address_choice,
    address_options,
    data_argument,
    filter_options,
    filters,
    ledger_options,
    ledger_path,
    library,
    load,
    paper_option,
    report_skipped,
    templates_option,
    today,
    when_options,
)
from postcards.cli.people import add, import_command
from postcards.cli.process import Stopped, command_process, unencodable_streams
from postcards.cli.released import released
from postcards.shared.errors import PostcardsError
from postcards.shared.model import LANGUAGES
from postcards.shared.options import (
    CRIB_LANGUAGES,
    DEFAULT_STALE_DAYS,
    OCCASIONS,
    REGISTERS,
    ROUTE_KINDS,
    CardOptions,
    EventOptions,
)
from postcards.shared.words import plural

PROGRESS_FROM = 200  # cards; fewer finish before a bar would help


class Group(click.Group):
    """Prints a user's mistake, or what stopped the run, as plain lines and exits 1 (128 and
    the signal's number when stopped by one), never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        for stream in unencodable_streams():
            report.say(f"warning: {stream} cannot show Cyrillic: it is written escaped (\\u0416...); "
                       "set PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1) to read it")
        try:
            with command_process():
                result = super().invoke(ctx)
                sys.stdout.flush()  # a full disk or closed pipe on stdout is found here, not at exit
                return result
        except PostcardsError as err:
            report.error(err)
            ctx.exit(1)
        except Stopped as stop:
            report.say(f"Stopped by {stop.name}: nothing was written; an earlier file is unchanged.")
            ctx.exit(128 + stop.signum)
        except BrokenPipeError:
            _quiet_stdout()  # the reader left (`| head`): nothing more to say
            ctx.exit(1)
        except OSError as exc:
            report.error(_os_error(exc))
            ctx.exit(1)


def _os_error(exc: OSError) -> PostcardsError:
    """An error of the machine, not of the data, said in one line: ReportLab reading its
    settings under a HOME that is not a directory, or standard output that cannot be written."""
    if exc.errno == errno.ENOTDIR and ".reportlab" in str(exc.filename):
        home = os.environ.get("HOME", "")
        return PostcardsError(f"HOME is {home!r}, which is not a directory: the PDF library reads its "
                              "settings from there", hint="set HOME to a directory")
    if exc.errno == errno.ENAMETOOLONG:
        return PostcardsError(f"{str(exc.filename)[:60]}...: the name is too long for the file system",
                              hint="choose a shorter name")
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO):
        _quiet_stdout()
        return PostcardsError(f"cannot write the output: {exc.strerror}",
                              hint="free some space, or send the output elsewhere")
    raise exc


def _quiet_stdout() -> None:
    """Standard output pointed at nothing, so the interpreter's own flush at exit cannot fail
    a second time on the same broken stream."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postcards")
def main() -> None:
    """Printable postcards to political prisoners in Belarus, with the address laid out as
    Belarusian post expects and a suggested message in Russian or Belarusian.

    DATA is a prisoners YAML file: ./prisoners.yaml when there is one, else the bundled list.
    Check every address at prisoners.spring96.org before posting: they go stale.
    """


def _config_path() -> Path:
    from postcards.source.config import default_config_path

    return default_config_path()


def card_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options that shape the cards, shared by `make` and `event`."""
    decorators: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        paper_option,
        click.option("--lang", type=click.Choice(LANGUAGES),
                     help="Language of the message: ru (default) or be. The address follows --script."),
        click.option("--occasion", type=click.Choice(["auto", *OCCASIONS]), default="auto", show_default=True,
                     help="Which messages: auto picks a birthday message when the card would arrive in "
                          "time for one, a seasonal one in season (winter: New Year and Christmas; "
                          "spring: spring and Easter), else a general one."),
        click.option("--message", "message_id", metavar="ID",
                     help="This message on every card (`postcards messages` lists the ids)."),
        click.option("--message-file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                     help="Your own text (UTF-8) on every card, checked by `postcards lint` first. "
                          "It may use {name}, {given} and {ж|м} like the library's messages."),
        click.option("--force", is_flag=True,
                     help="Print a --message-file the censor check flags (says so)."),
        click.option("--blank", is_flag=True,
                     help="Ruled lines for handwriting instead of a printed message (with a crib "
                          "page for the text to copy)."),
        click.option("--handcopy", is_flag=True,
                     help="After each sheet (and its crib), a page per card for a writer who cannot "
                          "write Cyrillic: the card's text in large print, numbered line by line as "
                          "the card's ruled lines, and the letters people confuse in handwriting. "
                          "Turns on --blank. Never post it."),
        click.option("--crib-lang", type=click.Choice(CRIB_LANGUAGES), default="en", show_default=True,
                     help="The language of the crib, the cover and the organiser's summary: English, "
                          "German, Polish or Lithuanian. The cards stay Russian or Belarusian."),
        click.option("--register", type=click.Choice(REGISTERS), default="formal", show_default=True,
                     help="formal: 'Здравствуйте, Людмила Юрьевна!'; warm: 'Дорогая Людмила!'."),
        click.option("--writer-gender", type=click.Choice(["female", "male"]),
                     help="Your gender, for messages whose words agree with it (рада/рад); without it "
                          "those messages are left out. Default: 'writer_gender:' in your config file."),
        click.option("--seed", type=int, default=0, show_default=True,
                     help="Which messages go to whom; the same seed gives the same PDF."),
        when_options,
        templates_option,
        click.option("--from", "sender", multiple=True, metavar="LINE",
                     help="A line of your return address, in Cyrillic (repeat per line). "
                          "Default: 'sender:' in your config file; never written to the data file."),
        click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
                     default=_config_path,
                     show_default="your config directory's postcards/config.yaml",
                     help="Your settings file (sender lines, writer_gender, post_from)."),
        click.option("--post-from", metavar="CC",
                     help="The country you post from (DE, FI, ...): a warning before printing when "
                          "its post carries no mail to Belarus, and the postage of the cards. "
                          "Default: 'post_from:' in your config file."),
        click.option("--route", type=click.Choice(ROUTE_KINDS), default="post", show_default=True,
                     help="courier: for a courier who posts the cards inside Belarus: no country "
                          "line and no return address (--from is refused, a config's sender left off)."),
        address_options,
        filter_options,
        click.option("--cards", "card_limit", type=click.IntRange(1), metavar="N",
                     help="At most N people get a card (in data-file order; see --fewest-first)."),
        click.option("--fewest-first", is_flag=True,
                     help="With --cards: those the ledger shows had the fewest cards come first."),
        ledger_options,
        click.option("-q", "--quiet", is_flag=True, help="No progress bar."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _options(values: dict[str, Any], copies: int, crib: bool, capped: bool = False) -> CardOptions:
    """CardOptions from the values of `card_options`; `capped`: the command limits the
    number of cards by other means (--cards-per-writer)."""
    if values["message_id"] is not None and values["message_file"] is not None:
        raise click.UsageError("give --message or --message-file, not both")
    if values["occasion"] != "auto" and (values["message_id"] or values["message_file"]):
        raise click.UsageError("--occasion chooses among the library's messages; leave it out with "
                               "--message or --message-file")
    if values["fewest_first"] and values["card_limit"] is None and not capped:
        raise click.UsageError("--fewest-first chooses who gets the cards of a limited evening: "
                               "add --cards N")
    from postcards.source.config import load_config

    given = click.get_current_context().get_parameter_source("config") is not ParameterSource.DEFAULT
    settings = load_config(values["config"], required=given)
    typed = tuple(line.strip() for line in values["sender"] if line.strip())
    sender = typed or settings.sender
    courier = values["route"] == "courier"
    if courier:
        sender = _courier_sender(typed, sender, values["config"], values["post_from"])
    post_from = None if courier else values["post_from"] or settings.post_from
    chosen = {k: values[k] for k in ("only", "exclude", "institutions", "tags", "born_within", "statuses")}
    return CardOptions(
        paper=values["paper"], lang=values["lang"], seed=values["seed"], copies=copies,
        filters=filters(**chosen), cards=values["card_limit"], fewest_first=values["fewest_first"],
        sender=sender, sender_from="--from" if typed or not sender else f"sender in {values['config']}",
        address=address_choice(values["nominative"], values["no_country"] or courier, values["script"]),
        post_from=post_from, post_from_field="--post-from" if values["post_from"] else
        f"post_from in {values['config']}", route=values["route"],
        occasion=values["occasion"], message_id=values["message_id"], message_file=values["message_file"],
        force=values["force"], blank=values["blank"] or values["handcopy"], handcopy=values["handcopy"],
        register=values["register"],
        writer=values["writer_gender"] or settings.writer_gender,
        today=today(values["today"]), transit_days=values["transit_days"], crib=crib,
        crib_lang=values["crib_lang"],
    )


def _courier_sender(typed: tuple[str, ...], sender: tuple[str, ...], config: Path,
                    post_from: str | None) -> tuple[str, ...]:
    """Cards for a courier carry no foreign return address: --from is refused, the config
    file's sender lines are left off with a warning."""
    if typed:
        raise click.UsageError("--from: a foreign return address must not go on a card posted inside "
                               "Belarus; leave out --from with --route courier")
    if post_from:
        raise click.UsageError("--post-from is for cards posted abroad; --route courier cards are posted "
                               "inside Belarus")
    if sender:
        report.say(f"warning: the sender lines of {config} are left off: a card posted inside Belarus "
                   "carries no foreign return address (--route courier)")
    return ()


@main.command()
@data_argument
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("postcards.pdf"), show_default=True, help="The PDF to write.")
@click.option("--copies", type=click.IntRange(1, 100), default=1, show_default=True,
              help="Cards per person, each with a different message.")
@click.option("--crib", is_flag=True,
              help="After each sheet of cards, a sheet in English for the writer: who each person "
                   "is, what the card says, how to say their name. Never post it.")
@click.option("--to", "to", multiple=True, metavar="TEXT",
              help="A card for this pasted name and address instead of DATA (repeat for more); "
                   "no ledger unless --ledger is given.")
@click.option("--name", metavar="NAME", help='With one --to: the name, "Фамилия Имя Отчество".')
@card_options
def make(data: Path | None, output: Path, copies: int, crib: bool, to: tuple[str, ...], name: str | None,
         **values: Any) -> None:
    """Make a PDF of postcards for everyone in DATA (or those the filters choose), or for the
    people pasted with --to.

    One card per imprisoned person, imposed on sheets, ready to sign, stamp and post.
    Each card is added to the ledger (sent.csv beside DATA, when there is one)."""
    started = time.perf_counter()
    options = _options(values, copies, crib)
    if to or name is not None:
        from postcards.cli.people import pasted

        dataset, ledger = pasted(data, to, name, values), None if values["no_ledger"] else values["ledger"]
    else:
        dataset, ledger = load(data), _ledger(data, values)
    with _progress(values) as progress:
        result = postcards.make_cards(dataset, options, output, library=library(values["templates"]),
                                      ledger=ledger, progress=progress, warn=report.warn)
    _report(result, options, started, event=False, pasted=bool(to))


@main.command()
@data_argument
@click.option("--writers", type=click.IntRange(1, 1000), required=True, metavar="N",
              help="How many people write tonight: one pack of cards each.")
@click.option("--cards-per-writer", type=click.IntRange(1, 1000), metavar="K",
              help="At most K cards a pack (default: everyone selected gets a card).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("event.pdf"), show_default=True, help="The PDF to write.")
@click.option("--stale-after", type=click.IntRange(1), default=DEFAULT_STALE_DAYS, show_default=True,
              metavar="DAYS", help="The summary lists addresses verified longer ago than this.")
@click.option("--no-crib", is_flag=True, help="Leave out the writers' crib sheets.")
@card_options
def event(data: Path | None, writers: int, cards_per_writer: int | None, output: Path, stale_after: int,
          no_crib: bool, **values: Any) -> None:
    """Make one PDF for a letter-writing evening: a pack of cards per writer.

    First a summary sheet for the organiser (the packs, who is skipped and why, addresses to
    check before posting); then per writer a cover sheet, their cards, and after each sheet
    of cards a crib sheet in English (or --crib-lang). Packs differ by at most one card; each starts on a
    new sheet. With --cards-per-writer and --fewest-first, the people who have had the
    fewest cards (by the ledger) are written to first."""
    started = time.perf_counter()
    options = _options(values, 1, not no_crib, capped=cards_per_writer is not None)
    evening = EventOptions(writers, cards_per_writer, stale_after)
    dataset = load(data)
    with _progress(values) as progress:
        result = postcards.make_event(dataset, options, evening, output, library=library(values["templates"]),
                                      ledger=_ledger(data, values), progress=progress, warn=report.warn)
    _report(result, options, started, event=True)


def _ledger(data: Path | None, values: dict[str, Any]) -> Path | None:
    return ledger_path(data, values["ledger"], values["no_ledger"])


def _progress(values: dict[str, Any]) -> AbstractContextManager[report.Progress]:
    return report.progress("Drawing cards", shown=not values["quiet"], least=PROGRESS_FROM)


def _report(result: postcards.Result, options: CardOptions, started: float, event: bool,
            pasted: bool = False) -> None:
    report.warn(result.warnings)
    report_skipped(result.selection)
    if result.findings:
        source = str(options.message_file)
        for finding in result.findings:
            report.say(f"warning: {finding.format(source)}")
        report.say(f"Printed anyway (--force): the censor may stop cards with these "
                   f"{plural(len(result.findings), 'word')}.")
    for note in result.notes:
        report.say(f"note: {note}")
    if result.ledger is not None and result.recorded is None:
        report.say(f"warning: {result.ledger} is not a ledger: these cards are not recorded.")
    elif result.recorded is not None:
        report.say(f"Added {plural(len(result.cards), 'card')} to the ledger {result.recorded}.")
    extra = result.pages - result.sheets
    report.say(f"Wrote {result.output}: {plural(len(result.cards), 'card')} on "
               f"{plural(result.sheets, 'sheet')} ({options.paper})"
               + (f" and {plural(extra, 'other page')} ({_others(event, options.crib, options.handcopy)})"
                  if extra else "")
               + f", {plural(result.pages, 'page')} in all, {report.human_bytes(result.bytes)}, "
               f"{time.perf_counter() - started:.1f} s. Print at actual size (100%, not 'fit to page').")
    if result.route is not None or options.route == "courier":
        from postcards.evening.posting import postage

        report.say(postage(result.route, len(result.cards), options.route == "courier"))
    if pasted:
        report.say("Pasted addresses go stale too: check each at prisoners.spring96.org before posting.")
    elif result.stale:
        period = "year" if result.stale_after == DEFAULT_STALE_DAYS else f"{result.stale_after} days"
        report.say(f"{plural(len(result.stale), 'address')} not verified in the last {period}: "
                   "check them at prisoners.spring96.org before posting (`postcards check`).")


def _others(event: bool, crib: bool, handcopy: bool) -> str:
    copies = ", hand-copy sheets" if handcopy else ""
    if event:
        return "summary, covers" + (", cribs" if crib else "") + copies + "; never post them"
    if not crib:
        return "hand-copy sheets for the writer; never post them"
    return f"cribs{copies} for the writer; never post them"


for command in (address, check, list_prisoners, birthdays, ledger_command, messages, lint_command, add,
                import_command):
    main.add_command(command)
main.add_command(institutions)
main.add_command(released)
