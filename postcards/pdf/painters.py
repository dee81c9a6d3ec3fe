"""The painters: a card's back and a page of text drawn on a canvas from fully resolved
values. They decide nothing: every size, line and position comes from `layout`."""

from __future__ import annotations

from collections.abc import Sequence

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
from postcards.layout.units import mm, pt
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
        canvas.translate(pt(origin_mm[0]), pt(origin_mm[1]))
        canvas.doForm(self._fixed(len(spec.address_lines), spec.ruled_mm))
        if spec.message.paragraphs:
            self._message(spec)
        self._lines(spec.address_size_pt, g.address.x + ADDRESS_TEXT_INSET_MM,
                    address_baselines_mm(g, len(spec.address_lines)), spec.address_lines)
        if spec.sender_lines:
            pitch = mm(spec.sender_size_pt * SENDER_LEADING)
            first = g.sender.top - mm(font.ascent * spec.sender_size_pt)
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
            canvas.beginForm(name, 0, 0, pt(g.width_mm), pt(g.height_mm))
            _draw_fixed(canvas, g, address_count, ruled_mm)
            canvas.endForm()
        return name

    def _message(self, spec: CardSpec) -> None:
        fitted, g = spec.message, self._geometry
        baseline = pt(g.message.top) - self._font.ascent * fitted.size_pt
        positions: list[float] = []
        lines: list[str] = []
        for p_index, paragraph in enumerate(fitted.paragraphs):
            if p_index:
                baseline -= fitted.gap_pt
            for line in paragraph:
                positions.append(mm(baseline))
                lines.append(line)
                baseline -= fitted.leading_pt
        self._lines(fitted.size_pt, g.message.x, positions, lines)
        self._lines(CLOSING_SIZE_PT, g.message.x, [g.closing_baseline_mm], [spec.closing])

    def _lines(self, size_pt: float, x_mm: float, baselines_mm: Sequence[float],
               lines: Sequence[str]) -> None:
        self._text.lines(size_pt, pt(x_mm), [pt(b) for b in baselines_mm], lines)


def _draw_fixed(canvas: Canvas, g: CardGeometry, address_count: int,
                ruled_mm: tuple[float, ...]) -> None:
    canvas.setStrokeGray(RULE_GREY)
    canvas.setLineWidth(RULE_WIDTH_PT)
    canvas.line(pt(g.divider_x_mm), pt(SAFE_MARGIN_MM), pt(g.divider_x_mm),
                pt(g.height_mm - SAFE_MARGIN_MM))
    canvas.rect(pt(g.stamp.x), pt(g.stamp.y), pt(g.stamp.width), pt(g.stamp.height))
    canvas.setLineWidth(HAIRLINE_PT)
    for i in range(address_count):
        y = pt(g.address.y + i * ADDRESS_PITCH_MM)
        canvas.line(pt(g.address.x), y, pt(g.address.right), y)
    canvas.line(pt(g.signature.x), pt(g.signature.y), pt(g.signature.right), pt(g.signature.y))
    for y_mm in ruled_mm:
        canvas.line(pt(g.message.x), pt(y_mm), pt(g.message.right), pt(y_mm))


def draw_text_page(canvas: Canvas, page: TextPage, writer: TextWriter) -> None:
    canvas.saveState()
    canvas.setStrokeGray(TEXT_RULE_GREY)
    canvas.setLineWidth(TEXT_RULE_WIDTH_PT)
    for rule in page.rules:
        canvas.line(pt(rule.x1_mm), pt(rule.y_mm), pt(rule.x2_mm), pt(rule.y_mm))
    for line in page.lines:
        writer.lines(line.size_pt, pt(line.x_mm), [pt(line.baseline_mm)], [line.text])
    canvas.restoreState()
