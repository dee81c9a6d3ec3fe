"""Layer 7: the documented calls (docs/api.md). The command line makes its PDFs, address
blocks, checks and lint findings through these, and a bot or a web form can do the same.

The PDF machinery is imported when a PDF is first made and the censor rules when a text is
first checked, so each call loads only what it uses and reading data starts quickly.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postcards.api.releases import Marked, mark_moved, mark_released, match_names
from postcards.api.results import AddressBlock, CardRecord, Result
from postcards.evening.freshness import future_birthdays, future_releases, stale_addresses
from postcards.evening.selection import Selection
from postcards.evening.selection import select as selected
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.files import Writer
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.names import Gender
from postcards.shared.options import (
    DEFAULT_STALE_DAYS,
    DEFAULT_TRANSIT_DAYS,
    AddressOptions,
    CardOptions,
    EventOptions,
    Filters,
    Register,
)
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.address import address_block, address_warnings
from postcards.text.messages import Library, Message, bundled_library, load_library, render
from postcards.text.occasions import arrival

if TYPE_CHECKING:  # loaded with the calls that use them (see __getattr__)
    from postcards.api.importing import Imported
    from postcards.api.people import Added
    from postcards.evening.ledgermark import MarkedCards
    from postcards.evening.ledgerstate import State, Why
    from postcards.text.censor import Finding
    from postcards.text.paste import Parsed

__all__ = [
    "Added",
    "AddressBlock",
    "AddressOptions",
    "CardOptions",
    "CardRecord",
    "Dataset",
    "EventOptions",
    "Filters",
    "Finding",
    "Imported",
    "Library",
    "Marked",
    "MarkedCards",
    "Message",
    "Parsed",
    "PostcardsError",
    "Prisoner",
    "Problem",
    "Result",
    "Selection",
    "add_person",
    "address_blocks",
    "check",
    "import_people",
    "library",
    "lint",
    "load",
    "make_cards",
    "make_event",
    "mark_cards",
    "mark_moved",
    "mark_released",
    "match_names",
    "parse_person",
    "pasted_people",
    "plan_messages",
    "render_message",
    "select",
]


Writable = Writer  # where a PDF can go besides a path: anything with `write(bytes)`

Output = str | os.PathLike[str] | Writer  # a path, or a binary stream; never sought, read or closed

Warn = Callable[[tuple[Problem, ...]], None]  # hears warnings worth telling before the work goes on

_LATE = {"Added": "postcards.api.people", "Finding": "postcards.text.censor",
         "Imported": "postcards.api.importing", "Parsed": "postcards.text.paste",
         "MarkedCards": "postcards.evening.ledgermark"}


def __getattr__(name: str) -> object:
    """Types imported when first asked for (PEP 562): `Finding`, the censor check's (printing
    cards checks no text, so the censor rules load only with `lint` or a writer's own text),
    those of reading pasted text and spreadsheets, which only `add`, `import` and `make --to`
    use, and `MarkedCards`, which only `mark_cards` makes."""
    if name not in _LATE:
        raise AttributeError(f"module 'postcards.api' has no attribute '{name}'")
    value = getattr(importlib.import_module(_LATE[name]), name)
    globals()[name] = value
    return value


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The validated prisoners of a data file (`prisoners.yaml` format), or of the list that
    ships with postcards when `path` is None. Raises `PostcardsError` naming every problem
    with its file, line and column; `Dataset.warnings` holds what does not stop anything."""
    return load_dataset(Path(path) if path is not None else bundled_data())


def select(dataset: Dataset, filters: Filters | None = None, *, today: date,
           transit_days: int = DEFAULT_TRANSIT_DAYS) -> Selection:
    """Who gets a card: the people `filters` choose (everyone when None) whose status is
    imprisoned, in data-file order (or `filters.only`'s); the others chosen are in
    `Selection.skipped` with the reason. An unknown id, code or tag is an error, with a
    suggestion. `today` and `transit_days` matter only to `Filters.born_within`."""
    return selected(dataset, filters or Filters(), arrival(today, transit_days))


