"""`postcards add` and `make --to`: a pasted person appended to a data file with every other
byte kept, duplicates and unreadable text refused with the file untouched, and cards for
pasted people without any file."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import TODAY, data_file, prisoner_yaml, read_runs, run

import postcards
from postcards.shared.errors import PostcardsError

LIBERECO = "Мария Колесникова\nИК №4\nул. Антошкина, 3\n246035, г. Гомель\nREPUBLIC OF BELARUS\n"
PEN_BELARUS = "ПК №4. 246035, г. Гомель, вул. Антошкіна, 3."
KOLESNIKOVA = ["Колесниковой Марии", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"]
ZOLOTOVA = ["Золотовой Марине Васильевне", *KOLESNIKOVA[1:]]
HEAD = ("# People we write to.\n#   check each address first\nversion: 1   # the schema\n\n"
        "prisoners:   # newest last\n")
WHEN = ("--today", TODAY.isoformat())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_add_then_address_json_round_trips(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "add", LIBERECO, *WHEN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("The address block for 'kolesnikova':\n    Колесниковой Марии\n")
    assert result.stderr.endswith("Created prisoners.yaml: 'kolesnikova' at line 3, verified 2026-06-01. "
                                  "Check the address at prisoners.spring96.org before posting.\n")
    assert (in_tmp / "prisoners.yaml").read_text(encoding="utf-8") == (
        "version: 1\nprisoners:\n  - id: kolesnikova\n    name:\n      ru: {surname: Колесникова, given: Мария}\n"
        "    gender: female\n    institution: IK-4\n    status: imprisoned\n    verified: 2026-06-01\n")
    shown = run(runner, "address", "--json")
    assert json.loads(shown.stdout) == [{"id": "kolesnikova", "lines": KOLESNIKOVA}]


def test_pen_belarus_one_belarusian_line_with_the_russian_name(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "add", PEN_BELARUS, "--name", "Золотова Марина Васильевна", "--source",
                 "https://penbelarus.org/", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert "guess: Belarusian address of IK-4 printed as the registry's Russian lines" in result.stderr
    person = postcards.load("prisoners.yaml").prisoners[0]
    assert (person.id, person.sources, person.verified) == ("zolotova", ("https://penbelarus.org/",), TODAY)
    assert json.loads(run(runner, "address", "--json").stdout)[0]["lines"] == ZOLOTOVA


def test_comments_and_blank_lines_stay_byte_for_byte(runner: CliRunner, in_tmp: Path) -> None:
    body = prisoner_yaml() + "    # a comment inside the item\n"
    tail = "\n# trailing notes stay at the end\n"
    path = in_tmp / "mine.yaml"
    path.write_bytes((HEAD + body + tail).encode())
    result = run(runner, "add", path, LIBERECO, "--born", "--05-24", "--tag", "women", "--unit", "отряд № 5",
                 *WHEN)
    assert result.exit_code == 0, result.stderr
    new = path.read_bytes().decode()
    assert new.startswith(HEAD + body) and new.endswith(tail)
    assert new[len(HEAD + body):-len(tail)] == (
        "  - id: kolesnikova\n    name:\n      ru: {surname: Колесникова, given: Мария}\n    gender: female\n"
        "    born: --05-24\n    institution: IK-4\n    unit: отряд № 5\n    tags: [women]\n"
        "    status: imprisoned\n    verified: 2026-06-01\n")
    assert "    отряд № 5\n" in result.stderr  # the block shown has the unit under the institution


def test_the_bundled_list_is_never_written_to(runner: CliRunner, in_tmp: Path) -> None:
    from postcards.source.resources import bundled_data

    before = digest(bundled_data())
    result = run(runner, "add", bundled_data(), LIBERECO)
    assert result.exit_code == 1
    assert result.stderr == (f"error: {bundled_data()}: is the list that ships with postcards; it is never "
                             "written to; add to your own file: postcards add prisoners.yaml TEXT\n")
    assert digest(bundled_data()) == before and not (in_tmp / "prisoners.yaml").exists()


def test_dry_run_prints_the_entry_and_writes_nothing(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp)
    before = digest(path)
    result = run(runner, "add", path, LIBERECO, "--dry-run", "--id", "masha", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("- id: masha\n  name:\n    ru: {surname: Колесникова, given: Мария}\n  gender: female\n"
                             "  institution: IK-4\n  status: imprisoned\n  verified: 2026-06-01\n")
    assert result.stderr.endswith(f"Not written (--dry-run): 'masha' would go to {path}, line 6.\n")
    assert digest(path) == before and [p.name for p in in_tmp.iterdir()] == ["data.yaml"]


def test_a_surname_taken_as_an_id_gets_a_number(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml("kolesnikova", "Колесникова Ольга Ивановна"))
    assert run(runner, "add", path, LIBERECO, *WHEN).exit_code == 0
    assert [p.id for p in postcards.load(path).prisoners] == ["kolesnikova", "kolesnikova-2"]


@pytest.mark.parametrize(("args", "message"), [
    (("--id", "chekina"), "{path}:3:5: id 'chekina' is already in the file: Чекина Людмила Юрьевна; "
                          "choose another --id"),
    ((), "{path}:3:5: Чекина Людмила Юрьевна at IK-4 is already in the file as 'chekina'; edit that entry "
         "(and its verified:) instead of adding another"),
])
def test_a_duplicate_is_refused_naming_the_entry(runner: CliRunner, in_tmp: Path, args: tuple[str, ...],
                                                 message: str) -> None:
    path = data_file(in_tmp)
    before = digest(path)
    text = LIBERECO if args else "Чекиной Людмиле Юрьевне, ИК № 4, ул. Антошкина, 3, 246035, г. Гомель"
    result = run(runner, "add", path, text, *args)
    assert result.exit_code == 1
    assert result.stderr == message.format(path=path) + "\n"
    assert digest(path) == before


def test_the_same_name_elsewhere_is_a_warning(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp)
    result = run(runner, "add", path, "Чекина Людмила Юрьевна\nСИЗО-7, ул. Советских пограничников, 37, 224030, "
                                      "г. Брест", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert (f"{path}:3:5: warning: 'chekina' has the same name, at IK-4; if this is the same person, moved, "
            "edit that entry instead\n") in result.stderr
    assert [p.id for p in postcards.load(path).prisoners] == ["chekina", "chekina-2"]


BAD = [
    ("Мария Колесникова, ИК №4, ул. Антошкина, 3, г. Гомель",
     "<pasted>:1:1: no postcode: a Belarusian address has one, six digits (e.g. 246035); copy the whole "
     "address from its source"),
    ("Мария Колесникова, ИК №4, ул. Антошкина, 3, 246035, г. Гомель, 220030",
     "<pasted>:1:64: two postcodes, 246035 (at 1:45) and 220030; keep the one of the address"),
    ("Мария Колесникова, ИК №4, ул. Антошкина, 3, 101000, г. Москва",
     "<pasted>:1:45: postcode '101000' is outside Belarus's range; Belarusian postcodes start with 2; check "
     "the address at its source"),
    ("Мария Колесникова, ИК-77, 246035, г. Гомель",
     "<pasted>:1:20: the registry does not know 'ИК-77', and there is no street to go by; add the street and "
     "house as the source gives them, or check the person's current address at prisoners.spring96.org"),
    ("Павел Макар\nИК №4\nул. Антошкина, 3\n246035, г. Гомель",
     "<pasted>:1:1: 'Павел Макар' can be read two ways: surname Павел, given name Макар; or surname Макар, "
     'given name Павел; give the name with --name "Фамилия Имя Отчество" (Russian, nominative)'),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_text_gets_one_line_and_the_file_is_untouched(runner: CliRunner, in_tmp: Path, text: str,
                                                          message: str) -> None:
    path = data_file(in_tmp)
    before = digest(path)
    result = run(runner, "add", path, text)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert digest(path) == before and [p.name for p in in_tmp.iterdir()] == ["data.yaml"]


def test_text_from_standard_input_is_named_so(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "add", "-", stdin=BAD[0][0].encode())
    assert result.exit_code == 1
    assert result.stderr == BAD[0][1].replace("<pasted>", "<stdin>") + "\n"
    assert run(runner, "add", "-", *WHEN, stdin=LIBERECO.encode()).exit_code == 0
    assert postcards.load("prisoners.yaml").prisoners[0].id == "kolesnikova"


@pytest.mark.parametrize(("args", "message"), [
    (("--gender", "male"), "--gender: --gender male, but the patronymic 'Юрьевна' is female; leave "
                           "--gender out, or correct the name with --name"),
    (("--born", "1973-02-30"), "--born: '1973-02-30' is not a day YYYY-MM-DD, or --MM-DD without the "
                               "year; e.g. 1973-07-13 or --07-13"),
    (("--tag", "Женщины"), "--tag: tag 'Женщины' may hold only a-z, 0-9 and single hyphens; e.g. "
                           "women or journalists"),
    (("--unit", "unit No. 14"), "--unit: 'unit No. 14' is written in Latin letters; write it in Cyrillic as the "
                                "source gives it, e.g. отряд № 5"),
])
def test_bad_options_are_refused_before_anything_is_written(runner: CliRunner, in_tmp: Path,
                                                            args: tuple[str, ...], message: str) -> None:
    path = data_file(in_tmp, prisoner_yaml("loika", "Лойко Анастасия Юрьевна"))
    before = digest(path)
    result = run(runner, "add", path, "Чекина Людмила Юрьевна, ИК № 4, ул. Антошкина, 3, 246035, г. Гомель",
                 *args)
    assert (result.exit_code, result.stderr) == (1, message.format(path=path) + "\n")
    assert digest(path) == before


def test_a_terminal_is_asked_first(runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("postcards.cli.people.interactive", lambda: True)
    declined = run(runner, "add", LIBERECO, *WHEN, stdin=b"n\n")
    assert declined.exit_code == 0
    assert "Add 'kolesnikova' to a new file prisoners.yaml? [Y/n]: " in declined.stderr
    assert declined.stderr.endswith("Nothing written: prisoners.yaml is as it was.\n")
    assert not (in_tmp / "prisoners.yaml").exists()
    assert run(runner, "add", LIBERECO, *WHEN, stdin=b"y\n").exit_code == 0
    assert run(runner, "add", LIBERECO.replace("Мария", "Марина"), *WHEN, "--yes").exit_code == 0
    assert len(postcards.load("prisoners.yaml").prisoners) == 2


@pytest.mark.parametrize(("args", "message"), [
    (("a.yaml", "b", "c"), "too many arguments"),
    (("mine.yaml",), "give the text to add, in quotes, or - with the text on standard input"),
])
def test_usage_mistakes(runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch,
                        args: tuple[str, ...], message: str) -> None:
    monkeypatch.setattr("postcards.cli.people.interactive", lambda: True)
    result = run(runner, "add", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_add_person_takes_a_parsed_person_and_a_confirmation(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    parsed = postcards.parse_person(LIBERECO, name="Колесникова Мария Александровна")
    seen: list[postcards.Added] = []
    def decline(added: postcards.Added) -> bool:
        seen.append(added)
        return False

    declined = postcards.add_person(path, parsed, today=date(2026, 6, 1), confirm=decline)
    assert not declined.written and seen == [declined] and len(postcards.load(path).prisoners) == 1
    added = postcards.add_person(path, parsed, today=date(2026, 6, 1))
    assert (added.written, added.created, added.id, added.line) == (True, False, "kolesnikova", 6)
    assert list(added.lines) == ["Колесниковой Марии Александровне", *KOLESNIKOVA[1:]]
    with pytest.raises(PostcardsError, match="already in the file as 'kolesnikova'"):
        postcards.add_person(path, parsed, today=date(2026, 6, 1))


def test_the_docs_example_of_adding_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    [example] = [code for code in re.findall(r"```python\n(.*?)```", page, re.DOTALL) if "add_person" in code]
    monkeypatch.chdir(tmp_path)
    exec(compile("import postcards\nfrom datetime import date\n" + example, "docs/api.md", "exec"), {})
    assert capsys.readouterr().out == f"{tuple(ZOLOTOVA)}\nzolotova 3 True\n"


# --- make --to ------------------------------------------------------------------------------

def test_make_to_prints_the_exact_block_without_a_data_file(runner: CliRunner, in_tmp: Path) -> None:
    data_file(in_tmp, name="prisoners.yaml")  # there, and not used
    (in_tmp / "sent.csv").write_text("", encoding="utf-8")
    result = run(runner, "make", "--to", LIBERECO, "--to", PEN_BELARUS, "-o", "out.pdf", *WHEN, "--name", "x")
    assert result.exit_code == 2 and "--name goes with one --to" in result.stderr
    result = run(runner, "make", "--to", LIBERECO, "-o", "out.pdf", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert "guess: gender female from the given name Мария\n" in result.stderr
    assert "Wrote out.pdf: 1 card on 1 sheet" in result.stderr
    assert result.stderr.endswith("Pasted addresses go stale too: check each at prisoners.spring96.org before "
                                  "posting.\n")  # not "not verified in the last year": there is no data file
    texts = [r.text for r in read_runs(in_tmp / "out.pdf")]
    start = texts.index(KOLESNIKOVA[0])
    assert texts[start:start + 5] == KOLESNIKOVA
    assert (in_tmp / "sent.csv").read_text(encoding="utf-8") == ""  # no ledger unless asked


def test_make_to_with_a_name_and_several_people(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--to", PEN_BELARUS, "--name", "Золотова Марина Васильевна", "-o", "one.pdf", *WHEN)
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "one.pdf")]
    assert texts[texts.index(ZOLOTOVA[0]):][:5] == ZOLOTOVA
    two = run(runner, "make", "--to", LIBERECO, "--to", LIBERECO, "-o", "two.pdf", *WHEN)
    assert two.exit_code == 0 and "2 cards on 1 sheet" in two.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("data.yaml", "--to", LIBERECO), "--to takes the place of a data file"),
    (("--to", LIBERECO, "--only", "x"), "--only chooses from a data file"),
    (("--name", "Чекина Людмила Юрьевна"), "--name names the person of a --to text"),
])
def test_make_to_refuses_what_needs_a_data_file(runner: CliRunner, in_tmp: Path, args: tuple[str, ...],
                                                message: str) -> None:
    result = run(runner, "make", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_make_to_names_the_text_at_fault(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--to", LIBERECO, "--to", BAD[0][0], "-o", "out.pdf")
    assert (result.exit_code, result.stderr) == (1, BAD[0][1].replace("<pasted>", "--to #2") + "\n")
    assert not (in_tmp / "out.pdf").exists()


def test_a_plain_make_loads_no_parser_and_no_spreadsheet_reader(tmp_path: Path) -> None:
    code = ("import sys; from postcards.cli import main\n"
            "try: main(['make', '-o', sys.argv[1], '--no-ledger', '-q'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('postcards.text.paste', 'postcards.source.sheet', "
            "'python_calamine', 'postcards.api.people', 'postcards.api.importing'))))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out.pdf")], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.strip() == "[]", done.stderr
