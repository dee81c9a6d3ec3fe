"""Entries of a data file changed in place, key by key, as text: the lines of a changed key are
replaced (a one-line value only between the key and a comment after it), a new key goes after
the key the schema puts before it, and every other byte of the file stays as it was.

Each item is found by the line its mapping starts on (`Prisoner.where`), composed alone to
find its keys' lines, and left alone where it is not a block mapping. The caller loads the
new text before writing it (`yamlwrite.replace_data`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.source.yamlsource import compose

# The order prisoners.yaml writes an item's keys in: where a missing key goes.
KEY_ORDER = ("id", "name", "gender", "dative", "born", "institution", "address", "unit", "sentence", "about",
             "interests", "tags", "confession", "status", "released", "verified", "sources")

Lines = tuple[str, ...]  # a key's lines as render_entry writes them: "  key: value", nested deeper


@dataclass(frozen=True)
class Change:
    """New lines for some keys of the item whose mapping starts on `line` (from 1). A key may
    be named with its alternatives, "institution|address": whichever the item has is replaced.
    None removes the key."""

    line: int
    keys: Mapping[str, Lines | None]


@dataclass(frozen=True)
class _Edit:
    first: int  # 0-based line; an insertion has last == first - 1
    last: int
    lines: list[str]


def change_items(text: str, changes: Sequence[Change], file: str) -> str:
    """`text` (a data file, without a byte order mark) with every change made."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    edits: list[_Edit] = []
    for change in changes:
        edits += _item_edits(lines, change, file)
    for edit in sorted(edits, key=lambda e: (e.first, e.last), reverse=True):
        lines[edit.first:edit.last + 1] = edit.lines
    return newline.join(lines)


def _item_edits(lines: list[str], change: Change, file: str) -> list[_Edit]:
    start = change.line - 1
    column = len(lines[start]) - len(lines[start].lstrip(" -"))
    end = _item_end(lines, start, column)
    snippet = [" " * column + lines[start][column:], *lines[start + 1:end]]
    root = compose("\n".join(snippet), file)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise PostcardsError("cannot change this entry safely: it is not written one key a line",
                             where=SourceLocation(file, change.line, column + 1),
                             hint="write it as the README shows, or change it by hand")
    spans = {key.value: (start + key.start_mark.line, start + _last_line(value))
             for key, value in root.value if isinstance(key, ScalarNode)}
    return [_edit(lines, spans, column, name, new, root, start) for name, new in change.keys.items()]


def _item_end(lines: list[str], start: int, column: int) -> int:
    """The index after the item's last line: the next content line indented less than its keys."""
    for number in range(start + 1, len(lines)):
        stripped = lines[number].lstrip(" ")
        if stripped and not stripped.startswith("#") and len(lines[number]) - len(stripped) < column:
            return number
    return len(lines)


def _edit(lines: list[str], spans: dict[str, tuple[int, int]], column: int, name: str, new: Lines | None,
          root: MappingNode, start: int) -> _Edit:
    new_lines = [" " * column + line[2:] for line in new or ()]
    present = next((key for key in name.split("|") if key in spans), None)
    if present is None:
        if not new_lines:
            return _Edit(0, -1, [])  # nothing to remove
        after = _insertion_point(spans, name.split("|")[0])
        return _Edit(after + 1, after, new_lines)
    first, last = spans[present]
    value = next(v for k, v in root.value if isinstance(k, ScalarNode) and k.value == present)
    one_line = first == last and len(new_lines) == 1 and isinstance(value, ScalarNode) \
        and value.style not in ("|", ">")
    if one_line and present == name.split("|")[0] and start + value.start_mark.line == first \
            and value.start_mark.column > 0:
        line = lines[first]
        head = line[:value.start_mark.column]
        tail = line[value.end_mark.column:]
        return _Edit(first, last, [head + new_lines[0].split(": ", 1)[1] + tail])
    return _Edit(first, last, new_lines)


def _insertion_point(spans: dict[str, tuple[int, int]], name: str) -> int:
    """The last line of the key the schema puts nearest before `name`, else of the item."""
    before = KEY_ORDER[:KEY_ORDER.index(name)] if name in KEY_ORDER else KEY_ORDER
    present = [spans[key][1] for key in before if key in spans]
    return max(present) if present else max(last for _, last in spans.values())


def _last_line(node: Node) -> int:
    """The 0-based line a value's last character is on (comments after it not counted)."""
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        children = [v for pair in node.value for v in pair] if isinstance(node, MappingNode) else node.value
        return max(_last_line(child) for child in children)
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
