"""What is drawn, pinned twice. The vector strokes are read back from the PDF: each part of a
card (dividing rule, stamp box, address rules, signature line, handwriting lines) where
`card_geometry` puts it and the cut marks where `cut_marks` does, to 0.01 mm, in the design's
greys and widths. The pages are rasterised with pypdfium2 and compared with the small golden
PNGs in tests/golden/: a card sheet in Russian and in Belarusian, blank cards, a crib page and
an event cover, made through the CLI from the bundled list on a pinned day.

After an intended change to what is drawn, write the golden PNGs anew, look at them, and
commit them with the change:

    pytest tests/test_drawing.py --regenerate-golden
"""

from __future__ import annotations

import functools
import itertools
import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from helpers import MM, TODAY, Run, read_runs, reader, run
from PIL import Image, ImageChops, ImageFilter
from pypdf.generic import ContentStream

from postcards.layout import crib, fonts, pages
from postcards.layout.card import (
    ADDRESS_PITCH_MM,
    ADDRESS_TEXT_INSET_MM,
    ADDRESS_TEXT_RAISE_MM,
    CLOSING_SIZE_PT,
    SAFE_MARGIN_MM,
    CardGeometry,
    card_geometry,
)
from postcards.layout.cards import HANDWRITING_PITCH_MM, handwriting_rules_mm
from postcards.layout.sheet import CUT_MARK_MM, Paper, card_origins, cut_marks, papers
from postcards.layout.text import TextLine, TextPage, TextRule
from postcards.pdf.document import render_bytes
from postcards.source.resources import bundled_data

GOLDEN_DIR = Path(__file__).parent / "golden"

# Rasterising. At 60 dpi an A4 page is 702 x 497 pixels and its PNG 7-40 KB. pdfium draws every
# rule at least one pixel wide: a grey rule is a pixel row 70-115 levels darker than the
# paper, a cut mark 128-255 darker.
DPI = 60
# A pixel differs when it lies more than TOLERANCE grey levels outside the range (darkest to
# lightest) of the other picture's 3 x 3 pixels around it, either way round. The range
# absorbs anti-aliasing and a feature moved by up to a pixel (0.4 mm); the levels absorb a
# renderer's other small differences. A missing or moved rule differs by 69 levels or more.
# pdfium 5619, 6462 and 8149 (pypdfium2 4.0, 4.30, 5.15) draw these pages identically.
TOLERANCE = 40
# That many differing pixels are forgiven per page (a glyph drawn a little differently);
# the smallest change of the drawing tried (two cut marks 4 mm shorter) makes 18.
MAX_DIFFERENT_PIXELS = 8

EPS_MM = 0.01  # vector positions: float noise of mm -> pt -> mm is far smaller

# (command line, the page drawn, words on that page)
CASES: dict[str, tuple[tuple[str, ...], int, str]] = {
    "sheet-ru": (("make",), 0, "Чекиной Людмиле Юрьевне"),
    "sheet-be": (("make", "--lang", "be"), 0, "Чекиной Людмиле Юрьевне"),
    "blank": (("make", "--blank"), 0, "Чекиной Людмиле Юрьевне"),
    "crib": (("make", "--crib"), 1, "WRITER'S CRIB"),
    "event-cover": (("event", "--writers", "1"), 1, "Writer 1 of 1"),
    "sheet-letter": (("make", "--paper", "letter"), 0, "Чекиной Людмиле Юрьевне"),
    "sheet-a6": (("make", "--paper", "a6"), 0, "Чекиной Людмиле Юрьевне"),
}
GOLDEN = ("sheet-ru", "sheet-be", "blank", "crib", "event-cover")
CARD_CASES = {"sheet-ru": "a4", "sheet-be": "a4", "blank": "a4", "sheet-letter": "letter", "sheet-a6": "a6"}

# The greys (0 black, 1 white) and widths (pt) of the design. A width is below the raster's
# resolution (pdfium draws 0.3 pt and 1 pt alike at 60 dpi), so they are pinned here.
RULE = (0.55, 0.5)  # dividing rule, stamp box
HAIRLINE = (0.55, 0.3)  # address rules, signature line, handwriting lines
CUT_MARK = (0.0, 0.3)
TEXT_RULE = (0.6, 0.4)  # crib, cover and summary pages


