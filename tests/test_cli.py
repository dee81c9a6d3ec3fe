"""The command line through click's CliRunner: exit codes, stdout data, stderr messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, read_runs, run

from postcards import __version__


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0 and result.stdout == f"postcards, version {__version__}\n"


def test_make_uses_the_bundled_list_when_there_is_no_local_file(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make")
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "postcards.pdf").is_file()
    assert result.stdout == ""
    skipped, wrote = result.stderr.splitlines()[:2]
    assert skipped == "Skipped 1 person: 1 released (zolatava)."  # released 2025-12-13: never a card
    assert wrote.startswith("Wrote postcards.pdf: 2 cards on 1 sheet (a4), 1 page in all, ")
    assert "Print at actual size (100%, not 'fit to page')." in result.stderr
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Чекиной Людмиле Юрьевне" in texts and "Лойко Анастасии Юрьевне" in texts
    assert not any("Золотов" in text for text in texts)


def test_make_prefers_a_local_prisoners_yaml(runner: CliRunner, in_tmp: Path) -> None:
    data_file(in_tmp, prisoner_yaml("pipiya", "{ru: {surname: Пипия, given: Тимур}}",
                                    "gender: male\ninstitution: PRISON-8"), name="prisoners.yaml")
    result = run(runner, "make", "-o", "one.pdf")
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "one.pdf")]
    assert "Пипии Тимуру" in texts and "222163, г. Жодино" in texts


def test_sender_lines_from_option_and_config(runner: CliRunner, in_tmp: Path) -> None:
    config = in_tmp / "config.yaml"
    config.write_text("sender:\n  - Иван Петров\n  - Германия, Берлин\n", encoding="utf-8")
    assert run(runner, "make", "-o", "a.pdf", "--config", config).exit_code == 0
    assert "Германия, Берлин" in [r.text for r in read_runs(in_tmp / "a.pdf")]
    assert run(runner, "make", "-o", "b.pdf", "--config", config, "--from", "Анна").exit_code == 0
    texts = [r.text for r in read_runs(in_tmp / "b.pdf")]
    assert "Анна" in texts and "Германия, Берлин" not in texts


def test_sender_in_latin_is_refused(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--from", "Berlin")
    assert result.exit_code == 1
    assert result.stderr.startswith("--from: sender line 'Berlin' is written in Latin letters")
    assert not (in_tmp / "postcards.pdf").exists()


def test_address_text_and_json(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "address", "--id", "loika")
    assert result.exit_code == 0
    assert result.stdout == "Лойко Анастасии Юрьевне\nИК № 4\nул. Антошкина, 3\n246035, г. Гомель\nREPUBLIC OF BELARUS\n"
    as_json = json.loads(run(runner, "address", "--json", "--nominative", "--no-country").stdout)
    assert as_json[0] == {"id": "chekina", "lines": ["Людмила Чекина", "ИК № 4", "ул. Антошкина, 3",
                                                     "246035, г. Гомель"]}
    assert [b["id"] for b in as_json] == ["chekina", "loika"]  # zolatava is released


def test_list_is_a_table(runner: CliRunner, in_tmp: Path) -> None:
    lines = run(runner, "list").stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "LATIN", "INSTITUTION", "BIRTHDAY", "STATUS", "TAGS"]
    assert lines[1].split() == ["chekina", "Чекина", "Людмила", "Юрьевна", "Liudmila", "Chekina", "IK-4",
                                "1973-07-13", "imprisoned"]
    assert lines[2].split()[-3:] == ["IK-4", "released", "2025-12-13"]


def test_check_warns_of_stale_addresses_and_exits_0(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "check", "--today", "2026-11-29")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # zolatava is released; loika was verified 2025-12-15
    assert lines[0].endswith("warning: prisoners[0].verified: the address was last verified 2023-11-09 "
                             "(1116 days ago); check it at prisoners.spring96.org before posting")
    assert lines[-1].endswith("prisoners.yaml: 3 prisoners, no errors, 1 warning.")
    early = run(runner, "check", "--today", "2025-12-01").stderr.splitlines()
    assert [line.split(": ", 2)[2] for line in early[1:-1]] == [
        "prisoners[2].verified: the address is marked verified on 2025-12-15, after today (2025-12-01); "
        "check the year: write the day it was really checked",
        "prisoners[1].released: released 2025-12-13 is after today (2025-12-01); check the date against the source"]


def test_check_lists_every_error_and_exits_1(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml("a", extra="institution: IK-44"),
                     prisoner_yaml("b", "Пипия Тимур"))
    result = run(runner, "check", path, "--paper", "letter")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:5:18: prisoners[0].institution: unknown institution 'IK-44'; did you mean 'IK-4'?",
        f"{path}:7:11: prisoners[1].name: 'Пипия Тимур' is 2 word(s), not 'Фамилия Имя Отчество'; "
        "without a patronymic, write a mapping: {surname: ..., given: ...} and add gender:",
    ]


def test_check_finds_what_make_would_refuse_for_everyone(runner: CliRunner, in_tmp: Path) -> None:
    long_street = "ул. Советских пограничников имени героев, д. 137"  # fits A4 cards, not Letter
    path = data_file(in_tmp,
                     prisoner_yaml("a", extra="address: {name: ИК № 4, street: ул. Антошкина 3 ☃, postcode: 246035, locality: г. Гомель}"),
                     prisoner_yaml("b", extra=f"address: {{name: ИК № 4, street: '{long_street}', postcode: 246035, locality: г. Гомель}}"))
    result = run(runner, "check", path, "--paper", "letter")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:3:5: prisoners[0]: the card for 'a' has characters the font cannot draw: '☃' (U+2603) in 'ул. Антошкина 3 ☃'; remove or replace them",
        f"{path}:6:5: prisoners[1]: the address of 'b' is too wide for a 139.7 x 107.95 mm card even at 7.5 pt; shorten a line, e.g. abbreviate 'улица' to 'ул.'",
    ]
    assert len(run(runner, "check", path).stderr.splitlines()) == 1  # A4 cards are wider: only the font


BAD_DATA = {
    "missing file": None,
    "not YAML": "prisoners:\n\t- id: x\n",
    "empty": "",
    "unknown key": "prisoners:\n  - id: x\n    nmae: Чекина Людмила Юрьевна\n    institution: IK-4\n",
    "postcode": "prisoners:\n  - id: x\n    name: Чекина Людмила Юрьевна\n    address: {name: ИК № 4, "
                "street: ул. Антошкина 3, postcode: 24603, locality: г. Гомель}\n",
    "font cannot draw": "prisoners:\n  - id: x\n    name: Чекина Людмила Юрьевна\n    address: {name: ИК № 4, "
                        "street: ул. Антошкина 3 ☃, postcode: 246035, locality: г. Гомель}\n",
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_exits_1_with_lines_and_writes_nothing(runner: CliRunner, in_tmp: Path, case: str) -> None:
    path = in_tmp / "data.yaml"
    if BAD_DATA[case] is not None:
        path.write_text(str(BAD_DATA[case]), encoding="utf-8")
    result = run(runner, "make", path, "-o", "out.pdf")
    assert result.exit_code == 1
    assert result.stderr and "Traceback" not in result.stderr
    assert all(str(path) in line for line in result.stderr.splitlines())
    assert sorted(p.name for p in in_tmp.iterdir()) == (["data.yaml"] if BAD_DATA[case] is not None else [])


def test_font_check_names_the_character(runner: CliRunner, in_tmp: Path) -> None:
    path = in_tmp / "data.yaml"
    path.write_text(str(BAD_DATA["font cannot draw"]), encoding="utf-8")
    result = run(runner, "make", path)
    assert result.stderr == (f"{path}:2:5: prisoners[0]: the card for 'x' has characters the font cannot draw: "
                             "'☃' (U+2603) in 'ул. Антошкина 3 ☃'; remove or replace them\n")


def test_output_in_a_missing_directory(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "-o", in_tmp / "no" / "out.pdf")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {in_tmp / 'no' / 'out.pdf'}: the directory {in_tmp / 'no'} does not "
                             "exist; create it first or choose another output path\n")


def test_output_where_nobody_may_write(runner: CliRunner, in_tmp: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/postcards.pdf")  # root may write anywhere but here
    else:
        locked = in_tmp / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "out.pdf"
    result = run(runner, "make", "-o", target)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {target}: cannot write in {target.parent}: ")
    assert not target.exists()


def test_output_never_replaces_a_file_that_is_not_a_pdf(runner: CliRunner, in_tmp: Path) -> None:
    data = data_file(in_tmp)
    before = data.read_bytes()
    result = run(runner, "make", data, "-o", data)
    assert result.exit_code == 1
    assert result.stderr == (f"error: {data}: exists and is not a PDF; not replacing it; "
                             "choose another output path, e.g. -o postcards.pdf\n")
    assert data.read_bytes() == before
    assert run(runner, "make", data, "-o", "a.pdf").exit_code == 0
    assert run(runner, "make", data, "-o", "a.pdf").exit_code == 0  # a PDF may be replaced


def test_unknown_only_id_suggests(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--only", "chekna")
    assert result.exit_code == 1
    assert result.stderr.startswith("--only: no prisoner with id 'chekna' in ")
    assert result.stderr.endswith("did you mean 'chekina'?\n")


def test_only_and_copies(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--only", "chekina", "--copies", "3")
    assert result.exit_code == 0
    assert "\n1 address not verified in the last year" in result.stderr  # only the one printed
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert texts.count("Чекиной Людмиле Юрьевне") == 3 and "Лойко Анастасии Юрьевне" not in texts


LOIKA_BE = ("{ru: {surname: Лойко, given: Анастасия, patronymic: Юрьевна}, "
            "be: {surname: Лойка, given: Анастасія, patronymic: Юр'еўна}}")


def test_belarusian_cards_fall_back_to_russian_for_people_without_belarusian_names(
        runner: CliRunner, in_tmp: Path) -> None:
    # this run used to stop at chekina: "'chekina' has no Belarusian name forms"
    path = data_file(in_tmp, prisoner_yaml(), prisoner_yaml("loika", LOIKA_BE))
    result = run(runner, "make", path, "--lang", "be")
    assert result.exit_code == 0
    assert ("note: 1 person has no Belarusian name in the data (chekina): their cards are in Russian; "
            "add name.be to print them in Belarusian") in result.stderr.splitlines()
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Здравствуйте, Людмила Юрьевна!" in texts and "Добры дзень, Анастасія Юр'еўна!" in texts
    ok = run(runner, "make", "--lang", "be", "-o", "be.pdf")  # the bundled list has every name.be
    assert ok.exit_code == 0 and "name.be" not in ok.stderr
    assert "Добры дзень, Людміла Юр'еўна!" in [r.text for r in read_runs(in_tmp / "be.pdf")]


def test_a_chosen_belarusian_message_is_refused_for_people_without_belarusian_names(
        runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml(), prisoner_yaml("loika", LOIKA_BE))
    result = run(runner, "make", path, "--message", "be-walk")
    assert result.exit_code == 1
    assert result.stderr == ("--message: 1 person has no Belarusian name in the data (chekina) for message "
                             "'be-walk', which is in Belarusian; add name.be to them, leave them out "
                             "(--exclude), or choose a Russian message\n")
    assert not (in_tmp / "postcards.pdf").exists()
    assert run(runner, "make", path, "--message", "be-walk", "--exclude", "chekina").exit_code == 0


def test_released_prisoners_are_skipped_with_a_line(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml("a"), prisoner_yaml("b", extra="institution: IK-4\nstatus: released"))
    result = run(runner, "make", path)
    assert result.exit_code == 0
    assert "Skipped 1 person: 1 released (b)." in result.stderr.splitlines()
    assert "1 card on 1 sheet" in result.stderr
    shown = run(runner, "address", path)
    assert shown.stdout.count("REPUBLIC OF BELARUS") == 1 and "Skipped 1 person: 1 released (b)." in shown.stderr


def test_usage_errors_exit_2(runner: CliRunner, in_tmp: Path) -> None:
    assert run(runner, "make", "--paper", "a3").exit_code == 2
    assert run(runner, "make", "--copies", "0").exit_code == 2
    assert run(runner, "check", "--today", "yesterday").exit_code == 2


def test_help_everywhere(runner: CliRunner) -> None:
    for command in ([], ["make"], ["address"], ["check"], ["list"]):
        result = run(runner, *command, "--help")
        assert result.exit_code == 0 and "Usage: " in result.stdout


def test_a_broken_config_file_is_a_located_error(runner: CliRunner, in_tmp: Path) -> None:
    config = in_tmp / "config.yaml"
    config.write_text("sendr:\n  - Анна\n", encoding="utf-8")
    result = run(runner, "make", "--config", config)
    assert result.exit_code == 1
    assert result.stderr == f"{config}:1:1: sendr: unknown key 'sendr'; did you mean 'sender'?\n"
    assert not (in_tmp / "postcards.pdf").exists()


def test_nobody_imprisoned_is_refused_and_nothing_written(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml("a", extra="institution: IK-4\nstatus: released"))
    result = run(runner, "make", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: no one to make cards for: the person selected is not imprisoned (1 released); "
        "only people with status: imprisoned get cards"]
    assert not (in_tmp / "postcards.pdf").exists()
