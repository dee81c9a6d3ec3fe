"""People from pasted text: read (`parse_person`), added to a data file (`add_person`), or
made into a dataset for cards without any file (`pasted_dataset`, for `make --to`).

An addition is decided whole before anything is written: the entry rendered, appended to the
file's text in memory, that text loaded and checked as a data file; only then (and after
`confirm`, when given) is that same text written, atomically, by `source/yamlwrite.replace_data`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from postcards.shared.errors import PostcardsError, Problem, SourceLocation
from postcards.shared.model import Dataset, Institution, Prisoner
from postcards.shared.names import GENDERS, Gender, NameParts, gender_from_patronymic
from postcards.shared.script import foreign_letter_problem
from postcards.source.institutions import Registry, builtin_registry, known_institutions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.source.yamlwrite import EntryFields, appended, render_entry, replace_data
from postcards.text.address import address_lines
from postcards.text.paste import Parsed, parse_address
from postcards.text.paste_place import PASTED

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BORN = re.compile(r"^(?:(\d{4})|-)-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Added:
    """A person added to a data file, or who would be: the entry as written, the block the
    cards will carry, where it goes, and what the reading guessed or warns about."""

    id: str
    entry: str  # the `prisoners:` item, unindented, as written
    lines: tuple[str, ...]  # the address block, top line first
    path: Path
    line: int  # where the entry starts in the file
    created: bool  # the file did not exist: it is (or would be) created
    written: bool  # False for a dry run, or when `confirm` said no
    guesses: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()


def registry_of(dataset: Dataset | None) -> Registry:
    """The institutions in force: the built-in registry and a data file's own."""
    known = known_institutions()
    return known if dataset is None else known.with_institutions(dataset.institutions)


def parse(text: str, name: str | None, registry: Registry, label: str = PASTED) -> Parsed:
    """`parse_address`, its problems located in `label` ("<stdin>", "--to #2") instead of
    "<pasted>"."""
    try:
        parsed = parse_address(text, name=name, registry=registry)
    except PostcardsError as exc:
        raise PostcardsError.of(relabel(exc.problems, label)) from None
    return replace(parsed, warnings=relabel(parsed.warnings, label))


def relabel(problems: Iterable[Problem], label: str) -> tuple[Problem, ...]:
    return tuple(replace(p, where=SourceLocation(label, p.where.line, p.where.column))
                 if p.where is not None and p.where.file == PASTED and label != PASTED else p
                 for p in problems)


def add(path: Path, person: Parsed | str, *, name: str | None, pid: str | None, born: str | None,
        gender: Gender | None, unit: str | None, tags: Sequence[str], sources: Sequence[str], today: date,
        dry_run: bool, confirm: Callable[[Added], bool] | None, label: str = PASTED) -> Added:
    if path.resolve() == bundled_data().resolve():
        raise PostcardsError(f"{path}: is the list that ships with postcards; it is never written to",
                             hint="add to your own file: postcards add prisoners.yaml TEXT")
    existing = load_dataset(path) if path.exists() else None
    parsed = parse(person, name, registry_of(existing), label) if isinstance(person, str) else person
    fields = _fields(parsed.prisoner_fields, born, gender, unit, tags)
    people = existing.prisoners if existing else ()
    warnings = [*parsed.warnings, *_same_person(fields, parsed.prisoner, people)]
    chosen = _chosen_id(pid, parsed.prisoner.id, people)
    entry = render_entry(fields, chosen, today, tuple(sources))
    new = appended(path, entry)
    found: list[Added] = []

    def decide(loaded: Dataset) -> bool:
        added = loaded.prisoners[-1]
        mine = f"{added.field}."
        notes = [*warnings, *(w for w in loaded.warnings if w.field and (w.field + ".").startswith(mine))]
        found.append(Added(chosen, entry, address_lines(added), path, new.line, existing is None, False,
                           parsed.guesses, tuple(notes)))
        return not dry_run and (confirm is None or confirm(found[0]))

    try:
        written = replace_data(path, new.text, new.items + 1, decide)
    except PostcardsError as exc:
        raise _in_entry(exc, new.line, chosen) from None
    return replace(found[0], written=written is not None)


def _in_entry(exc: PostcardsError, first: int, pid: str) -> PostcardsError:
    """A problem of the new text in the new entry, located in it, not at a line the file does
    not have yet."""
    entry = f"<the new entry '{pid}'>"
    return PostcardsError.of([
        replace(p, where=SourceLocation(entry, p.where.line - first + 1, p.where.column))
        if p.where is not None and p.where.line >= first else p for p in exc.problems])


