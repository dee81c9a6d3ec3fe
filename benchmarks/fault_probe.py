"""Runs the command through faults a person meets and counts how many end as they should:
one line on stderr saying what is wrong, exit status 1 (or the run succeeding where the input
is fine), no traceback, no hang, nothing left behind.

Run: python benchmarks/fault_probe.py [PYTHON ...]

Each PYTHON is the interpreter of an environment with `postcards` installed (default: this
one); give an older install and a newer to compare them. For each case it prints `ok` or
what went wrong (traceback, hang, exit status, a file left behind), then the count. It prints
figures; nothing here is a pass/fail test (the tests hold each case exactly).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "prisoners.yaml"
SUMMER = ("--today", "2026-06-01")
Case = tuple[str, list[str], dict[str, str], Callable[[Path], None] | None, int | None]


def _data(edit: Callable[[str], str]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / "data.yaml").write_text(edit(BUNDLED.read_text(encoding="utf-8")), encoding="utf-8")
    return write


def _file(name: str, content: bytes) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_bytes(content)
    return write


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "data.yaml")


def cases() -> list[Case]:
    long_text = "Здравствуйте! Желаю Вам сил и здоровья. " * 10
    make = ["make", "--no-ledger", *SUMMER]
    return [
        ("lint a long text", ["lint", long_text], {}, None, None),
        ("lint a mistyped file name", ["lint", "mesage.txt"], {}, None, None),
        ("lint a directory", ["lint", "."], {}, None, None),
        ("lint /dev/null", ["lint", "/dev/null"], {}, None, None),
        ("an output name too long", [*make, "-o", "x" * 300 + ".pdf"], {}, None, None),
        ("--today 9999-12-31", ["make", "--no-ledger", "--today", "9999-12-31"], {}, None, None),
        ("--stale-after 99999999", ["event", "--writers", "2", "--no-ledger", *SUMMER, "--stale-after", "99999999"],
         {}, None, None),
        ("a number of 5,000 digits", ["check", "data.yaml"], {}, _data(lambda s: s.replace("years: 12", "years: " + "9" * 5000, 1)), None),
        ("a NUL byte in the data", ["check", "data.yaml"], {}, _data(lambda s: s.replace("Чекина", "Чек\0ина", 1)), None),
        ("a merge key", ["check", "data.yaml"], {}, _data(lambda s: s.replace("  - id: chekina", "  - <<: {x: 1}\n    id: chekina", 1)), None),
        ("a soft hyphen in a name", ["check", "data.yaml"], {}, _data(lambda s: s.replace("Чекина", "Чеки\u00adна", 1)), None),
        ("an emptied status", ["check", "data.yaml"], {}, _data(lambda s: s.replace("status: imprisoned", "status:", 1)), None),
        ("the data file is a pipe", ["check", "data.yaml"], {}, _fifo, None),
        ("HOME is a file", [*make, "-o", "out.pdf"], {"HOME": "/etc/passwd"}, None, None),
        ("stdout cannot encode Cyrillic", ["address", "--id", "chekina"], {"PYTHONIOENCODING": "cp1252"}, None, None),
        ("a file-size limit", [*make, "-o", "out.pdf"], {}, None, 16),
        ("--ledger equals -o", ["make", *SUMMER, "--ledger", "same.csv", "-o", "same.csv"], {}, None, None),
        ("--ledger /dev/null", ["make", *SUMMER, "--ledger", "/dev/null", "-o", "out.pdf"], {}, None, None),
        ("a ledger that is not one", ["make", *SUMMER, "--ledger", "notes.csv", "-o", "out.pdf"], {},
         _file("notes.csv", b"name,phone\nAnna,123\n"), None),
        ("a ledger pack of '²'", ["ledger", "--ledger", "sent.csv"], {},
         _file("sent.csv", "date,prisoner,message,language,pack,text\n2026-01-01,loika,ru-walk,ru,\u00b2,x\n".encode()), None),
        ("a --config that does not exist", [*make, "--config", "none.yaml", "-o", "out.pdf"], {}, None, None),
        ("Latin sender lines in the config", [*make, "--config", "cfg.yaml", "-o", "out.pdf"], {},
         _file("cfg.yaml", b"sender:\n  - Anna Schmidt\n"), None),
        ("a message file too large", [*make, "--message-file", "big.txt", "-o", "out.pdf"], {},
         _file("big.txt", ("Привет! " * 40_000).encode()), None),
        ("an emoji in about, check", ["check", "data.yaml", *SUMMER], {},
         _data(lambda s: s.replace('about: "', 'about: "\U0001f337 ', 1)), None),
    ]


def _expected_ok(name: str) -> bool:
    return name in {"lint a long text", "--stale-after 99999999", "stdout cannot encode Cyrillic",
                    "a ledger pack of '²'"}


def probe(python: str, case: Case) -> str:
    name, args, env, prepare, limit = case
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        if prepare is not None:
            prepare(where)
        before = set(os.listdir(where))

        def limits() -> None:
            if limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit * 1024,) * 2)

        try:
            done = subprocess.run([python, "-m", "postcards", *args], cwd=where, capture_output=True, timeout=30,
                                  env={**os.environ, **env, "XDG_CONFIG_HOME": folder}, preexec_fn=limits,
                                  check=False)
        except subprocess.TimeoutExpired:
            return "hangs"
        stderr = done.stderr.decode("utf-8", "replace")
        if "Traceback" in stderr:
            return "traceback: " + stderr.strip().splitlines()[-1][:80]
        left = sorted(n for n in set(os.listdir(where)) - before if n.endswith(".part"))
        if left:
            return f"left {left[0]}"
        if _expected_ok(name):
            return "ok" if done.returncode in (0, 1) else f"exit {done.returncode}"
        if done.returncode != 1:
            return f"exit {done.returncode} (expected 1)"
        return "ok"


def main() -> None:
    pythons = sys.argv[1:] or [sys.executable]
    for python in pythons:
        print(f"environment  {python}")
        held = 0
        for case in cases():
            outcome = probe(python, case)
            held += outcome == "ok"
            print(f"  {case[0]:36s} {outcome}")
        print(f"  held: {held} of {len(cases())}")


if __name__ == "__main__":
    main()
