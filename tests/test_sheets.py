"""Reading organisers' spreadsheets: CSV in its dialects and encodings, XLSX and ODS (fixtures
written here with openpyxl, odfpy and csv), headers in three languages, overrides, and every
refusal with its exact line."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P

from postcards.shared.errors import PostcardsError
from postcards.source.sheetcolumns import HEADERS, CellLocation, column_letter, column_number, field_of
from postcards.source.sheetfiles import LIMIT_BYTES
from postcards.source.sheets import Row, read_table

Cells = Sequence[object]
HEADER_RU = ["ФИО", "Дата рождения", "Адрес"]
CHEKINA = ["Чекина Людмила Юрьевна", "13.07.1973", "246035, г. Гомель, ул. Антошкина, 3, ИК № 4"]
LOSIK = ["Лосик Игорь Александрович", "12.03.1992", "211440, г. Новополоцк, ИК № 1"]


def write_xlsx(path: Path, rows: Sequence[Cells], merges: Sequence[str] = (), sheets: int = 1) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for span in merges:
        sheet.merge_cells(span)
    for number in range(2, sheets + 1):
        extra = book.create_sheet(f"Лист{number}")
        extra.append(["Имя", "Адрес"])
        extra.append([f"Человек {number}", "ИК № 4"])
    book.save(path)
    return path


def write_ods(path: Path, rows: Sequence[Cells], rows_spanned: dict[tuple[int, int], int] | None = None) -> Path:
    """`rows_spanned`: (row, column) from 0 -> how many rows that cell is merged over."""
    spanned = rows_spanned or {}
    covered = {(r + k, c) for (r, c), n in spanned.items() for k in range(1, n)}
    document = OpenDocumentSpreadsheet()
    table = Table(name="Лист1")
    for r, row in enumerate(rows):
        line = TableRow()
        for c, value in enumerate(row):
            if (r, c) in covered:
                line.addElement(CoveredTableCell())
                continue
            extra = {"numberrowsspanned": spanned[(r, c)]} if (r, c) in spanned else {}
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **extra)
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=str(value), **extra)
            elif value:
                cell = TableCell(valuetype="string", **extra)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(**extra)
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Cells], encoding: str = "utf-8", delimiter: str = ",",
              ending: str = "\n") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator=ending).writerows(rows)
    return path


def texts(row: Row) -> dict[str, str]:
    return {name: cell.text for name, cell in row.cells.items()}


def refusal(path: Path, **options: object) -> list[str]:
    with pytest.raises(PostcardsError) as caught:
        read_table(path, **options)  # type: ignore[arg-type]
    return caught.value.lines()


# --- CSV dialects and encodings ------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "delimiter", "ending", "seen"), [
    ("utf-8-sig", ";", "\r\n", "utf-8-sig"),   # Excel in a Russian locale, "CSV UTF-8"
    ("cp1251", ";", "\r\n", "cp1251"),         # Excel's plain "CSV" on Russian Windows
    ("utf-16", "\t", "\r\n", "utf-16"),        # Excel's "Unicode text"
    ("utf-8", ",", "\n", "utf-8"),             # LibreOffice, Google Sheets
    ("koi8-r", ",", "\n", "koi8-r"),           # old Unix exports
    ("utf-8", "|", "\n", "utf-8"),
])
def test_csv_encodings_and_delimiters_are_told_from_the_bytes(tmp_path: Path, encoding: str, delimiter: str,
                                                              ending: str, seen: str) -> None:
    people = [[cell.replace("№", "N") for cell in row] for row in (CHEKINA, LOSIK)]  # KOI8-R has no №
    path = write_csv(tmp_path / "list.csv", [HEADER_RU, *people], encoding, delimiter, ending)
    table = read_table(path)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", seen, delimiter)
    rows = list(table.rows())
    assert [row.number for row in rows] == [2, 3]
    assert texts(rows[0]) == {"name": CHEKINA[0], "birthday": CHEKINA[1], "address": people[0][2]}
    assert rows[1].address_text() == people[1][2]


def test_csv_quoted_commas_and_line_breaks_stay_in_their_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes('ФИО,Адрес,Теги\r\n'
                     '"Чекина Людмила Юрьевна","ИК № 4\r\nул. Антошкина, 3\r\n246035, г. Гомель","women, tut"\r\n'
                     'Лосик Игорь Александрович,"211440, г. Новополоцк, ИК № 1",\r\n'.encode())
    rows = list(read_table(path).rows())
    assert [row.number for row in rows] == [2, 3]  # a record is one row, however many lines
    assert rows[0].text("address") == "ИК № 4\nул. Антошкина, 3\n246035, г. Гомель"
    assert rows[0].address_text() == "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель"
    assert rows[0].text("tags") == "women, tut"
    assert rows[1].address_text() == "211440, г. Новополоцк, ИК № 1"


def test_semicolons_win_over_commas_inside_addresses(tmp_path: Path) -> None:
    rows = [HEADER_RU, *[[f"Человек {i}", "01.01.1990", f"2460{i:02d}, г. Гомель, ул. Антошкина, {i}"]
                         for i in range(10)]]
    path = write_csv(tmp_path / "list.csv", rows, "utf-8", ";")
    table = read_table(path)
    assert table.delimiter == ";"
    assert [row.text("address") for row in table.rows()][3] == "246003, г. Гомель, ул. Антошкина, 3"


def test_cp1251_with_belarusian_letters(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Імя", "Адрас"], ["Ігар Лосік", "вул. Ўзбярэжная, 1"]], "cp1251", ";")
    table = read_table(path)
    assert table.encoding == "cp1251"
    assert texts(next(table.rows())) == {"name": "Ігар Лосік", "address": "вул. Ўзбярэжная, 1"}


def test_csv_rows_are_read_as_they_are_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    good = "".join(f"Человек {i};ИК № 4\n" for i in range(25))
    path.write_text(f"ФИО;Адрес\n{good}Лосик;\"ИК № 1" + "ъ" * 140_000 + "\n", encoding="utf-8")
    rows = read_table(path).rows()
    assert [next(rows).number for _ in range(25)] == list(range(2, 27))  # the bad row is not read yet
    with pytest.raises(PostcardsError) as caught:
        next(rows)
    assert caught.value.lines() == [
        f"{path}:27: not readable as CSV (field larger than field limit (131072)); "
        "check the quotes on this row, or save the list again as CSV"]


def test_utf8_that_breaks_off_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("ФИО;Адрес\nЧекина;ИК № 4\n".encode() + "Лосик;ИК № 1\n".encode("cp1251"))
    assert refusal(path) == [f"{path}: line 3 is not UTF-8 text, though the lines before it are; "
                             "retype that line, or save the list again as CSV UTF-8"]


def test_cp1251_in_capitals_is_not_taken_for_koi8(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["ФИО", "АДРЕС"], ["ЧЕКИНА ЛЮДМИЛА ЮРЬЕВНА", "ИК-4, ГОМЕЛЬ"]], "cp1251", ";")
    table = read_table(path)
    assert table.encoding == "cp1251"
    assert next(table.rows()).text("name") == "ЧЕКИНА ЛЮДМИЛА ЮРЬЕВНА"


# --- XLSX and ODS values ---------------------------------------------------------------------

def test_xlsx_dates_and_numbers_read_as_people_see_them(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Дата рождения", "Индекс", "Учреждение", "Срок"],
        ["Чекина Людмила Юрьевна", date(1973, 7, 13), 246035, "ИК № 4", 12],
        ["Лосик Игорь Александрович", datetime(1992, 3, 12), 211440.0, "ИК № 1", 2.5],
    ])
    table = read_table(path)
    assert (table.kind, table.sheet, table.encoding) == ("xlsx", "Sheet", None)
    first, second = table.rows()
    assert texts(first) == {"name": "Чекина Людмила Юрьевна", "birthday": "1973-07-13", "postcode": "246035",
                            "institution": "ИК № 4", "sentence": "12"}
    assert (second.text("birthday"), second.text("postcode"), second.text("sentence")) == ("1992-03-12", "211440", "2.5")


def test_ods_dates_and_numbers_read_as_people_see_them(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "list.ods", [
        ["Імя", "Дата нараджэння", "Паштовы індэкс", "Установа"],
        ["Ігар Лосік", date(1992, 3, 12), 211440, "ПК № 1"],
    ])
    table = read_table(path)
    assert (table.kind, table.sheet) == ("ods", "Лист1")
    assert texts(next(table.rows())) == {"name": "Ігар Лосік", "birthday": "1992-03-12", "postcode": "211440",
                                         "institution": "ПК № 1"}


def test_ods_repeated_rows_and_cells_count_toward_a_merged_cell(tmp_path: Path) -> None:
    """LibreOffice writes runs of empty rows and cells as one element with a repeat count."""
    def text_cell(value: str, **extra: object) -> TableCell:
        cell = TableCell(valuetype="string", **extra)
        cell.addElement(P(text=value))
        return cell

    table = Table(name="Люди")
    header = TableRow()
    for cell in (text_cell("ФИО"), TableCell(numbercolumnsrepeated=2), text_cell("Учреждение")):
        header.addElement(cell)
    table.addElement(header)
    table.addElement(TableRow(numberrowsrepeated=2))
    for name, merged in (("Чекина", True), ("Лосик", False)):
        row = TableRow()
        row.addElement(text_cell(name))
        row.addElement(TableCell(numbercolumnsrepeated=2))
        row.addElement(text_cell("ИК № 4", numberrowsspanned=2) if merged else CoveredTableCell())
        table.addElement(row)
    document = OpenDocumentSpreadsheet()
    document.spreadsheet.addElement(table)
    path = tmp_path / "list.ods"
    document.save(str(path))
    assert refusal(path) == [f"{path}:4:D: merged cells in D4:D5; unmerge them and fill each row"]


def test_the_kind_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "list.csv", [HEADER_RU, CHEKINA])
    text = write_csv(tmp_path / "list.xlsx", [HEADER_RU, CHEKINA])
    assert read_table(xlsx).kind == "xlsx"
    assert read_table(str(text)).kind == "csv"


def test_a_sheet_is_chosen_by_name_or_number(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [HEADER_RU, CHEKINA], sheets=3)
    assert next(read_table(path, sheet="Лист3").rows()).text("name") == "Человек 3"
    assert next(read_table(path, sheet="2").rows()).text("name") == "Человек 2"
    assert refusal(path, sheet="Люди") == [
        f"{path}: no sheet «Люди»; the sheets are «Sheet», «Лист2», «Лист3»; name one, or give its number"]
    csv_path = write_csv(tmp_path / "list.csv", [HEADER_RU, CHEKINA])
    assert refusal(csv_path, sheet="1") == [f"{csv_path}: is a CSV file, which has no sheets; leave out --sheet"]


# --- headers -------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    ["ФИО", "Адрес", "Дата рождения", "Статья", "Учреждение", "Теги", "Пол", "Срок", "Источник"],
    ["Прозвішча, імя, імя па бацьку", "Адрас для лістоў", "Дата нараджэння", "Артыкулы", "Установа", "Тэгі",
     "Пол", "Тэрмін", "Крыніца"],
    ["Full name", "Address", "Date of birth", "Articles", "Institution", "Tags", "Gender", "Sentence", "Source"],
])
def test_headers_in_russian_belarusian_and_english(tmp_path: Path, headers: list[str]) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [headers, ["x"] * len(headers)])
    table = read_table(path)
    assert {name: column.letter for name, column in table.columns.items()} == {
        "name": "A", "address": "B", "birthday": "C", "articles": "D", "institution": "E", "tags": "F",
        "gender": "G", "sentence": "H", "sources": "I"}
    assert table.ignored == ()


@pytest.mark.parametrize(("header", "field"), [
    ("  ф.и.о. ", "name"), ("Ф. И. О.", "name"), ("АДРЕС ДЛЯ ПИСЕМ", "address"), ("Адрес колонии", "address"),
    ("Дата рождения (ДД.ММ.ГГГГ)", "birthday"), ("День рождения", "birthday"), ("DOB", "birthday"),
    ("Имя на английском", "latin"), ("Name in English", "latin"), ("Имя", "name|given"),
    ("Імя па бацьку", "patronymic"), ("Паштовы індэкс", "postcode"), ("ZIP", "postcode"),
    ("Населённый пункт", "city"), ("Населенный пункт", "city"), ("Раён", "district"),
    ("Статьи УК", "articles"), ("E-mail", ""), ("Адрес электронной почты", ""), ("№", ""),
    ("Дата освобождения", None), ("Список политзаключённых", None),
])
def test_headers_are_matched_without_case_punctuation_or_yo(header: str, field: str | None) -> None:
    assert field_of(header) == field


def test_every_listed_header_names_its_own_field() -> None:
    for name, headers in HEADERS.items():
        for header in headers:
            assert field_of(header) == name, header


def test_surname_given_and_patronymic_columns_are_joined(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [
        ["Фамилия", "Имя", "Отчество", "Адрес"],
        ["Чекина", "Людмила", "Юрьевна", "ИК № 4"],
        ["Лосик", "Игорь", "", "ИК № 1"],
    ])
    table = read_table(path)
    assert list(table.columns) == ["surname", "given", "patronymic", "address"]
    assert [row.name_text() for row in table.rows()] == ["Чекина Людмила Юрьевна", "Лосик Игорь"]


def test_name_alone_is_the_full_name(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Name", "Address"], ["Liudmila Chekina", "IK-4"]])
    assert list(read_table(path).columns) == ["name", "address"]


def test_a_title_that_starts_like_a_header_is_passed_over(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Адрес для писем политзаключённым, июнь"], HEADER_RU, CHEKINA])
    assert read_table(path).header_row == 2


def test_a_title_above_the_header_row_is_passed_over(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["Список политзаключённых на 1 июня"], [], ["№", *HEADER_RU, "Ответ"], [1, *CHEKINA, "пишет"],
        [], [2, *LOSIK],
    ], merges=["A1:E1"])
    table = read_table(path)
    assert table.header_row == 3
    assert [row.number for row in table.rows()] == [4, 6]
    assert [column.shown() for column in table.ignored] == ["A «№»", "E «Ответ»"]
    assert [str(note) for note in table.notes()] == [
        f"{path}:3:A: column «№» is not read; to read it, name its field: --column FIELD=A",
        f"{path}:3:E: column «Ответ» is not read; to read it, name its field: --column FIELD=E"]


def test_an_address_in_parts_is_joined_in_postal_order(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Город", "Индекс", "Улица", "Учреждение", "Отряд"],
        ["Чекина Людмила Юрьевна", "г. Гомель", 246035, "ул. Антошкина, 3", "ИК № 4", "отряд № 5"],
    ])
    row = next(read_table(path).rows())
    assert row.address_text() == "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель"
    assert row.text("unit") == "отряд № 5"
    assert row.problems == ()


def test_a_part_already_in_the_address_is_not_repeated(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [
        ["ФИО", "Учреждение", "Адрес", "Индекс", "Город"],
        ["Чекина Людмила Юрьевна", "ИК № 4", "ул. Антошкина, 3, 246035, г. Гомель", "246035", "Гомель"],
    ])
    assert next(read_table(path).rows()).address_text() == "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель"


# --- --column -------------------------------------------------------------------------------

def test_columns_named_by_letter_number_and_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Кто", "Когда", "Кому писать", "Где"], ["Чекина Л. Ю.", "1973", "x", "ИК № 4"]])
    table = read_table(path, columns={"name": "A", "birthday": "2", "address": "где"})
    assert {name: column.letter for name, column in table.columns.items()} == {
        "name": "A", "birthday": "B", "address": "D"}
    assert [column.shown() for column in table.ignored] == ["C «Кому писать»"]
    assert texts(next(table.rows())) == {"name": "Чекина Л. Ю.", "birthday": "1973", "address": "ИК № 4"}


def test_a_column_named_takes_the_field_from_a_recognised_one(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["ФИО", "Адрес", "Адрес для писем"], ["Чекина", "старый", "ИК № 4"]])
    assert refusal(path) == [
        f"{path}:1:C: two columns read as address: B «Адрес» and C «Адрес для писем»; keep one, or choose with --column address=B"]
    table = read_table(path, columns={"address": "C"})
    assert next(table.rows()).text("address") == "ИК № 4"
    assert [column.letter for column in table.ignored] == ["B"]


def test_a_bad_override_is_refused_with_the_fields_or_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER_RU, CHEKINA])
    assert refusal(path, columns={"nmae": "A", "address": "Куда"}) == [
        "--column: no field 'nmae' (did you mean 'name'?); the fields are id, name, surname, given, patronymic, "
        "latin, gender, birthday, address, institution, unit, street, city, district, region, postcode, articles, "
        "sentence, tags, interests, notes, sources, status, verified",
        f"{path}:1:A: --column: address=Куда: no column with that letter, number or header; "
        "the headers are A «ФИО», B «Дата рождения», C «Адрес»"]
    assert list(read_table(path, columns={"born": "B"}).columns) == ["name", "birthday", "address"]


# --- refusals --------------------------------------------------------------------------------

def test_no_name_or_address_column_lists_the_headers_found(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [["№", "Кто", "Куда писать"], [1, "Чекина", "ИК № 4"]])
    assert refusal(path) == [
        f"{path}:1:A: no column for the name among the headers found: A «№», B «Кто», C «Куда писать»; "
        "head it ФИО, Имя or Name, or name it with --column name=LETTER"]
    path = write_csv(tmp_path / "list.csv", [["ФИО", "Статья"], ["Чекина", "361"]])
    assert refusal(path) == [
        f"{path}:1:A: no column for the address among the headers found: A «ФИО», B «Статья»; "
        "head it Адрес, Учреждение or Address, or name it with --column address=LETTER"]


def test_an_empty_sheet_or_file_is_refused(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "list.xlsx", [])
    assert refusal(book) == [f"{book}: the sheet «Sheet» is empty; put the list on it, or choose another with --sheet"]
    ods = write_ods(tmp_path / "list.ods", [])
    assert refusal(ods) == [f"{ods}: the sheet «Лист1» is empty; put the list on it, or choose another with --sheet"]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert refusal(empty) == [f"{empty}: is empty; save the list again, with its header row"]
    blank = tmp_path / "blank.csv"
    blank.write_bytes(b";;;\r\n;;\r\n")
    assert refusal(blank) == [f"{blank}: has no text; save the list with its header row"]


def test_a_header_row_alone_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER_RU, ["", "", ""]])
    assert refusal(path) == [f"{path}:1:A: a header row and no one below it; add a row for each person"]


def test_merged_cells_in_xlsx_are_refused_at_their_first_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["Список"], HEADER_RU, CHEKINA, [LOSIK[0], LOSIK[1]], ["Третий", "01.01.1990"]],
        merges=["A1:C1", "C3:C5", "A4:B4"])
    assert refusal(path) == [
        f"{path}:3:C: merged cells in C3:C5; unmerge them and fill each row",
        f"{path}:4:A: merged cells in A4:B4; unmerge them and fill each row"]


def test_merged_cells_outside_the_columns_read_are_no_matter(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        [*HEADER_RU, "Ответ"], [*CHEKINA, "обе"], LOSIK], merges=["D2:D3"])
    assert len(list(read_table(path).rows())) == 2


def test_merged_cells_in_ods_are_refused_at_their_first_cell(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "list.ods", [
        ["ФИО", "Учреждение"], ["Чекина", "ИК № 4"], ["Лосик", ""], ["Третий", ""]],
        rows_spanned={(1, 1): 3})
    assert refusal(path) == [f"{path}:2:B: merged cells in B2:B4; unmerge them and fill each row"]


@pytest.mark.parametrize(("content", "what"), [
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
    (b"%PDF-1.7\n", "a PDF document"),
    (b"\0\1\2\3binary", "a binary file"),
    ("<!DOCTYPE html><html><table><tr><td>ФИО</td></tr></table>".encode(), "a web page or XML file"),
])
def test_a_file_that_is_no_table_is_refused_whatever_its_name(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    assert refusal(path) == [f"{path}: is {what}, not a spreadsheet or CSV, whatever its name says; "
                             "give an XLSX, ODS or CSV file"]


@pytest.mark.parametrize(("members", "what"), [
    ({"photo.jpg": b"..."}, "a zip archive"),
    ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}, "a Word document (DOCX)"),
    ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
     "an OpenDocument file of another kind (application/vnd.oasis.opendocument.text)"),
])
def test_a_zip_that_is_not_a_spreadsheet_is_refused(tmp_path: Path, members: dict[str, bytes], what: str) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert refusal(path) == [f"{path}: is {what}, not a spreadsheet or CSV, whatever its name says; "
                             "give an XLSX, ODS or CSV file"]


def test_a_damaged_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"not xml")
    (line,) = refusal(path)
    assert line.startswith(f"{path}: is a damaged XLSX file (")
    assert line.endswith("); open it in a spreadsheet program and save it as XLSX or CSV")
    ole = tmp_path / "old.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (line,) = refusal(ole)
    assert line.startswith(f"{ole}: is an Office file that is not a readable spreadsheet (")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(LIMIT_BYTES + 1)  # sparse: nothing is written
    assert refusal(path) == [f"{path}: is 50.0 MB, over the limit of 50 MB for a spreadsheet; "
                             "split it into smaller files"]


def test_a_missing_file_or_a_directory_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "none.xlsx") == [f"{tmp_path / 'none.xlsx'}: no such file; give an XLSX, ODS or CSV file"]
    assert refusal(tmp_path) in ([f"{tmp_path}: is a directory; give an XLSX, ODS or CSV file"],
                                 [f"{tmp_path}: is not a regular file; give an XLSX, ODS or CSV file"])


# --- rows ------------------------------------------------------------------------------------

def test_a_row_with_the_address_typed_on_across_unheaded_cells(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Адрес"], ["Чекина Людмила Юрьевна", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель"], LOSIK[::2]])
    first, second = read_table(path).rows()
    assert [str(problem) for problem in first.problems] == [
        f"{path}:2:C: the address seems split over B:D; put the whole address in one cell, "
        "or head each part's column (Индекс, Город, Улица)"]
    assert second.problems == ()


def test_text_under_no_header_away_from_the_address(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Адрес", "ФИО", ""], ["ИК № 4", "Чекина", "?"]])
    (row,) = read_table(path).rows()
    assert [str(problem) for problem in row.problems] == [
        f"{path}:2:C: text in C under no header; head the column, or delete the text"]


def test_a_row_without_a_name_or_an_address_carries_its_problems(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["Фамилия", "Имя", "Учреждение", "Статья"], ["", "Людмила", "", "361"]])
    (row,) = read_table(path).rows()
    hint = "fill it in, or delete the row (a merged cell keeps its text in its first row only)"
    assert [str(problem) for problem in row.problems] == [
        f"{path}:2:A: no surname; {hint}", f"{path}:2:C: no address; {hint}"]
    assert str(row.where("articles")) == f"{path}:2:D"


def test_rows_with_nothing_to_read_are_skipped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [
        ["№", *HEADER_RU], ["1", *CHEKINA], ["2", "", "", ""], [], ["", "", "", ""], ["5", *LOSIK]], delimiter=";")
    assert [row.number for row in read_table(path).rows()] == [2, 6]


# --- locations -------------------------------------------------------------------------------

def test_a_cell_is_shown_with_its_column_letter() -> None:
    where = CellLocation("list.xlsx", 5, 28)
    assert str(where) == "list.xlsx:5:AB"
    assert (where.line, where.column) == (5, 28)
    assert [column_letter(n) for n in (1, 26, 27, 52, 702, 703)] == ["A", "Z", "AA", "AZ", "ZZ", "AAA"]


@given(st.integers(min_value=1, max_value=18_278))
def test_column_letters_and_numbers_round_trip(number: int) -> None:
    assert column_number(column_letter(number)) == number
