"""Lines of text in one TrueType font, written as PDF text operators.

ReportLab's `textOut` encodes every string into the embedded font's subsets each time it is
drawn, the largest cost of a long run; cards repeat most of their lines (institution,
street, country, greeting, closing), so each distinct string is encoded once per document
here. The font, its subsets and its embedding stay ReportLab's.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfgen.canvas import Canvas

from postcards.pdf.reportlab_internals import FontSubsets

CACHE_LIMIT = 20_000  # strings; the cache is emptied when full, so memory does not grow with N


class TextWriter:
    """Draws lines on one canvas in one font; `lines` takes positions in points."""

    def __init__(self, canvas: Canvas, font_name: str) -> None:
        self._canvas = canvas
        self._subsets = FontSubsets(canvas, font_name)
        self._encoded: dict[str, tuple[tuple[int, str], ...]] = {}
        self._subset_names: dict[int, str] = {}

    def lines(self, size_pt: float, x_pt: float, baselines_pt: Sequence[float], lines: Sequence[str]) -> None:
        """Each line left-aligned at `x_pt` on its baseline, in one text object."""
        code = ["BT"]
        subset = -1
        size = fp_str(size_pt)
        for baseline, line in zip(baselines_pt, lines, strict=True):
            code.append(f"1 0 0 1 {fp_str(x_pt, baseline)} Tm")
            for part_subset, escaped in self._encode(line):
                if part_subset != subset:
                    code.append(f"{self._subset_name(part_subset)} {size} Tf")
                    subset = part_subset
                code.append(f"({escaped}) Tj")
        code.append("ET")
        self._canvas.addLiteral("\n".join(code))

    def _encode(self, text: str) -> tuple[tuple[int, str], ...]:
        found = self._encoded.get(text)
        if found is None:
            if len(self._encoded) >= CACHE_LIMIT:
                self._encoded.clear()
            found = tuple((subset, escapePDF(data)) for subset, data in self._subsets.split(text))
            self._encoded[text] = found
        return found

    def _subset_name(self, subset: int) -> str:
        name = self._subset_names.get(subset)
        if name is None:
            name = self._subset_names[subset] = self._subsets.name(subset)
        return name
