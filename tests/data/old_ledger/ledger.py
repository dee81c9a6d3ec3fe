"""The ledger of cards sent: an append-only CSV file (UTF-8, with a header) that people can
read and edit, one row a printed card. Runs read it to give each person messages they have
not had and the cards of a short evening to those who have had the fewest.

The file is never rewritten: rows are only added, after the PDF is written. A line that
cannot be read is reported with its number and left as it is.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import PostcardsError, Problem, SourceLocation

HEADER = ("date", "prisoner", "message", "language", "pack", "text")
DEFAULT_NAME = "sent.csv"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGES = ("ru", "be")


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
class Ledger:
    path: Path
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()  # lines that could not be read: warnings
    appendable: bool = True  # False when the file is not a ledger: nothing is added to it
    exists: bool = False

    def received(self) -> dict[str, frozenset[str]]:
        """The message ids each person has had."""
        found: dict[str, set[str]] = {}
        for entry in self.entries:
            found.setdefault(entry.prisoner, set()).add(entry.message)
        return {pid: frozenset(ids) for pid, ids in found.items()}

    def counts(self) -> Counter[str]:
        return Counter(entry.prisoner for entry in self.entries)


def default_path(data: Path | None) -> Path | None:
    """`sent.csv` beside the user's data file when that file exists there; None for the
    bundled data (nothing is written inside the installed package)."""
    if data is None:
        return None
    candidate = data.parent / DEFAULT_NAME
    return candidate if candidate.is_file() else None


def read_ledger(path: Path) -> Ledger:
    """The rows of `path` (none when it does not exist yet). Bad lines become warnings; a
    file that is not a ledger at all is not read and will not be added to."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Ledger(path)
    except IsADirectoryError:
        raise PostcardsError(f"{path}: is a directory, not a ledger file",
                             hint="give a file name with --ledger, e.g. sent.csv") from None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read the ledger: {exc.strerror}",
                             hint="fix its permissions, or use --no-ledger") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _not_a_ledger(path, 1, "is not UTF-8 text")
    if not text.strip():
        return Ledger(path, exists=True)
    return _parse(path, text)


def _parse(path: Path, text: str) -> Ledger:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    entries: list[Entry] = []
    problems: list[Problem] = []
    start = 1
    try:
        header = next(rows)
        if tuple(h.strip().lower() for h in header[: len(HEADER)]) != HEADER:
            return _not_a_ledger(path, 1, f"does not start with the header {','.join(HEADER)}")
        start = rows.line_num + 1
        for row in rows:
            entry, problem = _entry(row, start)
            if entry is not None:
                entries.append(entry)
            elif problem:
                problems.append(Problem(f"{problem}; the line is skipped and left as it is",
                                        SourceLocation(str(path), start, 1),
                                        hint="mend or delete the line"))
            start = rows.line_num + 1
    except csv.Error as exc:
        return _not_a_ledger(path, start, f"is not readable CSV from here ({exc})", entries, problems)
    return Ledger(path, tuple(entries), tuple(problems), exists=True)


def _entry(row: list[str], line: int) -> tuple[Entry | None, str]:
    if not any(cell.strip() for cell in row):
        return None, ""  # a blank line
    if len(row) != len(HEADER):
        return None, f"{len(row)} fields, expected {len(HEADER)} ({','.join(HEADER)})"
    day, prisoner, message, language, pack, text = (cell.strip() for cell in row)
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return None, f"'{day}' is not a date YYYY-MM-DD"
    if not _ID.match(prisoner):
        return None, f"'{prisoner}' is not a prisoner id"
    if language not in _LANGUAGES:
        return None, f"language '{language}' is not ru or be"
    if pack and not (pack.isdigit() and int(pack) > 0):
        return None, f"pack '{pack}' is not a writer's number"
    if not message:
        return None, "the message id is empty"
    return Entry(when, prisoner, message, language, int(pack) if pack else None, text, line), ""


def _not_a_ledger(path: Path, line: int, what: str, entries: Sequence[Entry] = (),
                  problems: Sequence[Problem] = ()) -> Ledger:
    problem = Problem(f"the ledger {what}; it is not used and nothing will be added to it",
                      SourceLocation(str(path), line, 1),
                      hint="mend the file, or give another with --ledger FILE")
    return Ledger(path, tuple(entries), (*problems, problem), appendable=False, exists=True)


def unknown_prisoners(ledger: Ledger, known: Iterable[str]) -> list[Problem]:
    """A warning per id in the ledger that the data file does not have (released and
    removed, or a typo); their rows are kept and counted."""
    ids = set(known)
    first: dict[str, int] = {}
    for entry in ledger.entries:
        if entry.prisoner not in ids:
            first.setdefault(entry.prisoner, entry.line)
    return [Problem(f"prisoner '{pid}' is not in the data file", SourceLocation(str(ledger.path), line, 1),
                    hint="kept as it is; fine for someone released or removed from the list")
            for pid, line in first.items()]


def check_writable(path: Path) -> None:
    """Fails before any printing when rows could not be added to `path` afterwards."""
    if path.is_dir():
        raise PostcardsError(f"{path}: is a directory, not a ledger file",
                             hint="give a file name with --ledger, e.g. sent.csv")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise PostcardsError(f"{path}: the ledger is not writable",
                                 hint="fix its permissions, choose another with --ledger FILE, "
                                      "or add --no-ledger")
        return
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise PostcardsError(f"{path}: cannot create the ledger in {parent}",
                             hint="choose a writable place with --ledger FILE, or add --no-ledger")


def append(path: Path, entries: Sequence[Entry]) -> None:
    """Adds `entries` at the end of `path` (with the header when the file is new or empty),
    in one write, flushed to disk. Nothing already there is changed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    size = path.stat().st_size if path.exists() else 0
    if size == 0:
        writer.writerow(HEADER)
    elif not _ends_with_newline(path):
        buffer.write("\n")
    for entry in entries:
        writer.writerow([entry.day.isoformat(), entry.prisoner, entry.message, entry.language,
                         "" if entry.pack is None else str(entry.pack), entry.text])
    try:
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise PostcardsError(f"{path}: the cards were printed but could not be recorded: {exc.strerror}",
                             hint="add them by hand, or the next run may repeat their messages") from None


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) in (b"\n", b"\r")


@dataclass(frozen=True)
class Total:
    prisoner: str
    cards: int
    last: date | None
    languages: tuple[str, ...]


def totals(entries: Iterable[Entry], order: Sequence[str] = ()) -> list[Total]:
    """Cards per person: everyone in `order` (with 0 when they had none), in that order,
    then the ledger's other ids in the order they first appear."""
    found: dict[str, list[Entry]] = {pid: [] for pid in order}
    for entry in entries:
        found.setdefault(entry.prisoner, []).append(entry)
    return [Total(pid, len(rows), max((r.day for r in rows), default=None),
                  tuple(sorted({r.language for r in rows})))
            for pid, rows in found.items()]


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
