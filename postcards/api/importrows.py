"""One spreadsheet row read into a data-file entry: the name and the joined address read as
`add` reads pasted text, and the row's other columns (birthday, gender, tags, articles,
sentence, notes, sources, status, verified, Latin name, id, unit) checked as the schema checks
them. Every problem is located at its cell, `FILE:ROW:COLUMN`, with a fix that fits a sheet."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Prisoner
from postcards.shared.names import Gender, gender_from_patronymic
from postcards.shared.script import foreign_letter_problem
from postcards.source.institutions import Registry
from postcards.source.sheets import Row
from postcards.source.yamlwrite import EntryFields
from postcards.text.paste import parse_address
from postcards.text.paste_place import PASTED
from postcards.text.translit import said

T = TypeVar("T")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\.?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_SPLIT = re.compile(r"[,;\n]+")
_URLS = re.compile(r"[\s;]+|,\s+")
GENDER_WORDS: dict[str, Gender] = {"ж": "female", "f": "female", "w": "female", "м": "male", "m": "male"}
STATUS_STEMS = (
    ("released", ("освоб", "вызвал", "releas", "на свобод", "на волю", "free")),
    ("unknown", ("неизвест", "невядом", "unknown", "?")),
    ("imprisoned", ("заключ", "зняв", "imprison", "сидит", "осужд", "под страж", "арест", "за крат",
                    "в колон", "в тюрьм", "prison", "jail", "detain")),
)
_HINTS = {
    'give the name with --name "Фамилия Имя Отчество" (Russian, nominative)':
        'write it as "Фамилия Имя Отчество" (Russian, nominative)',
    'give the Russian form with --name "Фамилия Имя Отчество"':
        'write the Russian form, "Фамилия Имя Отчество", in the name column',
    "give the Russian form with --name": "write the Russian form in the name column",
}


@dataclass(frozen=True)
class RowEntry:
    """A row read: the entry's fields and the record (None when the row has problems)."""

    row: Row
    fields: EntryFields | None
    prisoner: Prisoner | None
    pid: str | None  # from an id column
    verified: date | None  # from a verified column
    sources: tuple[str, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    guesses: tuple[str, ...] = ()


def read_row(row: Row, registry: Registry) -> RowEntry:
    """The row's entry, or its problems."""
    if row.problems:
        return RowEntry(row, None, None, None, None, (), row.problems, ())
    name = " ".join(row.name_text().split())
    parts = row.address_parts()
    try:
        parsed = parse_address(", ".join(p for _, p in parts) + "\n" + name, registry=registry)
    except PostcardsError as exc:
        return RowEntry(row, None, None, None, None, (), _located(exc.problems, row, parts), ())
    problems: list[Problem] = []
    cells = _Cells(row, problems)
    fields = parsed.prisoner_fields
    if fields.ru is None:
        cells.problem(_name_field(row), "the name is known only in Belarusian, and a data file needs its "
                      "Russian form", _HINTS["give the Russian form with --name"])
    gender: Gender | None = cells.read("gender", _gender)
    patronymic = fields.ru.patronymic if fields.ru else None
    told = gender_from_patronymic(patronymic)
    if gender and told not in (None, gender):
        cells.problem("gender", f"{gender}, but the patronymic '{patronymic}' is {told}", "correct one")
    fields = replace(
        fields, gender=gender or fields.gender, latin=fields.latin or cells.read("latin", _text),
        born=cells.read("birthday", _birthday), unit=cells.read("unit", _unit),
        articles=cells.read("articles", _list) or (), sentence=cells.read("sentence", _text),
        about=cells.read("notes", _text), tags=cells.read("tags", _tags) or (),
        status=cells.read("status", _status) or "imprisoned")
    pid = cells.read("id", _id)
    verified = cells.read("verified", _day)
    sources = cells.read("sources", _sources) or ()
    warnings = _located(parsed.warnings, row, parts) + cells.notes()
    if problems:
        problems.sort(key=lambda problem: problem.where.column if problem.where else 0)
        return RowEntry(row, None, None, None, None, (), tuple(problems), warnings)
    return RowEntry(row, fields, parsed.prisoner, pid, verified, sources, (), warnings, parsed.guesses)


def _name_field(row: Row) -> str:
    return "name" if "name" in row.cells else "surname"


def _located(problems: tuple[Problem, ...], row: Row, parts: list[tuple[str, str]]) -> tuple[Problem, ...]:
    """The parser's problems, at the cell they come from: the name's (line 2 of the text it was
    given), or the address part's their column falls in (line 1)."""
    found = []
    for problem in problems:
        where = problem.where
        if where is None or where.file != PASTED:
            found.append(problem)
            continue
        field = _name_field(row) if where.line >= 2 else _part_at(parts, where.column - 1)
        message = re.sub(r" \(at \d+:\d+\)", "", problem.message)
        hint = _HINTS.get(problem.hint or "", problem.hint)
        found.append(Problem(message, row.where(field), None, hint))
    return tuple(found)


def _part_at(parts: list[tuple[str, str]], offset: int) -> str:
    field, start = parts[0][0], 0
    for name, part in parts:
        if start > offset:
            break
        field = name
        start += len(part) + len(", ")
    return field


class _Cells:
    """The row's other columns read one at a time; each problem and note kept at its cell."""

    def __init__(self, row: Row, problems: list[Problem]) -> None:
        self.row, self.problems, self._notes = row, problems, list[Problem]()

    def read(self, field: str, parse: Callable[[str], tuple[T | None, str | None, str | None]]) -> T | None:
        text = " ".join(self.row.text(field).split()) if field != "notes" else self.row.text(field).strip()
        if not text:
            return None
        value, problem, hint = parse(text)
        if problem is not None and value is None:
            self.problem(field, problem, hint)
        elif problem is not None:
            self._notes.append(Problem(problem, self.row.where(field), hint=hint))
        return value

    def problem(self, field: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(message, self.row.where(field), hint=hint))

    def notes(self) -> tuple[Problem, ...]:
        return tuple(self._notes)


def _text(text: str) -> tuple[str | None, str | None, str | None]:
    return text, None, None


def _list(text: str) -> tuple[tuple[str, ...] | None, str | None, str | None]:
    return tuple(p.strip() for p in _SPLIT.split(text) if p.strip()), None, None


def _gender(text: str) -> tuple[Gender | None, str | None, str | None]:
    word = text.strip().lower()
    gender = GENDER_WORDS.get(word[:1]) if word not in ("female", "male") else GENDER_WORDS[word[0]]
    if gender is None:
        return None, f"'{text}' is not a gender this tool reads", "write ж or м, female or male"
    return gender, None, None


def _birthday(text: str) -> tuple[str | None, str | None, str | None]:
    """YYYY-MM-DD, DD.MM.YYYY or DD.MM (and --MM-DD), as the schema writes it."""
    year, month, day = _date_parts(text)
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None, f"'{text}' is not a date", "write it as 13.07.1973 or 1973-07-13, or 13.07 with no year"
    if year is not None and year < 1900:
        return None, f"year {year} is too early", "check the year"
    return (f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"), None, None


def _day(text: str) -> tuple[date | None, str | None, str | None]:
    year, month, day = _date_parts(text)
    try:
        if year is None:
            raise ValueError
        return date(year, month, day), None, None
    except ValueError:
        return None, f"'{text}' is not a date with its year", "write it as 09.11.2023 or 2023-11-09"


def _date_parts(text: str) -> tuple[int | None, int, int]:
    """(year or None, month, day); month 0 when `text` is no date this reads."""
    for pattern, order in ((_ISO, (1, 2, 3)), (_DOTTED, (3, 2, 1)), (_MONTH_DAY, (0, 1, 2))):
        found = pattern.match(text.strip())
        if found:
            year = found.group(order[0]) if order[0] else None
            return (int(year) if year else None), int(found.group(order[1])), int(found.group(order[2]))
    return None, 0, 0


def _tags(text: str) -> tuple[tuple[str, ...] | None, str | None, str | None]:
    """Labels as the schema takes them (a-z, 0-9, hyphens); a Cyrillic one is said in Latin
    letters ("Женщины" -> zhenshchiny), which a note says."""
    tags, renamed = [], []
    for part in _SPLIT.split(text):
        word = part.strip()
        slug = "-".join(re.findall(r"[a-z0-9]+", said(word, "ru").lower()))
        if slug and slug not in tags:
            tags.append(slug)
            if slug != word:
                renamed.append(f"'{word}' as '{slug}'")
    note = f"tags written in Latin letters: {', '.join(renamed)}" if renamed else None
    return tuple(tags), note, "--tag takes them so" if note else None


def _status(text: str) -> tuple[str | None, str | None, str | None]:
    word = text.strip().lower()
    for status, stems in STATUS_STEMS:
        if any(word.startswith(stem) or f" {stem}" in f" {word}" for stem in stems):
            return status, None, None
    return None, f"status '{text}' is not one this tool reads", "write imprisoned, released or unknown"


def _sources(text: str) -> tuple[tuple[str, ...] | None, str | None, str | None]:
    return tuple(p for p in _URLS.split(text) if p), None, None


def _id(text: str) -> tuple[str | None, str | None, str | None]:
    if _ID.match(text):
        return text, None, None
    return None, f"id '{text}' may hold only a-z, 0-9 and single hyphens", "e.g. chekina or loika-anastasiya"


def _unit(text: str) -> tuple[str | None, str | None, str | None]:
    problem = foreign_letter_problem(text)
    if problem:
        return None, problem, "write it in Cyrillic as the source gives it, e.g. отряд № 5"
    return text, None, None
