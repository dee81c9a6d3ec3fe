"""The Belarusian dative of names: the hand-declined table in tests/data/dative-be.tsv, the way
back from a dative to its nominatives, and the rule file read like every package file."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import broken_copy
from hypothesis import given
from hypothesis import strategies as st

from postcards.shared.errors import PostcardsError
from postcards.shared.names import GENDERS, Gender, NameParts
from postcards.source.resources import data_file
from postcards.text.dative_be import (
    DECLENSION_FILE,
    PARTS,
    Part,
    bundled_declension,
    dative_be,
    dative_full_name_be,
    load_declension,
    nominative_candidates_be,
    uncertain_forms_be,
)

TABLE = Path(__file__).parent / "data" / "dative-be.tsv"


@dataclass(frozen=True)
class Row:
    name: NameParts
    gender: Gender
    dative: str
    sources: tuple[str, ...]
    kind: str
    confidence: str


def read_table() -> tuple[list[Row], set[str]]:
    """The rows, and the source keys the legend defines."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    legend = {line.split()[1] for line in lines if line.startswith("#   ") and not line.startswith("#    ")}
    body = [line for line in lines if not line.startswith("#")]
    rows = []
    for cells in csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE):
        gender = cells["gender"]
        assert gender in GENDERS, cells
        name = NameParts(cells["surname"], cells["given"], cells["patronymic"] or None)
        rows.append(Row(name, gender, cells["dative"], tuple(cells["source"].split()), cells["kind"],
                        cells["confidence"]))
    return rows, legend


ROWS, LEGEND = read_table()
SURE = [r for r in ROWS if not r.confidence.startswith("?")]


def test_the_table_is_large_and_every_row_names_a_known_source() -> None:
    assert len(ROWS) >= 40
    assert {r.gender for r in ROWS} == set(GENDERS)
    for row in ROWS:
        assert row.sources and set(row.sources) <= LEGEND, row
        assert row.kind in ("seen", "rule"), row
        assert row.confidence in ("",) or row.confidence.startswith("? "), row


@pytest.mark.parametrize("row", ROWS, ids=[r.name.full() for r in ROWS])
def test_every_hand_declined_name(row: Row) -> None:
    assert dative_full_name_be(row.name, row.gender) == row.dative


@pytest.mark.parametrize("row", ROWS, ids=[r.name.full() for r in ROWS])
def test_the_nominative_is_among_the_candidates_of_its_dative(row: Row) -> None:
    words = row.dative.split(" ")
    parts: list[tuple[Part, str]] = [("surname", row.name.surname), ("given", row.name.given)]
    if row.name.patronymic:
        parts.append(("patronymic", row.name.patronymic))
    assert len(words) == len(parts)
    for (part, nominative), dative in zip(parts, words, strict=True):
        assert nominative in nominative_candidates_be(dative, part, row.gender)
        assert nominative in nominative_candidates_be(dative, part, None)


@pytest.mark.parametrize("row", ROWS, ids=[r.name.full() for r in ROWS])
def test_a_form_marked_uncertain_in_the_table_is_reported_unless_it_is_a_choice_made(row: Row) -> None:
    """Rows marked '?' because the rules leave a word as it is are reported to the user; the one
    '?' row whose form the rules do decline (Макаёнак) is not."""
    reported = uncertain_forms_be(row.name, row.gender)
    if row.confidence.startswith("?") and "Макаёнак" not in row.name.surname:
        assert reported, row
    if not row.confidence:
        assert reported == () or all("Шарэнда" in r for r in reported), reported


def test_uncertain_words_are_left_as_they_are_and_reported() -> None:
    name = NameParts("Лойка", "Анастасія", "Юр'еўна")
    assert dative_full_name_be(name, "female") == "Лойка Анастасіі Юр'еўне"
    (reported,) = uncertain_forms_be(name, "female")
    assert reported.startswith("Лойка: a woman's surname in -а/-я")
    assert uncertain_forms_be(NameParts("Лойка", "Андрэй"), "male") == ()


def test_a_person_known_only_by_a_belarusian_name_without_patronymic() -> None:
    assert dative_full_name_be(NameParts("Бяляцкі", "Алесь"), "male") == "Бяляцкаму Алесю"


def test_letter_case_is_kept() -> None:
    assert dative_full_name_be(NameParts("ЛОСІК", "ІГАР", "АЛЯКСАНДРАВІЧ"), "male") == "ЛОСІКУ ІГАРУ АЛЯКСАНДРАВІЧУ"
    assert dative_be("павел", "given", "male") == "паўлу"
    assert "ПАВЕЛ" in nominative_candidates_be("ПАЎЛУ", "given", "male")


def test_consonant_alternations_of_womens_given_names() -> None:
    assert [dative_be(w, "given", "female") for w in ("Вольга", "Вераніка", "Саламаха", "Ванда", "Наста")] == [
        "Вользе", "Вераніцы", "Саламасе", "Вандзе", "Насце"]


