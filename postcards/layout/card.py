"""One card's back side: its regions (computed once per card size) and what it shows.

Left half: the message and the writer's closing and signature line. Right half: the stamp
box top right, optional sender lines, and the address block on ruled lines bottom right.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from postcards.layout.fit import FittedText

SAFE_MARGIN_MM = 6.0  # every mark at least this far inside the card's edge (printers need 5)
GUTTER_MM = 4.0  # space on each side of the dividing rule
STAMP_WIDTH_MM = 22.0
STAMP_HEIGHT_MM = 27.0
SENDER_HEIGHT_MM = 16.0
SENDER_GAP_MM = 3.0  # between the sender lines and the stamp box
ADDRESS_PITCH_MM = 6.5  # distance between the address block's ruled lines
ADDRESS_MAX_LINES = 7
ADDRESS_TEXT_RAISE_MM = 1.4  # baseline above its rule
ADDRESS_TEXT_INSET_MM = 1.0
SIGNATURE_RULE_Y_MM = 10.0
CLOSING_BASELINE_Y_MM = 16.5
MESSAGE_BOTTOM_MM = 21.5
CLOSING_SIZE_PT = 10.0
SENDER_LEADING = 1.2  # line pitch of the sender lines, as a multiple of their size
RULE_WIDTH_PT = 0.5
HAIRLINE_PT = 0.3
RULE_GREY = 0.55


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres from the card's bottom-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class CardGeometry:
    """Where everything on a card goes, in millimetres from its bottom left corner."""

    width_mm: float
    height_mm: float
    divider_x_mm: float
    message: Box
    closing_baseline_mm: float
    signature: Box  # the rule the writer signs on (height 0)
    stamp: Box
    sender: Box
    address: Box  # ADDRESS_MAX_LINES rules; a block uses the bottom ones


@lru_cache(maxsize=8)
def card_geometry(width_mm: float, height_mm: float) -> CardGeometry:
    m = SAFE_MARGIN_MM
    divider = width_mm / 2
    right_x = divider + GUTTER_MM
    stamp = Box(width_mm - m - STAMP_WIDTH_MM, height_mm - m - STAMP_HEIGHT_MM,
                STAMP_WIDTH_MM, STAMP_HEIGHT_MM)
    return CardGeometry(
        width_mm=width_mm,
        height_mm=height_mm,
        divider_x_mm=divider,
        message=Box(m, MESSAGE_BOTTOM_MM, divider - GUTTER_MM - m, height_mm - m - MESSAGE_BOTTOM_MM),
        closing_baseline_mm=CLOSING_BASELINE_Y_MM,
        signature=Box(m, SIGNATURE_RULE_Y_MM, divider - GUTTER_MM - m, 0),
        stamp=stamp,
        sender=Box(right_x, height_mm - m - SENDER_HEIGHT_MM,
                   stamp.x - SENDER_GAP_MM - right_x, SENDER_HEIGHT_MM),
        address=Box(right_x, m, width_mm - m - right_x, ADDRESS_PITCH_MM * ADDRESS_MAX_LINES),
    )


@dataclass(frozen=True)
class CardSpec:
    """Everything one card shows, resolved and fitted: drawing decides nothing."""

    label: str  # whom the card is for (errors and tests; never drawn)
    message: FittedText
    closing: str
    address_lines: tuple[str, ...]
    address_size_pt: float
    sender_lines: tuple[str, ...] = ()
    sender_size_pt: float = 7.0
    ruled_mm: tuple[float, ...] = ()  # a blank card's lines for handwriting, heights in the card


def address_baselines_mm(geometry: CardGeometry, count: int) -> list[float]:
    """Baselines of an address block of `count` lines, top line first, sitting on the
    bottom `count` rules."""
    bottom = geometry.address.y
    return [bottom + (count - 1 - i) * ADDRESS_PITCH_MM + ADDRESS_TEXT_RAISE_MM for i in range(count)]
