"""The one text-flow engine: words wrapped into lines of a given width, and lines placed
top-down on a page, in millimetres. The card's message, the crib, the cover and the summary
all wrap here; what differs between them is a parameter: whether a word wider than the line
is broken or refuses the size, and whether a full page starts a new one or marks the flow
overfull (the caller then tries a smaller size)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from postcards.layout import fonts
from postcards.layout.fonts import width_per_point
from postcards.layout.text import TextLine, TextPage, TextRule
from postcards.layout.units import mm, pt

LEADING = 1.22  # line pitch as a multiple of the font size


@lru_cache(maxsize=8192)
def wrap(paragraph: str, width_pt: float, size_pt: float,
         break_words: bool = False) -> tuple[str, ...] | None:
    """Greedy wrap at spaces. A word wider than the line makes it None, or with `break_words`
    is cut where it must (a long URL). Cached: most paragraphs of a message are the same from
    card to card."""
    space = width_per_point(" ")
    limit = width_pt / size_pt
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in paragraph.split():
        for piece in _pieces(word, limit) if break_words else (word,):
            w = width_per_point(piece)
            if w > limit:
                return None
            if current and used + space + w > limit:
                lines.append(" ".join(current))
                current, used = [piece], w
            else:
                used = used + space + w if current else w
                current.append(piece)
    if current:
        lines.append(" ".join(current))
    return tuple(lines)


def _pieces(word: str, limit: float) -> Iterator[str]:
    """`word` cut into runs no wider than `limit` (at 1 pt), each as long as fits (one
    character at the least)."""
    while width_per_point(word) > limit:
        cut = next((i for i in range(len(word) - 1, 0, -1) if width_per_point(word[:i]) <= limit), 1)
        yield word[:cut]
        word = word[cut:]
    yield word


class Flow:
    """Paragraphs placed top-down between `left_mm` and `left_mm + width_mm`, from `top_mm`
    (where the first line's ascenders may reach), their descenders kept above `bottom_mm`.
    A line that would reach below it starts a new page when `paged`; otherwise, as when a
    word does not fit the line unbroken, the flow is `overfull`."""

    def __init__(self, left_mm: float, width_mm: float, top_mm: float, bottom_mm: float, *,
                 paged: bool, break_words: bool) -> None:
        self.left = left_mm
        self.width = width_mm
        self.top = top_mm
        self.bottom = bottom_mm
        self.paged = paged
        self.break_words = break_words
        self.overfull = False
        self._font = fonts.regular()
        self._y = top_mm  # where the next line's ascenders may reach
        self._pages: list[TextPage] = []
        self._lines: list[TextLine] = []
        self._rules: list[TextRule] = []

    def space(self, lines: float, size_pt: float) -> None:
        """Space above the next paragraph, in lines of `size_pt`; none at the top of a page."""
        if self._y < self.top:
            self._y -= lines * mm(size_pt * LEADING)

    def rule(self, lines: float, size_pt: float) -> None:
        """A thin rule across the column, `lines` lines of `size_pt` below where the next
        line may reach; none at the top of a page."""
        if self._y < self.top:
            y = self._y - lines * mm(size_pt * LEADING)
            self._rules.append(TextRule(self.left, self.left + self.width, y))

    def paragraph(self, text: str, size_pt: float, indent_mm: float = 0.0,
                  rule_above: float | None = None) -> None:
        """`text` wrapped and placed at `size_pt`, `indent_mm` in from the left; with
        `rule_above`, a rule that many lines above its first line, unless that line starts
        a page."""
        self._place(text, size_pt, self.left + indent_mm, self.width - indent_mm, rule_above)

    def columns(self, columns: Sequence[Sequence[str]], size_pt: float, gap_mm: float) -> None:
        """Paragraphs in columns side by side, `gap_mm` apart, each column from the current
        height; the flow goes on below the longest. On one page only: a flow that starts
        new pages has no columns."""
        if self.paged:
            raise ValueError("columns do not continue on a new page")
        start = self._y
        width = (self.width - gap_mm * (len(columns) - 1)) / len(columns)
        x, ends = self.left, []
        for texts in columns:
            self._y = start
            for text in texts:
                self._place(text, size_pt, x, width, None)
            ends.append(self._y)
            x = x + width + gap_mm
        self._y = min(ends)

    def page(self) -> TextPage:
        """What is placed on the current page."""
        return TextPage(tuple(self._lines), tuple(self._rules))

    def pages(self) -> list[TextPage]:
        """Every page, the current one too when it has lines."""
        return [*self._pages, self.page()] if self._lines else list(self._pages)

    def _place(self, text: str, size_pt: float, x_mm: float, width_mm: float,
               rule_above: float | None) -> None:
        wrapped = wrap(text, pt(width_mm), size_pt, self.break_words)
        if wrapped is None:
            self.overfull = True
            return
        pitch = mm(size_pt * LEADING)
        ascent, descent = mm(self._font.ascent * size_pt), mm(self._font.descent * size_pt)
        for index, line in enumerate(wrapped or ("",)):
            if self._y - ascent - descent < self.bottom:
                if self.paged and self._lines:
                    self._pages.append(self.page())
                    self._lines, self._rules, self._y = [], [], self.top
                else:
                    self.overfull = True
            if index == 0 and rule_above is not None and self._y < self.top:
                self._rules.append(TextRule(self.left, self.left + self.width, self._y + rule_above * pitch))
            self._lines.append(TextLine(x_mm, self._y - ascent, size_pt, line))
            self._y -= pitch
