"""Measures the censor check: how long `postcards lint` takes to start, and to check a card.

Run: python benchmarks/lint_bench.py [-n RUNS] [PYTHON ...]

In this interpreter (with its installed `postcards`) it checks every bundled message (as a
template: a card's text) and every sentence of tests/data/lint-sentences.tsv and prints
  first call    seconds of the first check: reading the rules and, where the check uses one,
                loading the morphological analyser
  first pass    ms per text, cards then sentences, each text once, right after (words not
                seen before: what checking one card costs)
  later passes  ms per text, best of RUNS passes (words already seen)
Then, for each PYTHON (default: this one), the installed script is run in an empty
directory, RUNS times in turns as benchmarks/startup.py does, and it prints
  lint          seconds of `postcards lint "Желаю Вам здоровья и сил."`, wall (best and
                median) and CPU (user + system): the start-up a writer waits for
Give an older install and a newer one to compare them. Measure installed copies (`pip
install .`), as a user has them. Nothing here is a pass/fail test: it prints figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SENTENCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "lint-sentences.tsv"
LINT = ["lint", "Желаю Вам здоровья и сил."]


def texts() -> dict[str, list[tuple[str, bool]]]:
    """(text, is a template) for every bundled message ("cards") and every sentence of the
    test set ("sentences")."""
    from postcards.text.messages import bundled_library

    with SENTENCES.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        sentences = [(row["sentence"], False) for row in rows]
    return {"cards": [(t.text, True) for t in bundled_library().templates], "sentences": sentences}


def per_text_ms(check: Callable[..., object], items: list[tuple[str, bool]]) -> float:
    start = time.perf_counter()
    for text, template in items:
        check(text, template=template)
    return (time.perf_counter() - start) * 1000 / len(items)


def in_process(runs: int) -> None:
    groups = texts()
    start = time.perf_counter()
    from postcards.text.censor import lint

    lint("Желаю Вам здоровья и сил.")
    first = time.perf_counter() - start
    first_pass = {name: per_text_ms(lint, items) for name, items in groups.items()}
    later = {name: min(per_text_ms(lint, items) for _ in range(runs)) for name, items in groups.items()}
    print(f"first call   {first:.3f} s (rules, and the analyser where one is used)")
    for name, items in groups.items():
        words = sum(len(text.split()) for text, _ in items) / len(items)
        print(f"{name:12} {len(items)} texts, {words:.0f} words each on average: first pass "
              f"{first_pass[name]:.2f} ms per text, later passes {later[name]:.2f} (best of {runs})")


def timed(args: list[str], workdir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; exit status 0 or 1 (a finding) both count."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(workdir)}
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=workdir, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def start_up(pythons: list[Path], runs: int) -> None:
    commands = [[str(p), str(p.parent / "postcards"), *LINT] for p in pythons]
    times: list[list[tuple[float, float]]] = [[] for _ in pythons]
    with tempfile.TemporaryDirectory() as tmp:
        for command in commands:
            timed(command, Path(tmp))  # compiles and caches the modules once, as pip does
        for _ in range(runs):
            for command, seen in zip(commands, times, strict=True):
                seen.append(timed(command, Path(tmp)))
    for python, seen in zip(pythons, times, strict=True):
        walls = [wall for wall, _ in seen]
        print(f"environment  {python}")
        print(f"lint         {min(walls):.3f} s wall (median {statistics.median(walls):.3f}), "
              f"{min(cpu for _, cpu in seen):.3f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pythons", metavar="PYTHON", nargs="*",
                        help="the interpreter of an environment to measure (default: this one)")
    parser.add_argument("-n", "--runs", type=int, default=20, help="runs per figure; the best is shown")
    given = parser.parse_args()
    pythons = [Path(p).absolute() for p in given.pythons or [sys.executable]]
    for python in pythons:
        if not (python.parent / "postcards").is_file():
            raise SystemExit(f"no postcards script beside {python}: install the package there first")
    in_process(given.runs)
    start_up(pythons, given.runs)


if __name__ == "__main__":
    main()
