"""The ledger under faults: failed writes, hand-made damage, files that are not ledgers,
two runs at once, and a large ledger read in bounded memory."""

from __future__ import annotations

import csv
import errno
import os
import subprocess
import sys
import textwrap
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, run

from postcards.evening import ledgerfile
from postcards.evening.ledger import HEADER, Entry, append, check_writable, read_ledger
from postcards.shared.errors import PostcardsError

ROWS = "date,prisoner,message,language,pack,text\n"
DAY = date(2026, 11, 29)
TEXT = "Здравствуйте, Людмила Юрьевна!\nЖелаю Вам здоровья, \"сил\".\nС теплом,"


def entry(pid: str = "chekina", message: str = "ru-walk", text: str = TEXT) -> Entry:
    return Entry(DAY, pid, message, "ru", None, text)


def row(pid: str = "chekina", message: str = "ru-walk", day: str = "2026-11-01") -> str:
    return f'{day},{pid},{message},ru,,"Здравствуйте!\nС теплом,"\n'


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def warnings(path: Path) -> list[str]:
    return [p.format("warning") for p in read_ledger(path).problems]


def half_then_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.write

    def write(fd: int, data: bytes) -> int:
        real(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)


def test_a_failed_write_is_undone_and_the_rows_to_add_are_listed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.csv"
    append(path, [entry()])
    before = path.read_bytes()
    half_then_full_disk(monkeypatch)
    with pytest.raises(PostcardsError) as caught:
        append(read_ledger(path), [entry("loika"), entry("zhuk", "ru-books")])
    assert path.read_bytes() == before
    assert caught.value.lines() == [
        f"{path}: the cards ARE printed, but the ledger could not record them (No space left on device); it is "
        "left as it was, with no half row; add these 2 rows at its end by hand once it can be written, or the "
        "next runs may repeat their messages:\n"
        f'2026-11-29,loika,ru-walk,ru,,"{TEXT.replace(chr(34), 2 * chr(34))}"\n'
        f'2026-11-29,zhuk,ru-books,ru,,"{TEXT.replace(chr(34), 2 * chr(34))}"']


def test_a_new_ledger_that_cannot_be_written_lists_its_header_too(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.csv"
    half_then_full_disk(monkeypatch)
    with pytest.raises(PostcardsError) as caught:
        append(read_ledger(path), [entry()])
    assert path.read_bytes() == b""
    assert "add these 1 rows (after the header line, for a new ledger) at its end" in str(caught.value)
    assert f"messages:\n{','.join(HEADER)}\n2026-11-29,chekina" in str(caught.value)


def test_a_cut_row_left_by_a_failed_undo_is_named_ignored_then_closed(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.csv"
    append(path, [entry()])
    with monkeypatch.context() as patch:
        half_then_full_disk(patch)

        real, ledger = os.ftruncate, path.stat().st_ino

        def cannot(fd: int, size: int) -> None:
            if os.fstat(fd).st_ino != ledger:  # filelock empties its lock file (4.1, on Python 3.10)
                return real(fd, size)
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        patch.setattr(os, "ftruncate", cannot)
        with pytest.raises(PostcardsError) as caught:
            append(path, [entry("loika", text="Привет!"), entry("zhuk")])
    assert ("it now ends with part of the rows below, the last one cut (the next run names it and ignores it): "
            "delete that part first") in str(caught.value)
    book = read_ledger(path)
    assert book.counts() == {"chekina": 1, "loika": 1}  # half the batch: one whole row, then the cut one
    assert [p.format("warning") for p in book.problems] == [
        f"{path}:6:1: warning: the last row is unfinished (a write cut short?): a quote (\") is opened and never "
        "closed; it is ignored, and closed as it is when rows are next added; mend or delete it"]
    append(book, [entry("novik")])
    assert [r["prisoner"] for r in csv_rows(path)] == ["chekina", "loika", "zhuk", "novik"]  # any CSV reader
    assert read_ledger(path).counts() == {"chekina": 1, "loika": 1, "zhuk": 1, "novik": 1}  # closed, it counts


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_fails_cleanly_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    append(path, [entry()])
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from datetime import date
        from pathlib import Path
        from postcards.evening.ledger import Entry, append
        from postcards.shared.errors import PostcardsError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({len(before) + 100}, {len(before) + 100}))
        try:
            append(Path(sys.argv[1]), [Entry(date(2026, 11, 29), "loika", "ru-walk", "ru", None, "x" * 500)])
        except PostcardsError as err:
            print(err)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    assert "could not record them (File too large); it is left as it was" in done.stdout
    assert path.read_bytes() == before


def test_a_stray_quote_costs_one_row_and_the_rest_still_counts(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + row("a") + '2026-11-01,b,ru-walk,ru,,"unclosed by hand\n' + row("c") + row("d"),
                    encoding="utf-8")
    book = read_ledger(path)
    assert book.counts() == {"a": 1, "c": 1, "d": 1}
    assert [p.format("warning") for p in book.problems] == [
        f"{path}:4:1: warning: not readable CSV (',' expected after '\"'); the line is skipped and left as it is; "
        "mend or delete the line"]
    append(book, [entry("e")])
    assert read_ledger(path).counts() == {"a": 1, "c": 1, "d": 1, "e": 1}


def test_a_field_over_the_csv_limit_is_one_skipped_line(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + row("a") + f"2026-11-01,b,ru-walk,ru,,{'x' * 300_000}\n" + row("c"), encoding="utf-8")
    assert read_ledger(path).counts() == {"a": 1, "c": 1}
    assert warnings(path) == [f"{path}:4:1: warning: longer than 128 KB, which no card's row is; the line is "
                              "skipped and left as it is; mend or delete the line"]


def test_a_pack_that_is_a_digit_but_not_a_number_is_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + "2026-11-01,a,ru-walk,ru,²,Привет\n" + row("c"), encoding="utf-8")
    assert read_ledger(path).counts() == {"c": 1}
    assert warnings(path) == [f"{path}:2:1: warning: pack '²' is not a writer's number; the line is skipped and "
                              "left as it is; mend or delete the line"]


