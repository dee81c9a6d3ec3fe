"""Cards marked posted and returned: state rows added to the ledger, counted per person and per
pack, and read safely by the version of the tool that knew no states."""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import sys
import tracemalloc
import types
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postcards.evening.ledger import Entry, append, read_ledger, totals
from postcards.evening.ledgermark import Chosen, described, group_totals, mark_cards, status_changes
from postcards.shared.errors import PostcardsError

OLD = Path(__file__).parent / "data" / "old_ledger"
PRINTED = date(2026, 3, 1)
POSTED = date(2026, 3, 2)
HEADER = "date,prisoner,message,language,pack,text\n"


def card(pid: str, message: str, pack: int | None = None, day: date = PRINTED) -> Entry:
    return Entry(day, pid, message, "ru", pack, f"Здравствуйте!\nКарточка {message}, \"с теплом\".")


def evening(path: Path) -> None:
    """Two packs of an evening on 03-01, and a `make` run on 03-05."""
    append(path, [card("chekina", "ru-walk", 1), card("loika", "ru-books", 1),
                  card("chekina", "ru-tea", 2), card("zolatava", "ru-walk", 2)])
    append(path, [card("loika", "ru-tea", None, date(2026, 3, 5))])


@functools.cache
def old_version() -> types.ModuleType:
    """The ledger module as released before states (bbe27e3), loaded from its copy in
    tests/data as a package of its own, so that its `from .errors import ...` finds the copy."""
    package = importlib.util.spec_from_file_location("old_ledger", OLD / "__init__.py",
                                                     submodule_search_locations=[str(OLD)])
    assert package is not None
    sys.modules["old_ledger"] = importlib.util.module_from_spec(package)
    return importlib.import_module("old_ledger.ledger")


@pytest.fixture
def old() -> types.ModuleType:
    return old_version()


def test_a_ledger_without_states_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(HEADER + "2025-12-01,chekina,ru-walk,ru,,Привет\n"
                    '2025-12-01,loika,ru-books,be,2,"Прывітанне,\nсябар"\n', encoding="utf-8")
    book = read_ledger(path)
    assert book.problems == () and book.marked == 0 and book.cards == 2
    assert [(t.prisoner, t.cards, t.posted, t.returned) for t in totals(book)] == [
        ("chekina", 1, 0, 0), ("loika", 1, 0, 0)]
    assert book.received() == {"chekina": frozenset({"ru-walk"}), "loika": frozenset({"ru-books"})}


