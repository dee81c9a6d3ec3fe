"""Every reach into ReportLab's internals, in one place, each on one canvas's own document.

Speed and memory need a few things ReportLab does not offer as API. Each reach here works on
the objects of one document and changes nothing process-wide: no `rl_config` setting, no
module attribute, no class is replaced. Two documents drawn at once on two threads therefore
cannot see each other, there is nothing to restore after an error, and there is no lock to
hold (a lock would only guard a global, and none is touched).

The reaches, and why:

1. `canvas._doc`: the canvas's `PDFDocument`; every reach below works on it.
2. Pages compressed as they are finished (`finish_page`): ReportLab keeps each page's drawing
   as text until the document is saved (150 MB at 100,000 cards). The page just shown is
   `doc.Pages.pages[-1]`; its `.stream` (text) becomes `.Contents`, a `PDFStream` already
   compressed and marked `/Filter [/FlateDecode]`. `PDFPage.check_format` keeps a `Contents`
   it finds, and `PDFStream.format` applies no filter to a dictionary that already names one.
3. Forms compressed by the same rule before saving: a `PDFFormXObject` (in `doc.idToObject`)
   with `.compression` set would otherwise be filtered at save time with ASCII85 on top when
   the global `rl_config.useA85` is on (its default). Compressed here, with ReportLab's own
   `zlib.compress` at its default level, the form's bytes are what ReportLab writes with
   `useA85 = 0`, and no global is read for them or changed. Pages, forms and the embedded
   font (always plain Flate in ReportLab) are the document's only streams.
4. Streamed save (`save`): `PDFDocument.format` collects every formatted object in a
   `PDFFile` and joins them before writing a byte (twice the file in memory at the end of a
   long run). It finds `PDFFile` as a global of its module at call time; here ReportLab's own
   `format` runs as this document's method with that one name bound, in a copy of the
   module's globals, to a collector that writes each part as it is added. The file is the
   same, byte for byte; the module and the class are untouched.
5. `TTFont.splitString(text, doc)` and `TTFont.getSubsetInternalName(subset, doc)`: the
   dynamic-font interface `reportlab.pdfbase.ttfonts` documents, which needs the document
   (reach 1); `FontSubsets` binds them to one canvas. The font's per-document state is keyed
   by document in ReportLab, so two documents share nothing through it.

One read stays outside this module: `layout/fonts.py` reads the font's character map
(`TTFont.face.charToGlyph`) to refuse text the font cannot draw. Layout may not import this
layer, and the read changes nothing; the same canary tests cover it.

Checked against ReportLab 4.0.0, 4.5.1, 5.0.1 and 5.1.0 (setup.cfg allows no newer).
`tests/test_fence.py` fails when a release changes any of these: it checks each attribute
and signature relied on, that the streamed file equals a plain `save()`, and that two
documents drawn on two threads at once are each the bytes of the document drawn alone.
"""

from __future__ import annotations

import functools
import types
import zlib
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

Write = Callable[[bytes], object]


def finish_page(canvas: Canvas, level: int) -> None:
    """Compresses the page `canvas.showPage()` just finished, at zlib `level` (reach 2)."""
    page = canvas._doc.Pages.pages[-1]
    page.Contents = _flate(zlib.compress(page.stream.encode("latin-1"), level), "page stream")
    page.stream = None


def save(canvas: Canvas, write: Write) -> None:
    """`canvas.save()`, each part of the file passed to `write` as it is formatted; every
    page must have been finished with `finish_page` (reaches 3 and 4)."""
    doc = canvas._doc
    _compress_forms(doc)
    doc.format = types.MethodType(_streaming_format(type(doc).format, write), doc)
    canvas.save()


class FontSubsets:
    """One TrueType font's subsets in one canvas's document (reach 5)."""

    def __init__(self, canvas: Canvas, font_name: str) -> None:
        self._doc = canvas._doc
        self._font = pdfmetrics.getFont(font_name)

    def split(self, text: str) -> list[tuple[int, bytes]]:
        """`text` as runs of (subset, character codes in that subset)."""
        parts: list[tuple[int, bytes]] = self._font.splitString(text, self._doc)
        return parts

    def name(self, subset: int) -> str:
        """The PDF font resource name of `subset`, e.g. /F1+0."""
        name: str = self._font.getSubsetInternalName(subset, self._doc)
        return name


def _flate(data: bytes, comment: str) -> Any:
    stream = PDFStream(content=data)
    stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
    stream.__Comment__ = comment
    return stream


def _compress_forms(doc: Any) -> None:
    for item in doc.idToObject.values():
        if isinstance(item, pdfdoc.PDFFormXObject) and item.compression and item.Contents is None \
                and item.stream:
            data = item.stream.encode("utf-8") if isinstance(item.stream, str) else item.stream
            item.Contents = _flate(zlib.compress(data), "xobject form stream")  # as PDFZCompress


def _streaming_format(format_: types.FunctionType, write: Write) -> types.FunctionType:
    """ReportLab's `PDFDocument.format`, collecting into a `_StreamedFile` (reach 4)."""
    names = dict(format_.__globals__)
    names["PDFFile"] = functools.partial(_StreamedFile, write)
    return types.FunctionType(format_.__code__, names, format_.__name__, format_.__defaults__,
                              format_.__closure__)


class _StreamedFile(pdfdoc.PDFFile):  # type: ignore[misc]
    """ReportLab's output collector, writing each part when it is added instead of keeping it."""

    def __init__(self, write: Write, pdf_version: Any) -> None:
        super().__init__(pdf_version)
        for part in self.strings:  # the header
            write(part)
        self.strings: list[bytes] = []
        self.write = write

    def format(self, document: Any) -> bytes:
        return b""
