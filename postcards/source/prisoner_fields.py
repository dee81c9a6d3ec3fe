"""Reading one entry of the `prisoners:` list into a Prisoner: every field checked against
the schema, each problem recorded with its place in the file."""

from __future__ import annotations

import re
import sys
from datetime import date
from functools import partial
from typing import Any

from yaml.nodes import Node, ScalarNode

from postcards.shared.model import (
    CONFESSIONS,
    LEDGER_STATE_ID,
    STATUSES,
    Birthday,
    Institution,
    Prisoner,
    Sentence,
)
from postcards.shared.names import GENDERS, Gender, Name, NameParts, gender_from_patronymic
from postcards.shared.script import BELARUSIAN_ONLY, belarusian_marks, belarusian_name, foreign_letter_problem
from postcards.source.institutions import not_printable, read_institution, use_warnings
from postcards.source.prisoner_labels import read_interests, read_tags
from postcards.source.yamlsource import Reader, did_you_mean, is_null, join

PRISONER_KEYS = (
    "id", "name", "gender", "dative", "dative_be", "born", "institution", "address", "unit",
    "sentence", "about", "status", "released", "verified", "sources", "tags", "interests",
    "confession",
)
NAME_KEYS = ("ru", "be", "latin")
PARTS_KEYS = ("surname", "given", "patronymic")
SENTENCE_KEYS = ("years", "regime", "articles", "text")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")


def read_prisoner(
    reader: Reader, node: Node, index: int, institutions: dict[str, Institution]
) -> Prisoner | None:
    """The prisoner at `node` (item `index` of the list), or None when any field is wrong
    (the reader holds why)."""
    path = f"prisoners[{index}]"
    fields = reader.mapping(node, path, PRISONER_KEYS, required=("id", "name"))
    if fields is None:
        return None
    errors_before = len(reader.errors)
    pid = _read_id(reader, fields.get("id"), join(path, "id"))
    name = _read_name(reader, fields["name"], join(path, "name")) if "name" in fields else None
    gender = _read_gender(reader, fields, path, name)
    institution = _read_place(reader, node, fields, path, institutions)
    dative = _read_dative(reader, fields.get("dative"), join(path, "dative"), name)
    dative_be = reader.optional_text(fields.get("dative_be"), join(path, "dative_be"))
    if dative_be is not None:
        _check_cyrillic(reader, fields["dative_be"], join(path, "dative_be"), dative_be, "Belarusian")
    given = {k: v for k, v in fields.items() if not is_null(v)}
    extra: dict[str, Any] = {}
    if "born" in given:
        extra["born"] = _read_birthday(reader, given["born"], join(path, "born"))
    if "sentence" in given:
        extra["sentence"] = _read_sentence(reader, given["sentence"], join(path, "sentence"))
    if "about" in given:
        extra["about"] = reader.text(given["about"], join(path, "about"))
    if "status" in fields:  # an emptied status is a mistake, not "imprisoned"
        extra["status"] = reader.choice(fields["status"], join(path, "status"), STATUSES, "status")
    if "released" in given:
        extra["released"] = _read_released(reader, given["released"], join(path, "released"),
                                           extra.get("status", "imprisoned"))
    if "verified" in given:
        extra["verified"] = reader.iso_date(given["verified"], join(path, "verified"))
    if "sources" in given:
        extra["sources"] = tuple(reader.each(given["sources"], join(path, "sources"), reader.text))
    if "tags" in given:
        extra["tags"] = read_tags(reader, given["tags"], join(path, "tags"))
    if "interests" in given:
        extra["interests"] = read_interests(reader, given["interests"], join(path, "interests"))
    if "confession" in given:
        extra["confession"] = reader.choice(given["confession"], join(path, "confession"), CONFESSIONS,
                                            "confession")
    if "unit" in given:
        extra["unit"] = _read_unit(reader, given["unit"], join(path, "unit"))
    if len(reader.errors) > errors_before or pid is None or name is None or gender is None \
            or institution is None:
        return None
    return Prisoner(id=pid, name=name, gender=gender, institution=institution,
                    where=reader.where(node), index=index, dative=dative, dative_be=dative_be, **extra)


def _read_id(reader: Reader, node: Node | None, path: str) -> str | None:
    if node is None:
        return None
    value = reader.text(node, path, numbers_too=True)
    if value is not None and not _ID.match(value):
        reader.error(node, path, f"id '{value}' may hold only a-z, 0-9 and single hyphens",
                     "e.g. chekina or loika-anastasiya")
        return None
    if value == LEDGER_STATE_ID:
        reader.error(node, path, f"id '{value}' is the ledger's own word for its state rows",
                     "choose another id")
        return None
    return value


def _read_unit(reader: Reader, node: Node, path: str) -> str | None:
    """The line printed under the institution's: one line of Russian Cyrillic."""
    unit = reader.text(node, path, numbers_too=True)
    if unit is None:
        return None
    problem = "it is more than one line" if "\n" in unit.strip() else foreign_letter_problem(unit)
    if problem:
        reader.error(node, path, problem, "write it on one line, in Cyrillic, as the source gives it, "
                     "e.g. unit: отряд № 5")
        return None
    return " ".join(unit.split())


def _read_released(reader: Reader, node: Node, path: str, status: str | None) -> date | None:
    """The day the person was released. It belongs with status: released; with imprisoned
    the entry contradicts itself (an error: a card would go to someone the file calls free),
    with unknown it is kept, with a warning."""
    day = reader.iso_date(node, path)
    if day is None:
        return None
    if status == "imprisoned":
        reader.error(node, path, f"released: {day} but the status is imprisoned",
                     "set status: released, or remove released: (if the person was arrested again, "
                     "keep the old date in a comment)")
    elif status == "unknown":
        reader.warn(node, path, f"released: {day} with status: unknown",
                    "set status: released when a source confirms the release")
    return day


def _read_name(reader: Reader, node: Node, path: str) -> Name | None:
    if isinstance(node, ScalarNode):
        belarusian = isinstance(node.value, str) and belarusian_name(node.value)
        parts = _read_parts(reader, node, path, "Belarusian" if belarusian else "Russian")
        if parts is None:
            return None
        return _belarusian_only(reader, node, path, parts, None) if belarusian else Name(parts)
    fields = reader.mapping(node, path, NAME_KEYS,
                            what="a name: one string 'Фамилия Имя Отчество' or a mapping with ru:")
    if fields is None:
        return None
    be = None
    if "be" in fields and not is_null(fields["be"]):
        be = _read_parts(reader, fields["be"], join(path, "be"), "Belarusian")
    latin = reader.optional_text(fields.get("latin"), join(path, "latin"))
    if "ru" not in fields:
        if "be" not in fields or is_null(fields["be"]):
            reader.error(node, join(path, "ru"), "missing",
                         "add 'ru:' (for a name known only in Belarusian, 'be:' alone)")
        return _belarusian_only(reader, node, path, be, latin) if be else None
    ru = _read_parts(reader, fields["ru"], join(path, "ru"), "Russian")
    return Name(ru, be, latin) if ru else None


def _belarusian_only(reader: Reader, node: Node, path: str, be: NameParts, latin: str | None) -> Name:
    """A name the data gives only in Belarusian: printed as written, never made Russian."""
    reader.warn(node, path, f"'{be.full()}' is known only in Belarusian: a Russian block carries its "
                "Belarusian dative, and no Russian form is made up",
                "add name.ru: {surname: ..., given: ..., patronymic: ...} when a source gives it")
    return Name(be, be, latin, be_only=True)


def _read_parts(reader: Reader, node: Node, path: str, language: str) -> NameParts | None:
    if isinstance(node, ScalarNode):
        text = reader.text(node, path)
        if text is None:
            return None
        words = text.split()
        if len(words) != 3:
            reader.error(node, path, f"'{text}' is {len(words)} word(s), not 'Фамилия Имя Отчество'",
                         "without a patronymic, write a mapping: {surname: ..., given: ...} "
                         "and add gender:")
            return None
        parts = NameParts(*(sys.intern(w) for w in words))  # one copy of each given name in a long list
    else:
        fields = reader.mapping(node, path, PARTS_KEYS, required=("surname", "given"))
        if fields is None or "surname" not in fields or "given" not in fields:
            return None
        surname = reader.text(fields["surname"], join(path, "surname"))
        given = reader.text(fields["given"], join(path, "given"))
        patronymic = reader.optional_text(fields.get("patronymic"), join(path, "patronymic"))
        if surname is None or given is None:
            return None
        parts = NameParts(sys.intern(surname), sys.intern(given), patronymic and sys.intern(patronymic))
    for word in (parts.surname, parts.given, parts.patronymic):
        if word and not (_check_cyrillic(reader, node, path, word, language)
                         and _check_capitals(reader, node, path, word)):
            return None
    return parts


def _check_capitals(reader: Reader, node: Node, path: str, word: str) -> bool:
    """Names are printed as written: each part must start with a capital letter."""
    if all(part[:1].isupper() for part in word.split("-")):
        return True
    fixed = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    hint = f"write '{fixed}'" if fixed != word else "begin each part with its capital, nothing before it"
    reader.error(node, path, f"'{word}' does not start with a capital letter", hint)
    return False


def _check_cyrillic(reader: Reader, node: Node, path: str, text: str, language: str) -> bool:
    problem = foreign_letter_problem(text)
    if problem:
        reader.error(node, path, problem,
                     f"type the {language} form in Cyrillic; a Latin form goes under name.latin")
        return False
    belarusian = belarusian_marks(text) if language == "Russian" else []
    if belarusian:
        reader.error(node, path, f"'{text}' has {_described(belarusian[0])}",
                     "give the Russian form here and the Belarusian one under name.be")
        return False
    return True


def _described(mark: str) -> str:
    if mark in BELARUSIAN_ONLY:
        return f"the Belarusian letter '{mark}'"
    return f"a Belarusian apostrophe '{mark}' (Russian writes ь or ъ there)"


def _read_dative(reader: Reader, node: Node | None, path: str, name: Name | None) -> str | None:
    """The exact dative of the Russian block. One in Belarusian letters is printed as written,
    with a warning (for a name known only in Belarusian, the name's own warning says it)."""
    dative = reader.optional_text(node, path)
    if dative is None or node is None:
        return dative
    problem = foreign_letter_problem(dative)
    if problem:
        reader.error(node, path, problem,
                     "type the Russian form in Cyrillic; a Latin form goes under name.latin")
        return dative
    marks = belarusian_marks(dative)
    if marks and not (name is not None and name.be_only):
        reader.warn(node, path, f"'{dative}' has {_described(marks[0])}: the Russian block prints it as "
                    "written", "give the Russian dative here, and the Belarusian one under dative_be:")
    return dative


def _read_gender(reader: Reader, fields: dict[str, Node], path: str, name: Name | None) -> Gender | None:
    told = gender_from_patronymic(name.ru.patronymic) if name else None
    node = fields.get("gender")
    if node is None or is_null(node):
        if told is None and name is not None:
            reader.error(fields["name"], join(path, "gender"),
                         "cannot tell the gender: the name has no patronymic that tells it",
                         "add gender: female or gender: male")
        return told
    value = reader.choice(node, join(path, "gender"), GENDERS, "gender")
    if value is None:
        return None
    if told is not None and told != value and name is not None:
        reader.error(node, join(path, "gender"),
                     f"gender is {value} but the patronymic '{name.ru.patronymic}' is {told}",
                     "correct one of the two")
        return None
    return value  # type: ignore[return-value]  # one of GENDERS


def _read_place(
    reader: Reader, node: Node, fields: dict[str, Node], path: str, institutions: dict[str, Institution]
) -> Institution | None:
    code_node, address_node = fields.get("institution"), fields.get("address")
    if code_node is not None and address_node is not None:
        reader.error(address_node, join(path, "address"), "both institution and address are given",
                     "keep one: a registry code or an inline address")
        return None
    if address_node is not None:
        return read_institution(reader, address_node, join(path, "address"), code=None)
    if code_node is None:
        reader.error(node, join(path, "institution"), "missing",
                     "add institution: CODE (e.g. IK-4) or an inline address: mapping")
        return None
    code = reader.text(code_node, join(path, "institution"))
    if code is None:
        return None
    place = institutions.get(code)
    if place is None:
        known = f"known codes: {', '.join(sorted(institutions))}; or add it under institutions:"
        message, hint = not_printable(code) or (f"unknown institution '{code}'",
                                                did_you_mean(code, institutions) or known)
        reader.error(code_node, join(path, "institution"), message, hint)
        return None
    for message, hint in use_warnings(place):
        reader.warn(code_node, join(path, "institution"), message, hint)
    return place


def _read_birthday(reader: Reader, node: Node, path: str) -> Birthday | None:
    raw = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    match = _MONTH_DAY.match(raw)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            date(2000, month, day)  # a leap year, so --02-29 counts
        except ValueError:
            reader.error(node, path, f"{raw} is not a day that exists", "check the day and month")
            return None
        return Birthday(month, day)
    born = reader.iso_date(node, path)
    if born is None:
        return None
    if born.year < 1900:
        reader.error(node, path, f"year {born.year} is too early", "check the year")
        return None
    return Birthday(born.month, born.day, born.year)


def _read_sentence(reader: Reader, node: Node, path: str) -> Sentence | None:
    fields = reader.mapping(node, path, SENTENCE_KEYS)
    if fields is None:
        return None
    years = None
    if "years" in fields:
        value = reader.scalar(fields["years"]) if isinstance(fields["years"], ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
            reader.error(fields["years"], join(path, "years"), "expected a number of years from 0 to 100")
        else:
            years = float(value)
    articles = fields.get("articles")
    read_article = partial(reader.text, numbers_too=True)
    return Sentence(
        years=years,
        regime=reader.optional_text(fields.get("regime"), join(path, "regime")),
        articles=tuple(reader.each(articles, join(path, "articles"), read_article)) if articles else (),
        text=reader.optional_text(fields.get("text"), join(path, "text")),
    )

