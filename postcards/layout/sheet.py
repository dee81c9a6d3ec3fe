"""N-up imposition: which card goes where on which sheet, and the cut marks between them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import yaml

T = TypeVar("T")

CUT_MARK_MM = 8.0  # cut mark length: long enough to show past a home printer's unprinted edge


@dataclass(frozen=True)
class Paper:
    name: str
    description: str
    page_width_mm: float
    page_height_mm: float
    card_width_mm: float
    card_height_mm: float
    columns: int
    rows: int

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class Segment:
    x1_mm: float
    y1_mm: float
    x2_mm: float
    y2_mm: float


@lru_cache(maxsize=1)
def papers() -> dict[str, Paper]:
    """The paper sizes of the package's papers.yaml, by name."""
    text = (resources.files("postcards") / "data" / "papers.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)["papers"]
    return {
        name: Paper(name, p["description"], *p["page"], *p["card"], *p["grid"])
        for name, p in raw.items()
    }


def card_origins(paper: Paper) -> list[tuple[float, float]]:
    """Bottom-left corners of the card slots, reading order (top row first), centred."""
    left = (paper.page_width_mm - paper.columns * paper.card_width_mm) / 2
    bottom = (paper.page_height_mm - paper.rows * paper.card_height_mm) / 2
    return [
        (left + col * paper.card_width_mm, bottom + row * paper.card_height_mm)
        for row in reversed(range(paper.rows))
        for col in range(paper.columns)
    ]


def impose(cards: Sequence[T], paper: Paper) -> Iterator[list[tuple[T, tuple[float, float]]]]:
    """Sheets of (card, origin) pairs; the last sheet may be partly empty."""
    origins = card_origins(paper)
    for start in range(0, len(cards), paper.per_sheet):
        chunk = cards[start : start + paper.per_sheet]
        yield list(zip(chunk, origins, strict=False))


def cut_marks(paper: Paper) -> list[Segment]:
    """Short marks at the page edges on each inner cut line, and none for one card a page
    (a print shop trims to the page)."""
    marks: list[Segment] = []
    left = (paper.page_width_mm - paper.columns * paper.card_width_mm) / 2
    bottom = (paper.page_height_mm - paper.rows * paper.card_height_mm) / 2
    for col in range(1, paper.columns):
        x = left + col * paper.card_width_mm
        marks.append(Segment(x, 0, x, CUT_MARK_MM))
        marks.append(Segment(x, paper.page_height_mm - CUT_MARK_MM, x, paper.page_height_mm))
    for row in range(1, paper.rows):
        y = bottom + row * paper.card_height_mm
        marks.append(Segment(0, y, CUT_MARK_MM, y))
        marks.append(Segment(paper.page_width_mm - CUT_MARK_MM, y, paper.page_width_mm, y))
    return marks
