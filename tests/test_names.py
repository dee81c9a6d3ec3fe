"""Dative forms of real names, hand-checked: the address block's first line depends on them."""

from __future__ import annotations

import pytest

from postcards.shared.names import NameParts, gender_from_patronymic
from postcards.text.dative import dative_full_name

# (surname, given, patronymic or None, gender, the dative a careful Russian writer uses)
REAL_NAMES = [
    ("Чекина", "Людмила", "Юрьевна", "female", "Чекиной Людмиле Юрьевне"),
    ("Золотова", "Марина", "Васильевна", "female", "Золотовой Марине Васильевне"),
    ("Лойко", "Анастасия", "Юрьевна", "female", "Лойко Анастасии Юрьевне"),
    ("Бяляцкий", "Алесь", "Викторович", "male", "Бяляцкому Алесю Викторовичу"),
    ("Колесникова", "Мария", "Александровна", "female", "Колесниковой Марии Александровне"),
    ("Бабарико", "Виктор", "Дмитриевич", "male", "Бабарико Виктору Дмитриевичу"),
    ("Бабарико", "Эдуард", "Викторович", "male", "Бабарико Эдуарду Викторовичу"),
    ("Лосик", "Дарья", None, "female", "Лосик Дарье"),
    ("Лосик", "Игорь", "Александрович", "male", "Лосику Игорю Александровичу"),
    ("Статкевич", "Николай", "Викторович", "male", "Статкевичу Николаю Викторовичу"),
    ("Тихановский", "Сергей", "Леонидович", "male", "Тихановскому Сергею Леонидовичу"),
    ("Знак", "Максим", "Валерьевич", "male", "Знаку Максиму Валерьевичу"),
    ("Шарендо-Панасюк", "Полина", "Сергеевна", "female", "Шарендо-Панасюк Полине Сергеевне"),
    ("Пипия", "Тимур", None, "male", "Пипии Тимуру"),
    ("Почобут", "Андрей", "Станиславович", "male", "Почобуту Андрею Станиславовичу"),
    ("Протасевич", "Роман", "Дмитриевич", "male", "Протасевичу Роману Дмитриевичу"),
    ("Сапега", "Софья", "Андреевна", "female", "Сапеге Софье Андреевне"),
    ("Автухович", "Николай", "Францевич", "male", "Автуховичу Николаю Францевичу"),
    ("Сидорчик", "Игнат", None, "male", "Сидорчику Игнату"),
    ("Стефанович", "Валентин", None, "male", "Стефановичу Валентину"),
    ("Лабкович", "Владимир", None, "male", "Лабковичу Владимиру"),
    ("Рабкова", "Марфа", None, "female", "Рабковой Марфе"),
    ("Славникова", "Ирина", None, "female", "Славниковой Ирине"),
    ("Андреева", "Екатерина", None, "female", "Андреевой Екатерине"),
    ("Чульцова", "Дарья", None, "female", "Чульцовой Дарье"),
    ("Ильяш", "Игорь", None, "male", "Ильяшу Игорю"),
    ("Луцкина", "Ксения", None, "female", "Луцкиной Ксении"),
    ("Ивашин", "Денис", None, "male", "Ивашину Денису"),
    ("Новикова", "Екатерина", None, "female", "Новиковой Екатерине"),
    ("Карней", "Игорь", None, "male", "Карнею Игорю"),
    ("Класковская", "Ольга", None, "female", "Класковской Ольге"),
    ("Кульша", "Виктория", None, "female", "Кульше Виктории"),
    ("Щирякова", "Лариса", None, "female", "Щиряковой Ларисе"),
    ("Кузнечик", "Андрей", None, "male", "Кузнечику Андрею"),
    ("Сыромолот", "Ксения", None, "female", "Сыромолот Ксении"),
    ("Фурманов", "Дмитрий", None, "male", "Фурманову Дмитрию"),
    ("Злобина", "Ирина", None, "female", "Злобиной Ирине"),
    ("Херше", "Наталья", None, "female", "Херше Наталье"),
    ("Ивашкевич", "Ирина", None, "female", "Ивашкевич Ирине"),
    ("Дашкевич", "Змитер", None, "male", "Дашкевичу Змитеру"),
    ("Бондаренко", "Николай", None, "male", "Бондаренко Николаю"),
    ("Северинец", "Павел", None, "male", "Северинцу Павлу"),
    # Surnames in -их / -ых never decline (grammar cases, not from the list of prisoners).
    ("Черных", "Анна", None, "female", "Черных Анне"),
    ("Седых", "Павел", None, "male", "Седых Павлу"),
]


@pytest.mark.parametrize(("surname", "given", "patronymic", "gender", "expected"), REAL_NAMES,
                         ids=[f"{n[0]} {n[1]}" for n in REAL_NAMES])
def test_dative_of_real_names(surname: str, given: str, patronymic: str | None, gender: str,
                              expected: str) -> None:
    assert dative_full_name(NameParts(surname, given, patronymic), gender) == expected  # type: ignore[arg-type]


def test_there_are_at_least_thirty_hand_checked_names() -> None:
    assert len(REAL_NAMES) >= 30


@pytest.mark.parametrize(("patronymic", "gender"), [
    ("Юрьевна", "female"), ("Никитична", "female"), ("Ильинична", "female"), ("Лукинишна", "female"),
    ("Викторович", "male"), ("Ильич", "male"), ("Кузьмич", "male"),
    ("Юр'еўна", "female"), ("Віктаравіч", "male"),
    (None, None), ("Оглы", None), ("", None),
])
def test_gender_from_patronymic(patronymic: str | None, gender: str | None) -> None:
    assert gender_from_patronymic(patronymic) == gender


def test_name_forms() -> None:
    name = NameParts("Колесникова", "Мария", "Александровна")
    assert name.full() == "Колесникова Мария Александровна"
    assert name.given_first() == "Мария Колесникова"
    assert name.polite() == "Мария Александровна"
    assert NameParts("Пипия", "Тимур").polite() == "Тимур"
