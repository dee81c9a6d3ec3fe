"""One institution read from YAML and checked: its Russian lines, Belarusian forms, aliases,
dates, sources, status and how complete its address is. The same keys serve the built-in
registry, a data file's `institutions:` and an inline `address:`."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from yaml.nodes import Node, ScalarNode

from postcards.shared.model import (
    COMPLETENESS,
    PLACE_STATUSES,
    Citation,
    Completeness,
    Institution,
    Known,
    PlaceForms,
    PlaceStatus,
    RecogniseOnly,
)
from postcards.shared.script import BELARUSIAN_ONLY, foreign_letter_problem
from postcards.source.postcodes import postcode_error, postcode_warning
from postcards.source.yamlsource import Reader, is_null, join

ADDRESS_KEYS = ("name", "street", "postcode", "locality", "district", "region")
LINES = ("name", "street", "postcode", "locality")  # what a card needs
BE_KEYS = ("name", "street", "locality", "district", "region")
RECORD_KEYS = ("be", "aliases", "seen", "sources", "status", "closed", "completeness", "composite",
               "address_latin_seen", "replaced_by", "reused_code", "notes")
INSTITUTION_KEYS = (*ADDRESS_KEYS, *RECORD_KEYS)
SOURCE_KEYS = ("url", "title", "date", "what")
CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
CODE_HINT = "use capitals, digits and hyphens, e.g. IK-4"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True, eq=False)  # within reading an entry only: compared by identity
class _Facts:
    """What every entry carries besides its lines."""

    be: PlaceForms | None
    aliases: tuple[str, ...]
    seen: str | None
    citations: tuple[Citation, ...]
    status: PlaceStatus
    closed: str | None
    completeness: Completeness
    composite: str | None
    address_latin_seen: str | None
    replaced_by: str | None
    reused_code: str | None
    notes: str | None

    def fields(self) -> dict[str, Any]:
        """The record's keyword arguments, `sources` (each citation's url or title) too."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {**values, "sources": tuple(c.label for c in self.citations)}


_PLAIN = _Facts(be=None, aliases=(), seen=None, citations=(), status="open", closed=None,
                completeness="complete_cyrillic", composite=None, address_latin_seen=None, replaced_by=None,
                reused_code=None, notes=None)


def read_institution(reader: Reader, node: Node, path: str, code: str | None) -> Institution | None:
    """A data file's institution (or inline address): its four Russian lines are required;
    every problem goes to `reader`."""
    fields = reader.mapping(node, path, INSTITUTION_KEYS, required=LINES)
    if fields is None:
        return None
    lines = _lines(reader, fields, path)
    if fields.keys().isdisjoint(RECORD_KEYS):  # the usual inline address: no record keys to read
        facts: _Facts | None = _PLAIN
    else:
        facts = _facts(reader, node, fields, path, default="complete_cyrillic")
    if facts is None or any(lines[k] is None for k in LINES):
        return None
    return _institution(lines, facts, code)


def read_entry(reader: Reader, node: Node, path: str, code: str) -> Known | None:
    """A registry entry: printable (an `Institution`) when its four Russian lines are
    sourced, else kept to be recognised (`RecogniseOnly`); `seen`, `sources` and
    `completeness` are required."""
    fields = reader.mapping(node, path, INSTITUTION_KEYS, required=("seen", "sources", "completeness"))
    if fields is None:
        return None
    lines = _lines(reader, fields, path)
    facts = _facts(reader, node, fields, path, default="none")
    if facts is None:
        return None
    whole = all(lines[k] is not None for k in LINES)
    if whole and facts.completeness in ("complete_cyrillic", "composite"):
        return _institution(lines, facts, code)
    entry = RecogniseOnly(code=code, postcode=lines["postcode"],
                          ru=_forms({k: lines[k] for k in BE_KEYS}), **facts.fields())
    if whole:
        reader.error(fields["completeness"], join(path, "completeness"),
                     f"is {facts.completeness}, but the four Russian lines are given",
                     "use complete_cyrillic or composite, or remove the lines no source gave")
    elif facts.completeness == "complete_cyrillic" and not entry.be_printable:
        reader.error(fields["completeness"], join(path, "completeness"),
                     "is complete_cyrillic, but neither the Russian nor the Belarusian lines are whole",
                     "add the missing lines from the source, or say partial")
    return entry


def _institution(lines: dict[str, str | None], facts: _Facts, code: str | None) -> Institution:
    return Institution(name=str(lines["name"]), street=str(lines["street"]), postcode=str(lines["postcode"]),
                       locality=str(lines["locality"]), district=lines["district"], region=lines["region"],
                       code=code, **facts.fields())


def _lines(reader: Reader, fields: dict[str, Node], path: str) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for key in ADDRESS_KEYS:
        node = fields.get(key)
        value = None
        if node is not None and not is_null(node):
            value = reader.text(node, join(path, key), numbers_too=key == "postcode")
        if value is not None and node is not None:
            _check_line(reader, node, join(path, key), key, value, russian=True)
        values[key] = value
    return values