def address_blocks(people: Dataset | Iterable[Prisoner],
                   options: AddressOptions | None = None) -> list[AddressBlock]:
    """The address block of each person, top line first: the name in the dative, the
    institution, street, postcode and locality, district and region when rural, and the
    country. Given a dataset, its imprisoned people; given people (`select(...).prisoners`,
    say), those. With `AddressOptions(script="be")` the lines are the Belarusian forms the
    registry or the data give, each missing one in Russian; `AddressBlock.warnings` says which.
    An address the script cannot carry (IK-24 in Russian) is refused, every such one together."""
    if isinstance(people, Dataset):
        people = [p for p in people.prisoners if p.status == "imprisoned"]
    options = options or AddressOptions()
    blocks: list[AddressBlock] = []
    problems: list[Problem] = []
    for prisoner in people:
        try:
            block = address_block(prisoner, options)
        except PostcardsError as err:
            problems += err.problems
            continue
        blocks.append(AddressBlock(prisoner.id, block.lines, block.warnings))
    if problems:
        raise PostcardsError.of(problems)
    return blocks


def check(dataset: Dataset, *, today: date, paper: str = "a4", stale_after: int = DEFAULT_STALE_DAYS,
          address: AddressOptions | None = None) -> list[Problem]:
    """Whatever in `dataset` would stop `make_cards` or `make_event` on `paper` with the
    address `address` (Russian by default), cribs included (an address the script cannot
    carry, an address line too wide, a character the font lacks in an address, a name or an
    `about` text, a crib that cannot fit), raised together as one `PostcardsError`; else the
    warnings: what the address blocks say, addresses not verified within `stale_after` days
    of `today`, and birthdays or release days after today."""
    from postcards.api.jobs import prepare
    from postcards.layout.cards import address_problems  # measures with the font: imported late

    address = address or AddressOptions()
    problems = address_problems(dataset, address, paper)
    if problems:
        raise PostcardsError.of(problems)
    imprisoned = [p for p in dataset.prisoners if p.status == "imprisoned"]
    if imprisoned:
        # An evening for everyone with cribs, decided and not drawn: what it refuses, a run would.
        evening = CardOptions(today=today, paper=paper, crib=True, address=address)
        prepare(dataset, evening, None, None, EventOptions(writers=1))
    stale = stale_addresses(dataset.prisoners, today, stale_after)
    return [*address_warnings(imprisoned, address), *stale, *future_birthdays(dataset.prisoners, today),
            *future_releases(dataset.prisoners, today)]


def library(templates: str | os.PathLike[str] | None = None) -> Library:
    """The message library: a file in the format of `templates/messages.yaml`, checked when
    read, or the one that ships with postcards when `templates` is None."""
    return load_library(Path(templates)) if templates is not None else bundled_library()


def plan_messages(dataset: Dataset, options: CardOptions, *, library: Library | None = None,
                  ledger: str | os.PathLike[str] | None = None) -> list[tuple[Prisoner, Message]]:
    """Every card's person and message, in card order, exactly as `make_cards` with the same
    arguments would print them; nothing is laid out or written."""
    from postcards.api.jobs import plan_job

    job = plan_job(dataset, options, library, _path(ledger))
    return list(job.plan.messages(job.library, job.options))


def render_message(message_id: str, prisoner: Prisoner, *, library: Library | None = None,
                   register: Register = "formal", writer: Gender | None = None) -> Message:
    """One library message written for one person: greeting, body in their name forms and
    gender, closing, and its English. `writer` is needed by messages whose words agree with
    the writer's gender (рада/рад)."""
    found = library or bundled_library()
    return render(found.by_id(message_id), prisoner, found, register, writer)


def lint(text: str, *, template: bool = False) -> list[Finding]:
    """What a prison censor would stop in `text`, in reading order, each with the reason and
    what to write instead; empty when nothing is flagged. With `template`, placeholders
    such as {name} are skipped and both forms of {одна|один} are checked."""
    from postcards.text.censor import lint as censor_lint

    return censor_lint(text, template=template)


