"""A page of text (crib, cover, summary) as lines and thin rules, every position decided."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """A line of text on a page, placed at its baseline."""

    x_mm: float
    baseline_mm: float
    size_pt: float
    text: str


@dataclass(frozen=True)
class TextRule:
    """A horizontal rule on a page."""

    x1_mm: float
    x2_mm: float
    y_mm: float


@dataclass(frozen=True)
class TextPage:
    """A page of text lines and rules (a crib, cover or summary), laid out and ready to draw."""

    lines: tuple[TextLine, ...]
    rules: tuple[TextRule, ...] = ()
