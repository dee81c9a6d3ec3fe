"""Measures `postcards make` as a user runs it: wall time, peak memory, PDF bytes per card.

Run: python benchmarks/bench.py [N ...]    (default: the bundled file, then 1,500 prisoners)
Prints a table; nothing here is a pass/fail test.
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

REPO = Path(__file__).resolve().parent.parent


def run_make(data: Path | None, workdir: Path) -> tuple[float, float, int, int]:
    """(wall seconds, peak RSS in MB, PDF bytes, cards) of one `postcards make` process."""
    output = workdir / "out.pdf"
    args = [sys.executable, "-m", "postcards", "make", "-q", "-o", str(output),
            "--config", str(workdir / "none.yaml")]
    if data is not None:
        args.insert(4, str(data))
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak RSS, in KB on Linux
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"postcards make failed:\n{stderr}")
    cards = int(stderr.split("Wrote ")[1].split(": ")[1].split(" card")[0].replace(",", ""))
    return wall, usage.ru_maxrss / 1024, output.stat().st_size, cards


def load_seconds(data: Path) -> float:
    code = ("import time,sys; from pathlib import Path; from postcards.records import load_dataset;"
            "t=time.perf_counter(); load_dataset(Path(sys.argv[1])); print(time.perf_counter()-t)")
    done = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=True)
    return float(done.stdout)


def main(sizes: list[int]) -> None:
    print(f"{'data':>16} {'cards':>7} {'load s':>8} {'make s':>8} {'cards/s':>8} {'peak MB':>8} "
          f"{'bytes/card':>10} {'PDF KB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        cases: list[tuple[str, Path]] = [("bundled", REPO / "prisoners.yaml")]
        for n in sizes:
            path = workdir / f"p{n}.yaml"
            path.write_text(prisoners_yaml(n), encoding="utf-8")
            cases.append((f"{n:,} synthetic", path))
        for label, path in cases:
            loaded = load_seconds(path)
            wall, peak, size, cards = run_make(path, workdir)
            print(f"{label:>16} {cards:>7,} {loaded:>8.2f} {wall:>8.2f} {cards / wall:>8.0f} {peak:>8.0f} "
                  f"{size / cards:>10.0f} {size / 1024:>8.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1500])