def test_many_bad_lines_are_reported_twenty_then_counted(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + "oops\n" * 50 + row("c"), encoding="utf-8")
    found = warnings(path)
    assert len(found) == 21 and found[19].startswith(f"{path}:21:1: warning: 1 fields")
    assert found[20] == (f"{path}:22:1: warning: and 30 more lines that cannot be read, up to line 51, skipped "
                         "like those above; mend or delete them")


@pytest.mark.parametrize("blank", ["", "\n", "  \n\n\t\n", "   "])
def test_a_file_of_blank_space_is_an_empty_ledger(tmp_path: Path, blank: str) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(blank, encoding="utf-8")
    book = read_ledger(path)
    assert book.problems == () and book.cards == 0
    append(book, [entry()])
    assert path.read_text(encoding="utf-8").startswith(ROWS + "2026-11-29,chekina,")
    assert read_ledger(path).counts() == {"chekina": 1}


def test_a_last_line_without_its_newline_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + row("a").rstrip("\n"), encoding="utf-8")
    book = read_ledger(path)
    assert book.problems == () and book.counts() == {"a": 1}
    append(book, [entry("b")])
    assert [r["prisoner"] for r in csv_rows(path)] == ["a", "b"]


def test_a_row_cut_before_its_text_is_closed_by_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + row("a") + "2026-11-01,b,ru-wa", encoding="utf-8")
    assert warnings(path) == [f"{path}:4:1: warning: the last row is unfinished (a write cut short?): 3 fields, "
                              "expected 6 (date,prisoner,message,language,pack,text); it is ignored, and closed as it "
                              "is when rows are next added; mend or delete it"]
    append(read_ledger(path), [entry("c")])
    assert path.read_text(encoding="utf-8").endswith('2026-11-01,b,ru-wa\n2026-11-29,c,ru-walk,ru,,"'
                                                     f'{TEXT.replace(chr(34), 2 * chr(34))}"\n')
    assert read_ledger(path).counts() == {"a": 1, "c": 1}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("special", ["/dev/null", "directory", "fifo"])
def test_what_is_not_a_regular_file_is_refused_unread(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "directory":
        path = tmp_path
    elif special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        path = tmp_path / "sent.csv"
        os.mkfifo(path)  # opening it for reading must not wait for a writer
    kind = {"/dev/null": "a device", "directory": "a directory", "fifo": "a pipe"}[special]
    message = (f"{path}: is {kind}, not a ledger file (a run with it would record nothing); give a file name "
               "with --ledger, e.g. sent.csv, or add --no-ledger")
    for call in (read_ledger, check_writable):
        with pytest.raises(PostcardsError) as caught:
            call(path)
        assert caught.value.lines() == [message]


def test_a_ledger_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS + "x" * (2**21 + 10), encoding="utf-8")
    monkeypatch.setattr(ledgerfile, "MAX_BYTES", 2**20)
    for call in (read_ledger, check_writable):
        with pytest.raises(PostcardsError) as caught:
            call(path)
        assert caught.value.lines() == [
            f"{path}: the ledger is 2 MB, over the 1 MB a ledger may be; move its older rows to an archive file "
            "and keep the recent ones, or choose another file with --ledger FILE, or add --no-ledger"]


