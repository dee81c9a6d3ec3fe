"""Pages of plain text for the people at a letter-writing evening (a writer's cover sheet,
the organiser's summary): paragraphs set by their kind, wrapped and flowed onto as many
pages as they need. Laid out here; drawing decides nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from postcards.layout import fonts
from postcards.layout.fit import LEADING, wrap
from postcards.layout.fonts import width_per_point
from postcards.layout.sheet import Paper
from postcards.layout.text import TextLine, TextPage, TextRule
from postcards.layout.units import mm, pt
from postcards.text.outline import Para, ParaKind

PAGE_MARGIN_MM = 12.0
SMALL_PAGE_MARGIN_MM = 6.0  # one card a page: the page is a card
TITLE_PT = 14.0
HEADING_PT = 10.5
BODY_PT = 9.0
SMALL_BODY_PT = 7.5  # on a card-sized page
INDENT_MM = 5.0


@dataclass(frozen=True)
class _Style:
    """How a kind of paragraph is set: size, left indent, space above it in lines, a rule above."""

    size_pt: float
    indent_mm: float = 0.0
    space_before: float = 0.4
    rule_above: bool = False


_STYLES: dict[ParaKind, _Style] = {
    "title": _Style(TITLE_PT),
    "heading": _Style(HEADING_PT, space_before=0.8, rule_above=True),
    "body": _Style(BODY_PT),
    "item": _Style(BODY_PT, indent_mm=INDENT_MM, space_before=0.0),
}


def flow(paras: Sequence[Para], paper: Paper) -> list[TextPage]:
    """The paragraphs top to bottom, continued on a new page when one is full. On a
    card-sized page the body is a little smaller."""
    small = paper.per_sheet == 1
    margin = SMALL_PAGE_MARGIN_MM if small else PAGE_MARGIN_MM
    width = paper.page_width_mm - 2 * margin
    top = paper.page_height_mm - margin
    font = fonts.regular()
    fonts.require_glyphs((para.text for para in paras), "a summary or cover sheet",
                         hint="`postcards check` names the record; remove or replace them there")
    pages: list[TextPage] = []
    lines: list[TextLine] = []
    rules: list[TextRule] = []
    y = top  # where the next line's ascenders may reach
    for para in paras:
        style = _STYLES[para.kind]
        size = SMALL_BODY_PT if small and style.size_pt == BODY_PT else style.size_pt
        pitch = mm(size * LEADING)
        if y < top:
            y -= style.space_before * pitch
        for index, text in enumerate(_wrap(para.text, pt(width - style.indent_mm), size)):
            baseline = y - mm(font.ascent * size)
            if baseline - mm(font.descent * size) < margin and lines:
                pages.append(TextPage(tuple(lines), tuple(rules)))
                lines, rules, y = [], [], top
                baseline = y - mm(font.ascent * size)
            if index == 0 and style.rule_above and y < top:
                rules.append(TextRule(margin, margin + width, y + pitch * 0.3))
            lines.append(TextLine(margin + style.indent_mm, baseline, size, text))
            y -= pitch
    if lines:
        pages.append(TextPage(tuple(lines), tuple(rules)))
    return pages


def _wrap(text: str, width_pt: float, size_pt: float) -> tuple[str, ...]:
    """Wrapped at spaces; a word longer than the line (a long URL) is broken where it must."""
    wrapped = wrap(text, width_pt, size_pt)
    if wrapped is not None:
        return wrapped or ("",)
    limit = width_pt / size_pt
    words: list[str] = []
    for word in text.split():
        while width_per_point(word) > limit:
            cut = next((i for i in range(len(word) - 1, 0, -1) if width_per_point(word[:i]) <= limit), 1)
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return wrap(" ".join(words), width_pt, size_pt) or ("",)
