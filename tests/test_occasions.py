"""Occasions: a birthday card arrives in time, seasons run over the new year, and `auto`
puts a birthday before a season before a general message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import TODAY, data_file, library_file, prisoner_yaml

from postcards import make_cards
from postcards.api.jobs import prepare
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday
from postcards.shared.options import CardOptions, Occasion
from postcards.source.records import load_dataset
from postcards.text.messages import bundled_library, load_library
from postcards.text.occasions import Season, arrival, birthday_soon, next_birthday, occasion_for

WINTER = Season((12, 10), (1, 14))
SEASONS: dict[Occasion, Season] = {"winter": WINTER, "spring": Season((3, 20), (5, 10))}


@pytest.mark.parametrize(("born", "after", "expected"), [
    (Birthday(5, 21, 1978), date(2026, 11, 29), date(2027, 5, 21)),
    (Birthday(12, 20), date(2026, 11, 29), date(2026, 12, 20)),
    (Birthday(11, 29), date(2026, 11, 29), date(2026, 11, 29)),
    (Birthday(2, 29, 1992), date(2027, 1, 10), date(2027, 2, 28)),  # not a leap year
    (Birthday(2, 29, 1992), date(2028, 1, 10), date(2028, 2, 29)),
])
def test_next_birthday(born: Birthday, after: date, expected: date) -> None:
    assert next_birthday(born, after) == expected


@pytest.mark.parametrize(("month", "day", "soon"), [
    (12, 20, True),   # the day the card arrives
    (1, 19, True),    # 30 days later
    (1, 20, False),   # 31 days later
    (12, 19, False),  # the day before it arrives: too late
])
def test_a_birthday_card_arrives_before_the_day(month: int, day: int, soon: bool) -> None:
    arrives = arrival(date(2026, 11, 29), 21)
    assert arrives == date(2026, 12, 20)
    assert birthday_soon(Birthday(month, day), arrives) is soon


@pytest.mark.parametrize(("day", "inside"), [
    (date(2026, 12, 9), False), (date(2026, 12, 10), True), (date(2027, 1, 1), True),
    (date(2027, 1, 14), True), (date(2027, 1, 15), False), (date(2027, 7, 1), False),
])
def test_a_season_runs_over_the_new_year(day: date, inside: bool) -> None:
    assert WINTER.contains(day) is inside


def test_birthday_before_season_before_general() -> None:
    assert occasion_for(Birthday(12, 25), date(2026, 12, 20), SEASONS) == "birthday"
    assert occasion_for(Birthday(6, 1), date(2026, 12, 20), SEASONS) == "winter"
    assert occasion_for(None, date(2027, 4, 1), SEASONS) == "spring"
    assert occasion_for(None, date(2026, 8, 1), SEASONS) == "general"


def test_make_gives_a_birthday_message_when_the_card_arrives_in_time(tmp_path: Path) -> None:
    soon = prisoner_yaml("soon", "Чекина Людмила Юрьевна", "institution: IK-4\nborn: 1978-07-10")
    later = prisoner_yaml("later", "Лойко Анастасия Юрьевна", "institution: IK-4\nborn: --10-01")
    dataset = load_dataset(data_file(tmp_path, soon, later))
    result = make_cards(dataset, CardOptions(today=date(2026, 6, 1), transit_days=21, copies=2),
                            tmp_path / "out.pdf")
    occasions = [(c.prisoner, c.occasion) for c in result.cards]
    assert occasions == [("soon", "birthday"), ("soon", "birthday"), ("later", "general"), ("later", "general")]
    first, second = result.cards[:2]
    assert first.message != second.message
    assert first.message in {t.id for t in bundled_library().pool("ru", "birthday", None)}


def test_copies_beyond_a_seasonal_pool_get_general_messages(tmp_path: Path) -> None:
    dataset = load_dataset(data_file(tmp_path))
    result = make_cards(dataset, CardOptions(today=date(2026, 12, 1), copies=3), tmp_path / "out.pdf")
    assert [c.occasion for c in result.cards] == ["winter", "winter", "general"]
    assert len({c.message for c in result.cards}) == 3


def test_auto_falls_back_to_general_messages_and_says_so(tmp_path: Path) -> None:
    library = load_library(library_file(tmp_path, "only-general", "Желаю Вам здоровья."))
    soon = prisoner_yaml("soon", "Чекина Людмила Юрьевна", "institution: IK-4\nborn: --07-01")
    job = prepare(load_dataset(data_file(tmp_path, soon)), CardOptions(today=date(2026, 6, 1)), library)
    assert [t.id for t in job.plan.templates] == ["only-general"]
    assert job.plan.notes == ("no birthday message in 'ru' that suits this writer: 1 card(s) got a general one",)


def test_an_occasion_whose_messages_all_need_the_writers_gender(tmp_path: Path) -> None:
    library = load_library(library_file(tmp_path, "pie", "Я {я:испекла|испёк} пирог."))
    with pytest.raises(PostcardsError) as caught:
        make_cards(load_dataset(data_file(tmp_path)), CardOptions(today=TODAY, occasion="general"), tmp_path / "out.pdf",
                       library=library)
    assert caught.value.lines() == ["--writer-gender: every general message in 'ru' agrees with the writer's "
                                    "gender; give --writer-gender female or male"]
