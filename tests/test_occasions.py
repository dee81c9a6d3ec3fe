"""Occasions: a birthday card arrives in time, seasons run over the new year, spring follows
the person's own Easter, and `auto` puts a birthday before a season before a general message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import TODAY, data_file, library_file, prisoner_yaml

from postcards import make_cards
from postcards.api.jobs import prepare
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday, Confession
from postcards.shared.options import CardOptions, Occasion
from postcards.source.records import load_dataset
from postcards.text.messages import bundled_library, load_library
from postcards.text.occasions import (
    Easter,
    Season,
    arrival,
    birthday_soon,
    easter_day,
    next_birthday,
    occasion_for,
)

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


@pytest.mark.parametrize(("year", "easter", "day"), [
    (2026, "orthodox", date(2026, 4, 12)), (2026, "western", date(2026, 4, 5)),
    (2027, "orthodox", date(2027, 5, 2)), (2027, "western", date(2027, 3, 28)),
])
def test_easter_falls_on_its_known_day(year: int, easter: Easter, day: date) -> None:
    assert easter_day(year, easter) == day


EASTER = Season(easter="orthodox")  # two weeks before the person's Easter to a week after


@pytest.mark.parametrize(("day", "confession", "inside"), [
    # 2027: Western Easter 28 March, Orthodox 2 May
    (date(2027, 3, 13), "catholic", False), (date(2027, 3, 14), "catholic", True),
    (date(2027, 4, 4), "catholic", True), (date(2027, 4, 5), "catholic", False),
    (date(2027, 3, 30), "protestant", True), (date(2027, 3, 30), "orthodox", False),
    (date(2027, 3, 30), None, False),  # no confession in the data: the Orthodox date
    (date(2027, 4, 17), None, False), (date(2027, 4, 18), None, True),
    (date(2027, 5, 9), "orthodox", True), (date(2027, 5, 10), "orthodox", False),
])
def test_spring_is_the_days_around_the_persons_easter(day: date, confession: Confession | None,
                                                      inside: bool) -> None:
    assert EASTER.contains(day, confession) is inside


def test_a_catholic_and_an_orthodox_card_arriving_the_same_day() -> None:
    seasons: dict[Occasion, Season] = {"winter": WINTER, "spring": EASTER}
    arrives = date(2027, 3, 30)
    assert occasion_for(None, arrives, seasons, confession="catholic") == "spring"
    assert occasion_for(None, arrives, seasons, confession="orthodox") == "general"
    assert occasion_for(None, date(2027, 4, 25), seasons, confession="catholic") == "general"
    assert occasion_for(None, date(2027, 4, 25), seasons, confession="orthodox") == "spring"


def test_the_bundled_spring_follows_the_orthodox_easter() -> None:
    spring = bundled_library().seasons["spring"]
    assert (spring.easter, spring.before, spring.after) == ("orthodox", 14, 7)


def test_make_gives_each_person_the_spring_of_their_own_easter(tmp_path: Path) -> None:
    catholic = prisoner_yaml("catholic", "Чекина Людмила Юрьевна", "institution: IK-4\nconfession: catholic")
    orthodox = prisoner_yaml("orthodox", "Лойко Анастасия Юрьевна", "institution: IK-4\nconfession: orthodox")
    unsaid = prisoner_yaml("unsaid", "Ковалёва Анна Сергеевна")
    dataset = load_dataset(data_file(tmp_path, catholic, orthodox, unsaid))
    assert [p.confession for p in dataset.prisoners] == ["catholic", "orthodox", None]
    result = make_cards(dataset, CardOptions(today=date(2027, 3, 9), transit_days=21), tmp_path / "out.pdf")
    assert [(c.prisoner, c.occasion) for c in result.cards] == [
        ("catholic", "spring"), ("orthodox", "general"), ("unsaid", "general")]


def test_a_confession_that_is_not_known(tmp_path: Path) -> None:
    typo = prisoner_yaml("chekina", "Чекина Людмила Юрьевна", "institution: IK-4\nconfession: catolic")
    with pytest.raises(PostcardsError) as caught:
        load_dataset(data_file(tmp_path, typo))
    assert caught.value.lines() == [f"{tmp_path / 'data.yaml'}:6:17: prisoners[0].confession: unknown "
                                    "confession 'catolic'; did you mean 'catholic'?"]


def _library_with_spring(tmp_path: Path, spring: str) -> Path:
    path = library_file(tmp_path, "mine", "Добрый день.")
    path.write_text(path.read_text(encoding="utf-8") + f"seasons:\n  spring: {spring}\n", encoding="utf-8")
    return path


def test_a_library_sets_the_easter_window(tmp_path: Path) -> None:
    library = load_library(_library_with_spring(tmp_path, "{easter: western, before: 3, after: 1}"))
    assert library.seasons["spring"] == Season(easter="western", before=3, after=1)
    fixed = load_library(_library_with_spring(tmp_path, '{easter: "off", from: "03-20", to: "05-10"}'))
    assert fixed.seasons["spring"] == Season((3, 20), (5, 10))


@pytest.mark.parametrize(("spring", "problem"), [
    ("{easter: westen}", "seasons.spring.easter: unknown Easter 'westen'; did you mean 'western'?"),
    ('{easter: "off", from: "03-20"}', "seasons.spring.to: missing; add 'to:'"),
    ("{after: 90}", "seasons.spring.after: "),
])
def test_a_spring_that_cannot_be_read(tmp_path: Path, spring: str, problem: str) -> None:
    path = _library_with_spring(tmp_path, spring)
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert len(caught.value.lines()) == 1
    assert problem in caught.value.lines()[0]
