"""The censor check: which words in a message a prison censor would stop, and why.

The rules are data (`data/censor.yaml`): stems and words per topic, with the reason and a
safer alternative. A stem matches every form of a word (свобода, свободы, свободе), and
listed exceptions keep innocent words that merely begin the same way (судьба is not суд).
Three rules look at a word's shape instead: Latin letters, digits used as a code, and
abbreviations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from yaml.nodes import Node

from postcards.shared.errors import PostcardsError, Problem, SourceLocation
from postcards.shared.script import LOOKALIKES, foreign_letters, is_cyrillic
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join

RULES_FILE = "censor.yaml"
# Invisible characters that split a word for the eye but not for the censor.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)+|\w+(?:['ʼ’-]\w+)*")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?")
_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")
_DECIMAL = re.compile(r"\d{1,4},\d{1,3}")
_TO_CYRILLIC = str.maketrans({**{k: v.lower() for k, v in LOOKALIKES.items()}, "ё": "е", "ʼ": "'", "’": "'"})
ABBREVIATION_LETTERS = range(2, 6)  # an all-capital word this long, alone, reads as an abbreviation

PIECE_CHARS = 65_536  # a long text is checked a piece at a time: memory stays flat

@dataclass(frozen=True)
class Pattern:
    """One word or several in a row; a word ending in '*' is a stem."""

    words: tuple[str, ...]

    @staticmethod
    def parse(text: str) -> Pattern:
        return Pattern(tuple(normalise(w) for w in text.split()))


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    instead: str | None
    patterns: tuple[Pattern, ...]
    exceptions: tuple[str, ...] = ()  # stems ('судьб*') or whole words ('судоку')

    def matches_word(self, pattern_word: str, word: str) -> bool:
        if pattern_word.endswith("*"):
            if not word.startswith(pattern_word[:-1]):
                return False
        elif word != pattern_word:
            return False
        return not any(_word_matches(e, word) for e in self.exceptions)


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    latin: Rule
    digits: Rule
    abbreviation: Rule
    allowed_abbreviations: frozenset[str]
    # first word of a pattern ('свобод*', 'марш') -> the rules and patterns that start with it
    index: Mapping[str, tuple[tuple[Rule, Pattern], ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[Rule, Pattern]]] = {}
        for rule in self.rules:
            for pattern in rule.patterns:
                index.setdefault(pattern.words[0], []).append((rule, pattern))
        object.__setattr__(self, "index", MappingProxyType({k: tuple(v) for k, v in index.items()}))

    def starting_with(self, word: str) -> Iterator[tuple[Rule, Pattern]]:
        """The patterns whose first word could match `word`: the word itself, or a stem of it."""
        yield from self.index.get(word, ())
        for end in range(1, len(word) + 1):
            yield from self.index.get(word[:end] + "*", ())


@dataclass(frozen=True)
class Finding:
    word: str  # as written
    offset: int  # 0-based character offset in the text
    line: int
    column: int
    rule: str
    reason: str
    instead: str | None

    def problem(self, source: str) -> Problem:
        where = SourceLocation(source, self.line, self.column)
        return Problem(f"'{self.word}' ({self.rule}): {self.reason}", where,
                       hint=f"instead: {self.instead}" if self.instead else None)

    def format(self, source: str) -> str:
        """`SOURCE:LINE:COLUMN: 'word' (rule): reason; instead: suggestion`."""
        return self.problem(source).format()

    def as_dict(self) -> dict[str, object]:
        return {"word": self.word, "line": self.line, "column": self.column, "offset": self.offset,
                "rule": self.rule, "reason": self.reason, "instead": self.instead}


@dataclass(frozen=True)
class _Token:
    norm: str
    start: int
    end: int
    raw: str


def normalise(word: str) -> str:
    """How words are compared: lower case, ё as е, one apostrophe, Latin look-alikes as Cyrillic."""
    return word.lower().translate(_TO_CYRILLIC)


def _word_matches(pattern_word: str, word: str) -> bool:
    if pattern_word.endswith("*"):
        return word.startswith(pattern_word[:-1])
    return word == pattern_word


def lint(text: str, rules: Rules | None = None, template: bool = False) -> list[Finding]:
    """Every finding in `text`, in reading order. With `template`, placeholders such as
    {name} are skipped and both forms of {одна|один} are checked where they stand."""
    rules = rules or bundled_rules()
    lines = _LineStarts(text)
    findings: list[Finding] = []
    for offset, segment in _segments(text, template):
        findings.extend(_lint_segment(segment, offset, lines, rules))
    findings.sort(key=lambda f: f.offset)
    return findings


def _segments(text: str, template: bool) -> Iterator[tuple[int, str]]:
    """Pieces of `text` to check alone, each with its offset. A template's placeholders are
    blanked in the main text; each form of a {ж|м} choice is a piece of its own."""
    if not template:
        yield from _pieces(text)
        return
    main = list(text)
    for match in _PLACEHOLDER.finditer(text):
        main[match.start():match.end()] = " " * (match.end() - match.start())
        inner, inner_start = match.group(1), match.start(1)
        if "|" not in inner:
            continue
        if ":" in inner.split("|")[0]:  # {я:рада|рад}: the writer's forms
            skip = inner.index(":") + 1
            inner, inner_start = inner[skip:], inner_start + skip
        position = inner_start
        for form in inner.split("|"):
            yield position, form
            position += len(form) + 1
    yield 0, "".join(main)


def _pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """A long text in pieces of about `size` characters, each ending at a paragraph break
    (else a line break), so that checking a book holds one piece's words at a time. A phrase
    is matched within a paragraph; only one running over a line break where a paragraph
    longer than `size` had to be cut could be missed."""
    start = 0
    while len(text) - start > size:
        end = text.find("\n\n", start + size)
        if end < 0 or end - start > 4 * size:
            end = text.find("\n", start + size)
        if end < 0:
            break
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _tokens(segment: str) -> list[_Token]:
    """Words and digit groups, with invisible characters inside a word ignored."""
    kept: list[int] = []  # index in `segment` of each character kept
    chars: list[str] = []
    for i, ch in enumerate(segment):
        if ord(ch) not in _INVISIBLE:
            kept.append(i)
            chars.append(ch)
    clean = "".join(chars)
    return [
        _Token(normalise(m.group(0)), kept[m.start()], kept[m.end() - 1] + 1,
               segment[kept[m.start()]:kept[m.end() - 1] + 1])
        for m in _TOKEN.finditer(clean)
    ]


def _lint_segment(segment: str, offset: int, lines: _LineStarts, rules: Rules) -> list[Finding]:
    tokens = _tokens(segment)
    found: list[tuple[int, int, Rule, str | None]] = []  # (first token, count, rule, reason)
    for i, token in enumerate(tokens):
        for word in dict.fromkeys((token.norm, *token.norm.split("-"))):
            for rule, pattern in rules.starting_with(word):
                if _matches_at(rule, pattern, tokens, i, word):
                    found.append((i, len(pattern.words), rule, None))
    for i in range(len(tokens)):
        shape = _shape_finding(tokens, i, rules)
        if shape is not None:
            found.append((i, 1, shape[0], shape[1]))
    # A word is reported once: by the longest match, then the rule listed first.
    every = (*rules.rules, rules.latin, rules.digits, rules.abbreviation)
    order = {rule.id: n for n, rule in enumerate(every)}
    found.sort(key=lambda f: (f[0], -f[1], order[f[2].id]))
    covered = -1
    findings = []
    for first, count, rule, reason in found:
        if first <= covered:
            continue
        covered = first + count - 1
        start, end = tokens[first].start, tokens[covered].end
        findings.append(_finding(lines, offset + start, segment[start:end], rule, reason))
    return findings


def _matches_at(rule: Rule, pattern: Pattern, tokens: list[_Token], i: int, first: str) -> bool:
    """`pattern` matches from token `i`, whose (part) `first` matches the pattern's first word.
    A hyphenated word matches as a whole or by any of its parts (экс-президент)."""
    if not rule.matches_word(pattern.words[0], first) or i + len(pattern.words) > len(tokens):
        return False
    return all(rule.matches_word(w, tokens[i + k].norm) for k, w in enumerate(pattern.words[1:], 1))


def _shape_finding(tokens: list[_Token], i: int, rules: Rules) -> tuple[Rule, str | None] | None:
    token = tokens[i]
    raw = token.raw
    foreign = foreign_letters(raw)
    if foreign:
        if any(is_cyrillic(ch) for ch in raw):
            return rules.latin, (f"a {foreign[0].describe('letter')} "
                                 "hides in a Cyrillic word; the censor reads it as foreign")
        return rules.latin, None
    if any(ch.isdigit() for ch in raw):
        return (rules.digits, None) if _looks_like_code(raw) else None
    if (len(raw) in ABBREVIATION_LETTERS and raw.isupper() and raw not in rules.allowed_abbreviations
            and not _shouted(tokens, i - 1) and not _shouted(tokens, i + 1)):
        return rules.abbreviation, None
    return None


def _shouted(tokens: list[_Token], i: int) -> bool:
    """A neighbour in capitals too: a line written in capitals, not an abbreviation."""
    return 0 <= i < len(tokens) and len(tokens[i].raw) > 1 and tokens[i].raw.isupper()


def _looks_like_code(raw: str) -> bool:
    if any(ch.isdigit() for ch in raw) and any(ch.isalpha() for ch in raw):
        # 2-й, 12-летний are ordinary; с2, 4ever, 88х are not
        return any(any(c.isdigit() for c in part) and any(c.isalpha() for c in part)
                   for part in raw.split("-"))
    if raw.isdigit():
        return len(raw) > 4
    date = _DATE.fullmatch(raw)
    if date:
        return not (1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12)
    return not (_TIME.fullmatch(raw) or _DECIMAL.fullmatch(raw))


class _LineStarts:
    """Where each line of a text starts, found once, so that placing a finding costs a
    binary search, not a count from the start of a long text."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _finding(lines: _LineStarts, offset: int, word: str, rule: Rule, reason: str | None) -> Finding:
    line, column = lines.place(offset)
    return Finding(word, offset, line, column, rule.id, reason or rule.reason, rule.instead)


