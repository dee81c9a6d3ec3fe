"""The optional `unit:` line ("отряд № 5"): read from a data file, printed under the
institution's line, refused when it is not one line of Cyrillic or makes the block too long."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import RURAL, data_file, prisoner_yaml, read_runs, run

from postcards.shared.errors import PostcardsError
from postcards.source.records import load_dataset
from postcards.text.address import address_lines

UNIT = "institution: IK-4\nunit: отряд № 5"


def test_the_unit_is_printed_under_the_institution(tmp_path: Path) -> None:
    prisoner = load_dataset(data_file(tmp_path, prisoner_yaml(extra=UNIT))).prisoners[0]
    assert prisoner.unit == "отряд № 5"
    assert address_lines(prisoner) == ("Чекиной Людмиле Юрьевне", "ИК № 4", "отряд № 5", "ул. Антошкина, 3",
                                       "246035, г. Гомель", "REPUBLIC OF BELARUS")


def test_no_unit_no_line(tmp_path: Path) -> None:
    prisoner = load_dataset(data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\nunit: null"))).prisoners[0]
    assert prisoner.unit is None
    assert address_lines(prisoner)[2] == "ул. Антошкина, 3"


@pytest.mark.parametrize(("unit", "what"), [
    ("unit No. 14", "'unit No. 14' is written in Latin letters"),
    ('"отряд № 5\\nкарантин"', "it is more than one line"),
])
def test_a_unit_that_cannot_be_printed_is_refused(tmp_path: Path, unit: str, what: str) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra=f"institution: IK-4\nunit: {unit}"))
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    assert caught.value.lines() == [f"{path}:6:11: prisoners[0].unit: {what}; write it on one line, in "
                                    "Cyrillic, as the source gives it, e.g. unit: отряд № 5"]


def test_the_card_and_the_json_carry_the_unit(runner: CliRunner, tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra=UNIT))
    shown = run(runner, "address", path, "--json")
    assert json.loads(shown.stdout)[0]["lines"][1:3] == ["ИК № 4", "отряд № 5"]
    made = run(runner, "make", path, "-o", tmp_path / "out.pdf", "--today", "2026-06-01", "--no-ledger")
    assert made.exit_code == 0, made.stderr
    texts = [r.text for r in read_runs(tmp_path / "out.pdf")]
    assert texts[texts.index("ИК № 4") + 1] == "отряд № 5"


def test_a_block_longer_than_the_card_holds_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml(extra=RURAL + "\nunit: отряд № 5"))
    result = run(runner, "make", path, "-o", tmp_path / "out.pdf", "--no-ledger")
    assert result.exit_code == 1
    assert result.stderr == (f"{path}:3:5: prisoners[0]: the address of 'chekina' is 8 lines; a card's block "
                             "holds 7; leave out unit:, or the country line with --no-country\n")
    assert run(runner, "make", path, "-o", tmp_path / "out.pdf", "--no-ledger", "--no-country").exit_code == 0


def test_the_belarusian_block_carries_the_unit_as_written(tmp_path: Path) -> None:
    from postcards.shared.options import AddressOptions
    from postcards.text.address import address_block

    prisoner = load_dataset(data_file(tmp_path, prisoner_yaml(extra=UNIT))).prisoners[0]
    lines = address_block(prisoner, AddressOptions(script="be")).lines
    assert lines[1:4] == ("ПК № 4", "отряд № 5", "вул. Антошкіна, 3")
