"""Who gets a card: the organiser's filters, the rule that only imprisoned people get cards,
and the limit of a short evening. Pure functions over a validated dataset."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.options import Filters
from postcards.shared.words import people
from postcards.source.yamlsource import did_you_mean
from postcards.text.occasions import birthday_soon

SHOWN_IDS = 5  # ids named in a one-line summary before "..."


@dataclass(frozen=True)
class Selection:
    """Who gets a card, and who the filters chose that does not, with the reason."""

    prisoners: tuple[Prisoner, ...]  # who gets cards, in data-file order (or --only's order)
    skipped: tuple[tuple[Prisoner, str], ...] = ()  # chosen by the filters, no card: (who, why)


def matching(dataset: Dataset, filters: Filters, arrives: date) -> list[Prisoner]:
    """The people the filters choose, any status. Unknown ids, codes and tags are errors
    (a typo must not shrink an evening silently)."""
    _check_known(dataset, filters)
    by_id = {p.id: p for p in dataset.prisoners}
    people = [by_id[i] for i in dict.fromkeys(filters.only)] if filters.only else list(dataset.prisoners)
    excluded = set(filters.exclude)
    codes = set(filters.institutions)
    tags = set(filters.tags)
    return [
        p for p in people
        if p.id not in excluded
        and (not codes or p.institution.code in codes)
        and (not tags or tags.intersection(p.tags))
        and (not filters.statuses or p.status in filters.statuses)
        and (filters.born_within is None or birthday_soon(p.born, arrives, filters.born_within))
    ]


def select(dataset: Dataset, filters: Filters, arrives: date) -> Selection:
    """Who gets a card: the people the filters choose whose status is imprisoned; the others
    are kept with the reason, to be reported."""
    chosen = matching(dataset, filters, arrives)
    skipped = tuple((p, _status_reason(p.status)) for p in chosen if p.status != "imprisoned")
    return Selection(tuple(p for p in chosen if p.status == "imprisoned"), skipped)


def _status_reason(status: str) -> str:
    return "released" if status == "released" else "status unknown"


def limit(selection: Selection, cards: int | None, received: Mapping[str, int] | None = None) -> Selection:
    """At most `cards` people. With `received` (cards each person has had so far), those who
    had the fewest come first (ties: data-file order); else the list is cut in its order.
    The chosen keep their order; the rest are skipped "for another evening"."""
    people = selection.prisoners
    if cards is None or cards >= len(people):
        return selection
    if received is not None:
        ranked = sorted(range(len(people)), key=lambda i: (received.get(people[i].id, 0), i))
        keep = set(ranked[:cards])
    else:
        keep = set(range(cards))
    reason = "over the card limit: another evening"
    left = tuple((p, reason) for i, p in enumerate(people) if i not in keep)
    return Selection(tuple(p for i, p in enumerate(people) if i in keep), selection.skipped + left)


def skipped_summary(selection: Selection) -> str | None:
    """One line: 'Skipped 3 people: 2 released (a, b), 1 status unknown (c).', or None."""
    if not selection.skipped:
        return None
    reasons = Counter(why for _, why in selection.skipped)
    parts = []
    for why, count in reasons.items():
        ids = [p.id for p, w in selection.skipped if w == why]
        shown = ", ".join(ids[:SHOWN_IDS]) + (", ..." if len(ids) > SHOWN_IDS else "")
        parts.append(f"{count:,} {why} ({shown})")
    return f"Skipped {people(len(selection.skipped))}: {'; '.join(parts)}."


def nobody_error(dataset: Dataset, filters: Filters, selection: Selection) -> PostcardsError:
    """Why no card can be made, and what to change."""
    if selection.skipped:
        statuses = Counter(why for _, why in selection.skipped)
        told = ", ".join(f"{n} {why}" for why, n in statuses.items())
        count = len(selection.skipped)
        who = "the person selected is not" if count == 1 else f"none of the {count} people selected is"
        return PostcardsError(f"no one to make cards for: {who} imprisoned ({told})",
                              hint="only people with status: imprisoned get cards")
    if filters.narrowing:
        return PostcardsError("no one to make cards for: nobody in "
                              f"{dataset.file} matches the filters",
                              hint="loosen them; `postcards list` with the same filters shows "
                                   "who matches")
    return PostcardsError(f"no one to make cards for in {dataset.file}",
                          hint="add prisoners with status: imprisoned")


def _check_known(dataset: Dataset, filters: Filters) -> None:
    ids = {p.id for p in dataset.prisoners}
    tags = {t for p in dataset.prisoners for t in p.tags}
    problems = [_unknown(f"no prisoner with id '{i}' in {dataset.file}", i, ids, option,
                         "`postcards list` shows the ids")
                for option, values in (("--only", filters.only), ("--exclude", filters.exclude))
                for i in values if i not in ids]
    problems += [_unknown(f"no institution '{code}' in the registry or {dataset.file}", code,
                          dataset.institutions, "--institution", "`postcards list` shows who is where")
                 for code in filters.institutions if code not in dataset.institutions]
    problems += [_unknown(f"no one in {dataset.file} has the tag '{tag}'", tag, tags, "--tag",
                          f"the tags there: {', '.join(sorted(tags))}" if tags else "add tags: [...] "
                          "to the people you want to choose this way")
                 for tag in filters.tags if tag not in tags]
    if problems:
        raise PostcardsError.of(problems)


def _unknown(message: str, value: str, known: Collection[str], option: str, otherwise: str) -> Problem:
    return Problem(message, field=option, hint=did_you_mean(value, known) or otherwise)
