"""Reading a ledger's bytes as a stream of rows with their line numbers: lines that cannot be
read are reported and stepped over, and the scan tells where the next rows go.

Rows are matched in large chunks by one pattern for the rows this tool writes; anything else
goes the careful way: its lines are grouped by their quotes, parsed by the csv module, and
when that fails the scan starts again at the next line that begins like a row, so a stray
quote costs one row, not the rest of the file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from postcards.evening.ledgerstate import STATE_ID
from postcards.shared.errors import PostcardsError, Problem, SourceLocation

HEADER = ("date", "prisoner", "message", "language", "pack", "text")
MAX_ROW_BYTES = 128 * 1024  # a card's row is under 2 KB; the csv module's own field limit is 128 K
MAX_REPORTED = 20  # bad lines reported one by one; the rest are counted in one more line
CHUNK = 1 << 20
NOT_A_LEDGER_HINT = "choose another file with --ledger FILE, or add --no-ledger"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGES = ("ru", "be")
# A row as this tool writes it, up to its text: the opening quote, or a text without quotes
# (group 6) and the end of the line.
_PREFIX = re.compile(rb'(\d{4}-\d\d-\d\d),([a-z0-9]+(?:-[a-z0-9]+)*),([A-Za-z0-9_.-]+),(ru|be),'
                     rb'([1-9][0-9]*|),(?:"|([^",\r\n]*)\r?\n)')
_ROW_START = re.compile(rb"\d{4}-\d\d-\d\d,")
_BOM = b"\xef\xbb\xbf"
_STATE = STATE_ID.encode()

# line, day, prisoner, message, language, pack, text (None unless asked for, or a state row's)
Row = tuple[int, date, str, str, str, int | None, str | None]
TailState = Literal["empty", "ended", "unended", "open"]


@dataclass(frozen=True)
class Tail:
    """Where new rows go: `offset` and `line` of the end of the last whole row (or of the
    unfinished row after it), and what follows there: nothing yet ("empty": no header),
    the end of a line ("ended"), a last line without its newline ("unended"), or a row cut
    inside its quoted text ("open")."""

    offset: int = 0
    line: int = 1
    state: TailState = "empty"


START = Tail()  # a file read from its first byte (or not there yet)


class Scan:
    """One pass over a ledger's bytes from `tail` (the start, by default) to `end`: `rows()`
    yields every whole row; `problems` and `tail` are complete once it is exhausted."""

    def __init__(self, handle: BinaryIO, path: Path, end: int, tail: Tail | None = None,
                 texts: bool = False) -> None:
        self.tail = tail or START
        handle.seek(self.tail.offset)
        self.handle, self.path, self.texts = handle, path, texts
        self.left = end - self.tail.offset
        self.problems: list[Problem] = []
        self.bad = 0
        self._unreported = self._last_bad = 0  # the first bad line not reported, and the last
        self._unfinished: Tail | None = None
        self._days: dict[bytes, date] = {}
        self._words: dict[bytes, str] = {}

    def _read(self) -> bytes:
        data = self.handle.read(min(CHUNK, self.left)) if self.left > 0 else b""
        self.left -= len(data)
        return data

    def rows(self) -> Iterator[Row]:
        buf, base, pos, line = self._read(), self.tail.offset, 0, self.tail.line
        eof = self.left <= 0
        if self.tail.offset == 0:
            found = self._header(buf, eof)
            if found is None:
                self.tail = START
                return
            pos, line = found
        skipping = False  # inside a line too long to be a row, reported already
        while True:
            if skipping:
                newline = buf.find(b"\n", pos)
                skipping, pos = newline < 0, len(buf) if newline < 0 else newline + 1
                line += not skipping
            limit = len(buf) if eof else len(buf) - MAX_ROW_BYTES
            if pos < limit:
                yield from self._fast(buf, pos, line, limit)
                pos, line = self._pos, self._line
            if pos < limit:
                row, pos, line, skipping = self._careful(buf, pos, line, eof, base)
                if row is not None:
                    yield row
                continue
            if eof:
                break
            keep = min(pos, 1)  # the last byte read stays: whether it ends a line tells the tail
            buf, base, pos = buf[pos - keep:] + self._read(), base + pos - keep, keep
            eof = self.left <= 0
        self._settle(buf, pos, base, line)

    def _fast(self, buf: bytes, pos: int, line: int, limit: int) -> Iterator[Row]:
        """The rows as this tool writes them, from `pos` on, until one is not; `_pos` and
        `_line` are where it stopped. Only the fields before the text are matched: the
        text is stepped over to its closing quote, and decoded only when asked for."""
        match, find, count, words, days = _PREFIX.match, buf.find, buf.count, self._words, self._days
        while pos < limit and (m := match(buf, pos)) is not None:
            day = days.get(m[1])
            if day is None:
                day = _day(m[1])
                if day is None:
                    break
                days[m[1]] = day
            end = _text_end(buf, find, m.end()) if m[6] is None else m.end()
            if end < 0 or end - pos > MAX_ROW_BYTES:
                break
            text = None
            if self.texts or m[2] == _STATE:  # a state row's text names its card: always read
                raw = m[6] if m[6] is not None else buf[m.end():buf.rindex(b'"', 0, end)].replace(b'""', b'"')
                text = raw.decode("utf-8", "replace")
            pid, message, language = m.group(2, 3, 4)
            yield (line, day, words.get(pid) or self._word(pid), words.get(message) or self._word(message),
                   "ru" if language == b"ru" else "be", int(m[5]) if m[5] else None, text)
            line += count(b"\n", pos, end)
            pos = end
        self._pos, self._line = pos, line

    def _word(self, raw: bytes) -> str:
        found = self._words.get(raw)
        if found is None:
            found = self._words[raw] = raw.decode("ascii")
        return found

    def _settle(self, buf: bytes, pos: int, base: int, line: int) -> None:
        if self._unfinished is not None:
            self.tail = self._unfinished
        elif base + pos > self.tail.offset:
            self.tail = Tail(base + pos, line, "ended" if buf[pos - 1:pos] == b"\n" else "unended")
        more = self.bad - MAX_REPORTED
        if more > 0:
            self.problems.append(Problem(
                f"and {more:,} more lines that cannot be read, up to line {self._last_bad}, "
                "skipped like those above", SourceLocation(str(self.path), self._unreported, 1),
                hint="mend or delete them"))

    def _header(self, buf: bytes, eof: bool) -> tuple[int, int] | None:
        """Steps over the header (after blank lines): (offset, line) after it, or None for
        a file that holds only whitespace."""
        pos = len(_BOM) if buf.startswith(_BOM) else 0
        first = len(buf) - len(buf[pos:].lstrip())
        if first == len(buf):
            if eof:
                return None
            raise self._refused(1, f"starts with over {CHUNK // 2**20} MB of blank space")
        line_start = max(pos, buf.rfind(b"\n", 0, first) + 1)
        line = 1 + buf.count(b"\n", 0, line_start)
        end = buf.find(b"\n", line_start)
        end = len(buf) if end < 0 else end + 1
        try:
            header = next(csv.reader([buf[line_start:end].decode("utf-8")]), [])
        except UnicodeDecodeError:
            raise self._refused(line, "is not UTF-8 text") from None
        except csv.Error as exc:
            raise self._refused(line, f"does not start with a CSV header ({exc})") from None
        if tuple(h.strip().lower() for h in header[: len(HEADER)]) != HEADER:
            raise self._refused(line, f"does not start with the header {','.join(HEADER)}")
        return end, line + 1

    def _refused(self, line: int, what: str) -> PostcardsError:
        return PostcardsError(f"the file {what}, so it is not a ledger",
                              where=SourceLocation(str(self.path), line, 1), hint=NOT_A_LEDGER_HINT)

    def _careful(self, buf: bytes, pos: int, line: int, eof: bool,
                 base: int) -> tuple[Row | None, int, int, bool]:
        """The row at `pos` the slow way: its lines grouped until the quotes pair up, parsed
        with the csv module, checked; a bad one is reported and skipped up to the next line
        that starts like a row. Returns the row or None, the offset and line after it, and
        whether the rest of an over-long line is still to be skipped."""
        starts = _group(buf, pos)
        end, chunk = starts[-1], buf[pos:starts[-1]]
        lines = chunk.count(b"\n")
        if not chunk.strip():
            return None, end, line + lines, False
        quotes_open = chunk.count(b'"') % 2 == 1
        row, why = _parse(chunk, line, quotes_open, self.texts)
        if row is not None:
            return row, end, line + lines, False
        if len(starts) == 2 and len(chunk) >= MAX_ROW_BYTES:  # one over-long line
            self._report(line, f"{why}; the line is skipped and left as it is", "mend or delete the line")
            return None, end, line + lines, not chunk.endswith(b"\n") and not (eof and end == len(buf))
        if eof and end == len(buf) and (quotes_open or not chunk.endswith(b"\n")):
            self._unfinished = Tail(base + pos, line, "open" if quotes_open else "unended")
            self._report(line, f"the last row is unfinished (a write cut short?): {why}; it is ignored, and "
                               "closed as it is when rows are next added", "mend or delete it")
            return None, end, line + lines, False
        resync = next((s for s in starts[1:-1] if _ROW_START.match(buf, s)), end)
        lines = buf.count(b"\n", pos, resync)
        span = f" (lines {line}-{line + lines - 1})" if lines > 1 else ""
        self._report(line, f"{why}{span}; the line is skipped and left as it is", "mend or delete the line")
        return None, resync, line + lines, False

    def _report(self, line: int, message: str, hint: str) -> None:
        self.bad += 1
        self._last_bad = line
        if self.bad == MAX_REPORTED + 1:
            self._unreported = line
        if self.bad <= MAX_REPORTED:
            self.problems.append(Problem(message, SourceLocation(str(self.path), line, 1), hint=hint))


def _text_end(buf: bytes, find: Callable[[bytes, int], int], start: int) -> int:
    """Where the row whose quoted text starts at `start` ends (after its newline), or -1
    when the text's closing quote is not followed by the end of the line."""
    while (quote := find(b'"', start)) >= 0 and buf[quote + 1:quote + 2] == b'"':
        start = quote + 2
    if quote < 0:
        return -1
    if buf[quote + 1:quote + 2] == b"\n":
        return quote + 2
    return quote + 3 if buf[quote + 1:quote + 3] == b"\r\n" else -1