def test_reading_keeps_counts_not_texts(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(ROWS)
        for i in range(60_000):
            handle.write(f'2026-11-{1 + i % 28:02d},p{i % 300},ru-m{i % 40},ru,,"{TEXT.replace(chr(34), "")} {i}"\n')
    assert path.stat().st_size > 8_000_000
    tracemalloc.start()
    try:
        book = read_ledger(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert book.cards == 60_000 and book.received()["p7"] == {f"ru-m{i % 40}" for i in range(7, 60_000, 300)}
    assert peak < 4_000_000  # a few chunks of the file and the counts, whatever its length


def test_two_runs_appending_at_once_write_one_header_and_whole_rows(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    script = textwrap.dedent("""
        import sys
        from datetime import date
        from pathlib import Path
        from postcards.evening.ledger import Entry, append, read_ledger
        path, who = Path(sys.argv[1]), sys.argv[2]
        for batch in range(60):
            rows = [Entry(date(2026, 11, 29), who, f"ru-{batch}-{n}", "ru", None, "Здравствуйте!\\n" * 40)
                    for n in range(3)]
            append(read_ledger(path), rows)
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script, str(path), who]) for who in ("a", "b", "c")]
    assert [p.wait(timeout=120) for p in runs] == [0, 0, 0]
    assert path.read_text(encoding="utf-8").count("date,prisoner") == 1
    book = read_ledger(path)
    assert book.problems == () and book.counts() == {"a": 180, "b": 180, "c": 180}
    assert all(len(ids) == 180 for ids in book.received().values())


def people_file(tmp_path: Path) -> Path:
    return data_file(tmp_path, prisoner_yaml("p0", "Чекина Анна Юрьевна"), name="prisoners.yaml")


@pytest.mark.parametrize("content", [b"%PDF-1.4\n%\xff\n", b"id,name\np0,x\n"])
def test_make_stops_before_printing_when_the_file_is_not_a_ledger(runner: CliRunner, in_tmp: Path,
                                                                  content: bytes) -> None:
    data = people_file(in_tmp)
    (in_tmp / "notes.csv").write_bytes(content)
    result = run(runner, "make", data, "--ledger", "notes.csv", "--today", "2026-06-01")
    assert result.exit_code == 1 and not (in_tmp / "postcards.pdf").exists()
    assert result.stderr.startswith("notes.csv:1:1: the file ")
    assert result.stderr.endswith("so it is not a ledger; choose another file with --ledger FILE, or add "
                                  "--no-ledger\n")
    assert (in_tmp / "notes.csv").read_bytes() == content
    without = run(runner, "make", data, "--no-ledger", "--today", "2026-06-01")
    assert without.exit_code == 0 and (in_tmp / "postcards.pdf").exists()


def test_make_with_dev_null_as_the_ledger_is_refused(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", people_file(in_tmp), "--ledger", "/dev/null", "--today", "2026-06-01")
    assert result.exit_code == 1 and not (in_tmp / "postcards.pdf").exists()
    assert result.stderr == ("error: /dev/null: is a device, not a ledger file (a run with it would record "
                             "nothing); give a file name with --ledger, e.g. sent.csv, or add --no-ledger\n")


def test_make_says_the_cards_are_printed_when_the_ledger_is_full(runner: CliRunner, in_tmp: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data = people_file(in_tmp)
    (in_tmp / "sent.csv").write_text(ROWS, encoding="utf-8")
    half_then_full_disk(monkeypatch)
    result = run(runner, "make", data, "--today", "2026-06-01")
    assert result.exit_code == 1 and (in_tmp / "postcards.pdf").exists()
    assert result.stderr.startswith(f"error: {in_tmp / 'sent.csv'}: the cards ARE printed, but the ledger could "
                                    "not record them (No space left on device)")
    assert "\n2026-06-01,p0," in result.stderr
    assert (in_tmp / "sent.csv").read_text(encoding="utf-8") == ROWS
