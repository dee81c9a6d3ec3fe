"""An organiser's spreadsheet into a data file: every row read (`importrows`), matched with the
people already in the file (with `update`), planned as additions and in-place changes, and the
whole new file text built, loaded and checked before it is written in one atomic step.

All or nothing by default: any row's problem stops the import, each located `FILE:ROW:COLUMN`.
With `skip_bad` the good rows are written and the others listed. With `update`, a person
already in the file (by an id column, else by the same Russian name) is changed in place, and
only in what goes stale: the institution or address, the unit, the status, and `verified:`;
the rest of the entry, its comments among them, is the organiser's and stays."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from postcards.api.importrows import RowEntry, read_row
from postcards.api.people import free_id, name_key, registry_of, same_name, same_place
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.files import DATA_LIMIT_BYTES, read_bytes
from postcards.shared.model import Dataset, Prisoner
from postcards.shared.words import plural
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.source.sheets import ADDRESS_ORDER, read_table
from postcards.source.yamlupdate import Change, Lines, change_items
from postcards.source.yamlwrite import insert_item, place_lines, render_entry, replace_data

_INDEX = re.compile(r"^prisoners\[(\d+)\](?:\.(\w+))?")
_COLUMN_OF = {"born": "birthday", "about": "notes", "sentence": "articles", "name": "name",
              "gender": "gender", "id": "id", "unit": "unit", "tags": "tags", "status": "status",
              "verified": "verified", "sources": "sources", "institution": "address", "address": "address"}
PROGRESS_EVERY = 25  # rows
SHOWN_ROWS = 10  # skipped rows named in the summary (each has its own lines above it)


@dataclass(frozen=True)
class Imported:
    """What an import did (or, when not `written`, would do): the ids added, updated and found
    unchanged, the rows skipped with their problems, and warnings, each at its cell."""

    path: Path
    read: int
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    skipped: tuple[int, ...] = ()  # row numbers
    problems: tuple[Problem, ...] = ()  # the skipped rows'
    warnings: tuple[Problem, ...] = ()
    created: bool = False
    written: bool = False

    def summary(self) -> str:
        """"Read 40 rows: 37 added, 2 updated, 1 skipped (row 12: no postcode)."."""
        counts = [f"{len(self.added):,} added", f"{len(self.updated):,} updated"]
        if self.unchanged:
            counts.append(f"{len(self.unchanged):,} unchanged")
        counts.append(f"{len(self.skipped):,} skipped")
        text = f"Read {plural(self.read, 'row')}: {', '.join(counts)}"
        if len(self.skipped) == 1:
            text += f" (row {self.skipped[0]}: {self.problems[0].message})"
        elif self.skipped:
            shown = ", ".join(map(str, self.skipped[:SHOWN_ROWS]))
            more = len(self.skipped) - SHOWN_ROWS
            text += f" (rows {shown}" + (f" and {more} more)" if more > 0 else ")")
        return text + "."


@dataclass
class _Plan:
    adds: list[tuple[RowEntry, str]] = field(default_factory=list)
    updates: list[tuple[RowEntry, Prisoner, dict[str, Lines | None]]] = field(default_factory=list)
    unchanged: list[tuple[RowEntry, Prisoner]] = field(default_factory=list)
    problems: dict[int, list[Problem]] = field(default_factory=dict)

    def refuse(self, entry: RowEntry, problem: Problem) -> None:
        self.problems.setdefault(entry.row.number, []).append(problem)


def import_people(source: Path, out: Path, *, columns: Mapping[str, str] | None, sheet: str | None,
                  update: bool, skip_bad: bool, today: date, confirm: Callable[[Imported], bool] | None,
                  progress: Callable[[int, int], None] | None) -> Imported:
    existing = _target(out, update)
    table = read_table(source, sheet=sheet, columns=columns)
    rows = list(table.rows())
    registry = registry_of(existing)
    entries = []
    for number, row in enumerate(rows, start=1):
        entries.append(read_row(row, registry))
        if progress is not None and (number % PROGRESS_EVERY == 0 or number == len(rows)):
            progress(number, len(rows))
    warnings = [*table.notes(), *(w for e in entries for w in e.warnings)]
    bad: dict[int, list[Problem]] = {e.row.number: list(e.problems) for e in entries if e.problems}
    found: list[Imported] = []

    def decide(plan: _Plan, loaded: Dataset) -> bool:
        notes = [w[1] for w in map(partial(_at_row, existing, plan), loaded.warnings) if w]
        found.append(_result(out, len(rows), plan, bad, [*warnings, *notes], existing is None))
        return confirm is None or confirm(found[-1])

    for _ in range(3):  # a row the checks of the new text refuse is set aside, once or twice
        plan = _plan([e for e in entries if e.row.number not in bad], existing, today, str(out))
        bad.update(plan.problems)
        if bad and not skip_bad:
            raise PostcardsError.of([p for number in sorted(bad) for p in bad[number]])
        if not plan.adds and not plan.updates:
            result = _result(out, len(rows), plan, bad, warnings, existing is None)
            if bad:
                none = Problem(f"no row could be imported; {out} is as it was")
                raise PostcardsError.of([*result.problems, none])
            return result
        text, count = _new_text(out, existing, plan, today, source)
        try:
            written = replace_data(out, text, count, partial(decide, plan))
        except PostcardsError as exc:
            bad.update(_rows_refused(exc, existing, plan))
            continue
        return replace(found[-1], written=written is not None)
    raise PostcardsError(f"{out}: the new text did not load", hint="import fewer rows at a time")


def _result(out: Path, read: int, plan: _Plan, bad: Mapping[int, list[Problem]], warnings: list[Problem],
            created: bool) -> Imported:
    return Imported(out, read, tuple(pid for _, pid in plan.adds), tuple(p.id for _, p, _ in plan.updates),
                    tuple(p.id for _, p in plan.unchanged), tuple(sorted(bad)),
                    tuple(p for number in sorted(bad) for p in bad[number]), _merged(warnings), created)


def _target(out: Path, update: bool) -> Dataset | None:
    if out.resolve() == bundled_data().resolve():
        raise PostcardsError(f"{out}: is the list that ships with postcards; it is never written to",
                             hint="import into your own file, e.g. -o prisoners.yaml")
    if update:
        if not out.exists():
            raise PostcardsError(f"{out}: no such file to update", hint=f"to create it, use -o {out}")
        return load_dataset(out)
    if out.exists():
        raise PostcardsError(f"{out}: exists; not replacing it",
                             hint=f"merge into it with --update {out}, or choose another file with -o")
    return None


def _plan(entries: Sequence[RowEntry], existing: Dataset | None, today: date, file: str) -> _Plan:
    plan = _Plan()
    people = existing.prisoners if existing else ()
    by_id = {p.id: p for p in people}
    by_name: dict[tuple[str, str], list[Prisoner]] = {}
    for person in people:
        by_name.setdefault(name_key(person.name.ru)[:2], []).append(person)
    taken = set(by_id)
    matched: dict[str, int] = {}
    earlier: dict[tuple[str, str], list[RowEntry]] = {}
    for entry in entries:
        assert entry.fields is not None and entry.fields.ru is not None and entry.prisoner is not None
        name = entry.row.where("name" if "name" in entry.row.cells else "surname")
        key = name_key(entry.fields.ru)[:2]
        twin = next((e for e in earlier.get(key, ()) if _same(e, entry)), None)
        if twin is not None:
            plan.refuse(entry, Problem(f"the same person as row {twin.row.number}", name,
                                       hint="delete one of the two rows"))
            continue
        match = _match(entry, by_name.get(key, []), by_id, file, plan) if existing is not None else None
        if entry.row.number in plan.problems:
            continue
        if match is not None:
            if match.id in matched:
                plan.refuse(entry, Problem(f"'{match.id}' in {file} is row {matched[match.id]} too", name,
                                           hint="delete one of the two rows"))
                continue
            matched[match.id] = entry.row.number
            changes = _changes(entry, match, today)
            if changes:
                plan.updates.append((entry, match, changes))
            else:
                plan.unchanged.append((entry, match))
        elif entry.pid is not None and entry.pid in taken:
            plan.refuse(entry, Problem(f"id '{entry.pid}' is taken", entry.row.where("id"),
                                       hint="give each person an id of their own"))
            continue
        else:
            pid = entry.pid or free_id(entry.prisoner.id, taken)
            taken.add(pid)
            plan.adds.append((entry, pid))
        earlier.setdefault(key, []).append(entry)
    return plan


def _same(one: RowEntry, other: RowEntry) -> bool:
    """The same person at the same place, twice in the sheet."""
    a, b = (one.fields and one.fields.ru), (other.fields and other.fields.ru)
    if not (a and b and one.prisoner and other.prisoner):
        return False
    return same_name(a, b) and same_place(one.prisoner.institution, other.prisoner.institution)


def _match(entry: RowEntry, people: Sequence[Prisoner], by_id: Mapping[str, Prisoner], file: str,
           plan: _Plan) -> Prisoner | None:
    """The person already in the file the row is about: by its id, else by the same name
    (`people`: those with the row's surname and given name)."""
    assert entry.fields is not None and entry.fields.ru is not None
    if entry.pid is not None:
        match = by_id.get(entry.pid)
        if match is not None and not same_name(match.name.ru, entry.fields.ru):
            plan.refuse(entry, Problem(f"id '{entry.pid}' is {match.name.ru.full()} in {file} "
                                       f"(line {match.where.line}), not {entry.fields.ru.full()}",
                                       entry.row.where("id"), hint="correct the id or the name"))
        return match
    namesakes = [p for p in people if same_name(p.name.ru, entry.fields.ru)]
    if len(namesakes) > 1:  # namesakes: the one at the row's place, if one is
        assert entry.prisoner is not None
        here = [p for p in namesakes if same_place(p.institution, entry.prisoner.institution)]
        namesakes = here if len(here) == 1 else namesakes
    if len(namesakes) > 1:
        plan.refuse(entry, Problem(f"{file} has {len(namesakes)} people of this name: " + ", ".join(
            f"'{p.id}' (line {p.where.line})" for p in namesakes),
            entry.row.where("name" if "name" in entry.row.cells else "surname"),
            hint="say which with an id column (--column id=LETTER)"))
        return None
    return namesakes[0] if namesakes else None


def _changes(entry: RowEntry, match: Prisoner, today: date) -> dict[str, Lines | None]:
    """What of `match` the row changes: the place (and with it the unit), the unit, the status
    (when the row gives one), and then `verified:`; else a later verified date alone."""
    assert entry.fields is not None and entry.prisoner is not None
    fields, keys = entry.fields, dict[str, Lines | None]()
    lines = place_lines(fields)
    unit = tuple(line for line in lines if line.startswith("  unit:")) or None
    if not same_place(match.institution, entry.prisoner.institution):
        keys["institution|address"] = tuple(line for line in lines if not line.startswith("  unit:"))
        keys["unit"] = unit
    elif fields.unit and fields.unit != match.unit:
        keys["unit"] = unit
    if entry.row.text("status") and fields.status != match.status:
        keys["status"] = (f"  status: {fields.status}",)
    verified = entry.verified or today
    if keys or (entry.verified and (match.verified is None or entry.verified > match.verified)):
        keys["verified"] = (f"  verified: {verified.isoformat()}",)
    return keys


def _new_text(out: Path, existing: Dataset | None, plan: _Plan, today: date,
              source: Path) -> tuple[str, int]:
    """The file's new text, and how many people it holds."""
    items = [render_entry(e.fields, pid, e.verified or today, e.sources) for e, pid in plan.adds if e.fields]
    if existing is None:
        head = (f"# Imported from {source.name} by postcards import on {today.isoformat()}. Check each\n"
                "# address at prisoners.spring96.org before posting, then update its verified: date.\n"
                "version: 1\n")
        text, bom = _spaced(head, items), ""
    else:
        raw = read_bytes(out, "a prisoners YAML file", DATA_LIMIT_BYTES).decode("utf-8")
        bom = "\ufeff" if raw.startswith("\ufeff") else ""
        changes = [Change(p.where.line, keys) for _, p, keys in plan.updates]
        text = insert_item(change_items(raw[len(bom):], changes, str(out)), items, str(out)).text
    return bom + text, len(existing.prisoners if existing else ()) + len(items)


def _spaced(head: str, items: Sequence[str]) -> str:
    """A new file's text: the items a blank line apart, as prisoners.yaml writes them."""
    body = "\n".join("".join(f"  {line}" if line.strip() else line for line in item.splitlines(keepends=True))
                     for item in items)
    return f"{head}prisoners:\n{body}"


def _rows_refused(exc: PostcardsError, existing: Dataset | None, plan: _Plan) -> dict[int, list[Problem]]:
    """The new text's problems at the rows whose entries hold them; any other is raised."""
    refused: dict[int, list[Problem]] = {}
    for problem in exc.problems:
        found = _at_row(existing, plan, problem)
        if found is None:
            raise exc
        refused.setdefault(found[0], []).append(found[1])
    return refused


def _at_row(existing: Dataset | None, plan: _Plan, problem: Problem) -> tuple[int, Problem] | None:
    """(row number, the problem at the row's cell) for a problem of the new text in an entry
    the import adds or changes; None for one elsewhere."""
    found = _INDEX.match(problem.field or "")
    if found is None:
        return None
    index, before = int(found.group(1)), len(existing.prisoners) if existing else 0
    updated = {p.index: e for e, p, _ in plan.updates}
    entry = updated.get(index) if index < before else (
        plan.adds[index - before][0] if index - before < len(plan.adds) else None)
    if entry is None:
        return None
    column = _COLUMN_OF.get(found.group(2) or "", "name")
    if column == "address":
        column = next(f for f in ADDRESS_ORDER if entry.row.text(f))
    if column not in entry.row.cells:
        column = "name" if "name" in entry.row.cells else "surname"
    return entry.row.number, Problem(problem.message, entry.row.where(column), hint=problem.hint)


def _merged(warnings: Sequence[Problem]) -> tuple[Problem, ...]:
    """Each warning once, at its first cell, saying how many more rows have it."""
    counted: dict[tuple[str, str | None], list[Problem]] = {}
    for warning in dict.fromkeys(warnings):  # the parser and the data file's check may say the same
        counted.setdefault((warning.message, warning.hint), []).append(warning)
    return tuple(found[0] if len(found) == 1 else replace(
        found[0], message=f"{found[0].message} (and {plural(len(found) - 1, 'more row')} like it)")
        for found in counted.values())
