"""From planned cards to fitted ones: each card's layout values, fitted so that nothing is
clipped; and the checks that find what would not fit before anything is drawn.

A run fits every card before it draws any (every size tried, every refusal found); for a long
run it keeps only the sizes chosen, two bytes a card (`Decided`), and drawing lays a card out
again at those sizes (`CardFitter.again`). So nothing is drawn until every card has been
decided, and a long run never holds every card's layout."""

from __future__ import annotations

from collections.abc import Sequence

from postcards.layout import fonts
from postcards.layout.card import (
    ADDRESS_MAX_LINES,
    ADDRESS_TEXT_INSET_MM,
    CLOSING_BASELINE_Y_MM,
    SENDER_LEADING,
    CardGeometry,
    CardSpec,
    card_geometry,
)
from postcards.layout.fit import FittedText, fit_block, fit_lines, fit_paragraphs, lines_height, sizes
from postcards.layout.sheet import Paper, papers
from postcards.layout.text import TextPage
from postcards.layout.units import pt
from postcards.shared.errors import PostcardsError, Problem, SourceLocation
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.options import AddressOptions, CardOptions, Script
from postcards.shared.script import foreign_letter_problem
from postcards.text.address import address_block
from postcards.text.messages import Message

MESSAGE_SIZES_PT = sizes(11, 8)
ADDRESS_SIZES_PT = sizes(10, 7.5)
SENDER_SIZES_PT = sizes(7, 6)
HANDWRITING_PITCH_MM = 7.0  # ruled lines on a blank card
KEPT_CARDS = 2_000  # cards deciding hands to drawing whole: about 2 KB each, 5 KB with a crib
_MESSAGE_STEPS = {size: step for step, size in enumerate(MESSAGE_SIZES_PT)}
_ADDRESS_STEPS = {size: step for step, size in enumerate(ADDRESS_SIZES_PT)}


def paper_named(name: str) -> Paper:
    found = papers().get(name)
    if found is None:
        raise PostcardsError(f"unknown paper '{name}'", hint=f"use one of: {', '.join(papers())}")
    return found


def check_sender(lines: Sequence[str], geometry: CardGeometry, given_in: str = "--from") -> float:
    """The font size for the sender lines; they must be Cyrillic and fit their box. Errors
    name where the lines were `given_in` (the option, or the config file)."""
    for line in lines:
        problem = foreign_letter_problem(line)
        if problem:
            raise PostcardsError(
                f"sender line {problem}", field=given_in,
                hint="the censor discards cards with Latin text: write it in Russian "
                     "(e.g. 'Германия, Берлин') or leave --from out")
    box = geometry.sender
    size = fit_block(lines, pt(box.width), pt(box.height), SENDER_SIZES_PT, SENDER_LEADING, fonts.regular())
    if size is None:
        smallest = SENDER_SIZES_PT[-1]
        most = 1 + int((pt(box.height) - lines_height(1, smallest, 0, fonts.regular()))
                       / (smallest * SENDER_LEADING))
        raise PostcardsError(f"the {len(lines)} sender line(s) do not fit the card", field=given_in,
                             hint=f"use at most {most} lines of about {int(box.width / 1.3)} characters")
    return size


def card_spec(prisoner: Prisoner, message: Message, options: CardOptions, geometry: CardGeometry,
              sender_size: float) -> CardSpec:
    """One card, fitted: fails (naming the person and message) rather than clip any text."""
    lines, address_size, fitted = _fit(prisoner, message, options, geometry)
    return _spec(prisoner, message, options, geometry, sender_size, lines, address_size, fitted)


