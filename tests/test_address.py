"""The address block: UPU order for Belarus, exact lines, postcode rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import RURAL, data_file, prisoner_yaml

from postcards.shared.options import AddressOptions
from postcards.source.postcodes import postcode_error, postcode_warning
from postcards.source.records import load_dataset
from postcards.text.address import address_lines


def lines_for(tmp_path: Path, item: str, options: AddressOptions | None = None) -> tuple[str, ...]:
    dataset = load_dataset(data_file(tmp_path, item))
    return address_lines(dataset.prisoners[0], options or AddressOptions())


def test_registry_institution_block(tmp_path: Path) -> None:
    assert lines_for(tmp_path, prisoner_yaml()) == (
        "Чекиной Людмиле Юрьевне",
        "ИК № 4",
        "ул. Антошкина, 3",
        "246035, г. Гомель",
        "REPUBLIC OF BELARUS",
    )


def test_rural_address_has_district_and_region_on_own_lines(tmp_path: Path) -> None:
    item = prisoner_yaml("bialiatski", "Бяляцкий Алесь Викторович", RURAL)
    assert lines_for(tmp_path, item) == (
        "Бяляцкому Алесю Викторовичу",
        "ИК № 99",
        "ул. Мирошниченко, 1",
        "222615, аг. Снов",
        "Несвижского р-на",
        "Минской обл.",
        "REPUBLIC OF BELARUS",
    )


def test_nominative_given_first_and_no_country(tmp_path: Path) -> None:
    options = AddressOptions(name_form="nominative", country=False)
    assert lines_for(tmp_path, prisoner_yaml(), options) == (
        "Людмила Чекина", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель",
    )


def test_dative_override_is_used_exactly(tmp_path: Path) -> None:
    item = prisoner_yaml("dedok", "Дедок Николай Александрович",
                         "institution: IK-4\ndative: Дедку Николаю Александровичу")
    assert lines_for(tmp_path, item)[0] == "Дедку Николаю Александровичу"


def test_data_file_institution_overrides_registry(tmp_path: Path) -> None:
    head = (
        "version: 1\ninstitutions:\n  IK-4:\n    name: ИК № 4\n    street: ул. Антошкина, 5\n"
        "    postcode: '246035'\n    locality: г. Гомель\n"
    )
    dataset = load_dataset(data_file(tmp_path, prisoner_yaml(), head=head))
    assert address_lines(dataset.prisoners[0])[2] == "ул. Антошкина, 5"


@pytest.mark.parametrize("code", ["24603", "2460355", "24б035", "246 035", ""])
def test_postcode_not_six_digits(code: str) -> None:
    error = postcode_error(code)
    assert error is not None and "is not six digits" in error[0]


def test_postcode_outside_belarus() -> None:
    error = postcode_error("123456")
    assert error is not None and "outside Belarus's range" in error[0]


def test_postcode_prefixes() -> None:
    assert postcode_error("246035") is None
    assert postcode_warning("246035") is None
    assert postcode_warning("220030") is None
    warning = postcode_warning("299999")
    assert warning is not None and "299" in warning

