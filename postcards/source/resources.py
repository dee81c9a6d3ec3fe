"""The files that travel with the tool, and the one way YAML files are read into typed values.

The package's data (`data/*.yaml`: censor rules, institutions, papers, articles, the Belarusian
transliteration) and the message templates are all read by `read_yaml`: composed to located
nodes, checked against a schema, every problem raised with its file, line and column.

Installed, the templates and the bundled data file are package data (`postcards.templates`,
`postcards.bundled`, mapped from the top-level `templates/` and `prisoners.yaml` in setup.cfg);
in a checkout run without installing, they are read from the top level, their single source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from importlib import import_module
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from yaml.nodes import Node

from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.files import read_text
from postcards.source.yamlsource import Reader, compose

T = TypeVar("T")
_CHECKOUT = Path(__file__).resolve().parents[2]


def read_yaml(path: Path, read: Callable[[Reader, Node], T], expected: str) -> T:
    """The YAML file at `path`, read into typed values by `read`, which reports what is wrong
    to the reader it is given; every problem is raised together, each located in the file.
    `expected` says what the file should hold, for a missing or empty file."""
    reader = Reader(str(path))
    root = compose(read_text(path, expected), reader.file)
    if root is None:
        raise PostcardsError("the file is empty", where=SourceLocation(reader.file, 1, 1),
                             hint=f"it should hold {expected}")
    value = read(reader, root)
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return value


def read_table(path: Path, key: str, what: str, read: Callable[[Reader, str, Node, Node, str], T | None],
               expected: str) -> Mapping[str, T]:
    """A file of `version:` and one `key:` mapping of `what` (papers by name, institutions by
    code), each entry read by `read(reader, name, key node, value node, path)`; read-only."""
    def read_file(reader: Reader, root: Node) -> Mapping[str, T]:
        fields = reader.mapping(root, "", ("version", key), required=(key,)) or {}
        if key not in fields:
            return MappingProxyType({})
        found = reader.table(fields[key], key, f"a mapping of {what}", partial(read, reader))
        if not found and not reader.errors:
            reader.error(fields[key], key, "is empty", f"add {what}")
        return MappingProxyType(found)

    return read_yaml(path, read_file, expected)


def data_file(name: str) -> Path:
    """A file of the package's `data/` folder."""
    return _packaged_file("postcards", "data", _CHECKOUT / "postcards") / name


def _packaged_file(package: str, name: str, checkout_dir: Path) -> Path:
    """`name` in the package's folder: the first of a namespace package's folders that has it.
    The folders come from the package's `__path__`, as `importlib.resources.files` finds them
    for a package installed as files (as pip installs it); importing `importlib.resources`
    and its readers (zipfile among them) took 3.5 ms of every run."""
    try:
        folders = [Path(folder) for folder in import_module(package).__path__]
    except ModuleNotFoundError:
        return checkout_dir / name
    return next((f / name for f in folders if (f / name).exists()), folders[0] / name)


def template_file(name: str) -> Path:
    return _packaged_file("postcards.templates", name, _CHECKOUT / "templates")


def bundled_data() -> Path:
    return _packaged_file("postcards.bundled", "prisoners.yaml", _CHECKOUT)


def default_data(cwd: Path) -> Path:
    """`./prisoners.yaml` when there is one, else the copy that ships with the tool."""
    local = cwd / "prisoners.yaml"
    return local if local.is_file() else bundled_data()
