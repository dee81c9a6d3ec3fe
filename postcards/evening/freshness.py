"""How old each address is: warnings for addresses never verified or verified too long ago."""

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
    limit = today - timedelta(days=stale_after_days)
    found = []
    for p in prisoners:
        if p.status != "imprisoned":
            continue
        if p.verified is None:
            found.append((p, Problem("the address was never verified", p.where, join(p.field, "verified"),
                                     "check it at prisoners.spring96.org and add verified: YYYY-MM-DD")))
        elif p.verified < limit:
            age = (today - p.verified).days
            found.append((p, Problem(f"the address was last verified {p.verified} ({age} days ago)",
                                     p.where, join(p.field, "verified"),
                                     "check it at prisoners.spring96.org before posting")))
    return found
