"""The built-in registry of Belarusian penal institutions, and reading institution mappings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache, partial
from pathlib import Path

from yaml.nodes import Node

from postcards.shared.model import Institution
from postcards.shared.script import foreign_letter_problem
from postcards.source.postcodes import postcode_error, postcode_warning
from postcards.source.resources import data_file, read_table
from postcards.source.yamlsource import Reader, is_null, join

REGISTRY_FILE = "institutions.yaml"
ADDRESS_KEYS = ("name", "street", "postcode", "locality", "district", "region")
INSTITUTION_KEYS = (*ADDRESS_KEYS, "seen", "sources", "closed")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


def read_institution(reader: Reader, node: Node, path: str, code: str | None) -> Institution | None:
    """An institution (or inline address) mapping; every problem goes to `reader`."""
    fields = reader.mapping(
        node, path, INSTITUTION_KEYS, required=("name", "street", "postcode", "locality")
    )
    if fields is None:
        return None
    values: dict[str, str | None] = {}
    for key in ADDRESS_KEYS:
        value_node = fields.get(key)
        numbers_too = key == "postcode"
        value = None
        if value_node is not None and not is_null(value_node):
            value = reader.text(value_node, join(path, key), numbers_too=numbers_too)
        if value is not None and value_node is not None:
            _check_address_part(reader, value_node, join(path, key), key, value)
        values[key] = value
    sources = fields.get("sources")
    if any(values[k] is None for k in ("name", "street", "postcode", "locality")):
        return None
    return Institution(
        name=str(values["name"]),
        street=str(values["street"]),
        postcode=str(values["postcode"]),
        locality=str(values["locality"]),
        district=values["district"],
        region=values["region"],
        code=code,
        closed=reader.optional_text(fields.get("closed"), join(path, "closed")),
        seen=_seen(reader, fields.get("seen"), join(path, "seen")),
        sources=tuple(reader.each(sources, join(path, "sources"), reader.text)) if sources else (),
    )


def _seen(reader: Reader, node: Node | None, path: str) -> str | None:
    if node is None or is_null(node):
        return None
    return reader.text(node, path, numbers_too=True)


def _check_address_part(reader: Reader, node: Node, path: str, key: str, value: str) -> None:
    if key == "postcode":
        error = postcode_error(value)
        if error:
            reader.error(node, path, *error)
        else:
            note = postcode_warning(value)
            if note:
                reader.warn(node, path, note)
        return
    problem = foreign_letter_problem(value)
    if problem:
        reader.error(node, path, problem,
                     "write the address in Russian Cyrillic, as the post in Belarus reads it")


def read_institutions(reader: Reader, node: Node, path: str) -> dict[str, Institution]:
    """A `CODE: {institution}` mapping, as in the registry or a data file's `institutions:`."""
    return reader.table(node, path, "a mapping of institution codes to addresses",
                        partial(_read_coded, reader))


def _read_coded(reader: Reader, code: str, key: Node, node: Node, path: str) -> Institution | None:
    if not _CODE.match(code):
        reader.error(key, path, f"'{code}' is not an institution code",
                     "use capitals, digits and hyphens, e.g. IK-4")
        return None
    return read_institution(reader, node, path, code)


def load_registry(path: Path) -> Mapping[str, Institution]:
    """A registry of institutions by code, like the package's; every problem is raised,
    located in the file."""
    return read_table(path, "institutions", "institution codes to addresses", _read_coded,
                      "institutions, like the package's data/institutions.yaml")


@lru_cache(maxsize=1)
def builtin_registry() -> Mapping[str, Institution]:
    """The institutions shipped with the tool, by code (read-only)."""
    return load_registry(data_file(REGISTRY_FILE))
