"""What the hand-copy sheet says, in English: the card's text for a writer who cannot write
Cyrillic, and the letters people confuse in handwriting. Pure text; broken into the card's
ruled lines and laid out by layout/handcopy.py. The sheet never goes into the envelope."""

from __future__ import annotations

from dataclasses import dataclass, field

from postcards.shared.errors import SourceLocation
from postcards.shared.model import Prisoner
from postcards.shared.options import CribLanguage
from postcards.text.i18n import N_, translator
from postcards.text.messages import Message
from postcards.text.translit import known_as

HOW = N_("Each numbered line below is one ruled line of the card, counted from the top: start each "
          "on a new ruled line and do not run on. Write your first name on the short line at the bottom. "
          "Never post this sheet.")
CONFUSABLES_TITLE = N_("Letters people confuse in handwriting, and how to keep them apart")
CONFUSABLES = (
    ("и / н / п", N_("и: two uprights joined by a stroke rising to the right; н: a level bar across the "
                 "middle; п: a bar across the top. Write them as printed so one is not read as another.")),
    ("т", N_("write it like a printed т, never m (which reads as т in handwriting).")),
    ("д", N_("write it like the printed д, a small roof on two short feet that reach below the line, "
             "so it is not read as а or б.")),
    ("з", N_("like the digit 3 with its lower curve reaching below the line; do not turn it the other "
             "way round (э) or close it at the top.")),
    ("ш / щ", N_("ш: three uprights joined at the bottom, never four, never like the Latin w; щ is ш with a "
               "short tail below the line at the right: keep the tail, it is another letter.")),
    ("ь / ъ / ы", N_("ь: an upright with a small bowl at the bottom right, no taller than the other letters "
                 "(not b); ъ: ь with a short stroke to the left at the top; ы: ь and an upright close "
                 "together, one letter (not bl).")),
    ("л / м", N_("both start with a small hook at the bottom left; л has two strokes, м three with a dip in "
               "the middle. Never write м like the Latin m (which reads as т).")),
)


@dataclass(frozen=True)
class HandCopy:
    """The text of one blank card to copy by hand, as plain text."""

    person: str  # the record's id, for errors
    heading: str  # the name the writer knows the person by
    paragraphs: tuple[str, ...]  # the message's paragraphs, then its closing
    where: SourceLocation | None = field(default=None, compare=False)  # the record, for errors
    record_field: str | None = None  # the record's field, for errors
    lang: CribLanguage = "en"  # the language of the sheet's own words (the card's text stays Cyrillic)

    @property
    def title(self) -> str:
        title = translator(self.lang)("Copy this onto the card for {name}, line by line")
        return title.format(name=self.heading)


def handcopy_text(prisoner: Prisoner, message: Message, lang: CribLanguage = "en") -> HandCopy:
    """The hand-copy sheet's text for one card: `message` as rendered for `prisoner`; its own
    words in `lang`."""
    return HandCopy(person=prisoner.id, heading=known_as(prisoner.name),
                    paragraphs=(*message.paragraphs, message.closing), where=prisoner.where,
                    record_field=prisoner.field, lang=lang)
