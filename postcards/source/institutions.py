"""The built-in registry of Belarusian penal institutions: reading it (and a data file's own
institution mappings), the warnings each use of an entry carries, the age of its address."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType

from yaml.nodes import Node

from postcards.shared.model import Institution, Known, RecogniseOnly
from postcards.source.institution_fields import CODE, CODE_HINT, read_entry, read_institution
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join

__all__ = [  # the API, for the data file's reader and the command
    "Registry", "address_age", "builtin_registry", "flags", "known_institutions", "load_known",
    "load_registry", "not_printable", "read_institution", "read_institutions", "seen_date", "use_warnings",
]

REGISTRY_FILE = "institutions.yaml"
CHECK_AT = "prisoners.spring96.org"
_DATE = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")  # 2023, 2021-12, 2021-12-08


@dataclass(frozen=True)
class Registry:
    """Every entry of a registry by code, in file order: `institutions` can be printed in
    Russian, `recognise_only` are known only to recognise them in text."""

    entries: Mapping[str, Known]
    institutions: Mapping[str, Institution] = field(init=False)
    recognise_only: Mapping[str, RecogniseOnly] = field(init=False)
    def __post_init__(self) -> None:
        printable = {c: e for c, e in self.entries.items() if isinstance(e, Institution)}
        others = {c: e for c, e in self.entries.items() if isinstance(e, RecogniseOnly)}
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))
        object.__setattr__(self, "institutions", MappingProxyType(printable))
        object.__setattr__(self, "recognise_only", MappingProxyType(others))

    def with_institutions(self, extra: Mapping[str, Institution]) -> Registry:
        """This registry with a data file's `institutions:` added or put in place by code."""
        return Registry({**self.entries, **extra})


# --- reading -------------------------------------------------------------------------------

def read_institutions(reader: Reader, node: Node, path: str) -> dict[str, Institution]:
    """A data file's `CODE: {institution}` mapping; each entry needs its four Russian lines."""
    def read(code: str, key: Node, value: Node, at: str) -> Institution | None:
        return read_institution(reader, value, at, code) if _is_code(reader, code, key, at) else None

    return reader.table(node, path, "a mapping of institution codes to addresses", read)


def _is_code(reader: Reader, code: str, key: Node, path: str) -> bool:
    if CODE.match(code):
        return True
    reader.error(key, path, f"'{code}' is not an institution code", CODE_HINT)
    return False


def load_known(path: Path) -> Registry:
    """A registry file like the package's: every problem is raised, located in the file."""
    def read_file(reader: Reader, root: Node) -> Registry:
        fields = reader.mapping(root, "", ("version", "institutions"), required=("institutions",)) or {}
        if "institutions" not in fields:
            return Registry({})
        read: Callable[[str, Node, Node, str], Known | None] = partial(_read_coded, reader)
        entries: dict[str, Known] = reader.table(fields["institutions"], "institutions",
                                                 "a mapping of institution codes", read)
        if not entries and not reader.errors:
            reader.error(fields["institutions"], "institutions", "is empty",
                         "add institution codes to addresses")
        _check_links(reader, fields["institutions"], entries)
        return Registry(entries)

    return read_yaml(path, read_file, "institutions, like the package's data/institutions.yaml")


def _read_coded(reader: Reader, code: str, key: Node, node: Node, path: str) -> Known | None:
    return read_entry(reader, node, path, code) if _is_code(reader, code, key, path) else None


def _check_links(reader: Reader, node: Node, entries: Mapping[str, Known]) -> None:
    """Codes named by `replaced_by` and `reused_code` exist."""
    for code, entry in entries.items():
        for key in ("replaced_by", "reused_code"):
            target = getattr(entry, key)
            if target is not None and (target not in entries or target == code):
                reader.error(node, join(join("institutions", code), key),
                             f"'{target}' is not another entry of the registry",
                             "name another code of this file")


def load_registry(path: Path) -> Mapping[str, Institution]:
    """The printable institutions of a registry file, by code."""
    return load_known(path).institutions


@lru_cache(maxsize=1)
def known_institutions() -> Registry:
    """Every institution shipped with the tool, printable or not (read-only)."""
    return load_known(data_file(REGISTRY_FILE))


def builtin_registry() -> Mapping[str, Institution]:
    """The institutions shipped with the tool that a card can carry in Russian, by code."""
    return known_institutions().institutions


# --- using an entry ------------------------------------------------------------------------

def use_warnings(place: Institution) -> list[tuple[str, str]]:
    """(what, hint) to say each time a card is addressed to `place`: closed, composite."""
    code = place.code or place.name
    notes = []
    if place.closed:
        notes.append((f"{code} was {place.closed}", f"find the person's current address at {CHECK_AT}"))
    if place.composite:
        notes.append((f"{code}'s address is composite: {place.composite}",
                      f"check it at {CHECK_AT} before posting"))
    return notes


def not_printable(code: str, registry: Registry | None = None) -> tuple[str, str] | None:
    """(why, hint) when the registry knows `code` but has no Russian address to print for it."""
    entry = (registry or known_institutions()).recognise_only.get(code)
    if entry is None:
        return None
    fix = f"copy the address in Cyrillic from the person's page at {CHECK_AT} into an inline address:"
    if entry.be_printable and entry.be is not None:
        be = entry.be
        parts = (be.name, be.street, entry.postcode, be.locality, be.district, be.region)
        lines = ", ".join(p for p in parts if p)
        return (f"{code}'s address is sourced only in Belarusian ({lines}); no source gives its "
                "Russian form"), fix
    if entry.completeness == "latin_only":
        return f"{code}'s address is sourced only in Latin letters ({entry.address_latin_seen})", fix
    return f"no source gives a postal address for {code}", fix


def seen_date(seen: str | None) -> date | None:
    """The day `seen` counts from: the latest date it names; a year counts from its 1 January
    and a month from its first day, so an age is never younger than the truth."""
    days = []
    for year, month, day in _DATE.findall(seen or ""):
        try:
            days.append(date(int(year), int(month or 1), int(day or 1)))
        except ValueError:
            continue
    return max(days, default=None)


def flags(entry: Known) -> tuple[str, ...]:
    """What a user must know of an entry: printable (in Russian), closed, unknown (status),
    composite, latin_only; and for one that is not printable, be_only (its Belarusian lines
    are whole), no_address (no postcode sourced) or incomplete (some parts sourced)."""
    found = ["printable"] if isinstance(entry, Institution) else []
    found += ["closed"] if entry.status == "closed" else ["unknown"] if entry.status == "unknown" else []
    found += [entry.completeness] if entry.completeness in ("composite", "latin_only") else []
    if isinstance(entry, RecogniseOnly) and entry.completeness != "latin_only":
        missing = "no_address" if entry.postcode is None else "incomplete"
        found.append("be_only" if entry.be_printable else missing)
    return tuple(found)


def address_age(entry: Known, today: date) -> int | None:
    """Days since a source last showed the address (`seen`), or None when it names no date."""
    day = seen_date(entry.seen)
    return None if day is None else (today - day).days