def _fields(fields: EntryFields, born: str | None, gender: Gender | None, unit: str | None,
            tags: Sequence[str]) -> EntryFields:
    """The parsed entry with what the caller adds, each checked as the schema checks it."""
    if fields.ru is None:
        raise PostcardsError("the name is known only in Belarusian, and a data file needs its Russian form",
                             hint='give the Russian form with --name "Фамилия Имя Отчество"')
    if born is not None:
        check_born(born)
    for tag in tags:
        if not _ID.match(tag):
            raise PostcardsError(f"tag '{tag}' may hold only a-z, 0-9 and single hyphens", field="--tag",
                                 hint="e.g. women or journalists")
    if gender is not None:
        if gender not in GENDERS:
            raise PostcardsError(f"gender '{gender}' is not female or male", field="--gender")
        told = gender_from_patronymic(fields.ru.patronymic)
        if told is not None and told != gender:
            raise PostcardsError(f"--gender {gender}, but the patronymic '{fields.ru.patronymic}' is {told}",
                                 field="--gender", hint="leave --gender out, or correct the name with --name")
    unit = " ".join(unit.split()) if unit else None
    problem = unit and foreign_letter_problem(unit)
    if problem:
        raise PostcardsError(problem, field="--unit", hint="write it in Cyrillic as the source gives it, "
                             "e.g. отряд № 5")
    return replace(fields, born=born, gender=gender or fields.gender, unit=unit,
                   tags=tuple(dict.fromkeys(tags)))


def check_born(born: str, field: str = "--born") -> None:
    """A birthday as the schema writes it: YYYY-MM-DD, or --MM-DD when the year is unknown."""
    found = _BORN.match(born)
    try:
        if found is None:
            raise ValueError
        date(int(found.group(1) or 2000), int(found.group(2)), int(found.group(3)))
    except ValueError:
        raise PostcardsError(f"'{born}' is not a day YYYY-MM-DD, or --MM-DD without the year",
                             field=field, hint="e.g. 1973-07-13 or --07-13") from None


def _chosen_id(given: str | None, suggested: str, people: Sequence[Prisoner]) -> str:
    taken = {p.id: p for p in people}
    if given is not None:
        if not _ID.match(given):
            raise PostcardsError(f"id '{given}' may hold only a-z, 0-9 and single hyphens", field="--id",
                                 hint="e.g. chekina or loika-anastasiya")
        if given in taken:
            holder = taken[given]
            raise PostcardsError(f"id '{given}' is already in the file: {holder.name.ru.full()}",
                                 where=holder.where, hint="choose another --id")
        return given
    return free_id(suggested, taken)


def free_id(suggested: str, taken: Iterable[str]) -> str:
    """`suggested`, or with -2, -3, ... when that is taken."""
    used = set(taken)
    chosen, number = suggested, 1
    while chosen in used:
        number += 1
        chosen = f"{suggested}-{number}"
    return chosen


def name_key(parts: NameParts) -> tuple[str, str, str | None]:
    """A Russian name compared as people mean it: case, ё/е and spacing aside."""
    def plain(word: str) -> str:
        return " ".join(word.lower().replace("ё", "е").split())

    return plain(parts.surname), plain(parts.given), parts.patronymic and plain(parts.patronymic)


def same_name(one: NameParts, other: NameParts) -> bool:
    """The same surname and given name, and the same patronymic where both have one."""
    a, b = name_key(one), name_key(other)
    return a[:2] == b[:2] and (a[2] is None or b[2] is None or a[2] == b[2])


def same_place(one: Institution, other: Institution) -> bool:
    if one.code is not None and other.code is not None:
        return one.code == other.code
    def street(place: Institution) -> str:
        return " ".join(place.street.lower().replace("ё", "е").split())

    return one.postcode == other.postcode and street(one) == street(other)


def _same_person(fields: EntryFields, new: Prisoner, people: Sequence[Prisoner]) -> list[Problem]:
    """Refuses the same person at the same place; warns of the same name elsewhere."""
    assert fields.ru is not None
    namesakes = [p for p in people if same_name(p.name.ru, fields.ru)]
    for person in namesakes:
        if same_place(person.institution, new.institution):
            raise PostcardsError(f"{fields.ru.full()} at {_place(new.institution)} is already in the file "
                                 f"as '{person.id}'", where=person.where,
                                 hint="edit that entry (and its verified:) instead of adding another")
    return [Problem(f"'{p.id}' has the same name, at {_place(p.institution)}", p.where,
                    hint="if this is the same person, moved, edit that entry instead")
            for p in namesakes]


def _place(place: Institution) -> str:
    return place.code or f"{place.name}, {place.postcode}"


def pasted(people: Sequence[str | Parsed], name: str | None) -> Dataset:
    """People read from pasted texts as a dataset, each with an id of their own; every text's
    problems raised together, each located as `--to` (or `--to #2` among several)."""
    if name is not None and len(people) != 1:
        raise PostcardsError("a name is given for several texts", field="--name",
                             hint="put each name into its text")
    found: list[Parsed] = []
    problems: list[Problem] = []
    for number, person in enumerate(people, start=1):
        label = "--to" if len(people) == 1 else f"--to #{number}"  # as `make --to` gives them
        try:
            found.append(parse(person, name, registry_of(None), label) if isinstance(person, str) else person)
        except PostcardsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PostcardsError.of(problems)
    return pasted_dataset(found)


def pasted_dataset(people: Sequence[Parsed]) -> Dataset:
    """Parsed people as a dataset, each with an id of their own."""
    prisoners: list[Prisoner] = []
    for index, parsed in enumerate(people):
        pid = free_id(parsed.prisoner.id, (p.id for p in prisoners))
        prisoners.append(replace(parsed.prisoner, id=pid, index=index))
    warnings = tuple(w for parsed in people for w in parsed.warnings)
    return Dataset(PASTED, tuple(prisoners), dict(builtin_registry()), warnings)
