"""From selected people to fitted cards: which message each card gets, and each card's
layout values, fitted so that nothing is clipped."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from . import fonts
from .address import AddressOptions, address_lines
from .censor import Finding, lint
from .errors import PostcardsError, Problem
from .layout.card import (
    ADDRESS_TEXT_INSET_MM,
    CLOSING_BASELINE_Y_MM,
    SENDER_LEADING,
    CardGeometry,
    CardSpec,
    card_geometry,
)
from .layout.fit import FittedText, fit_block, fit_lines, fit_paragraphs, lines_height, sizes
from .layout.sheet import Paper, papers
from .messages import Library, Message, Register, Template, choose, read_own_message, render
from .model import LANGUAGES, Dataset, Language, Prisoner
from .names import Gender
from .occasions import BIRTHDAY_WINDOW_DAYS, DEFAULT_TRANSIT_DAYS, OCCASIONS, Occasion, arrival, occasion_for
from .script import foreign_letter_problem
from .selection import Filters

MESSAGE_SIZES_PT = sizes(11, 8)
ADDRESS_SIZES_PT = sizes(10, 7.5)
SENDER_SIZES_PT = sizes(7, 6)
MM = 72 / 25.4  # points per millimetre
HANDWRITING_PITCH_MM = 7.0  # ruled lines on a blank card


@dataclass(frozen=True)
class CardOptions:
    """Every choice that shapes the cards, passed down from the command line."""

    paper: str = "a4"
    lang: Language | None = None  # None: the message's language, else Russian
    seed: int = 0
    copies: int = 1
    filters: Filters = field(default_factory=Filters)
    cards: int | None = None  # at most this many people get a card (a short evening)
    fewest_first: bool = False  # with `cards`: those the ledger shows had the fewest first
    sender: tuple[str, ...] = ()
    address: AddressOptions = field(default_factory=AddressOptions)
    occasion: Occasion | Literal["auto"] = "auto"
    message_id: str | None = None  # this library message on every card
    message_file: Path | None = None  # the writer's own text on every card
    force: bool = False  # print a message the censor check flags
    blank: bool = False  # ruled lines for handwriting instead of the printed message
    register: Register = "formal"
    writer: Gender | None = None
    today: date = field(default_factory=date.today)
    transit_days: int = DEFAULT_TRANSIT_DAYS
    crib: bool = False


@dataclass(frozen=True)
class PlannedCard:
    """One card: whom it is for, what it says, and how it is drawn."""

    prisoner: Prisoner
    message: Message
    spec: CardSpec


@dataclass(frozen=True)
class Plan:
    """Which message each card gets, decided before any card is drawn."""

    people: tuple[Prisoner, ...]  # one per card, a person's copies together
    templates: tuple[Template, ...]  # the message of each card
    findings: tuple[Finding, ...] = ()  # in a --message-file printed with --force
    notes: tuple[str, ...] = ()  # choices worth telling the user


def paper_named(name: str) -> Paper:
    found = papers().get(name)
    if found is None:
        raise PostcardsError(f"unknown paper '{name}'", hint=f"use one of: {', '.join(papers())}")
    return found


def check_sender(lines: Sequence[str], geometry: CardGeometry) -> float:
    """The font size for the sender lines; they must be Cyrillic and fit their box."""
    for line in lines:
        problem = foreign_letter_problem(line)
        if problem:
            raise PostcardsError(
                f"sender line {problem}", field="--from",
                hint="the censor discards cards with Latin text: write it in Russian "
                     "(e.g. 'Германия, Берлин') or leave --from out")
    box = geometry.sender
    size = fit_block(lines, box.width * MM, box.height * MM, SENDER_SIZES_PT, SENDER_LEADING, fonts.regular())
    if size is None:
        smallest = SENDER_SIZES_PT[-1]
        most = 1 + int((box.height * MM - lines_height(1, smallest, 0, fonts.regular()))
                       / (smallest * SENDER_LEADING))
        raise PostcardsError(f"the {len(lines)} sender line(s) do not fit the card", field="--from",
                             hint=f"use at most {most} lines of about {int(box.width / 1.3)} characters")
    return size


def card_spec(prisoner: Prisoner, message: Message, options: CardOptions, geometry: CardGeometry,
              sender_size: float) -> CardSpec:
    """One card, fitted: fails (naming the person and message) rather than clip any text."""
    lines = address_lines(prisoner, options.address)
    address_size = fit_address(prisoner, lines, geometry)
    if options.blank:
        _check_glyphs(prisoner, (*lines, *options.sender))
        return CardSpec(label=prisoner.id, message=FittedText((), MESSAGE_SIZES_PT[0]), closing="",
                        address_lines=lines, address_size_pt=address_size,
                        sender_lines=tuple(options.sender), sender_size_pt=sender_size,
                        ruled_mm=handwriting_rules_mm(geometry))
    _check_glyphs(prisoner, (*message.paragraphs, message.closing, *lines, *options.sender))
    box = geometry.message
    fitted = fit_paragraphs(message.paragraphs, box.width * MM, box.height * MM, MESSAGE_SIZES_PT,
                            fonts.regular())
    if fitted is None:
        raise PostcardsError(f"{message.label} does not fit the card for '{prisoner.id}' even at "
                             f"{MESSAGE_SIZES_PT[-1]} pt", where=prisoner.where, field=prisoner.field,
                             hint="shorten it: about 400 characters fit well" if message.english is None
                             else "choose a shorter message")
    return CardSpec(label=prisoner.id, message=fitted, closing=message.closing,
                    address_lines=lines, address_size_pt=address_size,
                    sender_lines=tuple(options.sender), sender_size_pt=sender_size)


def handwriting_rules_mm(geometry: CardGeometry) -> tuple[float, ...]:
    """Heights of the ruled lines on a blank card: from under the top of the message area
    down to where the printed closing would stand."""
    top = geometry.message.top
    count = int((top - CLOSING_BASELINE_Y_MM) / HANDWRITING_PITCH_MM)
    return tuple(top - (i + 1) * HANDWRITING_PITCH_MM for i in range(count))


def fit_address(prisoner: Prisoner, lines: Sequence[str], geometry: CardGeometry) -> float:
    """The largest size at which every address line fits the block, unbroken."""
    size = fit_lines(lines, (geometry.address.width - ADDRESS_TEXT_INSET_MM) * MM, ADDRESS_SIZES_PT)
    if size is None:
        raise PostcardsError(f"the address of '{prisoner.id}' is too wide for a "
                             f"{geometry.width_mm:g} x {geometry.height_mm:g} mm card even at "
                             f"{ADDRESS_SIZES_PT[-1]} pt", where=prisoner.where, field=prisoner.field,
                             hint="shorten a line, e.g. abbreviate 'улица' to 'ул.'")
    return size


def address_problems(dataset: Dataset, options: AddressOptions, paper: str) -> list[Problem]:
    """What would stop `make` on `paper` for any imprisoned person: characters the font
    lacks, address lines too wide. Every person is checked; nothing stops at the first."""
    spec = paper_named(paper)
    geometry = card_geometry(spec.card_width_mm, spec.card_height_mm)
    problems: list[Problem] = []
    for prisoner in dataset.prisoners:
        if prisoner.status != "imprisoned":
            continue
        lines = address_lines(prisoner, options)
        try:
            _check_glyphs(prisoner, lines)
            fit_address(prisoner, lines, geometry)
        except PostcardsError as err:
            problems.extend(err.problems)
    return problems


def _check_glyphs(prisoner: Prisoner, texts: Sequence[str]) -> None:
    for text in texts:
        missing = fonts.missing_glyphs(text)
        if missing:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            raise PostcardsError(f"the card for '{prisoner.id}' has characters the font cannot "
                                 f"draw: {shown} in '{text}'", where=prisoner.where,
                                 field=prisoner.field, hint="remove or replace them")


def card_language(options: CardOptions, library: Library) -> Language | None:
    """The language of the cards: the chosen message's, else --lang; None when neither says
    (a writer's own text then decides, else Russian)."""
    if options.message_id is not None:
        lang = library.by_id(options.message_id).lang
        if options.lang is not None and options.lang != lang:
            raise PostcardsError(f"message '{options.message_id}' is in '{lang}', not '{options.lang}'",
                                 field="--lang", hint=f"leave out --lang or use --lang {lang}")
        return lang
    return options.lang


def own_message(options: CardOptions, lang: Language | None) -> tuple[Template, tuple[Finding, ...]]:
    """The writer's own text and what the censor check finds in it: refused unless --force."""
    assert options.message_file is not None
    template = read_own_message(options.message_file, lang)
    findings = tuple(lint(template.text, template=True))
    if findings and not options.force:
        source = str(options.message_file)
        raise PostcardsError.of([
            *(f.problem(source) for f in findings),
            Problem(f"{source}: the censor check flags {len(findings)} word(s); change them, "
                    "or add --force to print anyway", field="--message-file"),
        ])
    return template, findings


@dataclass(frozen=True)
class _Pool:
    prisoner: Prisoner
    occasion: Occasion
    pool: tuple[Template, ...]
    fallback: tuple[Template, ...]  # general messages, for copies beyond a seasonal pool


def _pools(prisoners: Sequence[Prisoner], options: CardOptions, library: Library,
           lang: Language) -> tuple[list[_Pool], list[str]]:
    """Each person's messages for the occasion their card meets, and notes on occasions
    that had to fall back to general messages."""
    arrives = arrival(options.today, options.transit_days)
    # people chosen for a birthday (--born-within) get a birthday card, however far ahead
    window = max(BIRTHDAY_WINDOW_DAYS, options.filters.born_within or 0)
    by_occasion = {o: library.pool(lang, o, options.writer) for o in OCCASIONS}
    general = by_occasion["general"]
    pools: list[_Pool] = []
    fallbacks: dict[str, int] = {}
    for prisoner in prisoners:
        if options.occasion == "auto":
            occasion = occasion_for(prisoner.born, arrives, library.seasons, window)
        else:
            occasion = options.occasion
        pool = by_occasion[occasion]
        if not pool and options.occasion == "auto" and occasion != "general":
            fallbacks[occasion] = fallbacks.get(occasion, 0) + 1
            occasion, pool = "general", general
        if not pool:
            raise _no_messages(library, lang, occasion)
        auto_extra = options.occasion == "auto" and occasion != "general"
        pools.append(_Pool(prisoner, occasion, pool, general if auto_extra else ()))
    notes = [f"no {occasion} message in '{lang}' that suits this writer: {count} card(s) got a "
             "general one" for occasion, count in fallbacks.items()]
    return pools, notes


def _no_messages(library: Library, lang: Language, occasion: Occasion) -> PostcardsError:
    if any(t.lang == lang and t.occasion == occasion for t in library.templates):
        return PostcardsError(f"every {occasion} message in '{lang}' agrees with the writer's gender",
                              field="--writer-gender", hint="give --writer-gender female or male")
    other = next(x for x in LANGUAGES if x != lang)
    return PostcardsError(f"the message library has no '{lang}' message for the occasion '{occasion}'",
                          field="--lang", hint=f"add one to {library.file}, choose another "
                          f"--occasion, or use --lang {other}")


def plan_cards(prisoners: Sequence[Prisoner], options: CardOptions, library: Library,
               received: Mapping[str, frozenset[str]] | None = None) -> Plan:
    """Every card's message, `options.copies` per person, in the given order; `received`
    (message ids each person had before) are avoided while others are left. Fails, naming
    the person, when a choice cannot be made."""
    chosen_lang = card_language(options, library)  # refuses --lang against --message's language
    findings: tuple[Finding, ...] = ()
    notes: list[str] = []
    people = tuple(p for p in prisoners for _ in range(options.copies))
    if options.message_file is not None:
        template, findings = own_message(options, chosen_lang)
        templates = [template] * len(people)
    elif options.message_id is not None:
        templates = [library.by_id(options.message_id)] * len(people)
    else:
        lang = chosen_lang or "ru"
        pools, notes = _pools(prisoners, options, library, lang)
        requests = [(p.prisoner.id, p.pool, p.fallback) for p in pools for _ in range(options.copies)]
        try:
            templates = choose(requests, options.seed, received)
        except ValueError as exc:
            short = next(p for p in pools if p.prisoner.id == exc.args[0])
            raise PostcardsError(
                f"'{short.prisoner.id}' would get the same message twice: "
                f"{len(short.pool) + len(short.fallback)} {short.occasion} message(s) in '{lang}' "
                f"for {options.copies} copies", field="--copies",
                hint="use fewer copies, or add messages to the library") from None
    return Plan(people, tuple(templates), findings, tuple(notes))


def planned_cards(plan: Plan, options: CardOptions, library: Library) -> Iterator[PlannedCard]:
    """The plan's cards rendered and fitted one by one, as they are drawn (a long run keeps
    only a sheet's cards in memory). Raises, naming the person, rather than clip a card."""
    paper = paper_named(options.paper)
    geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
    sender_size = check_sender(options.sender, geometry) if options.sender else SENDER_SIZES_PT[0]
    for prisoner, template in zip(plan.people, plan.templates, strict=True):
        message = render(template, prisoner, library, options.register, options.writer)
        yield PlannedCard(prisoner, message, card_spec(prisoner, message, options, geometry, sender_size))
