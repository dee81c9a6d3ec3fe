"""How old each address is: warnings for addresses never verified, verified too long ago, or
dated after today (a typo in the year)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from postcards.shared.errors import Problem
from postcards.shared.model import Prisoner
from postcards.source.yamlsource import join


def stale_addresses(prisoners: Iterable[Prisoner], today: date, stale_after_days: int) -> list[Problem]:
    """Warnings for addresses never verified or verified longer ago than the limit."""
    return [problem for _, problem in stale_people(prisoners, today, stale_after_days)]


def stale_people(prisoners: Iterable[Prisoner], today: date,
                 stale_after_days: int) -> list[tuple[Prisoner, Problem]]:
    """Imprisoned people whose address was never verified or verified too long ago, each
    with the warning that says so."""
    limit = _days_before(today, stale_after_days)
    found = []
    for p in prisoners:
        if p.status != "imprisoned":
            continue
        if p.verified is None:
            found.append((p, Problem("the address was never verified", p.where, join(p.field, "verified"),
                                     "check it at prisoners.spring96.org and add verified: YYYY-MM-DD")))
        elif p.verified > today:
            found.append((p, Problem(f"the address is marked verified on {p.verified}, after today "
                                     f"({today})", p.where, join(p.field, "verified"),
                                     "check the year: write the day it was really checked")))
        elif p.verified < limit:
            age = (today - p.verified).days
            found.append((p, Problem(f"the address was last verified {p.verified} ({age} days ago)",
                                     p.where, join(p.field, "verified"),
                                     "check it at prisoners.spring96.org before posting")))
    return found


def future_birthdays(prisoners: Iterable[Prisoner], today: date) -> list[Problem]:
    """Warnings for birth years after today (a typo: the year of the card, not of the birth)."""
    return [Problem(f"born {p.born.year}-{p.born.month:02d}-{p.born.day:02d} is after today ({today})",
                    p.where, join(p.field, "born"), "check the year of birth")
            for p in prisoners
            if p.born is not None and p.born.year is not None
            and (p.born.year, p.born.month, p.born.day) > (today.year, today.month, today.day)]


def future_releases(prisoners: Iterable[Prisoner], today: date) -> list[Problem]:
    """Warnings for release days after today (a typo, or a release announced ahead)."""
    return [Problem(f"released {p.released} is after today ({today})", p.where, join(p.field, "released"),
                    "check the date against the source")
            for p in prisoners if p.released is not None and p.released > today]


def _days_before(day: date, days: int) -> date:
    """`days` before `day`, or the calendar's first day when that is further back."""
    return day - timedelta(days=days) if days < (day - date.min).days else date.min
