"""The writer's pages (crib, cover, summary, hand-copy sheet) in the writer's language:
gettext catalogues, postcards/locale/<lang>/LC_MESSAGES/postcards.po with English msgids,
read with Babel and compiled in memory, once a run. A msgid a catalogue lacks is printed
in English."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from io import BytesIO

from postcards.shared.options import CribLanguage

DOMAIN = "postcards"
TRANSLATED: tuple[CribLanguage, ...] = ("de", "pl", "lt")


def N_(text: str) -> str:
    """Marks `text` as a msgid where it is written, for one translated later (the extractor
    finds both `_("...")` and `N_("...")`)."""
    return text


def catalogue_path(lang: CribLanguage) -> str:
    """The .po file of `lang`, inside the package."""
    return str(files("postcards") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po")


@cache
def translations(lang: CribLanguage) -> gettext.NullTranslations:
    """`lang`'s catalogue (fuzzy entries left out); English: none."""
    if lang == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # loaded only when a page is translated
    from babel.messages.pofile import read_po

    with open(catalogue_path(lang), "rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translator(lang: CribLanguage) -> Callable[[str], str]:
    """English text -> `lang`: identity for English, and for a msgid the catalogue lacks."""
    return translations(lang).gettext


def plural_translator(lang: CribLanguage) -> Callable[[str, str, int], str]:
    """(singular, plural, count) -> `lang`'s form for `count`, by the catalogue's plural rule."""
    return translations(lang).ngettext
