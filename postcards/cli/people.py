"""The commands that put people into a data file: `add` (pasted text) and `import` (an
organiser's spreadsheet); and the pasted people of `make --to`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import postcards
from postcards.cli import report
from postcards.cli.options import today as when
from postcards.shared.errors import PostcardsError

if TYPE_CHECKING:
    from postcards.api.importing import Imported
    from postcards.api.people import Added
    from postcards.shared.errors import Problem
    from postcards.shared.model import Dataset
    from postcards.text.paste import Parsed

DEFAULT_DATA = Path("prisoners.yaml")
STDIN = "<stdin>"
PASTE_LIMIT_BYTES = 100_000


def interactive() -> bool:
    """Whether a person at a terminal can answer a question: standard input is a terminal."""
    return sys.stdin.isatty()


@click.command()
@click.argument("arguments", nargs=-1, metavar="[DATA] [TEXT|-]")
@click.option("--name", metavar="NAME",
              help='The name as "Фамилия Имя Отчество" (Russian, nominative), when the text has none '
                   "or reads it two ways; it wins over a name in the text.")
@click.option("--id", "pid", metavar="ID",
              help="The entry's id (default: the surname in Latin letters, -2 when taken).")
@click.option("--born", metavar="DATE", help="Birthday: YYYY-MM-DD, or --MM-DD without the year.")
@click.option("--gender", type=click.Choice(["female", "male"]),
              help="Needed when neither a patronymic nor the given name tells it.")
@click.option("--unit", metavar="TEXT",
              help="A line printed under the institution's, e.g. 'отряд № 5', when you know it is current.")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A label to select by (repeat for more).")
@click.option("--source", "sources", multiple=True, metavar="URL",
              help="Where you checked the address (repeat for more); written under sources:.")
@click.option("--today", metavar="YYYY-MM-DD", help="The day written as verified: (default: today).")
@click.option("--dry-run", is_flag=True, help="Print the entry on standard output and write nothing.")
@click.option("-y", "--yes", is_flag=True, help="Add without asking (nothing is asked unless standard "
                                                 "input is a terminal).")
def add(arguments: tuple[str, ...], name: str | None, pid: str | None, born: str | None, gender: str | None,
        unit: str | None, tags: tuple[str, ...], sources: tuple[str, ...], today: str | None,
        dry_run: bool, yes: bool) -> None:
    """Add a person from a pasted name and address to a data file.

    DATA is ./prisoners.yaml by default, created when missing; the bundled list is never
    written to.

    TEXT is the address as a campaign page gives it: several lines or one, the name first or
    not at all (then --name), Russian or Belarusian; - (or nothing) reads it from standard
    input. The address block the cards will carry is shown, with what was guessed; the entry
    is appended to the file's prisoners: list, every other line of the file kept as it was,
    with verified: today. The same person at the same institution, or a taken --id, is
    refused."""
    data, text, label = _add_arguments(arguments)
    confirm = None if yes or dry_run or not interactive() else _ask
    added = postcards.add_person(data, text, name=name, id=pid, born=born, gender=gender,  # type: ignore[arg-type]
                                 unit=unit, tags=tags, sources=sources, today=when(today), dry_run=dry_run,
                                 confirm=confirm, label=label)
    if confirm is None:
        _show(added)
    if dry_run:
        click.echo(added.entry, nl=False)
        report.say(f"Not written (--dry-run): '{added.id}' would go to {added.path}, line {added.line}.")
    elif not added.written:
        report.say(f"Nothing written: {added.path} is as it was.")
    else:
        made = "Created" if added.created else "Added to"
        report.say(f"{made} {added.path}: '{added.id}' at line {added.line}, verified "
                   f"{when(today).isoformat()}. Check the address at prisoners.spring96.org before posting.")


def _add_arguments(arguments: tuple[str, ...]) -> tuple[Path, str, str]:
    """(DATA, TEXT, its name in messages) from the command's words."""
    if len(arguments) > 2:
        raise click.UsageError("too many arguments: put the pasted text in quotes, or give - and paste it "
                               "on standard input")
    if len(arguments) == 2:
        data, text = Path(arguments[0]), arguments[1]
    elif len(arguments) == 1 and _data_file_named(arguments[0]):
        data, text = Path(arguments[0]), "-"
    else:
        data, text = DEFAULT_DATA, arguments[0] if arguments else "-"
    if text != "-":
        return data, text, "<pasted>"
    if interactive():
        raise click.UsageError("give the text to add, in quotes, or - with the text on standard input")
    too_large = f"over {PASTE_LIMIT_BYTES // 1000} KB: not one person's address"
    pasted_text = report.read_stdin(PASTE_LIMIT_BYTES, too_large,
                                    "add one person at a time, or a list with postcards import")
    if not pasted_text.strip():
        raise PostcardsError(f"{STDIN}: no text", hint="paste the name and address, or give them in quotes")
    return data, pasted_text, STDIN


def _data_file_named(word: str) -> bool:
    return "\n" not in word and word.lower().endswith((".yaml", ".yml"))


def _show(added: Added) -> None:
    """The block the cards will carry, and what the reading guessed or warns about."""
    report.say(f"The address block for '{added.id}':")
    for line in added.lines:
        report.say(f"    {line}")
    for guess in added.guesses:
        report.say(f"guess: {guess}")
    report.warn(added.warnings)


