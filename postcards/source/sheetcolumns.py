"""Columns of a spreadsheet: their letters, the header words (Russian, Belarusian, English) that
name a field of a person, the header row found by them, and `--column FIELD=B` overrides."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from postcards.shared.errors import PostcardsError, Problem, SourceLocation

# Header words by field, as people write them; compared case-, ё-, space- and
# punctuation-insensitively, whole or as the first words of a longer header ("Адрес колонии").
HEADERS: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "идентификатор", "ідэнтыфікатар", "slug"),
    "name": ("ФИО", "Ф.И.О.", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "Фамилия и имя",
             "Фамилия Имя", "Имя Фамилия", "Полное имя", "Кому", "Политзаключённый",
             "Прозвішча імя імя па бацьку", "Прозвішча, імя", "Прозвішча і імя", "ПІБ", "Поўнае імя",
             "Каму", "Палітвязень", "Full name", "Name and surname", "Prisoner", "Person"),
    "surname": ("Фамилия", "Прозвішча", "Surname", "Last name", "Family name"),
    "given": ("First name", "Given name", "Forename"),
    "patronymic": ("Отчество", "Імя па бацьку", "Patronymic", "Middle name"),
    "latin": ("Name in English", "Name in Latin", "English name", "Latin name", "Name (Latin)",
              "Имя на английском", "Имя латиницей", "ФИО латиницей", "ФИО на английском",
              "Имя англ", "Імя лацінкай", "Імя па-англійску", "Transliteration", "Транслитерация"),
    "gender": ("Пол", "Gender", "Sex"),
    "birthday": ("Дата рождения", "День рождения", "ДР", "Д.Р.", "Дата нараджэння", "Дзень нараджэння",
                 "Birthday", "Date of birth", "Birth date", "DOB", "Born"),
    "address": ("Адрес", "Адрас", "Почтовый адрес", "Адрес для писем", "Адрес для переписки", "Куда",
                "Паштовы адрас", "Адрас для лістоў", "Куды", "Address", "Postal address",
                "Mailing address"),
    "institution": ("Учреждение", "Исправительное учреждение", "Колония", "Место заключения",
                    "Место содержания", "Тюрьма", "СИЗО", "Установа", "Калонія", "Месца зняволення",
                    "Месца ўтрымання", "Турма", "Institution", "Prison", "Facility", "Colony",
                    "Penal colony"),
    "unit": ("Отряд", "Атрад", "Unit"),
    "street": ("Улица", "Улица, дом", "Вуліца", "Street", "Street address"),
    "city": ("Город", "Населённый пункт", "Нас. пункт", "Горад", "Населены пункт", "City", "Town",
             "Locality"),
    "district": ("Район", "Раён", "District"),
    "region": ("Область", "Вобласць", "Region", "Oblast"),
    "postcode": ("Индекс", "Почтовый индекс", "Індэкс", "Паштовы індэкс", "Postcode", "Post code",
                 "Postal code", "ZIP", "ZIP code"),
    "articles": ("Статья", "Статьи", "Статьи УК", "Артыкул", "Артыкулы", "Articles", "Article", "Charges"),
    "sentence": ("Срок", "Приговор", "Тэрмін", "Прысуд", "Sentence", "Term"),
    "tags": ("Теги", "Метки", "Группа", "Тэгі", "Тэги", "Група", "Tags", "Group", "Labels"),
    "interests": ("Интересы", "Увлечения", "Інтарэсы", "Захапленні", "Interests", "Hobbies"),
    "notes": ("Примечание", "Примечания", "Заметки", "Комментарий", "О человеке", "Описание",
              "Заўвагі", "Нататкі", "Каментар", "Пра чалавека", "Notes", "Note", "About", "Comment",
              "Comments"),
    "sources": ("Источник", "Источники", "Ссылка", "Крыніца", "Крыніцы", "Спасылка", "Source", "Sources",
                "Link", "URL"),
    "status": ("Статус", "Status"),
    "verified": ("Проверено", "Дата проверки", "Правераны", "Дата праверкі", "Verified", "Checked"),
}
NAME_OR_GIVEN = ("Имя", "Імя", "Name")  # the given name beside a surname column, else the full name
NOT_FIELDS = ("Адрес электронной почты", "Электронная почта", "Адрас электроннай пошты", "Email",
              "E-mail", "№", "№ п/п", "Номер", "Нумар", "No", "Number")  # never read
FIELDS = tuple(HEADERS)
NAME_FIELDS = ("name", "surname")
ADDRESS_FIELDS = ("address", "institution", "street")
ALIASES = {"born": "birthday", "locality": "city", "about": "notes"}  # the data file's words
_EITHER = "name|given"
HEADER_ROW_SEARCH = 20  # non-empty rows looked at for a header row, from the top
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^]]*\]")
_NOT_WORD = re.compile(r"[\W_]+")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")


def normalise(header: str) -> str:
    """Lower case, ё as е, every run of punctuation and space as one space: "Ф.И.О." -> "ф и о"."""
    text = unicodedata.normalize("NFKC", header).lower().replace("ё", "е")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _vocabulary() -> dict[str, str]:
    words: dict[str, str] = {}
    groups = [*HEADERS.items(), (_EITHER, NAME_OR_GIVEN), ("", NOT_FIELDS)]
    for field, headers in groups:
        for header in headers:
            known = words.setdefault(normalise(header), field)
            assert known == field, f"{header!r} names both {known} and {field}"
    return words


_WORDS = _vocabulary()


def field_of(header: str) -> str | None:
    """The field a header names (`name|given` for Имя/Імя/Name), "" for a header known to be
    no field (e-mail, №), None for one not known."""
    for text in (normalise(header), normalise(_PARENTHESES.sub(" ", header))):
        words = text.split()
        for count in range(len(words), 0, -1):
            field = _WORDS.get(" ".join(words[:count]))
            if field is not None:
                return field
    return None


def column_letter(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: the column as spreadsheet programs show it."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """A -> 1, AA -> 27."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


