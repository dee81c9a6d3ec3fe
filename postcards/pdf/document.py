"""Document assembly and writing: sheets of cards to PDF bytes, deterministic and atomic."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from postcards.layout import fonts
from postcards.layout.card import CardSpec, card_geometry
from postcards.layout.sheet import Paper, Segment, cut_marks
from postcards.layout.text import TextPage
from postcards.layout.units import pt
from postcards.pdf import reportlab_internals
from postcards.pdf.painters import CardPainter, draw_text_page
from postcards.shared.files import Writer

CUT_MARK_WIDTH_PT = 0.3
PRODUCER = "postcards"
PAGE_COMPRESSION = 3  # zlib level: a third of level 6's time for pages about 14% larger



@dataclass(frozen=True)
class CardSheet:
    """A sheet of cards: each card's layout and the bottom-left corner of its slot."""

    cards: tuple[tuple[CardSpec, tuple[float, float]], ...]


Page = CardSheet | TextPage


@dataclass(frozen=True)
class Rendered:
    """What a document drawn came to: its pages, the sheets of cards among them, its size."""

    pages: int
    sheets: int  # pages of cards
    bytes: int


class _Sink:
    """Where ReportLab writes the PDF: the output, without its file name (ReportLab would
    otherwise note the path)."""

    def __init__(self, out: Writer) -> None:
        self._out = out
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        self._out.write(data)
        return len(data)


def render_document(
    pages: Iterable[Page],
    paper: Paper,
    title: str,
    out: Writer,
    lang: str = "ru",
    progress: Callable[[int], None] | None = None,
) -> Rendered:
    """Writes the PDF of `pages` to `out`, in order: sheets of cards and pages of text (cribs,
    covers, the organiser's summary). Pages are drawn as they come and each is compressed
    once drawn, so a long run holds a sheet's cards and the compressed pages, not every card.
    Same pages, same bytes (no dates, ids, paths or user names in it); the viewer is told
    not to scale pages when printing. `progress` hears of each sheet's cards once drawn.
    Documents may be drawn on several threads at once: nothing process-wide is changed."""
    return _render(pages, paper, title, _Sink(out), lang, progress)


def render_bytes(pages: Iterable[Page], paper: Paper, title: str, lang: str = "ru") -> bytes:
    """`render_document` into memory (for small documents and tests)."""
    buffer = io.BytesIO()
    render_document(pages, paper, title, buffer, lang)
    return buffer.getvalue()


def _render(pages: Iterable[Page], paper: Paper, title: str, sink: _Sink, lang: str,
            progress: Callable[[int], None] | None) -> Rendered:
    font = fonts.regular()
    canvas = Canvas(
        sink,
        pagesize=(pt(paper.page_width_mm), pt(paper.page_height_mm)),
        invariant=1,
        pageCompression=1,
        initialFontName=font.name,
        initialFontSize=10,
        lang=lang,  # the cards' language, for screen readers and text extraction
    )
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator(PRODUCER)
    canvas.setProducer(PRODUCER)
    canvas.setViewerPreference("PrintScaling", "None")
    painter = CardPainter(canvas, card_geometry(paper.card_width_mm, paper.card_height_mm), font)
    marks = cut_marks(paper)
    count = sheets = 0
    for page in pages:
        if isinstance(page, TextPage):
            draw_text_page(canvas, page, painter.text)
        else:
            for spec, origin in page.cards:
                painter.draw(spec, origin)
            _draw_cut_marks(canvas, marks)
            sheets += 1
        canvas.showPage()
        reportlab_internals.finish_page(canvas, PAGE_COMPRESSION)
        count += 1
        if progress is not None and isinstance(page, CardSheet):
            progress(len(page.cards))
    reportlab_internals.save(canvas, sink.write)
    return Rendered(count, sheets, sink.written)


def _draw_cut_marks(canvas: Canvas, marks: Sequence[Segment]) -> None:
    canvas.setStrokeGray(0)
    canvas.setLineWidth(CUT_MARK_WIDTH_PT)
    for mark in marks:
        canvas.line(pt(mark.x1_mm), pt(mark.y1_mm), pt(mark.x2_mm), pt(mark.y2_mm))
