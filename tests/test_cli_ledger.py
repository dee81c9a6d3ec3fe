"""`postcards ledger mark posted|returned` and `ledger --by pack|date` through the CLI, and
`--fewest-first` going by the cards posted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, run

from postcards.source.records import load_dataset

SUMMER = "2026-06-01"
NAMES = ["Чекина Анна Юрьевна", "Жук Борис Ильич", "Лойко Вера Юрьевна", "Новик Глеб Ильич"]


def people(tmp_path: Path, count: int = 4) -> Path:
    items = [prisoner_yaml(f"p{i}", NAMES[i], "institution: IK-4\nverified: 2026-05-01\n") for i in range(count)]
    return data_file(tmp_path, *items, name="prisoners.yaml")


def evening(runner: CliRunner, data: Path) -> None:
    """Two writers: pack 1 for p0 and p1, pack 2 for p2 and p3, in sent.csv."""
    done = run(runner, "event", data, "--writers", "2", "--today", SUMMER, "--ledger", "sent.csv", "--no-crib")
    assert done.exit_code == 0, done.stderr


def test_mark_a_pack_posted_then_one_card_returned(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp)
    evening(runner, data)
    posted = run(runner, "ledger", "mark", "posted", data, "--pack", "1", "--today", "2026-06-02")
    assert posted.exit_code == 0, posted.stderr
    assert posted.stderr == f"Marked 2 cards posted in {in_tmp / 'sent.csv'}.\n"
    again = run(runner, "ledger", "mark", "posted", data, "--date", SUMMER, "--today", "2026-06-03")
    assert again.stderr == (f"Marked 2 cards posted; 2 cards of the 4 chosen already were in "
                            f"{in_tmp / 'sent.csv'}.\n")
    back = run(runner, "ledger", "mark", "returned", data, "--id", "p1", "--why", "refused", "--today", "2026-07-01")
    assert back.exit_code == 0 and back.stderr == f"Marked 1 card returned (refused) in {in_tmp / 'sent.csv'}.\n"
    table = run(runner, "ledger", data)
    assert table.stdout.splitlines() == [
        "ID  PRINTED  POSTED  RETURNED  LAST        LANGUAGES",
        "p0  1        1       0         2026-06-01  ru",
        "p1  1        1       1         2026-06-01  ru",
        "p2  1        1       0         2026-06-01  ru",
        "p3  1        1       0         2026-06-01  ru"]
    assert table.stderr == (f"{in_tmp / 'sent.csv'}: 4 cards (4 posted, 1 returned) to 4 people; 0 imprisoned "
                            f"in {data} had none.\n")


def test_a_card_returned_because_the_person_was_released_says_what_to_change(runner: CliRunner,
                                                                            in_tmp: Path) -> None:
    data = people(in_tmp)
    evening(runner, data)
    back = run(runner, "ledger", "mark", "returned", data, "--id", "p2", "--why", "released",
               "--today", "2026-07-01")
    assert back.exit_code == 0, back.stderr
    assert back.stderr.splitlines() == [
        f"Marked 1 card returned (released) in {in_tmp / 'sent.csv'}.",
        f"{data}:11:5: note: p2's card came back (released): set status: released, and released: the day, "
        "when a source gives it.",
        "`postcards released DATA LIST --apply --source URL` makes that change once a source confirms it."]
    moved = run(runner, "ledger", "mark", "returned", data, "--pack", "2", "--why", "moved", "--today", "2026-07-01")
    assert moved.stderr.splitlines()[1] == (
        f"{data}:15:5: note: p3's card came back (moved): set status: unknown until the new address is found; "
        "then institution: (or address:), verified: and status: imprisoned.")  # p2's was returned already


@pytest.mark.parametrize(("args", "code", "said"), [
    (["--pack", "3"], 1, "--pack: no printed card in pack 3 in {ledger}; the ledger's packs: 1, 2; see "
                         "`postcards ledger --by pack`\n"),
    (["--id", "p22"], 1, "--id: no printed card for 'p22' in {ledger}; did you mean 'p2'?\n"),
    (["--date", "2026-05-01"], 1, "error: no printed card in {ledger} matches printed 2026-05-01; see "
                                  "`postcards ledger --by pack` for what was printed when\n"),
    ([], 2, "Error: choose the cards: --pack N, --id ID or --date YYYY-MM-DD\n"),
    (["--pack", "1", "--why", "moved"], 2, "Error: --why is for cards returned\n"),
])
def test_marking_nothing_printed_is_refused_in_one_line(runner: CliRunner, in_tmp: Path, args: list[str],
                                                        code: int, said: str) -> None:
    data = people(in_tmp)
    evening(runner, data)
    before = (in_tmp / "sent.csv").read_bytes()
    result = run(runner, "ledger", "mark", "posted", data, *args)
    assert result.exit_code == code
    assert result.stderr.endswith(said.format(ledger=in_tmp / "sent.csv"))
    assert len(result.stderr.splitlines()) == (1 if code == 1 else 4)  # click adds its usage lines
    assert (in_tmp / "sent.csv").read_bytes() == before


def test_ledger_options_before_mark_and_mark_alone_are_usage_errors(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp)
    evening(runner, data)
    before = run(runner, "ledger", "--ledger", "sent.csv", "mark", "posted", "--pack", "1")
    assert before.exit_code == 2 and "Error: --ledger go after `ledger mark ...`, not before it" in before.stderr
    alone = run(runner, "ledger", "mark")
    assert alone.exit_code == 2 and "say what to mark: `postcards ledger mark posted|returned ...`" in alone.stderr
    without = run(runner, "ledger", "mark", "posted", "--pack", "1", "--ledger", "none.csv")
    assert without.exit_code == 1
    assert without.stderr == ("error: none.csv: no ledger there: nothing printed to mark; give the ledger `make` "
                              "and `event` added the cards to\n")


def test_the_counts_per_pack_and_per_evening(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp)
    evening(runner, data)
    assert run(runner, "make", data, "--only", "p0", "--today", "2026-06-05").exit_code == 0
    run(runner, "ledger", "mark", "posted", data, "--pack", "2", "--today", "2026-06-02")
    run(runner, "ledger", "mark", "returned", data, "--id", "p3", "--today", "2026-06-20")
    by_pack = run(runner, "ledger", data, "--by", "pack")
    assert by_pack.exit_code == 0, by_pack.stderr
    assert by_pack.stdout.splitlines() == [
        "PRINTED ON  PACK  PRINTED  POSTED  RETURNED",
        "2026-06-01  1     2        0       0",
        "2026-06-01  2     2        2       1",
        "2026-06-05  -     1        0       0"]
    assert by_pack.stderr == f"{in_tmp / 'sent.csv'}: 5 cards printed on 2 days, 2 posted, 1 returned.\n"
    as_json = run(runner, "ledger", data, "--by", "pack", "--json")
    assert json.loads(as_json.stdout)[1:] == [
        {"date": "2026-06-01", "pack": 2, "printed": 2, "posted": 2, "returned": 1},
        {"date": "2026-06-05", "pack": None, "printed": 1, "posted": 0, "returned": 0}]
    by_date = run(runner, "ledger", data, "--by", "date", "--json")
    assert json.loads(by_date.stdout) == [{"date": "2026-06-01", "printed": 4, "posted": 2, "returned": 1},
                                          {"date": "2026-06-05", "printed": 1, "posted": 0, "returned": 0}]


def fewest(runner: CliRunner, data: Path) -> tuple[list[str], str]:
    result = run(runner, "make", data, "--cards", "2", "--fewest-first", "--today", "2026-07-01",
                 "--ledger", "sent.csv", "-o", "short.pdf")
    assert result.exit_code == 0, result.stderr
    chosen = [row.split(",")[1] for row in (Path("sent.csv").read_text(encoding="utf-8").splitlines())
              if row.startswith("2026-07-01,")]
    return chosen, result.stderr


def test_fewest_first_counts_the_cards_posted(runner: CliRunner, in_tmp: Path) -> None:
    data = people(in_tmp, 3)
    for only in (["p0"], ["p0"], ["p1"]):
        run(runner, "make", data, "--only", *only, "--today", SUMMER, "--ledger", "sent.csv")
    run(runner, "ledger", "mark", "posted", data, "--id", "p1", "--today", "2026-06-02")
    chosen, said = fewest(runner, data)
    assert chosen == ["p0", "p2"]  # p0's two cards were printed but never marked posted: they do not count
    assert "warning" not in said


def test_fewest_first_in_a_ledger_without_marks_counts_every_printed_card(runner: CliRunner,
                                                                          in_tmp: Path) -> None:
    data = people(in_tmp, 3)
    for only in (["p0"], ["p0"], ["p1"]):
        run(runner, "make", data, "--only", *only, "--today", SUMMER, "--ledger", "sent.csv")
    chosen, said = fewest(runner, data)
    assert chosen == ["p1", "p2"]
    assert said.startswith("warning: sent.csv has no cards marked posted: --fewest-first counts every printed "
                           "card, as before; mark the cards you post with `postcards ledger mark posted`, and "
                           "from then on only posted cards count\n")
    assert said.count("no cards marked posted") == 1


def test_the_commands_choices_are_the_ledgers_own() -> None:
    from postcards.cli import ledger as command
    from postcards.evening import ledgerstate

    assert (command.STATES, command.WHYS) == (ledgerstate.STATES, ledgerstate.WHYS)


def test_on_a_terminal_a_returned_card_offers_to_set_the_person_released(runner: CliRunner, in_tmp: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data = people(in_tmp)
    evening(runner, data)
    monkeypatch.setattr("postcards.cli.people.interactive", lambda: True)
    back = run(runner, "ledger", "mark", "returned", data, "--id", "p2", "--why", "released", "--today", "2026-07-01",
               stdin=b"y\n")
    assert back.exit_code == 0, back.stderr
    assert f"{data}:11:5: p2 set released.\n" in back.stderr
    assert [(p.status, p.released) for p in load_dataset(data).prisoners if p.id == "p2"] == [
        ("released", date(2026, 7, 1))]
