"""Release and transfer lists matched against the data: the formats the December 2025 news used
(Russian, Belarusian and Latin letters, running text and one name a line), initials, cases,
namesakes that must never match, and names that fit two people."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.shared.model import Prisoner
from postcards.source.records import load_dataset
from postcards.text.namelist import runs
from postcards.text.namematch import Matching, match_names

DATA = Path(__file__).parent / "data" / "released"


@pytest.fixture(scope="module")
def people() -> tuple[Prisoner, ...]:
    return load_dataset(DATA / "people.yaml").prisoners


def found(matching: Matching) -> list[tuple[int, str, str, str, bool]]:
    return [(m.line, m.text, m.prisoner_id, m.how, m.sure) for m in matching.matches]


def near(matching: Matching) -> list[tuple[int, str, str, str]]:
    return [(n.line, n.text, n.prisoner_id, n.why) for n in matching.near]


# --- the December 2025 release, as the news printed it --------------------------------------

def test_a_russian_news_paragraph(people: tuple[Prisoner, ...]) -> None:
    matching = match_names((DATA / "news-ru.txt").read_text(encoding="utf-8"), people)
    assert found(matching) == [(1, "Марина Золотова", "zolatava", "exact", True)]
    assert near(matching) == [(1, "Виктор Бабарико", "babaryka-eduard", "the given name is Виктор, not Эдуард")]
    assert (matching.lines, matching.unmatched) == (1, ())


def test_a_belarusian_numbered_list(people: tuple[Prisoner, ...]) -> None:
    matching = match_names((DATA / "list-be.txt").read_text(encoding="utf-8"), people)
    assert found(matching) == [(7, "Марына Золатава", "zolatava", "exact", True)]
    assert near(matching) == [(4, "Віктар Бабарыка", "babaryka-eduard", "the given name is Віктар, not Эдуард")]
    assert (matching.lines, matching.unmatched) == (7, (1, 2, 3, 4, 5, 6))


def test_a_latin_list_with_a_bracket_after_the_name(people: tuple[Prisoner, ...]) -> None:
    matching = match_names((DATA / "list-latin.txt").read_text(encoding="utf-8"), people)
    assert found(matching) == [(5, "Maryna Zolatava", "zolatava", "exact", True)]
    assert near(matching) == [(3, "Viktar Babaryka", "babaryka-eduard", "the given name is Viktar, not Eduard")]


@pytest.mark.parametrize(("text", "mention", "how"), [
    # HRW, 2025-12-15: "the chief editor of the largest news outlet TUT.by, Maryna Zolatava"
    ("the chief editor of the largest news outlet TUT.by, Maryna Zolatava.", "Maryna Zolatava", "exact"),
    ("Марина Васильевна Золотова", "Марина Васильевна Золотова", "exact"),  # given, patronymic, surname
    ("ЗОЛОТОВА Марина Васильевна", "ЗОЛОТОВА Марина Васильевна", "exact"),  # court and Viasna order
    ("Marina Zolotova", "Marina Zolotova", "transliteration"),  # Russian form in Latin letters
    ("Maryna Solatawa", "Maryna Solatawa", "transliteration"),  # RSF Germany, 2025-12-13
    ("Maryna Zolatawa", "Maryna Zolatawa", "transliteration"),  # a Polish-style spelling
    ("Марына Золотова", "Марына Золотова", "transliteration"),  # Belarusian given name, Russian surname
    ("Лукашенко помиловал Марину Золотову", "Марину Золотову", "inflected"),
    ("Золотова М.В.", "Золотова М.В.", "initials"),  # court reports: surname and initials
    ("М. Золотова", "М. Золотова", "initials"),
    ("Zolotova M. V.", "Zolotova M. V.", "initials"),
])
def test_forms_of_one_name(people: tuple[Prisoner, ...], text: str, mention: str, how: str) -> None:
    [match] = match_names(text, people).matches
    assert (match.text, match.prisoner_id, match.how, match.sure) == (mention, "zolatava", how,
                                                                       how in ("exact", "transliteration"))


def test_initials_of_two_people_on_one_line(people: tuple[Prisoner, ...]) -> None:
    # The Supreme Court on the TUT.BY appeal: "в отношении Чекиной Л.Ю. и Золотовой М.В."
    matching = match_names("по уголовному делу в отношении Чекина Л.Ю. и Золотова М.В.", people)
    assert found(matching) == [(1, "Чекина Л.Ю.", "chekina", "initials", False),
                               (1, "Золотова М.В.", "zolatava", "initials", False)]


def test_a_bracketed_other_name_counts(people: tuple[Prisoner, ...]) -> None:
    # HRW, 2025-12-15, writes her as "Nasta (Anastasia) Lojka": the bracket holds the full name.
    assert found(match_names("Nasta (Anastasia) Lojka", people)) == [
        (1, "Nasta (Anastasia) Lojka", "loika", "transliteration", True)]
    assert near(match_names("Nasta Lojka", people)) == [
        (1, "Nasta Lojka", "loika", "the given name is Nasta, not Anastasiya")]  # a short form: to check


# --- what is never a match ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "pid", "why"), [
    ("Виктор Бабарико", "babaryka-eduard", "the given name is Виктор, not Эдуард"),
    ("Бабарико Виктор Дмитриевич", "babaryka-eduard", "the given name is Виктор, not Эдуард"),
    ("Игорь Лосик", "losik-darya", "the given name is Игорь, not Дарья"),
    ("Ігар Лосік", "losik-darya", "the given name is Ігар, not Дар'я"),
    ("Volha Loika", "loika", "the given name is Volha, not Anastasiya"),  # a TUT.BY editor
    ("Лойко В.", "loika", "the initial is В, not Анастасия"),
    ("Золотова Марина Ивановна", "zolatava", "the patronymic is Ивановна, not Васильевна"),
    ("Золотова", "zolatava", "the surname alone"),
    ("освобождена Золотова", "zolatava", "the surname alone"),
])
def test_a_namesake_or_a_lone_surname_is_not_a_match(people: tuple[Prisoner, ...], text: str, pid: str,
                                                     why: str) -> None:
    matching = match_names(text, people)
    assert matching.matches == () and matching.unmatched == (1,)
    assert [(n.prisoner_id, n.why) for n in matching.near] == [(pid, why)]


def test_a_comma_or_and_ends_a_name(people: tuple[Prisoner, ...]) -> None:
    # "Лосик, Дарья Иванова" would otherwise read as surname Лосик, given name Дарья.
    for text in ("Игорь Лосик, Дарья Иванова", "Игорь Лосик и Дарья Иванова", "Игорь Лосик; Дарья Иванова"):
        assert match_names(text, people).matches == ()


def test_a_name_that_fits_two_people_is_ambiguous(tmp_path: Path) -> None:
    data = data_file(tmp_path, prisoner_yaml("ivanova-1", "Иванова Анна Сергеевна"),
                     prisoner_yaml("ivanova-2", "Иванова Анна Петровна"))
    matching = match_names("Анна Иванова\nИванова Анна Петровна", load_dataset(data).prisoners)
    assert [[(m.line, m.prisoner_id) for m in group] for group in matching.ambiguous] == [
        [(1, "ivanova-1"), (1, "ivanova-2")]]
    assert found(matching) == [(2, "Иванова Анна Петровна", "ivanova-2", "exact", True)]  # the patronymic tells
    assert matching.unmatched == ()


def test_one_person_named_twice_on_a_line_is_one_match(people: tuple[Prisoner, ...]) -> None:
    matching = match_names("Марина Золотова (Марына Золатава), Золотова М.В.", people)
    assert found(matching) == [(1, "Марина Золотова", "zolatava", "exact", True)]
    assert matching.people() == ("zolatava",)


def test_nobody_named(people: tuple[Prisoner, ...]) -> None:
    matching = match_names("Алесь Беляцкий\n\nМария Колесникова\n", people)
    assert (matching.matches, matching.ambiguous, matching.near) == ((), (), ())
    assert (matching.lines, matching.unmatched) == (2, (1, 3))


# --- reading the pasted text ----------------------------------------------------------------

def test_numbers_dates_brackets_and_conjunctions_end_runs() -> None:
    text = "1. Лойко А.Ю. (ИК-4), 13.12.2025\nNasta (Anastasia) Lojka and Maryna Zolatava — TUT.BY"
    assert [[w.forms for w in run.words] for run in runs(text)] == [
        [("Лойко",), ("А",), ("Ю",)], [("ИК",)],
        [("Nasta", "Anastasia"), ("Lojka",)], [("Maryna",), ("Zolatava",)], [("TUT",)], [("BY",)]]
    assert [w.initial for w in runs(text)[0].words] == [False, True, True]