# --- the rule file ---------------------------------------------------------------------

_RULE_KEYS = ("id", "reason", "instead", "ru", "be", "except")
_SHAPE_KEYS = ("reason", "instead", "allowed")


def load_rules(path: Path) -> Rules:
    """The censor rules in `path`; every problem is raised, located in the file."""
    return read_yaml(path, _read_rules, "censor rules, like the package's data/censor.yaml")


def _read_rules(reader: Reader, root: Node) -> Rules:
    shape_names = ("latin", "digits", "abbreviation")
    fields = reader.mapping(root, "", ("version", "rules", *shape_names), required=("rules", *shape_names))
    if fields is None or reader.errors:
        raise PostcardsError.of(reader.errors)
    rules = reader.each(fields["rules"], "rules", lambda node, path: _read_rule(reader, node, path))
    shapes = {name: _read_shape(reader, fields[name], name) for name in shape_names}
    allowed = _read_words(reader, shapes["abbreviation"][1].get("allowed"), "abbreviation.allowed")
    return Rules(tuple(rules), shapes["latin"][0], shapes["digits"][0], shapes["abbreviation"][0],
                 frozenset(allowed))


def _read_rule(reader: Reader, node: Node, path: str) -> Rule | None:
    fields = reader.mapping(node, path, _RULE_KEYS, required=("id", "reason", "ru", "be"))
    if fields is None or any(k not in fields for k in ("id", "reason", "ru", "be")):
        return None
    rule_id = reader.text(fields["id"], join(path, "id"))
    reason = reader.text(fields["reason"], join(path, "reason"))
    instead = reader.optional_text(fields.get("instead"), join(path, "instead"))
    written = [p for key in ("ru", "be") for p in _read_words(reader, fields[key], join(path, key))]
    patterns = [Pattern.parse(p) for p in written]
    for pattern in patterns:
        for word in pattern.words:
            if word.endswith("*") and len(word) < 4:
                reader.error(node, path, f"stem '{word}' is shorter than three letters: it would match "
                             "too many innocent words")
    exceptions = _read_words(reader, fields.get("except"), join(path, "except"))
    if rule_id is None or reason is None:
        return None
    return Rule(rule_id, reason, instead, tuple(patterns), tuple(normalise(e) for e in exceptions))