def _group(buf: bytes, pos: int) -> list[int]:
    """The offsets where the lines of the record at `pos` start, then where it ends: lines
    are added while a quote is open, up to MAX_ROW_BYTES or the end of the data. A single
    line longer than that is cut there (the caller skips the rest)."""
    starts, quotes, stop = [pos], 0, min(len(buf), pos + MAX_ROW_BYTES)
    while True:
        newline = buf.find(b"\n", starts[-1], stop)
        if newline < 0:
            if len(starts) == 1 or stop == len(buf):
                starts.append(stop)
            return starts
        quotes += buf.count(b'"', starts[-1], newline + 1)
        starts.append(newline + 1)
        if quotes % 2 == 0:
            return starts


def _parse(chunk: bytes, line: int, quotes_open: bool, texts: bool) -> tuple[Row | None, str]:
    if len(chunk) >= MAX_ROW_BYTES:
        return None, f"longer than {MAX_ROW_BYTES // 1024} KB, which no card's row is"
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    if quotes_open:
        return None, "a quote (\") is opened and never closed"
    try:
        fields = next(csv.reader([text], strict=True), [])
    except csv.Error as exc:
        return None, f"not readable CSV ({exc})"
    return _fields(fields, line, texts)


def _fields(row: list[str], line: int, texts: bool) -> tuple[Row | None, str]:
    if len(row) != len(HEADER):
        return None, f"{len(row)} fields, expected {len(HEADER)} ({','.join(HEADER)})"
    day, prisoner, message, language, pack, text = (cell.strip() for cell in row)
    when = _day(day.encode())
    if when is None:
        return None, f"'{day}' is not a date YYYY-MM-DD"
    if not _ID.match(prisoner):
        return None, f"'{prisoner}' is not a prisoner id"
    if language not in _LANGUAGES:
        return None, f"language '{language}' is not ru or be"
    if pack and not (pack.isascii() and pack.isdigit() and int(pack) > 0):
        return None, f"pack '{pack}' is not a writer's number"
    if not message:
        return None, "the message id is empty"
    keep = texts or prisoner == STATE_ID
    return (line, when, prisoner, message, language, int(pack) if pack else None, text if keep else None), ""


def _day(raw: bytes) -> date | None:
    try:
        return date.fromisoformat(raw.decode("ascii")) if len(raw) == 10 else None
    except (UnicodeDecodeError, ValueError):
        return None
