"""Addresses as people paste them, read into the record a data file would give: one line with
commas or several lines, the postcode first or last, the name nominative or dative, Russian,
Belarusian or absent, the institution written any way the pages write it, or left out.

`parse_address(text, name=...)` returns the `Prisoner` that `records` would build, the fields of
a data-file entry (`entry_yaml` renders them for `add`), what it guessed and what to warn about;
what it cannot read raises `PostcardsError`, each problem located in the pasted text.

This parser sits in `text/` although DESIGN.md files the paste parsers under `source/`: reading a
dative name back ("Чекиной Людмиле Юрьевне" -> Чекина Людмила Юрьевна) is checked by declining
each reading again with `text/dative.py` and `text/dative_be.py`, and `source` may not import
`text`. It is pure text work, as the rest of `text/` is: no file is read or written here (the
registry and the given-names list come through `source`'s loaders; `source/yamlwrite.py` writes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Prisoner
from postcards.shared.names import Gender, Name, NameParts
from postcards.source.institutions import Registry
from postcards.source.postcodes import postcode_error, postcode_warning
from postcards.source.yamlwrite import EntryFields, render_entry
from postcards.text.dative_be import dative_full_name_be, uncertain_forms_be
from postcards.text.paste_names import Reading, is_name_shaped, language_of, read_name
from postcards.text.paste_pieces import Piece, clean, cut, repair_lookalikes
from postcards.text.paste_place import Notes, Roles, assign, resolve_place, where
from postcards.text.translit import said

__all__ = ["Parsed", "entry_yaml", "parse_address"]

NAME_HINT = 'give the name with --name "Фамилия Имя Отчество" (Russian, nominative)'


@dataclass(frozen=True)
class Parsed:
    """A pasted address read: the record a card is made from, the data-file entry's fields,
    what was inferred on the way, and what the user should know."""

    prisoner: Prisoner
    prisoner_fields: EntryFields
    guesses: tuple[str, ...]
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class _Person:
    ru: NameParts | None  # None: known only in Belarusian
    be: NameParts | None
    latin: str | None
    gender: Gender
    dative: str | None  # the Belarusian dative a Belarusian-only name is printed in
    piece: Piece | None


def parse_address(text: str, *, name: str | None = None, registry: Registry | None = None) -> Parsed:
    """Read a pasted address (and `name`, the --name given as "Фамилия Имя Отчество", which
    wins over a pasted name) against `registry` (the built-in one by default)."""
    notes = Notes()
    cleaned, repairs = repair_lookalikes(clean(text))
    for repair in repairs:
        message = f"Latin look-alike '{repair.letters}' in '{repair.word}' repaired"
        notes.warn(Piece(repair.word, repair.line, repair.column, repair.column + len(repair.word)), message,
                   f"it now reads '{repair.fixed}'; check the address at its source")
        notes.guesses.append(message)
    roles = assign(cut(cleaned, registry), _reads_as_name)
    postcode = _postcode(roles, notes)
    person = _person(roles.name, name, notes)
    place = resolve_place(roles, postcode, registry, notes) if postcode is not None else None
    for unit in roles.units:
        notes.warn(unit, f"'{unit.text}' left out: unit, cell and quarantine lines go stale within weeks",
                   "a data file's `unit:` line carries it when you know it is current")
    if notes.errors or person is None or place is None:
        raise PostcardsError.of(notes.errors)
    ru = person.ru or person.be
    assert ru is not None
    record = Prisoner(
        id=_suggested_id(ru, "ru" if person.ru else "be"), name=Name(ru, person.be, person.latin),
        gender=person.gender, institution=place.institution, where=where(person.piece), dative=person.dative)
    fields = EntryFields(ru=person.ru, be=person.be, latin=person.latin, gender=person.gender,
                         institution=place.code, address=None if place.code else place.institution)
    return Parsed(record, fields, tuple(notes.guesses), tuple(notes.warnings))


def entry_yaml(parsed: Parsed, id: str, verified: date | None = None, sources: Sequence[str] = ()) -> str:
    """The data-file entry (a `prisoners:` item, unindented) for `add`, in prisoners.yaml's style."""
    return render_entry(parsed.prisoner_fields, id, verified, sources)


def _reads_as_name(text: str) -> bool:
    return language_of(text) is not None and bool(read_name(text))


def _postcode(roles: Roles, notes: Notes) -> Piece | None:
    codes = list(dict.fromkeys(p.text for p in roles.postcodes))
    if len(codes) > 1:
        first = roles.postcodes[0]
        second = next(p for p in roles.postcodes if p.text != first.text)
        notes.error(second, f"two postcodes, {first.text} (at {first.line}:{first.column}) and {second.text}",
                    "keep the one of the address")
        return None
    if not codes:
        if roles.numbers:
            number = roles.numbers[0]
            notes.error(number, *(postcode_error(number.text) or ("not a postcode", None)))
        else:
            notes.error(None, "no postcode: a Belarusian address has one, six digits (e.g. 246035)",
                        "copy the whole address from its source")
        return None
    piece = roles.postcodes[0]
    problem = postcode_error(piece.text)
    if problem:
        notes.error(piece, *problem)
        return None
    warning = postcode_warning(piece.text)
    if warning:
        notes.warn(piece, warning)
    return piece


