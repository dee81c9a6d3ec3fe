"""A page of text (crib, cover, summary) as lines and thin rules, every position decided."""

from __future__ import annotations

from dataclasses import dataclass


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
