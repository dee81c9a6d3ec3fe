"""Measures the commands that read a large ledger: `postcards ledger` and `make` of 3 cards.

Run: python benchmarks/ledger_bench.py [ROWS]     (default: 1,000,000)

It writes ROWS ledger rows (real message ids, texts as long as real cards: about 4 lines and
500 bytes a row) for 1,500 synthetic prisoners, then runs, each as a user runs it:
  ledger     `postcards ledger DATA --ledger FILE` (the table to /dev/null)
  make 3     `postcards make DATA --only 3 ids --ledger FILE -o OUT` (adds 3 rows to FILE)
and prints each one's wall time and peak resident memory. Nothing here is a pass/fail test.

At 1,000,000 rows (468 MB, 2 cores): reading the whole file into rows took `ledger` 22.8 s and
3,126 MB, `make 3` 16.5 s and 3,126 MB; streamed into per-person counts, 4.2 s and 45 MB, and
5.2 s and 45 MB.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import child_environment, command
from synthetic import prisoners_yaml

from postcards.text.messages import bundled_library

PEOPLE = 1500
_CHOICE = re.compile(r"\{(?:я:)?([^{}|]*)\|[^{}]*\}")


def write_ledger(path: Path, rows: int) -> None:
    """`rows` rows in the ledger's format, cycling through the people and the messages."""
    texts = []
    for template in bundled_library().templates:
        body = _CHOICE.sub(r"\1", template.text).replace("{name}", "Людмила Юрьевна")
        texts.append((template.id, template.lang, f"Здравствуйте, Людмила Юрьевна!\n"
                                                  f"{body.replace('{given}', 'Людмила')}\n"
                                                  "С теплом и уважением,"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("date", "prisoner", "message", "language", "pack", "text"))
        for i in range(rows):
            message, lang, text = texts[(i * 7) % len(texts)]
            day = f"20{20 + i * 6 // rows}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            writer.writerow((day, f"p{i % PEOPLE:06d}", message, lang, str(1 + i % 30), text))


def timed(args: list[str], workdir: Path) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MB, exit status, last line of stderr) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env=child_environment())
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak RSS, in KB on Linux
    lines = stderr.strip().splitlines()
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), \
        (lines[-1] if lines else "")


def main(rows: int) -> None:
    subprocess.run([*command(), "--version"], check=True, capture_output=True, env=child_environment())
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        data, ledger = workdir / "prisoners.yaml", workdir / "big.csv"
        data.write_text(prisoners_yaml(PEOPLE), encoding="utf-8")
        started = time.perf_counter()
        write_ledger(ledger, rows)
        print(f"{rows:,} rows, {ledger.stat().st_size / 2**20:,.0f} MB, written in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        settings = workdir / "settings.yaml"
        settings.write_text("# no settings: the user's own must not change the figures\n", encoding="utf-8")
        runs = {
            "ledger": [*command(), "ledger", str(data), "--ledger", str(ledger)],
            "make 3": [*command(), "make", str(data), "--only", "p000001", "--only", "p000002",
                       "--only", "p000003", "--ledger", str(ledger), "--today", "2026-06-01",
                       "-o", str(workdir / "out.pdf"), "-q", "--config", str(settings)],
        }
        print(f"{'command':<8} {'wall s':>7} {'peak MB':>8}  exit  last line of stderr")
        for name, args in runs.items():
            wall, peak, status, last = timed(args, workdir)
            print(f"{name:<8} {wall:>7.1f} {peak:>8,.0f}  {status:>4}  {last[:100]}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