def _fit(prisoner: Prisoner, message: Message, options: CardOptions,
         geometry: CardGeometry) -> tuple[tuple[str, ...], float, FittedText | None]:
    """The address lines, their size, and the message fitted (None on a blank card)."""
    lines = address_block(prisoner, options.address).lines
    address_size = fit_address(prisoner, lines, geometry, options.address.script)
    if options.blank:
        _check_glyphs(prisoner, (*lines, *options.sender))
        return lines, address_size, None
    _check_glyphs(prisoner, (*lines, *options.sender))
    # The writer's own text is at fault in its own file, not in the person's record.
    own = options.message_file is not None
    where = SourceLocation(str(options.message_file), 1, 1) if own else prisoner.where
    field = "--message-file" if own else prisoner.field
    fonts.require_glyphs(message_texts(message), f"the card for '{prisoner.id}'", where=where, field=field)
    box = geometry.message
    fitted = fit_paragraphs(message.paragraphs, pt(box.width), pt(box.height), MESSAGE_SIZES_PT,
                            fonts.regular())
    if fitted is None:
        raise PostcardsError(f"{message.label} does not fit the card for '{prisoner.id}' even at "
                             f"{MESSAGE_SIZES_PT[-1]} pt", where=where, field=field,
                             hint="shorten it: about 400 characters fit well" if message.english is None
                             else "choose a shorter message")
    return lines, address_size, fitted


def card_spec_at(prisoner: Prisoner, message: Message, options: CardOptions, geometry: CardGeometry,
                 sender_size: float, sizes_pt: tuple[float, float]) -> CardSpec:
    """The card `card_spec` fitted, laid out again at the sizes it chose, (message, address):
    the text is wrapped at that size only, and nothing is checked again."""
    message_size, address_size = sizes_pt
    lines = address_block(prisoner, options.address).lines
    fitted = None
    if not options.blank:
        box = geometry.message
        fitted = fit_paragraphs(message.paragraphs, pt(box.width), pt(box.height), (message_size,),
                                fonts.regular())
        assert fitted is not None, f"the card for '{prisoner.id}' no longer fits at {message_size} pt"
    return _spec(prisoner, message, options, geometry, sender_size, lines, address_size, fitted)


def _spec(prisoner: Prisoner, message: Message, options: CardOptions, geometry: CardGeometry,
          sender_size: float, lines: tuple[str, ...], address_size: float,
          fitted: FittedText | None) -> CardSpec:
    if fitted is None:  # a blank card: ruled lines instead of the message
        return CardSpec(label=prisoner.id, message=FittedText((), MESSAGE_SIZES_PT[0]), closing="",
                        address_lines=lines, address_size_pt=address_size,
                        sender_lines=tuple(options.sender), sender_size_pt=sender_size,
                        ruled_mm=handwriting_rules_mm(geometry))
    return CardSpec(label=prisoner.id, message=fitted, closing=message.closing,
                    address_lines=lines, address_size_pt=address_size,
                    sender_lines=tuple(options.sender), sender_size_pt=sender_size)


def message_texts(message: Message) -> tuple[str, ...]:
    return (*message.paragraphs, message.closing)


def handwriting_rules_mm(geometry: CardGeometry) -> tuple[float, ...]:
    """Heights of the ruled lines on a blank card: from under the top of the message area
    down to where the printed closing would stand."""
    top = geometry.message.top
    count = int((top - CLOSING_BASELINE_Y_MM) / HANDWRITING_PITCH_MM)
    return tuple(top - (i + 1) * HANDWRITING_PITCH_MM for i in range(count))


SHORTER = {"ru": "abbreviate 'улица' to 'ул.'", "be": "abbreviate 'вуліца' to 'вул.'"}


def fit_address(prisoner: Prisoner, lines: Sequence[str], geometry: CardGeometry,
                script: Script = "ru") -> float:
    """The largest size at which every address line fits the block, unbroken."""
    if len(lines) > ADDRESS_MAX_LINES:
        raise PostcardsError(f"the address of '{prisoner.id}' is {len(lines)} lines; a card's block holds "
                             f"{ADDRESS_MAX_LINES}", where=prisoner.where, field=prisoner.field,
                             hint="leave out unit:, or the country line with --no-country")
    size = fit_lines(lines, pt(geometry.address.width - ADDRESS_TEXT_INSET_MM), ADDRESS_SIZES_PT)
    if size is None:
        raise PostcardsError(f"the address of '{prisoner.id}' is too wide for a "
                             f"{geometry.width_mm:g} x {geometry.height_mm:g} mm card even at "
                             f"{ADDRESS_SIZES_PT[-1]} pt", where=prisoner.where, field=prisoner.field,
                             hint=f"shorten a line, e.g. {SHORTER[script]}")
    return size


