"""Measures `postcards make` on synthetic prisoner lists: load, render, wall time, memory, size.

Run: python benchmarks/bench.py [N ...]     (default: 1,500 10,000 100,000)

For each N it writes N varied prisoners to a temporary file and prints
  load s      loading and validating the YAML, in-process
  render s    choosing, fitting and drawing every card and writing the PDF, in-process
  wall s      `postcards make` as a user runs it: interpreter start, imports, YAML, PDF
  cards/s     cards / render s
  bytes/card  PDF bytes / cards (the embedded font subset, about 45 KB, included)
  peak MB     the peak resident memory of that `postcards make` process
Times are the best of three runs up to 10,000 (one run at 100,000); peak MB the largest.
Targets (2 cores): 1,500 cards under 1.2 s wall; at least 3,000 cards/s; under 1,500 bytes a
card; at most 300 MB at 100,000. Nothing here is a pass/fail test: it prints figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import prisoners_yaml

REPEATS = 3  # runs per size up to 10,000; the best time is shown (noise only adds)

STAGES = """
import sys, time
from datetime import date
from pathlib import Path
from postcards.shared.options import CardOptions
from postcards import make_cards
import postcards.api.jobs  # the PDF machinery loads on first use: load it before the clock starts
from postcards.source.records import load_dataset
start = time.perf_counter()
dataset = load_dataset(Path(sys.argv[1]))
loaded = time.perf_counter()
result = make_cards(dataset, CardOptions(today=date(2026, 6, 1)), Path(sys.argv[2]))
print(loaded - start, time.perf_counter() - loaded, len(result.cards))
"""


def child_environment() -> dict[str, str]:
    """This environment, but with Python allowed to cache compiled modules, as a user's is
    after `pip install` (which compiles them); a checkout run with PYTHONDONTWRITEBYTECODE
    would otherwise compile every module of the package on every start."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def stages(data: Path, output: Path) -> tuple[float, float, int]:
    """(load seconds, render seconds, cards), timed inside one process."""
    done = subprocess.run([sys.executable, "-c", STAGES, str(data), str(output)],
                          capture_output=True, text=True, check=False, env=child_environment())
    if done.returncode != 0:
        raise SystemExit(f"rendering failed:\n{done.stderr}")
    load, render, cards = done.stdout.split()
    return float(load), float(render), int(cards)


def command() -> list[str]:
    """The `postcards` script installed beside this interpreter (not a shell shim in front
    of it), else the module from this checkout."""
    script = Path(sys.executable).parent / "postcards"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "postcards"]


def wall_make(data: Path, workdir: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, PDF bytes) of one `postcards make` process."""
    output = workdir / "out.pdf"
    settings = workdir / "settings.yaml"
    settings.write_text("# no settings: the user's own must not change the figures\n", encoding="utf-8")
    args = [*command(), "make", str(data), "-q", "-o", str(output), "--no-ledger",
            "--config", str(settings), "--today", "2026-06-01"]
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env=child_environment())
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak RSS, in KB on Linux
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"postcards make failed:\n{stderr}")
    return wall, usage.ru_maxrss / 1024, output.stat().st_size


def main(sizes: list[int]) -> None:
    print(f"{'prisoners':>10} {'load s':>7} {'render s':>8} {'wall s':>7} {'cards/s':>8} "
          f"{'bytes/card':>10} {'peak MB':>8}")
    subprocess.run([*command(), "--version"], check=True, capture_output=True,
                   env=child_environment())  # compiles and caches the modules once, as pip does
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for n in sizes:
            data = workdir / f"p{n}.yaml"
            data.write_text(prisoners_yaml(n), encoding="utf-8")
            repeats = REPEATS if n <= 10_000 else 1
            timed = [stages(data, workdir / "stages.pdf") for _ in range(repeats)]
            load, render, cards = min(t[0] for t in timed), min(t[1] for t in timed), timed[0][2]
            runs = [wall_make(data, workdir) for _ in range(repeats)]
            wall, peak, size = min(r[0] for r in runs), max(r[1] for r in runs), runs[0][2]
            print(f"{n:>10,} {load:>7.2f} {render:>8.2f} {wall:>7.2f} {cards / render:>8,.0f} "
                  f"{size / cards:>10,.0f} {peak:>8,.0f}", flush=True)
            data.unlink()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1500, 10_000, 100_000])
