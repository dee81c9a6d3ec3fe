"""N-up imposition: which card goes where on which sheet, and the cut marks between them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

from yaml.nodes import Node

from postcards.source.resources import data_file, read_table
from postcards.source.yamlsource import Reader, join

T = TypeVar("T")
N = TypeVar("N", int, float)

CUT_MARK_MM = 8.0  # cut mark length: long enough to show past a home printer's unprinted edge


@dataclass(frozen=True)
class Paper:
    """A paper size and the grid of cards imposed on each sheet of it."""

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
    """A straight line on a sheet, such as a cut mark, in millimetres."""

    x1_mm: float
    y1_mm: float
    x2_mm: float
    y2_mm: float


PAPERS_FILE = "papers.yaml"
PAPER_KEYS = ("description", "page", "card", "grid")


def load_papers(path: Path) -> Mapping[str, Paper]:
    """The paper sizes in `path`, by name; every problem is raised, located in the file."""
    return read_table(path, "papers", "paper names to sizes", _read_paper,
                      "paper sizes, like the package's data/papers.yaml")


@lru_cache(maxsize=1)
def papers() -> Mapping[str, Paper]:
    """The paper sizes of the package's papers.yaml, by name (read-only)."""
    return load_papers(data_file(PAPERS_FILE))


def _read_paper(reader: Reader, name: str, key: Node, node: Node, path: str) -> Paper | None:
    fields = reader.mapping(node, path, PAPER_KEYS, required=PAPER_KEYS)
    if fields is None or any(key not in fields for key in PAPER_KEYS):
        return None
    description = reader.text(fields["description"], join(path, "description"))
    millimetres = partial(reader.number, low=10, high=2000)
    page = _pair(reader, fields["page"], join(path, "page"), millimetres, "[width, height] in mm")
    card = _pair(reader, fields["card"], join(path, "card"), millimetres, "[width, height] in mm")
    grid = _pair(reader, fields["grid"], join(path, "grid"), partial(reader.integer, low=1, high=10),
                 "[columns, rows]")
    if description is None or page is None or card is None or grid is None:
        return None
    if grid[0] * card[0] > page[0] or grid[1] * card[1] > page[1]:
        reader.error(fields["card"], join(path, "card"), f"{grid[0]} x {grid[1]} cards of {card[0]:g} x "
                     f"{card[1]:g} mm do not fit a {page[0]:g} x {page[1]:g} mm page",
                     "make the cards smaller or the grid narrower")
        return None
    return Paper(name, description, page[0], page[1], card[0], card[1], grid[0], grid[1])


def _pair(reader: Reader, node: Node, path: str, read: Callable[[Node, str], N | None],
          what: str) -> tuple[N, N] | None:
    """Two values in a list, each read by `read`."""
    items = reader.sequence(node, path)
    if items is None:
        return None
    if len(items) != 2:
        reader.error(node, path, f"expected two values, {what}, found {len(items)}")
        return None
    first, second = read(items[0], f"{path}[0]"), read(items[1], f"{path}[1]")
    return None if first is None or second is None else (first, second)


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
