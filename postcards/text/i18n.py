"""The writer's pages (crib, cover, summary) in the writer's language: gettext catalogues,
postcards/locale/<lang>/LC_MESSAGES/postcards.po with English msgids, read with Babel. A
msgid a catalogue lacks is printed in English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from postcards.shared.options import CribLanguage

DOMAIN = "postcards"
TRANSLATED: tuple[CribLanguage, ...] = ("de", "pl", "lt")


def catalogue_path(lang: CribLanguage) -> str:
    """The .po file of `lang`, inside the package."""
    return str(files("postcards") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po")


@cache
def catalogue(lang: CribLanguage) -> Mapping[str, str]:
    """msgid -> msgstr of `lang`'s catalogue; untranslated and fuzzy entries left out."""
    from babel.messages.pofile import read_po  # loaded only when a page is translated

    with open(catalogue_path(lang), "rb") as po:
        read = read_po(po, locale=lang, domain=DOMAIN)
    return MappingProxyType({str(m.id): str(m.string) for m in read
                             if m.id and isinstance(m.id, str) and m.string and not m.fuzzy})


def N_(text: str) -> str:
    """Marks `text` as a msgid where it is written, for one translated later (the extractor
    finds both `_("...")` and `N_("...")`)."""
    return text


def _identity(text: str) -> str:
    return text


def translator(lang: CribLanguage) -> Callable[[str], str]:
    """English text -> `lang`: identity for English, and for a msgid the catalogue lacks."""
    if lang == "en":
        return _identity
    table = catalogue(lang)
    return lambda text: table.get(text, text)
