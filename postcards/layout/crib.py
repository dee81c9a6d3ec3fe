"""The writer's crib laid out: after each sheet of cards, a page with what text/crib.py says
about each card, in the order of the cards' slots, at the largest size that fits the page;
drawing decides nothing."""

from __future__ import annotations

from collections.abc import Sequence

from postcards.layout import fonts
from postcards.layout.fit import sizes
from postcards.layout.flow import Flow
from postcards.layout.sheet import Paper
from postcards.layout.text import TextPage
from postcards.shared.errors import PostcardsError
from postcards.shared.options import CribLanguage
from postcards.text.crib import RULES, TITLE, CribEntry
from postcards.text.i18n import N_, translator

PAGE_MARGIN_MM = 10.0
SMALL_PAGE_MARGIN_MM = 6.0  # one card a page: the page is a card
COLUMN_GAP_MM = 5.0
ENTRY_GAP = 0.8  # space between entries (a rule in the middle), in lines
CRIB_SIZES_PT = sizes(9, 5.5)


def position_names(paper: Paper, lang: CribLanguage = "en") -> list[str]:
    """How a writer finds a card on its sheet: 'top left: ', ... ('' for one card a page)."""
    if paper.per_sheet == 1:
        return [""]
    if (paper.columns, paper.rows) == (2, 2):
        _ = translator(lang)
        return [_(p) + ": " for p in (N_("Top left"), N_("Top right"), N_("Bottom left"),
                                        N_("Bottom right"))]
    return [translator(lang)(N_("Card {number}")).format(number=i + 1) + ": " for i in range(paper.per_sheet)]


def crib_page(entries: Sequence[CribEntry], paper: Paper, lang: CribLanguage = "en") -> TextPage:
    """The crib page for one sheet's cards, `entries` in the order of their slots, at the
    largest size from 9 pt down to 5.5 pt that fits the page."""
    for item in entries:
        for line, field in zip(item.about, item.fields or ((None,) * len(item.about)), strict=True):
            fonts.require_glyphs((line,), f"the crib for '{item.person}'", where=item.where, field=field)
        fonts.require_glyphs((item.heading,), f"the crib for '{item.person}'", where=item.where,
                             field=item.fields[0] if item.fields else None)
        card = (item.card_label, *item.card_text, *item.english)  # the message's own text: no record to name
        fonts.require_glyphs(card, f"the crib for '{item.person}'")
    _ = translator(lang)
    title, rules = _(TITLE), tuple(_(rule) for rule in RULES)
    fonts.require_glyphs((title, *rules), "the crib")
    positions = position_names(paper, lang)
    margin = SMALL_PAGE_MARGIN_MM if paper.per_sheet == 1 else PAGE_MARGIN_MM
    for size in CRIB_SIZES_PT:
        page = Flow(margin, paper.page_width_mm - 2 * margin, paper.page_height_mm - margin, margin,
                    paged=False, break_words=False)
        page.paragraph(title, size + 1)
        for rule in rules:
            page.paragraph(rule, size)
        for index, item in enumerate(entries):
            page.rule(ENTRY_GAP / 2, size)
            page.space(ENTRY_GAP, size)
            page.paragraph(f"{positions[index]}{item.heading}", size + 1)
            for line in item.about:
                page.paragraph(line, size)
            page.columns(((item.card_label, *item.card_text), item.english), size, COLUMN_GAP_MM)
        if not page.overfull:
            return page.page()
    raise PostcardsError(f"the crib for {', '.join(repr(e.person) for e in entries)} does not fit a "
                         f"{paper.name} page even at {CRIB_SIZES_PT[-1]} pt", where=entries[0].where,
                         hint="shorten their `about` text, or make the crib on a larger --paper")
