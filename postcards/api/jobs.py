"""The jobs behind `make_cards` and `make_event`, decided first and drawn second.

`prepare` decides everything: who gets a card and which message, the ledger read and checked
writable, and every card, crib page, cover and summary laid out once, so that every refusal
the data decides (a character the font lacks, a text that cannot fit) comes before a page is
drawn. Of that layout each card's two sizes are kept, and the first few thousand cards whole.
`draw` then lays the other cards out again from their sizes, a sheet at a time, so a long run
never holds every card; `finish` adds the cards to the ledger, rows made from the plan, once
the PDF is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from postcards.api.results import CardRecord, Result
from postcards.evening.freshness import stale_people
from postcards.evening.plan import Plan, plan_cards
from postcards.evening.selection import Selection, limit, nobody_error, select
from postcards.layout.card import CardSpec
from postcards.layout.cards import CardFitter, Decided, paper_named
from postcards.layout.sheet import Paper, card_origins
from postcards.pdf.document import CardSheet, Page, Rendered, render_document
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.files import Writer
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.options import DEFAULT_STALE_DAYS, CardOptions, CribLanguage, EventOptions
from postcards.shared.words import plural
from postcards.text.address import address_warnings
from postcards.text.messages import Library, Message, bundled_library
from postcards.text.occasions import arrival

if TYPE_CHECKING:  # an evening's pages, cribs, the ledger and the routes are imported where a run uses them
    from postcards.evening.event import EveningFacts
    from postcards.evening.ledger import Entry, Ledger
    from postcards.layout.text import TextPage
    from postcards.source.routes import Route
    from postcards.text.outline import Para

TITLES = {"make": "Postcards", "event": "Letter-writing evening"}
BLANK_NOTE = "[a blank card, written by hand; the suggested text was:]"
LISTED_REFUSALS = 20  # refusals listed one a line; the rest are counted

Progress = Callable[[int, int], None]  # (cards drawn so far, cards in all)


@dataclass(frozen=True, eq=False)  # a run: compared by identity
class Job:
    """A run, fully decided: drawing it decides nothing more and refuses nothing."""

    options: CardOptions
    library: Library
    selection: Selection
    plan: Plan
    ledger: Ledger | None
    warnings: tuple[Problem, ...]  # about the ledger: bad lines, unknown ids
    event: EventOptions | None = None
    packs: tuple[tuple[Prisoner, ...], ...] = ()  # each writer's people in card order, at an event
    stale: tuple[tuple[Prisoner, Problem], ...] = ()  # addresses to check before posting
    notes: tuple[str, ...] = ()  # choices worth telling the user
    decided: Decided = field(default_factory=Decided)  # each card's fitted sizes, once prepared
    address_warnings: tuple[Problem, ...] = ()  # what the address blocks say, each once, once prepared
    route: Route | None = None  # the country posted from (options.post_from)
    route_warnings: tuple[Problem, ...] = ()  # its post carries nothing to Belarus

    @property
    def cards(self) -> int:
        return len(self.plan.people)

    @property
    def stale_after(self) -> int:
        return self.event.stale_after if self.event is not None else DEFAULT_STALE_DAYS


def plan_job(dataset: Dataset, options: CardOptions, library: Library | None = None,
             ledger: Path | None = None, event: EventOptions | None = None) -> Job:
    """Who gets a card and which message, the ledger read and checked writable; nothing laid
    out yet (`prepare` does that)."""
    if options.handcopy and not options.blank:
        raise PostcardsError("a hand-copy sheet is the text of a blank card", field="--handcopy",
                             hint="make the cards blank too (the command line's --handcopy does)")
    library = library or bundled_library()
    route: Route | None = None
    route_warnings: tuple[Problem, ...] = ()
    if options.route == "courier" or options.post_from is not None:
        from postcards.evening.posting import chosen_route

        route, route_warnings = chosen_route(options)
    selection = select(dataset, options.filters, arrival(options.today, options.transit_days))
    book = None
    warnings: list[Problem] = []
    if ledger is not None:
        from postcards.evening.ledger import check_writable, read_ledger, unknown_prisoners

        check_writable(ledger)
        book = read_ledger(ledger)
        warnings += [*book.problems, *unknown_prisoners(book, (p.id for p in dataset.prisoners))]
    cards = options.cards
    if event is not None and event.cards_per_writer is not None:
        capacity = event.writers * event.cards_per_writer
        cards = capacity if cards is None else min(cards, capacity)
    counts = _received(book, warnings) if options.fewest_first else None
    selection = limit(selection, cards, counts)
    if not selection.prisoners:
        raise nobody_error(dataset, options.filters, selection)
    plan = plan_cards(selection.prisoners, options, library, book.received() if book else None)
    packs: tuple[tuple[Prisoner, ...], ...] = ()
    if event is not None:
        from postcards.evening.event import split

        packs = tuple(tuple(p) for p in split(plan.people, event.writers))
    stale_after = event.stale_after if event is not None else DEFAULT_STALE_DAYS
    stale = tuple(stale_people(selection.prisoners, options.today, stale_after))
    notes = plan.notes
    empty = [n for n, pack in enumerate(packs, 1) if not pack]
    if event is not None and empty:
        from postcards.evening.event import writers_named

        notes += (f"{event.writers} writers for {plural(len(plan.people), 'card')}: "
                  f"{writers_named(empty)} get no pack.",)
    return Job(options, library, selection, plan, book, tuple(warnings), event, packs, stale, notes,
               route=route, route_warnings=route_warnings)


def _received(book: Ledger | None, warnings: list[Problem]) -> Mapping[str, int]:
    """What `--fewest-first` goes by: per person the cards marked posted and not returned;
    in a ledger with no marks at all (kept before cards could be marked), every printed card."""
    if book is None or not book.cards:
        warnings.append(Problem("--fewest-first has no ledger rows to go by: the cards go in "
                                "data-file order",
                                hint="the ledger fills as you print; give --ledger FILE to start one"))
        return {}
    if book.marked:
        return book.delivered()
    warnings.append(Problem(f"{book.path} has no cards marked posted: --fewest-first counts every printed "
                            "card, as before",
                            hint="mark the cards you post with `postcards ledger mark posted`, and from "
                                 "then on only posted cards count"))
    return book.counts()


def prepare(dataset: Dataset, options: CardOptions, library: Library | None = None,
            ledger: Path | None = None, event: EventOptions | None = None) -> Job:
    """The run decided: `plan_job`, then every page laid out once. Every refusal happens
    here, before anything is drawn or written."""
    job = plan_job(dataset, options, library, ledger, event)
    decided = _decide(job)  # refuses an address the script cannot carry, so the warnings come after
    return replace(job, decided=decided, address_warnings=address_warnings(job.plan.people, options.address))


def _decide(job: Job) -> Decided:
    """Every card, crib page, cover and summary laid out, in the order they will be drawn;
    what drawing needs kept, the rest let go. Raises every refusal found, together."""
    fitter = CardFitter(job.options)  # refuses sender lines that cannot be printed
    paper = paper_named(job.options.paper)
    decided = Decided()
    refusals: list[Problem] = []
    for part in _outline(job, paper.per_sheet):
        try:
            if isinstance(part, range):
                _decide_sheet(job, part, fitter, paper, decided, refusals)
            else:
                _text_pages(part, paper)
        except PostcardsError as err:
            refusals += err.problems
    if refusals:
        raise PostcardsError.of(_listed(refusals))
    return decided


def _decide_sheet(job: Job, cards: range, fitter: CardFitter, paper: Paper, decided: Decided,
                  refusals: list[Problem]) -> None:
    """A sheet's cards, each fitted (a refusal noted, and the next card tried), then its crib.
    After a refusal the cards are only checked: the run will not be drawn."""
    sheet = []
    for index in cards:
        try:
            message = job.plan.message(index, job.library, job.options)
            spec = fitter.fit(job.plan.people[index], message)
            if not refusals:
                decided.add(index, message, spec)
            sheet.append((job.plan.people[index], message))
        except PostcardsError as err:
            refusals += err.problems
    if job.options.crib and len(sheet) == len(cards):
        decided.add_crib(cards.start, _crib(job, sheet, paper))
    if job.options.handcopy:
        for prisoner, message in sheet:  # checked only: drawing lays them out again, as cheap
            try:
                _handcopy(prisoner, message, paper, job.options.crib_lang)
            except PostcardsError as err:
                refusals += err.problems


def _listed(found: list[Problem]) -> list[Problem]:
    """Each refusal once (one not about a person comes from every card), at most a screenful."""
    refusals = list(dict.fromkeys(found))
    if len(refusals) <= LISTED_REFUSALS:
        return refusals
    rest = len(refusals) - LISTED_REFUSALS
    return [*refusals[:LISTED_REFUSALS],
            Problem(f"and {plural(rest, 'more problem')} of the same kinds",
                    hint="mend those above and run again")]


def _outline(job: Job, per_sheet: int) -> Iterator[list[Para] | range]:
    """The document in order: the paragraphs of each text sheet (an evening's summary, a
    writer's cover) and the card numbers of each sheet of cards. Both passes walk it."""
    if job.event is None:
        yield from _sheets_of(range(job.cards), per_sheet)
        return
    from postcards.evening.event import cover, summary

    yield summary(evening_facts(job), job.options.crib_lang)
    start = 0
    for number, pack in enumerate(job.packs, 1):
        if pack:
            yield cover(number, job.event.writers, pack, per_sheet, job.options.crib,
                        job.options.crib_lang)
            yield from _sheets_of(range(start, start + len(pack)), per_sheet)
        start += len(pack)


def _sheets_of(cards: range, per_sheet: int) -> Iterator[range]:
    for start in range(0, len(cards), per_sheet):
        yield cards[start : start + per_sheet]


def draw(job: Job, out: Writer, progress: Progress | None = None) -> Rendered:
    """Draws the job's pages into `out` as decided: each card handed over whole, or laid out
    again at its sizes, a sheet at a time. `out` is only written to, never sought: a pipe or
    a web response will do."""
    paper = paper_named(job.options.paper)
    drawn = 0

    def tick(cards: int) -> None:
        nonlocal drawn
        drawn += cards
        if progress is not None:
            progress(drawn, job.cards)

    title = TITLES["event" if job.event is not None else "make"]
    return render_document(_pages(job, paper), paper, title, out, job.plan.templates[0].lang, tick)


def _pages(job: Job, paper: Paper) -> Iterator[Page]:
    fitter, origins = CardFitter(job.options), card_origins(paper)
    for part in _outline(job, paper.per_sheet):
        if not isinstance(part, range):
            yield from _text_pages(part, paper)
            continue
        cards = [_card(job, fitter, index) for index in part]
        yield CardSheet(tuple((spec, origin) for (_, _, spec), origin in zip(cards, origins, strict=False)))
        if job.options.crib:
            yield job.decided.take_crib(part.start) or _crib(job, [(p, m) for p, m, _ in cards], paper)
        if job.options.handcopy:
            for prisoner, message, _ in cards:
                yield from _handcopy(prisoner, message, paper, job.options.crib_lang)


def _text_pages(paras: list[Para], paper: Paper) -> list[TextPage]:
    from postcards.layout.pages import flow

    return flow(paras, paper)


def _crib(job: Job, sheet: Sequence[tuple[Prisoner, Message]], paper: Paper) -> TextPage:
    from postcards.layout.crib import crib_page
    from postcards.text.crib import crib_entry

    lang = job.options.crib_lang
    return crib_page([crib_entry(p, m, job.options.blank, job.options.today, lang) for p, m in sheet], paper,
                     lang)


def _handcopy(prisoner: Prisoner, message: Message, paper: Paper, lang: CribLanguage) -> list[TextPage]:
    from postcards.layout.handcopy import handcopy_pages
    from postcards.text.handcopy import handcopy_text

    return handcopy_pages(handcopy_text(prisoner, message, lang), paper)


def _card(job: Job, fitter: CardFitter, index: int) -> tuple[Prisoner, Message, CardSpec]:
    """Card `index` as decided: handed over whole, or rendered and laid out again."""
    prisoner = job.plan.people[index]
    kept = job.decided.take(index)
    if kept is not None:
        return prisoner, *kept
    message = job.plan.message(index, job.library, job.options)
    return prisoner, message, fitter.again(prisoner, message, job.decided.sizes(index))


def finish(job: Job, rendered: Rendered, output: Path | None) -> Result:
    """After the PDF is written: the job's cards added to its ledger, and what to report."""
    recorded = None
    if job.ledger is not None and job.ledger.appendable:
        from postcards.evening.ledger import append

        append(job.ledger, list(ledger_entries(job)))
        recorded = job.ledger.path
    return Result(
        output=output, cards=records(job), sheets=rendered.sheets, pages=rendered.pages,
        bytes=rendered.bytes, ledger=job.ledger.path if job.ledger is not None else None,
        recorded=recorded, selection=job.selection, warnings=job.warnings, notes=job.notes,
        findings=job.plan.findings, stale=tuple(problem for _, problem in job.stale),
        stale_after=job.stale_after, address_warnings=job.address_warnings, route=job.route,
        route_warnings=job.route_warnings)


def _pack_numbers(job: Job) -> Iterator[int | None]:
    if not job.packs:
        return repeat(None, job.cards)
    return chain.from_iterable(repeat(n, len(p)) for n, p in enumerate(job.packs, 1))


def records(job: Job) -> tuple[CardRecord, ...]:
    """What each card is, from the plan: for whom, which message, in which pack."""
    return tuple(CardRecord(p.id, t.id, t.occasion, t.lang, pack)
                 for p, t, pack in zip(job.plan.people, job.plan.templates, _pack_numbers(job), strict=True))


def ledger_entries(job: Job) -> Iterator[Entry]:
    """The ledger's rows for the job's cards, the text as printed, made from the plan."""
    from postcards.evening.ledger import Entry

    cards = job.plan.messages(job.library, job.options)
    for (prisoner, message), pack in zip(cards, _pack_numbers(job), strict=True):
        text = f"{BLANK_NOTE}\n{message.text}" if job.options.blank else message.text
        yield Entry(job.options.today, prisoner.id, message.id, message.lang, pack, text)


def evening_facts(job: Job) -> EveningFacts:
    from postcards.evening.event import EveningFacts
    from postcards.evening.posting import postage

    assert job.event is not None
    book, today = job.ledger, job.options.today
    return EveningFacts(day=today, arrives=arrival(today, job.options.transit_days),
                        packs=job.packs, selection=job.selection, stale=job.stale,
                        stale_after=job.event.stale_after,
                        ledger=None if book is None else str(book.path),
                        ledger_usable=book is not None and book.appendable,
                        ledger_cards=book.cards if book is not None else 0,
                        postage=postage(job.route, job.cards, job.options.route == "courier"))