def test_a_rule_that_needs_a_stem_vowel_leaves_short_words_to_the_next_rule() -> None:
    assert dative_be("Дзядок", "surname", "male") == "Дзядку"
    assert dative_be("Бок", "surname", "male") == "Боку"
    assert dative_be("Гец", "surname", "male") == "Гецу"
    assert dative_be("Лайкова", "surname", "female") == "Лайковай"
    assert dative_be("Сава", "surname", "female") == "Сава"  # not possessive: a doubtful -а


def test_a_patronymic_of_the_other_gender_or_a_foreign_one_is_left_and_reported() -> None:
    name = NameParts("Аліеў", "Рашад", "Мамед аглы")
    assert dative_full_name_be(name, "male") == "Аліеву Рашаду Мамед аглы"
    assert uncertain_forms_be(name, "male") == ("Мамед аглы: no rule covers its ending",)


def test_the_way_back_from_a_dative() -> None:
    assert nominative_candidates_be("Чэкінай", "surname", "female") == ["Чэкіна", "Чэкінай"]
    assert "Бяляцкі" in nominative_candidates_be("Бяляцкаму", "surname")
    assert nominative_candidates_be("Бяляцкаму", "surname", "female") == ["Бяляцкаму"]
    assert "Павел" in nominative_candidates_be("Паўлу", "given")
    assert nominative_candidates_be("Вользе", "given", "female") == ["Вольга", "Вольза", "Вользе"]
    assert "Шарэнда-Панасюк" in nominative_candidates_be("Шарэнда-Панасюк", "surname", "female")
    assert "Скарына-Варонін" in nominative_candidates_be("Скарыну-Вароніну", "surname", "male")


# Names of the covered classes: a stem of Belarusian letters and an ending the rules know.
_STEM_LETTERS = "абвгдежзйклмнопрстуфхцчшыьэюяёіў'ʼ"
_ENDINGS = sorted({rule.ending for part in PARTS for rule in bundled_declension().rules[part]})
stems = st.tuples(st.sampled_from("АБВГДЗІКЛМНПРСТФХЦЧШЭЯ"), st.text(_STEM_LETTERS, min_size=1, max_size=8))
words = st.builds(lambda s, e: s[0] + s[1] + e, stems, st.sampled_from(["", *_ENDINGS]))


@given(word=words, other=words, part=st.sampled_from(PARTS), gender=st.sampled_from(GENDERS),
       hyphen=st.booleans(), capitals=st.booleans())
def test_every_nominative_is_among_the_candidates_of_its_dative(
        word: str, other: str, part: Part, gender: Gender, hyphen: bool, capitals: bool) -> None:
    nominative = f"{word}-{other}" if hyphen else word
    nominative = nominative.upper() if capitals else nominative
    dative = dative_be(nominative, part, gender)
    candidates = nominative_candidates_be(dative, part, gender)
    assert nominative in candidates
    assert all(dative_be(c, part, gender) == dative for c in candidates)


def test_the_package_rules_load() -> None:
    table = load_declension(data_file(DECLENSION_FILE))
    assert {len(table.rules[p]) > 0 for p in PARTS} == {True}


BROKEN = [
    ("    - {ending: й, gender: male, cut: 1, add: ю,", "    - {ending: й, gender: mail, cut: 1, add: ю,",
     "surname.rules[1].gender: unknown gender 'mail'; did you mean 'male'?"),
    ("    - {ending: й, gender: male, cut: 1, add: ю,", "    - {ending: й, gender: male, cut: 3, add: ю,",
     "surname.rules[1].cut: cuts 3 letters off the ending 'й'; cut no more letters than the ending has"),
    ("    - {ending: й, gender: male, cut: 1, add: ю,", "    - {ending: ь, gender: male, cut: 1, add: ю,",
     "surname.rules: the ending 'ь' for male names is given twice; keep one of the two rules"),
    ("    - {ending: й, gender: male, cut: 1, add: ю,", "    - {ending: й, gender: male, cut: 1, add: Ю,",
     "surname.rules[1].add: 'Ю' is not lower-case Belarusian letters"),
    ("    - {ending: й, gender: male, cut: 1, add: ю,", "    - {ending: й, gender: male, cut: 1, add: ю, stress: 1,",
     "surname.rules[1].stress: unknown key 'stress'; allowed keys: add, cut, doubt, ending, gender, note, stem_vowel"),
    ("    Павел: {gender: male, dative: Паўлу}", "    Павел: {gender: male}",
     "given.words.Павел.dative: missing; add 'dative:'"),
]


@pytest.mark.parametrize(("line", "broken", "problem"), BROKEN, ids=[b[1].strip() for b in BROKEN])
def test_a_broken_copy_of_the_rules_gives_a_located_error(tmp_path: Path, line: str, broken: str,
                                                         problem: str) -> None:
    copy, _ = broken_copy(data_file(DECLENSION_FILE), tmp_path, line, broken)
    with pytest.raises(PostcardsError) as caught:
        load_declension(copy)
    first = caught.value.lines()[0]
    assert first.startswith(f"{copy}:") and first.endswith(problem), first