@dataclass(frozen=True, slots=True)
class CellLocation(SourceLocation):
    """A cell, shown as `FILE:ROW:COLUMN` with the column's letter, as the spreadsheet shows
    it (`list.xlsx:5:B`); `column` stays its number from 1, so any SourceLocation reader works."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{column_letter(self.column)}"


@dataclass(frozen=True)
class Column:
    number: int  # from 1
    header: str

    @property
    def letter(self) -> str:
        return column_letter(self.number)

    def shown(self) -> str:
        return f"{self.letter} «{self.header}»" if self.header else self.letter


def find_header_row(rows: Sequence[tuple[int, list[str]]]) -> tuple[int, list[str]] | None:
    """Among the first non-empty rows (a title may stand above the table): the first with two
    known headers, else the first with a header of the name or the address, else the first;
    None when there are none."""
    def known(cells: list[str]) -> list[str]:
        return [field for field in map(field_of, filter(None, cells)) if field]

    keys = (_EITHER, *NAME_FIELDS, *ADDRESS_FIELDS)
    return (next((row for row in rows if len(known(row[1])) >= 2), None)
            or next((row for row in rows if any(f in keys for f in known(row[1]))), None)
            or next(iter(rows), None))


def map_columns(file: str, row: int, headers: list[str],
                overrides: Mapping[str, str] | None = None) -> tuple[dict[str, Column], tuple[Column, ...]]:
    """(field -> column, columns not read) for a header row; overrides name a field's column by
    letter (`B`), number (`2`) or header text. A missing name or address column, a field read
    from two columns or a bad override is a PostcardsError listing every such problem."""
    columns = [Column(number, text) for number, text in enumerate(headers, start=1)]
    found: dict[str, list[Column]] = {}
    for column in columns:
        field = field_of(column.header) if column.header else ""
        if field:
            found.setdefault(field, []).append(column)
    for column in found.pop(_EITHER, []):
        found.setdefault("given" if "surname" in found else "name", []).append(column)
    chosen, problems = _apply_overrides(file, row, columns, found, overrides or {})
    for field, several in found.items():
        if len(several) > 1 and field not in chosen:
            problems.append(Problem(
                f"two columns read as {field}: " + " and ".join(c.shown() for c in several),
                CellLocation(file, row, several[1].number),
                hint=f"keep one, or choose with --column {field}={several[0].letter}"))
        chosen.setdefault(field, several[0])
    problems.extend(_missing(file, row, columns, chosen))
    if problems:
        raise PostcardsError.of(problems)
    used = {column.number for column in chosen.values()}
    ignored = tuple(c for c in columns if c.header and c.number not in used)
    return dict(sorted(chosen.items(), key=lambda item: item[1].number)), ignored


def _apply_overrides(file: str, row: int, columns: list[Column], found: dict[str, list[Column]],
                     overrides: Mapping[str, str]) -> tuple[dict[str, Column], list[Problem]]:
    chosen: dict[str, Column] = {}
    problems: list[Problem] = []
    for given, spec in overrides.items():
        field = ALIASES.get(given.strip().lower(), given.strip().lower())
        if field not in HEADERS:
            near = difflib.get_close_matches(field, [*FIELDS, *ALIASES], n=1)
            problems.append(Problem(f"no field '{given}'" + (f" (did you mean '{near[0]}'?)" if near else ""),
                                    field="--column", hint="the fields are " + ", ".join(FIELDS)))
            continue
        column = _column_of(spec, columns)
        if column is None:
            headers = ", ".join(c.shown() for c in columns if c.header) or "none"
            problems.append(Problem(f"{given}={spec}: no column with that letter, number or header",
                                    CellLocation(file, row, 1), "--column", f"the headers are {headers}"))
            continue
        for taken in found.values():
            if column in taken:
                taken.remove(column)
        chosen[field] = column
    for field in [f for f, taken in found.items() if not taken]:
        del found[field]
    return chosen, problems


def _column_of(spec: str, columns: list[Column]) -> Column | None:
    wanted = normalise(spec)
    for column in columns:
        if column.header and normalise(column.header) == wanted:
            return column
    text = spec.strip()
    if _LETTERS.fullmatch(text):
        number = column_number(text)
    elif text.isdigit() and int(text) > 0:
        number = int(text)
    else:
        return None
    return columns[number - 1] if number <= len(columns) else Column(number, "")


def _missing(file: str, row: int, columns: list[Column], chosen: Mapping[str, Column]) -> Iterator[Problem]:
    headers = ", ".join(c.shown() for c in columns if c.header) or "none"
    where = CellLocation(file, row, next((c.number for c in columns if c.header), 1))
    if not any(field in chosen for field in NAME_FIELDS):
        yield Problem(f"no column for the name among the headers found: {headers}", where,
                      hint="head it ФИО, Имя or Name, or name it with --column name=LETTER")
    if not any(field in chosen for field in ADDRESS_FIELDS):
        yield Problem(f"no column for the address among the headers found: {headers}", where,
                      hint="head it Адрес, Учреждение or Address, or name it with --column address=LETTER")
