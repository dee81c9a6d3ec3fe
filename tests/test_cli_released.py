"""`postcards released` and `list --json`: a release list matched and, with --apply, recorded in
the data file with its comments intact; a released person never gets a card."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, run

import postcards.cli.released as released_command

DATA = Path(__file__).parent / "data" / "released"
APPLY = ("--apply", "--date", "2025-12-13", "--source", "https://rsf.org/...")


@pytest.fixture
def people(in_tmp: Path) -> Path:
    """A data file with comments, the three of the open letter and two namesakes, as prisoners.yaml."""
    path = in_tmp / "prisoners.yaml"
    shutil.copy(DATA / "people.yaml", path)
    for name in ("news-ru.txt", "list-be.txt", "list-latin.txt"):
        shutil.copy(DATA / name, in_tmp / name)
    return path


def diff(path: Path) -> tuple[list[str], list[str]]:
    lines = list(difflib.ndiff((DATA / "people.yaml").read_text(encoding="utf-8").splitlines(),
                               path.read_text(encoding="utf-8").splitlines()))
    return [d[2:] for d in lines if d.startswith("- ")], [d[2:] for d in lines if d.startswith("+ ")]


def test_a_list_is_matched_and_nothing_changes_without_apply(runner: CliRunner, people: Path) -> None:
    result = run(runner, "released", "news-ru.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "LINE  ID        HOW    SURE  AS PASTED",
        "1     zolatava  exact  yes   Марина Золотова"]
    assert result.stderr.splitlines() == [
        "line 1: 'Виктор Бабарико' is not babaryka-eduard: the given name is Виктор, not Эдуард.",
        "1 line: 1 person of prisoners.yaml named, 0 lines naming no one.",
        "Nothing changed: add --apply --source URL to record them."]
    assert people.read_bytes() == (DATA / "people.yaml").read_bytes()


def test_apply_records_the_release_and_keeps_every_other_line(runner: CliRunner, people: Path) -> None:
    result = run(runner, "released", people, "list-be.txt", *APPLY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Changed {people}: zolatava (status: released, released: 2025-12-13; source: https://rsf.org/...).")
    assert diff(people) == (["    status: imprisoned"],
                            ["    status: released", "    released: 2025-12-13", "      - https://rsf.org/..."])
    again = run(runner, "released", "list-be.txt", *APPLY)
    assert again.exit_code == 0 and "Already so in prisoners.yaml: zolatava." in again.stderr
    made = run(runner, "make", "--today", "2026-06-01", "-o", "cards.pdf", "--no-ledger")
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[0] == "Skipped 1 person: 1 released (zolatava)."  # never a card now


def test_a_list_naming_nobody_exits_1_and_changes_nothing(runner: CliRunner, people: Path) -> None:
    (people.parent / "other.txt").write_text("Алесь Беляцкий\nМария Колесникова\nИгорь Лосик\n", encoding="utf-8")
    result = run(runner, "released", "other.txt", *APPLY)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "line 3: 'Игорь Лосик' is not losik-darya: the given name is Игорь, not Дарья.",
        "3 lines: 0 people of prisoners.yaml named, 3 lines naming no one.",
        "error: nobody in other.txt matches anyone in prisoners.yaml unambiguously; nothing changed; "
        "check the names' spelling, or add the people to the data first"]
    assert people.read_bytes() == (DATA / "people.yaml").read_bytes()


def test_a_name_that_fits_two_people_is_listed_and_left_alone(runner: CliRunner, in_tmp: Path) -> None:
    path = data_file(in_tmp, prisoner_yaml("ivanova-1", "Иванова Анна Сергеевна"),
                     prisoner_yaml("ivanova-2", "Иванова Анна Петровна"), prisoner_yaml())
    before = path.read_bytes()
    result = run(runner, "released", path, "-", *APPLY, stdin="Анна Иванова, Людмила Чекина\n".encode())
    assert result.exit_code == 0, result.stderr
    assert "line 1: 'Анна Иванова' fits 2 people (ivanova-1, ivanova-2): nothing is changed for it." in result.stderr
    assert f"Changed {path}: chekina " in result.stderr
    after = path.read_text(encoding="utf-8")
    assert after.count("status: released") == 1 and len(after) > len(before.decode())
    only = run(runner, "released", path, "-", *APPLY, stdin="Анна Иванова\n".encode())
    assert only.exit_code == 1 and "nobody in the list matches anyone" in only.stderr


def test_without_a_terminal_only_sure_matches_are_applied(runner: CliRunner, people: Path) -> None:
    (people.parent / "court.txt").write_text("Чекина Л.Ю. и Золотова М.В.\nMaryna Zolatava\n", encoding="utf-8")
    result = run(runner, "released", "court.txt", *APPLY)
    assert result.exit_code == 0, result.stderr
    assert ("Not applied without a confirmation: chekina ('Чекина Л.Ю.', initials); run it on a terminal "
            "to confirm, or change prisoners.yaml by hand.") in result.stderr
    assert "Changed prisoners.yaml: zolatava (" in result.stderr
    initials_only = run(runner, "released", "-", *APPLY, stdin="Чекина Л.Ю.\n".encode())
    assert initials_only.exit_code == 1
    assert "error: no match is sure enough to apply without a confirmation; nothing changed" in initials_only.stderr


@pytest.mark.parametrize(("answer", "changed"), [("y\n", True), ("n\n", False)])
def test_on_a_terminal_the_person_confirms(runner: CliRunner, people: Path, monkeypatch: pytest.MonkeyPatch,
                                          answer: str, changed: bool) -> None:
    monkeypatch.setattr(released_command, "_can_ask", lambda listed: True)
    (people.parent / "court.txt").write_text("Чекина Л.Ю. и Золотова М.В.\n", encoding="utf-8")
    result = run(runner, "released", "court.txt", *APPLY, stdin=answer.encode())
    assert result.exit_code == 0, result.stderr
    assert ("Set status: released, released: 2025-12-13 for chekina (initials: 'Чекина Л.Ю.'), zolatava "
            "(initials: 'Золотова М.В.') in prisoners.yaml? [y/N]") in result.stderr
    assert (people.read_bytes() != (DATA / "people.yaml").read_bytes()) is changed
    assert ("Nothing changed." in result.stderr) is not changed


def test_yes_applies_without_asking(runner: CliRunner, people: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(released_command, "_can_ask", lambda listed: True)
    result = run(runner, "released", "list-latin.txt", *APPLY, "--yes")
    assert result.exit_code == 0 and "[y/N]" not in result.stderr
    assert "    released: 2025-12-13" in people.read_text(encoding="utf-8")


def test_moved_sets_the_institution(runner: CliRunner, people: Path) -> None:
    result = run(runner, "released", "-", "--moved", "IK-9", "--apply", "--date", "2026-01-15", "--source",
                 "Viasna, 2026-01-15", stdin="Лойко Анастасия Юрьевна\n".encode())
    assert result.exit_code == 0, result.stderr
    assert diff(people)[1] == ["    institution: IK-9", "    verified: 2026-01-15        # no status: imprisoned "
                               "by default, and no sources yet", "    sources:", "      - Viasna, 2026-01-15"]
    typo = run(runner, "released", "-", "--moved", "IK-44", "--apply", "--source", "x",
               stdin="Марина Золотова\n".encode())
    assert typo.exit_code == 1
    assert typo.stderr.splitlines()[-1] == "--moved: unknown institution 'IK-44'; did you mean 'IK-4'?"


def test_json_for_scripts(runner: CliRunner, people: Path) -> None:
    result = run(runner, "released", "--json", "-", stdin="Марина Золотова\nЗолотова\nЧекина Л.Ю.\n".encode())
    assert json.loads(result.stdout) == {
        "matches": [{"line": 1, "text": "Марина Золотова", "id": "zolatava", "how": "exact", "sure": True},
                    {"line": 3, "text": "Чекина Л.Ю.", "id": "chekina", "how": "initials", "sure": False}],
        "ambiguous": [],
        "near": [{"line": 2, "text": "Золотова", "id": "zolatava", "why": "the surname alone"}],
        "lines": 3, "unmatched": [2]}


def test_bad_command_lines(runner: CliRunner, people: Path) -> None:
    assert run(runner, "released", "list-be.txt", "--apply").exit_code == 2  # no --source
    assert run(runner, "released", "a", "b", "c").exit_code == 2
    assert run(runner, "released", "list-be.txt", "--date", "13.12.2025").exit_code == 2
    missing = run(runner, "released", "nope.txt")
    assert missing.exit_code == 1 and missing.stderr.startswith("error: nope.txt: no such file")


def test_the_bundled_list_is_never_changed(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "released", "-", *APPLY, stdin=b"Maryna Zolatava\n")
    assert result.exit_code == 1
    assert "is the list that ships with postcards: it is not changed" in result.stderr


def test_a_future_date_warns(runner: CliRunner, people: Path) -> None:
    result = run(runner, "released", "list-be.txt", "--apply", "--date", "2099-01-01", "--source", "x")
    assert "warning: --date 2099-01-01 is after today" in result.stderr


def test_list_json_gives_names_status_and_release_day(runner: CliRunner, in_tmp: Path) -> None:
    rows = json.loads(run(runner, "list", "--json").stdout)  # the bundled list
    assert [(r["id"], r["status"], r["released"]) for r in rows] == [
        ("chekina", "imprisoned", None), ("zolatava", "released", "2025-12-13"), ("loika", "imprisoned", None)]
    assert rows[1]["names"] == {"ru": "Золотова Марина Васильевна", "be": "Золатава Марына Васільеўна",
                                "latin": "Maryna Zolatava"}
    assert (rows[0]["institution"], rows[0]["birthday"], rows[0]["tags"]) == ("IK-4", "1973-07-13", [])
