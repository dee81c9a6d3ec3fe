"""The hand-copy sheet laid out: the card's text broken into the blank card's ruled lines,
printed large and numbered line by line, then the letters people confuse in handwriting.

How the lines are broken: a line of handwriting is taken to be as wide as the same words
printed at some size, so the text is wrapped (flow.wrap) at the width of the card's ruled
line at the largest size from 16 pt down to 11 pt at which it takes no more lines than the
card has ruled lines. Each of those lines is then printed at PRINT_SIZE_PT: scaled up, the
same words, the same breaks, one printed line for one ruled line. Drawing decides nothing."""

from __future__ import annotations

from postcards.layout import fonts
from postcards.layout.card import card_geometry
from postcards.layout.cards import handwriting_rules_mm
from postcards.layout.fit import sizes
from postcards.layout.flow import Flow, wrap
from postcards.layout.sheet import Paper
from postcards.layout.text import TextPage
from postcards.layout.units import pt
from postcards.shared.errors import PostcardsError
from postcards.text.handcopy import CONFUSABLES, CONFUSABLES_TITLE, HOW, HandCopy
from postcards.text.i18n import translator

PAGE_MARGIN_MM = 10.0
SMALL_PAGE_MARGIN_MM = 6.0  # one card a page: the page is a card
WRAP_SIZES_PT = sizes(16, 11)  # how wide handwriting on the card's ruled lines is taken to be
PRINT_SIZE_PT = 18.0
TITLE_SIZE_PT = 13.0
NOTE_SIZE_PT = 9.5


def ruled_lines(text: HandCopy, paper: Paper) -> tuple[str, ...]:
    """The card's text broken into the blank card's ruled lines, each paragraph from a new
    line; refuses, naming the person, a text that takes more lines than the card has."""
    geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
    count = len(handwriting_rules_mm(geometry))
    width = pt(geometry.message.width)
    lines: tuple[str, ...] = ()
    for size in WRAP_SIZES_PT:
        wrapped = [wrap(p, width, size) for p in text.paragraphs]
        if any(w is None for w in wrapped):
            continue
        lines = tuple(line for w in wrapped if w is not None for line in w)
        if len(lines) <= count:
            return lines
    raise PostcardsError(
        f"the text of the card for '{text.person}' takes {len(lines) or 'more'} lines of handwriting; the "
        f"blank card has {count} ruled lines", where=text.where, field=text.record_field,
        hint="choose a shorter message (--message), or leave out --handcopy")


def handcopy_pages(text: HandCopy, paper: Paper) -> list[TextPage]:
    """The hand-copy sheet for one card: one page, or on a card-sized page two (the lines,
    then the letters)."""
    lines = ruled_lines(text, paper)
    what = f"the hand-copy sheet for '{text.person}'"
    fonts.require_glyphs(lines, what, where=text.where, field=text.record_field)
    fonts.require_glyphs((text.title,), what, where=text.where, field=text.record_field)
    _ = translator(text.lang)
    how, confusables_title = _(HOW), _(CONFUSABLES_TITLE)
    confusables = tuple(f"{letters}: {_(note)}" for letters, note in CONFUSABLES)
    fonts.require_glyphs((how, confusables_title, *confusables), what)
    margin = SMALL_PAGE_MARGIN_MM if paper.per_sheet == 1 else PAGE_MARGIN_MM
    width = paper.page_width_mm - 2 * margin
    page = Flow(margin, width, paper.page_height_mm - margin, margin, paged=True, break_words=False)
    page.paragraph(text.title, TITLE_SIZE_PT)
    page.paragraph(how, NOTE_SIZE_PT)
    page.space(0.5, NOTE_SIZE_PT)
    for number, line in enumerate(lines, 1):
        numbered = f"{number}. {line}"
        if len(wrap(numbered, pt(width), PRINT_SIZE_PT) or ()) != 1:
            raise ValueError(f"line {number} of {what} is wider than the page")
        page.paragraph(numbered, PRINT_SIZE_PT)
    page.rule(0.5, NOTE_SIZE_PT)
    page.space(1, NOTE_SIZE_PT)
    page.paragraph(confusables_title, NOTE_SIZE_PT + 1.5)
    for line in confusables:
        page.paragraph(line, NOTE_SIZE_PT)
    return page.pages()
