"""Belarusian forms in the address block: the ones the Russian block takes as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.options import AddressOptions
from postcards.source.records import load_dataset
from postcards.text.address import address_lines


def said(found: tuple[Problem, ...]) -> list[str]:
    return [w.format("warning") for w in found]


# --- Belarusian forms in the Russian block -------------------------------------------------

def test_a_belarusian_dative_override_is_taken_as_written_with_a_warning(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\ndative: Чэкінай Людміле Юр'еўне"))
    dataset = load_dataset(path)
    assert address_lines(dataset.prisoners[0])[0] == "Чэкінай Людміле Юр'еўне"
    assert said(dataset.warnings) == [
        f"{path}:6:13: warning: prisoners[0].dative: 'Чэкінай Людміле Юр'еўне' has a Belarusian apostrophe "
        "''' (Russian writes ь or ъ there): the Russian block prints it as written; give the Russian dative "
        "here, and the Belarusian one under dative_be:"]


def test_a_dative_in_latin_letters_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError, match=r"prisoners\[0\].dative: 'Chekinoy' is written in Latin letters"):
        load_dataset(data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\ndative: Chekinoy")))


@pytest.mark.parametrize(("name", "column"), [
    ("{be: {surname: Бяляцкі, given: Алесь, patronymic: Віктаравіч}}", 11),
    ("Бяляцкі Алесь Віктаравіч", 11),
])
def test_a_person_known_only_in_belarusian_gets_the_belarusian_dative_in_the_russian_block(
        tmp_path: Path, name: str, column: int) -> None:
    path = data_file(tmp_path, prisoner_yaml("bialiatski", name, "institution: IK-9"))
    dataset = load_dataset(path)
    prisoner = dataset.prisoners[0]
    assert prisoner.name.be_only and prisoner.gender == "male"
    assert address_lines(prisoner) == ("Бяляцкаму Алесю Віктаравічу", "ИК № 9", "ул. Добролюбова, 16",
                                       "213410, г. Горки", "REPUBLIC OF BELARUS")
    assert address_lines(prisoner, AddressOptions(name_form="nominative"))[0] == "Алесь Бяляцкі"
    assert said(dataset.warnings) == [
        f"{path}:4:{column}: warning: prisoners[0].name: 'Бяляцкі Алесь Віктаравіч' is known only in Belarusian: "
        "a Russian block carries its Belarusian dative, and no Russian form is made up; add name.ru: {surname: ..., "
        "given: ..., patronymic: ...} when a source gives it"]


def test_a_russian_name_with_a_belarusian_slip_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError, match="'Юрьеўна' has the Belarusian letter 'ў'; give the Russian form"):
        load_dataset(data_file(tmp_path, prisoner_yaml(name="Чекина Людмила Юрьеўна")))


@pytest.mark.parametrize("name", ["{latin: Ales Bialiatski}", "{be: null, latin: Ales Bialiatski}"])
def test_a_name_needs_ru_or_be(tmp_path: Path, name: str) -> None:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(data_file(tmp_path, prisoner_yaml(name=name, extra="gender: male\ninstitution: IK-9")))
    assert caught.value.lines() == [
        f"{tmp_path / 'data.yaml'}:4:11: prisoners[0].name.ru: missing; add 'ru:' (for a name known only in "
        "Belarusian, 'be:' alone)"]
