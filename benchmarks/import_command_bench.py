"""Measures the whole `postcards import` command on a spreadsheet of ROWS different people, per
format: reading, each row's name and address parsed, the entries rendered, the new file loaded
and checked, and written.

Run: python benchmarks/import_command_bench.py [ROWS]     (default: 1,500)

The same people (10 columns, as benchmarks/import_bench.py writes them) as XLSX, ODS, CSV
UTF-8 `,` and CSV cp1251 `;`; each imported in a fresh process with `-o new.yaml --yes -q`,
then the CSV again with `--update --skip-bad` into the file it made (every row unchanged:
read, matched, nothing written), and a copy where a tenth of the people are at another
institution (the synthetic names repeat, so a moved person with namesakes is skipped as
ambiguous: a real list gives an id column for that).
Prints, per run:
  wall s     the process from start to exit, as a person waits for it
  command s  the command inside it (its imports included), best of one run
  peak MB    the process's peak resident memory (Linux: VmHWM)
Needs the test extra (openpyxl, odfpy). Nothing here is a pass/fail test: it prints figures.

At 1,500 rows (2 cores): XLSX 0.84 s wall and 57 MB peak, ODS 0.87 s and 58 MB, CSV UTF-8
0.82 s and 57 MB, CSV cp1251 0.83 s and 57 MB (a 485 KB data file); --update with every row
unchanged 0.80 s and 48 MB, with a tenth moved 0.95 s and 59 MB. Each row's address is parsed
in about 0.5 ms; the new text is loaded once, to check it, before it is written.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import child_environment
from import_bench import PLACES, write_csv, write_ods, write_xlsx
from synthetic import GIVEN, PATRONYMIC, SURNAMES

RUN = """
import re, sys, time
from pathlib import Path
start = time.perf_counter()
from postcards.cli import main
try:
    main(sys.argv[1:], prog_name="postcards")
except SystemExit as stop:
    code = stop.code
status = Path("/proc/self/status").read_text()
print(time.perf_counter() - start, int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024, code)
"""


def people(count: int) -> list[list[object]]:
    """`count` rows of different people (no two of the same name at the same place)."""
    rng = random.Random(1)
    rows: list[list[object]] = []
    seen: set[tuple[str, int]] = set()
    while len(rows) < count:
        gender = rng.choice(("male", "female"))
        name = (f"{rng.choice(SURNAMES)[gender == 'female']} {rng.choice(GIVEN[gender])} "
                f"{rng.choice(PATRONYMIC[gender])}")
        place = rng.randrange(len(PLACES))
        if (name, place) in seen:
            continue
        seen.add((name, place))
        born = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        tags, note = "women" if gender == "female" else "", "пишет в ответ, любит книги"
        rows.append([len(rows) + 1, name, born, *PLACES[place], "342, 361", tags, note])
    return rows


def command(*args: str | Path) -> tuple[float, float, float, str]:
    """(wall seconds, command seconds, peak MB, summary line) of `postcards ARGS` in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, *map(str, args)], capture_output=True, text=True,
                          check=False, env=child_environment())
    wall = time.perf_counter() - start
    seconds, peak, code = done.stdout.split()
    if code not in ("0", "None"):
        raise SystemExit(f"postcards {' '.join(map(str, args))} failed:\n{done.stderr}")
    summary = next((line for line in done.stderr.splitlines() if line.startswith("Read ")), "")
    return wall, float(seconds), float(peak), summary


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    rows = people(count)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = {"XLSX": base / "list.xlsx", "ODS": base / "list.ods", "CSV utf-8 ,": base / "utf8.csv",
                 "CSV cp1251 ;": base / "cp1251.csv"}
        write_xlsx(files["XLSX"], rows)
        write_ods(files["ODS"], rows)
        write_csv(files["CSV utf-8 ,"], rows, "utf-8", ",")
        write_csv(files["CSV cp1251 ;"], rows, "cp1251", ";")
        moved = [[*row[:3], *PLACES[(PLACES.index(tuple(row[3:7])) + 1) % len(PLACES)], *row[7:]]  # type: ignore[arg-type]
                 if number % 10 == 0 else row for number, row in enumerate(rows)]
        write_csv(base / "moved.csv", moved, "utf-8", ",")
        print(f"{count:,} rows: postcards import FILE -o new.yaml (Linux: peak from /proc/self/status VmHWM)")
        print(f"{'run':<26}{'KB':>8}{'wall s':>8}{'command s':>11}{'peak MB':>9}")
        today = ("--today", "2026-06-01", "--yes", "-q")
        for kind, path in files.items():
            out = base / f"{path.name}.yaml"
            wall, seconds, peak, _ = command("import", path, "-o", out, *today)
            print(f"{kind:<26}{path.stat().st_size / 1024:>8.0f}{wall:>8.2f}{seconds:>11.2f}{peak:>9.1f}")
        data = base / "utf8.csv.yaml"
        print(f"  (the new file: {data.stat().st_size / 1024:,.0f} KB)")
        for label, path in (("--update, all unchanged", files["CSV utf-8 ,"]), ("--update, a tenth moved",
                                                                               base / "moved.csv")):
            wall, seconds, peak, summary = command("import", path, "--update", data, "--skip-bad", *today)
            print(f"{label:<26}{path.stat().st_size / 1024:>8.0f}{wall:>8.2f}{seconds:>11.2f}{peak:>9.1f}  "
                  f"{summary}")
        text = data.read_text(encoding="utf-8")
        assert len(re.findall(r"(?m)^  - id: ", text)) == count, "not every person was written"


if __name__ == "__main__":
    main()
