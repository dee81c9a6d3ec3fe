"""From planned cards to fitted ones: each card's layout values, fitted so that nothing is
clipped; and the checks that find what would not fit before anything is drawn."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from postcards.evening.plan import Plan
from postcards.layout import fonts
from postcards.layout.card import (
    ADDRESS_TEXT_INSET_MM,
    CLOSING_BASELINE_Y_MM,
    SENDER_LEADING,
    CardGeometry,
    CardSpec,
    card_geometry,
)
from postcards.layout.fit import FittedText, fit_block, fit_lines, fit_paragraphs, lines_height, sizes
from postcards.layout.sheet import Paper, papers
from postcards.layout.units import pt
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.options import (
    AddressOptions,
    CardOptions,
)
from postcards.shared.script import foreign_letter_problem
from postcards.text.address import address_lines
from postcards.text.messages import Library, Message, render

MESSAGE_SIZES_PT = sizes(11, 8)
ADDRESS_SIZES_PT = sizes(10, 7.5)
SENDER_SIZES_PT = sizes(7, 6)
HANDWRITING_PITCH_MM = 7.0  # ruled lines on a blank card


@dataclass(frozen=True)
class PlannedCard:
    """One card: whom it is for, what it says, and how it is drawn."""

    prisoner: Prisoner
    message: Message
    spec: CardSpec


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
    size = fit_block(lines, pt(box.width), pt(box.height), SENDER_SIZES_PT, SENDER_LEADING, fonts.regular())
    if size is None:
        smallest = SENDER_SIZES_PT[-1]
        most = 1 + int((pt(box.height) - lines_height(1, smallest, 0, fonts.regular()))
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
    fitted = fit_paragraphs(message.paragraphs, pt(box.width), pt(box.height), MESSAGE_SIZES_PT,
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
    size = fit_lines(lines, pt(geometry.address.width - ADDRESS_TEXT_INSET_MM), ADDRESS_SIZES_PT)
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
    fonts.require_glyphs(texts, f"the card for '{prisoner.id}'", where=prisoner.where, field=prisoner.field)


def planned_cards(plan: Plan, options: CardOptions, library: Library) -> Iterator[PlannedCard]:
    """The plan's cards rendered and fitted one by one, as they are drawn (a long run keeps
    only a sheet's cards in memory). Raises, naming the person, rather than clip a card."""
    paper = paper_named(options.paper)
    geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
    sender_size = check_sender(options.sender, geometry) if options.sender else SENDER_SIZES_PT[0]
    for prisoner, template in zip(plan.people, plan.templates, strict=True):
        message = render(template, prisoner, library, options.register, options.writer)
        yield PlannedCard(prisoner, message, card_spec(prisoner, message, options, geometry, sender_size))
