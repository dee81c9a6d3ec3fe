"""Measures how long a supporter waits for a small job: start-up, imports, a few cards.

Run: python benchmarks/startup.py [-n RUNS] [PYTHON ...]

Each PYTHON is the interpreter of an environment to measure (default: this one); its
installed `postcards` script is run, in an empty directory, so `make` uses the bundled list.
Give two (an older install and a newer) to compare them: their runs take turns, so a busy
spell on the machine slows both alike. For each it prints
  --version     seconds of `postcards --version`, wall and CPU (user + system)
  make          seconds of `postcards make --today 2026-06-01 --no-ledger -o FILE`, wall
                and CPU, and the SHA-256 of the PDF (the same figure before and after a change
                means the output is byte-identical)
  teardown      seconds from the end of that `make` (its last line printed) to the exit of
                its process: the interpreter's own cleanup (best and median)
  imports       from `python -X importtime` of that `make` run: the total, the time spent
                in each top-level package (own time, summed), and the slowest imports by
                cumulative time
Times are the best of RUNS runs (default 20; noise only adds) and, for wall time, the
median. On a busy machine the CPU time is the steadier figure. Targets (wall, on the 2-core
development machine, otherwise idle): --version at most 0.060 s, make at most 0.130 s.
Nothing here is a pass/fail test: it prints figures. Measure an installed copy (`pip
install .`), as a user has it: an editable install adds an import hook of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

MAKE = ["make", "--today", "2026-06-01", "--no-ledger", "-q", "-o", "out.pdf"]
COMMANDS = {"--version": ["--version"], "make": MAKE}
TOP = 15  # slowest imports shown
# Runs the command as the installed script does, then says (on stderr) when it finished.
FINISHED = """
import sys, time
sys.argv = ["postcards", *sys.argv[1:]]
from postcards.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(f"finished {time.time()}\\n")
"""


class Import(NamedTuple):
    module: str
    own_us: int
    cumulative_us: int
    depth: int  # 1 for an import the program itself made


def child_environment(workdir: Path) -> dict[str, str]:
    """This environment, with compiled modules cached as after `pip install`, and the config
    directory pointed at the empty working directory so a personal config cannot change
    the output."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CONFIG_HOME"] = str(workdir)
    return env


def timed(args: list[str], workdir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one run of a command. The CPU time is
    the steadier figure on a busy machine: waiting for a core does not count."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=workdir, env=child_environment(workdir),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def summary(times: list[tuple[float, float]]) -> str:
    walls = [wall for wall, _ in times]
    return (f"{min(walls):.3f} s wall (median {statistics.median(walls):.3f}), "
            f"{min(cpu for _, cpu in times):.3f} s CPU")


def parse_importtime(stderr: str) -> list[Import]:
    """The lines `-X importtime` writes: 'import time: self [us] | cumulative | imported package'."""
    imports = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        imports.append(Import(name.strip(), int(own), int(cumulative), depth))
    return imports


def importtime(args: list[str], workdir: Path, runs: int) -> list[Import]:
    """The imports of the run with the smallest total import time of `runs` runs."""
    env = child_environment(workdir)
    best: list[Import] = []
    for _ in range(runs):
        done = subprocess.run([*args[:1], "-X", "importtime", *args[1:]], cwd=workdir, env=env,
                              check=True, capture_output=True, text=True)
        imports = parse_importtime(done.stderr)
        if not best or total_us(imports) < total_us(best):
            best = imports
    return best


def teardown(python: Path, workdir: Path, runs: int) -> list[float]:
    """Seconds from the end of `make` to the exit of its process, for each of `runs` runs."""
    seconds = []
    for _ in range(runs):
        process = subprocess.Popen([str(python), "-c", FINISHED, *MAKE], cwd=workdir,
                                   env=child_environment(workdir), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        _, stderr = process.communicate()  # returns once the process has exited
        exited = time.time()
        finished = [line for line in stderr.splitlines() if line.startswith("finished ")]
        if process.returncode != 0 or not finished:
            raise SystemExit(f"make failed: {stderr}")
        seconds.append(exited - float(finished[-1].split()[1]))
    return seconds


def total_us(imports: list[Import]) -> int:
    return sum(i.own_us for i in imports)


def by_package(imports: list[Import]) -> list[tuple[str, int]]:
    own: dict[str, int] = defaultdict(int)
    for item in imports:
        own[item.module.split(".")[0]] += item.own_us
    return sorted(own.items(), key=lambda kv: -kv[1])


class Environment:
    """One install to measure: its interpreter, its postcards script, a working directory."""

    def __init__(self, python: Path, workdir: Path) -> None:
        self.python = python
        self.command = [str(python), str(python.parent / "postcards")]
        self.workdir = workdir
        self.times: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
        workdir.mkdir()
        timed([*self.command, "--version"], workdir)  # compiles and caches the modules once, as pip does

    def run(self, name: str) -> None:
        self.times[name].append(timed([*self.command, *COMMANDS[name]], self.workdir))

    def report(self, importtime_runs: int) -> None:
        digest = hashlib.sha256((self.workdir / "out.pdf").read_bytes()).hexdigest()
        imports = importtime([*self.command, *MAKE], self.workdir, importtime_runs)
        cleanup = teardown(self.python, self.workdir, importtime_runs)
        print(f"environment  {self.python}")
        print(f"--version    {summary(self.times['--version'])}")
        print(f"make         {summary(self.times['make'])}   sha256 {digest[:16]}")
        print(f"teardown     {min(cleanup):.3f} s (median {statistics.median(cleanup):.3f}) "
              "from make's last line to its exit")
        print(f"imports      {total_us(imports) / 1000:.1f} ms in `make`, own time by package:")
        for package, own in by_package(imports)[:10]:
            print(f"  {own / 1000:7.1f} ms  {package}")
        print("slowest imports, cumulative ms (own ms):")
        for item in sorted(imports, key=lambda i: -i.cumulative_us)[:TOP]:
            print(f"  {item.cumulative_us / 1000:7.1f} ({item.own_us / 1000:5.1f})  "
                  f"{'  ' * (item.depth - 1)}{item.module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pythons", metavar="PYTHON", nargs="*",
                        help="the interpreter of an environment to measure (default: this one)")
    parser.add_argument("-n", "--runs", type=int, default=20, help="runs per figure; the best is shown")
    given = parser.parse_args()
    # A venv's python is a symlink: keep the venv's path, where its postcards script is.
    pythons = [Path(p).absolute() for p in given.pythons or [sys.executable]]
    for python in pythons:
        if not (python.parent / "postcards").is_file():
            raise SystemExit(f"no postcards script beside {python}: install the package there first")
    with tempfile.TemporaryDirectory() as tmp:
        environments = [Environment(python, Path(tmp, str(n))) for n, python in enumerate(pythons)]
        for _ in range(given.runs):
            for environment in environments:  # in turns, so a busy spell slows each alike
                for name in COMMANDS:
                    environment.run(name)
        for environment in environments:
            environment.report(max(3, given.runs // 4))


if __name__ == "__main__":
    main()
