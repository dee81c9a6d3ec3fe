"""`--script be` on `make`, `event`, `address` and `check`: the Belarusian block printed and read
back, what stays Russian said once on stderr before drawing, IK-24 printable only so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, read_runs, run

CHEKINA_BE = ("Чэкінай Людміле Юр'еўне", "ПК № 4", "вул. Антошкіна, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS")
SHARENDA = prisoner_yaml("sharenda", "{be: {surname: Шарэнда-Панасюк, given: Паліна, patronymic: Сяргееўна}}",
                         "institution: IK-24\ndative_be: Шарэнда-Панасюк Паліне Сяргееўне\nverified: 2026-05-01")
TODAY = ("--today", "2026-06-01")


def test_make_prints_the_belarusian_block(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--script", "be", "--only", "chekina", *TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    start = texts.index(CHEKINA_BE[0])
    assert tuple(texts[start : start + 5]) == CHEKINA_BE
    assert "ИК № 4" not in texts


def test_make_says_what_stays_russian_once_and_before_drawing(runner: CliRunner, in_tmp: Path) -> None:
    data_file(in_tmp, prisoner_yaml(extra="institution: IK-9\nverified: 2026-05-01"), name="prisoners.yaml")
    result = run(runner, "make", "--script", "be", "--copies", "3", *TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    warned = [line for line in lines if "has no Belarusian form" in line]
    assert [w.split("warning: ")[1].split(": ")[0] for w in warned] == [
        "prisoners[0].name.be", "institutions.IK-9.be.name", "institutions.IK-9.be.street",
        "institutions.IK-9.be.locality"]
    assert lines.index(warned[-1]) < next(i for i, line in enumerate(lines) if line.startswith("Wrote"))
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert texts.count("Чекиной Людмиле Юрьевне") == 3 and texts.count("ИК № 9") == 3


def test_address_json_in_belarusian(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "address", "--script", "be", "--json", "--id", "chekina")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"id": "chekina", "lines": list(CHEKINA_BE)}]
    assert result.stderr == ""


def test_address_warnings_go_to_stderr_and_data_to_stdout(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml())
    result = run(runner, "address", path, "--script", "be", "--json")
    assert json.loads(result.stdout)[0]["lines"][:2] == ["Чекиной Людмиле Юрьевне", "ПК № 4"]
    assert result.stderr == (
        f"{path}:3:5: warning: prisoners[0].name.be: the name has no Belarusian form in the data: the Russian "
        "block's 'Чекиной Людмиле Юрьевне' is printed; add name.be: {surname: ..., given: ..., patronymic: ...} "
        "(or dative_be: with the exact dative)\n")


def test_ik_24_is_printed_with_script_be_and_refused_without(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, SHARENDA)
    result = run(runner, "address", path, "--script", "be")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Шарэнда-Панасюк Паліне Сяргееўне", "ПК № 24", "вул. Вытворчая, 44", "247526, г. п. Зарэчча",
        "Рэчыцкі раён", "Гомельская вобласць", "REPUBLIC OF BELARUS"]
    made = run(runner, "make", path, "--script", "be", "--institution", "IK-24", *TODAY, "--no-ledger")
    assert made.exit_code == 0, made.stderr
    assert "247526, г. п. Зарэчча" in [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    for command in (("address", path), ("make", path, *TODAY, "-o", "ru.pdf"), ("check", path, *TODAY)):
        refused = run(runner, *command)
        assert refused.exit_code == 1 and refused.stdout == ""
        assert f"{path}:3:5: prisoners[0].institution: IK-24's address is sourced only in Belarusian" in refused.stderr
        assert "print its Belarusian block (--script be)" in refused.stderr
    assert not (in_tmp / "ru.pdf").exists()
    checked = run(runner, "check", path, "--script", "be", *TODAY)
    assert checked.exit_code == 0, checked.stderr


def test_event_says_each_warning_once_across_packs(runner: CliRunner, in_tmp: Path) -> None:
    people = [prisoner_yaml(f"p{i}", extra="institution: IK-9\nverified: 2026-05-01") for i in range(4)]
    path = data_file(in_tmp, *people)
    result = run(runner, "event", path, "--writers", "2", "--script", "be", *TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("institutions.IK-9.be.street") == 1
    assert result.stderr.count("name.be: the name has no Belarusian form") == 4


def test_a_belarusian_line_too_wide_is_refused_before_drawing(runner: CliRunner, in_tmp: Path) -> None:
    street = "вуліца Савецкіх Пагранічнікаў Беларускай Рэспублікі, 37"
    path = data_file(in_tmp, prisoner_yaml(name="{ru: Чекина Людмила Юрьевна, be: Чэкіна Людміла Юр'еўна}", extra=f"""
        address:
          name: ИК № 4
          street: ул. Антошкина, 3
          postcode: 246035
          locality: г. Гомель
          be: {{name: ПК № 4, street: "{street}", locality: г. Гомель}}
        verified: 2026-05-01
    """))
    assert run(runner, "make", path, *TODAY, "--no-ledger", "-o", "ru.pdf").exit_code == 0  # Russian lines fit
    for command in (("make", path, "--script", "be", *TODAY, "--no-ledger", "-o", "be.pdf"),
                    ("check", path, "--script", "be", *TODAY)):
        result = run(runner, *command)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[-1] == (
            f"{path}:3:5: prisoners[0]: the address of 'chekina' is too wide for a 148 x 105 mm card even at "
            "7.5 pt; shorten a line, e.g. abbreviate 'вуліца' to 'вул.'")
    assert not (in_tmp / "be.pdf").exists()


def test_check_lists_what_stays_russian(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml(extra="institution: IK-4\nverified: 2026-05-01"))
    assert "has no Belarusian form" not in run(runner, "check", path, *TODAY).stderr
    result = run(runner, "check", path, "--script", "be", *TODAY)
    assert result.exit_code == 0
    assert "prisoners[0].name.be: the name has no Belarusian form in the data" in result.stderr
    assert result.stderr.endswith("1 prisoner, no errors, 1 warning.\n")
