"""Who gets a card: filters, the imprisoned-only rule, the limit of a short evening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.evening.selection import Selection, limit, matching, nobody_error, select, skipped_summary
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Dataset
from postcards.shared.options import Filters
from postcards.source.records import load_dataset

ARRIVES = date(2026, 6, 22)  # posted 2026-06-01, 21 days in transit


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    people = [
        prisoner_yaml("anna", "Чекина Анна Юрьевна", "institution: IK-4\nborn: 1980-06-25\ntags: [women, journalists]"),
        prisoner_yaml("boris", "Жук Борис Ильич", "institution: IK-9\nborn: --07-21\ntags: [journalists]"),
        prisoner_yaml("vera", "Лойко Вера Юрьевна", "institution: IK-4\nstatus: released\ntags: [women]"),
        prisoner_yaml("gleb", "Новик Глеб Ильич", "institution: PRISON-8\nstatus: unknown\nborn: --06-30"),
        prisoner_yaml("dmitri", "Седых Дмитрий Ильич", "institution: IK-9\nborn: --07-23"),
    ]
    return load_dataset(data_file(tmp_path, *people))


def ids(people: object) -> list[str]:
    return [p.id for p in people]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), ["anna", "boris", "vera", "gleb", "dmitri"]),
    (Filters(institutions=("IK-4",)), ["anna", "vera"]),
    (Filters(institutions=("IK-4", "PRISON-8")), ["anna", "vera", "gleb"]),
    (Filters(tags=("women",)), ["anna", "vera"]),
    (Filters(tags=("women", "journalists")), ["anna", "boris", "vera"]),  # either tag
    (Filters(tags=("journalists",), institutions=("IK-9",)), ["boris"]),  # both filters
    (Filters(exclude=("anna", "dmitri")), ["boris", "vera", "gleb"]),
    (Filters(only=("dmitri", "anna")), ["dmitri", "anna"]),  # the order asked for
    (Filters(only=("anna", "boris"), exclude=("anna",)), ["boris"]),
    (Filters(statuses=("released", "unknown")), ["vera", "gleb"]),
    # birthdays on the arrival day (06-22) or up to N days after it
    (Filters(born_within=8), ["anna", "gleb"]),
    (Filters(born_within=29), ["anna", "boris", "gleb"]),  # 07-21 is 29 days after 06-22
    (Filters(born_within=2), []),
])
def test_filters_narrow_and_repeats_widen(dataset: Dataset, filters: Filters, expected: list[str]) -> None:
    assert ids(matching(dataset, filters, ARRIVES)) == expected


def test_only_the_imprisoned_get_cards_and_the_rest_are_told(dataset: Dataset) -> None:
    selection = select(dataset, Filters(), ARRIVES)
    assert ids(selection.prisoners) == ["anna", "boris", "dmitri"]
    assert [(p.id, why) for p, why in selection.skipped] == [("vera", "released"), ("gleb", "status unknown")]
    assert skipped_summary(selection) == "Skipped 2 people: 1 released (vera); 1 status unknown (gleb)."


def test_the_summary_names_five_ids_then_counts(dataset: Dataset) -> None:
    vera = dataset.prisoners[2]
    selection = Selection((), tuple((vera, "released") for _ in range(7)))
    assert skipped_summary(selection) == "Skipped 7 people: 7 released (vera, vera, vera, vera, vera, ...)."
    assert skipped_summary(Selection(dataset.prisoners)) is None


@pytest.mark.parametrize(("filters", "message"), [
    (Filters(only=("ana",)), "--only: no prisoner with id 'ana' in {file}; did you mean 'anna'?"),
    (Filters(exclude=("bors",)), "--exclude: no prisoner with id 'bors' in {file}; did you mean 'boris'?"),
    (Filters(institutions=("IK-44",)), "--institution: no institution 'IK-44' in the registry or {file}; "
                                        "did you mean 'IK-4'?"),
    (Filters(tags=("woman",)), "--tag: no one in {file} has the tag 'woman'; did you mean 'women'?"),
    (Filters(tags=("pets",)), "--tag: no one in {file} has the tag 'pets'; the tags there: journalists, women"),
])
def test_a_typo_in_a_filter_is_an_error_not_an_empty_evening(dataset: Dataset, filters: Filters,
                                                             message: str) -> None:
    with pytest.raises(PostcardsError) as caught:
        matching(dataset, filters, ARRIVES)
    assert caught.value.lines() == [message.format(file=dataset.file)]


def test_a_limit_takes_the_first_or_those_who_had_the_fewest(dataset: Dataset) -> None:
    selection = select(dataset, Filters(), ARRIVES)  # anna, boris, dmitri
    assert ids(limit(selection, 2).prisoners) == ["anna", "boris"]
    fewest = limit(selection, 2, {"anna": 3, "boris": 1})  # dmitri: none yet
    assert ids(fewest.prisoners) == ["boris", "dmitri"]  # file order kept
    assert [(p.id, why) for p, why in fewest.skipped][-1] == ("anna", "over the card limit: another evening")
    assert limit(selection, 5) is selection and limit(selection, None) is selection


def test_why_nobody_gets_a_card(dataset: Dataset) -> None:
    none_match = select(dataset, Filters(born_within=2), ARRIVES)
    assert nobody_error(dataset, Filters(born_within=2), none_match).lines() == [
        f"no one to make cards for: nobody in {dataset.file} matches the filters; loosen them; "
        "`postcards list` with the same filters shows who matches"]
    released = select(dataset, Filters(only=("vera", "gleb")), ARRIVES)
    assert nobody_error(dataset, Filters(only=("vera", "gleb")), released).lines() == [
        "no one to make cards for: none of the 2 people selected is imprisoned (1 released, "
        "1 status unknown); only people with status: imprisoned get cards"]


def test_tags_are_checked_like_ids(tmp_path: Path) -> None:
    bad = prisoner_yaml("a", "Жук Борис Ильич", "institution: IK-4\ntags: [Women, ok, ok]")
    with pytest.raises(PostcardsError) as caught:
        load_dataset(data_file(tmp_path, bad))
    assert caught.value.lines() == [f"{tmp_path / 'data.yaml'}:6:12: prisoners[0].tags[0]: tag 'Women' may "
                                    "hold only a-z, 0-9 and single hyphens; write 'women'"]
    good = prisoner_yaml("a", "Жук Борис Ильич", "institution: IK-4\ntags: [women, women, 2020]")
    assert load_dataset(data_file(tmp_path, good)).prisoners[0].tags == ("women", "2020")