def address_problems(dataset: Dataset, options: AddressOptions, paper: str) -> list[Problem]:
    """What would stop `make` on `paper` for any imprisoned person: an address the block's
    script cannot carry, characters the font lacks, address lines too wide. Every person is
    checked; nothing stops at the first."""
    spec = paper_named(paper)
    geometry = card_geometry(spec.card_width_mm, spec.card_height_mm)
    problems: list[Problem] = []
    for prisoner in dataset.prisoners:
        if prisoner.status != "imprisoned":
            continue
        try:
            lines = address_block(prisoner, options).lines
            _check_glyphs(prisoner, lines)
            fit_address(prisoner, lines, geometry, options.script)
        except PostcardsError as err:
            problems.extend(err.problems)
    return problems


def _check_glyphs(prisoner: Prisoner, texts: Sequence[str]) -> None:
    fonts.require_glyphs(texts, f"the card for '{prisoner.id}'", where=prisoner.where, field=prisoner.field)


class CardFitter:
    """Fits the cards of one run (one paper, one set of options). `fit` decides a card and
    refuses what cannot be printed; `again` lays the same card out again from the sizes
    `fit` chose. Refuses sender lines that cannot be printed when it is made."""

    def __init__(self, options: CardOptions) -> None:
        paper = paper_named(options.paper)
        self.options = options
        self.geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
        self.sender_size = SENDER_SIZES_PT[0]
        if options.sender:
            self.sender_size = check_sender(options.sender, self.geometry, options.sender_from)

    def fit(self, prisoner: Prisoner, message: Message) -> CardSpec:
        """The card fitted; raises, naming the person, rather than clip it or draw a
        character the font lacks."""
        return card_spec(prisoner, message, self.options, self.geometry, self.sender_size)

    def again(self, prisoner: Prisoner, message: Message, sizes_pt: tuple[float, float]) -> CardSpec:
        """The card `fit` fitted, laid out again at the sizes it chose."""
        return card_spec_at(prisoner, message, self.options, self.geometry, self.sender_size, sizes_pt)


class Decided:
    """What deciding hands to drawing: every card's fitted sizes, two bytes a card (their
    places on the size ladders), and the first KEPT_CARDS cards whole (message, layout and
    crib page), so that a run of a few thousand cards is laid out once and a longer one holds
    a few MB more, not every card. What is handed over whole is let go when it is taken."""

    def __init__(self) -> None:
        self._steps = bytearray()
        self._first: list[tuple[Message, CardSpec] | None] = []
        self._cribs: dict[int, TextPage] = {}  # by the sheet's first card

    def add(self, index: int, message: Message, spec: CardSpec) -> None:
        assert index == len(self), "cards are decided in card order"
        self._steps.append(_MESSAGE_STEPS[spec.message.size_pt])
        self._steps.append(_ADDRESS_STEPS[spec.address_size_pt])
        if index < KEPT_CARDS:
            self._first.append((message, spec))

    def add_crib(self, first_card: int, page: TextPage) -> None:
        if first_card < KEPT_CARDS:
            self._cribs[first_card] = page

    def sizes(self, index: int) -> tuple[float, float]:
        """Card `index`'s (message, address) sizes, for `CardFitter.again`."""
        return MESSAGE_SIZES_PT[self._steps[2 * index]], ADDRESS_SIZES_PT[self._steps[2 * index + 1]]

    def take(self, index: int) -> tuple[Message, CardSpec] | None:
        """Card `index` as decided, once; None when it was not kept (or is taken already)."""
        if index >= len(self._first):
            return None
        card, self._first[index] = self._first[index], None
        return card

    def take_crib(self, first_card: int) -> TextPage | None:
        return self._cribs.pop(first_card, None)

    def __len__(self) -> int:
        return len(self._steps) // 2
