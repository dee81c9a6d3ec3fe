"""Drawing a page of text (crib, cover, summary): lines and thin rules, every position decided."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .pdftext import TextWriter

RULE_GREY = 0.6
RULE_WIDTH_PT = 0.4


@dataclass(frozen=True)
class TextLine:
    x_mm: float
    baseline_mm: float
    size_pt: float
    text: str


@dataclass(frozen=True)
class TextRule:
    x1_mm: float
    x2_mm: float
    y_mm: float


@dataclass(frozen=True)
class TextPage:
    lines: tuple[TextLine, ...]
    rules: tuple[TextRule, ...] = ()


def draw_text_page(canvas: Canvas, page: TextPage, writer: TextWriter) -> None:
    canvas.saveState()
    canvas.setStrokeGray(RULE_GREY)
    canvas.setLineWidth(RULE_WIDTH_PT)
    for rule in page.rules:
        canvas.line(rule.x1_mm * mm, rule.y_mm * mm, rule.x2_mm * mm, rule.y_mm * mm)
    for line in page.lines:
        writer.lines(line.size_pt, line.x_mm * mm, [line.baseline_mm * mm], [line.text])
    canvas.restoreState()
