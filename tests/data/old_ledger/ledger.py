"""The ledger of cards sent: an append-only CSV file (UTF-8, with a header) that people can
read and edit, one row a printed card. Runs read it to give each person messages they have
not had and the cards of a short evening to those who have had the fewest.

Reading streams the file into what runs need per person (cards, last day, languages,
message ids); the texts are read again only for `ledger --export`. A line that cannot be
read is reported with its number and left as it is; a file that is not a ledger is refused.
The file is never rewritten: rows are only added, after the PDF is written, under a lock,
in one write that is undone when it fails.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from postcards.evening.ledgerfile import add_rows, check_writable, open_checked, settled_size
from postcards.evening.ledgerscan import HEADER, START, Row, Scan, Tail
from postcards.shared.errors import PostcardsError, Problem, SourceLocation

__all__ = ["HEADER", "Entry", "Ledger", "Tally", "Total", "append", "check_writable", "default_path",
           "export", "read_ledger", "totals", "unknown_prisoners"]

DEFAULT_NAME = "sent.csv"


@dataclass(frozen=True)
class Entry:
    """One card sent: when, to whom, which message in which language, in which pack."""

    day: date
    prisoner: str
    message: str  # a library message id, or "own" for a writer's own text
    language: str
    pack: int | None  # the writer's pack at an event; None for `make`
    text: str  # the card's text as printed, lines joined with newlines
    line: int = 0  # where the row starts in the file; 0 for a row not yet written


@dataclass(frozen=True)
class Tally:
    """What the ledger says of one person."""

    cards: int
    last: date
    languages: frozenset[str]
    messages: frozenset[str]  # the message ids they have had
    line: int  # where their first row is


@dataclass(frozen=True)
class Ledger:
    """The ledger as runs use it: per person, in the order they first appear."""

    path: Path
    people: Mapping[str, Tally] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()  # lines that could not be read: warnings
    appendable: bool = True  # always: a file that is not a ledger is refused, not returned
    exists: bool = False
    since: date | None = None  # only rows of this day or later are counted
    size: int = 0  # the bytes read; a second pass reads no further
    tail: Tail = START  # where new rows go

    @property
    def cards(self) -> int:
        return sum(t.cards for t in self.people.values())

    @property
    def entries(self) -> Rows:
        """Every counted row with its text, read again from the file on each pass."""
        return Rows(self)

    def received(self) -> dict[str, frozenset[str]]:
        """The message ids each person has had."""
        return {pid: t.messages for pid, t in self.people.items()}

    def counts(self) -> Counter[str]:
        return Counter({pid: t.cards for pid, t in self.people.items()})


class Rows(Iterable[Entry]):
    """A ledger's rows, texts included, streamed from its file; len() is its count of cards."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def __len__(self) -> int:
        return self.ledger.cards

    def __iter__(self) -> Iterator[Entry]:
        book = self.ledger
        handle = open_checked(book.path) if book.exists else None
        if handle is None:
            return
        with handle:
            scan = Scan(handle, book.path, book.size, texts=True)
            for line, day, pid, message, lang, pack, text in scan.rows():
                if book.since is None or day >= book.since:
                    yield Entry(day, pid, message, lang, pack, text or "", line)


def default_path(data: Path | None) -> Path | None:
    """`sent.csv` beside the user's data file when that file exists there; None for the
    bundled data (nothing is written inside the installed package)."""
    if data is None:
        return None
    candidate = data.parent / DEFAULT_NAME
    return candidate if candidate.is_file() else None


def read_ledger(path: Path, since: date | None = None) -> Ledger:
    """What `path` says per person (nothing when it does not exist yet), counting rows of
    `since` or later. Bad lines become warnings; a file that is not a ledger, not a regular
    file, or too large is refused with a PostcardsError before anything is printed."""
    handle = open_checked(path)
    if handle is None:
        return Ledger(path, since=since)
    with handle:
        size = settled_size(path, handle.fileno())
        scan = Scan(handle, path, size)
        people = _tally(scan.rows(), since)
    return Ledger(path, people, tuple(scan.problems), exists=True, since=since, size=size, tail=scan.tail)


