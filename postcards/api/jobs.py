"""The jobs the command line runs, `make` and `event`: everything is decided first (who,
which message, which ledger), then the PDF is drawn sheet by sheet and written atomically,
and only then are the cards added to the ledger."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice, repeat
from pathlib import Path
from typing import TypeVar

from postcards.evening.event import EveningFacts, cover, split, summary
from postcards.evening.freshness import stale_people
from postcards.evening.ledger import Entry, Ledger, append, check_writable, read_ledger, unknown_prisoners
from postcards.evening.plan import Plan, plan_cards
from postcards.evening.selection import Selection, limit, nobody_error, select
from postcards.layout.cards import PlannedCard, paper_named, planned_cards
from postcards.layout.crib import crib_page
from postcards.layout.pages import flow
from postcards.layout.sheet import Paper, card_origins
from postcards.pdf.document import CardSheet, Page, atomic_output, render_document
from postcards.shared.errors import Problem
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.options import CardOptions, EventOptions
from postcards.text.crib import crib_entry
from postcards.text.messages import Library, bundled_library
from postcards.text.occasions import arrival

T = TypeVar("T")
TITLES = {"make": "Postcards", "event": "Letter-writing evening"}
BLANK_NOTE = "[a blank card, written by hand; the suggested text was:]"


@dataclass(frozen=True)
class Job:
    """A run, fully decided: drawing it decides nothing more."""

    options: CardOptions
    library: Library
    selection: Selection
    plan: Plan
    ledger: Ledger | None
    warnings: tuple[Problem, ...]  # about the ledger: bad lines, unknown ids
    event: EventOptions | None = None
    packs: tuple[Sequence[Prisoner], ...] = ()  # each writer's people in card order, at an event

    @property
    def cards(self) -> int:
        return len(self.plan.people)


@dataclass(frozen=True, slots=True)
class CardRecord:
    """What one printed card was: for whom, which message, in which pack."""

    prisoner: str
    message: str
    occasion: str
    lang: str
    pack: int | None = None


@dataclass(frozen=True)
class JobResult:
    output: Path
    cards: tuple[CardRecord, ...]
    sheets: int  # pages of cards
    pages: int  # every page, cribs, covers and summary included
    bytes: int
    recorded: Path | None  # the ledger the cards were added to


def prepare(dataset: Dataset, options: CardOptions, library: Library | None = None,
            ledger: Path | None = None, event: EventOptions | None = None) -> Job:
    """Who gets a card and which message, the ledger read and checked writable: every refusal
    happens here, before anything is drawn or written."""
    library = library or bundled_library()
    selection = select(dataset, options.filters, arrival(options.today, options.transit_days))
    book = None
    warnings: list[Problem] = []
    if ledger is not None:
        check_writable(ledger)
        book = read_ledger(ledger)
        warnings += [*book.problems, *unknown_prisoners(book, (p.id for p in dataset.prisoners))]
    cards = options.cards
    if event is not None and event.cards_per_writer is not None:
        capacity = event.writers * event.cards_per_writer
        cards = capacity if cards is None else min(cards, capacity)
    counts = None
    if options.fewest_first:
        counts = book.counts() if book is not None else {}
        if not counts:
            warnings.append(Problem("--fewest-first has no ledger rows to go by: the cards go in "
                                    "data-file order",
                                    hint="the ledger fills as you print; give --ledger FILE to start one"))
    selection = limit(selection, cards, counts)
    if not selection.prisoners:
        raise nobody_error(dataset, options.filters, selection)
    plan = plan_cards(selection.prisoners, options, library, book.received() if book else None)
    packs = tuple(split(plan.people, event.writers)) if event is not None else ()
    return Job(options, library, selection, plan, book, tuple(warnings), event, packs)


def make_postcards(dataset: Dataset, options: CardOptions, output: Path, library: Library | None = None,
                   progress: Callable[[int], None] | None = None, ledger: Path | None = None) -> JobResult:
    """One card per selected prisoner (`options.copies` each) to `output`, imposed on sheets
    of `options.paper`. Nothing is written unless every card is right."""
    return run(prepare(dataset, options, library, ledger), output, progress)


def run(job: Job, output: Path, progress: Callable[[int], None] | None = None) -> JobResult:
    """Draws the job's pages into `output` (atomically), then adds its cards to the ledger."""
    paper = paper_named(job.options.paper)
    records: list[CardRecord] = []
    entries: list[Entry] | None = [] if job.ledger is not None and job.ledger.appendable else None
    cards = _recorded(planned_cards(job.plan, job.options, job.library), job, records, entries)
    pages = _event_pages(job, cards, paper) if job.event is not None else _sheets(job, cards, paper)
    title = TITLES["event" if job.event is not None else "make"]
    with atomic_output(output) as handle:
        rendered = render_document(pages, paper, title, handle, job.plan.templates[0].lang, progress)
    recorded = None
    if job.ledger is not None and entries is not None:
        append(job.ledger, entries)
        recorded = job.ledger.path
    return JobResult(output, tuple(records), rendered.sheets, rendered.pages, rendered.bytes, recorded)


def _recorded(cards: Iterable[PlannedCard], job: Job, records: list[CardRecord],
              entries: list[Entry] | None) -> Iterator[PlannedCard]:
    """The cards, noting each as it is drawn (and its ledger row, when there is a ledger)."""
    packs = chain.from_iterable(repeat(n, len(p)) for n, p in enumerate(job.packs, 1))
    for card in cards:
        pack = next(packs, None)
        message = card.message
        records.append(CardRecord(card.prisoner.id, message.id, message.occasion, message.lang, pack))
        if entries is not None:
            text = f"{BLANK_NOTE}\n{message.text}" if job.options.blank else message.text
            entries.append(Entry(job.options.today, card.prisoner.id, message.id, message.lang, pack, text))
        yield card


def _sheets(job: Job, cards: Iterable[PlannedCard], paper: Paper) -> Iterator[Page]:
    """Sheets of cards, each followed by its crib page when the job asks for cribs."""
    origins = card_origins(paper)
    for sheet in batched(cards, paper.per_sheet):
        yield CardSheet(tuple((card.spec, origin) for card, origin in zip(sheet, origins, strict=False)))
        if job.options.crib:
            yield crib_page([crib_entry(c.prisoner, c.message, job.options.blank, job.options.today)
                             for c in sheet], paper)


def _event_pages(job: Job, cards: Iterator[PlannedCard], paper: Paper) -> Iterator[Page]:
    """The organiser's summary, then per writer: a cover sheet, the cards, their cribs."""
    assert job.event is not None
    yield from flow(summary(evening_facts(job)), paper)
    for number, pack in enumerate(job.packs, 1):
        if pack:
            yield from flow(cover(number, job.event.writers, pack, paper.per_sheet, job.options.crib), paper)
            yield from _sheets(job, islice(cards, len(pack)), paper)


def evening_facts(job: Job) -> EveningFacts:
    assert job.event is not None
    stale = stale_people(job.selection.prisoners, job.options.today, job.event.stale_after)
    book, today = job.ledger, job.options.today
    return EveningFacts(day=today, arrives=arrival(today, job.options.transit_days),
                        packs=job.packs, selection=job.selection, stale=stale,
                        stale_after=job.event.stale_after,
                        ledger=None if book is None else str(book.path),
                        ledger_usable=book is not None and book.appendable,
                        ledger_cards=book.cards if book is not None else 0)


def batched(items: Iterable[T], size: int) -> Iterator[Sequence[T]]:
    """`items` in runs of `size` (the last may be shorter)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk
