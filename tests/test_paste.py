"""Addresses as people paste them: the golden cases from campaign pages (tests/data/paste/),
names read back from the dative, and the entry `add` writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.model import Institution
from postcards.shared.names import NameParts
from postcards.source.institutions import known_institutions
from postcards.source.records import load_dataset
from postcards.text.address import address_lines
from postcards.text.dative import dative_full_name
from postcards.text.dative_be import dative_full_name_be
from postcards.text.paste import Parsed, entry_yaml, parse_address
from postcards.text.paste_names import read_name

CASES_FILE = Path(__file__).parent / "data" / "paste" / "cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _case_params() -> list[Any]:
    marks = {c["id"]: [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
             for c in CASES}
    return [pytest.param(c, id=c["id"], marks=marks[c["id"]]) for c in CASES]


def outcome(case: dict[str, Any]) -> tuple[list[str], Parsed | None]:
    """The block printed, or the error lines, for a golden case."""
    try:
        parsed = parse_address(case["text"], name=case.get("name"))
    except PostcardsError as exc:
        return exc.lines(), None
    return list(address_lines(parsed.prisoner)), parsed


def right(case: dict[str, Any]) -> bool:
    """Whether the parser gets a case exactly right: the block (or error) and, when the case
    lists them, the warnings and guesses."""
    lines, parsed = outcome(case)
    if lines != case.get("block", case.get("error")):
        return False
    if parsed is None:
        return "error" in case
    if "warnings" in case and [str(w) for w in parsed.warnings] != case["warnings"]:
        return False
    return all(g in parsed.guesses for g in case.get("guesses", []))


def test_the_golden_cases_are_many_and_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 30
    for case in CASES:
        assert ("block" in case) != ("error" in case), case["id"]
        assert set(case) <= {"id", "source", "text", "name", "block", "error", "warnings", "guesses", "xfail"}


@pytest.mark.parametrize("case", _case_params())
def test_golden_case(case: dict[str, Any]) -> None:
    lines, parsed = outcome(case)
    assert lines == case.get("block", case.get("error"))
    if parsed is not None:
        if "warnings" in case:
            assert [str(w) for w in parsed.warnings] == case["warnings"]
        for guess in case.get("guesses", []):
            assert guess in parsed.guesses


# --- the record -----------------------------------------------------------------------------

LIBERECO = "Мария Колесникова\nИК №4\nул. Антошкина, 3\n246035, г. Гомель\nREPUBLIC OF BELARUS\n"


def test_the_record_is_the_one_records_builds() -> None:
    parsed = parse_address(LIBERECO)
    person = parsed.prisoner
    assert person.institution is known_institutions().institutions["IK-4"]
    assert person.name.ru == NameParts("Колесникова", "Мария")
    assert (person.gender, person.id, person.status) == ("female", "kolesnikova", "imprisoned")
    assert person.where == SourceLocation("<pasted>", 1, 1)
    fields = parsed.prisoner_fields
    assert (fields.institution, fields.address, fields.gender) == ("IK-4", None, "female")


def test_errors_are_located_in_the_pasted_text() -> None:
    with pytest.raises(PostcardsError) as caught:
        parse_address("Чекина Людмила Юрьевна\nИК-4\nул. Антошкина, 3\n101000, г. Гомель")
    (problem,) = caught.value.problems
    assert problem.where == SourceLocation("<pasted>", 4, 1)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(PostcardsError) as caught:
        parse_address("Павел Макар, ИК-4, ул. Антошкина, 3, г. Гомель")
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2 and messages[0].startswith("no postcode")
    assert "two ways" in messages[1]


def test_a_lookalike_repair_is_a_warning_and_a_guess() -> None:
    parsed = parse_address("Чекина Людмила Юрьевна, ИК-4, ул. Антошкина, 3, 246035, г. Гомeль")
    assert "Latin look-alike 'e' in 'Гомeль' repaired" in parsed.guesses
    assert [p.where for p in parsed.warnings] == [SourceLocation("<pasted>", 1, 60)]


def test_a_belarusian_only_name_keeps_its_belarusian_dative_and_no_russian_form() -> None:
    parsed = parse_address("Алесь Бяляцкі\nИК № 9\nул. Добролюбова, 16\n213410, г. Горки")
    assert parsed.prisoner.dative == "Бяляцкаму Алесю"
    assert parsed.prisoner_fields.ru is None
    assert parsed.prisoner_fields.be == NameParts("Бяляцкі", "Алесь")
    with pytest.raises(PostcardsError, match="known only in Belarusian"):
        entry_yaml(parsed, "bialiatski")


def test_a_pasted_name_other_than_name_is_named_in_a_warning() -> None:
    parsed = parse_address(LIBERECO, name="Колесникова Мария Александровна")
    assert parsed.prisoner.name.ru.patronymic == "Александровна"
    assert parsed.warnings == ()  # the same person, with the patronymic
    other = parse_address(LIBERECO, name="Чекина Людмила Юрьевна")
    assert "is not --name 'Чекина Людмила Юрьевна'" in str(other.warnings[0])


def test_a_data_files_registry_is_used_when_given() -> None:
    place = Institution("ИК № 50", "ул. Новая, 1", "246050", "г. Гомель", code="IK-50")
    registry = known_institutions().with_institutions({"IK-50": place})
    parsed = parse_address("Чекина Людмила Юрьевна, ИК-50, ул. Новая, 1, 246050, г. Гомель", registry=registry)
    assert parsed.prisoner.institution is place


# --- names ---------------------------------------------------------------------------------

NOMINATIVES = [
    (NameParts("Чекина", "Людмила", "Юрьевна"), "female"),
    (NameParts("Лойко", "Анастасия", "Юрьевна"), "female"),
    (NameParts("Бяляцкий", "Алесь", "Викторович"), "male"),
    (NameParts("Шарендо-Панасюк", "Полина", "Сергеевна"), "female"),
    (NameParts("Колесникова", "Мария", "Александровна"), "female"),
    (NameParts("Вознесенская", "Анна", "Игоревна"), "female"),
    (NameParts("Лосик", "Игорь", "Александрович"), "male"),
    (NameParts("Пипия", "Тимур"), "male"),
    (NameParts("Малашевич", "София"), "female"),
]


@pytest.mark.parametrize(("parts", "gender"), NOMINATIVES, ids=lambda v: getattr(v, "surname", v))
def test_a_russian_dative_reads_back_to_its_nominative(parts: NameParts, gender: str) -> None:
    dative = dative_full_name(parts, gender)  # type: ignore[arg-type]
    (reading,) = read_name(dative)
    assert (reading.parts, reading.gender, reading.case) == (parts, gender, "dative")


@pytest.mark.parametrize(("parts", "gender"), [
    (NameParts("Шарэнда-Панасюк", "Паліна", "Сяргееўна"), "female"),
    (NameParts("Бяляцкі", "Алесь", "Віктаравіч"), "male"),
    (NameParts("Чэкіна", "Людміла", "Юр'еўна"), "female"),
])
def test_a_belarusian_dative_reads_back_to_its_nominative(parts: NameParts, gender: str) -> None:
    (reading,) = read_name(dative_full_name_be(parts, gender))  # type: ignore[arg-type]
    assert (reading.parts, reading.language, reading.case) == (parts, "be", "dative")


@pytest.mark.parametrize(("text", "expected"), [
    ("Мария Колесникова", ("Колесникова", "Мария", True)),
    ("Колесникова Мария", ("Колесникова", "Мария", False)),
    ("Людмила Юрьевна Чекина", ("Чекина", "Людмила", True)),
])
def test_the_order_is_told_by_the_patronymic_or_the_given_name(text: str, expected: tuple[str, str, bool]) -> None:
    (reading,) = read_name(text)
    assert (reading.parts.surname, reading.parts.given, reading.given_first) == expected


GIVEN_NAMES = yaml.safe_load((Path(__file__).parent.parent / "postcards" / "data" / "given-names.yaml")
                             .read_text(encoding="utf-8"))
SURNAMES = {"female": ["Иванова", "Чекина", "Вознесенская", "Лойко", "Малашевич", "Шарендо-Панасюк"],
            "male": ["Иванов", "Бяляцкий", "Лосик", "Бабарико", "Гвозделко", "Дрозд", "Лукашевич"]}
PATRONYMICS = {"female": "Сергеевна", "male": "Сергеевич"}


@st.composite
def russian_names(draw: st.DrawFn) -> tuple[NameParts, str]:
    gender = draw(st.sampled_from(["female", "male"]))
    given_name = draw(st.sampled_from(GIVEN_NAMES["ru"][gender]))
    patronymic = draw(st.sampled_from([PATRONYMICS[gender], None]))
    return NameParts(draw(st.sampled_from(SURNAMES[gender])), given_name, patronymic), gender


@settings(max_examples=300, deadline=None)
@given(russian_names(), st.booleans(), st.booleans())
def test_every_known_name_reads_back_in_either_case_and_order(
        name: tuple[NameParts, str], dative: bool, given_first: bool) -> None:
    parts, gender = name
    words = dative_full_name(parts, gender).split() if dative else parts.full().split()  # type: ignore[arg-type]
    if given_first:
        words = words[1:] + words[:1]
    (reading,) = read_name(" ".join(words))
    assert reading.gender == gender
    assert reading.parts.full().replace("ё", "е") == parts.full().replace("ё", "е")  # Петру: Петр or Пётр


def test_a_name_that_reads_two_ways_gives_both() -> None:
    assert {r.parts.surname for r in read_name("Павел Макар")} == {"Павел", "Макар"}


def test_name_surname_first_is_how_name_reads_a_name_without_patronymic() -> None:
    (reading,) = read_name("Макар Павел", told=True)
    assert reading.parts == NameParts("Макар", "Павел")
    (unknown_given,) = read_name("Шарипова Гульнара", told=True)
    assert unknown_given.gender == "female"


# --- the entry `add` writes -------------------------------------------------------------------

def test_the_entry_loads_as_the_same_person(tmp_path: Path) -> None:
    parsed = parse_address("Чекиной Людмиле Юрьевне, ИК-4, ул. Антошкина, 3, 246035, г. Гомель",
                           name=None)
    text = entry_yaml(parsed, "chekina", date(2026, 6, 1), ["https://prisoners.spring96.org/ru/person/x"])
    assert text == (
        "- id: chekina\n"
        "  name:\n"
        "    ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}\n"
        "  institution: IK-4\n"
        "  status: imprisoned\n"
        "  verified: 2026-06-01\n"
        "  sources:\n"
        "    - https://prisoners.spring96.org/ru/person/x\n")
    path = tmp_path / "data.yaml"
    path.write_text("version: 1\nprisoners:\n" + "\n".join("  " + r for r in text.splitlines()) + "\n",
                    encoding="utf-8")
    (person,) = load_dataset(path).prisoners
    assert address_lines(person) == address_lines(parsed.prisoner)


def test_an_inline_entry_quotes_what_yaml_would_misread(tmp_path: Path) -> None:
    parsed = parse_address("Бяляцкі Алесь\nИК № 99\nул. Мирошниченко, д.1\n222615, аг. Снов\n"
                           "Несвижского р-на\nМинской обл.", name="Бяляцкий Алесь Викторович")
    text = entry_yaml(parsed, "bialiatski", None, ["a: b", "'quoted'"])
    assert "    be: {surname: Бяляцкі, given: Алесь}\n" in text
    assert '    postcode: "222615"\n' in text
    assert "    - 'a: b'\n    - '''quoted'''\n" in text
    path = tmp_path / "data.yaml"
    path.write_text("version: 1\nprisoners:\n" + text, encoding="utf-8")
    (person,) = load_dataset(path).prisoners
    assert address_lines(person) == address_lines(parsed.prisoner)
    assert person.name.be == NameParts("Бяляцкі", "Алесь")
    assert person.sources == ("a: b", "'quoted'")


def test_an_entry_without_patronymic_says_the_gender() -> None:
    text = entry_yaml(parse_address(LIBERECO), "kolesnikova")
    assert "  gender: female\n" in text
