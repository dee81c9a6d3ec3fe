"""Fields of people already in a data file changed as text: a key's value replaced on its line
(its comment kept), a missing key added in the schema's order, a source added to `sources:`;
every other byte stays as it was (comments, blank lines, order, quoting, line ends). The new
text must load, with the new values read back, before it replaces the file, atomically, as
`yamlwrite.append_prisoner` replaces it. A layout that cannot be changed safely on its lines
(a flow-style entry, a value over several lines) is refused, never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.files import DATA_LIMIT_BYTES, read_bytes
from postcards.shared.model import Dataset, Prisoner
from postcards.source.prisoner_fields import PRISONER_KEYS
from postcards.source.records import load_dataset
from postcards.source.yamlwrite import _decode, _scalar, replace_data  # one way to write a data file

_TOP = re.compile(r"^prisoners[ \t]*:[ \t]*(?:#.*)?$")
_ITEM = re.compile(r"^(?P<dash> *-(?: +|$))(?P<rest>.*)$")
_KEY = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_COMMENT = re.compile(r"[ \t]+#.*$")
_BOM = "\ufeff"


@dataclass(frozen=True)
class Change:
    """New values for one person's keys (as YAML scalars: "released", "2025-12-13", "IK-4"),
    and a source to add to `sources:` unless it is there already."""

    pid: str
    values: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None


def change_entries(path: Path, changes: Sequence[Change]) -> Dataset:
    """Apply `changes` to the data file at `path`; returns the file as read back. Nothing is
    written unless the new text loads and every new value reads back as given."""
    if not path.stat().st_mode & 0o222:
        raise PostcardsError(f"{path}: is write-protected; not changing it", hint="make it writable first "
                             "(chmod u+w)")
    raw = read_bytes(path, "a prisoners YAML file", DATA_LIMIT_BYTES)
    text = _decode(path, raw)
    bom = _BOM if text.startswith(_BOM) else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    if text.count(newline) != text.count("\n") or "\r" in text.replace("\r\n", ""):
        raise _refuse(str(path), 1, "mixes line ends", "save it with Unix or Windows line ends, one kind")
    lines = text[len(bom):].split(newline)
    people = len(load_dataset(path).prisoners)
    for change in changes:
        lines = change_lines(lines, change, str(path))
    return _replace(path, (bom + newline.join(lines)).encode("utf-8"), changes, people)


def change_lines(lines: list[str], change: Change, file: str = "<data>") -> list[str]:
    """`lines` with one person's entry changed; pure, for `change_entries` and tests."""
    start, end = _item(lines, change.pid, file)
    item = _Item(lines[start:end], start, file)
    for key, value in change.values.items():
        item.set(key, value)
    if change.source is not None:
        item.add_source(change.source)
    return lines[:start] + item.lines + lines[end:]


def _item(lines: list[str], pid: str, file: str) -> tuple[int, int]:
    """(first line, line after the last) of the `prisoners:` item whose id is `pid`."""
    tops = [i for i, line in enumerate(lines) if _TOP.match(line)]
    if len(tops) != 1:
        raise _refuse(file, 1, "has no single block 'prisoners:' line", "write 'prisoners:' once, alone on "
                      "its line, with one '- id: ...' item a line")
    starts: list[int] = []
    dash: str | None = None
    end = len(lines)
    for number in range(tops[0] + 1, len(lines)):
        line = lines[number]
        if line.strip() and not line.startswith((" ", "#", "-")):
            end = number  # the next top-level key
            break
        found = _ITEM.match(line)
        if found is not None and dash is None:
            dash = found.group("dash").rstrip()
        if found is not None and found.group("dash").rstrip() == dash:
            starts.append(number)
    for index, first in enumerate(starts):
        last = starts[index + 1] if index + 1 < len(starts) else end
        if _id_of(lines[first:last]) == pid:
            while last > first + 1 and _aside(lines[last - 1]):
                last -= 1  # blank lines and comments before the next item belong to it
            return first, last
    raise PostcardsError(f"no prisoner with id '{pid}' in {file}", hint="`postcards list` shows the ids")


def _id_of(item: list[str]) -> str | None:
    head = _ITEM.match(item[0])
    if head is not None and head.group("rest").startswith("{"):  # found, to be refused by name
        try:
            flow = yaml.safe_load(head.group("rest"))
        except yaml.YAMLError:
            return None
        return str(flow.get("id")) if isinstance(flow, dict) else None
    for line in item:
        found = re.match(r"^[ -]*id[ \t]*:[ \t]*(?P<value>[^#]*?)[ \t]*(?:#.*)?$", line)
        if found:
            value = yaml.safe_load(found.group("value") or "''")
            return str(value) if value is not None else None
    return None


