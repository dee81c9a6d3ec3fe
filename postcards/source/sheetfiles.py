"""A spreadsheet file to rows of cell texts: the kind told by content, XLSX/XLS/ODS read by
python-calamine with the sheet's merged regions, CSV by sheetcsv.

The kind is told by the bytes, never by the name: XLSX and ODS are zip files with known members,
XLS an OLE2 file, anything else that is text is CSV. CSV is streamed (a second pass reads the
rows); a workbook sheet is loaded whole by calamine, which is small for a list of people.
"""

from __future__ import annotations

import codecs
import os
import stat
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

import python_calamine

from postcards.shared.errors import PostcardsError
from postcards.source.sheetcsv import SAMPLE_BYTES, clean_text, csv_rows, detect_delimiter, detect_encoding

LIMIT_BYTES = 50_000_000  # a list of 1,500 people is under 1 MB in any format
EXPANDED_LIMIT_BYTES = 500_000_000  # what a zipped workbook may unpack to
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_TABLES = (  # magic bytes of files people mistake for a list, and what to call them
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"), (b"\x7fELF", "a program"),
)
_OTHER_ZIPS = (  # members of zip files that are documents, but not spreadsheets
    ("word/document.xml", "a Word document (DOCX)"), ("ppt/presentation.xml", "a PowerPoint file"),
)
_FIX = "give an XLSX, ODS or CSV file"

Value = str | int | float | bool | date | datetime | time | timedelta


