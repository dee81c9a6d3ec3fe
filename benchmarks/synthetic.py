"""Synthetic prisoner lists for benchmarks and scale tests: varied, valid, deterministic."""

from __future__ import annotations

import random

SURNAMES = [
    ("Ковалёв", "Ковалёва"), ("Новик", "Новик"), ("Бондаренко", "Бондаренко"), ("Лукашевич", "Лукашевич"),
    ("Шарендо-Панасюк", "Шарендо-Панасюк"), ("Седых", "Седых"), ("Тихановский", "Тихановская"),
    ("Ивашкевич", "Ивашкевич"), ("Жук", "Жук"), ("Статкевич", "Статкевич"), ("Лойко", "Лойко"),
    ("Колесников", "Колесникова"), ("Мельников", "Мельникова"), ("Почобут", "Почобут"),
]
GIVEN = {"male": ["Алесь", "Виктор", "Игорь", "Николай", "Павел", "Андрей", "Константин"],
         "female": ["Мария", "Анастасия", "Людмила", "Дарья", "Полина", "Ксения", "Екатерина"]}
PATRONYMIC = {"male": ["Викторович", "Александрович", "Ильич", "Сергеевич"],
              "female": ["Юрьевна", "Васильевна", "Никитична", "Сергеевна"]}
CODES = ["IK-4", "IK-9", "PRISON-8", "PRISON-4", "SIZO-6", "SIZO-7", "IK-2"]
RURAL = (
    "    address:\n      name: ИК № 99\n      street: ул. Советских пограничников, 137\n"
    "      postcode: '222615'\n      locality: аг. Снов\n      district: Несвижского р-на\n"
    "      region: Минской обл.\n"
)


def prisoners_yaml(count: int, seed: int = 1) -> str:
    """A data file of `count` imprisoned people; every fifth has a rural inline address."""
    rng = random.Random(seed)
    out = ["version: 1\nprisoners:\n"]
    for i in range(count):
        gender = rng.choice(("male", "female"))
        surname = rng.choice(SURNAMES)[gender == "female"]
        name = f"{surname} {rng.choice(GIVEN[gender])} {rng.choice(PATRONYMIC[gender])}"
        place = RURAL if i % 5 == 4 else f"    institution: {rng.choice(CODES)}\n"
        out.append(
            f"  - id: p{i:06d}\n    name: {name}\n{place}"
            f"    born: {rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
            f"    status: imprisoned\n    verified: 2026-{rng.randint(1, 11):02d}-01\n"
        )
    return "".join(out)
