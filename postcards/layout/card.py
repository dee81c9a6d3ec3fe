"""One card's back side: its regions (computed once per card size) and its drawing.

Left half: the message and the writer's closing and signature line. Right half: the stamp
box top right, optional sender lines, and the address block on ruled lines bottom right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..fonts import FontMetrics
from .fit import FittedText
from .pdftext import TextWriter

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


class CardPainter:
    """Draws cards of one geometry on one canvas. The fixed parts (divider, stamp box, rules)
    are drawn once per variant as a reusable form; the text goes through a TextWriter."""

    def __init__(self, canvas: Canvas, geometry: CardGeometry, font: FontMetrics) -> None:
        self._canvas = canvas
        self._geometry = geometry
        self._font = font
        self._text = TextWriter(canvas, font.name)
        self._forms: dict[tuple[int, tuple[float, ...]], str] = {}

    @property
    def text(self) -> TextWriter:
        return self._text

    def draw(self, spec: CardSpec, origin_mm: tuple[float, float]) -> None:
        canvas, g, font = self._canvas, self._geometry, self._font
        canvas.saveState()
        canvas.translate(origin_mm[0] * mm, origin_mm[1] * mm)
        canvas.doForm(self._fixed(len(spec.address_lines), spec.ruled_mm))
        if spec.message.paragraphs:
            self._message(spec)
        self._lines(spec.address_size_pt, g.address.x + ADDRESS_TEXT_INSET_MM,
                    address_baselines_mm(g, len(spec.address_lines)), spec.address_lines)
        if spec.sender_lines:
            pitch = spec.sender_size_pt * SENDER_LEADING / mm
            first = g.sender.top - font.ascent * spec.sender_size_pt / mm
            self._lines(spec.sender_size_pt, g.sender.x,
                        [first - i * pitch for i in range(len(spec.sender_lines))], spec.sender_lines)
        canvas.restoreState()

    def _fixed(self, address_count: int, ruled_mm: tuple[float, ...]) -> str:
        """The name of the form with this variant's fixed parts, made on first use."""
        key = (address_count, ruled_mm)
        name = self._forms.get(key)
        if name is None:
            name = self._forms[key] = f"card{len(self._forms)}"
            canvas, g = self._canvas, self._geometry
            canvas.beginForm(name, 0, 0, g.width_mm * mm, g.height_mm * mm)
            _draw_fixed(canvas, g, address_count, ruled_mm)
            canvas.endForm()
        return name

    def _message(self, spec: CardSpec) -> None:
        fitted, g = spec.message, self._geometry
        baseline = g.message.top * mm - self._font.ascent * fitted.size_pt
        positions: list[float] = []
        lines: list[str] = []
        for p_index, paragraph in enumerate(fitted.paragraphs):
            if p_index:
                baseline -= fitted.gap_pt
            for line in paragraph:
                positions.append(baseline / mm)
                lines.append(line)
                baseline -= fitted.leading_pt
        self._lines(fitted.size_pt, g.message.x, positions, lines)
        self._lines(CLOSING_SIZE_PT, g.message.x, [g.closing_baseline_mm], [spec.closing])

    def _lines(self, size_pt: float, x_mm: float, baselines_mm: Sequence[float],
               lines: Sequence[str]) -> None:
        self._text.lines(size_pt, x_mm * mm, [b * mm for b in baselines_mm], lines)


def _draw_fixed(canvas: Canvas, g: CardGeometry, address_count: int,
                ruled_mm: tuple[float, ...]) -> None:
    canvas.setStrokeGray(RULE_GREY)
    canvas.setLineWidth(RULE_WIDTH_PT)
    canvas.line(g.divider_x_mm * mm, SAFE_MARGIN_MM * mm, g.divider_x_mm * mm,
                (g.height_mm - SAFE_MARGIN_MM) * mm)
    canvas.rect(g.stamp.x * mm, g.stamp.y * mm, g.stamp.width * mm, g.stamp.height * mm)
    canvas.setLineWidth(HAIRLINE_PT)
    for i in range(address_count):
        y = (g.address.y + i * ADDRESS_PITCH_MM) * mm
        canvas.line(g.address.x * mm, y, g.address.right * mm, y)
    canvas.line(g.signature.x * mm, g.signature.y * mm, g.signature.right * mm, g.signature.y * mm)
    for y_mm in ruled_mm:
        canvas.line(g.message.x * mm, y_mm * mm, g.message.right * mm, y_mm * mm)