@dataclass(frozen=True)
class Region:
    """A merged region, counted from 1: rows `top`..`bottom`, columns `left`..`right`."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass(frozen=True)
class RawSheet:
    """One sheet of a file, not yet understood: `rows()` yields (row number, cell texts) for
    every row, from the first, each time it is called."""

    file: str
    kind: str  # csv, xlsx, xlsb, xls, ods
    sheet: str | None
    encoding: str | None
    delimiter: str | None
    merged: tuple[Region, ...]
    rows: Callable[[], Generator[tuple[int, list[str]], None, None]]


def open_sheet(path: Path, sheet: str | None = None) -> RawSheet:
    """The sheet named `sheet` (a name, or a number counted from 1) of the file at `path`, the
    first one by default; any file that is not a readable table is a PostcardsError."""
    head = _head(path)
    kind = _kind(path, head)
    if kind == "csv":
        if sheet is not None:
            raise PostcardsError(f"{path}: is a CSV file, which has no sheets", hint="leave out --sheet")
        return _csv_sheet(path, head)
    return _workbook_sheet(path, kind, sheet)


def _head(path: Path) -> bytes:
    """The first bytes of a regular file of at most LIMIT_BYTES, checked before reading."""
    try:
        # Opened without waiting, so a named pipe with no writer is refused, not waited on.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise PostcardsError(f"{path}: is not a regular file", hint=_FIX)
            if info.st_size > LIMIT_BYTES:
                raise PostcardsError(f"{path}: is {info.st_size / 1e6:,.1f} MB, over the limit of "
                                     f"{LIMIT_BYTES / 1e6:,.0f} MB for a spreadsheet",
                                     hint="split it into smaller files")
            return handle.read(SAMPLE_BYTES)
    except FileNotFoundError:
        raise PostcardsError(f"{path}: no such file", hint=_FIX) from None
    except IsADirectoryError:
        raise PostcardsError(f"{path}: is a directory", hint=_FIX) from None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read: {exc.strerror}") from None


def _kind(path: Path, head: bytes) -> str:
    if not head.strip():
        raise PostcardsError(f"{path}: is empty", hint="save the list again, with its header row")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(_OLE2):
        return "xls"
    for magic, what in _NOT_TABLES:
        if head.startswith(magic):
            raise _not_a_table(path, what)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:400].lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head[:2000]:
        raise PostcardsError(f"{path}: is an Excel 2003 XML spreadsheet, which is not read",
                             hint="open it in a spreadsheet program and save it as XLSX")
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise _not_a_table(path, "a web page or XML file")
    if b"\0" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _not_a_table(path, "a binary file")
    return "csv"


def _not_a_table(path: Path, what: str) -> PostcardsError:
    return PostcardsError(f"{path}: is {what}, not a spreadsheet or CSV, whatever its name says", hint=_FIX)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            expanded = sum(member.file_size for member in members)
            if expanded > EXPANDED_LIMIT_BYTES:
                raise PostcardsError(f"{path}: unpacks to {expanded / 1e6:,.0f} MB, over the limit of "
                                     f"{EXPANDED_LIMIT_BYTES / 1e6:,.0f} MB for a spreadsheet",
                                     hint="split it into smaller files")
            mime = b""
            if "mimetype" in names:
                with archive.open("mimetype") as handle:
                    mime = handle.read(100).strip()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise PostcardsError(f"{path}: is a damaged zip file, not a readable spreadsheet",
                             hint="open it in a spreadsheet program and save it again") from None
    if mime.startswith(_ODS_MIME):
        return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mime.startswith(b"application/vnd.oasis.opendocument"):
        raise _not_a_table(path, f"an OpenDocument file of another kind ({mime.decode('ascii', 'replace')})")
    for member, what in _OTHER_ZIPS:
        if member in names:
            raise _not_a_table(path, what)
    raise _not_a_table(path, "a zip archive")


# --- workbooks ---------------------------------------------------------------------------

def _workbook_sheet(path: Path, kind: str, wanted: str | None) -> RawSheet:
    try:
        with python_calamine.CalamineWorkbook.from_path(path) as book:
            name = _sheet_name(path, book, wanted)
            found = book.get_sheet_by_name(name)
            values = found.to_python(skip_empty_area=False)
            ranges = found.merged_cell_ranges
    except python_calamine.PasswordError:
        raise PostcardsError(f"{path}: is protected by a password",
                             hint="open it, remove the password and save it again") from None
    except python_calamine.CalamineError as exc:
        what = f"a damaged {kind.upper()} file"
        if kind == "xls":
            what = "an Office file that is not a readable spreadsheet"
        raise PostcardsError(f"{path}: is {what} ({exc})",
                             hint="open it in a spreadsheet program and save it as XLSX or CSV") from None
    if ranges is not None:
        merged = tuple(Region(top + 1, left + 1, bottom + 1, right + 1)
                       for (top, left), (bottom, right) in ranges)
    else:
        merged = _ods_merged(path, name) if kind == "ods" else ()

    def rows() -> Generator[tuple[int, list[str]], None, None]:
        for number, row in enumerate(values, start=1):
            yield number, [cell_text(value) for value in row]

    return RawSheet(str(path), kind, name, None, None, merged, rows)


def _sheet_name(path: Path, book: python_calamine.CalamineWorkbook, wanted: str | None) -> str:
    sheets = [meta.name for meta in book.sheets_metadata
              if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
    if not sheets:
        raise PostcardsError(f"{path}: has no worksheets", hint="put the list on a worksheet")
    if wanted is None:
        visible = [meta.name for meta in book.sheets_metadata if meta.name in sheets
                   and meta.visible == python_calamine.SheetVisibleEnum.Visible]
        return (visible or sheets)[0]
    if wanted in sheets:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(sheets):
        return sheets[int(wanted) - 1]
    listed = ", ".join(f"«{name}»" for name in sheets)
    raise PostcardsError(f"{path}: no sheet «{wanted}»",
                         hint=f"the sheets are {listed}; name one, or give its number")


def cell_text(value: Value) -> str:
    """A cell's value as a person reads it: dates in ISO form, whole numbers without `.0`
    (a postcode 246035.0 is "246035"), text trimmed, no-break spaces made plain."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


def _ods_merged(path: Path, sheet: str) -> tuple[Region, ...]:
    """The merged regions of one ODS sheet, streamed from its content.xml (calamine does not
    give them for ODS): a cell with `number-rows-spanned` or `number-columns-spanned`."""
    found: list[Region] = []
    inside, row, column = False, 0, 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if tag == f"{_TABLE}table":
                    if event == "start":
                        inside = element.get(f"{_TABLE}name") == sheet
                    elif inside:
                        break
                elif inside and tag == f"{_TABLE}table-row":
                    if event == "start":
                        column = 0
                    else:
                        row += int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                elif inside and tag in _CELLS and event == "start":
                    rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                    columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                    if rows > 1 or columns > 1:
                        found.append(Region(row + 1, column + 1, row + rows, column + columns))
                    column += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                if event == "end":
                    element.clear()
    except (KeyError, ParseError, ValueError, zipfile.BadZipFile, OSError):
        return ()  # calamine read the sheet; without its layout no region is known
    return tuple(found)


def _csv_sheet(path: Path, head: bytes) -> RawSheet:
    encoding = detect_encoding(path, head)
    delimiter = detect_delimiter(head, encoding, full=len(head) < SAMPLE_BYTES)

    def rows() -> Generator[tuple[int, list[str]], None, None]:
        return csv_rows(path, encoding, delimiter)

    return RawSheet(str(path), "csv", None, encoding, delimiter, (), rows)
