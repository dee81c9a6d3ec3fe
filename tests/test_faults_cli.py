"""The command under faults a person meets: a long text to lint, a full disk, a file-size
limit, a signal, a HOME that is a file, a terminal that cannot show Cyrillic, a write-
protected output. Each ends in one line saying what happened (no traceback), and neither
the earlier PDF nor the ledger is damaged. Some run the command in a fresh process: signals,
resource limits and start-up settings cannot be tried inside the test's own."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, run

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import prisoners_yaml

SUMMER = "2026-06-01"


def command(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
            limit_file_blocks: int | None = None) -> subprocess.CompletedProcess[bytes]:
    def limits() -> None:
        if limit_file_blocks is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_blocks * 1024,) * 2)

    return subprocess.run([sys.executable, "-m", "postcards", *map(str, args)], cwd=cwd, capture_output=True,
                          env={**os.environ, **(env or {})}, preexec_fn=limits, timeout=120, check=False)


def test_a_long_text_is_linted_as_text(runner: CliRunner, in_tmp: Path) -> None:
    text = "Здравствуйте! Желаю Вам свободы и сил. " * 20  # far longer than a file name may be
    result = run(runner, "lint", text)
    assert result.exit_code == 1
    assert result.stderr == "<text>: 20 findings: the censor may stop this card\n"


@pytest.mark.parametrize(("argument", "expected"), [
    ("mesage.txt", "error: mesage.txt: no such file; check the name; to check these words as text, put them "
                   "in a sentence\n"),
    ("somedir", "error: somedir: is not a regular file; give a text file with --file PATH\n"),
    ("/dev/null", "error: /dev/null: is not a regular file; give a text file with --file PATH\n"),
])
def test_lint_never_checks_a_path_as_if_it_were_the_message(runner: CliRunner, in_tmp: Path, argument: str,
                                                            expected: str) -> None:
    (in_tmp / "somedir").mkdir()
    result = run(runner, "lint", argument)
    assert (result.exit_code, result.stderr) == (1, expected)


def test_lint_reads_a_file_it_is_given(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "card.txt").write_text("Желаю свободы.\n", encoding="utf-8")
    named = run(runner, "lint", "card.txt")
    assert named.exit_code == 1
    assert named.stderr.startswith("Checking the file card.txt (--file card.txt says so outright).\n")
    assert named.stdout.startswith("card.txt:1:7: 'свободы'")
    explicit = run(runner, "lint", "--file", "card.txt")
    assert (explicit.exit_code, explicit.stdout) == (1, named.stdout)


def test_an_output_name_too_long_is_one_line(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--no-ledger", "--today", SUMMER, "-o", "x" * 300 + ".pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: " + "x" * 40 + "...: the file name is 304 bytes long; here it may be at most ")
    assert os.listdir(in_tmp) == []


def test_a_write_protected_output_is_not_replaced(runner: CliRunner, in_tmp: Path) -> None:
    assert run(runner, "make", "--no-ledger", "--today", SUMMER, "-o", "old.pdf").exit_code == 0
    old = (in_tmp / "old.pdf").read_bytes()
    (in_tmp / "old.pdf").chmod(0o444)
    result = run(runner, "make", "--no-ledger", "--today", "2026-12-01", "-o", "old.pdf")
    assert (result.exit_code, result.stderr) == (1, "error: old.pdf: is write-protected; not replacing it; make it "
                                                    "writable first (chmod u+w), or choose another output path\n")
    assert (in_tmp / "old.pdf").read_bytes() == old


def test_the_ledger_and_the_output_must_differ(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--today", SUMMER, "--ledger", "sent.csv", "-o", "./sent.csv")
    assert (result.exit_code, result.stderr) == (1, "--ledger: sent.csv: is both the PDF to write and the ledger; "
                                                    "give the ledger and the PDF different names, e.g. -o "
                                                    "postcards.pdf\n")
    assert os.listdir(in_tmp) == []


def test_a_config_file_given_by_name_must_exist(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--no-ledger", "--today", SUMMER, "--config", "mine.yaml")
    assert (result.exit_code, result.stderr) == (1, "error: mine.yaml: no such file; give the path to a settings "
                                                    "file (sender:, writer_gender:, post_from:)\n")


def test_sender_lines_from_the_config_are_blamed_on_the_config(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "mine.yaml").write_text("sender:\n  - Анна Шмидт\n  - Berlin\n", encoding="utf-8")
    result = run(runner, "make", "--no-ledger", "--today", SUMMER, "--config", "mine.yaml")
    assert (result.exit_code, result.stderr) == (1, "mine.yaml:3:5: sender[1]: sender line 'Berlin' is written in "
                                                    "Latin letters; the censor discards cards with Latin text: "
                                                    "write it in Russian (e.g. 'Германия, Берлин')\n")


def test_the_calendars_end_is_one_line(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--no-ledger", "--today", "9999-12-31")
    assert (result.exit_code, result.stderr) == (1, "--today: a card posted on 9999-12-31 would arrive past the end "
                                                    "of the calendar; give a date before the year 9999\n")
    evening = run(runner, "event", "--writers", "2", "--no-ledger", "--today", SUMMER, "--stale-after", "99999999")
    assert evening.exit_code == 0, evening.stderr


def test_a_message_file_too_large_is_refused_before_it_is_read(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "book.txt").write_text("Здравствуйте! " * 20_000, encoding="utf-8")
    result = run(runner, "make", "--no-ledger", "--today", SUMMER, "--message-file", "book.txt")
    assert (result.exit_code, result.stderr) == (1, "error: book.txt: is 520 KB, over the limit of 100 KB for a "
                                                    "message file; a card holds about 400 characters: write a "
                                                    "short message\n")


def test_check_finds_what_an_evening_with_cribs_would_refuse(runner: CliRunner, in_tmp: Path) -> None:
    data = data_file(in_tmp, prisoner_yaml(extra="institution: IK-4\nabout: Editor 🌷 of TUT.BY"))
    result = run(runner, "check", data, "--today", SUMMER)
    assert (result.exit_code, result.stderr) == (1, f"{data}:3:5: prisoners[0].about: the crib for 'chekina' has "
                                                    "characters the font cannot draw: '🌷' (U+1F337) in 'Who: "
                                                    "Editor 🌷 of TUT.BY.'; remove or replace them\n")


def test_a_file_size_limit_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    result = command("make", "--no-ledger", "--today", SUMMER, "-o", "big.pdf", cwd=tmp_path, limit_file_blocks=16)
    assert result.returncode == 1
    assert result.stderr.decode() == ("error: big.pdf: cannot write: File too large; nothing was written, and any "
                                      "earlier file there is unchanged; the file is larger than this system or its "
                                      "limits allow: print fewer cards at a time (--cards, or a filter)\n")
    assert os.listdir(tmp_path) == []


IMPRISONED = ("--id", "chekina", "--id", "loika")  # the bundled list's zolatava is released: a line on stderr


def test_a_full_standard_output_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "postcards", "address", "--json", *IMPRISONED], cwd=tmp_path,
                                stdout=full, stderr=subprocess.PIPE, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.decode() == ("error: cannot write the output: No space left on device; free some space, "
                                      "or send the output elsewhere\n")


def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "postcards", "address", "--json", *IMPRISONED], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)
    process.stdout.close()  # as `| head -1` does
    assert process.stderr.read() == b""
    assert process.wait(timeout=60) in (0, 1)


def test_a_terminal_that_cannot_show_cyrillic_gets_it_escaped(tmp_path: Path) -> None:
    result = command("address", "--id", "chekina", cwd=tmp_path, env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0
    assert result.stdout.decode("cp1252").splitlines()[0] == (
        "\\u0427\\u0435\\u043a\\u0438\\u043d\\u043e\\u0439 \\u041b\\u044e\\u0434\\u043c\\u0438\\u043b\\u0435 "
        "\\u042e\\u0440\\u044c\\u0435\\u0432\\u043d\\u0435")
    assert "warning: stdout (cp1252) cannot show Cyrillic: it is written escaped" in result.stderr.decode("cp1252")


def test_home_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a directory")
    result = command("make", "--no-ledger", "--today", SUMMER, "-o", "out.pdf", cwd=tmp_path, env={"HOME": str(home)})
    assert result.returncode == 1
    assert result.stderr.decode() == (f"error: HOME is '{home}', which is not a directory: the PDF library reads its "
                                      "settings from there; set HOME to a directory\n")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_leaves_no_partial_file_and_the_earlier_pdf(tmp_path: Path, stop: signal.Signals) -> None:
    data = tmp_path / "many.yaml"
    data.write_text(prisoners_yaml(3000), encoding="utf-8")
    (tmp_path / "out.pdf").write_bytes(b"%PDF-1.4 the earlier one")
    said = tmp_path.parent / f"{tmp_path.name}-stderr.txt"  # a pipe could fill with warnings and stall the run
    with said.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "postcards", "make", str(data), "--no-ledger", "--today",
                                    SUMMER, "-o", "out.pdf", "-q"], cwd=tmp_path, stderr=stderr)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".part") for p in tmp_path.iterdir()):  # drawing has begun
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it could be stopped"
        time.sleep(0.005)
    process.send_signal(stop)
    assert process.wait(timeout=60) == 128 + stop
    assert said.read_text().endswith(f"Stopped by {stop.name}: nothing was written; an earlier file "
                                                   "is unchanged.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.yaml", "out.pdf"]
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF-1.4 the earlier one"
