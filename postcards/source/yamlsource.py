"""Safe YAML loading to located nodes, and typed reading of fields with collected problems.

Files are composed to a node tree (never constructed into arbitrary objects) with libyaml's
C parser when present. Validation reads the nodes it expects by schema, so an alias is
never expanded recursively: a "billion laughs" document costs no more than its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from postcards.shared.errors import PostcardsError, Problem, SourceLocation

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # libyaml missing: the pure-Python parser is about 4x slower
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

T = TypeVar("T")
_RESOLVED_LIMIT = 50_000
# Characters that show as nothing but change a word: a name with one would print fine and
# still not match the same name typed again (Unicode's format characters and bidi controls).
INVISIBLE = {
    "\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "zero-width no-break space",
    "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u061c": "Arabic letter mark",
    **{chr(c): "bidirectional control" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


class _Loader(_BaseLoader):
    """The safe loader, remembering which tag a plain scalar resolves to: a list repeats the
    same keys and many values for every person, and resolving runs in Python."""

    _resolved: ClassVar[dict[str, str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        tag = self._resolved.get(value)
        if tag is None:
            if len(self._resolved) >= _RESOLVED_LIMIT:
                self._resolved.clear()
            tag = self._resolved[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return tag

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}
_CONSTRUCT = yaml.constructor.SafeConstructor()
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_LONGEST_NUMBER = 100  # characters: no number in a data file needs more
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def compose(text: str, file: str) -> Node | None:
    """The document's root node, or None for an empty document."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise PostcardsError(f"a control character (U+{code:04X}) YAML does not allow",
                             where=SourceLocation(file, line, column),
                             hint="delete it; it may have come with pasted text") from None
    except yaml.YAMLError as exc:
        raise PostcardsError(f"not valid YAML: {exc}", where=SourceLocation(file, 1, 1)) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> PostcardsError:
    """PyYAML's complaint in words a person can act on, at the place to look."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return PostcardsError(f"not valid YAML: {exc.problem}", where=SourceLocation(file, 1, 1))
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    if mark.column < len(line) and line[mark.column] == "\t":
        return PostcardsError("a tab character", where=SourceLocation(file, mark.line + 1, mark.column + 1),
                              hint="YAML is indented with spaces: replace the tab with spaces")
    if exc.context and "quoted" in exc.context and exc.context_mark is not None:
        start = exc.context_mark
        return PostcardsError("a quote opened here is never closed",
                              where=SourceLocation(file, start.line + 1, start.column + 1),
                              hint="close it on the same line, or remove it")
    what = exc.problem or exc.context or "not valid YAML"
    return PostcardsError(f"not valid YAML: {what}",
                          where=SourceLocation(file, mark.line + 1, mark.column + 1),
                          hint="compare with the example in the README")


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """"did you mean 'IK-4'?" for the closest choice (case aside), or '' when none is close."""
    import difflib  # only a mistake needs it

    folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return f"did you mean '{folded[close[0]]}'?" if close and folded[close[0]] != word else ""


@dataclass(eq=False)  # a file's reader, collecting problems: compared by identity
class Reader:
    """Reads typed values from nodes and collects every problem on the way."""

    file: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    line_offset: int = 0  # lines before the text the nodes were composed from (a slice)

    def where(self, node: Node) -> SourceLocation:
        mark = node.start_mark
        return SourceLocation(self.file, mark.line + 1 + self.line_offset, mark.column + 1)

    def error(self, node: Node, path: str, message: str, hint: str | None = None) -> None:
        self.errors.append(Problem(message, self.where(node), path or None, hint))

    def warn(self, node: Node, path: str, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(message, self.where(node), path or None, hint))

    def mapping(
        self,
        node: Node,
        path: str,
        allowed: Collection[str],
        required: Collection[str] = (),
        what: str = "a mapping",
    ) -> dict[str, Node] | None:
        """The mapping's values by key; unknown, duplicate and missing keys are reported."""
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected {what}, found {describe(node)}")
            return None
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            key_path = join(path, str(key))
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node, path, "a merge key '<<' (YAML's way to copy another mapping's "
                           "keys) is not read here", "write the keys out in full")
            elif not isinstance(key, str) or key_node.tag != "tag:yaml.org,2002:str":
                self.error(key_node, path, f"a key must be a plain word, found {describe(key_node)}",
                           "a text that holds a comma inside {...} needs quotes")
            elif key in fields:
                self.error(key_node, key_path, "given twice", "keep one of the two")
            elif key not in allowed:
                hint = did_you_mean(key, allowed) or f"allowed keys: {', '.join(sorted(allowed))}"
                self.error(key_node, key_path, f"unknown key '{key}'", hint)
            else:
                fields[key] = value_node
        for key in required:
            if key not in fields:
                self.error(node, join(path, key), "missing", f"add '{key}:'")
        return fields

    def table(self, node: Node, path: str, what: str, read: Callable[[str, Node, Node, str], T | None]
              ) -> dict[str, T]:
        """A mapping whose keys are the data's own (codes, names, letters), each entry read by
        `read(key, key node, value node, path)`; a key that is not a plain value or is given
        twice is reported, and it and entries read as None are left out."""
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected {what}, found {describe(node)}")
            return {}
        found: dict[str, T] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else None
            if key is None:
                self.error(key_node, path, f"a key must be a plain value, found {describe(key_node)}")
            elif key in seen:
                self.error(key_node, join(path, key), "given twice", "keep one of the two")
            else:
                seen.add(key)
                value = read(key, key_node, value_node, join(path, key))
                if value is not None:
                    found[key] = value
        return found

    def sequence(self, node: Node, path: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, path, f"expected a list, found {describe(node)}")
            return None
        return list(node.value)

    def scalar(self, node: Node) -> Any:
        """The node's plain value (str, int, float, bool or None); dates stay text."""
        assert isinstance(node, ScalarNode)
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        if node.tag not in _SCALAR_TAGS:  # e.g. !!python/object: never constructed
            return None
        if len(node.value) > _LONGEST_NUMBER and node.tag in _NUMBER_TAGS:
            return None  # Python refuses to read a number of over 4,300 digits; none is meant
        return _CONSTRUCT.yaml_constructors[node.tag](_CONSTRUCT, node)

    def text(self, node: Node, path: str, numbers_too: bool = False, empty_too: bool = False) -> str | None:
        """A non-empty string (a bare number too when `numbers_too`, an empty one when
        `empty_too`), stripped."""
        ok_tags = {"tag:yaml.org,2002:str"}
        if numbers_too:
            ok_tags |= {"tag:yaml.org,2002:int"}
        if not isinstance(node, ScalarNode) or node.tag not in ok_tags:
            self.error(node, path, f"expected text, found {describe(node)}", "put the text in quotes")
            return None
        # NFC: text pasted from some sources spells "й" as "и" plus a combining breve.
        value = unicodedata.normalize("NFC", str(node.value)).strip()
        hidden = next((c for c in value if c in INVISIBLE), None)
        if hidden is not None:
            at = value.index(hidden)
            start, end = value.rfind(" ", 0, at) + 1, value.find(" ", at)
            word = "".join(c for c in value[start:None if end < 0 else end] if c not in INVISIBLE)
            self.error(node, path, f"an invisible character, U+{ord(hidden):04X} ({INVISIBLE[hidden]}), "
                       f"in the word '{word}'", "retype the word, or delete the character in it")
            return None
        if not value and not empty_too:
            self.error(node, path, "is empty", "fill it in or remove the key")
            return None
        return value

    def choice(self, node: Node, path: str, choices: Collection[str], what: str) -> str | None:
        """One of `choices`; anything else is reported with the closest choice."""
        if is_null(node):
            self.error(node, path, "is empty", f"write one of: {', '.join(choices)}")
            return None
        value = self.text(node, path)
        if value is None:
            return None
        if value in choices:
            return next(c for c in choices if c == value)  # the shared string, not a copy per record
        hint = did_you_mean(value, choices) or f"use one of: {', '.join(choices)}"
        self.error(node, path, f"unknown {what} '{value}'", hint)
        return None

    def optional_text(self, node: Node | None, path: str) -> str | None:
        if node is None or is_null(node):
            return None
        return self.text(node, path)

    def integer(self, node: Node, path: str, low: int, high: int) -> int | None:
        value = self.number(node, path, low, high, whole=True)
        return None if value is None else int(value)

    def number(self, node: Node, path: str, low: float, high: float, whole: bool = False) -> float | None:
        """A number from `low` to `high` (a whole one when `whole`)."""
        value = self.scalar(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            kind = "a whole number" if whole else "a number"
            self.error(node, path, f"expected {kind}, found {describe(node)}")
            return None
        if not low <= value <= high:
            self.error(node, path, f"{value} is out of range", f"use {low} to {high}")
            return None
        return value

    def iso_date(self, node: Node, path: str) -> date | None:
        """A real calendar date written YYYY-MM-DD."""
        raw = str(node.value).strip() if isinstance(node, ScalarNode) else ""
        match = _ISO_DATE.match(raw)
        if not match:
            self.error(node, path, f"expected a date YYYY-MM-DD, found {describe(node)}")
            return None
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            self.error(node, path, f"{raw} is not a date that exists", "check the day and month")
            return None

    def each(self, node: Node, path: str, read: Callable[[Node, str], Any]) -> list[Any]:
        """`read` applied to every item of a list node; failed items are left out."""
        items = self.sequence(node, path)
        if items is None:
            return []
        results = (read(item, f"{path}[{i}]") for i, item in enumerate(items))
        return [r for r in results if r is not None]


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = _SCALAR_TAGS.get(node.tag, f"a value tagged {node.tag}")
    if node.tag == "tag:yaml.org,2002:null":
        return kind
    shown = str(node.value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{kind} '{shown}'"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
