"""What a plain `postcards make` imports: a supporter printing a few cards waits mostly for
imports, so an evening's pages, cribs, the ledger and the censor check load only for a run
that uses them (benchmarks/startup.py measures the time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# A fresh interpreter runs the command in an empty directory (so `make` prints the bundled
# list) and prints the modules loaded by then, one a line.
RUN = """
import os, sys
os.chdir(sys.argv[1])
from postcards.cli.main import main
main(sys.argv[2:], prog_name="postcards", standalone_mode=False)
print("\\n".join(sorted(sys.modules)))
"""
MAKE = ["make", "--today", "2026-06-01", "-o", "out.pdf"]

# Modules a plain `make` (no ledger, no crib, no event, no --message-file) never needs.
NOT_FOR_MAKE = (
    "filelock",  # the ledger's lock
    "postcards.evening.event",
    "postcards.evening.ledger",
    "postcards.evening.ledgerfile",
    "postcards.evening.ledgerscan",
    "postcards.evening.ledgerstate",
    "postcards.evening.ledgermark",
    "postcards.evening.posting",  # the routes: only with --post-from, --route courier or an event
    "postcards.source.routes",
    "postcards.layout.crib",
    "postcards.layout.pages",
    "postcards.source.yamlfields",  # changing a data file: `released --apply`
    "postcards.text.censor",
    "postcards.text.crib",
    "postcards.text.dative_be",  # only for Belarusian names and blocks
    "pymorphy3",  # the censor check's analyser
    "postcards.text.namekeys",  # matching a release list: `released`
    "postcards.text.namelist",
    "postcards.text.namematch",
    "postcards.text.outline",
    "click._termui_impl",  # a progress bar that is not shown
)


def modules_after(args: list[str], workdir: Path) -> set[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(workdir)}  # no personal config
    done = subprocess.run([sys.executable, "-c", RUN, str(workdir), *args], cwd=workdir, env=env,
                          capture_output=True, text=True, check=True)
    assert (workdir / "out.pdf").is_file(), done.stderr
    return set(done.stdout.split())


def test_a_plain_make_imports_only_what_it_uses(tmp_path: Path) -> None:
    loaded = modules_after(MAKE, tmp_path)
    assert "postcards.pdf.document" in loaded  # the run did make a PDF
    assert sorted(m for m in NOT_FOR_MAKE if m in loaded) == []


@pytest.mark.parametrize(("args", "needed"), [
    (["--crib"], ["postcards.layout.crib", "postcards.text.crib"]),
    (["--ledger", "sent.csv"], ["postcards.evening.ledger", "filelock"]),
    (["--post-from", "DE"], ["postcards.evening.posting", "postcards.source.routes"]),
])
def test_a_run_that_needs_more_imports_it(tmp_path: Path, args: list[str], needed: list[str]) -> None:
    """The other side of the test above: its list names modules that do load when used."""
    loaded = modules_after([*MAKE, *args], tmp_path)
    assert [m for m in needed if m not in loaded] == []


def test_an_event_imports_its_pages(tmp_path: Path) -> None:
    loaded = modules_after(["event", "--writers", "2", "--today", "2026-06-01", "--no-ledger",
                            "-o", "out.pdf"], tmp_path)
    assert {"postcards.evening.event", "postcards.layout.pages", "postcards.text.outline"} <= loaded
