"""How a Russian or Belarusian name is said, in Latin letters, for a writer who reads no Cyrillic."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType

import iuliia
from iuliia.schema import TranslitSchema
from yaml.nodes import Node

from postcards.shared.model import Language
from postcards.shared.names import Name
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader

BELARUSIAN_FILE = "translit-be.yaml"
_LATIN = re.compile(r"^[a-z]*$")


@dataclass(frozen=True)
class Transliteration:
    """Letters to Latin letters (`mapping`), and pairs of letters where the second one reads
    otherwise after the first (`prev_mapping`), as iuliia's engine takes them."""

    name: str
    mapping: Mapping[str, str]
    prev_mapping: Mapping[str, str]


def load_transliteration(path: Path) -> Transliteration:
    """A transliteration scheme; every problem is raised, located in the file."""
    return read_yaml(path, _read_scheme, "a transliteration, like the package's data/translit-be.yaml")


def _read_scheme(reader: Reader, root: Node) -> Transliteration:
    keys = ("name", "mapping", "prev_mapping")
    fields = reader.mapping(root, "", keys, required=keys) or {}
    name = reader.text(fields["name"], "name") if "name" in fields else None
    mapping = _letters(reader, fields.get("mapping"), "mapping", (1,))
    prev_mapping = _letters(reader, fields.get("prev_mapping"), "prev_mapping", (1, 2))  # 1: a word's first
    return Transliteration(name or "", mapping, prev_mapping)


def _letters(reader: Reader, node: Node | None, path: str, lengths: tuple[int, ...]) -> Mapping[str, str]:
    """Runs of letters, as long as one of `lengths`, to lower-case Latin letters (none: the
    letter is not said)."""
    if node is None:
        return MappingProxyType({})
    return MappingProxyType(reader.table(node, path, "a mapping of letters",
                                         partial(_latin, reader, lengths)))


def _latin(reader: Reader, lengths: tuple[int, ...], letters: str, key: Node, node: Node,
           path: str) -> str | None:
    if len(letters) not in lengths:
        reader.error(key, path, f"'{letters}' is not {' or '.join(map(str, lengths))} character(s) long")
        return None
    latin = reader.text(node, path, empty_too=True)
    if latin is not None and not _LATIN.match(latin):
        reader.error(node, path, f"'{latin}' is not lower-case Latin letters")
        return None
    return latin


@lru_cache(maxsize=1)
def _belarusian() -> TranslitSchema:
    scheme = load_transliteration(data_file(BELARUSIAN_FILE))
    return TranslitSchema(name=scheme.name, mapping=dict(scheme.mapping),
                          prev_mapping=dict(scheme.prev_mapping))


@lru_cache(maxsize=8192)  # given names and patronymics repeat from card to card
def said(text: str, lang: Language) -> str:
    """"Людмила Юрьевна" -> "Lyudmila Yuryevna"; Belarusian "Юр'еўна" -> "Yuryewna"."""
    schema = _belarusian() if lang == "be" else iuliia.WIKIPEDIA
    return str(schema.translate(text))


def known_as(name: Name) -> str:
    """The name a writer who reads no Cyrillic knows the person by, the same on every page
    (cover, crib, summary, tables): the data's Latin form, else the Russian given name and
    surname in Latin letters (the Belarusian ones, by Belarusian rules, for a name known only
    in Belarusian)."""
    return name.latin or said(name.ru.given_first(), "be" if name.be_only else "ru")
