"""A person added to a data file as text: the entry rendered in the style of prisoners.yaml,
and appended to the file's `prisoners:` list with every other byte kept (comments, blank lines,
order, quoting, line ends). The new text is loaded in memory (`records.load_text`) before it
replaces the file through `shared/files.atomic_output`, so the file is never half-written and
stays as it was on any error; a layout that cannot be appended to safely is refused, never
rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.files import DATA_LIMIT_BYTES, Replaces, atomic_output, read_bytes
from postcards.shared.model import Dataset, Institution
from postcards.shared.names import Gender, NameParts, gender_from_patronymic
from postcards.source.records import load_dataset, load_text

NEW_FILE = "version: 1\nprisoners:\n"
DEFAULT_INDENT = "  "
_BOM = "\ufeff"
_KEY = re.compile(r"^prisoners[ \t]*:(?P<rest>.*)$")
_EMPTY_FLOW = re.compile(r"^[ \t]+\[[ \t]*\](?P<after>[ \t]*(?:#.*)?)$")
_ITEM = re.compile(r"^(?P<indent> *)-(?: |$)")
_PLAIN = re.compile(r"^[^\W\d_](?:[\w.№ -]*[\w.№])?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # written as \xNN in double quotes
_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}  # YAML 1.1 reads these otherwise
_BORN = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$")
DATA_FILE = Replaces("a data file", keep_mode=True, hint="choose another file")


@dataclass(frozen=True)
class EntryFields:
    """What a data file's `prisoners:` item holds for a person read from elsewhere: the name's
    forms (Russian needed to write it), the gender when the Russian patronymic does not tell
    it, a registry code or an inline address, and what an organiser's list may add."""

    ru: NameParts | None
    be: NameParts | None = None
    latin: str | None = None
    gender: Gender | None = None
    institution: str | None = None  # a registry code
    address: Institution | None = None  # inline lines, when the registry has none to print
    unit: str | None = None  # the line under the institution's
    born: str | None = None  # as the schema writes it: 1973-07-13 or --07-13
    articles: tuple[str, ...] = ()  # sentence.articles
    sentence: str | None = None  # sentence.text
    about: str | None = None
    tags: tuple[str, ...] = ()
    status: str = "imprisoned"


def render_entry(fields: EntryFields, pid: str, verified: date | None = None,
                 sources: Sequence[str] = ()) -> str:
    """The `prisoners:` item as YAML text, unindented ("- id: ..."), as prisoners.yaml writes it."""
    if fields.ru is None:
        raise PostcardsError("the name is known only in Belarusian, and a data file needs its Russian form",
                             hint='give the Russian form with --name "Фамилия Имя Отчество"')
    lines = [f"- id: {pid}", "  name:", f"    ru: {_parts(fields.ru)}"]
    if fields.be is not None:
        lines.append(f"    be: {_parts(fields.be)}")
    if fields.latin:
        lines.append(f"    latin: {_scalar(fields.latin)}")
    if fields.gender and gender_from_patronymic(fields.ru.patronymic) != fields.gender:
        lines.append(f"  gender: {fields.gender}")
    if fields.born:
        lines.append(f"  born: {fields.born if _BORN.match(fields.born) else _scalar(fields.born)}")
    lines += place_lines(fields)
    lines += _details(fields)
    if verified is not None:
        lines.append(f"  verified: {verified.isoformat()}")
    if sources:
        lines += ["  sources:", *(f"    - {_scalar(s)}" for s in sources)]
    return "\n".join(lines) + "\n"


def place_lines(fields: EntryFields) -> list[str]:
    """The item's `institution:` or `address:` lines, and its `unit:`, indented for an item."""
    lines = []
    if fields.institution:
        lines.append(f"  institution: {fields.institution}")
    elif fields.address is not None:
        lines += ["  address:", *_address(fields.address)]
    if fields.unit:
        lines.append(f"  unit: {_scalar(fields.unit)}")
    return lines


def _details(fields: EntryFields) -> list[str]:
    lines = []
    if fields.articles or fields.sentence:
        lines.append("  sentence:")
        if fields.articles:
            lines.append("    articles: [" + ", ".join(_quoted(a) for a in fields.articles) + "]")
        if fields.sentence:
            lines.append(f"    text: {_quoted(fields.sentence)}")
    if fields.about:
        lines.append(f"  about: {_quoted(fields.about)}")
    if fields.tags:
        lines.append("  tags: [" + ", ".join(_scalar(t, flow=True) for t in fields.tags) + "]")
    lines.append(f"  status: {fields.status}")
    return lines


