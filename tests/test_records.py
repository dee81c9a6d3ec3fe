"""Loading and validating data files: every bad input gets located, actionable lines."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.evening.freshness import stale_addresses
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday
from postcards.source.records import load_dataset

NAME = "Чекина Людмила Юрьевна"


def errors_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    return [line.replace(str(path), "data.yaml") for line in caught.value.lines()]


def one(*lines: str) -> str:
    return "prisoners:\n  - id: x\n" + "".join(f"    {line}\n" for line in lines)


BAD_INPUT = {
    "tab": ("version: 1\nprisoners:\n\t- id: x\n",
            ["data.yaml:3:1: a tab character; YAML is indented with spaces: replace the tab with spaces"]),
    "unclosed quote": ('prisoners:\n  - id: "chekina\n    name: x\n',
                       ["data.yaml:2:9: a quote opened here is never closed; "
                        "close it on the same line, or remove it"]),
    "empty file": ("", ["data.yaml:1:1: the file is empty; start from the example in the README"]),
    "only comments": ("# nothing yet\n",
                      ["data.yaml:1:1: the file is empty; start from the example in the README"]),
    "top level a list": ("- id: x\n", ["data.yaml:1:1: expected a mapping with 'prisoners:', found a list"]),
    "unknown key": (one(f"nmae: {NAME}", "institution: IK-4"), [
        "data.yaml:3:5: prisoners[0].nmae: unknown key 'nmae'; did you mean 'name'?",
        "data.yaml:2:5: prisoners[0].name: missing; add 'name:'",
    ]),
    "unknown top key": ("prisoner:\n  - id: x\n", [
        "data.yaml:1:1: prisoner: unknown key 'prisoner'; did you mean 'prisoners'?",
        "data.yaml:1:1: prisoners: missing; add 'prisoners:'",
    ]),
    "missing id": (f"prisoners:\n  - name: {NAME}\n    institution: IK-4\n",
                   ["data.yaml:2:5: prisoners[0].id: missing; add 'id:'"]),
    "missing institution": (one(f"name: {NAME}"), [
        "data.yaml:2:5: prisoners[0].institution: missing; "
        "add institution: CODE (e.g. IK-4) or an inline address: mapping"]),
    "wrong type": (one(f"name: {NAME}", "institution: IK-4", "sources: https://example.org"),
                   ["data.yaml:5:14: prisoners[0].sources: expected a list, found text 'https://example.org'"]),
    "duplicate id": (
        f"prisoners:\n  - id: x\n    name: {NAME}\n    institution: IK-4\n"
        f"  - id: x\n    name: Лойко Анастасия Юрьевна\n    institution: IK-4\n",
        ["data.yaml:5:5: prisoners[1].id: id 'x' is used twice; the first is on line 2; make each id unique"]),
    "postcode of five digits": (
        one(f"name: {NAME}", "address:", "  name: ИК № 4", "  street: ул. Антошкина, 3",
            "  postcode: 24603", "  locality: г. Гомель"),
        ["data.yaml:7:17: prisoners[0].address.postcode: postcode '24603' is not six digits; "
         "a Belarusian postcode is six digits, no letters or spaces, e.g. 246035"]),
    "postcode with a letter": (
        one(f"name: {NAME}", "address:", "  name: ИК № 4", "  street: ул. Антошкина, 3",
            "  postcode: 24б035", "  locality: г. Гомель"),
        ["data.yaml:7:17: prisoners[0].address.postcode: postcode '24б035' is not six digits; "
         "a Belarusian postcode is six digits, no letters or spaces, e.g. 246035"]),
    "postcode outside Belarus": (
        one(f"name: {NAME}", "address:", "  name: ИК № 4", "  street: ул. Антошкина, 3",
            "  postcode: '123456'", "  locality: г. Гомель"),
        ["data.yaml:7:17: prisoners[0].address.postcode: postcode '123456' is outside Belarus's range; "
         "Belarusian postcodes start with 2; check the address at its source"]),
    "Latin letter in a Russian name": (one("name: Чекинa Людмила Юрьевна", "institution: IK-4"), [
        "data.yaml:3:11: prisoners[0].name: 'Чекинa' has a Latin letter 'a' at character 6 "
        "(looks like Cyrillic 'а'); type the Russian form in Cyrillic; a Latin form goes under name.latin"]),
    "Latin in an address": (
        one(f"name: {NAME}", "address:", "  name: IK No 4", "  street: ул. Антошкина, 3",
            "  postcode: '246035'", "  locality: г. Гомель"),
        ["data.yaml:5:13: prisoners[0].address.name: 'IK No 4' is written in Latin letters; "
         "write the address in Russian Cyrillic, as the post in Belarus reads it"]),
    "Belarusian letters in the Russian name": (one("name: Чэкіна Людмила Юрьевна", "institution: IK-4"), [
        "data.yaml:3:11: prisoners[0].name: 'Чэкіна' has the Belarusian letter 'і'; "
        "give the Russian form here and the Belarusian one under name.be"]),
    "unknown institution": (one(f"name: {NAME}", "institution: IK-44"), [
        "data.yaml:4:18: prisoners[0].institution: unknown institution 'IK-44'; did you mean 'IK-4'?"]),
    "name of two words": (one("name: Пипия Тимур", "institution: IK-4"), [
        "data.yaml:3:11: prisoners[0].name: 'Пипия Тимур' is 2 word(s), not 'Фамилия Имя Отчество'; "
        "without a patronymic, write a mapping: {surname: ..., given: ...} and add gender:"]),
    "no gender and no patronymic": (one("name: {ru: {surname: Пипия, given: Тимур}}", "institution: IK-4"), [
        "data.yaml:3:11: prisoners[0].gender: cannot tell the gender: the name has no patronymic "
        "that tells it; add gender: female or gender: male"]),
    "unknown gender": (one("name: {ru: {surname: Пипия, given: Тимур}}", "gender: m", "institution: IK-4"), [
        "data.yaml:4:13: prisoners[0].gender: unknown gender 'm'; use one of: female, male"]),
    "gender against patronymic": (one(f"name: {NAME}", "gender: male", "institution: IK-4"), [
        "data.yaml:4:13: prisoners[0].gender: gender is male but the patronymic 'Юрьевна' is female; "
        "correct one of the two"]),
    "date that does not exist": (one(f"name: {NAME}", "institution: IK-4", "born: 1978-02-30"), [
        "data.yaml:5:11: prisoners[0].born: 1978-02-30 is not a date that exists; check the day and month"]),
    "month that does not exist": (one(f"name: {NAME}", "institution: IK-4", "born: --13-01"), [
        "data.yaml:5:11: prisoners[0].born: --13-01 is not a day that exists; check the day and month"]),
    "verified not a date": (one(f"name: {NAME}", "institution: IK-4", "verified: last year"), [
        "data.yaml:5:15: prisoners[0].verified: expected a date YYYY-MM-DD, found text 'last year'"]),
    "unknown status": (one(f"name: {NAME}", "institution: IK-4", "status: relased"), [
        "data.yaml:5:13: prisoners[0].status: unknown status 'relased'; did you mean 'released'?"]),
    "lower-case name": (one("name: чекина Людмила Юрьевна", "institution: IK-4"), [
        "data.yaml:3:11: prisoners[0].name: 'чекина' does not start with a capital letter; write 'Чекина'"]),
    "bad id": (f"prisoners:\n  - id: Chekina L\n    name: {NAME}\n    institution: IK-4\n", [
        "data.yaml:2:9: prisoners[0].id: id 'Chekina L' may hold only a-z, 0-9 and single hyphens; "
        "e.g. chekina or loika-anastasiya"]),
    "the ledger's reserved id": (f"prisoners:\n  - id: card-state\n    name: {NAME}\n    institution: IK-4\n", [
        "data.yaml:2:9: prisoners[0].id: id 'card-state' is the ledger's own word for its state rows; "
        "choose another id"]),
    "python object tag": (f"prisoners:\n  - id: !!python/object/apply:os.system ['true']\n"
                          f"    name: {NAME}\n    institution: IK-4\n", [
        "data.yaml:2:9: prisoners[0].id: expected text, found a list; put the text in quotes"]),
    "unsupported version": (f"version: 2\n{one(f'name: {NAME}', 'institution: IK-4')}", [
        "data.yaml:1:10: version: version 2 is not supported; this tool reads version 1; upgrade postcards"]),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_input_gets_exact_located_lines(tmp_path: Path, case: str) -> None:
    text, expected = BAD_INPUT[case]
    assert errors_of(tmp_path, text) == expected


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = (
        "prisoners:\n"
        "  - id: x\n    name: Пипия Тимур\n    institution: IK-44\n    born: 1978-02-30\n"
        "  - id: y\n    name: Лойко Анастасия Юрьевна\n    postcode: 24603\n    institution: IK-4\n"
    )
    lines = errors_of(tmp_path, text)
    assert [line.split(": ")[1] for line in lines] == [
        "prisoners[0].name", "prisoners[0].institution", "prisoners[0].born", "prisoners[1].postcode",
    ]


def test_decomposed_letters_are_composed(tmp_path: Path) -> None:
    decomposed = "Бяляцкии\u0306 Алесь Викторович"  # "й" as "и" + combining breve, as some pages give it
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml("b", decomposed)))
    assert dataset.prisoners[0].name.ru.surname == "Бяляцкий"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(tmp_path / "nope.yaml")
    assert caught.value.lines() == [f"{tmp_path / 'nope.yaml'}: no such file; "
                                    "give the path to a prisoners YAML file"]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes("prisoners:\n  - id: x\n    name: Чекина\n".encode("cp1251"))
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    assert caught.value.lines() == [f"{path}:3:1: the file is not UTF-8 text; save it as UTF-8 (any editor can)"]


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    levels = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))
    text = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + levels + "prisoners: [*l8, *l8]\n"
    start = time.perf_counter()
    lines = errors_of(tmp_path, text)
    assert time.perf_counter() - start < 5  # 9**10 items if expanded; validation never expands
    assert "prisoners[0]: expected a mapping, found a list" in lines[-2]


def test_valid_record_with_every_field(tmp_path: Path) -> None:
    item = prisoner_yaml("chekina", "", """
        institution: IK-4
        born: --05-21
        sentence: {years: 12, regime: general, articles: [361, "243"], text: 12 years}
        about: CEO of TUT.BY
        status: imprisoned
        verified: 2023-11-09
        sources: [https://example.org]
    """).replace("name: \n", "name:\n      ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}\n"
                 "      be: Чэкіна Людміла Юр'еўна\n      latin: Liudmila Chekina\n")
    prisoner = load_dataset(data_file(tmp_path, item)).prisoners[0]
    assert prisoner.gender == "female"
    assert prisoner.born == Birthday(5, 21)
    assert prisoner.name.be is not None and prisoner.name.be.patronymic == "Юр'еўна"
    assert prisoner.sentence is not None and prisoner.sentence.articles == ("361", "243")
    assert prisoner.verified == date(2023, 11, 9)
    assert prisoner.where.line == 3


def test_closed_institution_warns(tmp_path: Path) -> None:
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(extra="institution: SIZO-1")))
    assert [w.format("warning").split(": ", 1)[1] for w in dataset.warnings] == [
        "warning: prisoners[0].institution: SIZO-1 was closed at the end of April 2024 (Viasna, 2024-07-11; "
        "Radio Svaboda, 2024-04-24); the new SIZO-1 near Kaliadzichy has no published postal address; "
        "find the person's current address at prisoners.spring96.org"]


def test_unusual_postcode_prefix_warns(tmp_path: Path) -> None:
    item = prisoner_yaml(extra="address: {name: ИК № 1, street: ул. Полевая 1, postcode: 299999, "
                               "locality: г. Минск}")
    dataset = load_dataset(data_file(tmp_path, item))
    assert "starts with 299" in dataset.warnings[0].message


def test_stale_and_unverified_addresses(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml("a", extra="institution: IK-4\nverified: 2023-11-09"),
                     prisoner_yaml("b", extra="institution: IK-4"),
                     prisoner_yaml("c", extra="institution: IK-4\nverified: 2026-06-01"),
                     prisoner_yaml("d", extra="institution: IK-4\nstatus: released"))
    found = stale_addresses(load_dataset(path).prisoners, date(2026, 11, 29), 365)
    assert [(p.field, p.message) for p in found] == [
        ("prisoners[0].verified", "the address was last verified 2023-11-09 (1116 days ago)"),
        ("prisoners[1].verified", "the address was never verified"),
    ]


def test_bundled_data_is_the_open_letters_three_as_last_reported(tmp_path: Path) -> None:
    from postcards.source.resources import bundled_data

    dataset = load_dataset(bundled_data())
    assert [p.name.ru.full() for p in dataset.prisoners] == [
        "Чекина Людмила Юрьевна", "Золотова Марина Васильевна", "Лойко Анастасия Юрьевна"]
    assert {p.institution.code for p in dataset.prisoners} == {"IK-4"}
    chekina, zolatava, loika = dataset.prisoners
    assert (zolatava.status, zolatava.released, zolatava.verified) == ("released", date(2025, 12, 13),
                                                                       date(2025, 12, 15))
    assert any("rsf.org" in s and "2025-12-13" in s for s in zolatava.sources)
    assert any("hrw.org" in s and "among those released" in s for s in zolatava.sources)
    assert (loika.status, loika.verified, loika.born) == ("imprisoned", date(2025, 12, 15), Birthday(1, 6, 1989))
    assert any("hrw.org" in s and "still held" in s for s in loika.sources)
    assert any("belaruswomen.org" in s for s in loika.sources) and any("Zerkalo" in s for s in loika.sources)
    # No source reports Chekina's release, and none since the open letter gives her address.
    assert (chekina.status, chekina.verified, chekina.born) == ("imprisoned", date(2023, 11, 9),
                                                                Birthday(7, 13, 1973))
    assert any("baj.media" in s for s in chekina.sources)
    assert all(p.sources[0].startswith("Human Constanta, open letter") for p in dataset.prisoners)
    assert not dataset.warnings


def test_the_bundled_file_says_when_it_was_brought_up_to_date() -> None:
    from postcards.source.resources import bundled_data

    header = bundled_data().read_text(encoding="utf-8").split("version: 1")[0]
    assert "Brought up to date on 2025-12-15" in header
