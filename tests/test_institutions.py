"""The built-in registry holds DOMAIN.md's institutions, exactly as the sources give them."""

from __future__ import annotations

from collections.abc import Mapping

from postcards.shared.model import Institution
from postcards.source.institutions import builtin_registry

EXPECTED = {
    "IK-4": ("ИК № 4", "ул. Антошкина, 3", "246035", "г. Гомель"),
    "IK-9": ("ИК № 9", "ул. Добролюбова, 16", "213410", "г. Горки"),
    "PRISON-8": ("Тюрьма № 8", "ул. Советская, 22А", "222163", "г. Жодино"),
    "PRISON-4": ("Тюрьма № 4", "ул. Крупской, 99А", "212011", "г. Могилёв"),
    "SIZO-6": ("СИЗО-6", "ул. Брестская, 258 В", "225413", "г. Барановичи"),
    "SIZO-7": ("СИЗО-7", "ул. Советских пограничников, 37", "224030", "г. Брест"),
    "SIZO-3": ("СИЗО-3", "ул. Книжная, 1А", "246003", "г. Гомель"),
    "IK-2": ("ИК № 2", "ул. Сикорского, 1", "213807", "г. Бобруйск"),
    "SIZO-1": ("СИЗО-1", "ул. Володарского, 2", "220030", "г. Минск"),
}


def test_registry_matches_the_sources() -> None:
    registry = builtin_registry()
    assert {code: (i.name, i.street, i.postcode, i.locality) for code, i in registry.items()} == EXPECTED


def test_every_entry_is_dated_and_sourced_and_only_sizo_1_is_closed() -> None:
    registry: Mapping[str, Institution] = builtin_registry()
    assert all(i.seen and i.sources and i.code == code for code, i in registry.items())
    assert [code for code, i in registry.items() if i.closed] == ["SIZO-1"]
