"""The ledger: read, appended to, never rewritten; bad lines reported with their numbers."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from postcards.evening.ledger import (
    HEADER,
    Entry,
    append,
    check_writable,
    default_path,
    export,
    read_ledger,
    totals,
    unknown_prisoners,
)
from postcards.shared.errors import PostcardsError

ROWS = "date,prisoner,message,language,pack,text\n"
DAY = date(2026, 11, 29)


def entry(pid: str = "chekina", message: str = "ru-walk", pack: int | None = None, text: str = "Здравствуйте!") -> Entry:
    return Entry(DAY, pid, message, "ru", pack, text)


def test_rows_round_trip_with_multiline_text_and_a_header_once(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    append(path, [entry(text="Здравствуйте, Людмила Юрьевна!\nЖелаю Вам здоровья, \"сил\".\nС теплом,")])
    append(path, [entry("loika", "ru-books", pack=3)])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(HEADER) and lines.count(",".join(HEADER)) == 1
    assert lines[1] == '2026-11-29,chekina,ru-walk,ru,,"Здравствуйте, Людмила Юрьевна!'
    book = read_ledger(path)
    assert book.problems == () and book.appendable
    entries = list(book.entries)
    assert [(e.prisoner, e.message, e.pack, e.line) for e in entries] == [
        ("chekina", "ru-walk", None, 2), ("loika", "ru-books", 3, 5)]
    assert entries[0].text == "Здравствуйте, Людмила Юрьевна!\nЖелаю Вам здоровья, \"сил\".\nС теплом,"
    assert book.received() == {"chekina": frozenset({"ru-walk"}), "loika": frozenset({"ru-books"})}
    assert book.counts() == {"chekina": 1, "loika": 1}


def test_a_bad_line_is_reported_with_its_number_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    original = (ROWS + "2026-11-01,chekina,ru-walk,ru,,Привет\n"
                "yesterday,chekina,ru-walk,ru,,Привет\n"
                "2026-11-01,loika,ru-walk\n"
                "2026-11-01,loika,ru-walk,de,,Hallo\n"
                "2026-11-01,loika,ru-walk,ru,two,Привет\n\n"
                "2026-11-02,loika,ru-books,be,1,Прывітанне")  # no newline at the end
    path.write_text(original, encoding="utf-8")
    book = read_ledger(path)
    assert [e.line for e in book.entries] == [2, 8]
    assert [p.format("warning") for p in book.problems] == [
        f"{path}:3:1: warning: 'yesterday' is not a date YYYY-MM-DD; the line is skipped and left as it is; mend or delete the line",
        f"{path}:4:1: warning: 3 fields, expected 6 (date,prisoner,message,language,pack,text); the line is skipped and "
        "left as it is; mend or delete the line",
        f"{path}:5:1: warning: language 'de' is not ru or be; the line is skipped and left as it is; mend or delete the line",
        f"{path}:6:1: warning: pack 'two' is not a writer's number; the line is skipped and left as it is; mend or delete "
        "the line"]
    append(path, [entry()])
    after = path.read_text(encoding="utf-8")
    assert after.startswith(original + "\n")  # nothing changed; the last line was ended first
    assert [e.prisoner for e in read_ledger(path).entries][-1] == "chekina"


@pytest.mark.parametrize(("content", "line", "what"), [
    (b"%PDF-1.4 binary \xff\xfe", 1, "is not UTF-8 text"),
    (b"%PDF-1.4\n%\xff\xfe\n", 1, "does not start with the header date,prisoner,message,language,pack,text"),
    ("\n\nid,name\nchekina,Чекина\n".encode(), 3, "does not start with the header "
                                                 "date,prisoner,message,language,pack,text"),
])
def test_a_file_that_is_not_a_ledger_is_refused_before_anything_is_printed(tmp_path: Path, content: bytes,
                                                                           line: int, what: str) -> None:
    path = tmp_path / "sent.csv"
    path.write_bytes(content)
    with pytest.raises(PostcardsError) as caught:
        read_ledger(path)
    assert caught.value.lines() == [f"{path}:{line}:1: the file {what}, so it is not a ledger; choose another "
                                    "file with --ledger FILE, or add --no-ledger"]
    assert path.read_bytes() == content


def test_unknown_ids_are_warned_once_each_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    append(path, [entry("gone"), entry("chekina"), entry("gone", "ru-books")])
    book = read_ledger(path)
    assert [p.format("warning") for p in unknown_prisoners(book, ["chekina"])] == [
        f"{path}:2:1: warning: prisoner 'gone' is not in the data file; kept as it is; fine for someone released or "
        "removed from the list"]
    assert book.counts()["gone"] == 2


def test_an_unwritable_ledger_fails_before_anything_is_printed(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(ROWS, encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *_: False)  # as for a read-only file (root may write anywhere)
    with pytest.raises(PostcardsError) as caught:
        check_writable(path)
    assert caught.value.lines() == [f"{path}: the ledger is not writable; fix its permissions, choose "
                                    "another with --ledger FILE, or add --no-ledger"]


def test_a_ledger_in_a_missing_directory_or_on_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError) as caught:
        check_writable(tmp_path / "no" / "sent.csv")
    assert caught.value.lines() == [f"{tmp_path / 'no' / 'sent.csv'}: cannot create the ledger in "
                                    f"{tmp_path / 'no'}; choose a writable place with --ledger FILE, or add --no-ledger"]
    with pytest.raises(PostcardsError):
        check_writable(tmp_path)
    check_writable(tmp_path / "new.csv")  # may be created: no error


def test_the_default_ledger_is_sent_csv_beside_the_data_when_it_exists(tmp_path: Path) -> None:
    data = tmp_path / "prisoners.yaml"
    assert default_path(data) is None and default_path(None) is None
    (tmp_path / "sent.csv").write_text(ROWS, encoding="utf-8")
    assert default_path(data) == tmp_path / "sent.csv"


def test_totals_list_everyone_asked_for_then_the_rest() -> None:
    rows = [entry("b"), entry("x"), Entry(date(2026, 12, 5), "b", "be-walk", "be", 2, "Прывітанне")]
    found = totals(rows, ["a", "b"])
    assert [(t.prisoner, t.cards, t.last, t.languages) for t in found] == [
        ("a", 0, None, ()), ("b", 2, date(2026, 12, 5), ("be", "ru")), ("x", 1, DAY, ("ru",))]


def test_export_writes_every_card_per_person_oldest_first(tmp_path: Path) -> None:
    rows = [Entry(date(2026, 12, 5), "b", "be-walk", "be", 2, "Прывітанне!\nЗ цеплынёй,", 3),
            Entry(DAY, "b", "ru-walk", "ru", None, "Здравствуйте!\nС теплом,", 2)]
    keep = tmp_path / "out" / "notes.txt"
    keep.parent.mkdir()
    keep.write_text("mine", encoding="utf-8")
    written = export(rows, tmp_path / "out", {"b": "Boris Zhuk (Жук Борис Ильич), b"})
    assert written == [tmp_path / "out" / "b.txt"]
    assert written[0].read_text(encoding="utf-8") == (
        "Boris Zhuk (Жук Борис Ильич), b\nCards sent: 2\n\n"
        "--- 2026-11-29, ru, message ru-walk\nЗдравствуйте!\nС теплом,\n\n"
        "--- 2026-12-05, be, message be-walk, pack 2\nПрывітанне!\nЗ цеплынёй,\n")
    assert keep.read_text(encoding="utf-8") == "mine"