def make_cards(dataset: Dataset, options: CardOptions, out: Output, *, library: Library | None = None,
               ledger: str | os.PathLike[str] | None = None,
               progress: Callable[[int, int], None] | None = None, warn: Warn | None = None) -> Result:
    """A PDF of postcards, one per selected person (`options.copies` each), imposed on sheets
    of `options.paper`, to `out`: a path (written atomically: the file appears whole or not
    at all) or a binary stream (only written to, so a web response will do).

    Every refusal (bad data, a text that cannot fit, a character the font lacks) is raised as
    `PostcardsError` before the first page is drawn. With `ledger` (a CSV path), messages a
    person had are avoided and the cards are added to it once the PDF is written.
    `progress(drawn, total)` hears of each sheet's cards as they are drawn; `warn(problems)`
    hears what the address blocks say (each warning once, also in `Result.address_warnings`)
    after every card is decided and before the first page is drawn."""
    return _make(dataset, options, None, out, library, ledger, progress, warn)


def make_event(dataset: Dataset, options: CardOptions, event: EventOptions, out: Output, *,
               library: Library | None = None, ledger: str | os.PathLike[str] | None = None,
               progress: Callable[[int, int], None] | None = None, warn: Warn | None = None) -> Result:
    """A letter-writing evening's PDF to `out`, as `make_cards` writes one: the organiser's
    summary, then per writer a cover sheet, their pack of cards and (with `options.crib`)
    a crib sheet after each sheet of cards. Packs differ by at most one card."""
    return _make(dataset, options, event, out, library, ledger, progress, warn)


def parse_person(text: str, *, name: str | None = None, dataset: Dataset | None = None,
                 label: str = "<pasted>") -> Parsed:
    """A pasted name and address (Libereco's five lines, PEN Belarus's one Belarusian line, a
    dative name, no name with `name`) read into the record a card is made from
    (`Parsed.prisoner`), the data-file entry's fields, what was guessed and what to warn
    about. `name` ("Фамилия Имя Отчество", Russian) wins over a pasted name; `dataset`'s own
    institutions are known besides the built-in registry. What cannot be read (no postcode,
    two, a name read two ways, an institution the registry does not know with no street)
    raises `PostcardsError`, each problem located in the text as `<pasted>:LINE:COLUMN` (or
    `label` in place of `<pasted>`)."""
    from postcards.api.people import parse, registry_of

    return parse(text, name, registry_of(dataset), label)


def pasted_people(people: Sequence[str | Parsed], *, name: str | None = None) -> Dataset:
    """People from pasted texts (or `parse_person` results) as a dataset with no file behind
    it, for `make_cards`: ids from the surnames in Latin letters (`-2` on a clash), the
    warnings of every text. `name` is for a single text. Every text's problems are raised
    together."""
    from postcards.api.people import pasted

    return pasted(people, name)


def add_person(data: str | os.PathLike[str], person: Parsed | str, *, name: str | None = None,
               id: str | None = None, born: str | None = None, gender: Gender | None = None,
               unit: str | None = None, tags: Sequence[str] = (), sources: Sequence[str] = (),
               today: date, dry_run: bool = False, confirm: Callable[[Added], bool] | None = None,
               label: str = "<pasted>") -> Added:
    """Append a person, pasted text (read as `parse_person` reads it, with the data file's
    institutions) or a `Parsed`, to the data file `data` (created with `version: 1` when
    missing; the bundled list is refused), keeping every other byte of the file. The entry
    gets `verified: today` and `sources`; `id` defaults to the Latin surname, `-2`, `-3` on a
    clash; `born` is YYYY-MM-DD or --MM-DD; `unit` a line under the institution's.

    Refused, naming the entry already there (FILE:LINE): an `id` that is taken, or the same
    person (the same Russian name, a missing patronymic aside, case and ё aside) at the same
    institution. The new text is loaded and checked before it replaces the file atomically;
    nothing is written with `dry_run`, or when `confirm(preview)` returns False. `label` names
    the text in problems ("<stdin>")."""
    from postcards.api.people import add

    return add(Path(data), person, name=name, pid=id, born=born, gender=gender, unit=unit, tags=tags,
               sources=sources, today=today, dry_run=dry_run, confirm=confirm, label=label)


