"""The registry holds the research's institutions exactly as the sources give them, guesses
nothing, and recognises institutions in free text; `postcards institutions` lists it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, run

from postcards.shared.errors import PostcardsError
from postcards.shared.model import Institution, PlaceForms, RecogniseOnly
from postcards.source.institutions import (
    address_age,
    builtin_registry,
    by_postcode_street,
    find_institution,
    known_institutions,
    load_known,
    seen_date,
)
from postcards.source.postcodes import POSTCODE_REGIONS, postcode_error
from postcards.source.records import load_dataset

# code: (name, street, postcode, locality, district, region), as the envelope carries them
PRINTABLE = {
    "IK-4": ("ИК № 4", "ул. Антошкина, 3", "246035", "г. Гомель", None, None),
    "IK-9": ("ИК № 9", "ул. Добролюбова, 16", "213410", "г. Горки", None, None),
    "PRISON-8": ("Тюрьма № 8", "ул. Советская, 22А", "222163", "г. Жодино", None, None),
    "PRISON-4": ("Тюрьма № 4", "ул. Крупской, 99А", "212011", "г. Могилёв", None, None),
    "SIZO-6": ("СИЗО-6", "ул. Брестская, 258 В", "225413", "г. Барановичи", None, None),
    "SIZO-7": ("СИЗО-7", "ул. Советских пограничников, 37", "224030", "г. Брест", None, None),
    "IK-2": ("ИК № 2", "ул. Сикорского, 1", "213807", "г. Бобруйск", None, None),
    "IK-1": ("ИК № 1", "ул. Техническая, 8", "211440", "г. Новополоцк", None, None),
    "SIZO-1": ("СИЗО-1", "ул. Володарского, 2", "220030", "г. Минск", None, None),
}
REGION = {"IK-4": "Gomel", "IK-9": "Mogilev", "PRISON-8": "Minsk region", "PRISON-4": "Mogilev",
          "SIZO-6": "Brest", "SIZO-7": "Brest", "IK-2": "Mogilev", "IK-1": "Vitebsk", "SIZO-1": "Minsk city"}
LATIN_ONLY = ["SIZO-3", "IK-15", "IK-17", "IK-22", "PRISON-1", "CIP-OKRESTINA", "IVS-VOLKOVYSK", "IK-10"]
NO_ADDRESS = ["SIZO-1-KALIADZICHY", "IK-1-MINSK-OLD", "SIZO-KGB", "IK-3", "IK-11", "IK-13", "IK-14", "IK-20",
              "SIZO-5", "VK-2", "IVS-OKRESTINA", "IVS-MOGILEV", "IUOT-11", "IK-16", "SIZO-2", "IK-5", "IK-19",
              "IUOT-52"]


def test_the_printable_entries_carry_exactly_the_sourced_lines() -> None:
    registry = builtin_registry()
    assert {code: (i.name, i.street, i.postcode, i.locality, i.district, i.region)
            for code, i in registry.items()} == PRINTABLE


def test_every_other_institution_of_the_research_is_kept_to_recognise_only() -> None:
    others = known_institutions().recognise_only
    assert list(others) == ["IK-24", "IVS-ZHODINO", *LATIN_ONLY, *NO_ADDRESS]
    assert [c for c, e in others.items() if e.completeness == "latin_only"] == LATIN_ONLY
    assert "SIZO-3" not in builtin_registry()  # its Cyrillic street was never printed by a source


def test_every_printable_postcode_is_valid_and_in_its_region() -> None:
    for code, place in builtin_registry().items():
        assert postcode_error(place.postcode) is None
        assert POSTCODE_REGIONS[place.postcode[:3]].startswith(REGION[code]), code


def test_every_entry_is_sourced_and_dated() -> None:
    for code, entry in known_institutions().entries.items():
        assert entry.seen and entry.citations and entry.code == code, code
        assert all(c.label and c.date for c in entry.citations), code
        assert entry.sources == tuple(c.label for c in entry.citations)
    for code, place in builtin_registry().items():
        assert seen_date(place.seen) is not None, code
        assert any(c.url and c.url.startswith("http") for c in place.citations), code


def test_latin_addresses_are_never_turned_into_cyrillic() -> None:
    for code in LATIN_ONLY:
        entry = known_institutions().recognise_only[code]
        assert entry.address_latin_seen and (entry.ru is None or entry.ru.street is None), code
    assert known_institutions().recognise_only["SIZO-3"].address_latin_seen == "SIZO-3, 246003, Homieĺ, vul. Knižnaja, 1A"


def test_ik_24_is_known_in_belarusian_only() -> None:
    ik24 = known_institutions().recognise_only["IK-24"]
    assert ik24.ru is None and ik24.postcode == "247526" and ik24.be_printable
    assert ik24.be == PlaceForms("ПК № 24", "вул. Вытворчая, 44", "г. п. Зарэчча", "Рэчыцкі раён",
                                 "Гомельская вобласць")


def test_belarusian_forms_where_a_source_gives_them() -> None:
    registry = builtin_registry()
    assert registry["IK-4"].be == PlaceForms("ПК № 4", "вул. Антошкіна, 3", "г. Гомель")
    assert registry["PRISON-4"].be == PlaceForms("Турма № 4", "вул. Крупскай, 99А", "г. Магілёў")
    assert registry["SIZO-1"].be == PlaceForms("СІЗА-1", "вул. Валадарскага, 2", "г. Мінск")
    assert registry["IK-9"].be is None


def test_closed_composite_and_reused_entries_are_marked() -> None:
    known = known_institutions().entries
    assert [c for c, e in known.items() if isinstance(e, Institution) and e.closed] == ["SIZO-1"]
    assert known["SIZO-1"].replaced_by == "SIZO-1-KALIADZICHY" and known["IK-10"].replaced_by == "IK-1"
    assert [c for c, e in builtin_registry().items() if e.completeness == "composite"] == ["IK-2", "IK-1"]
    assert {c: e.reused_code for c, e in known.items() if e.reused_code} == {
        "SIZO-1-KALIADZICHY": "SIZO-1", "IK-1-MINSK-OLD": "IK-1"}


def warnings_for(tmp_path: Path, code: str) -> list[str]:
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(extra=f"institution: {code}")))
    return [w.message + "; " + str(w.hint) for w in dataset.warnings]


def test_every_use_of_a_closed_or_composite_address_warns(tmp_path: Path) -> None:
    assert warnings_for(tmp_path, "SIZO-1") == [
        "SIZO-1 was closed at the end of April 2024 (Viasna, 2024-07-11; Radio Svaboda, 2024-04-24); the new "
        "SIZO-1 near Kaliadzichy has no published postal address; find the person's current address at "
        "prisoners.spring96.org"]
    [composite] = warnings_for(tmp_path, "IK-1")
    assert composite.startswith("IK-1's address is composite: the street is from Zerkalo (2023, ")
    assert composite.endswith("; check it at prisoners.spring96.org before posting")
    assert warnings_for(tmp_path, "IK-4") == []


@pytest.mark.parametrize(("code", "problem"), [  # IK-24, sourced in Belarusian: tests/test_address_be.py
    ("SIZO-3", "SIZO-3's address is sourced only in Latin letters (SIZO-3, 246003, Homieĺ, vul. Knižnaja, 1A)"),
    ("SIZO-KGB", "no source gives a postal address for SIZO-KGB"),
])
def test_a_code_known_only_to_recognise_is_refused_with_the_reason(tmp_path: Path, code: str, problem: str) -> None:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(data_file(tmp_path, prisoner_yaml(extra=f"institution: {code}")))
    assert caught.value.lines() == [
        f"{tmp_path / 'data.yaml'}:5:18: prisoners[0].institution: {problem}; copy the address in Cyrillic "
        "from the person's page at prisoners.spring96.org into an inline address:"]


def test_a_data_file_gives_belarusian_forms_and_aliases_under_the_same_keys(tmp_path: Path) -> None:
    head = ("version: 1\ninstitutions:\n  IK-15:\n    name: ИК № 15\n    street: ул. Примерная, 1\n"
            "    postcode: \"212013\"\n    locality: г. Могилёв\n    be:\n      name: ПК № 15\n"
            "    aliases: [Могилевская колония № 15]\n    seen: 2025-06-01\n"
            "    sources: [{url: https://example.org, date: 2025-06-01}]\n")
    inline = "address:\n  name: ИК № 4\n  street: ул. Антошкина, 3\n  postcode: 246035\n  locality: г. Гомель\n" \
             "  be:\n    name: ПК № 4\n    street: вул. Антошкіна, 3\n"
    path = data_file(tmp_path, prisoner_yaml("a", extra="institution: IK-15"), prisoner_yaml("b", extra=inline),
                     head=head)
    first, second = load_dataset(path).prisoners
    assert first.institution.be == PlaceForms(name="ПК № 15") and first.institution.seen == "2025-06-01"
    assert first.institution.citations[0].date == "2025-06-01"
    assert second.institution.be == PlaceForms("ПК № 4", "вул. Антошкіна, 3")
    overridden = known_institutions().with_institutions(load_dataset(path).institutions)
    assert [m.code for m in find_institution("Могилевская колония № 15", overridden)] == ["IK-15"]
    assert overridden.entries["IK-15"] == first.institution


BROKEN = [
    ("    alias: [x]\n", "institutions.X-1.alias: unknown key 'alias'; did you mean 'aliases'?"),
    ("    be: {nmae: ПК № 1}\n", "institutions.X-1.be.nmae: unknown key 'nmae'; did you mean 'name'?"),
    ("    be: {street: vul. Tekhnichnaya}\n", "institutions.X-1.be.street: 'vul. Tekhnichnaya' is written in Latin "
     "letters; write the address in Belarusian Cyrillic, as the post in Belarus reads it"),
    ("    status: closed\n", "institutions.X-1.status: is closed, but closed: is not given; a closed institution "
     "has status: closed and says in closed: why, with the source"),
    ("    completeness: composite\n", "institutions.X-1.composite: is needed with completeness: composite, and "
     "only then; name what is composite: which part comes from which source, script or year"),
    ("    completeness: complete-cyrillic\n", "institutions.X-1.completeness: unknown completeness 'complete-cyrillic'; did you "
     "mean 'complete_cyrillic'?"),
    ("    seen: 2023-02-30\n", ""),
    ("    replaced_by: IK-99\n", "institutions.X-1.replaced_by: 'IK-99' is not another entry of the registry; "
     "name another code of this file"),
    ("    sources: [{date: 2020}]\n", "institutions.X-1.sources[0]: a source needs a url: (or, without one, a "
     "title:); add where it was seen"),
    ("    aliases: [Новополоцк]\n  X-2:\n    aliases: [НОВОПОЛОЦК]\n    seen: '2023'\n    completeness: none\n"
     "    sources: [https://example.org]\n", "institutions.X-2.aliases: 'НОВОПОЛОЦК' is an alias of X-1 too; "
     "keep it on one entry"),
]
ENTRY = ("version: 1\ninstitutions:\n  X-1:\n    name: ИК № 1\n    street: ул. Техническая, 8\n"
         "    postcode: \"211440\"\n    locality: г. Новополоцк\n    seen: \"2023\"\n"
         "    completeness: complete_cyrillic\n    sources: [https://example.org]\n")


@pytest.mark.parametrize(("line", "problem"), BROKEN, ids=[b[0].strip() for b in BROKEN])
def test_a_broken_registry_entry_is_named_at_its_line(tmp_path: Path, line: str, problem: str) -> None:
    key = line.split(":")[0] + ":"
    kept = [old for old in ENTRY.splitlines(keepends=True) if not old.startswith(key)]
    path = tmp_path / "institutions.yaml"
    path.write_text("".join(kept) + line, encoding="utf-8")
    if not problem:  # a date that does not exist is only text: it gives no age
        assert seen_date(load_known(path).entries["X-1"].seen) is None
        return
    with pytest.raises(PostcardsError) as caught:
        load_known(path)
    assert any(p.endswith(problem) for p in caught.value.lines()), caught.value.lines()


def test_a_latin_only_entry_with_a_cyrillic_street_or_a_composite_without_its_parts_is_refused(
        tmp_path: Path) -> None:
    path = tmp_path / "institutions.yaml"
    path.write_text(ENTRY.replace("complete_cyrillic", "latin_only") + "  X-2:\n    postcode: \"211440\"\n"
                    "    seen: \"2023\"\n    completeness: composite\n    sources: [https://example.org]\n",
                    encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_known(path)
    assert caught.value.lines() == [
        f"{path}:5:13: institutions.X-1.street: a Latin-only address has no Russian street: turned back into "
        "Cyrillic it would be a guess; remove it, or cite a source that prints the street in Cyrillic",
        f"{path}:4:5: institutions.X-1.address_latin_seen: missing; quote the Latin address as the source printed it",
        f"{path}:9:19: institutions.X-1.completeness: is latin_only, but the four Russian lines are given; use "
        "complete_cyrillic or composite, or remove the lines no source gave",
        f"{path}:14:19: institutions.X-2.composite: is needed with completeness: composite, and only then; name "
        "what is composite: which part comes from which source, script or year"]


def test_a_belarusian_letter_in_a_russian_line_warns(tmp_path: Path) -> None:
    inline = "address: {name: ИК № 4, street: 'вул. Антошкіна, 3', postcode: 246035, locality: г. Гомель}"
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(extra=inline)))
    assert [w.message for w in dataset.warnings] == [
        "'вул. Антошкіна, 3' has the Belarusian letter 'і' in a Russian line"]


# --- ages ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("seen", "day"), [
    ("2023", date(2023, 1, 1)), ("2020-2023", date(2023, 1, 1)), ("2021-12", date(2021, 12, 1)),
    ("2021-12-08", date(2021, 12, 8)), ("after 2021-06 (not shown)", date(2021, 6, 1)), ("not shown", None),
    ("2021-13", None),
])
def test_an_address_ages_from_the_latest_day_seen_names(seen: str, day: date | None) -> None:
    assert seen_date(seen) == day


def test_the_age_of_an_address_in_days() -> None:
    assert address_age(builtin_registry()["IK-4"], date(2026, 11, 29)) == 1428
    assert address_age(known_institutions().entries["SIZO-KGB"], date(2026, 11, 29)) is None


def test_the_records_of_the_registry_are_frozen() -> None:
    entry = known_institutions().recognise_only["IK-24"]
    assert isinstance(entry, RecogniseOnly)
    with pytest.raises(AttributeError):
        entry.postcode = "000000"  # type: ignore[misc]


# --- recognising ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("ИК-4", "IK-4"), ("ИК № 4", "IK-4"), ("ИК №4", "IK-4"), ("ик 4", "IK-4"), ("Исправительная колония № 4", "IK-4"),
    ("в исправительной колонии № 24 в Заречье", "IK-24"), ("ПК-4", "IK-4"), ("ПК №4", "IK-4"),
    ("папраўчая калонія № 4", "IK-4"), ("Correctional colony No. 4", "IK-4"), ("Penal colony No. 22.", "IK-22"),
    ("IK-9, ul. Dobrolyubova, 16, 213410 Gorki, Belarus", "IK-9"), ("PK No.15", "IK-15"), ("IU-22", "IK-22"),
    ("Тюрьма № 8", "PRISON-8"), ("Следственная тюрьма №8", "PRISON-8"), ("Турма №4.", "PRISON-4"),
    ("ST-1, 230023 Grodno, ul. Kirova 1", "PRISON-1"), ("Prison #8", "PRISON-8"), ("СИЗО-6", "SIZO-6"),
    ("pre-trial detention center #6 in Baranavichy", "SIZO-6"), ("Горецкая колония строгого режима №9", "IK-9"),
    ("Бобруйская воспитательная колония №2", "VK-2"), ("ВК-2", "VK-2"), ("Колония особого режима № 13", "IK-13"),
    ("Володарка", "SIZO-1"), ("Пішчалаўскі замак", "SIZO-1"), ("Американка", "SIZO-KGB"), ("Жодино", "PRISON-8"),
    ("Витьба", "IK-3"), ("«Тройка»", "IK-3"), ("ВОЛЧЬИ НОРЫ", "IK-22"), ("Окрестина", "CIP-OKRESTINA"),
    ("Шкловская колония", "IK-17"), ("Могилёвская тюрьма", "PRISON-4"), ("Vitsebsk prison #2", "SIZO-2"),
    ("СИЗО-5 Бобруйск", "SIZO-5"), ("CIP-OKRESTINA", "CIP-OKRESTINA"),
])
def test_an_institution_is_found_by_each_form_free_text_uses(text: str, code: str) -> None:
    assert find_institution(text)[0].code == code


@pytest.mark.parametrize("text", ["единица", "ул. Ленина, 4", "ЛТП № 8", "St. 8", "колония-поселение № 10", "2024"])
def test_words_that_name_no_institution_find_none(text: str) -> None:
    assert find_institution(text) == []


@pytest.mark.parametrize(("text", "codes"), [
    ("ИК-1", ["IK-1", "IK-1-MINSK-OLD"]),  # the Minsk colony was ИК-1 until 2007
    ("минская ИК-1", ["IK-1-MINSK-OLD", "IK-1"]),
    ("СИЗО-1", ["SIZO-1-KALIADZICHY", "SIZO-1"]),  # the number now means the complex near Kaliadzichy
    ("СІЗА-1, вул. Валадарскага, 2", ["SIZO-1-KALIADZICHY", "SIZO-1"]),
    ("Володарка", ["SIZO-1", "SIZO-1-KALIADZICHY"]),  # the old building, then what replaced it
    ("ИК-10 Новополоцк", ["IK-10", "IK-1"]),
])
def test_a_reused_or_replaced_number_prefers_the_current_meaning(text: str, codes: list[str]) -> None:
    found = find_institution(text)
    assert [m.code for m in found] == codes
    assert found[0].current == (found[0].code not in ("IK-1-MINSK-OLD", "SIZO-1", "IK-10"))


def test_a_match_says_how_and_whether_it_can_be_printed() -> None:
    ik10, ik1 = find_institution("Correctional colony No. 10")
    assert (ik10.how, ik10.words, ik10.printable, ik10.current) == ("code", "correctional colony № 10", False, False)
    assert (ik1.how, ik1.printable, ik1.current) == ("replaced_by", True, True)


@pytest.mark.parametrize(("postcode", "street", "found"), [
    ("213410", "ul. Dobrolyubova, 16", [("IK-9", True)]),
    ("213410", "ул. Ленина, 16", [("IK-9", False)]),
    ("213410", "ul. Dobrolyubova, 61", [("IK-9", False)]),
    ("246035", "вул. Антошкіна, 3", [("IK-4", True)]),
    ("246035", "3 Antoshkina street", [("IK-4", True)]),
    ("246035", None, [("IK-4", None)]),
    ("246 035", "ул. Антошкина, 3", [("IK-4", True)]),
    ("211440", "Tekhnichnaya Street, 8", [("IK-1", True), ("IK-10", True)]),  # same site: the current first
    ("212011", "ul. Krupska, 99a", [("PRISON-4", True)]),
    ("212011", "ул. Крупской, 99Б", [("PRISON-4", False)]),  # the police ИВС next door
    ("225413", "ul. Brestskaya 258B", [("SIZO-6", True)]),
    ("246003", "vul. Knižnaja, 1A", [("SIZO-3", True)]),
    ("213004", "1-я Заводская, 8", [("IK-17", True)]),
    ("247526", "вул. Вытворчая, 44", [("IK-24", True)]),
    ("220030", "ул. Володарского, 2", [("SIZO-1", True)]),
    ("220000", "ул. Володарского, 2", []),
])
def test_an_institution_left_out_is_found_by_postcode_and_street(postcode: str, street: str | None,
                                                                 found: list[tuple[str, bool | None]]) -> None:
    assert [(m.code, m.street_agrees) for m in by_postcode_street(postcode, street)] == found


# --- the command ---------------------------------------------------------------------------

def test_institutions_command_prints_a_table_with_ages(runner: CliRunner) -> None:
    result = run(runner, "institutions", "--today", "2026-11-29")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CODE", "INSTITUTION", "POSTCODE,", "LOCALITY", "SEEN", "AGE", "STATUS"]
    assert lines[1].split() == ["IK-4", "ИК", "№", "4", "246035,", "г.", "Гомель", "2020-2023", "3", "y", "333", "d",
                                "printable"]
    assert [line.split()[0] for line in lines[1:]] == list(known_institutions().entries)
    rows = {line.split()[0]: line for line in lines[1:]}
    assert rows["SIZO-1"].endswith("printable, closed") and rows["IK-1"].endswith("printable, composite")
    assert rows["SIZO-3"].endswith("Latin only") and rows["IK-24"].endswith("Belarusian only")
    assert result.stderr == ("37 institutions: 9 printable in Russian (2 composite, 1 closed), 28 known only to "
                             "recognise them. Addresses go stale: check them at prisoners.spring96.org before posting.\n")


def test_institutions_json_for_one_entry(runner: CliRunner) -> None:
    result = run(runner, "institutions", "--json", "--printable", "--today", "2026-11-29")
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert [e["code"] for e in entries] == list(builtin_registry())
    prison4 = next(e for e in entries if e["code"] == "PRISON-4")
    assert {k: prison4[k] for k in ("code", "printable", "lines", "be", "postcode", "aliases", "seen", "age_days",
                                    "status", "flags")} == {
        "code": "PRISON-4", "printable": True, "lines": ["Тюрьма № 4", "ул. Крупской, 99А", "212011, г. Могилёв"],
        "be": {"name": "Турма № 4", "street": "вул. Крупскай, 99А", "locality": "г. Магілёў"},
        "postcode": "212011", "aliases": ["Могилевская тюрьма", "тюрьма на Крупской", "Mogilev prison"],
        "seen": "2021", "age_days": 2158, "status": "open", "flags": ["printable"]}
    assert prison4["sources"][1] == {"url": "https://pen-centre.by/en/2021/07/31/political-prisoners-birthdays.html",
                                     "date": "2021-07-31", "what": "Турма №4. 212011, г. Магілёў, вул. Крупскай, 99А."}
    assert result.stderr.startswith("9 institutions: 9 printable in Russian (2 composite, 1 closed). ")


def test_institutions_json_marks_what_cannot_be_printed(runner: CliRunner) -> None:
    entries = {e["code"]: e for e in json.loads(run(runner, "institutions", "--json").stdout)}
    assert entries["IK-17"]["lines"] == [] and entries["IK-17"]["flags"] == ["latin_only"]
    assert entries["IK-17"]["ru"] == {"name": "ИК-17", "locality": "Шклов"}
    assert entries["SIZO-1"]["flags"] == ["printable", "closed"]
    assert entries["SIZO-1"]["replaced_by"] == "SIZO-1-KALIADZICHY"
    assert entries["IK-1-MINSK-OLD"]["reused_code"] == "IK-1"


def test_institutions_refuses_a_bad_day(runner: CliRunner) -> None:
    result = run(runner, "institutions", "--today", "29.11.2026")
    assert result.exit_code == 2 and "'29.11.2026' is not a date YYYY-MM-DD" in result.stderr