def test_marking_a_pack_posted_adds_one_state_row_per_card(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    before = path.read_text(encoding="utf-8")
    marked = mark_cards(read_ledger(path), "posted", Chosen(packs=(1,)), POSTED)
    assert described(marked) == "Marked 2 cards posted."
    after = path.read_text(encoding="utf-8")
    assert after == before + ("2026-03-02,card-state,posted,ru,1,chekina 2026-03-01 ru-walk\n"
                              "2026-03-02,card-state,posted,ru,1,loika 2026-03-01 ru-books\n")
    book = read_ledger(path)
    assert book.problems == () and book.marked == 2 and book.cards == 5
    assert [(t.prisoner, t.cards, t.posted, t.returned) for t in totals(book)] == [
        ("chekina", 2, 1, 0), ("loika", 2, 1, 0), ("zolatava", 1, 0, 0)]
    assert book.delivered() == {"chekina": 1, "loika": 1, "zolatava": 0}
    assert book.received()["loika"] == {"ru-books", "ru-tea"}  # the state rows name no message had


def test_marking_by_id_and_by_day_printed(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    by_id = mark_cards(read_ledger(path), "posted", Chosen(ids=("chekina",)), POSTED)
    assert (by_id.chosen, by_id.marked, by_id.people) == (2, 2, ("chekina",))
    by_day = mark_cards(read_ledger(path), "posted", Chosen(printed=PRINTED), POSTED)
    assert (by_day.chosen, by_day.marked, by_day.already) == (4, 2, 2)
    assert described(by_day) == "Marked 2 cards posted; 2 cards of the 4 chosen already were."
    both = mark_cards(read_ledger(path), "posted", Chosen(ids=("loika",), printed=date(2026, 3, 5)), POSTED)
    assert (both.chosen, both.marked) == (1, 1)
    again = mark_cards(read_ledger(path), "posted", Chosen(ids=("loika",)), POSTED)
    assert (again.chosen, again.marked, again.rows) == (2, 0, ())


def test_a_returned_card_was_posted_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    marked = mark_cards(read_ledger(path), "returned", Chosen(ids=("zolatava",)), date(2026, 4, 20), "released")
    assert [(r.message, r.text) for r in marked.rows] == [
        ("posted", "zolatava 2026-03-01 ru-walk"), ("returned-released", "zolatava 2026-03-01 ru-walk")]
    assert described(marked) == "Marked 1 card returned (released)."
    assert list(status_changes(marked)) == [
        ("zolatava", "status: released, and released: the day, when a source gives it")]
    zolatava = read_ledger(path).people["zolatava"]
    assert (zolatava.cards, zolatava.posted, zolatava.returned) == (1, 1, 1)
    assert read_ledger(path).delivered()["zolatava"] == 0
    unknown = mark_cards(read_ledger(path), "returned", Chosen(ids=("loika",), packs=(1,)), date(2026, 4, 20))
    assert [r.message for r in unknown.rows] == ["posted", "returned-unknown"]
    assert list(status_changes(unknown)) == []


@pytest.mark.parametrize(("chosen", "lines"), [
    (Chosen(packs=(7,)), ["--pack: no printed card in pack 7 in {path}; the ledger's packs: 1, 2; see "
                          "`postcards ledger --by pack`"]),
    (Chosen(ids=("chekian",)), ["--id: no printed card for 'chekian' in {path}; did you mean 'chekina'?"]),
    (Chosen(ids=("zolatava",), packs=(1,)), ["--id: no printed card for 'zolatava' in {path} matches pack 1; "
                                             "see `postcards ledger --by pack` for what was printed when"]),
    (Chosen(printed=date(2026, 2, 1)), ["error: no printed card in {path} matches printed 2026-02-01; see "
                                        "`postcards ledger --by pack` for what was printed when"]),
])
def test_marking_what_was_never_printed_is_refused_and_adds_nothing(tmp_path: Path, chosen: Chosen,
                                                                    lines: list[str]) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    before = path.read_bytes()
    with pytest.raises(PostcardsError) as caught:
        mark_cards(read_ledger(path), "posted", chosen, POSTED)
    assert [p.format("error") if p.field is None else p.format() for p in caught.value.problems] == [
        line.format(path=path) for line in lines]
    assert path.read_bytes() == before


def test_counts_per_pack_and_per_day(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    mark_cards(read_ledger(path), "posted", Chosen(packs=(1,)), POSTED)
    mark_cards(read_ledger(path), "returned", Chosen(ids=("loika",), packs=(1,)), POSTED, "moved")
    packs = [(g.day.isoformat(), g.pack, g.printed, g.posted, g.returned) for g in group_totals(read_ledger(path))]
    assert packs == [("2026-03-01", 1, 2, 2, 1), ("2026-03-01", 2, 2, 0, 0), ("2026-03-05", None, 1, 0, 0)]
    days = [(g.day.isoformat(), g.pack, g.printed, g.posted, g.returned)
            for g in group_totals(read_ledger(path), by_pack=False)]
    assert days == [("2026-03-01", None, 4, 2, 1), ("2026-03-05", None, 1, 0, 0)]
    later = group_totals(read_ledger(path, since=date(2026, 3, 2)))
    assert [(g.day.isoformat(), g.printed) for g in later] == [("2026-03-05", 1)]


def test_a_state_row_that_cannot_be_read_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    path.write_text(HEADER + "2026-03-01,chekina,ru-walk,ru,,Привет\n"
                    "2026-03-02,card-state,lost,ru,,chekina 2026-03-01 ru-walk\n"
                    "2026-03-02,card-state,posted,ru,,chekina yesterday\n"
                    "2026-03-02,card-state,posted,ru,,chekina 2026-03-01 ru-walk\n", encoding="utf-8")
    book = read_ledger(path)
    assert [p.format("warning") for p in book.problems] == [
        f"{path}:3:1: warning: the state 'lost' of a card-state row is not one of posted, returned-released, "
        "returned-moved, returned-refused, returned-unknown; the line is skipped and left as it is; mend or "
        "delete the line",
        f"{path}:4:1: warning: a card-state row's text 'chekina yesterday' does not name a card as ID "
        "YYYY-MM-DD MESSAGE; the line is skipped and left as it is; mend or delete the line"]
    assert (book.people["chekina"].posted, book.marked) == (1, 1)


def test_a_mark_typed_twice_counts_once(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    row = "2026-03-02,card-state,posted,ru,,chekina 2026-03-01 ru-walk\n"
    path.write_text(HEADER + "2026-03-01,chekina,ru-walk,ru,,Привет\n" + row + row, encoding="utf-8")
    assert read_ledger(path).people["chekina"].posted == 1


def test_since_counts_the_marks_of_cards_printed_since(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    mark_cards(read_ledger(path), "posted", Chosen(ids=("loika",)), date(2026, 3, 6))
    book = read_ledger(path, since=date(2026, 3, 5))
    assert (book.cards, book.people["loika"].posted) == (1, 1)


def test_the_old_version_reads_a_ledger_with_states_without_misreading_it(tmp_path: Path,
                                                                        old: types.ModuleType) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    printed = {pid: t.cards for pid, t in read_ledger(path).people.items()}
    mark_cards(read_ledger(path), "posted", Chosen(printed=PRINTED), POSTED)
    mark_cards(read_ledger(path), "returned", Chosen(ids=("zolatava",)), date(2026, 4, 20), "released")
    mark_cards(read_ledger(path), "returned", Chosen(ids=("loika",)), date(2026, 4, 20), "moved")

    book = old.read_ledger(path)
    assert book.problems == () and book.appendable  # every row reads; it will still add to the file
    real = {pid: n for pid, n in book.counts().items() if pid != "card-state"}
    assert real == printed  # each person's cards as printed: no mark counts as a card of theirs
    assert {pid: ids for pid, ids in book.received().items() if pid != "card-state"} == read_ledger(path).received()
    last: dict[str, date] = {}
    for entry in book.entries:
        last[entry.prisoner] = max(entry.day, last.get(entry.prisoner, entry.day))
    assert last == {"chekina": PRINTED, "loika": date(2026, 3, 5), "zolatava": PRINTED,
                    "card-state": date(2026, 4, 20)}
    assert [p.format("warning") for p in old.unknown_prisoners(book, ["chekina", "loika", "zolatava"])] == [
        f"{path}:12:1: warning: prisoner 'card-state' is not in the data file; kept as it is; fine for someone "
        "released or removed from the list"]  # the one thing the old version says of the marks
    # 4 posted on 03-02; zolatava's card returned; loika's two returned, the one of 03-05 posted first
    assert [e.prisoner for e in book.entries].count("card-state") == 8


def test_the_old_version_adds_its_rows_to_a_ledger_with_states(tmp_path: Path, old: types.ModuleType) -> None:
    path = tmp_path / "sent.csv"
    evening(path)
    mark_cards(read_ledger(path), "posted", Chosen(packs=(2,)), POSTED)
    old.append(path, [old.Entry(date(2026, 3, 9), "chekina", "ru-sun", "ru", None, "Привет")])
    book = read_ledger(path)
    assert book.problems == ()
    assert [(t.prisoner, t.cards, t.posted) for t in totals(book)] == [
        ("chekina", 3, 1), ("loika", 2, 0), ("zolatava", 1, 1)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["posted", "returned"]), st.sampled_from([(1,), (2,), ()]),
                          st.sampled_from([("chekina",), ("loika",), ()])), max_size=6))
def test_any_marks_keep_printed_posted_returned_in_order_and_old_counts_whole(
        tmp_path_factory: pytest.TempPathFactory, marks: list[tuple[str, tuple[int, ...], tuple[str, ...]]]) -> None:
    path = tmp_path_factory.mktemp("marks") / "sent.csv"
    evening(path)
    for state, packs, ids in marks:
        with contextlib.suppress(PostcardsError):  # loika has no card in pack 2: refused, nothing added
            mark_cards(read_ledger(path), state, Chosen(packs, ids), POSTED)  # type: ignore[arg-type]
    book = read_ledger(path)
    assert book.problems == () and book.cards == 5
    assert all(t.cards >= t.posted >= t.returned >= 0 for t in book.people.values())
    for group in group_totals(book):
        assert group.printed >= group.posted >= group.returned
    before = old_version().read_ledger(path)
    assert before.problems == () and before.appendable
    assert {pid: n for pid, n in before.counts().items() if pid != "card-state"} == book.counts()


def test_reading_marks_keeps_counts_per_person_not_per_card(tmp_path: Path) -> None:
    path = tmp_path / "sent.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for i in range(25_000):
            handle.write(f'2026-03-{1 + i % 28:02d},p{i % 300},ru-m{i % 40},ru,{1 + i % 9},"Здравствуйте! {i}"\n')
        for i in range(25_000):
            handle.write(f"2026-04-01,card-state,posted,ru,{1 + i % 9},p{i % 300} 2026-03-{1 + i % 28:02d} ru-m{i % 40}\n")
    tracemalloc.start()
    try:
        book = read_ledger(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert book.problems == () and book.marked == 25_000 and book.people["p7"].posted == book.people["p7"].cards
    assert peak < 4_000_000  # a few chunks of the file and the counts, however many marks
