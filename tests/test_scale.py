"""Correctness at the size of a real list: 2,000 varied prisoners through `event`, every card
read back from the PDF. Names, addresses and their expected lines are written out here by
hand, independently of the code under test."""

from __future__ import annotations

import csv
import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import Run, box_of, read_runs, run, slot_of

from postcards.layout.card import card_geometry
from postcards.layout.sheet import papers
from postcards.text.messages import bundled_library

COUNT = 2000
LIBRARY = bundled_library()
WRITERS = 7
# (nominative "Фамилия Имя Отчество", dative as it must be printed)
NAMES = [
    ("Шарендо-Панасюк Николай Константинович", "Шарендо-Панасюку Николаю Константиновичу"),
    ("Константинопольская Александра Константиновна", "Константинопольской Александре Константиновне"),
    ("Ковалёва Анастасия Сергеевна", "Ковалёвой Анастасии Сергеевне"),
    ("Лойко Мария Юрьевна", "Лойко Марии Юрьевне"),
    ("Жук Игорь Ильич", "Жуку Игорю Ильичу"),
    ("Мельников Павел Викторович", "Мельникову Павлу Викторовичу"),
    ("Седых Дарья Александровна", "Седых Дарье Александровне"),
    ("Почобут Андрей Станиславович", "Почобуту Андрею Станиславовичу"),
    ("Статкевич Ксения Николаевна", "Статкевич Ксении Николаевне"),
    ("Бондаренко Екатерина Васильевна", "Бондаренко Екатерине Васильевне"),
]
# (YAML for the place, the address lines after the name, without the country)
PLACES = [
    ("institution: IK-4", ["ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель"]),
    ("address: {name: ИК № 99, street: 'ул. Советских пограничников, 137', postcode: '222615', "
     "locality: аг. Снов, district: Несвижского р-на, region: Минской обл.}",
     ["ИК № 99", "ул. Советских пограничников, 137", "222615, аг. Снов", "Несвижского р-на", "Минской обл."]),
    ("address: {name: ИК № 15, street: 'ул. Героев Великой Отечественной, 45', postcode: '213800', "
     "locality: г. Бобруйск}",
     ["ИК № 15", "ул. Героев Великой Отечественной, 45", "213800, г. Бобруйск"]),
    ("address: {name: ИК № 22, street: 'ул. Краснознамённая, 10', postcode: '225710', "
     "locality: д. Дубовое, district: Пинского р-на, region: Брестской обл.}",
     ["ИК № 22", "ул. Краснознамённая, 10", "225710, д. Дубовое", "Пинского р-на", "Брестской обл."]),
]


def scale_data(path: Path) -> list[list[str]]:
    """Writes COUNT prisoners to `path`; returns each one's expected address block."""
    rng = random.Random(7)
    expected: list[list[str]] = []
    items = []
    for i in range(COUNT):
        (name, dative), (place, lines) = rng.choice(NAMES), rng.choice(PLACES)
        born = f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        items.append(f"  - id: p{i:05d}\n    name: {name}\n    {place}\n    born: {born}\n"
                     f"    verified: 2026-{rng.randint(1, 11):02d}-01\n")
        expected.append([dative, *lines, "REPUBLIC OF BELARUS"])
    path.write_text("version: 1\nprisoners:\n" + "".join(items), encoding="utf-8")
    return expected


def cards_in(runs: list[Run], paper: str) -> list[list[Run]]:
    """The runs of each card, in the order the cards are printed (pages with an address)."""
    card_pages = sorted({r.page for r in runs if r.text == "REPUBLIC OF BELARUS"})
    by_card: dict[tuple[int, int], list[Run]] = defaultdict(list)
    for r in runs:
        if r.page in card_pages:
            by_card[(r.page, slot_of(r, paper)[0])].append(r)
    return [by_card[key] for key in sorted(by_card)]


@pytest.fixture(scope="module")
def evening(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]], str]:
    folder = tmp_path_factory.mktemp("scale")
    expected = scale_data(folder / "prisoners.yaml")
    result = run(CliRunner(), "event", folder / "prisoners.yaml", "--writers", str(WRITERS), "--no-crib",
                 "--today", "2026-12-01", "--ledger", folder / "sent.csv", "-o", folder / "event.pdf")
    assert result.exit_code == 0, result.stderr
    return folder, expected, result.stderr


def test_every_card_has_its_exact_address_block_inside_the_box(evening: tuple[Path, list[list[str]], str]) -> None:
    folder, expected, _ = evening
    runs = read_runs(folder / "event.pdf")
    cards = cards_in(runs, "a4")
    assert len(cards) == COUNT
    geometry = card_geometry(papers()["a4"].card_width_mm, papers()["a4"].card_height_mm)
    for card, lines in zip(cards, expected, strict=True):
        address = sorted((r for r in card if box_of(r, "a4") == geometry.address), key=lambda r: -r.y)
        assert [r.text for r in address] == lines
        assert all(box_of(r, "a4") is not None for r in card), [r.text for r in card if box_of(r, "a4") is None]


def test_packs_are_balanced_and_every_occasion_of_the_season_is_used(
        evening: tuple[Path, list[list[str]], str]) -> None:
    folder, _, stderr = evening
    with (folder / "sent.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sizes = Counter(r["pack"] for r in rows)
    assert len(rows) == COUNT and len(sizes) == WRITERS and max(sizes.values()) - min(sizes.values()) <= 1
    packs = [r["pack"] for r in rows]
    assert packs == sorted(packs, key=int)  # each pack one run of the list
    occasions = Counter(LIBRARY.by_id(r["message"]).occasion for r in rows)
    assert set(occasions) == {"birthday", "winter"}
    assert "Wrote " in stderr and f"{COUNT:,} cards" in stderr


@pytest.mark.parametrize(("today", "occasion"), [("2026-06-01", "general"), ("2026-03-25", "spring")])
def test_other_seasons_fit_their_boxes_too(tmp_path: Path, today: str, occasion: str) -> None:
    expected = scale_data(tmp_path / "prisoners.yaml")
    result = run(CliRunner(), "make", tmp_path / "prisoners.yaml", "--today", today, "--cards", "200",
                 "--paper", "a6", "--ledger", tmp_path / "sent.csv", "-o", tmp_path / "out.pdf")
    assert result.exit_code == 0, result.stderr
    cards = cards_in(read_runs(tmp_path / "out.pdf"), "a6")
    assert len(cards) == 200
    for card, lines in zip(cards, expected, strict=False):
        assert all(box_of(r, "a6") is not None for r in card), [r.text for r in card]
        assert lines[0] in [r.text for r in card]
    with (tmp_path / "sent.csv").open(encoding="utf-8", newline="") as handle:
        assert occasion in {LIBRARY.by_id(row["message"]).occasion for row in csv.DictReader(handle)}
