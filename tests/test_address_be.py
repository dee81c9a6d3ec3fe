"""The address block in Belarusian (`AddressOptions(script="be")`), what stays Russian and says
so, and the Belarusian forms the Russian block takes as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import RURAL, TODAY, data_file, prisoner_yaml

import postcards
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Prisoner
from postcards.shared.names import NameParts
from postcards.shared.options import AddressOptions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.address import Block, address_block, address_lines, address_warnings
from postcards.text.dative_be import dative_full_name_be

BE = AddressOptions(script="be")
CHEKINA_BE = "{ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}, be: {surname: Чэкіна, given: Людміла, " \
             "patronymic: Юр'еўна}}"
IK4_BE = ("ПК № 4", "вул. Антошкіна, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS")
IK24 = ("ПК № 24", "вул. Вытворчая, 44", "247526, г. п. Зарэчча", "Рэчыцкі раён", "Гомельская вобласць",
        "REPUBLIC OF BELARUS")
SHARENDA = "{be: {surname: Шарэнда-Панасюк, given: Паліна, patronymic: Сяргееўна}}"


def person(tmp_path: Path, *items: str, head: str = "version: 1\n") -> Prisoner:
    return load_dataset(data_file(tmp_path, *items, head=head)).prisoners[0]


def block(tmp_path: Path, *items: str, options: AddressOptions = BE, head: str = "version: 1\n") -> Block:
    return address_block(person(tmp_path, *items, head=head), options)


def said(found: Block | tuple[Problem, ...]) -> list[str]:
    return [w.format("warning") for w in (found.warnings if isinstance(found, Block) else found)]


# --- the bundled people, the registry's Belarusian forms ---------------------------------

def test_the_chekina_dative_is_the_belarusian_one() -> None:
    # Чэкіна declines as an adjective (Чэкінай), Людміла takes -е, Юр'еўна -е (Viasna's usage).
    assert dative_full_name_be(NameParts("Чэкіна", "Людміла", "Юр'еўна"), "female") == "Чэкінай Людміле Юр'еўне"


def test_the_bundled_people_in_belarusian() -> None:
    people = load_dataset(bundled_data()).prisoners  # Zolatava released too: her block is still made
    blocks = [address_block(p, BE) for p in people]
    assert [b.lines for b in blocks] == [
        ("Чэкінай Людміле Юр'еўне", *IK4_BE),
        ("Золатавай Марыне Васільеўне", *IK4_BE),
        ("Лойка Анастасіі Юр'еўне", *IK4_BE),
    ]
    assert [b.warnings for b in blocks[:2]] == [(), ()]
    [doubt] = said(blocks[2].warnings)
    assert doubt.startswith(f"{bundled_data()}:{people[2].where.line}:5: warning: prisoners[2].dative_be: the Belarusian dative "
                            "'Лойка Анастасіі Юр'еўне' leaves 'Лойка' as written: a woman's surname in -а/-я: ")
    assert doubt.endswith("; give the exact form under dative_be: when a source declines it")


def test_the_russian_block_is_address_lines() -> None:
    people = load_dataset(bundled_data()).prisoners
    assert [address_block(p, AddressOptions(script="ru")) for p in people] == [Block(address_lines(p)) for p in people]
    assert address_lines(people[0]) == (
        "Чекиной Людмиле Юрьевне", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS")


def test_nominative_and_no_country_in_belarusian(tmp_path: Path) -> None:
    options = AddressOptions(name_form="nominative", country=False, script="be")
    assert block(tmp_path, prisoner_yaml(name=CHEKINA_BE), options=options).lines == (
        "Людміла Чэкіна", *IK4_BE[:-1])


def test_dative_be_is_printed_exactly_and_only_in_belarusian(tmp_path: Path) -> None:
    item = prisoner_yaml("loika", "{ru: Лойко Анастасия Юрьевна, be: Лойка Анастасія Юр'еўна}",
                         "institution: IK-4\ndative_be: Лойцы Анастасіі Юр'еўне")
    found = block(tmp_path, item)
    assert found == Block(("Лойцы Анастасіі Юр'еўне", *IK4_BE))
    assert address_lines(person(tmp_path, item))[0] == "Лойко Анастасии Юрьевне"


# --- what stays Russian, and says so -------------------------------------------------------

def test_a_person_without_name_be_keeps_the_russian_dative_with_a_warning(tmp_path: Path) -> None:
    found = block(tmp_path, prisoner_yaml())
    assert found.lines == ("Чекиной Людмиле Юрьевне", *IK4_BE)
    assert said(found) == [
        f"{tmp_path / 'data.yaml'}:3:5: warning: prisoners[0].name.be: the name has no Belarusian form in the "
        "data: the Russian block's 'Чекиной Людмиле Юрьевне' is printed; add name.be: {surname: ..., given: ..., "
        "patronymic: ...} (or dative_be: with the exact dative)"]


def test_a_registry_institution_without_belarusian_forms_warns_per_line(tmp_path: Path) -> None:
    found = block(tmp_path, prisoner_yaml(name=CHEKINA_BE, extra="institution: IK-9"))
    assert found.lines == ("Чэкінай Людміле Юр'еўне", "ИК № 9", "ул. Добролюбова, 16", "213410, г. Горки",
                           "REPUBLIC OF BELARUS")
    hint = "give IK-9 under the data file's institutions: with its Russian lines and be: {{{}: ...}}, copied from a source"
    assert said(found) == [
        f"warning: institutions.IK-9.be.name: the institution line has no Belarusian form: the Russian 'ИК № 9' "
        f"is printed; {hint.format('name')}",
        f"warning: institutions.IK-9.be.street: the street line has no Belarusian form: the Russian "
        f"'ул. Добролюбова, 16' is printed; {hint.format('street')}",
        f"warning: institutions.IK-9.be.locality: the locality has no Belarusian form: the Russian 'г. Горки' "
        f"is printed; {hint.format('locality')}",
    ]


def test_an_inline_address_warns_for_each_line_it_lacks_at_the_person(tmp_path: Path) -> None:
    found = block(tmp_path, prisoner_yaml(name=CHEKINA_BE, extra=RURAL + "\n  be: {name: ПК № 99, locality: аг. Сноў}"))
    assert found.lines == ("Чэкінай Людміле Юр'еўне", "ПК № 99", "ул. Мирошниченко, 1", "222615, аг. Сноў",
                           "Несвижского р-на", "Минской обл.", "REPUBLIC OF BELARUS")
    at = f"{tmp_path / 'data.yaml'}:3:5: warning: prisoners[0].address.be"
    assert said(found) == [
        f"{at}.street: the street line has no Belarusian form: the Russian 'ул. Мирошниченко, 1' is printed; "
        "add be: {street: ...} to the address, copied from a source",
        f"{at}.district: the district line has no Belarusian form: the Russian 'Несвижского р-на' is printed; "
        "add be: {district: ...} to the address, copied from a source",
        f"{at}.region: the region line has no Belarusian form: the Russian 'Минской обл.' is printed; "
        "add be: {region: ...} to the address, copied from a source",
    ]


def test_a_data_files_institution_gives_its_belarusian_forms(tmp_path: Path) -> None:
    head = ("version: 1\ninstitutions:\n  IK-9:\n    name: ИК № 9\n    street: ул. Добролюбова, 16\n"
            "    postcode: '213410'\n    locality: г. Горки\n"
            "    be: {name: ПК № 9, street: 'вул. Дабралюбава, 16', locality: г. Горкі}\n")
    found = block(tmp_path, prisoner_yaml(name=CHEKINA_BE, extra="institution: IK-9"), head=head)
    assert found == Block(("Чэкінай Людміле Юр'еўне", "ПК № 9", "вул. Дабралюбава, 16", "213410, г. Горкі",
                           "REPUBLIC OF BELARUS"))


def test_warnings_are_said_once_per_person_and_once_per_institution(tmp_path: Path) -> None:
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml("a"), prisoner_yaml("b", extra="institution: IK-9")))
    people = [*dataset.prisoners, *dataset.prisoners, dataset.prisoners[1]]  # copies of each card
    found = address_warnings(people, BE)
    assert [w.field for w in found] == ["prisoners[0].name.be", "prisoners[1].name.be", "institutions.IK-9.be.name",
                                        "institutions.IK-9.be.street", "institutions.IK-9.be.locality"]


# --- IK-24: sourced in Belarusian only -----------------------------------------------------

def test_ik_24_is_printable_in_belarusian(tmp_path: Path) -> None:
    item = prisoner_yaml("sharenda", SHARENDA, "institution: IK-24\ndative_be: Шарэнда-Панасюк Паліне Сяргееўне")
    dataset = load_dataset(data_file(tmp_path, item))
    assert address_block(dataset.prisoners[0], BE) == Block(("Шарэнда-Панасюк Паліне Сяргееўне", *IK24))
    assert dataset.prisoners[0].institution.be_only and dataset.prisoners[0].institution.name == ""
    chosen = postcards.select(dataset, postcards.Filters(institutions=("IK-24",)), today=TODAY)
    assert [p.id for p in chosen.prisoners] == ["sharenda"]


def test_ik_24_is_refused_in_the_russian_block_with_the_reason(tmp_path: Path) -> None:
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(extra="institution: IK-24")))
    with pytest.raises(PostcardsError) as caught:
        address_block(dataset.prisoners[0])
    assert caught.value.lines() == [
        f"{tmp_path / 'data.yaml'}:3:5: prisoners[0].institution: IK-24's address is sourced only in Belarusian "
        "(ПК № 24, вул. Вытворчая, 44, 247526, г. п. Зарэчча, Рэчыцкі раён, Гомельская вобласць); no source gives "
        "its Russian form; print its Belarusian block (--script be), or copy the address in Cyrillic from the "
        "person's page at prisoners.spring96.org into an inline address:"]


def test_a_data_file_may_give_ik_24_its_russian_lines(tmp_path: Path) -> None:
    head = ("version: 1\ninstitutions:\n  IK-24:\n    name: ИК № 24\n    street: ул. Производственная, 44\n"
            "    postcode: '247526'\n    locality: г. п. Заречье\n")
    found = block(tmp_path, prisoner_yaml(extra="institution: IK-24"), options=AddressOptions(), head=head)
    assert found.lines[1:4] == ("ИК № 24", "ул. Производственная, 44", "247526, г. п. Заречье")


# --- Belarusian forms in the Russian block -------------------------------------------------

def test_a_belarusian_dative_override_is_taken_as_written_with_a_warning(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\ndative: Чэкінай Людміле Юр'еўне"))
    dataset = load_dataset(path)
    assert address_lines(dataset.prisoners[0])[0] == "Чэкінай Людміле Юр'еўне"
    assert said(dataset.warnings) == [
        f"{path}:6:13: warning: prisoners[0].dative: 'Чэкінай Людміле Юр'еўне' has a Belarusian apostrophe "
        "''' (Russian writes ь or ъ there): the Russian block prints it as written; give the Russian dative here, and the Belarusian one under "
        "dative_be:"]


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
    assert address_block(prisoner) == Block(("Бяляцкаму Алесю Віктаравічу", "ИК № 9", "ул. Добролюбова, 16",
                                             "213410, г. Горки", "REPUBLIC OF BELARUS"))
    assert address_block(prisoner, AddressOptions(name_form="nominative")).lines[0] == "Алесь Бяляцкі"
    assert said(dataset.warnings) == [
        f"{path}:4:{column}: warning: prisoners[0].name: 'Бяляцкі Алесь Віктаравіч' is known only in Belarusian: "
        "a Russian block carries its Belarusian dative, and no Russian form is made up; add name.ru: {surname: ..., "
        "given: ..., patronymic: ...} when a source gives it"]


def test_a_belarusian_only_name_left_undeclined_warns_in_the_russian_block(tmp_path: Path) -> None:
    found = block(tmp_path, prisoner_yaml("sharenda", SHARENDA, "institution: IK-4"), options=AddressOptions())
    assert found.lines[0] == "Шарэнда-Панасюк Паліне Сяргееўне"
    [doubt] = said(found)
    assert doubt.startswith(f"{tmp_path / 'data.yaml'}:3:5: warning: prisoners[0].dative_be: the Belarusian "
                            "dative 'Шарэнда-Панасюк Паліне Сяргееўне' leaves 'Шарэнда-Панасюк' as written: ")
    assert doubt.endswith("; give the exact form under dative_be: when a source declines it")
    with_override = prisoner_yaml("sharenda", SHARENDA,
                                  "institution: IK-4\ndative_be: Шарэнда-Панасюк Паліне Сяргееўне")
    assert block(tmp_path, with_override, options=AddressOptions()).warnings == ()


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



def test_a_belarusian_only_persons_exact_dative_serves_both_blocks(tmp_path: Path) -> None:
    item = prisoner_yaml("loika", "{be: {surname: Лойка, given: Анастасія, patronymic: Юр'еўна}}",
                         "institution: IK-4\ndative: Лойка Насце")
    prisoner = person(tmp_path, item)
    assert address_block(prisoner) == Block(("Лойка Насце", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель",
                                             "REPUBLIC OF BELARUS"))
    assert address_block(prisoner, BE) == Block(("Лойка Насце", *IK4_BE))