class _Count:
    __slots__ = ("cards", "languages", "last", "line", "messages")

    def __init__(self, line: int, day: date) -> None:
        self.cards, self.last, self.line = 0, day, line
        self.languages: set[str] = set()
        self.messages: set[str] = set()


def _tally(rows: Iterable[Row], since: date | None) -> dict[str, Tally]:
    found: dict[str, _Count] = {}
    for line, day, pid, message, language, _, _ in rows:
        if since is not None and day < since:
            continue
        count = found.get(pid)
        if count is None:
            count = found[pid] = _Count(line, day)
        count.cards += 1
        count.messages.add(message)
        count.languages.add(language)
        if day > count.last:
            count.last = day
    return {pid: Tally(c.cards, c.last, frozenset(c.languages), frozenset(c.messages), c.line)
            for pid, c in found.items()}


def unknown_prisoners(ledger: Ledger, known: Iterable[str]) -> list[Problem]:
    """A warning per id in the ledger that the data file does not have (released and
    removed, or a typo); their rows are kept and counted."""
    ids = set(known)
    return [Problem(f"prisoner '{pid}' is not in the data file", SourceLocation(str(ledger.path), t.line, 1),
                    hint="kept as it is; fine for someone released or removed from the list")
            for pid, t in ledger.people.items() if pid not in ids]


def append(ledger: Ledger | Path, entries: Sequence[Entry]) -> None:
    """Adds `entries` at the end of the ledger (with the header when it is new, empty or
    blank), under its lock, in one write flushed to disk; nothing already there changes,
    except that a cut last row is closed first. Given the Ledger that was read, only what
    was added since is read again. When the write fails it is undone, and the error lists
    the rows to add by hand: the cards are printed by then."""
    if not entries:
        return
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    for entry in entries:
        writer.writerow([entry.day.isoformat(), entry.prisoner, entry.message, entry.language,
                         "" if entry.pack is None else str(entry.pack), entry.text])
    rows = buffer.getvalue().encode("utf-8")
    if isinstance(ledger, Ledger):
        add_rows(ledger.path, rows, len(entries), ledger.tail)
    else:
        add_rows(ledger, rows, len(entries))


@dataclass(frozen=True)
class Total:
    prisoner: str
    cards: int
    last: date | None
    languages: tuple[str, ...]


def totals(rows: Ledger | Iterable[Entry], order: Sequence[str] = ()) -> list[Total]:
    """Cards per person: everyone in `order` (with 0 when they had none), in that order,
    then the ledger's other ids in the order they first appear."""
    people = rows.people if isinstance(rows, Ledger) else _tally(
        ((e.line, e.day, e.prisoner, e.message, e.language, e.pack, None) for e in rows), None)
    found: dict[str, Tally | None] = {pid: None for pid in order}
    found.update((pid, t) for pid, t in people.items())
    return [Total(pid, 0, None, ()) if t is None else Total(pid, t.cards, t.last, tuple(sorted(t.languages)))
            for pid, t in found.items()]


def export(entries: Iterable[Entry], directory: Path, headings: dict[str, str]) -> list[Path]:
    """Per person, `DIRECTORY/<id>.txt`: every card sent, oldest first, with its date and
    language, for the archives that keep letters a prison withheld. A file is replaced
    whole (it is made from the ledger); other files in the directory are left alone."""
    by_person: dict[str, list[Entry]] = {}
    for entry in entries:
        by_person.setdefault(entry.prisoner, []).append(entry)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PostcardsError(f"{directory}: cannot create the directory: {exc.strerror}",
                             hint="choose a directory you can write to") from None
    written = []
    for pid, rows in by_person.items():
        rows.sort(key=lambda r: (r.day, r.line))
        parts = [f"{headings.get(pid, pid)}\nCards sent: {len(rows)}\n"]
        for row in rows:
            pack = f", pack {row.pack}" if row.pack is not None else ""
            parts.append(f"--- {row.day.isoformat()}, {row.language}, message {row.message}{pack}\n"
                         f"{row.text}\n")
        written.append(_write_text(directory / f"{pid}.txt", "\n".join(parts)))
    return written


def _write_text(path: Path, text: str) -> Path:
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise PostcardsError(f"{path}: cannot write: {exc.strerror}",
                             hint="choose a directory you can write to") from None
    return path
