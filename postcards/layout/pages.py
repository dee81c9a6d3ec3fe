"""Pages of plain text for the people at a letter-writing evening (a writer's cover sheet,
the organiser's summary): paragraphs set by their kind, wrapped and flowed onto as many
pages as they need. Laid out here; drawing decides nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from postcards.layout import fonts
from postcards.layout.flow import Flow
from postcards.layout.sheet import Paper
from postcards.layout.text import TextPage
from postcards.text.outline import Para, ParaKind

PAGE_MARGIN_MM = 12.0
SMALL_PAGE_MARGIN_MM = 6.0  # one card a page: the page is a card
TITLE_PT = 14.0
HEADING_PT = 10.5
BODY_PT = 9.0
SMALL_BODY_PT = 7.5  # on a card-sized page
INDENT_MM = 5.0
RULE_ABOVE = 0.3  # a heading's rule above its first line, in lines


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
    fonts.require_glyphs((para.text for para in paras), "a summary or cover sheet",
                         hint="`postcards check` names the record; remove or replace them there")
    column = Flow(margin, paper.page_width_mm - 2 * margin, paper.page_height_mm - margin, margin,
                  paged=True, break_words=True)
    for para in paras:
        style = _STYLES[para.kind]
        size = SMALL_BODY_PT if small and style.size_pt == BODY_PT else style.size_pt
        column.space(style.space_before, size)
        column.paragraph(para.text, size, style.indent_mm, RULE_ABOVE if style.rule_above else None)
    return column.pages()