class _Item:
    """One `prisoners:` item's lines, changed key by key."""

    def __init__(self, lines: list[str], first: int, file: str) -> None:
        self.lines, self.first, self.file = list(lines), first, file
        head = _ITEM.match(lines[0])
        if head is None or head.group("rest").startswith(("{", "&", "!", "*")):
            raise _refuse(file, first + 1, "writes this entry in one flow mapping, or with an anchor",
                          "write it as a block mapping, one key a line")
        rows = [row for row in lines[1:] if not _aside(row)]
        self.indent = len(head.group("dash")) if head.group("rest") else _indent(rows[0]) if rows else 0

    def _keys(self) -> dict[str, tuple[int, int]]:
        """Each key of the item: (its line, the line after its value's last line)."""
        found: dict[str, tuple[int, int]] = {}
        order: list[tuple[str, int]] = []
        for number, line in enumerate(self.lines):
            text = " " * self.indent + line[self.indent:] if number == 0 else line
            key = _KEY.match(text)
            if key and len(key.group("indent")) == self.indent:
                order.append((key.group("key"), number))
        for index, (name, number) in enumerate(order):
            stop = order[index + 1][1] if index + 1 < len(order) else len(self.lines)
            while stop > number + 1 and (not self.lines[stop - 1].strip()
                                         or _indent(self.lines[stop - 1]) <= self.indent):
                stop -= 1  # a comment or blank line before the next key is not this value's
            found[name] = (number, stop)
        return found

    def set(self, key: str, value: str) -> None:
        keys = self._keys()
        if key in keys:
            number, stop = keys[key]
            if stop != number + 1:
                raise _refuse(self.file, self.first + number + 1, f"writes {key}: over several lines",
                              f"write {key}: on one line")
            line = self.lines[number]
            comment = _COMMENT.search(line.split(":", 1)[1])
            head = line[: line.index(":") + 1]
            self.lines[number] = f"{head} {value}" + (comment.group() if comment else "")
            return
        self.lines.insert(self._after(keys, key), " " * self.indent + f"{key}: {value}")

    def add_source(self, source: str) -> None:
        keys = self._keys()
        scalar = _scalar(source)
        if "sources" not in keys:
            at = self._after(keys, "sources")
            self.lines[at:at] = [" " * self.indent + "sources:", " " * (self.indent + 2) + f"- {scalar}"]
            return
        number, stop = keys["sources"]
        line = self.lines[number]
        value = _COMMENT.sub("", line.split(":", 1)[1]).strip()
        if value.startswith("["):
            self._add_to_flow(number, line, value, source, _scalar(source, flow=True))
            return
        dash = next((row for row in self.lines[number + 1:stop] if row.lstrip().startswith("- ")), None)
        if value or dash is None:
            raise _refuse(self.file, self.first + number + 1, "writes sources: in a way that cannot take "
                          "another line", "write it as a list, one '- ...' a line")
        block = yaml.safe_load("\n".join(row[self.indent:] for row in self.lines[number:stop]))
        if source in (block.get("sources") or []):
            return
        self.lines.insert(stop, dash[: _indent(dash)] + f"- {scalar}")

    def _add_to_flow(self, number: int, line: str, value: str, source: str, scalar: str) -> None:
        present = yaml.safe_load(value)
        if not isinstance(present, list) or not value.endswith("]"):
            raise _refuse(self.file, self.first + number + 1, "writes sources: over several lines",
                          "write sources: on one line, or as a block list")
        if source in present:
            return
        inner = value[1:-1].strip()
        new = "[" + (f"{inner}, " if inner else "") + f"{scalar}]"
        comment = _COMMENT.search(line.split(":", 1)[1])
        self.lines[number] = line[: line.index(":") + 1] + f" {new}" + (comment.group() if comment else "")

    def _after(self, keys: dict[str, tuple[int, int]], key: str) -> int:
        """Where a missing `key` goes: after the last key the schema puts before it."""
        earlier = PRISONER_KEYS[: PRISONER_KEYS.index(key)]
        before = [stop for name, (_, stop) in keys.items() if name in earlier]
        return max(before) if before else len(self.lines)


def _aside(line: str) -> bool:
    """A blank line or a comment: no part of a value."""
    return not line.strip() or line.lstrip().startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _replace(path: Path, data: bytes, changes: Sequence[Change], people: int) -> Dataset:
    """Put the changed text in place through the one data-file writer, once it loads with the
    same people and each change read back."""

    def read_back(loaded: Dataset) -> bool:
        found = {p.id: p for p in loaded.prisoners}
        for change in changes:
            _check_read_back(path, found.get(change.pid), change)
        return True

    written = replace_data(path, data.decode("utf-8"), people, read_back)
    assert written is not None  # read_back says yes or raises
    return written


def _check_read_back(path: Path, person: Prisoner | None, change: Change) -> None:
    read: dict[str, object] = {}
    if person is not None:
        read = {"status": person.status, "institution": person.institution.code,
                "released": person.released, "verified": person.verified}
    wrong = [k for k, v in change.values.items() if read.get(k) != yaml.safe_load(v)]
    if person is None or wrong or (change.source is not None and change.source not in person.sources):
        raise PostcardsError(f"{path}: the change to '{change.pid}' did not read back as written "
                             f"({', '.join(wrong) or 'sources'}); nothing was changed",
                             hint="make the change by hand")


def _refuse(file: str, line: int, what: str, hint: str) -> PostcardsError:
    return PostcardsError(f"cannot change this file safely: it {what}", where=SourceLocation(file, line, 1),
                          hint=hint)

