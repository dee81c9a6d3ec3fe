"""Measures reading an organiser's spreadsheet of ROWS people with `read_table`, per format.

Run: python benchmarks/import_bench.py [ROWS]     (default: 1,500)

It writes the same ROWS people (name, birthday, institution, street, postcode, city, articles,
tags, a note; 10 columns) as XLSX (openpyxl), ODS (odfpy), CSV UTF-8 `,` and CSV cp1251 `;`,
then reads each in a fresh process, as `postcards import` would, and prints
  read s       read_table and every row's name and joined address (rows not kept, so memory
               shows the reader's own), in-process, best of three
  imported MB  that process's peak resident memory once the reader is imported
  peak MB      its peak resident memory after reading (Linux: VmHWM)
  over MB      what reading added: peak less imported
Needs the test extra (openpyxl, odfpy). Nothing here is a pass/fail test: it prints figures.

At 1,500 rows (2 cores; 16.6 MB once imported): XLSX 0.034 s and +3.1 MB, ODS 0.068 s and
+5.1 MB (calamine, then the sheet's XML again for merged cells), CSV UTF-8 0.025 s and +0.9 MB,
CSV cp1251 0.032 s and +0.9 MB. At 15,000 rows CSV stays at +2 to 3 MB (streamed); XLSX takes
+28 MB and ODS +40 MB (the sheet is loaded whole).
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import child_environment
from synthetic import GIVEN, PATRONYMIC, SURNAMES

HEADER: list[object] = ["№", "ФИО", "Дата рождения", "Учреждение", "Улица", "Индекс", "Город", "Статья",
                        "Теги", "Примечание"]
PLACES = [("ИК № 4", "ул. Антошкина, 3", 246035, "г. Гомель"), ("ИК № 1", "ул. Юбилейная, 6", 211440,
          "г. Новополоцк"), ("СИЗО № 1", "ул. Володарского, 2", 220030, "г. Минск")]
READ = """
import re, sys, time
from pathlib import Path
from postcards.source.sheets import read_table

def high_water_mb():  # this process's own peak resident memory (not its parent's, as getrusage says)
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024

imported = high_water_mb()
best = None
for _ in range(3):
    start = time.perf_counter()
    rows = sum(1 for row in read_table(Path(sys.argv[1])).rows() if row.name_text() and row.address_text())
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(best, rows, imported, high_water_mb())
"""


def people(count: int) -> list[list[object]]:
    rng = random.Random(1)
    rows: list[list[object]] = []
    for i in range(count):
        gender = rng.choice(("male", "female"))
        name = (f"{rng.choice(SURNAMES)[gender == 'female']} {rng.choice(GIVEN[gender])} "
                f"{rng.choice(PATRONYMIC[gender])}")
        place = rng.choice(PLACES)
        born = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        rows.append([i + 1, name, born, *place, "342, 361", "women" if gender == "female" else "",
                     "пишет в ответ, любит книги"])
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Список")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_ods(path: Path, rows: list[list[object]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    table = Table(name="Список")
    for values in [HEADER, *rows]:
        line = TableRow()
        for value in values:
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=str(value))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    document = OpenDocumentSpreadsheet()
    document.spreadsheet.addElement(table)
    document.save(str(path))


def write_csv(path: Path, rows: list[list[object]], encoding: str, delimiter: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([f"{v:%d.%m.%Y}" if isinstance(v, date) else v for v in row])


def measure(path: Path) -> tuple[float, int, float, float]:
    """(best read seconds, rows, MB after imports, peak MB) of one process reading `path`."""
    done = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True,
                          check=False, env=child_environment())
    if done.returncode:
        raise SystemExit(f"reading {path} failed:\n{done.stderr}")
    seconds, count, imported, peak = done.stdout.split()
    return float(seconds), int(count), float(imported), float(peak)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    rows = people(count)
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "XLSX": Path(folder) / "list.xlsx", "ODS": Path(folder) / "list.ods",
            "CSV utf-8 ,": Path(folder) / "utf8.csv", "CSV cp1251 ;": Path(folder) / "cp1251.csv",
        }
        write_xlsx(files["XLSX"], rows)
        write_ods(files["ODS"], rows)
        write_csv(files["CSV utf-8 ,"], rows, "utf-8", ",")
        write_csv(files["CSV cp1251 ;"], rows, "cp1251", ";")
        print(f"{count:,} rows (Linux: peak resident memory from /proc/self/status VmHWM)")
        print(f"{'format':<14}{'KB':>8}{'read s':>9}{'imported MB':>13}{'peak MB':>9}{'over MB':>9}")
        for kind, path in files.items():
            seconds, read, imported, peak = measure(path)
            assert read == count, (kind, read)
            size, over = path.stat().st_size / 1024, peak - imported
            print(f"{kind:<14}{size:>8.0f}{seconds:>9.3f}{imported:>13.1f}{peak:>9.1f}{over:>9.1f}")


if __name__ == "__main__":
    main()
