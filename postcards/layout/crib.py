"""The writer's crib: a sheet in English after each sheet of cards, saying who each person is,
what their card says and how their name is said. It never goes into the envelope.

Everything is laid out here, at the largest size that fits the page; drawing decides nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from postcards.layout import fonts
from postcards.layout.fit import sizes
from postcards.layout.flow import Flow
from postcards.layout.sheet import Paper
from postcards.layout.text import TextPage
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday, Prisoner, Sentence
from postcards.text.messages import Message, name_forms
from postcards.text.occasions import next_birthday
from postcards.text.translit import known_as, said

PAGE_MARGIN_MM = 10.0
SMALL_PAGE_MARGIN_MM = 6.0  # one card a page: the page is a card
COLUMN_GAP_MM = 5.0
ENTRY_GAP = 0.8  # space between entries (a rule in the middle), in lines
CRIB_SIZES_PT = sizes(9, 5.5)
TITLE = "WRITER'S CRIB: for you, not for the envelope. Never post this sheet."
RULES = (
    "1. Only Russian or Belarusian on the card: a word in any other language gets it thrown away. "
    "Check words you add with `postcards lint`.",
    "2. No politics, war or news, nothing about the person's case or sentence, "
    "not the words \"freedom\" or \"fight\".",
    "3. Write about everyday life: seasons, nature, books, pets; wish health and strength.",
    "4. Sign with your first name in Cyrillic; a return address is optional; drawings are welcome.",
    "5. Check the address at prisoners.spring96.org before posting; mail takes about three weeks.",
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class CribEntry:
    """What the crib says about one card, as plain text; laid out later."""

    heading: str
    about: tuple[str, ...]
    card_label: str
    card_text: tuple[str, ...]
    english: tuple[str, ...]


@lru_cache(maxsize=1)
def _articles() -> dict[str, str]:
    text = (resources.files("postcards") / "data" / "articles.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yaml.safe_load(text)["articles"].items()}


def sentence_words(sentence: Sentence) -> str:
    """"12 years, general regime; Criminal Code art. 361 (calls for ...), 130 (...)"."""
    parts = []
    if sentence.years is not None:
        parts.append(f"{sentence.years:g} year{'' if sentence.years == 1 else 's'}")
    if sentence.regime:
        parts.append(f"{sentence.regime} regime")
    composed = ", ".join(parts)
    if sentence.articles:
        meanings = _articles()
        articles = ", ".join(f"{a} ({meanings[a]})" if a in meanings else a for a in sentence.articles)
        label = "art." if len(sentence.articles) == 1 else "arts."
        code = f"Criminal Code {label} {articles}"
        composed = f"{composed}; {code}" if composed else code
    return composed or sentence.text or ""


def birthday_words(born: Birthday, today: date) -> str:
    """"21 May (turns 49 in 2027)", or "21 May" when the year is unknown."""
    words = f"{born.day} {_MONTHS[born.month - 1]}"
    if born.year is None:
        return words
    coming = next_birthday(born, today)
    return f"{words} (turns {coming.year - born.year} in {coming.year})"


def entry(prisoner: Prisoner, message: Message, position: str, blank: bool, today: date) -> CribEntry:
    """The crib's text for one card."""
    parts = name_forms(prisoner, message.lang)
    full = " ".join(p for p in (parts.given, parts.patronymic, parts.surname) if p)
    name = known_as(prisoner.name)
    pronoun = "her" if prisoner.gender == "female" else "him"
    about = [f"Say: \"{said(full, message.lang)}\" ({full}). The card calls {pronoun} "
             f"\"{message.name_said}\"."]
    if prisoner.about:
        about.append(f"Who: {prisoner.about}" + ("" if prisoner.about.endswith((".", "!", "?")) else "."))
    if prisoner.sentence is not None:
        about.append(f"Sentence (never mention it on the card): {sentence_words(prisoner.sentence)}.")
    if prisoner.born is not None:
        about.append(f"Birthday: {birthday_words(prisoner.born, today)}.")
    label = "Copy this onto the card by hand:" if blank else "On the card:"
    english = message.english if message.english is not None else ("(your own text)",)
    return CribEntry(
        heading=f"{position}{name}",
        about=tuple(about),
        card_label=label,
        card_text=(*message.paragraphs, message.closing),
        english=("What it says:", *english),
    )


def position_names(paper: Paper) -> list[str]:
    """How a writer finds a card on its sheet: 'top left: ', ... ('' for one card a page)."""
    if paper.per_sheet == 1:
        return [""]
    if (paper.columns, paper.rows) == (2, 2):
        return ["Top left: ", "Top right: ", "Bottom left: ", "Bottom right: "]
    return [f"Card {i + 1}: " for i in range(paper.per_sheet)]


def crib_page(cards: Sequence[tuple[Prisoner, Message]], paper: Paper, blank: bool, today: date) -> TextPage:
    """The crib page for one sheet's cards, in the order of their slots."""
    names = position_names(paper)
    entries = [entry(p, m, names[i], blank, today) for i, (p, m) in enumerate(cards)]
    return layout_page(entries, paper, [p.id for p, _ in cards])


def layout_page(entries: Sequence[CribEntry], paper: Paper, ids: Sequence[str]) -> TextPage:
    """The entries at the largest size from 9 pt down to 5.5 pt that fits the page."""
    _check_glyphs(entries, ids)
    margin = SMALL_PAGE_MARGIN_MM if paper.per_sheet == 1 else PAGE_MARGIN_MM
    for size in CRIB_SIZES_PT:
        page = Flow(margin, paper.page_width_mm - 2 * margin, paper.page_height_mm - margin, margin,
                    paged=False, break_words=False)
        page.paragraph(TITLE, size + 1)
        for rule in RULES:
            page.paragraph(rule, size)
        for item in entries:
            page.rule(ENTRY_GAP / 2, size)
            page.space(ENTRY_GAP, size)
            page.paragraph(item.heading, size + 1)
            for line in item.about:
                page.paragraph(line, size)
            page.columns(((item.card_label, *item.card_text), item.english), size, COLUMN_GAP_MM)
        if not page.overfull:
            return page.page()
    raise PostcardsError(f"the crib for {', '.join(repr(i) for i in ids)} does not fit a "
                         f"{paper.name} page even at {CRIB_SIZES_PT[-1]} pt",
                         hint="shorten their `about` text, or make the crib on a larger --paper")


def _check_glyphs(entries: Sequence[CribEntry], ids: Sequence[str]) -> None:
    for item, person in zip(entries, ids, strict=True):
        fonts.require_glyphs((item.heading, *item.about, item.card_label, *item.card_text, *item.english),
                             f"the crib for '{person}'")
