"""How a Russian or Belarusian name is said, in Latin letters, for a writer who reads no Cyrillic."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import iuliia
import yaml
from iuliia.schema import TranslitSchema

from postcards.shared.model import Language
from postcards.shared.names import Name


@lru_cache(maxsize=1)
def _belarusian() -> TranslitSchema:
    source = resources.files("postcards") / "data" / "translit-be.yaml"
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    return TranslitSchema(name=spec["name"], mapping=spec["mapping"], prev_mapping=spec["prev_mapping"])


@lru_cache(maxsize=8192)  # given names and patronymics repeat from card to card
def said(text: str, lang: Language) -> str:
    """"Людмила Юрьевна" -> "Lyudmila Yuryevna"; Belarusian "Юр'еўна" -> "Yuryewna"."""
    schema = _belarusian() if lang == "be" else iuliia.WIKIPEDIA
    return str(schema.translate(text))


def known_as(name: Name) -> str:
    """The name a writer who reads no Cyrillic knows the person by, the same on every page
    (cover, crib, summary, tables): the data's Latin form, else the Russian given name and
    surname in Latin letters."""
    return name.latin or said(name.ru.given_first(), "ru")
