"""The painters: a card's back and a page of text drawn on a canvas from fully resolved
values. They decide nothing: every size, line and position comes from `layout`."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from postcards.layout.card import (
    ADDRESS_PITCH_MM,
    ADDRESS_TEXT_INSET_MM,
    CLOSING_SIZE_PT,
    HAIRLINE_PT,
    RULE_GREY,
    RULE_WIDTH_PT,
    SAFE_MARGIN_MM,
    SENDER_LEADING,
    CardGeometry,
    CardSpec,
    address_baselines_mm,
)
from postcards.layout.fonts import FontMetrics
from postcards.layout.text import TextPage
from postcards.pdf.textwriter import TextWriter

TEXT_RULE_GREY = 0.6
TEXT_RULE_WIDTH_PT = 0.4


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


def draw_text_page(canvas: Canvas, page: TextPage, writer: TextWriter) -> None:
    canvas.saveState()
    canvas.setStrokeGray(TEXT_RULE_GREY)
    canvas.setLineWidth(TEXT_RULE_WIDTH_PT)
    for rule in page.rules:
        canvas.line(rule.x1_mm * mm, rule.y_mm * mm, rule.x2_mm * mm, rule.y_mm * mm)
    for line in page.lines:
        writer.lines(line.size_pt, line.x_mm * mm, [line.baseline_mm * mm], [line.text])
    canvas.restoreState()
