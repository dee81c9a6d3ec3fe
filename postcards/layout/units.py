"""Millimetres and points: layout measures in millimetres, the canvas and the font in points,
and this is the one place that converts between them."""

from __future__ import annotations

PT_PER_MM = 72 / 25.4  # a point is 1/72 inch, an inch 25.4 mm


def pt(length_mm: float) -> float:
    """A length in millimetres, in points."""
    return length_mm * PT_PER_MM


def mm(length_pt: float) -> float:
    """A length in points, in millimetres."""
    return length_pt / PT_PER_MM
