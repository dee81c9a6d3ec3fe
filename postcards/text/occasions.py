"""Which occasion a card is for: a birthday, a season's holidays, or none in particular.

A card posted today arrives after the transit time; what it says should suit that day.
"""

from __future__ import annotations

from calendar import isleap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday, Prisoner
from postcards.shared.options import SEASONAL, Occasion

BIRTHDAY_WINDOW_DAYS = 30  # a birthday card may arrive up to this long before the day


@dataclass(frozen=True)
class Season:
    """Days of the year, MM-DD to MM-DD inclusive; may run over the new year."""

    start: tuple[int, int]
    end: tuple[int, int]

    def contains(self, day: date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


def arrival(today: date, transit_days: int) -> date:
    """The day a card posted `today` arrives. Refused past year 9998: the next birthdays are
    looked for up to a year after arrival, and the calendar ends with 9999."""
    try:
        day = today + timedelta(days=transit_days)
    except OverflowError:
        day = date.max
    if day.year >= date.max.year:
        raise PostcardsError(f"a card posted on {today.isoformat()} would arrive past the end of the "
                             "calendar", field="--today", hint="give a date before the year 9999")
    return day


def next_birthday(born: Birthday, after: date) -> date:
    """The first birthday on or after `after`; 29 February counts as 28 February in other years."""
    for year in (after.year, after.year + 1):
        day = 28 if (born.month, born.day) == (2, 29) and not isleap(year) else born.day
        candidate = date(year, born.month, day)
        if candidate >= after:
            return candidate
    raise AssertionError("a birthday comes within a year")


def birthday_soon(born: Birthday | None, arrives: date, window_days: int = BIRTHDAY_WINDOW_DAYS) -> bool:
    """The birthday falls on the day the card arrives or within `window_days` after it."""
    if born is None:
        return False
    return (next_birthday(born, arrives) - arrives).days <= window_days


def occasion_for(born: Birthday | None, arrives: date, seasons: Mapping[Occasion, Season],
                 birthday_window: int = BIRTHDAY_WINDOW_DAYS) -> Occasion:
    """A birthday first (within `birthday_window` days after arrival), then a season the
    arrival day falls in, else general."""
    if birthday_soon(born, arrives, birthday_window):
        return "birthday"
    for name in SEASONAL:
        season = seasons.get(name)
        if season is not None and season.contains(arrives):
            return name
    return "general"


@dataclass(frozen=True)
class Upcoming:
    """A birthday a card posted today can reach in time."""

    prisoner: Prisoner
    day: date
    post_by: date  # the day minus the transit time
    turns: int | None  # the age, when the year of birth is known


def upcoming_birthdays(prisoners: Iterable[Prisoner], today: date, transit_days: int,
                       within_days: int) -> list[Upcoming]:
    """People whose birthday falls on the day a card posted today arrives or within
    `within_days` after it (the window of `--born-within`), soonest first."""
    arrives = arrival(today, transit_days)
    found = []
    for prisoner in prisoners:
        if prisoner.born is None or not birthday_soon(prisoner.born, arrives, within_days):
            continue
        day = next_birthday(prisoner.born, arrives)
        turns = day.year - prisoner.born.year if prisoner.born.year is not None else None
        found.append(Upcoming(prisoner, day, day - timedelta(days=transit_days), turns))
    return sorted(found, key=lambda u: u.day)