def import_people(path: str | os.PathLike[str], *, out: str | os.PathLike[str], update: bool = False,
                  columns: Mapping[str, str] | None = None, sheet: str | None = None, skip_bad: bool = False,
                  today: date, confirm: Callable[[Imported], bool] | None = None,
                  progress: Callable[[int, int], None] | None = None) -> Imported:
    """An organiser's spreadsheet (CSV in any common dialect and encoding, XLSX, XLS, ODS) into
    the data file `out`: a new file, or with `update` merged into the existing one. Columns
    are found by their headers in Russian, Belarusian or English, or named by `columns`
    (field -> letter, number or header: {"name": "B", "address": "D"}); `sheet` is a name or
    a number from 1. Each row's name and joined address are read as `parse_person` reads
    pasted text; birthday, gender, tags, articles, sentence, notes (`about:`), sources,
    status, verified, Latin name, id and unit come from their columns.

    All or nothing: any row's problem raises `PostcardsError`, each located FILE:ROW:COLUMN,
    and nothing is written; with `skip_bad` the good rows are written and `Imported.skipped`
    and `.problems` say which were not. With `update`, a person already in the file (by the
    id column, else by the same Russian name) gets only the institution or address, the unit,
    the status and `verified:` changed, in place; everything else in the file stays. The
    new text is loaded and checked before it replaces the file atomically; `confirm(preview)`
    is asked first; `progress(rows, total)` hears of the rows read."""
    from postcards.api.importing import import_people as imported

    return imported(Path(path), Path(out), columns=columns, sheet=sheet, update=update, skip_bad=skip_bad,
                    today=today, confirm=confirm, progress=progress)


def mark_cards(ledger: str | os.PathLike[str], state: State, *, today: date, packs: Iterable[int] = (),
               ids: Iterable[str] = (), printed: date | None = None, why: Why | None = None) -> MarkedCards:
    """Marks the printed cards of `ledger` that `packs`, `ids` and the day `printed` choose
    (each given one narrows; at least one is needed) as "posted" or "returned" on `today`,
    a returned card with `why` it came back ("released", "moved", "refused", "unknown").
    Each is a row added at the ledger's end; a card already so marked is left alone. Refuses,
    adding nothing, when a given pack or id, or the choice, matches no printed card."""
    from postcards.evening.ledger import check_writable, read_ledger
    from postcards.evening.ledgermark import Chosen
    from postcards.evening.ledgermark import mark_cards as mark

    chosen = Chosen(tuple(packs), tuple(ids), printed)
    if not (chosen.packs or chosen.ids or chosen.printed):
        raise PostcardsError("no cards chosen to mark", hint="choose them by pack, id or the day printed")
    if why is not None and state != "returned":
        raise PostcardsError(f"a reason ({why}) is for cards returned, not {state}")
    path = Path(ledger)
    if not path.is_file():
        raise PostcardsError(f"{path}: no ledger there: nothing printed to mark",
                             hint="give the ledger `make` and `event` added the cards to")
    check_writable(path)
    return mark(read_ledger(path), state, chosen, today, why)


def _make(dataset: Dataset, options: CardOptions, event: EventOptions | None, out: Output,
          library: Library | None, ledger: str | os.PathLike[str] | None,
          progress: Callable[[int, int], None] | None, warn: Warn | None) -> Result:
    from postcards.api.jobs import draw, finish, prepare

    if ledger is not None and isinstance(out, (str, os.PathLike)) and _same_file(Path(out), Path(ledger)):
        raise PostcardsError(f"{out}: is both the PDF to write and the ledger", field="--ledger",
                             hint="give the ledger and the PDF different names, e.g. -o postcards.pdf")
    with _opened(out) as handle:  # a bad path fails before any work
        job = prepare(dataset, options, library, _path(ledger), event)
        if warn is not None and job.route_warnings:
            warn(job.route_warnings)
        if warn is not None and job.address_warnings:
            warn(job.address_warnings)
        rendered = draw(job, handle, progress)
    return finish(job, rendered, Path(out) if isinstance(out, (str, os.PathLike)) else None)


@contextmanager
def _opened(out: Output) -> Iterator[Writer]:
    if isinstance(out, (str, os.PathLike)):
        from postcards.shared.files import atomic_output

        with atomic_output(Path(out)) as handle:
            yield handle
    else:
        yield out


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (one.exists() and other.exists() and one.samefile(other))
    except OSError:
        return False


def _path(value: str | os.PathLike[str] | None) -> Path | None:
    return Path(value) if value is not None else None
