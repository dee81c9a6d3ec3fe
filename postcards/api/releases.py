"""The documented calls for release and transfer lists (docs/api.md): who a pasted list names,
and the data file changed to say so. The matching and the file's text are loaded when first
used, so `import postcards` stays quick."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Dataset, Prisoner
from postcards.source.records import load_dataset
from postcards.source.yamlsource import did_you_mean

if TYPE_CHECKING:
    from postcards.text.namematch import Matching


@dataclass(frozen=True)
class Marked:
    """What `mark_released` or `mark_moved` did: the ids changed, those already so (nothing
    to change), and the data file as read back (the file before, when nothing changed)."""

    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    dataset: Dataset


def match_names(text: str, people: Dataset | Iterable[Prisoner]) -> Matching:
    """Who a pasted release or transfer list names among `people` (a dataset, or any people),
    line by line: `Matching.matches` (each with `line`, `text` as pasted, `prisoner_id`, `how`:
    exact, transliteration, inflected or initials, and `sure`), `ambiguous` (mentions that fit
    two people or more: act on none of them), `near` (namesakes and lone surnames, with `why`),
    and the lines that name nobody. Pure: nothing is read or written."""
    from postcards.text.namematch import match_names as matched

    return matched(text, people.prisoners if isinstance(people, Dataset) else people)


def mark_released(path: str | os.PathLike[str], ids: Iterable[str], *, day: date, source: str) -> Marked:
    """Set `status: released`, `released: day` and add `source` to `sources:` for each id in the
    data file at `path`, as text: every other line, comment and blank stays as it was. The new
    file must load with the new values before it replaces the old one; else nothing changes."""
    file = Path(path)
    dataset = load_dataset(file)
    people = _people(dataset, ids)
    done = [p.id for p in people if p.status == "released" and p.released == day]
    values = {"status": "released", "released": day.isoformat()}
    return _change(file, dataset, [p.id for p in people if p.id not in done], done, values, source)


def mark_moved(path: str | os.PathLike[str], ids: Iterable[str], *, institution: str, day: date,
               source: str) -> Marked:
    """Set `institution: CODE` (a code of the registry or of the file's `institutions:`) and
    `verified: day`, and add `source`, for each id, as `mark_released` changes a file. An
    unknown code is refused with a suggestion; so is a person with an inline `address:`."""
    from postcards.source.institutions import not_printable

    file = Path(path)
    dataset = load_dataset(file)
    if institution not in dataset.institutions:
        why, hint = not_printable(institution) or (
            f"unknown institution '{institution}'",
            did_you_mean(institution, dataset.institutions) or "`postcards institutions` lists the codes")
        raise PostcardsError(why, field="--moved", hint=hint)
    people = _people(dataset, ids)
    inline = [Problem(f"'{p.id}' has an inline address: it is not replaced by a code", p.where,
                      f"{p.field}.address", "change it by hand")
              for p in people if p.institution.code is None]
    if inline:
        raise PostcardsError.of(inline)
    done = [p.id for p in people if p.institution.code == institution and p.verified == day]
    values = {"institution": institution, "verified": day.isoformat()}
    return _change(file, dataset, [p.id for p in people if p.id not in done], done, values, source)


def _people(dataset: Dataset, ids: Iterable[str]) -> list[Prisoner]:
    by_id = {p.id: p for p in dataset.prisoners}
    wanted = list(dict.fromkeys(ids))
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise PostcardsError(f"no prisoner with id '{unknown[0]}' in {dataset.file}",
                             hint=did_you_mean(unknown[0], by_id) or "`postcards list` shows the ids")
    return [by_id[i] for i in wanted]


def _change(file: Path, dataset: Dataset, ids: list[str], done: list[str], values: dict[str, str],
            source: str) -> Marked:
    from postcards.source.yamlfields import Change, change_entries

    if not source.strip():
        raise PostcardsError("a change needs its source", field="source",
                             hint="say where the list comes from: a URL, or a title and a date")
    if not ids:
        return Marked((), tuple(done), dataset)
    after = change_entries(file, [Change(pid, values, source.strip()) for pid in ids])
    return Marked(tuple(ids), tuple(done), after)