def _ask(added: Added) -> bool:
    _show(added)
    where = f"a new file {added.path}" if added.created else str(added.path)
    return click.confirm(f"Add '{added.id}' to {where}?", default=True, err=True)


def pasted(data: Path | None, texts: Sequence[str], name: str | None, values: dict[str, Any]) -> Dataset:
    """The people of `make --to`, their guesses and warnings said; --to takes the place of a
    data file, so DATA and the filters that choose from one are refused."""
    if data is not None:
        raise click.UsageError("--to takes the place of a data file: give DATA or --to, not both")
    if not texts:
        raise click.UsageError("--name names the person of a --to text: add --to TEXT")
    chosen = [option for option, key in (("--only", "only"), ("--exclude", "exclude"),
                                         ("--institution", "institutions"), ("--tag", "tags"),
                                         ("--born-within", "born_within"), ("--status", "statuses"))
              if values[key]]
    if chosen:
        raise click.UsageError(f"{chosen[0]} chooses from a data file; with --to every pasted person gets "
                               "a card")
    if name is not None and len(texts) > 1:
        raise click.UsageError("--name goes with one --to; with several, put each name into its text")
    people: list[Parsed] = []
    problems: list[Problem] = []
    for number, text in enumerate(texts, start=1):
        try:
            people.append(postcards.parse_person(text, name=name, label=to_label(number, len(texts))))
        except PostcardsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PostcardsError.of(problems)
    for parsed in people:
        for guess in parsed.guesses:
            report.say(f"guess: {guess}")
    dataset = postcards.pasted_people(people)
    report.warn(dataset.warnings)
    return dataset


def to_label(number: int, count: int) -> str:
    """How problems name the text of the `number`th of `count` --to options."""
    return "--to" if count == 1 else f"--to #{number}"


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="OUT",
              help="The data file to create (default: prisoners.yaml); an existing one is not replaced.")
@click.option("--update", type=click.Path(path_type=Path, dir_okay=False), metavar="DATA",
              help="Merge into this data file: new people are added; people already there (by an id "
                   "column, else by name) get their institution, unit, status and verified: changed "
                   "in place, and the rest of the file stays as it was.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
              help="Read FIELD from this column (a letter, number or header), e.g. --column name=B "
                   "--column address=D; for headers the tool does not know (repeat for more).")
@click.option("--sheet", metavar="NAME",
              help="The sheet to read, by name or number from 1 (default: the first).")
@click.option("--skip-bad", is_flag=True,
              help="Write the good rows and list the others (default: any bad row stops the import).")
@click.option("--today", metavar="YYYY-MM-DD",
              help="The day written as verified: where the sheet gives none (default: today).")
@click.option("-y", "--yes", is_flag=True, help="Write without asking (nothing is asked unless standard "
                                                 "input is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def import_command(file: Path, output: Path | None, update: Path | None, columns: tuple[str, ...],
                   sheet: str | None, skip_bad: bool, today: str | None, yes: bool, quiet: bool) -> None:
    """Import an organiser's spreadsheet (CSV, XLSX, XLS, ODS) into a data file.

    Columns are found by their headers, in Russian, Belarusian or English (ФИО, Адрес,
    Учреждение, Индекс, Дата рождения, Статья, Теги, ...), or named with --column. Each row's
    name and address are read as `postcards add` reads pasted text. Every problem is shown as
    FILE:ROW:COLUMN; by default nothing is written unless every row can be read."""
    if output is not None and update is not None:
        raise click.UsageError("give -o OUT (a new file) or --update DATA (an existing one), not both")
    chosen = dict(_column(spec) for spec in columns)
    asked = not yes and interactive()
    with report.progress("Reading rows", shown=not quiet, least=PROGRESS_FROM_ROWS) as progress:
        def confirm(done: Imported) -> bool:
            progress.close()  # the bar ends before the question
            return _ask_import(done)

        done = postcards.import_people(file, out=update or output or DEFAULT_DATA, update=update is not None,
                                       columns=chosen or None, sheet=sheet, skip_bad=skip_bad,
                                       today=when(today), confirm=confirm if asked else None,
                                       progress=progress)
    if not asked:
        _report_import(done)
    if done.written:
        report.say(f"{'Created' if done.created else 'Updated'} {done.path}. Check each address at "
                   "prisoners.spring96.org before posting.")
    else:
        report.say(f"Nothing written: {done.path} is as it was.")


PROGRESS_FROM_ROWS = 200


def _column(spec: str) -> tuple[str, str]:
    field, _, column = spec.partition("=")
    if not field.strip() or not column.strip():
        raise click.UsageError(f"--column {spec}: write FIELD=COLUMN, e.g. --column name=B")
    return field.strip(), column.strip()


def _report_import(done: Imported) -> None:
    report.warn(done.warnings)
    for problem in done.problems:
        report.say(problem.format())
    report.say(done.summary())


def _ask_import(done: Imported) -> bool:
    _report_import(done)
    where = f"a new file {done.path}" if done.created else str(done.path)
    return click.confirm(f"Write {len(done.added)} new and {len(done.updated)} changed entries to {where}?",
                         default=True, err=True)
