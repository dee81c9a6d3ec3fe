"""The schema's `released:` and `interests:` keys: read, checked against the status, located."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

import postcards
from postcards.shared.errors import PostcardsError
from postcards.source.prisoner_labels import MAX_INTERESTS
from postcards.source.records import load_dataset


def loaded(tmp_path: Path, extra: str) -> postcards.Dataset:
    return load_dataset(data_file(tmp_path, prisoner_yaml(extra=f"institution: IK-4\n{extra}")))


def errors(tmp_path: Path, extra: str) -> list[str]:
    path = data_file(tmp_path, prisoner_yaml(extra=f"institution: IK-4\n{extra}"))
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    return [line.replace(str(path), "data.yaml") for line in caught.value.lines()]


def test_released_and_interests_are_read(tmp_path: Path) -> None:
    person = loaded(tmp_path, "status: released\nreleased: 2025-12-13\ninterests: [books, cats, cross-stitch]"
                    ).prisoners[0]
    assert person.released == date(2025, 12, 13)
    assert person.interests == ("books", "cats", "cross-stitch")


def test_both_are_optional(tmp_path: Path) -> None:
    person = loaded(tmp_path, "status: released").prisoners[0]
    assert person.released is None and person.interests == ()


def test_released_with_status_imprisoned_is_an_error(tmp_path: Path) -> None:
    assert errors(tmp_path, "released: 2025-12-13") == [
        "data.yaml:6:15: prisoners[0].released: released: 2025-12-13 but the status is imprisoned; "
        "set status: released, or remove released: (if the person was arrested again, keep the old "
        "date in a comment)"]


def test_released_with_status_unknown_warns(tmp_path: Path) -> None:
    dataset = loaded(tmp_path, "status: unknown\nreleased: 2025-12-13")
    assert [w.format("warning").split(": ", 1)[1] for w in dataset.warnings] == [
        "warning: prisoners[0].released: released: 2025-12-13 with status: unknown; "
        "set status: released when a source confirms the release"]
    assert dataset.prisoners[0].released == date(2025, 12, 13)


def test_released_must_be_a_real_date(tmp_path: Path) -> None:
    assert errors(tmp_path, "status: released\nreleased: 2025-12-32") == [
        "data.yaml:7:15: prisoners[0].released: 2025-12-32 is not a date that exists; check the day and month"]


def test_a_release_after_today_warns_in_check(tmp_path: Path) -> None:
    dataset = loaded(tmp_path, "status: released\nreleased: 2027-01-01")
    found = postcards.check(dataset, today=date(2026, 6, 1))
    assert [(p.field, p.message) for p in found] == [
        ("prisoners[0].released", "released 2027-01-01 is after today (2026-06-01)")]


@pytest.mark.parametrize(("interests", "expected"), [
    ("[Books]", "data.yaml:6:17: prisoners[0].interests[0]: interest 'Books' may hold only a-z and single "
                "hyphens; write 'books'"),
    ("[книги]", "data.yaml:6:17: prisoners[0].interests[0]: interest 'книги' may hold only a-z and single "
                "hyphens; write it in English, e.g. books, cats or gardening"),
    ("[books, 'cross stitch']", "data.yaml:6:24: prisoners[0].interests[1]: interest 'cross stitch' may hold "
                                "only a-z and single hyphens; write 'cross-stitch'"),
    ("[chess960]", "data.yaml:6:17: prisoners[0].interests[0]: interest 'chess960' may hold only a-z and "
                   "single hyphens; write 'chess'"),
    ("books", "data.yaml:6:16: prisoners[0].interests: expected a list, found text 'books'"),
])
def test_bad_interests_get_located_lines(tmp_path: Path, interests: str, expected: str) -> None:
    assert errors(tmp_path, f"interests: {interests}") == [expected]


def test_at_most_ten_interests_and_repeats_count_once(tmp_path: Path) -> None:
    words = [f"topic-{chr(ord('a') + i)}" for i in range(MAX_INTERESTS)]
    assert loaded(tmp_path, f"interests: [{', '.join(words + words[:2])}]").prisoners[0].interests == tuple(words)
    lines = errors(tmp_path, f"interests: [{', '.join([*words, 'one-more'])}]")
    assert len(lines) == 1 and lines[0].endswith(
        "prisoners[0].interests[10]: more than 10 interests; keep the few a writer can use on a card")
