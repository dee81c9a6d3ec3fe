"""Load and validate a prisoners YAML file into typed records; errors carry file:line:column."""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import Node, SequenceNode

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.files import read_text
from postcards.shared.model import Dataset, Institution, Prisoner
from postcards.source.institutions import be_only_institutions, builtin_registry, read_institutions
from postcards.source.prisoner_fields import read_prisoner
from postcards.source.yamlchunks import Split, split_list
from postcards.source.yamlsource import Reader, compose, is_null

SCHEMA_VERSION = 1
TOP_KEYS = ("version", "institutions", "prisoners")


def load_dataset(path: Path) -> Dataset:
    """The validated prisoners of `path`; raises PostcardsError listing every problem."""
    return load_text(read_text(path), str(path))


def load_text(text: str, file: str) -> Dataset:
    """The validated prisoners of a data file's `text` (line ends as `\n`), every problem
    located in `file`: a new text is checked this way before it is written there."""
    split = split_list(text, "prisoners")
    if split is not None:
        try:
            return _load(text, file, split)
        except _SliceFailed:
            pass  # the whole file, composed at once, says what is wrong and where
    return _load(text, file, None)


class _SliceFailed(Exception):
    """A slice of the list did not compose on its own."""


def _load(text: str, file: str, split: Split | None) -> Dataset:
    reader = Reader(file)
    root = compose(split.head if split is not None else text, reader.file)
    if root is None:
        raise PostcardsError("the file is empty", where=SourceLocation(reader.file, 1, 1),
                             hint="start from the example in the README")
    fields = reader.mapping(root, "", TOP_KEYS, required=("prisoners",), what="a mapping with 'prisoners:'")
    if fields is None:
        raise PostcardsError.of(reader.errors)
    _check_version(reader, fields.get("version"))
    institutions = {**be_only_institutions(), **builtin_registry()}  # the first only for Belarusian blocks
    if "institutions" in fields and not is_null(fields["institutions"]):
        institutions.update(read_institutions(reader, fields["institutions"], "institutions"))
    if split is not None:
        prisoners = _read_slices(reader, split, institutions)
    elif "prisoners" in fields:
        prisoners = _read_prisoners(reader, fields["prisoners"], institutions)
    else:
        prisoners = []
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return Dataset(reader.file, tuple(prisoners), institutions, tuple(reader.warnings))


def _read_slices(reader: Reader, split: Split, institutions: dict[str, Institution]) -> list[Prisoner]:
    """The list's items a slice at a time; each slice's nodes are dropped once read."""
    prisoners: list[Prisoner] = []
    first_line: dict[str, int] = {}
    index = 0
    for part in split.slices:
        try:
            node = compose(part.text, reader.file)
        except PostcardsError:
            raise _SliceFailed from None
        if not isinstance(node, SequenceNode) or len(node.value) != part.items:
            raise _SliceFailed
        reader.line_offset = part.first_line
        for item in node.value:
            _add_prisoner(reader, item, index, institutions, prisoners, first_line)
            index += 1
    reader.line_offset = 0
    return prisoners


def _check_version(reader: Reader, node: Node | None) -> None:
    if node is None:
        return
    version = reader.integer(node, "version", 0, 10**6)
    if version is not None and version != SCHEMA_VERSION:
        reader.error(node, "version", f"version {version} is not supported",
                     f"this tool reads version {SCHEMA_VERSION}; upgrade postcards")


def _read_prisoners(reader: Reader, node: Node, institutions: dict[str, Institution]) -> list[Prisoner]:
    items = reader.sequence(node, "prisoners")
    if items is None:
        return []
    if not items:
        reader.error(node, "prisoners", "the list is empty", "add at least one prisoner")
    prisoners: list[Prisoner] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(items):
        _add_prisoner(reader, item, index, institutions, prisoners, first_line)
    return prisoners


def _add_prisoner(reader: Reader, item: Node, index: int, institutions: dict[str, Institution],
                  prisoners: list[Prisoner], first_line: dict[str, int]) -> None:
    prisoner = read_prisoner(reader, item, index, institutions)
    if prisoner is None:
        return
    if prisoner.id in first_line:
        reader.error(item, f"prisoners[{index}].id", f"id '{prisoner.id}' is used twice",
                     f"the first is on line {first_line[prisoner.id]}; make each id unique")
        return
    first_line[prisoner.id] = prisoner.where.line
    prisoners.append(prisoner)


