"""An organiser's spreadsheet (CSV, XLSX, XLS, ODS) read as rows of a person's fields, every
cell located as `FILE:ROW:COLUMN` with the column's letter, for `postcards import`.

`read_table` tells the file's kind by its content (sheetfiles), finds the header row and maps
each column to a field by its header words or by `--column` (sheetcolumns), and refuses, with
every problem located, a sheet it cannot read safely: no name or address column, cells merged
inside the table, an empty sheet. `Table.rows()` then yields the people lazily; a row's own
problems (no name, no address, text under no header) travel with it, so the caller chooses
between all-or-nothing and skipping bad rows.

Merged cells are found in XLSX and XLS (calamine gives their ranges) and in ODS (read from the
sheet's XML). CSV has none; a merged region a reader could not see would leave the cells
below its first one empty, and a row with no name or no address is reported as such.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from postcards.shared.errors import PostcardsError, Problem
from postcards.source.sheetcolumns import (
    ADDRESS_FIELDS,
    HEADER_ROW_SEARCH,
    CellLocation,
    Column,
    column_letter,
    column_number,
    find_header_row,
    map_columns,
    normalise,
)
from postcards.source.sheetfiles import RawSheet, Region, open_sheet

# The parts of an address in the order they are joined: the institution's line first, the
# locality and postcode last, as Belarusian post writes them.
ADDRESS_ORDER = ("institution", "address", "street", "postcode", "city", "district", "region")
NAME_ORDER = ("surname", "given", "patronymic")


@dataclass(frozen=True)
class Cell:
    text: str  # "" for an empty cell
    column: str  # its letter, as the spreadsheet shows it: "B"


@dataclass(frozen=True)
class Row:
    """One person's row: a Cell for every field the table reads (empty ones too), and the
    problems found in the row itself."""

    file: str
    number: int  # the row as the spreadsheet shows it (a CSV record, counted from 1)
    cells: Mapping[str, Cell]
    problems: tuple[Problem, ...] = ()

    def text(self, name: str) -> str:
        """The field's text, "" when it is empty or not a column of the table."""
        cell = self.cells.get(name)
        return "" if cell is None else cell.text

    def where(self, name: str) -> CellLocation:
        """The field's cell, for a problem found in it (KeyError: not a column of the table)."""
        return CellLocation(self.file, self.number, column_number(self.cells[name].column))

    def name_text(self) -> str:
        """The full name: its own column, else surname, given name and patronymic joined."""
        return self.text("name") or " ".join(t for t in map(self.text, NAME_ORDER) if t)

    def address_text(self) -> str:
        """The address in one line from every column that holds a part of it, in the order
        of ADDRESS_ORDER: "ИК № 4, ул. Антошкина, 3, 246035, г. Гомель". Lines inside a cell
        become parts; a part already in the text (a postcode typed twice) is left out."""
        return ", ".join(part for _, part in self.address_parts())

    def address_parts(self) -> list[tuple[str, str]]:
        """(field, part) for each part of `address_text`, in its order."""
        parts: list[tuple[str, str]] = []
        seen = " "
        for name in ADDRESS_ORDER:
            for line in self.text(name).split("\n"):
                part = line.strip(" ,;")
                words = normalise(part)
                if words and f" {words} " not in seen:
                    parts.append((name, part))
                    seen += f"{words} "
        return parts


