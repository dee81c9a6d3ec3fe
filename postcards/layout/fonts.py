"""The card's fonts: PT Sans (ParaType, full Cyrillic) from a PyPI font package, registered
with ReportLab for embedding and subsetting, and the checks and measures that use it."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import fontpkg_pt_sans
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from postcards.shared.errors import PostcardsError, SourceLocation

REGULAR = "PTSans"
_FILE = "files/PT_Sans-Web-Regular.ttf"
_REGISTERING = threading.Lock()  # one registration, even when two threads start drawing at once


@dataclass(frozen=True, eq=False)  # one per registered font: compared by identity
class FontMetrics:
    """A registered font's name and its vertical extent, as fractions of the font size."""

    name: str
    ascent: float  # fraction of the font size above the baseline
    descent: float  # fraction below it (positive)


@lru_cache(maxsize=1)
def regular() -> FontMetrics:
    """Registers PT Sans with ReportLab (once) and returns its vertical metrics."""
    with _REGISTERING:
        if REGULAR not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(REGULAR, str(fontpkg_pt_sans.ROOT / _FILE)))
    ascent, descent = pdfmetrics.getAscentDescent(REGULAR)
    return FontMetrics(REGULAR, ascent / 1000, -descent / 1000)


@lru_cache(maxsize=1)
def _codepoints() -> frozenset[int]:
    """The characters the font has a glyph for: its character map, which ReportLab offers no
    call for (the one reach outside pdf/reportlab_internals.py; tests/test_fence.py checks it)."""
    regular()
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=65536)
def missing_glyphs(text: str) -> tuple[str, ...]:
    """The characters of `text` the font cannot draw, in order, each once (cached: address
    lines repeat from card to card)."""
    have = _codepoints()
    return tuple(dict.fromkeys(c for c in text if ord(c) not in have and c not in "\n\t"))


def require_glyphs(texts: Iterable[str], what: str, hint: str = "remove or replace them",
                   where: SourceLocation | None = None, field: str | None = None) -> None:
    """Raises, before anything is drawn, when a text has characters the font cannot draw:
    "`what` has characters the font cannot draw: '★' (U+2605) in '...'", for the first
    such text (the code point tells apart what the eye cannot, such as a zero-width space)."""
    for text in texts:
        missing = missing_glyphs(text)
        if missing:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            raise PostcardsError(f"{what} has characters the font cannot draw: {shown} in '{text}'",
                                 where=where, field=field, hint=hint)


@lru_cache(maxsize=131072)
def width_per_point(text: str) -> float:
    """The width of `text` in points when set at 1 pt (cached: words repeat a lot)."""
    regular()
    return float(pdfmetrics.stringWidth(text, REGULAR, 1000)) / 1000


def text_width(text: str, size_pt: float) -> float:
    return width_per_point(text) * size_pt
