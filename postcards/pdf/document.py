"""Document assembly and writing: sheets of cards to PDF bytes, deterministic and atomic."""

from __future__ import annotations

import errno
import io
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reportlab.pdfgen.canvas import Canvas

from postcards.layout import fonts
from postcards.layout.card import CardSpec, card_geometry
from postcards.layout.sheet import Paper, Segment, cut_marks
from postcards.layout.text import TextPage
from postcards.layout.units import pt
from postcards.pdf import reportlab_internals
from postcards.pdf.painters import CardPainter, draw_text_page
from postcards.shared.errors import PostcardsError

CUT_MARK_WIDTH_PT = 0.3
PRODUCER = "postcards"
PAGE_COMPRESSION = 3  # zlib level: a third of level 6's time for pages about 14% larger
PART_NAME_TRIES = 100  # random names for the temporary file, as the standard library's tempfile


@dataclass(frozen=True)
class CardSheet:
    """A sheet of cards: each card's layout and the bottom-left corner of its slot."""

    cards: tuple[tuple[CardSpec, tuple[float, float]], ...]


Page = CardSheet | TextPage


@dataclass(frozen=True)
class Rendered:
    pages: int
    sheets: int  # pages of cards
    bytes: int


class _Sink:
    """Where ReportLab writes the PDF: the output, without its file name (ReportLab would
    otherwise note the path)."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self._out.write(data)


def render_document(
    pages: Iterable[Page],
    paper: Paper,
    title: str,
    out: IO[bytes],
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


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A file to write that appears at `path` only when the block ends without an error;
    an earlier file at `path` stays as it was until then. The directory is checked first,
    so a bad path fails before any work is done."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise PostcardsError(f"{path}: is a directory", hint="give a file name, e.g. postcards.pdf")
    if not parent.is_dir():
        raise PostcardsError(f"{path}: the directory {parent} does not exist",
                             hint="create it first or choose another output path")
    _refuse_to_replace_other_files(path)
    try:
        part, handle = _new_part_file(parent, path.name)
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot write in {parent}: {exc.strerror}",
                             hint="choose a directory you can write to") from None
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(part, path)
        except OSError as exc:
            raise PostcardsError(f"{path}: cannot write: {exc.strerror}",
                                 hint="choose a path you can write to") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _new_part_file(parent: Path, name: str) -> tuple[Path, IO[bytes]]:
    """A new file beside the output, under a name no other run picks, with the mode any new
    file gets (0o666 less the umask, applied by the system: the umask is not read here)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(PART_NAME_TRIES):
        part = parent / f".{name}.{secrets.token_hex(6)}.part"
        try:
            return part, os.fdopen(os.open(part, flags, 0o666), "wb")
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", str(parent))


def _refuse_to_replace_other_files(path: Path) -> None:
    """An earlier PDF may be replaced; anything else (a data file given as -o by mistake) not."""
    try:
        with path.open("rb") as existing:
            head = existing.read(5)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read the existing file: {exc.strerror}") from None
    if head != b"%PDF-":
        raise PostcardsError(f"{path}: exists and is not a PDF; not replacing it",
                             hint="choose another output path, e.g. -o postcards.pdf")