def _check_line(reader: Reader, node: Node, path: str, key: str, value: str, russian: bool) -> None:
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
        script = "Russian" if russian else "Belarusian"
        reader.error(node, path, problem,
                     f"write the address in {script} Cyrillic, as the post in Belarus reads it")
    elif russian and BELARUSIAN_ONLY & set(value):
        letter = sorted(BELARUSIAN_ONLY & set(value))[0]
        reader.warn(node, path, f"'{value}' has the Belarusian letter '{letter}' in a Russian line",
                    "give the Russian form here and the Belarusian one under be:")


def _facts(reader: Reader, node: Node, fields: dict[str, Node], path: str,
           default: Completeness) -> _Facts | None:
    closed = reader.optional_text(fields.get("closed"), join(path, "closed"))
    status = _choice(reader, fields, path, "status", PLACE_STATUSES, "status",
                     "closed" if closed else "open")
    completeness = _choice(reader, fields, path, "completeness", COMPLETENESS, "completeness", default)
    composite = reader.optional_text(fields.get("composite"), join(path, "composite"))
    latin = reader.optional_text(fields.get("address_latin_seen"), join(path, "address_latin_seen"))
    if status is None or completeness is None:
        return None
    if (status == "closed") != (closed is not None):
        reader.error(fields.get("status", node), join(path, "status"),
                     f"is {status}, but closed: " + ("says why it closed" if closed else "is not given"),
                     "a closed institution has status: closed and says in closed: why, with the source")
    if (completeness == "composite") != (composite is not None):
        reader.error(fields.get("completeness", node), join(path, "composite"),
                     "is needed with completeness: composite, and only then",
                     "name what is composite: which part comes from which source, script or year")
    if completeness == "latin_only":
        _check_latin_only(reader, node, fields, path, latin)
    return _Facts(
        be=_read_be(reader, fields.get("be"), join(path, "be")),
        aliases=_texts(reader, fields.get("aliases"), join(path, "aliases")),
        seen=_loose_text(reader, fields.get("seen"), join(path, "seen")),
        citations=_citations(reader, fields.get("sources"), join(path, "sources")),
        status=status, closed=closed, completeness=completeness, composite=composite,
        address_latin_seen=latin,
        replaced_by=_code(reader, fields.get("replaced_by"), join(path, "replaced_by")),
        reused_code=_code(reader, fields.get("reused_code"), join(path, "reused_code")),
        notes=reader.optional_text(fields.get("notes"), join(path, "notes")),
    )


def _check_latin_only(reader: Reader, node: Node, fields: dict[str, Node], path: str,
                      latin: str | None) -> None:
    if "street" in fields:
        reader.error(fields["street"], join(path, "street"),
                     "a Latin-only address has no Russian street: turned back into Cyrillic it "
                     "would be a guess",
                     "remove it, or cite a source that prints the street in Cyrillic")
    if latin is None:
        reader.error(node, join(path, "address_latin_seen"), "missing",
                     "quote the Latin address as the source printed it")


def _choice(reader: Reader, fields: dict[str, Node], path: str, key: str, choices: tuple[Any, ...],
            what: str, default: Any) -> Any:
    node = fields.get(key)
    if node is None:
        return default
    return reader.choice(node, join(path, key), choices, what)


def _read_be(reader: Reader, node: Node | None, path: str) -> PlaceForms | None:
    if node is None or is_null(node):
        return None
    fields = reader.mapping(node, path, BE_KEYS)
    if fields is None:
        return None
    values: dict[str, str | None] = {}
    for key in BE_KEYS:
        value = reader.optional_text(fields.get(key), join(path, key))
        if value is not None:
            _check_line(reader, fields[key], join(path, key), key, value, russian=False)
        values[key] = value
    return _forms(values)


def _forms(values: dict[str, str | None]) -> PlaceForms | None:
    return PlaceForms(**values) if any(values.values()) else None


def _texts(reader: Reader, node: Node | None, path: str) -> tuple[str, ...]:
    if node is None or is_null(node):
        return ()
    return tuple(reader.each(node, path, reader.text))


def _loose_text(reader: Reader, node: Node | None, path: str) -> str | None:
    """Text, a number or an unquoted date (`seen: 2021-12-08`), as written."""
    if node is None or is_null(node):
        return None
    if isinstance(node, ScalarNode) and node.tag == _TIMESTAMP:
        return str(node.value).strip()
    return reader.text(node, path, numbers_too=True)


def _code(reader: Reader, node: Node | None, path: str) -> str | None:
    code = reader.optional_text(node, path)
    if code is not None and node is not None and not CODE.match(code):
        reader.error(node, path, f"'{code}' is not an institution code", CODE_HINT)
        return None
    return code


def _citations(reader: Reader, node: Node | None, path: str) -> tuple[Citation, ...]:
    if node is None or is_null(node):
        return ()
    return tuple(reader.each(node, path, lambda item, at: _citation(reader, item, at)))


def _citation(reader: Reader, node: Node, path: str) -> Citation | None:
    """A source: a url (or title) as plain text, or {url | title, date, what}."""
    if isinstance(node, ScalarNode):
        text = reader.text(node, path)
        return None if text is None else Citation(url=text)
    fields = reader.mapping(node, path, SOURCE_KEYS)
    if fields is None:
        return None
    values = {k: _loose_text(reader, fields.get(k), join(path, k)) for k in SOURCE_KEYS}
    if values["url"] is None and values["title"] is None:
        reader.error(node, path, "a source needs a url: (or, without one, a title:)", "add where it was seen")
        return None
    return Citation(**values)