def _quoted(value: str) -> str:
    """`value` in double quotes, as prisoners.yaml writes articles and free text."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", escaped) + '"'


def _parts(parts: NameParts) -> str:
    keys = (("surname", parts.surname), ("given", parts.given), ("patronymic", parts.patronymic))
    return "{" + ", ".join(f"{k}: {_scalar(v, flow=True)}" for k, v in keys if v) + "}"


def _address(place: Institution) -> list[str]:
    lines = [f"    name: {_scalar(place.name)}", f"    street: {_scalar(place.street)}",
             f'    postcode: "{place.postcode}"', f"    locality: {_scalar(place.locality)}"]
    lines += [f"    {key}: {_scalar(value)}" for key, value in (("district", place.district),
                                                              ("region", place.region)) if value]
    return lines


def _scalar(value: str, flow: bool = False) -> str:
    """`value` plain when YAML reads it back as the same text, else in single quotes."""
    if _PLAIN.match(value) and value.lower() not in _WORDS:
        return value  # letters, digits, spaces and dots: read back as itself, without asking YAML
    document = f"{{k: {value}}}" if flow else f"k: {value}"
    try:
        plain = value == value.strip() and yaml.safe_load(document) == {"k": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else "'" + value.replace("'", "''") + "'"


# --- appending -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Inserted:
    text: str  # the whole new text
    line: int  # where the (first) new item starts, from 1
    items: int  # how many items the list had before
    starts: tuple[int, ...] = ()  # where each new item starts, from 1


def append_prisoner(path: Path, item: str) -> int:
    """Append `item` (as `render_entry` gives it) to the `prisoners:` list of `path`, creating
    the file when it is missing; returns the line the new item starts on. Nothing is written
    unless the new text loads, with one person more than the list had."""
    inserted = appended(path, item)
    if path.exists():
        _check_id(path, item)
    replace_data(path, inserted.text, inserted.items + 1)
    return inserted.line


def appended(path: Path, item: str | Sequence[str]) -> Inserted:
    """The text `path` would hold with `item` (or each of several) appended to its `prisoners:`
    list, byte order mark and all (a new file's text when it is missing); nothing is written."""
    if path.is_dir():
        raise PostcardsError(f"{path}: is a directory", hint="give the data file's name")
    exists = path.exists()
    if exists and not path.stat().st_mode & 0o222:
        raise PostcardsError(f"{path}: is write-protected; not changing it",
                             hint="make it writable first (chmod u+w), or add to another file")
    raw = read_bytes(path, "a prisoners YAML file", DATA_LIMIT_BYTES) if exists else NEW_FILE.encode()
    text = _decode(path, raw)
    bom = _BOM if text.startswith(_BOM) else ""
    inserted = insert_item(text[len(bom):], item, str(path))
    return Inserted(bom + inserted.text, inserted.line, inserted.items, inserted.starts)


def _check_id(path: Path, item: str) -> None:
    """A clear word when the new id is taken (a file that does not load yet is left to the
    check of the new text, which names its problems)."""
    found = re.match(r"- id: (\S+)", item)
    try:
        people = load_dataset(path).prisoners
    except PostcardsError:
        return
    taken = next((p for p in people if found and p.id == found.group(1)), None)
    if taken is not None:
        raise PostcardsError(f"id '{taken.id}' is already in the file", where=taken.where,
                             hint="choose another id")


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PostcardsError(f"{path}: byte {exc.start + 1} is not UTF-8",
                             hint="save the file as UTF-8 first") from None


def insert_item(text: str, item: str | Sequence[str], file: str = "<data>") -> Inserted:
    """`text` with `item` (or each of several, in order) added as the last item of its
    top-level `prisoners:` list; every other character stays as it was."""
    newline = _newline(text, file)
    lines = text.split(newline)
    keys = [i for i, line in enumerate(lines) if _KEY.match(line)]
    if not keys:
        raise _refuse(file, 1, "has no top-level 'prisoners:' key", "add a line 'prisoners:' at column 0")
    if len(keys) > 1:
        raise _refuse(file, keys[1] + 1, "has 'prisoners:' more than once", "keep one list")
    key = keys[0]
    _check_documents(lines, key, file)
    rest = lines[key].split(":", 1)[1]
    empty_flow = _EMPTY_FLOW.match(rest)
    if empty_flow:
        lines[key] = "prisoners:" + empty_flow.group("after")
    elif rest.strip() and not rest.strip().startswith("#"):
        raise _refuse(file, key + 1, "the prisoners: list is written on its line ([...] or an anchor)",
                      "write it as a block list, one '- id: ...' item a line")
    indent, last, starts = _list_layout(lines, key, file)
    spaced = len(starts) > 1 and all(not lines[s - 1].strip() for s in starts[1:])
    if empty_flow and last != key:
        raise _refuse(file, key + 2, "prisoners: [] is followed by indented lines", "remove them")
    head, tail = lines[: last + 1], lines[last + 1:]
    if not tail:  # the file ends on the list's last line, without a line end
        tail = [""]
    gap = [""] if spaced else []
    added: list[str] = []
    begins: list[int] = []
    for one in [item] if isinstance(item, str) else item:
        added += gap
        begins.append(len(head) + len(added) + 1)
        added += [indent + row if row else row for row in one.rstrip("\n").split("\n")]
    new_lines = head + added + tail
    first = begins[0] if begins else len(head) + 1
    return Inserted(newline.join(new_lines), first, len(starts), tuple(begins))


def _newline(text: str, file: str) -> str:
    crlf, lf = text.count("\r\n"), text.count("\n")
    if "\r" in text.replace("\r\n", ""):
        raise _refuse(file, 1, "has old Mac line ends (CR alone)", "save it with Unix or Windows line ends")
    if crlf and crlf != lf:
        raise _refuse(file, 1, "mixes Windows (CRLF) and Unix (LF) line ends", "save it with one kind")
    return "\r\n" if crlf else "\n"


def _check_documents(lines: list[str], key: int, file: str) -> None:
    for number, line in enumerate(lines):
        if re.match(r"^(?:---|\.\.\.)(?:\s|$)", line) and (number > key or line.startswith("...")):
            raise _refuse(file, number + 1, "holds more than one YAML document",
                          "keep one document: remove the '---' or '...' line")


def _list_layout(lines: list[str], key: int, file: str) -> tuple[str, int, list[int]]:
    """(the items' indentation, the index of the list's last line, where each item starts).
    The list's last line is its last content line or indented comment."""
    indent: str | None = None
    last, starts = key, []
    for number in range(key + 1, len(lines)):
        line = lines[number]
        stripped = line.lstrip(" ")
        if line.startswith("\t") or (stripped.startswith("\t") and stripped.strip()):
            raise _refuse(file, number + 1, "indents with a tab", "indent with spaces")
        if not stripped or stripped.startswith("#"):
            if stripped and line.startswith(" "):
                last = number
            continue
        found = _ITEM.match(line)
        if indent is None:
            if found is None:
                if not line.startswith(" "):
                    break  # the next top-level key: the list is empty
                raise _refuse(file, number + 1, "the prisoners: value is not a list",
                              "write '- id: ...' items")
            indent = found.group("indent")
        width = len(line) - len(stripped)
        if width < len(indent) or (width == len(indent) and found is None):
            if width == 0 and found is None:
                break  # the next top-level key
            raise _refuse(file, number + 1, "a line of the prisoners: list is out of line with its items",
                          "indent every item alike")
        if found is not None and len(found.group("indent")) == len(indent):
            starts.append(number)
        last = number
    return (DEFAULT_INDENT if indent is None else indent), last, starts


def _refuse(file: str, line: int, what: str, hint: str) -> PostcardsError:
    return PostcardsError(f"cannot add to this file safely: it {what}", where=SourceLocation(file, line, 1),
                          hint=hint)


def replace_data(path: Path, text: str, people: int,
                 decide: Callable[[Dataset], bool] | None = None) -> Dataset | None:
    """Put `text` at `path` (atomically, keeping the mode of the file it replaces) once it loads
    as a data file with `people` people and `decide(loaded)`, when given, says yes; on any
    error, or a no, the file stays as it was. Returns what was written, loaded (None: nothing
    was). Problems are located in `path`, at the lines of the new text."""
    loaded = load_text(text.removeprefix(_BOM).replace("\r\n", "\n"), str(path))  # as read_text reads it
    if len(loaded.prisoners) != people:
        raise PostcardsError(f"{path}: the new text did not read back with {people} people",
                             hint="add them by hand")
    if decide is not None and not decide(loaded):
        return None
    with atomic_output(path, DATA_FILE) as out:
        out.write(text.encode("utf-8"))
    return loaded
