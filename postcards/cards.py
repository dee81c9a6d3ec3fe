"""From validated records to fitted cards, and the `make` job: the core the CLI calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import fonts
from .address import AddressOptions, address_lines
from .errors import PostcardsError, Problem
from .layout.card import ADDRESS_TEXT_INSET_MM, SENDER_LEADING, CardGeometry, CardSpec, card_geometry
from .layout.fit import fit_block, fit_lines, fit_paragraphs, lines_height, sizes
from .layout.sheet import Paper, papers
from .messages import LANGUAGES, Language, Library, Message, bundled_library, choose, render
from .model import Dataset, Prisoner
from .pdf import atomic_output, render_sheets
from .script import foreign_letter_problem
from .yamlsource import did_you_mean

MESSAGE_SIZES_PT = sizes(11, 8)
ADDRESS_SIZES_PT = sizes(10, 7.5)
SENDER_SIZES_PT = sizes(7, 6)
MM = 72 / 25.4  # points per millimetre
TITLE = "Postcards"


@dataclass(frozen=True)
class CardOptions:
    """Every choice that shapes the cards, passed down from the command line."""

    paper: str = "a4"
    lang: Language = "ru"
    seed: int = 0
    copies: int = 1
    only: tuple[str, ...] = ()
    sender: tuple[str, ...] = ()
    address: AddressOptions = field(default_factory=AddressOptions)


@dataclass(frozen=True)
class Selection:
    prisoners: tuple[Prisoner, ...]
    skipped: tuple[tuple[Prisoner, str], ...]  # (prisoner, why no card)


@dataclass(frozen=True)
class MakeResult:
    output: Path
    cards: int
    sheets: int
    bytes: int
    selection: Selection


def paper_named(name: str) -> Paper:
    found = papers().get(name)
    if found is None:
        raise PostcardsError(f"unknown paper '{name}'", hint=f"use one of: {', '.join(papers())}")
    return found


def select(dataset: Dataset, only: Sequence[str] = ()) -> Selection:
    """Who gets a card: the `only` ids (all when empty) whose status is imprisoned."""
    by_id = {p.id: p for p in dataset.prisoners}
    unknown = [Problem(f"no prisoner with id '{i}' in {dataset.file}", field="--only",
                       hint=did_you_mean(i, by_id) or "`postcards list` shows the ids")
               for i in only if i not in by_id]
    if unknown:
        raise PostcardsError.of(unknown)
    chosen = [by_id[i] for i in dict.fromkeys(only)] if only else list(dataset.prisoners)
    skipped = tuple((p, p.status) for p in chosen if p.status != "imprisoned")
    return Selection(tuple(p for p in chosen if p.status == "imprisoned"), skipped)


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
    _check_glyphs(prisoner, (*message.paragraphs, message.closing, *lines, *options.sender))
    font = fonts.regular()
    box = geometry.message
    fitted = fit_paragraphs(message.paragraphs, box.width * MM, box.height * MM, MESSAGE_SIZES_PT, font)
    if fitted is None:
        raise PostcardsError(f"message '{message.id}' does not fit the card for '{prisoner.id}' "
                             f"even at {MESSAGE_SIZES_PT[-1]} pt", where=prisoner.where,
                             field=prisoner.field, hint="choose a shorter message")
    address_size = fit_address(prisoner, lines, geometry)
    return CardSpec(label=prisoner.id, message=fitted, closing=message.closing,
                    address_lines=lines, address_size_pt=address_size,
                    sender_lines=tuple(options.sender), sender_size_pt=sender_size)


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


def build_cards(prisoners: Sequence[Prisoner], options: CardOptions, library: Library) -> list[CardSpec]:
    """The fitted cards, `options.copies` of each, in data-file order."""
    paper = paper_named(options.paper)
    geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
    sender_size = check_sender(options.sender, geometry) if options.sender else SENDER_SIZES_PT[0]
    available = library.for_language(options.lang)
    if not available:
        other = next(lang for lang in LANGUAGES if lang != options.lang)
        raise PostcardsError(f"the message library has no '{options.lang}' message", field="--lang",
                             hint=f"add one to the templates file or use --lang {other}")
    templates = choose(available, len(prisoners), options.seed)
    cards: list[CardSpec] = []
    for prisoner, template in zip(prisoners, templates, strict=True):
        message = render(template, prisoner, library.closings)
        spec = card_spec(prisoner, message, options, geometry, sender_size)
        cards.extend([spec] * options.copies)
    return cards


def make_postcards(
    dataset: Dataset,
    options: CardOptions,
    output: Path,
    library: Library | None = None,
    progress: Callable[[int], None] | None = None,
) -> MakeResult:
    """Write one card per selected prisoner to `output`, imposed on sheets of `options.paper`.
    Nothing is written unless every card is right."""
    return write_postcards(select(dataset, options.only), options, output, library, progress)


def write_postcards(
    selection: Selection,
    options: CardOptions,
    output: Path,
    library: Library | None = None,
    progress: Callable[[int], None] | None = None,
) -> MakeResult:
    """`make_postcards` for people already selected (the CLI sizes its progress bar first)."""
    if not selection.prisoners:
        raise PostcardsError("no one to make cards for: nobody selected is imprisoned",
                             hint="check the status fields or the --only ids")
    paper = paper_named(options.paper)
    with atomic_output(output) as handle:
        cards = build_cards(selection.prisoners, options, library or bundled_library())
        data = render_sheets(cards, paper, TITLE, options.lang, progress)
        handle.write(data)
    sheets = -(-len(cards) // paper.per_sheet)
    return MakeResult(output, len(cards), sheets, len(data), selection)
