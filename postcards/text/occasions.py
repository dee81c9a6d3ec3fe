"""Which occasion a card is for: a birthday, a season's holidays, or none in particular.

A card posted today arrives after the transit time; what it says should suit that day. Spring
is the days around the person's own Easter: Orthodox, or Western for a Catholic or Protestant.
"""

from __future__ import annotations

import re
from calendar import isleap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from yaml.nodes import Node, ScalarNode

from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday, Confession, Prisoner
from postcards.shared.options import SEASONAL, Occasion
from postcards.source.yamlsource import Reader, join

BIRTHDAY_WINDOW_DAYS = 30  # a birthday card may arrive up to this long before the day
Easter = Literal["orthodox", "western"]
EASTERS: tuple[Easter, ...] = ("orthodox", "western")
# An Easter card may arrive two weeks ahead, and in the week after the feast (Bright Week,
# the octave), when both churches still greet with it.
EASTER_BEFORE_DAYS = 14
EASTER_AFTER_DAYS = 7
EASTER_MAX_DAYS = 60  # the window stays within its own year's spring


def easter_day(year: int, easter: Easter) -> date:
    """The Sunday of Easter in `year` by the Orthodox or the Western reckoning."""
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN  # only for spring
    from dateutil.easter import easter as computed

    return computed(year, EASTER_ORTHODOX if easter == "orthodox" else EASTER_WESTERN)


def easter_for(confession: Confession | None, default: Easter = "orthodox") -> Easter:
    """The Easter a person keeps: Orthodox for the Orthodox, Western for Catholics and
    Protestants, `default` when the data does not say."""
    if confession is None:
        return default
    return "orthodox" if confession == "orthodox" else "western"


@dataclass(frozen=True)
class Season:
    """Days of the year, MM-DD to MM-DD inclusive (may run over the new year); or, with
    `easter`, from `before` days before the person's Easter to `after` days after it, `easter`
    saying whose Easter counts for someone whose confession is not in the data."""

    start: tuple[int, int] = (1, 1)
    end: tuple[int, int] = (12, 31)
    easter: Easter | None = None
    before: int = EASTER_BEFORE_DAYS
    after: int = EASTER_AFTER_DAYS

    def contains(self, day: date, confession: Confession | None = None) -> bool:
        if self.easter is not None:
            feast = easter_day(day.year, easter_for(confession, self.easter))
            return feast - timedelta(days=self.before) <= day <= feast + timedelta(days=self.after)
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


_MMDD = re.compile(r"^(\d{2})-(\d{2})$")
_SPRING_KEYS = ("from", "to", "easter", "before", "after")


def read_seasons(reader: Reader, node: Node) -> dict[Occasion, Season]:
    """A library's `seasons:`: winter from MM-DD to MM-DD; spring around Easter (`easter:
    orthodox` by default, `before:`/`after:` days), or from MM-DD to MM-DD with `easter: off`."""
    seasons: dict[Occasion, Season] = {}
    for name, season_node in (reader.mapping(node, "seasons", SEASONAL) or {}).items():
        path = join("seasons", name)
        keys = _SPRING_KEYS if name == "spring" else ("from", "to")
        fields = reader.mapping(season_node, path, keys) or {}
        easter = _read_easter(reader, fields, path) if name == "spring" else "off"
        if easter is None:
            continue
        season = _read_span(reader, fields, path, season_node, required=easter == "off")
        if season is not None and easter != "off":
            season = _read_window(reader, fields, path, season, easter)
        if season is not None:
            seasons[name] = season  # type: ignore[index]
    return seasons


def _read_easter(reader: Reader, fields: dict[str, Node], path: str) -> Easter | Literal["off"] | None:
    """Whose Easter spring follows when the data does not say; "off" for fixed days; None when
    the value is wrong (the reader holds why)."""
    if "easter" not in fields:
        return "orthodox"
    value = reader.choice(fields["easter"], join(path, "easter"), (*EASTERS, "off"), "Easter")
    return "off" if value == "off" else next((e for e in EASTERS if e == value), None)


def _read_span(reader: Reader, fields: dict[str, Node], path: str, node: Node,
               required: bool) -> Season | None:
    """The season's `from`/`to` days; both needed when `required` (no Easter window)."""
    if required:
        for key in ("from", "to"):
            if key not in fields:
                reader.error(node, join(path, key), "missing", f"add '{key}:'")
    if "from" not in fields or "to" not in fields:
        return None if required else Season()
    start = _read_day(reader, fields["from"], join(path, "from"))
    end = _read_day(reader, fields["to"], join(path, "to"))
    return Season(start, end) if start and end else None


def _read_window(reader: Reader, fields: dict[str, Node], path: str, span: Season,
                 easter: Easter) -> Season | None:
    days = {"before": EASTER_BEFORE_DAYS, "after": EASTER_AFTER_DAYS}
    for key in days:
        if key in fields:
            value = reader.integer(fields[key], join(path, key), 0, EASTER_MAX_DAYS)
            if value is None:
                return None
            days[key] = value
    return Season(span.start, span.end, easter, days["before"], days["after"])


def _read_day(reader: Reader, node: Node, path: str) -> tuple[int, int] | None:
    raw = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    match = _MMDD.match(raw)
    if not match or not (1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(2)) <= 31):
        reader.error(node, path, f"expected a day of the year MM-DD, found '{raw}'", "e.g. 12-15")
        return None
    return int(match.group(1)), int(match.group(2))


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
                 birthday_window: int = BIRTHDAY_WINDOW_DAYS,
                 confession: Confession | None = None) -> Occasion:
    """A birthday first (within `birthday_window` days after arrival), then a season the
    arrival day falls in (spring: around the Easter of the person's `confession`), else general."""
    if birthday_soon(born, arrives, birthday_window):
        return "birthday"
    for name in SEASONAL:
        season = seasons.get(name)
        if season is not None and season.contains(arrives, confession):
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
