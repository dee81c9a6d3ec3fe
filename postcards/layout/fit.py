"""Fitting text into boxes: the largest size at which it fits, wrapped by the flow engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from postcards.layout.flow import LEADING, wrap
from postcards.layout.fonts import FontMetrics, width_per_point

PARAGRAPH_GAP = 0.4  # extra space between paragraphs, in lines


@dataclass(frozen=True)
class FittedText:
    """Paragraphs wrapped into lines at the size that fits their box."""

    paragraphs: tuple[tuple[str, ...], ...]  # wrapped lines, per paragraph
    size_pt: float

    @property
    def leading_pt(self) -> float:
        return self.size_pt * LEADING

    @property
    def gap_pt(self) -> float:
        return self.leading_pt * PARAGRAPH_GAP


def lines_height(count: int, size_pt: float, leading_pt: float, font: FontMetrics) -> float:
    """From the top of the first line's ascenders to the bottom of the last one's descenders."""
    return (font.ascent + font.descent) * size_pt + (count - 1) * leading_pt


def text_height(fitted: FittedText, font: FontMetrics) -> float:
    lines = sum(len(p) for p in fitted.paragraphs)
    gaps = max(len(fitted.paragraphs) - 1, 0)
    return lines_height(lines, fitted.size_pt, fitted.leading_pt, font) + gaps * fitted.gap_pt


def fit_paragraphs(
    paragraphs: Sequence[str],
    width_pt: float,
    height_pt: float,
    sizes_pt: Sequence[float],
    font: FontMetrics,
) -> FittedText | None:
    """The paragraphs wrapped at the largest size that fits the box, or None if none does."""
    for size in sizes_pt:
        wrapped = [wrap(p, width_pt, size) for p in paragraphs]
        if any(w is None for w in wrapped):
            continue
        fitted = FittedText(tuple(w for w in wrapped if w is not None), size)
        if text_height(fitted, font) <= height_pt:
            return fitted
    return None


def fit_lines(lines: Sequence[str], width_pt: float, sizes_pt: Sequence[float]) -> float | None:
    """The largest size at which every line fits the width unbroken, or None."""
    widest = max((width_per_point(line) for line in lines), default=0.0)
    for size in sizes_pt:
        if widest * size <= width_pt:
            return size
    return None


def fit_block(lines: Sequence[str], width_pt: float, height_pt: float, sizes_pt: Sequence[float],
              leading: float, font: FontMetrics) -> float | None:
    """The largest size at which the unbroken lines fit the box in width and height, or None."""
    widest = max((width_per_point(line) for line in lines), default=0.0)
    for size in sizes_pt:
        if widest * size <= width_pt and lines_height(len(lines), size, size * leading, font) <= height_pt:
            return size
    return None


def sizes(largest: float, smallest: float, step: float = 0.5) -> tuple[float, ...]:
    count = round((largest - smallest) / step)
    return tuple(largest - i * step for i in range(count + 1))
