"""The built-in registry of Belarusian penal institutions: reading it (and a data file's own
institution mappings), the warnings each use of an entry carries, the age of its address, and
recognising institutions in free text by name, number, alias, postcode and street."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from yaml.nodes import Node

from postcards.shared.model import Institution, Known, RecogniseOnly
from postcards.source.institution_fields import CODE, CODE_HINT, read_entry, read_institution
from postcards.source.lookup import code_mentions, normalise, phrase_pattern, same_street
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join

__all__ = [  # the API, for the data file's reader and the free-text address parser
    "Match", "Registry", "address_age", "be_only_institutions", "builtin_registry", "by_postcode_street",
    "find_institution",
    "flags", "known_institutions", "load_known", "load_registry", "not_printable", "read_institution",
    "read_institutions", "seen_date", "use_warnings",
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
    _aliases: tuple[tuple[re.Pattern[str], str], ...] | None = field(
        init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        printable = {c: e for c, e in self.entries.items() if isinstance(e, Institution)}
        others = {c: e for c, e in self.entries.items() if isinstance(e, RecogniseOnly)}
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))
        object.__setattr__(self, "institutions", MappingProxyType(printable))
        object.__setattr__(self, "recognise_only", MappingProxyType(others))

    def alias_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """(pattern, code) for every alias and name, longest first; compiled on first use,
        so that reading the registry to print cards stays fast."""
        patterns = self._aliases
        if patterns is None:
            patterns = tuple(_alias_patterns(self.entries))
            object.__setattr__(self, "_aliases", patterns)
        return patterns

    def with_institutions(self, extra: Mapping[str, Institution]) -> Registry:
        """This registry with a data file's `institutions:` added or put in place by code."""
        return Registry({**self.entries, **extra})


def _alias_patterns(entries: Mapping[str, Known]) -> list[tuple[re.Pattern[str], str]]:
    found: dict[str, str] = {}
    for code, entry in entries.items():
        names = [entry.name if isinstance(entry, Institution) else entry.ru and entry.ru.name,
                 entry.be and entry.be.name, *entry.aliases]
        for name in names:
            if name:
                found.setdefault(normalise(name), code)
    longest_first = sorted(found.items(), key=lambda item: -len(item[0]))
    return [(phrase_pattern(phrase), code) for phrase, code in longest_first]


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
    """Codes named by `replaced_by` and `reused_code` exist; no alias names two entries."""
    named: dict[str, str] = {}
    for code, entry in entries.items():
        for key in ("replaced_by", "reused_code"):
            target = getattr(entry, key)
            if target is not None and (target not in entries or target == code):
                reader.error(node, join(join("institutions", code), key),
                             f"'{target}' is not another entry of the registry",
                             "name another code of this file")
        for alias in entry.aliases:
            other = named.setdefault(normalise(alias), code)
            if other != code:
                reader.error(node, join(join("institutions", code), "aliases"),
                             f"'{alias}' is an alias of {other} too", "keep it on one entry")


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


@lru_cache(maxsize=1)
def be_only_institutions() -> Mapping[str, Institution]:
    """The built-in entries whose address is sourced whole only in Belarusian (IK-24), as
    institutions only a Belarusian block can carry: their Russian lines are left empty."""
    found = {code: _be_only(entry) for code, entry in known_institutions().recognise_only.items()
             if entry.be_printable}
    return MappingProxyType(found)


def _be_only(entry: RecogniseOnly) -> Institution:
    """The entry as an institution: every fact it has, and no Russian line."""
    facts = {f.name for f in dataclasses.fields(Institution)} & {f.name for f in dataclasses.fields(entry)}
    kept = {key: getattr(entry, key) for key in facts - {"postcode"}}
    return Institution(name="", street="", postcode=str(entry.postcode), locality="", be_only=True, **kept)


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


# --- recognising ---------------------------------------------------------------------------

How = Literal["code", "alias", "replaced_by", "postcode"]


@dataclass(frozen=True, slots=True)
class Match:
    """A registry entry that free text names: how, by which words, and whether it is the
    current meaning (not closed); `street_agrees` for a postcode match given a street."""

    code: str
    entry: Known
    how: How
    words: str  # the normalised text that matched
    street_agrees: bool | None = None

    @property
    def current(self) -> bool:
        return self.entry.status != "closed"

    @property
    def printable(self) -> bool:
        return isinstance(self.entry, Institution)


def find_institution(text: str, registry: Registry | None = None) -> list[Match]:
    """Each institution `text` names, by number ("ИК № 4", "ПК-4", "Correctional colony
    No. 4", "СІЗА-1"), registry code or alias ("Володарка", "Жодино"). Best first: an alias
    that holds a number ("минская ИК-1"), then numbers, then other aliases (names, nicknames,
    towns), then what replaced a closed match; within each, the current meaning of a reused
    number (not closed) first, then the longer words."""
    known = registry or known_institutions()
    words = normalise(text)
    numbers = list(code_mentions(words, tuple(known.entries)))
    ranked: list[tuple[tuple[int, bool, int], Match]] = []
    holding: list[tuple[int, int]] = []
    for pattern, code in known.alias_patterns():
        hit = pattern.search(words)
        if hit:
            holds = any(hit.start() <= start and end <= hit.end() and end - start < len(hit.group(0))
                        for _, _, (start, end) in numbers)  # more words than the number
            holding += [hit.span()] if holds else []
            ranked.append(_ranked(0 if holds else 3, Match(code, known.entries[code], "alias", hit.group(0))))
    for number, said, (start, end) in numbers:
        inside = any(s <= start and end <= e for s, e in holding)
        ranked += [_ranked(2 if inside else 1, Match(c, e, "code", said)) for c, e in _holders(known, number)]
    ranked.sort(key=lambda item: item[0])
    successors = [(m, m.entry.replaced_by) for _, m in ranked]
    ranked += [_ranked(4, Match(after, known.entries[after], "replaced_by", m.words))
               for m, after in successors if after is not None and after in known.entries]
    best: dict[str, Match] = {}
    for _, match in ranked:
        best.setdefault(match.code, match)
    return list(best.values())


def _ranked(tier: int, match: Match) -> tuple[tuple[int, bool, int], Match]:
    return (tier, not match.current, -len(match.words)), match


def _holders(registry: Registry, code: str) -> list[tuple[str, Known]]:
    """The entry with `code`, and those that free text also calls by it (a reused number)."""
    return [(c, e) for c, e in registry.entries.items() if c == code or e.reused_code == code]


def by_postcode_street(postcode: str, street: str | None = None,
                       registry: Registry | None = None) -> list[Match]:
    """The entries with `postcode`; given a street line in any script, each says whether it
    names the entry's street and house (Russian, Belarusian or the Latin block seen).
    Best first: the street agrees, then the current meaning."""
    known = registry or known_institutions()
    wanted = re.sub(r"\s", "", postcode)
    found = [Match(code, entry, "postcode", wanted, _street_agrees(entry, street))
             for code, entry in known.entries.items() if entry.postcode == wanted]
    order = {True: 0, None: 1, False: 2}
    return sorted(found, key=lambda m: (order[m.street_agrees], not m.current))


def _street_agrees(entry: Known, street: str | None) -> bool | None:
    ru = entry.street if isinstance(entry, Institution) else entry.ru and entry.ru.street
    forms = [f for f in (ru, entry.be and entry.be.street, entry.address_latin_seen) if f]
    if street is None or not forms:
        return None
    given = normalise(street)
    return any(same_street(given, normalise(form)) for form in forms)