@dataclass(frozen=True)
class Table:
    """A sheet understood: where its header row is, which column holds which field, and
    which columns are not read."""

    file: str
    kind: str  # csv, xlsx, xlsb, xls, ods
    sheet: str | None  # None for CSV
    encoding: str | None  # CSV only: utf-8, utf-8-sig, utf-16, cp1251, koi8-r
    delimiter: str | None  # CSV only
    header_row: int
    headers: tuple[str, ...]
    columns: Mapping[str, Column]  # field -> column, in the sheet's order
    ignored: tuple[Column, ...]  # headed columns no field is read from
    _raw: RawSheet = field(repr=False, compare=False)

    def rows(self) -> Iterator[Row]:
        """Every row below the header with text in a column that is read, lazily (a CSV file
        is read as it goes); rows with nothing to read are skipped."""
        read = [(name, column.number, column.letter) for name, column in self.columns.items()]
        with closing(self._raw.rows()) as rows:
            for number, cells in rows:
                if number > self.header_row:
                    row = self._row(number, cells, read)
                    if row is not None:
                        yield row

    def notes(self) -> tuple[Problem, ...]:
        """A warning for each headed column that is not read, at its header."""
        return tuple(Problem(f"column «{column.header}» is not read",
                             CellLocation(self.file, self.header_row, column.number),
                             hint=f"to read it, name its field: --column FIELD={column.letter}")
                     for column in self.ignored)

    def _row(self, number: int, cells: list[str], columns: list[tuple[str, int, str]]) -> Row | None:
        read = {name: Cell(_at(cells, index), letter) for name, index, letter in columns}
        if not any(cell.text for cell in read.values()):
            return None
        row = Row(self.file, number, read)
        problems = [*self._missing(row), *self._unheaded(number, cells)]
        return Row(self.file, number, read, tuple(problems)) if problems else row

    def _missing(self, row: Row) -> Iterator[Problem]:
        hint = "fill it in, or delete the row (a merged cell keeps its text in its first row only)"
        if "name" in self.columns and not row.name_text():
            yield Problem("no name", row.where("name"), hint=hint)
        elif "name" not in self.columns and not row.text("surname"):
            yield Problem("no surname", row.where("surname"), hint=hint)
        if not any(row.text(name) for name in ADDRESS_ORDER):
            yield Problem("no address", row.where(_first(self.columns, ADDRESS_FIELDS)), hint=hint)

    def _unheaded(self, number: int, cells: list[str]) -> Iterator[Problem]:
        """Text in columns with no header: most often the rest of an address typed on across
        the cells to its right."""
        used = {column.number for column in self.columns.values()}
        stray = [n for n, text in enumerate(cells, start=1)
                 if text and n not in used and not _at(self.headers, n)]
        if not stray:
            return
        span = column_letter(stray[0]) + (f":{column_letter(stray[-1])}" if len(stray) > 1 else "")
        left = stray[0] - 1
        while left > 0 and left not in used and not _at(self.headers, left):
            left -= 1
        parts = {self.columns[name].number for name in ADDRESS_ORDER if name in self.columns}
        if left in parts:
            yield Problem(f"the address seems split over {column_letter(left)}:{column_letter(stray[-1])}",
                          CellLocation(self.file, number, stray[0]),
                          hint="put the whole address in one cell, or head each part's column "
                               "(Индекс, Город, Улица)")
        else:
            yield Problem(f"text in {span} under no header", CellLocation(self.file, number, stray[0]),
                          hint="head the column, or delete the text")


def read_table(path: Path | str, *, sheet: str | None = None,
               columns: Mapping[str, str] | None = None) -> Table:
    """The sheet (the first by default; a name or a number from 1) of the spreadsheet or CSV
    file at `path`, understood: its header row found, each column mapped to a field by header
    words in Russian, Belarusian or English, or by `columns` (field -> letter, number or
    header text, as `--column name=B` gives them). A file that is not a table, an empty
    sheet, a missing name or address column and cells merged inside the table are refused
    with a PostcardsError carrying every problem, each located as FILE:ROW:COLUMN."""
    raw = open_sheet(Path(path), sheet)
    with closing(raw.rows()) as rows:
        top = list(islice((row for row in rows if any(row[1])), HEADER_ROW_SEARCH))
        header = find_header_row(top)
        if header is None:
            if raw.sheet is None:
                raise PostcardsError(f"{raw.file}: has no text", hint="save the list with its header row")
            raise PostcardsError(f"{raw.file}: the sheet «{raw.sheet}» is empty",
                                 hint="put the list on it, or choose another with --sheet")
        number, headers = header
        mapped, ignored = map_columns(raw.file, number, headers, columns)
        people = {column.number for column in mapped.values()}
        below = chain((row for row in top if row[0] > number), rows)
        if not any(_at(cells, n) for _, cells in below for n in people):
            where = CellLocation(raw.file, number, next((n for n, text in enumerate(headers, 1) if text), 1))
            raise PostcardsError("a header row and no one below it", where=where,
                                 hint="add a row for each person")
    merged = [_merged(raw.file, region) for region in sorted(raw.merged, key=lambda r: (r.top, r.left))
              if region.bottom >= number and any(region.left <= n <= region.right for n in people)]
    if merged:
        raise PostcardsError.of(merged)
    return Table(raw.file, raw.kind, raw.sheet, raw.encoding, raw.delimiter, number, tuple(headers),
                 mapped, ignored, raw)


def _merged(file: str, region: Region) -> Problem:
    span = (f"{column_letter(region.left)}{region.top}:"
            f"{column_letter(region.right)}{region.bottom}")
    return Problem(f"merged cells in {span}", CellLocation(file, region.top, region.left),
                   hint="unmerge them and fill each row")


def _at(cells: Sequence[str], number: int) -> str:
    return cells[number - 1] if number <= len(cells) else ""


def _first(columns: Mapping[str, Column], fields: tuple[str, ...]) -> str:
    return next(name for name in fields if name in columns)
