"""A long list read in slices: the items of a file's last top-level list, cut into runs of
whole items that are composed one run at a time, so that a list of 100,000 people never
stands in memory as one YAML node tree (about 6 KB a person).

Only the plain layout is cut: `key:` alone on its line at column 0, the items below it at
one indentation, nothing at column 0 after them. Anything else returns None and the caller
composes the whole file, which stays the reference for every error message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEMS_PER_SLICE = 1000
_ITEM = re.compile(r"(?m)^( *)-(?: |$)")


@dataclass(frozen=True)
class Slice:
    """A run of a list's items, as text that composes on its own."""

    first_line: int  # 0-based line of the slice's first line in the file
    text: str
    items: int


@dataclass(frozen=True)
class Split:
    """A file cut before the items of one list: the text above them, and the items in slices."""

    head: str  # the file up to and including the `key:` line (its value is empty there)
    slices: tuple[Slice, ...]


def split_list(text: str, key: str) -> Split | None:
    """The file cut before the items of the top-level `key:` list, the items in slices; None
    when the layout is not the plain one."""
    matches = list(re.finditer(rf"(?m)^{re.escape(key)}:[ \t]*(?:#.*)?$", text))
    if len(matches) != 1:
        return None
    body = matches[0].end() + 1  # the first character after the `key:` line
    first = _ITEM.search(text, body)
    if first is None or _content(text[body:first.start()]):
        return None
    indent = first.group(1)
    if re.search(r"(?m)^(?:[^ \t\r\n#-]|---|\.\.\.)", text[body:]):
        return None  # another top-level key or a document marker after the list
    if not indent and re.search(r"(?m)^-(?! |$)", text[body:]):
        return None
    starts = [m.start() for m in re.compile(rf"(?m)^{indent}-(?: |$)").finditer(text, body)]
    line = text.count("\n", 0, starts[0])
    slices = []
    for number in range(0, len(starts), ITEMS_PER_SLICE):
        begin = starts[number]
        end = starts[number + ITEMS_PER_SLICE] if number + ITEMS_PER_SLICE < len(starts) else len(text)
        chunk = text[begin:end]
        slices.append(Slice(line, chunk, min(ITEMS_PER_SLICE, len(starts) - number)))
        line += chunk.count("\n")
    return Split(text[:body], tuple(slices))


def _content(text: str) -> bool:
    """Any line with content that is not a comment."""
    return any(line.strip() and not line.strip().startswith("#") for line in text.splitlines())