def _read_shape(reader: Reader, node: Node, name: str) -> tuple[Rule, dict[str, Node]]:
    fields = reader.mapping(node, name, _SHAPE_KEYS, required=("reason",)) or {}
    reason = reader.text(fields["reason"], join(name, "reason")) if "reason" in fields else None
    instead = reader.optional_text(fields.get("instead"), join(name, "instead"))
    return Rule(name, reason or "", instead, ()), fields


def _read_words(reader: Reader, node: Node | None, path: str) -> list[str]:
    if node is None:
        return []
    return [w for w in reader.each(node, path, lambda n, p: reader.text(n, p, numbers_too=True)) if w]


@lru_cache(maxsize=1)
def bundled_rules() -> Rules:
    """The package's censor.yaml (read-only)."""
    return load_rules(data_file(RULES_FILE))


def rule_summary(rules: Rules) -> Iterable[tuple[str, str, str | None, tuple[str, ...]]]:
    """(id, reason, instead, patterns as written) for each rule, for `postcards lint --rules`."""
    for rule in rules.rules:
        yield rule.id, rule.reason, rule.instead, tuple(" ".join(p.words) for p in rule.patterns)
    for rule in (rules.latin, rules.digits, rules.abbreviation):
        yield rule.id, rule.reason, rule.instead, ()