def _person(piece: Piece | None, told: str | None, notes: Notes) -> _Person | None:
    pasted, latin = _pasted_name(piece, told is not None, notes)
    given = _told_name(told, notes) if told is not None else None
    reading = given or pasted
    if reading is None:
        if latin and given is None and told is None:
            notes.error(piece, f"the name '{latin}' is in Latin letters; the card needs it in Russian "
                        "Cyrillic", NAME_HINT)
        elif piece is None and told is None:
            notes.error(None, "no name in the text", NAME_HINT)
        return None
    be = pasted.parts if pasted is not None and pasted.language == "be" else None
    if pasted is not None and pasted is not reading:
        if pasted.language == "ru" and not _same_person(pasted.parts, reading.parts):
            notes.warn(piece, f"the pasted name '{pasted.parts.full()}' is not --name "
                       f"'{reading.parts.full()}'; --name is used")
    elif pasted is not None:
        _note_reading(pasted, notes)
    if reading.language == "ru":
        return _Person(reading.parts, be, latin, reading.gender, None, piece)
    return _belarusian_only(reading, latin, piece, notes)


def _same_person(pasted: NameParts, told: NameParts) -> bool:
    """The same name, the pasted one perhaps without the patronymic --name adds."""
    same = (pasted.surname, pasted.given) == (told.surname, told.given)
    return same and pasted.patronymic in (None, told.patronymic)


def _pasted_name(piece: Piece | None, told: bool, notes: Notes) -> tuple[Reading | None, str | None]:
    """The pasted name's one reading, or its Latin form; more readings or none is an error
    unless --name is given."""
    if piece is None:
        return None, None
    if language_of(piece.text) is None:
        return None, piece.text
    readings = read_name(piece.text)
    if len(readings) == 1:
        return readings[0], None
    if told:
        notes.guesses.append(f"pasted name '{piece.text}' not used: --name is given")
    elif readings:
        first, second = readings[:2]
        notes.error(piece, f"'{piece.text}' can be read two ways: {first.describe()}; or {second.describe()}",
                    NAME_HINT)
    elif is_name_shaped(piece.text):
        notes.error(piece, f"cannot read '{piece.text}' as a name: no patronymic, and no word of it is a "
                    "given name the tool knows", NAME_HINT)
    else:
        notes.error(piece, f"cannot read '{piece.text}' as a name", NAME_HINT)
    return None, None


def _told_name(told: str, notes: Notes) -> Reading | None:
    text = " ".join(told.split())
    readings = read_name(text, told=True)
    if len(readings) == 1:
        return readings[0]
    if language_of(text) is None:
        notes.error(None, f"--name '{text}' is not in Cyrillic", NAME_HINT)
    elif readings:
        notes.error(None, f"--name '{text}' can be read two ways: {readings[0].describe()}; or "
                    f"{readings[1].describe()}", "add the patronymic")
    else:
        notes.error(None, f"cannot read --name '{text}'", "write it as \"Фамилия Имя Отчество\"; without a "
                    "patronymic the surname's ending or a known given name must tell the gender")
    return None


def _note_reading(reading: Reading, notes: Notes) -> None:
    parts = reading.parts
    if reading.case == "dative":
        notes.guesses.append(f"name read as dative, nominative {parts.full()}")
    if reading.given_first:
        notes.guesses.append(f"name read given name first: surname {parts.surname}, given name {parts.given}")
    if not parts.patronymic:
        notes.guesses.append(f"gender {reading.gender} from the given name {parts.given}")


def _belarusian_only(reading: Reading, latin: str | None, piece: Piece | None, notes: Notes) -> _Person:
    """A name known only in Belarusian: its Belarusian dative goes on the Russian block; the
    tool never makes up a Russian form."""
    parts, gender = reading.parts, reading.gender
    dative = reading.pasted if reading.case == "dative" else dative_full_name_be(parts, gender)
    notes.warn(piece, f"'{parts.full()}' is a Belarusian form: the Russian block carries its Belarusian "
               f"dative '{dative}'", 'give the Russian form with --name "Фамилия Имя Отчество"')
    if reading.case == "nominative":
        for doubt in uncertain_forms_be(parts, gender):
            notes.warn(piece, f"Belarusian dative left as written: {doubt}",
                       "give the Russian form with --name")
    return _Person(None, parts, latin, gender, dative, piece)


def _suggested_id(parts: NameParts, language: str) -> str:
    """A data-file id from the surname in Latin letters: "chekina"."""
    latin = said(parts.surname, "be" if language == "be" else "ru").lower()
    return "-".join(re.findall(r"[a-z0-9]+", latin)) or "person"
