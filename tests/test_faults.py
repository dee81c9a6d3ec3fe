"""Hostile and damaged input: every case ends in one located line a person can act on, never
a traceback, and nothing is read that should not be."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.evening.freshness import future_birthdays, stale_addresses
from postcards.shared.errors import PostcardsError
from postcards.shared.files import read_text
from postcards.source.records import load_dataset
from postcards.text.censor import lint
from postcards.text.occasions import arrival


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    return [line.replace(str(path), "data.yaml") for line in caught.value.lines()]


DAMAGED = {
    "a number of 5,000 digits": (
        prisoner_yaml(extra="institution: IK-4\nsentence: {years: " + "9" * 5000 + "}"),
        ["data.yaml:6:23: prisoners[0].sentence.years: expected a number of years from 0 to 100"]),
    "a merge key": (
        prisoner_yaml(extra="<<: {institution: IK-4}"),
        ["data.yaml:5:5: prisoners[0]: a merge key '<<' (YAML's way to copy another mapping's keys) "
         "is not read here; write the keys out in full",
         "data.yaml:3:5: prisoners[0].institution: missing; add institution: CODE (e.g. IK-4) or an inline "
         "address: mapping"]),
    "a soft hyphen in a name": (
        prisoner_yaml(name="Чеки\u00adна Людмила Юрьевна"),
        ["data.yaml:4:11: prisoners[0].name: an invisible character, U+00AD (soft hyphen), in the word "
         "'Чекина'; retype the word, or delete the character in it"]),
    "a zero-width space in a street": (
        prisoner_yaml(extra="address: {name: ИК № 4, street: 'ул. Антош\u200bкина, 3', postcode: '246035', "
                            "locality: г. Гомель}"),
        ["data.yaml:5:37: prisoners[0].address.street: an invisible character, U+200B (zero-width "
         "space), in the word 'Антошкина,'; retype the word, or delete the character in it"]),
    "a bidi control in a name": (
        prisoner_yaml(name="\u202eЧекина Людмила Юрьевна"),
        ["data.yaml:4:11: prisoners[0].name: an invisible character, U+202E (bidirectional control), "
         "in the word 'Чекина'; retype the word, or delete the character in it"]),
    "an emptied status": (
        prisoner_yaml(extra="institution: IK-4\nstatus:"),
        ["data.yaml:6:12: prisoners[0].status: is empty; write one of: imprisoned, released, unknown"]),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_damaged_data_gets_located_lines(tmp_path: Path, case: str) -> None:
    item, expected = DAMAGED[case]
    assert errors_of(data_file(tmp_path, item)) == expected


def test_a_nul_byte_is_named_at_its_line(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(name="Чек\0ина Людмила Юрьевна"))
    assert errors_of(path) == ["data.yaml:4:14: a NUL character (U+0000): the file is binary or damaged; "
                               "give the path to a prisoners YAML file, saved as plain UTF-8 text"]


def test_a_control_character_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("version: 1\nprisoners: []\n\x01\n", encoding="utf-8")
    assert errors_of(path) == ["data.yaml:3:1: a control character (U+0001) YAML does not allow; "
                               "delete it; it may have come with pasted text"]


def test_what_is_not_a_regular_file_is_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    for path in (fifo, Path("/dev/null")):
        with pytest.raises(PostcardsError) as caught:
            read_text(path)
        assert caught.value.lines() == [f"{path}: is not a regular file; give the path to a prisoners YAML file"]


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    with pytest.raises(PostcardsError) as caught:
        read_text(path, "a message file", limit=100)
    assert caught.value.lines() == [f"{path}: is {path.stat().st_size} bytes, over the limit of 100 bytes for "
                                    "a message file; split it into smaller files"]


def test_dates_after_today_are_warnings(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\nverified: 2027-01-05\nborn: 2030-02-01"))
    dataset = load_dataset(path)
    today = date(2026, 11, 29)
    stale = [p.format('warning').replace(str(path), "data.yaml") for p in stale_addresses(dataset.prisoners, today, 365)]
    assert stale == ["data.yaml:3:5: warning: prisoners[0].verified: the address is marked verified on "
                     "2027-01-05, after today (2026-11-29); check the year: write the day it was really checked"]
    born = [p.format('warning').replace(str(path), "data.yaml") for p in future_birthdays(dataset.prisoners, today)]
    assert born == ["data.yaml:3:5: warning: prisoners[0].born: born 2030-02-01 is after today (2026-11-29); "
                    "check the year of birth"]


def test_the_calendar_ends_are_refused_or_reach_nothing(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError) as caught:
        arrival(date(9999, 12, 31), 21)
    assert caught.value.lines() == ["--today: a card posted on 9999-12-31 would arrive past the end of the "
                                    "calendar; give a date before the year 9999"]
    assert arrival(date(9998, 12, 1), 21) == date(9998, 12, 22)
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\nverified: 2026-01-01")))
    assert stale_addresses(dataset.prisoners, date(2026, 11, 29), 99_999_999) == []


def test_findings_in_a_long_text_are_placed_on_their_lines() -> None:
    text = "Привет!\n" * 20_000 + "Желаю свободы.\n" + "Пока.\n" * 10 + "Желаю свободы."
    found = lint(text)
    assert [(f.word, f.line, f.column) for f in found] == [("свободы", 20_001, 7), ("свободы", 20_012, 7)]


HINTS = {
    "a code in other capitals": (prisoner_yaml(extra="institution: ik-4"),
                                 "data.yaml:5:18: prisoners[0].institution: unknown institution 'ik-4'; "
                                 "did you mean 'IK-4'?"),
    "a tag in Cyrillic": (prisoner_yaml(extra="institution: IK-4\ntags: [жанчыны]"),
                          "data.yaml:6:12: prisoners[0].tags[0]: tag 'жанчыны' may hold only a-z, 0-9 and single "
                          "hyphens; use Latin letters, e.g. women or journalists"),
    "a name part behind a quote": (prisoner_yaml(name="Чекина «Людмила» Юрьевна"),
                                   "data.yaml:4:11: prisoners[0].name: '«Людмила»' does not start with a capital "
                                   "letter; begin each part with its capital, nothing before it"),
}


@pytest.mark.parametrize("case", HINTS)
def test_a_hint_never_suggests_the_text_unchanged(tmp_path: Path, case: str) -> None:
    item, expected = HINTS[case]
    assert errors_of(data_file(tmp_path, item)) == [expected]
