"""Layer 7: the documented calls (docs/api.md). The command line makes its PDFs, address
blocks, checks and lint findings through these, and a bot or a web form can do the same.

The PDF machinery is imported when a PDF is first made and the censor rules when a text is
first checked, so each call loads only what it uses and reading data starts quickly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postcards.api.results import AddressBlock, CardRecord, Result
from postcards.evening.freshness import future_birthdays, stale_addresses
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

if TYPE_CHECKING:
    from postcards.evening.ledgermark import Marked
    from postcards.evening.ledgerstate import State, Why
    from postcards.text.censor import Finding

__all__ = [
    "AddressBlock",
    "AddressOptions",
    "CardOptions",
    "CardRecord",
    "Dataset",
    "EventOptions",
    "Filters",
    "Finding",
    "Library",
    "Marked",
    "Message",
    "PostcardsError",
    "Prisoner",
    "Problem",
    "Result",
    "Selection",
    "address_blocks",
    "check",
    "library",
    "lint",
    "load",
    "make_cards",
    "make_event",
    "mark_cards",
    "plan_messages",
    "render_message",
    "select",
]


Writable = Writer  # where a PDF can go besides a path: anything with `write(bytes)`

Output = str | os.PathLike[str] | Writer  # a path, or a binary stream; never sought, read or closed

Warn = Callable[[tuple[Problem, ...]], None]  # hears warnings worth telling before the work goes on


def __getattr__(name: str) -> object:
    """`Finding`, the censor check's type, and `Marked`, imported when first asked for (PEP
    562): printing cards checks no text and marks no card, so the censor rules load only with
    `lint` or a writer's own text, and the ledger's marks only with `mark_cards`."""
    if name == "Finding":
        from postcards.text.censor import Finding

        globals()[name] = Finding
        return Finding
    if name == "Marked":
        from postcards.evening.ledgermark import Marked

        globals()[name] = Marked
        return Marked
    raise AttributeError(f"module 'postcards.api' has no attribute '{name}'")


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
    of `today`, and dates after today."""
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
    return [*address_warnings(imprisoned, address), *stale, *future_birthdays(dataset.prisoners, today)]


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


def mark_cards(ledger: str | os.PathLike[str], state: State, *, today: date, packs: Iterable[int] = (),
               ids: Iterable[str] = (), printed: date | None = None, why: Why | None = None) -> Marked:
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
