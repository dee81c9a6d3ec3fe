"""The organiser's commands through the CLI: filters on make, the ledger, birthdays, event packs."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import MM, as_dict, data_file, prisoner_yaml, read_runs, reader, run

from postcards.layout import fonts
from postcards.layout.pages import PAGE_MARGIN_MM, SMALL_PAGE_MARGIN_MM
from postcards.layout.sheet import papers

SUMMER = "2026-06-01"  # cards arrive 2026-06-22: general messages, no season


def people(tmp_path: Path, count: int = 5) -> Path:
    names = ["Чекина Анна Юрьевна", "Жук Борис Ильич", "Лойко Вера Юрьевна", "Новик Глеб Ильич",
             "Седых Дмитрий Ильич", "Ковалёва Дарья Сергеевна", "Мельников Павел Викторович"]
    items = [prisoner_yaml(f"p{i}", names[i % len(names)],
                           f"institution: {'IK-4' if i % 2 else 'IK-9'}\nverified: 2026-05-01\n"
                           + ("tags: [women]\n" if names[i % len(names)].endswith("на") else ""))
             for i in range(count)]
    return data_file(tmp_path, *items, name="prisoners.yaml")


def make(runner: CliRunner, *args: str | Path) -> Result:
    return run(runner, "make", "--today", SUMMER, *args)


def ledger_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_filters_choose_the_cards(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp)
    result = make(runner, data, "--tag", "women", "--institution", "IK-9", "--exclude", "p4")
    assert result.exit_code == 0, result.stderr
    addresses = [r.text for r in read_runs(in_tmp / "postcards.pdf") if r.text.startswith(("Чекин", "Лойко"))]
    assert addresses == ["Чекиной Анне Юрьевне", "Лойко Вере Юрьевне"]  # p0 and p2: women at IK-9


def test_a_selection_that_matches_nobody_writes_nothing(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp)
    result = make(runner, data, "--born-within", "10")
    assert result.exit_code == 1
    assert result.stderr == (f"error: no one to make cards for: nobody in {data} matches the filters; loosen "
                             "them; `postcards list` with the same filters shows who matches\n")
    assert not (in_tmp / "postcards.pdf").exists()


def test_the_ledger_records_each_card_after_the_pdf_and_avoids_repeats(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 2)
    first = make(runner, data, "--ledger", "sent.csv")
    assert first.exit_code == 0, first.stderr
    assert "Added 2 cards to the ledger sent.csv." in first.stderr
    rows = ledger_rows(in_tmp / "sent.csv")
    assert [(r["date"], r["prisoner"], r["language"], r["pack"]) for r in rows] == [
        (SUMMER, "p0", "ru", ""), (SUMMER, "p1", "ru", "")]
    assert rows[0]["text"].startswith("Здравствуйте, Анна Юрьевна!\n")
    second = make(runner, data)  # sent.csv beside the data is now the default ledger
    assert second.exit_code == 0, second.stderr
    rows = ledger_rows(in_tmp / "sent.csv")
    assert len(rows) == 4
    for pid in ("p0", "p1"):
        assert len({r["message"] for r in rows if r["prisoner"] == pid}) == 2  # a new message each time


def test_a_failed_run_adds_nothing_to_the_ledger(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 2)
    make(runner, data, "--ledger", "sent.csv")
    before = (in_tmp / "sent.csv").read_bytes()
    result = make(runner, data, "--message", "be-walk")  # nobody has Belarusian name forms
    assert result.exit_code == 1
    assert (in_tmp / "sent.csv").read_bytes() == before


def test_an_unwritable_ledger_is_refused_before_printing(runner: CliRunner, in_tmp: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = people(in_tmp, 2)
    (in_tmp / "sent.csv").write_text("date,prisoner,message,language,pack,text\n", encoding="utf-8")
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK and real(path, mode, **kw))
    result = make(runner, data)
    assert result.exit_code == 1
    assert result.stderr == (f"error: {in_tmp / 'sent.csv'}: the ledger is not writable; fix its permissions, choose another "
                             "with --ledger FILE, or add --no-ledger\n")
    assert not (in_tmp / "postcards.pdf").exists()


def test_a_broken_ledger_warns_and_the_cards_are_still_made(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 2)
    (in_tmp / "sent.csv").write_text("date,prisoner,message,language,pack,text\n2026-01-01,nobody,ru-walk,ru,,x\n"
                                     "oops\n", encoding="utf-8")
    result = make(runner, data)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    ledger = in_tmp / "sent.csv"
    assert lines[:2] == [
        f"{ledger}:3:1: warning: 1 fields, expected 6 (date,prisoner,message,language,pack,text); the line is "
        "skipped and left as it is; mend or delete the line",
        f"{ledger}:2:1: warning: prisoner 'nobody' is not in the data file; kept as it is; fine for someone "
        "released or removed from the list"]
    assert len(ledger_rows(in_tmp / "sent.csv")) == 4  # the two old rows (one unreadable) and two new


NOT_LEDGERS = {
    "wrong header": ("id,name\nchekina,Чекина\n".encode(),
                     "does not start with the header date,prisoner,message,language,pack,text"),
    "not UTF-8": ("Дата,Кому\n01.06.2026,Чекиной\n".encode("cp1251"), "is not UTF-8 text"),
}


def make_or_event(runner: CliRunner, command: str, data: Path, *args: str) -> Result:
    if command == "event":
        return run(runner, "event", data, "--writers", "2", "--today", SUMMER, *args)
    return run(runner, "make", data, "--today", SUMMER, *args)


@pytest.mark.parametrize("given", [True, False], ids=["--ledger", "sent.csv beside the data"])
@pytest.mark.parametrize("command", ["make", "event"])
@pytest.mark.parametrize("case", NOT_LEDGERS)
def test_a_file_that_is_not_a_ledger_is_never_added_to(runner: CliRunner, in_tmp: Path, case: str, command: str,
                                                       given: bool) -> None:
    data = people(in_tmp, 2)
    path = in_tmp / ("notes.csv" if given else "sent.csv")
    content = NOT_LEDGERS[case][0]
    path.write_bytes(content)
    result = make_or_event(runner, command, data, *(["--ledger", path.name] if given else []))
    assert path.name in result.stderr  # the run got as far as the ledger
    assert path.read_bytes() == content


@pytest.mark.parametrize("command", ["make", "event"])
@pytest.mark.parametrize("case", NOT_LEDGERS)
def test_a_file_that_is_not_a_ledger_is_refused_before_printing(runner: CliRunner, in_tmp: Path, case: str,
                                                                command: str) -> None:
    content, what = NOT_LEDGERS[case]
    (in_tmp / "notes.csv").write_bytes(content)
    result = make_or_event(runner, command, people(in_tmp, 2), "--ledger", "notes.csv")
    assert result.exit_code == 1
    assert result.stderr == (f"notes.csv:1:1: the file {what}, so it is not a ledger; choose another file "
                             "with --ledger FILE, or add --no-ledger\n")
    assert sorted(p.name for p in in_tmp.iterdir()) == ["notes.csv", "prisoners.yaml"]


def test_fewest_first_gives_a_short_evening_to_those_missed(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 4)
    make(runner, data, "--ledger", "sent.csv", "--cards", "2")  # p0, p1
    result = make(runner, data, "--cards", "2", "--fewest-first")
    assert result.exit_code == 0, result.stderr
    assert "Skipped 2 people: 2 over the card limit: another evening (p0, p1)." in result.stderr
    assert [r["prisoner"] for r in ledger_rows(in_tmp / "sent.csv")] == ["p0", "p1", "p2", "p3"]


def test_fewest_first_needs_a_limit(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, people(in_tmp), "--fewest-first")
    assert result.exit_code == 2 and "--fewest-first chooses who gets the cards of a limited evening" in result.stderr


def test_event_packs_are_balanced_and_start_on_their_own_sheets(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 7)
    result = run(runner, "event", data, "--writers", "3", "--today", SUMMER,
                 "--ledger", "sent.csv")
    assert result.exit_code == 0, result.stderr
    pages = [page.extract_text() for page in reader(in_tmp / "event.pdf").pages]
    assert pages[0].startswith("Letter-writing evening, 2026-06-01: organiser's summary")
    assert "Tonight: 7 cards in 3 packs of 3 or 2 cards." in pages[0]
    covers = [i for i, text in enumerate(pages) if text.startswith("Writer ")]
    assert [pages[i].split("\n")[0] for i in covers] == [
        "Writer 1 of 3: 3 cards, for", "Writer 2 of 3: 2 cards, for", "Writer 3 of 3: 2 cards, for"]
    # each pack: cover, one sheet of cards, its crib
    assert covers == [1, 4, 7] and len(pages) == 10
    assert all(pages[i + 2].startswith("WRITER'S CRIB") for i in covers)
    assert [r["pack"] for r in ledger_rows(in_tmp / "sent.csv")] == ["1", "1", "1", "2", "2", "3", "3"]
    assert result.stderr.splitlines()[-1].startswith(
        "Wrote event.pdf: 7 cards on 3 sheets (a4) and 7 other pages (summary, covers, cribs; never post them), "
        "10 pages in all, ")


def test_more_writers_than_cards_leaves_packs_empty_and_says_so(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 2)
    result = run(runner, "event", data, "--writers", "4", "--today", SUMMER, "--no-crib")
    assert result.exit_code == 0, result.stderr
    assert "note: 4 writers for 2 cards: writers 3-4 get no pack." in result.stderr
    text = reader(in_tmp / "event.pdf").pages[0].extract_text()
    assert "No cards for writers 3-4: more writers than cards." in text


def test_event_needs_writers(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "event", people(in_tmp), "--writers", "0")
    assert result.exit_code == 2 and "Invalid value for '--writers': 0 is not in the range 1<=x<=1000." in result.stderr


def test_cards_per_writer_caps_the_evening(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 7)
    result = run(runner, "event", data, "--writers", "2", "--cards-per-writer", "2", "--today", SUMMER)
    assert result.exit_code == 0, result.stderr
    assert "Skipped 3 people: 3 over the card limit: another evening (p4, p5, p6)." in result.stderr
    summary = reader(in_tmp / "event.pdf").pages[0].extract_text()
    assert "Writer 1 (2): Anna Chekina (p0); Boris Zhuk (p1)" in summary


def test_birthdays_lists_who_a_card_can_reach_in_time(runner: CliRunner, in_tmp: Path) -> None:
    data = data_file(in_tmp,
                     prisoner_yaml("late", "Жук Борис Ильич", "institution: IK-4\nborn: 1980-06-10"),
                     prisoner_yaml("soon", "Седых Дмитрий Ильич", "institution: IK-4\nborn: 1990-06-30"),
                     prisoner_yaml("day", "Лойко Вера Юрьевна", "institution: IK-9\nborn: --06-22"),
                     prisoner_yaml("free", "Новик Глеб Ильич", "institution: IK-4\nborn: --06-25\nstatus: released"))
    result = run(runner, "birthdays", data, "--today", SUMMER, "--within", "10")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "BIRTHDAY    POST BY     TURNS  ID    NAME                                 INSTITUTION",
        "2026-06-22  2026-06-01         day   Vera Loyko (Лойко Вера Юрьевна)      IK-9",
        "2026-06-30  2026-06-09  36     soon  Dmitry Sedykh (Седых Дмитрий Ильич)  IK-4"]
    assert result.stderr == "2 birthdays from 2026-06-22 (a card posted 2026-06-01 arrives) to 2026-07-02.\n"
    as_json = run(runner, "birthdays", data, "--today", SUMMER, "--within", "10", "--json")
    assert '"post_by": "2026-06-09",\n    "turns": 36' in as_json.stdout
    made = make(runner, data, "--born-within", "10", "--no-ledger")
    assert "2 cards" in made.stderr  # the same people


def test_the_ledger_command_totals_and_exports(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 3)
    make(runner, data, "--ledger", "sent.csv", "--only", "p0")
    make(runner, data, "--only", "p0", "--only", "p1")
    result = run(runner, "ledger", data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ID  PRINTED  POSTED  RETURNED  LAST        LANGUAGES",
        "p0  2        0       0         2026-06-01  ru",
        "p1  1        0       0         2026-06-01  ru",
        "p2  0        0       0"]
    assert result.stderr == f"{in_tmp / 'sent.csv'}: 3 cards to 2 people; 1 imprisoned in {data} had none.\n"
    later = run(runner, "ledger", data, "--since", "2026-07-01")
    assert "0 cards to 0 people since 2026-07-01" in later.stderr
    exported = run(runner, "ledger", data, "--export", "archive")
    assert exported.exit_code == 0 and "Wrote 2 files to archive." in exported.stderr
    text = (in_tmp / "archive" / "p0.txt").read_text(encoding="utf-8")
    assert text.startswith("Anna Chekina (Чекина Анна Юрьевна), p0\nCards sent: 2\n\n--- 2026-06-01, ru, message ")
    assert text.count("Здравствуйте, Анна Юрьевна!") == 2


def test_the_ledger_command_without_a_ledger(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 1)
    result = run(runner, "ledger", data)
    assert result.exit_code == 1
    assert result.stderr == (f"error: no ledger beside {data}; give its path with --ledger FILE; `make` and "
                             "`event` start one when you give them --ledger FILE\n")


def test_list_shows_whom_the_filters_choose(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "list", people(in_tmp), "--tag", "women")
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["ID", "p0", "p2"]
    assert result.stderr == "2 prisoners of 5 match.\n"


def test_fewest_first_without_a_ledger_says_what_it_does(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, people(in_tmp, 3), "--cards", "1", "--fewest-first")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("warning: --fewest-first has no ledger rows to go by: the cards go in "
                                    "data-file order; the ledger fills as you print; give --ledger FILE to start one\n")
    assert "Skipped 2 people: 2 over the card limit: another evening (p1, p2)." in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, people(in_tmp, 70), "--copies", "3", "--no-ledger")  # 210 cards
    assert result.exit_code == 0, result.stderr
    assert "Drawing cards" not in result.stderr and "210 cards on 53 sheets" in result.stderr


@pytest.mark.parametrize("paper", ["a4", "a6"])
def test_summary_and_cover_text_stays_inside_the_page(runner: CliRunner, in_tmp: Path, paper: str) -> None:
    long_about = "about: " + "A very long description of a person's life and work, " * 6
    data = data_file(in_tmp, *(prisoner_yaml(f"p{i}", "Константинопольская Александра Константиновна",
                                             f"institution: IK-4\n{long_about}") for i in range(30)))
    result = run(runner, "event", data, "--writers", "2", "--no-crib", "--paper", paper, "--today", SUMMER)
    assert result.exit_code == 0, result.stderr
    spec = papers()[paper]
    margin = SMALL_PAGE_MARGIN_MM if spec.per_sheet == 1 else PAGE_MARGIN_MM
    runs = read_runs(in_tmp / "event.pdf")
    text_pages = {r.page for r in runs if r.text.startswith(("Letter-writing evening", "Writer "))}
    assert len(text_pages) >= 3
    pages = [page.extract_text() for page in reader(in_tmp / "event.pdf").pages]
    text_pages |= {i for i, text in enumerate(pages) if "REPUBLIC OF BELARUS" not in text}
    for r in (r for r in runs if r.page in text_pages):
        assert r.x / MM >= margin - 0.01 and (r.x / MM + fonts.text_width(r.text, r.size) / MM
                                              <= spec.page_width_mm - margin + 0.01), r
        assert margin - 0.01 <= r.y / MM <= spec.page_height_mm - margin, r


def test_people_chosen_for_a_birthday_get_a_birthday_card(runner: CliRunner, in_tmp: Path) -> None:
    # 2026-06-01 + 21 days: cards arrive 06-22; a birthday 40 days later is past the usual window
    data = data_file(in_tmp, prisoner_yaml("later", "Жук Борис Ильич", "institution: IK-4\nborn: --08-01"))
    make(runner, data, "--ledger", "plain.csv")
    make(runner, data, "--born-within", "45", "--ledger", "chosen.csv")
    assert "birthday" not in ledger_rows(in_tmp / "plain.csv")[0]["message"]
    assert "birthday" in ledger_rows(in_tmp / "chosen.csv")[0]["message"]


def test_the_summary_names_the_skipped_and_the_addresses_to_check(runner: CliRunner, in_tmp: Path) -> None:
    data = data_file(in_tmp,
                     prisoner_yaml("old", "Жук Борис Ильич", "institution: IK-4\nverified: 2024-01-10"),
                     prisoner_yaml("new", "Седых Дмитрий Ильич", "institution: IK-9\nverified: 2026-05-01"),
                     prisoner_yaml("free", "Новик Глеб Ильич", "institution: IK-4\nstatus: released"))
    result = run(runner, "event", data, "--writers", "1", "--today", SUMMER,
                 "--stale-after", "200")
    assert result.exit_code == 0, result.stderr
    summary = reader(in_tmp / "event.pdf").pages[0].extract_text()
    assert ("Check before posting: 1 address not verified in the last 200 days\n"
            "Boris Zhuk (Жук Борис Ильич), IK-4: the address was last verified 2024-01-10 (873 days ago)") in summary
    assert "Skipped: 1 person gets no card tonight\nGleb Novik (Новик Глеб Ильич), IK-4: released" in summary
    assert "Writer 1 (2): Boris Zhuk (old); Dmitry Sedykh (new)" in summary


def test_stale_after_reaches_the_terminal_summary_too(runner: CliRunner, in_tmp: Path) -> None:
    data = data_file(in_tmp, prisoner_yaml("old", "Жук Борис Ильич", "institution: IK-4\nverified: 2025-10-01"))
    result = run(runner, "event", data, "--writers", "1", "--today", SUMMER,
                 "--stale-after", "200")
    assert result.exit_code == 0, result.stderr
    assert "Check before posting: 1 address not verified in the last 200 days" in (
        reader(in_tmp / "event.pdf").pages[0].extract_text())
    assert result.stderr.splitlines()[-1] == (
        "1 address not verified in the last 200 days: check them at prisoners.spring96.org before posting "
        "(`postcards check`).")
    made = make(runner, data)
    assert "not verified" not in made.stderr  # 243 days: fresh enough by make's default of a year


def test_the_ledger_command_as_json_and_its_bad_inputs(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 2)
    make(runner, data, "--ledger", "sent.csv", "--only", "p1")
    as_json = run(runner, "ledger", data, "--json")
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == [
        {"id": "p0", "cards": 0, "printed": 0, "posted": 0, "returned": 0, "last": None, "languages": []},
        {"id": "p1", "cards": 1, "printed": 1, "posted": 0, "returned": 0, "last": SUMMER, "languages": ["ru"]}]
    (in_tmp / "afile").write_text("", encoding="utf-8")
    blocked = run(runner, "ledger", data, "--export", "afile/archive")
    assert blocked.exit_code == 1
    assert blocked.stderr.startswith("error: afile/archive: cannot create the directory: ")
    assert blocked.stderr.endswith("; choose a directory you can write to\n")
    since = run(runner, "ledger", data, "--since", "yesterday")
    assert since.exit_code == 2 and "Invalid value for --since: 'yesterday' is not a date YYYY-MM-DD" in since.stderr


def test_an_event_pdf_is_reproducible_with_embedded_fonts_only(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 5)
    for name in ("one.pdf", "two.pdf"):
        result = run(runner, "event", data, "--writers", "2", "--today", SUMMER,
                     "-o", name)
        assert result.exit_code == 0, result.stderr
    pdf = (in_tmp / "one.pdf").read_bytes()
    assert pdf == (in_tmp / "two.pdf").read_bytes()
    assert str(in_tmp).encode() not in pdf and b"Helvetica" not in pdf
    for page in reader(pdf).pages:
        for font in as_dict(as_dict(page["/Resources"])["/Font"]).values():
            font = font.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+PTSans-Regular", font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize(("lang", "summary", "cover", "crib"), [
    ("de", "Briefschreibabend, 2026-06-01: Übersicht für die Organisation", "Schreibende/r 1 von 3: 3 Karten, für",
     "SPICKZETTEL"),
    ("pl", "Wieczór pisania listów, 2026-06-01: podsumowanie dla organizatora", "Piszący 1 z 3: 3 kartki, dla",
     "ŚCIĄGA DLA PISZĄCEGO"),
    ("lt", "Laiškų rašymo vakaras, 2026-06-01: organizatoriaus suvestinė",
     "Rašantysis 1 iš 3: 3 atvirukai, kam", "RAŠANČIOJO ATMINTINĖ"),
])
def test_crib_lang_writes_the_summary_covers_and_cribs_in_the_writers_language(
        runner: CliRunner, in_tmp: Path, lang: str, summary: str, cover: str, crib: str) -> None:
    result = run(runner, "event", people(in_tmp, 7), "--writers", "3", "--today", SUMMER, "--crib-lang", lang)
    assert result.exit_code == 0, result.stderr
    pages = [page.extract_text() for page in reader(in_tmp / "event.pdf").pages]
    assert pages[0].startswith(summary)
    covers = [i for i, text in enumerate(pages) if text.startswith(cover.split(" ")[0] + " ")]
    assert pages[covers[0]].split("\n")[0] == cover
    assert covers == [1, 4, 7] and all(pages[i + 2].startswith(crib) for i in covers)
