"""`postcards import`: an organiser's spreadsheet (CSV cp1251 with semicolons, XLSX, ODS; the
fixtures written here) into a data file, all or nothing or --skip-bad, merged by id or name
with --update, every problem one located line and the data file untouched."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import TODAY, run
from test_sheets import write_csv, write_ods, write_xlsx

import postcards
from postcards.shared.errors import PostcardsError

HEADER = ["ФИО", "Дата рождения", "Учреждение", "Улица", "Индекс", "Город", "Статья", "Теги", "Примечание"]
CHEKINA = ["Чекина Людмила Юрьевна", "13.07.1973", "ИК № 4", "ул. Антошкина, 3", "246035", "г. Гомель",
           "361, 243", "women", "CEO of TUT.BY"]
KOLESNIKOVA = ["Колесникова Мария Александровна", "24.04.1982", "ИК №4", "ул. Антошкина, 3", "246035",
               "г. Гомель", "", "women", ""]
BIALIATSKI = ["Бяляцкий Алесь Викторович", "25.09.1962", "ИК-9", "ул. Добролюбова, 16", "213410", "г. Горки",
              "228", "", "Nobel Peace Prize 2022"]
ROWS = [CHEKINA, KOLESNIKOVA, BIALIATSKI]
WHEN = ("--today", TODAY.isoformat())
ENTRIES = (
    "  - id: chekina\n    name:\n      ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}\n"
    "    born: 1973-07-13\n    institution: IK-4\n    sentence:\n      articles: [\"361\", \"243\"]\n"
    "    about: \"CEO of TUT.BY\"\n    tags: [women]\n    status: imprisoned\n    verified: 2026-06-01\n\n"
    "  - id: kolesnikova\n    name:\n      ru: {surname: Колесникова, given: Мария, patronymic: Александровна}\n"
    "    born: 1982-04-24\n    institution: IK-4\n    tags: [women]\n    status: imprisoned\n"
    "    verified: 2026-06-01\n\n"
    "  - id: byalyatsky\n    name:\n      ru: {surname: Бяляцкий, given: Алесь, patronymic: Викторович}\n"
    "    born: 1962-09-25\n    institution: IK-9\n    sentence:\n      articles: [\"228\"]\n"
    "    about: \"Nobel Peace Prize 2022\"\n    status: imprisoned\n    verified: 2026-06-01\n")


def head(name: str) -> str:
    return (f"# Imported from {name} by postcards import on 2026-06-01. Check each\n"
            "# address at prisoners.spring96.org before posting, then update its verified: date.\n"
            "version: 1\nprisoners:\n")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def typed(row: list[str]) -> list[object]:
    """The row as a spreadsheet program keeps it: the birthday a date, the postcode a number."""
    day, month, year = map(int, row[1].split("."))
    return [row[0], date(year, month, day), *row[2:4], int(row[4]), *row[5:]]


def test_csv_in_cp1251_with_semicolons(runner: CliRunner, in_tmp: Path) -> None:
    write_csv(in_tmp / "list.csv", [HEADER, *ROWS], "cp1251", ";", "\r\n")
    result = run(runner, "import", "list.csv", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ("Read 3 rows: 3 added, 0 updated, 0 skipped.\nCreated prisoners.yaml. Check each "
                             "address at prisoners.spring96.org before posting.\n")
    assert (in_tmp / "prisoners.yaml").read_text(encoding="utf-8") == head("list.csv") + ENTRIES
    blocks = json.loads(run(runner, "address", "--json").stdout)
    assert blocks[1] == {"id": "kolesnikova", "lines": ["Колесниковой Марии Александровне", "ИК № 4",
                                                       "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"]}


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_spreadsheets_give_the_same_entries(runner: CliRunner, in_tmp: Path, kind: str) -> None:
    writer = write_xlsx if kind == "xlsx" else write_ods
    writer(in_tmp / f"list.{kind}", [HEADER, *map(typed, ROWS)])
    result = run(runner, "import", f"list.{kind}", "-o", "people.yaml", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "people.yaml").read_text(encoding="utf-8") == head(f"list.{kind}") + ENTRIES


def test_columns_named_on_the_command_line(runner: CliRunner, in_tmp: Path) -> None:
    write_xlsx(in_tmp / "list.xlsx", [["№", "Кто", "Куда писать"],
                                      [1, "Лойко Анастасия Юрьевна", "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель"]])
    refused = run(runner, "import", "list.xlsx")
    assert refused.exit_code == 1
    assert refused.stderr == ("list.xlsx:1:A: no column for the name among the headers found: A «№», B «Кто», "
                              "C «Куда писать»; head it ФИО, Имя or Name, or name it with --column name=LETTER\n")
    result = run(runner, "import", "list.xlsx", "--column", "name=B", "--column", "address=C", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert [p.id for p in postcards.load("prisoners.yaml").prisoners] == ["loyko"]


BAD_ROWS = [
    ["Павел Макар", "", "ИК № 4", "ул. Антошкина, 3", "246035", "г. Гомель", "", "", ""],
    ["Лойко Анастасия Юрьевна", "31.02.1990", "ИК № 4", "ул. Антошкина, 3", "", "г. Гомель", "", "", ""],
    ["Лосик Игорь Александрович", "", "ИК-77", "", "211440", "г. Новополоцк", "", "", ""],
    CHEKINA,
]
BAD_LINES = [
    "list.csv:3:A: 'Павел Макар' can be read two ways: surname Павел, given name Макар; or surname Макар, given "
    'name Павел; write it as "Фамилия Имя Отчество" (Russian, nominative)',
    "list.csv:4:C: no postcode: a Belarusian address has one, six digits (e.g. 246035); copy the whole address "
    "from its source",
    "list.csv:5:C: the registry does not know 'ИК-77', and there is no street to go by; add the street and house "
    "as the source gives them, or check the person's current address at prisoners.spring96.org",
    "list.csv:6:A: the same person as row 2; delete one of the two rows",
]


def test_any_bad_row_stops_the_import(runner: CliRunner, in_tmp: Path) -> None:
    write_csv(in_tmp / "list.csv", [HEADER, CHEKINA, *BAD_ROWS])
    result = run(runner, "import", "list.csv", *WHEN)
    assert (result.exit_code, result.stderr) == (1, "\n".join(BAD_LINES) + "\n")
    assert [p.name for p in in_tmp.iterdir()] == ["list.csv"]


def test_skip_bad_writes_the_good_rows_and_lists_the_rest(runner: CliRunner, in_tmp: Path) -> None:
    write_csv(in_tmp / "list.csv", [HEADER, CHEKINA, *BAD_ROWS])
    result = run(runner, "import", "list.csv", "--skip-bad", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("\n".join(BAD_LINES) + "\nRead 5 rows: 1 added, 0 updated, 4 skipped (rows 3, 4, 5, 6)."
                             "\nCreated prisoners.yaml. Check each address at prisoners.spring96.org before posting.\n")
    assert [p.id for p in postcards.load("prisoners.yaml").prisoners] == ["chekina"]


def test_nothing_to_import_is_an_error_even_with_skip_bad(runner: CliRunner, in_tmp: Path) -> None:
    write_csv(in_tmp / "list.csv", [HEADER, BAD_ROWS[0]])
    result = run(runner, "import", "list.csv", "--skip-bad")
    assert result.exit_code == 1
    assert result.stderr == BAD_LINES[0].replace(":3:", ":2:") + "\nerror: no row could be imported; prisoners.yaml is as it was\n"


DATA = ("# Our list: check before posting!\nversion: 1\nprisoners:\n"
        "  - id: chekina   # since 2021\n    name: Чекина Людмила Юрьевна\n    institution: IK-4   # women's colony\n"
        "    about: CEO of TUT.BY   # keep this\n    status: imprisoned\n    verified: 2023-11-09\n\n"
        "  - id: kolesnikova\n    name: Колесникова Мария Александровна\n    institution: IK-4\n"
        "    verified: 2023-11-09\n# the end\n")


def test_update_changes_what_goes_stale_and_keeps_the_rest(runner: CliRunner, in_tmp: Path) -> None:
    data = in_tmp / "prisoners.yaml"
    data.write_text(DATA, encoding="utf-8")
    moved = ["Чекина Людмила Юрьевна", "", "СИЗО-7", "ул. Советских пограничников, 37", "224030", "г. Брест", "", "",
             ""]
    write_csv(in_tmp / "list.csv", [[*HEADER, "Отряд"], [*moved, "отряд № 5"], [*KOLESNIKOVA, ""],
                                    [*BIALIATSKI, ""]])
    result = run(runner, "import", "list.csv", "--update", "prisoners.yaml", *WHEN)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("Read 3 rows: 1 added, 1 updated, 1 unchanged, 0 skipped.\nUpdated prisoners.yaml. "
                             "Check each address at prisoners.spring96.org before posting.\n")
    assert data.read_text(encoding="utf-8") == (
        "# Our list: check before posting!\nversion: 1\nprisoners:\n"
        "  - id: chekina   # since 2021\n    name: Чекина Людмила Юрьевна\n    institution: SIZO-7   # women's colony\n"
        "    unit: отряд № 5\n    about: CEO of TUT.BY   # keep this\n    status: imprisoned\n"
        "    verified: 2026-06-01\n\n"
        "  - id: kolesnikova\n    name: Колесникова Мария Александровна\n    institution: IK-4\n"
        "    verified: 2023-11-09\n\n" + ENTRIES.split("\n\n")[2] + "# the end\n")
    again = run(runner, "import", "list.csv", "--update", "prisoners.yaml", *WHEN)
    assert again.stderr.startswith("Read 3 rows: 0 added, 0 updated, 3 unchanged, 0 skipped.\nNothing written")


def test_update_by_id_refuses_an_id_of_someone_else(runner: CliRunner, in_tmp: Path) -> None:
    data = in_tmp / "prisoners.yaml"
    data.write_text(DATA, encoding="utf-8")
    before = digest(data)
    write_csv(in_tmp / "list.csv", [["id", *HEADER], ["chekina", *KOLESNIKOVA]])
    result = run(runner, "import", "list.csv", "--update", "prisoners.yaml")
    assert (result.exit_code, result.stderr) == (1, (
        "list.csv:2:A: id 'chekina' is Чекина Людмила Юрьевна in prisoners.yaml (line 4), not Колесникова Мария "
        "Александровна; correct the id or the name\n"))
    assert digest(data) == before


@pytest.mark.parametrize(("args", "message"), [
    (("-o", "prisoners.yaml"), "error: prisoners.yaml: exists; not replacing it; merge into it with --update "
                               "prisoners.yaml, or choose another file with -o\n"),
    (("--update", "none.yaml"), "error: none.yaml: no such file to update; to create it, use -o none.yaml\n"),
])
def test_the_target_is_checked_first(runner: CliRunner, in_tmp: Path, args: tuple[str, ...], message: str) -> None:
    (in_tmp / "prisoners.yaml").write_text(DATA, encoding="utf-8")
    write_csv(in_tmp / "list.csv", [HEADER, CHEKINA])
    result = run(runner, "import", "list.csv", *args)
    assert (result.exit_code, result.stderr) == (1, message)
    both = run(runner, "import", "list.csv", "-o", "a.yaml", "--update", "prisoners.yaml")
    assert both.exit_code == 2 and "not both" in both.stderr


def _merged(path: Path) -> None:
    write_xlsx(path, [HEADER, CHEKINA, KOLESNIKOVA, KOLESNIKOVA], merges=["C3:C4"])


def _split(path: Path) -> None:
    write_xlsx(path, [["ФИО", "Адрес"], ["Чекина Людмила Юрьевна", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель"]])


@pytest.mark.parametrize(("make", "name", "line"), [
    (lambda p: write_csv(p, [["ФИО", "Статья"], ["Чекина Людмила Юрьевна", "361"]]), "list.csv",
     "{f}:1:A: no column for the address among the headers found: A «ФИО», B «Статья»; head it Адрес, Учреждение "
     "or Address, or name it with --column address=LETTER"),
    (lambda p: write_xlsx(p, []), "list.xlsx", "error: {f}: the sheet «Sheet» is empty; put the list on it, or choose "
                                               "another with --sheet"),
    (_merged, "list.xlsx", "{f}:3:C: merged cells in C3:C4; unmerge them and fill each row"),
    (_split, "list.xlsx", "{f}:2:C: the address seems split over B:D; put the whole address in one cell, or head "
                          "each part's column (Индекс, Город, Улица)"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n"), "list.csv", "error: {f}: is a PDF document, not a spreadsheet or CSV, "
                                                         "whatever its name says; give an XLSX, ODS or CSV file"),
])
def test_a_sheet_it_cannot_read_is_one_line_and_the_data_file_is_untouched(
        runner: CliRunner, in_tmp: Path, make: object, name: str, line: str) -> None:
    data = in_tmp / "prisoners.yaml"
    data.write_text(DATA, encoding="utf-8")
    before = digest(data)
    make(in_tmp / name)  # type: ignore[operator]
    result = run(runner, "import", name, "--update", "prisoners.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", line.format(f=name) + "\n")
    assert digest(data) == before
    assert sorted(p.name for p in in_tmp.iterdir()) == sorted([name, "prisoners.yaml"])


def test_cells_of_other_fields_are_checked_where_they_are(runner: CliRunner, in_tmp: Path) -> None:
    write_csv(in_tmp / "list.csv", [["ФИО", "Адрес", "Пол", "Статус", "Проверено", "Отряд"],
                                    ["Чекина Людмила Юрьевна", "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель", "м",
                                     "в бегах", "вчера", "unit 5"]])
    result = run(runner, "import", "list.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        "list.csv:2:C: male, but the patronymic 'Юрьевна' is female; correct one\n"
        "list.csv:2:D: status 'в бегах' is not one this tool reads; write imprisoned, released or unknown\n"
        "list.csv:2:E: 'вчера' is not a date with its year; write it as 09.11.2023 or 2023-11-09\n"
        "list.csv:2:F: 'unit 5' is written in Latin letters; write it in Cyrillic as the source gives it, e.g. "
        "отряд № 5\n")


def test_import_people_asks_before_writing_and_reports_progress(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "list.csv", [HEADER, *ROWS])
    seen: list[tuple[int, int]] = []
    declined = postcards.import_people(sheet, out=tmp_path / "out.yaml", today=TODAY, confirm=lambda _: False,
                                       progress=lambda done, total: seen.append((done, total)))
    assert (declined.written, declined.added, seen) == (False, ("chekina", "kolesnikova", "byalyatsky"), [(3, 3)])
    assert not (tmp_path / "out.yaml").exists()
    done = postcards.import_people(sheet, out=tmp_path / "out.yaml", today=TODAY)
    assert done.written and done.summary() == "Read 3 rows: 3 added, 0 updated, 0 skipped."
    with pytest.raises(PostcardsError, match="exists; not replacing it"):
        postcards.import_people(sheet, out=tmp_path / "out.yaml", today=TODAY)


def test_an_entry_the_data_files_checks_refuse_is_put_at_its_row(runner: CliRunner, in_tmp: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The new text is loaded before it is written; what that refuses is said at the row's cell."""
    from postcards.api import importing

    original: Callable[..., str] = vars(importing)["render_entry"]

    def render(fields: object, pid: str, *args: object) -> str:
        entry = original(fields, pid, *args)
        return entry.replace("  status:", "  tags: [Bad]\n  status:") if pid == "byalyatsky" else entry

    monkeypatch.setattr(importing, "render_entry", render)
    write_csv(in_tmp / "list.csv", [HEADER, *ROWS])
    line = "list.csv:4:H: tag 'Bad' may hold only a-z, 0-9 and single hyphens; write 'bad'\n"
    refused = run(runner, "import", "list.csv", *WHEN)
    assert (refused.exit_code, refused.stderr) == (1, line)
    skipped = run(runner, "import", "list.csv", "--skip-bad", *WHEN)
    assert skipped.stderr.startswith(line + "Read 3 rows: 2 added, 0 updated, 1 skipped (row 4: tag 'Bad' ")
    assert [p.id for p in postcards.load("prisoners.yaml").prisoners] == ["chekina", "kolesnikova"]


def test_the_summary_names_ten_skipped_rows_at_most() -> None:
    skipped = postcards.Imported(Path("x.yaml"), 20, skipped=tuple(range(2, 14)))
    assert skipped.summary() == ("Read 20 rows: 0 added, 0 updated, 12 skipped (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 "
                                 "and 2 more).")


def test_a_terminal_is_asked_before_the_file_is_written(runner: CliRunner, in_tmp: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("postcards.cli.people.interactive", lambda: True)
    write_csv(in_tmp / "list.csv", [HEADER, *ROWS])
    declined = run(runner, "import", "list.csv", *WHEN, stdin=b"n\n")
    assert declined.exit_code == 0
    assert declined.stderr == ("Read 3 rows: 3 added, 0 updated, 0 skipped.\nWrite 3 new and 0 changed entries to "
                               "a new file prisoners.yaml? [Y/n]: n\nNothing written: prisoners.yaml is as it was.\n")
    assert not (in_tmp / "prisoners.yaml").exists()
    assert run(runner, "import", "list.csv", *WHEN, stdin=b"y\n").exit_code == 0
    assert len(postcards.load("prisoners.yaml").prisoners) == 3