@functools.cache
def made(case: str) -> bytes:
    """The PDF of `case`, made once per test session through the CLI."""
    args, page, words = CASES[case]
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "out.pdf"
        result = run(CliRunner(), args[0], bundled_data(), *args[1:], "--today", TODAY.isoformat(),
                     "--no-ledger", "-o", output)  # no settings file: see conftest.own_config_directory
        assert result.exit_code == 0, result.stderr
        data = output.read_bytes()
    assert words in reader(data).pages[page].extract_text(), f"{case}: page {page} is not the page meant"
    return data


# --- the picture ------------------------------------------------------------------------------

def rasterise(pdf: bytes, page: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    drawn_page = document[page]
    try:
        bitmap = drawn_page.render(scale=DPI / 72, grayscale=True)
        picture: Image.Image = bitmap.to_pil().convert("L").copy()
        return picture
    finally:
        drawn_page.close()  # pdfium wants the page closed before its document
        document.close()


def _outside(image: Image.Image, other: Image.Image) -> Image.Image:
    """Per pixel, how many grey levels `image` lies outside the range of `other`'s 3 x 3."""
    darkest = other.filter(ImageFilter.MinFilter(3))
    lightest = other.filter(ImageFilter.MaxFilter(3))
    return ImageChops.lighter(ImageChops.subtract(darkest, image), ImageChops.subtract(image, lightest))


def difference(actual: Image.Image, expected: Image.Image) -> Image.Image:
    """Per pixel, how far either picture lies outside the other's range around it: a mark
    only one of them has shows either way."""
    return ImageChops.lighter(_outside(actual, expected), _outside(expected, actual))


def marked(expected: Image.Image, different: Image.Image) -> Image.Image:
    """The expected picture, faded, with the differing pixels in red."""
    picture = expected.point(lambda v: 150 + v * 105 // 255).convert("RGB")
    picture.paste((255, 0, 0), mask=different)
    return picture


@pytest.mark.parametrize("case", GOLDEN)
def test_the_page_looks_like_its_golden_picture(case: str, request: pytest.FixtureRequest,
                                                tmp_path: Path) -> None:
    _, page, _ = CASES[case]
    actual = rasterise(made(case), page)
    golden = GOLDEN_DIR / f"{case}.png"
    if request.config.getoption("--regenerate-golden"):
        actual.save(golden, optimize=True)
        pytest.skip(f"wrote {golden}")
    assert golden.exists(), f"no {golden}: pytest tests/test_drawing.py --regenerate-golden writes it"
    with Image.open(golden) as stored:
        expected = stored.convert("L")
    assert actual.size == expected.size, f"{case}: {actual.size} pixels, the golden picture {expected.size}"
    diff = difference(actual, expected)
    different = diff.point(lambda v: 255 if v > TOLERANCE else 0)
    count = different.histogram()[255]
    if count > MAX_DIFFERENT_PIXELS:
        actual.save(tmp_path / f"{case}.actual.png")
        marked(expected, different).save(tmp_path / f"{case}.diff.png")
    assert count <= MAX_DIFFERENT_PIXELS, (
        f"{case}: {count} pixels differ from {golden} by more than {TOLERANCE} grey levels (at most "
        f"{MAX_DIFFERENT_PIXELS} may; the worst by {diff.getextrema()[1]}). This run's picture: "
        f"{tmp_path / f'{case}.actual.png'}; the differences in red: {tmp_path / f'{case}.diff.png'}. "
        "If the change is meant: pytest tests/test_drawing.py --regenerate-golden")


def test_the_comparison_sees_a_missing_rule_and_forgives_a_pixel() -> None:
    with Image.open(GOLDEN_DIR / "sheet-ru.png") as stored:
        expected = stored.convert("L")
    shifted = ImageChops.offset(expected, 1, 0)  # every mark one pixel (0.42 mm) to the right
    _, lightest = difference(shifted, expected).getextrema()
    assert isinstance(lightest, int) and lightest <= TOLERANCE
    g = card_geometry(148, 105)
    x = round((card_origins(papers()["a4"])[0][0] + g.divider_x_mm) * DPI / 25.4)
    without_rule = expected.copy()
    without_rule.paste(255, (x - 2, 0, x + 3, expected.height // 2))  # the top cards' dividing rule
    different = difference(without_rule, expected).point(lambda v: 255 if v > TOLERANCE else 0)
    assert different.histogram()[255] > 100


# --- the strokes --------------------------------------------------------------------------------

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Stroke:
    """A stroked straight line in millimetres on the page (left or lower end first), with the
    grey (None for a colour) and the width in points it is drawn in."""

    x1: float
    y1: float
    x2: float
    y2: float
    grey: float | None
    width_pt: float

    def moved(self, dx: float, dy: float) -> Stroke:
        return Stroke(self.x1 + dx, self.y1 + dy, self.x2 + dx, self.y2 + dy, self.grey, self.width_pt)

    @property
    def ends(self) -> tuple[float, float, float, float]:
        return self.x1, self.y1, self.x2, self.y2

    @property
    def length(self) -> float:
        return math.hypot(self.x2 - self.x1, self.y2 - self.y1)

    @property
    def style(self) -> tuple[float | None, float]:
        return self.grey, round(self.width_pt, 3)


def _then(first: Matrix, second: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _grey(operator: str, operands: Sequence[float]) -> float | None:
    if operator in ("G", "SC", "SCN") and len(operands) == 1:
        return operands[0]
    if operator in ("RG", "SC", "SCN") and len(operands) == 3 and len(set(operands)) == 1:
        return operands[0]
    if operator == "K" and not any(operands[:3]):
        return 1 - operands[3]
    return None


class _Strokes:
    """Reads a page's content and the forms it draws, keeping every stroked straight line."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.found: list[Stroke] = []

    def walk(self, content: ContentStream, resources: Any, ctm: Matrix, grey: float | None,
             width: float) -> None:
        saved: list[tuple[Matrix, float | None, float]] = []
        path: list[tuple[float, float, float, float]] = []
        start = current = (0.0, 0.0)

        def at(x: float, y: float) -> tuple[float, float]:
            a, b, c, d, e, f = ctm
            return a * x + c * y + e, b * x + d * y + f

        def to(point: tuple[float, float]) -> None:
            nonlocal current
            path.append((*current, *point))
            current = point

        for raw_operands, raw_operator in content.operations:
            operator = raw_operator.decode("latin-1") if isinstance(raw_operator, bytes) else raw_operator
            operands = [float(v) if isinstance(v, (int, float)) else v for v in raw_operands]
            if operator == "q":
                saved.append((ctm, grey, width))
            elif operator == "Q":
                ctm, grey, width = saved.pop()
            elif operator == "cm":
                ctm = _then(tuple(operands), ctm)  # type: ignore[arg-type]
            elif operator in ("G", "RG", "K", "SC", "SCN"):
                grey = _grey(operator, [float(v) for v in operands if isinstance(v, (int, float))])
            elif operator == "w":
                width = operands[0]
            elif operator == "m":
                start = current = at(operands[0], operands[1])
            elif operator == "l":
                to(at(operands[0], operands[1]))
            elif operator == "re":
                x, y, w, h = operands
                start = current = at(x, y)
                for corner in ((x + w, y), (x + w, y + h), (x, y + h), (x, y)):
                    to(at(*corner))
            elif operator == "h":
                to(start)
            elif operator in ("S", "s", "B", "B*", "b", "b*"):
                if operator in ("s", "b", "b*"):
                    to(start)
                scale = math.sqrt(abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]))
                for x1, y1, x2, y2 in path:
                    if (x2, y2) < (x1, y1):
                        x1, y1, x2, y2 = x2, y2, x1, y1
                    self.found.append(Stroke(x1 / MM, y1 / MM, x2 / MM, y2 / MM, grey, width * scale))
                path = []
            elif operator in ("n", "f", "F", "f*"):
                path = []
            elif operator == "Do":
                xobject = resources["/XObject"][operands[0]].get_object()
                if xobject.get("/Subtype") == "/Form":
                    matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
                    self.walk(ContentStream(xobject, self.pdf), xobject.get("/Resources", resources),
                              _then(matrix, ctm), grey, width)  # type: ignore[arg-type]


def strokes(pdf: bytes, page: int) -> list[Stroke]:
    """Every stroked straight line on the page, its forms' included."""
    document = reader(pdf)
    walker = _Strokes(document)
    pdf_page = document.pages[page]
    walker.walk(ContentStream(pdf_page.get_contents(), document), pdf_page["/Resources"].get_object(),
                IDENTITY, 0.0, 1.0)
    return walker.found


def segment(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    return (x1, y1, x2, y2) if (x1, y1) <= (x2, y2) else (x2, y2, x1, y1)


def drawn(found: Sequence[Stroke], wanted: Sequence[tuple[float, float, float, float]]) -> list[Stroke]:
    """The strokes drawn along `wanted`, one for each, in order; fails naming what is missing."""
    matches = []
    for ends in wanted:
        hits = [s for s in found if all(abs(a - b) <= EPS_MM for a, b in zip(s.ends, ends, strict=True))]
        assert hits, f"nothing drawn from ({ends[0]:.2f}, {ends[1]:.2f}) to ({ends[2]:.2f}, {ends[3]:.2f}) mm"
        assert len(hits) == 1, f"drawn {len(hits)} times: {ends}"
        matches.append(hits[0])
    return matches


def in_card(stroke: Stroke, origin: tuple[float, float], paper: Paper, inset: float) -> bool:
    x, y = origin
    return (min(stroke.x1, stroke.x2) >= x + inset - EPS_MM and max(stroke.x1, stroke.x2) <= x + paper.card_width_mm - inset + EPS_MM
            and min(stroke.y1, stroke.y2) >= y + inset - EPS_MM and max(stroke.y1, stroke.y2) <= y + paper.card_height_mm - inset + EPS_MM)


@dataclass(frozen=True)
class Card:
    """One card of a sheet: its strokes and text, in millimetres from its bottom-left corner."""

    strokes: tuple[Stroke, ...]
    runs: tuple[tuple[str, float, float, float], ...]  # text, x, baseline, size


def cards(case: str) -> tuple[Paper, CardGeometry, list[Card]]:
    """The cards on the case's sheet: everything drawn at least 1 mm inside a card."""
    paper = papers()[CARD_CASES[case]]
    pdf, page = made(case), CASES[case][1]
    found = strokes(pdf, page)
    runs = [r for r in read_runs(pdf) if r.page == page]
    result = []
    for ox, oy in card_origins(paper):
        mine = [s.moved(-ox, -oy) for s in found if in_card(s, (ox, oy), paper, 1.0)]
        text = tuple((r.text, r.x / MM - ox, r.y / MM - oy, r.size) for r in runs
                     if ox <= r.x / MM < ox + paper.card_width_mm and oy <= r.y / MM < oy + paper.card_height_mm)
        if mine or text:
            result.append(Card(tuple(mine), text))
    assert result
    return paper, card_geometry(paper.card_width_mm, paper.card_height_mm), result


def address_runs(card: Card, g: CardGeometry) -> list[tuple[str, float, float, float]]:
    """The address block's lines, top first."""
    return sorted((r for r in card.runs if r[1] > g.divider_x_mm and r[2] < g.stamp.y), key=lambda r: -r[2])


def handwriting(card: Card, g: CardGeometry) -> list[Stroke]:
    """The horizontal rules across the message area, above the signature line."""
    return sorted((s for s in card.strokes if s.y1 == s.y2 and s.x2 < g.divider_x_mm and s.y1 > g.signature.y + EPS_MM),
                  key=lambda s: -s.y1)


@pytest.mark.parametrize("case", CARD_CASES)
def test_the_stamp_box(case: str) -> None:
    _, g, found = cards(case)
    s = g.stamp
    assert (s.right, s.top) == pytest.approx((g.width_mm - SAFE_MARGIN_MM, g.height_mm - SAFE_MARGIN_MM))  # top right
    for card in found:
        edges = drawn(card.strokes, [segment(s.x, s.y, s.right, s.y), segment(s.right, s.y, s.right, s.top),
                                     segment(s.x, s.top, s.right, s.top), segment(s.x, s.y, s.x, s.top)])
        assert {e.style for e in edges} == {RULE}


@pytest.mark.parametrize("case", CARD_CASES)
def test_the_dividing_rule(case: str) -> None:
    _, g, found = cards(case)
    assert g.divider_x_mm == pytest.approx(g.width_mm / 2)
    for card in found:
        (rule,) = drawn(card.strokes, [segment(g.divider_x_mm, SAFE_MARGIN_MM, g.divider_x_mm,
                                               g.height_mm - SAFE_MARGIN_MM)])
        assert rule.style == RULE


@pytest.mark.parametrize("case", CARD_CASES)
def test_the_address_block_stands_on_one_rule_a_line(case: str) -> None:
    _, g, found = cards(case)
    a = g.address
    for card in found:
        lines = address_runs(card, g)
        assert len(lines) == 5
        rules = drawn(card.strokes, [segment(a.x, a.y + i * ADDRESS_PITCH_MM, a.right, a.y + i * ADDRESS_PITCH_MM)
                                     for i in range(len(lines))])
        assert {r.style for r in rules} == {HAIRLINE}
        others = [s for s in card.strokes if s.x1 == pytest.approx(a.x) and s.y1 == s.y2 and s not in rules]
        assert others == [], "more rules than address lines"
        for (text, x, baseline, _), rule in zip(lines, reversed(rules), strict=True):
            assert x == pytest.approx(a.x + ADDRESS_TEXT_INSET_MM, abs=EPS_MM), text
            assert baseline == pytest.approx(rule.y1 + ADDRESS_TEXT_RAISE_MM, abs=EPS_MM), text


@pytest.mark.parametrize("case", CARD_CASES)
def test_the_signature_line_under_the_closing(case: str) -> None:
    _, g, found = cards(case)
    sig = g.signature
    for card in found:
        (line,) = drawn(card.strokes, [segment(sig.x, sig.y, sig.right, sig.y)])
        assert line.style == HAIRLINE
        closings = [r for r in card.runs if r[1] < g.divider_x_mm and r[2] < g.message.y]
        if case == "blank":
            assert closings == []
            continue
        (closing,) = closings
        assert closing[1:] == pytest.approx((g.message.x, g.closing_baseline_mm, CLOSING_SIZE_PT), abs=EPS_MM)
        assert closing[2] > sig.y


@pytest.mark.parametrize("case", CARD_CASES)
def test_the_message_starts_at_the_top_left_of_its_box(case: str) -> None:
    _, g, found = cards(case)
    for card in found:
        message = sorted((r for r in card.runs if r[1] < g.divider_x_mm and r[2] > g.message.y), key=lambda r: -r[2])
        if case == "blank":
            assert message == []  # written by hand
            continue
        assert {round(r[1], 2) for r in message} == {round(g.message.x, 2)}
        first = message[0]
        assert first[2] == pytest.approx(g.message.top - fonts.regular().ascent * first[3] / MM, abs=EPS_MM)


@pytest.mark.parametrize("case", CARD_CASES)
def test_handwriting_lines_on_a_blank_card_only(case: str) -> None:
    _, g, found = cards(case)
    for card in found:
        lines = handwriting(card, g)
        if case != "blank":
            assert lines == []
            continue
        heights = handwriting_rules_mm(g)
        assert lines == drawn(card.strokes, [segment(g.message.x, y, g.message.right, y) for y in heights])
        assert {s.style for s in lines} == {HAIRLINE}
        assert heights[0] == pytest.approx(g.message.top - HANDWRITING_PITCH_MM)
        assert [a - b for a, b in itertools.pairwise(heights)] == pytest.approx([HANDWRITING_PITCH_MM] * (len(heights) - 1))
        assert heights[-1] - HANDWRITING_PITCH_MM < g.closing_baseline_mm < heights[-1]  # down to the closing's place


@pytest.mark.parametrize("case", CARD_CASES)
def test_nothing_else_is_drawn_on_a_card_and_all_of_it_inside_the_margin(case: str) -> None:
    _, g, found = cards(case)
    blank = case == "blank"
    for card in found:
        count = 1 + 4 + len(address_runs(card, g)) + 1 + (len(handwriting_rules_mm(g)) if blank else 0)
        assert len(card.strokes) == count
        for s in card.strokes:  # DESIGN.md: every mark at least 5 mm inside a card's edge
            assert min(s.x1, s.x2) >= 5 and max(s.x1, s.x2) <= g.width_mm - 5, s
            assert min(s.y1, s.y2) >= 5 and max(s.y1, s.y2) <= g.height_mm - 5, s


@pytest.mark.parametrize(("case", "count"), [("sheet-ru", 4), ("sheet-letter", 4), ("sheet-a6", 0)])
def test_cut_marks_on_the_cut_lines_from_the_page_edges(case: str, count: int) -> None:
    paper = papers()[CARD_CASES[case]]
    found = strokes(made(case), 0)
    origins = card_origins(paper)
    outside = [s for s in found if not any(in_card(s, o, paper, 1.0) for o in origins)]
    marks = cut_marks(paper)
    assert len(marks) == count
    drawn(outside, [segment(m.x1_mm, m.y1_mm, m.x2_mm, m.y2_mm) for m in marks])
    assert len(outside) == count
    # the cut lines: where one card's right (top) edge is another's left (bottom) edge
    inner_xs = {round(x + paper.card_width_mm, 3) for x, _ in origins} & {round(x, 3) for x, _ in origins}
    inner_ys = {round(y + paper.card_height_mm, 3) for _, y in origins} & {round(y, 3) for _, y in origins}
    for mark in outside:
        assert mark.style == CUT_MARK
        assert mark.length == pytest.approx(CUT_MARK_MM, abs=EPS_MM)
        if mark.x1 == mark.x2:  # on a vertical cut line, from the top or bottom edge
            assert round(mark.x1, 3) in inner_xs
            assert mark.y1 == pytest.approx(0, abs=EPS_MM) or mark.y2 == pytest.approx(paper.page_height_mm, abs=EPS_MM)
        else:
            assert mark.y1 == mark.y2 and round(mark.y1, 3) in inner_ys
            assert mark.x1 == pytest.approx(0, abs=EPS_MM) or mark.x2 == pytest.approx(paper.page_width_mm, abs=EPS_MM)
        for ox, oy in origins:  # on a card's edge, never inside it
            inside_x = ox + EPS_MM < mark.x1 and mark.x2 < ox + paper.card_width_mm - EPS_MM
            inside_y = oy + EPS_MM < mark.y1 and mark.y2 < oy + paper.card_height_mm - EPS_MM
            assert not (inside_x and inside_y), mark
    lines = {(m.x1 == m.x2, round(m.x1 if m.x1 == m.x2 else m.y1, 3)) for m in outside}
    assert lines == {(True, x) for x in inner_xs} | {(False, y) for y in inner_ys}  # every cut line marked


def test_a_text_page_draws_its_rules_where_the_layout_put_them() -> None:
    page = TextPage(lines=(TextLine(20, 150, 10.5, "Заголовок"),),
                    rules=(TextRule(12, 285, 160.5), TextRule(30, 100, 40)))
    found = strokes(render_bytes([page], papers()["a4"], "t"), 0)
    rules = drawn(found, [segment(12, 160.5, 285, 160.5), segment(30, 40, 100, 40)])
    assert len(found) == 2 and {r.style for r in rules} == {TEXT_RULE}


@pytest.mark.parametrize(("case", "margin", "headings"), [
    ("crib", crib.PAGE_MARGIN_MM, ("Top left: ", "Top right: ")),  # two cards: one of three is released
    ("event-cover", pages.PAGE_MARGIN_MM, ("What to do",)),
])
def test_text_page_rules_stand_in_the_gap_above_each_heading(case: str, margin: float,
                                                            headings: tuple[str, ...]) -> None:
    page = CASES[case][1]
    pdf = made(case)
    width = papers()["a4"].page_width_mm
    rules = sorted(strokes(pdf, page), key=lambda s: -s.y1)
    runs: list[Run] = sorted((r for r in read_runs(pdf) if r.page == page), key=lambda r: -r.y)
    assert len(rules) == len(headings)
    font = fonts.regular()
    for rule, heading in zip(rules, headings, strict=True):
        assert rule.style == TEXT_RULE
        assert rule.ends == pytest.approx((margin, rule.y1, width - margin, rule.y1), abs=EPS_MM)
        below = [r for r in runs if r.y / MM < rule.y1]
        above = [r for r in runs if r.y / MM > rule.y1]
        assert below[0].text.startswith(heading)
        assert below[0].y / MM + font.ascent * below[0].size / MM < rule.y1  # clear of the heading
        assert all(r.y / MM - font.descent * r.size / MM > rule.y1 for r in above)  # and of the text above
