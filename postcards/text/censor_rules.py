"""The censor rules as data: patterns per topic read from `data/censor.yaml`, with the reason
and a safer alternative, and the rules on a word's shape (Latin letters, digit codes,
abbreviations, percent codes).

A pattern is one word or several. Each word is a stem (`свобод*`: any word that begins so),
a Russian lemma (`бороться`: every form the analyser traces back to it, боремся and
борющимся too), or a form as written (a Belarusian word, since no analyser reads
Belarusian, or a Russian one after '=': `=освободитесь`). A word written with a capital
(`Пагоня`) matches only a word written with one inside a sentence. Words separated by
spaces may have up to two words inserted between them ("Жыве наша Беларусь"); words joined by
hyphens (`бел*-красн*-бел*`) stand together, whether the text joins them with hyphens or
spaces. A last word `$` means the pattern ends a sentence or a clause ("Мы с Вами!", not
"мы с Вами договорились").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from yaml.nodes import Node, ScalarNode

from postcards.shared.errors import PostcardsError
from postcards.shared.script import LOOKALIKES
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join

RULES_FILE = "censor.yaml"
SHORTEST_STEM = 3  # letters: a shorter stem would match too many innocent words
REMEMBERED_WORDS = 100_000
LANGUAGES = ("ru", "be")
END = "$"  # the last word of a pattern that must end a sentence or a clause
EXACT = "="  # before a Russian word: that form only, not every form of its lemma
_TO_CYRILLIC = str.maketrans({**{k: v.lower() for k, v in LOOKALIKES.items()}, "ё": "е", "ʼ": "'", "’": "'"})


def normalise(word: str) -> str:
    """How words are compared: lower case, ё as е, one apostrophe, Latin look-alikes as
    Cyrillic, and a Belarusian ў at the start as у (ўлада after a vowel is улада)."""
    word = word.lower().translate(_TO_CYRILLIC)
    return "у" + word[1:] if word.startswith("ў") else word


@dataclass(frozen=True)
class PatternWord:
    text: str  # normalised, without the '*'
    stem: bool = False  # any word that begins with `text`
    lemma: bool = False  # a Russian lemma: matches every form the analyser traces to it
    cased: bool = False  # written with a capital: matches a capital inside a sentence only

    @staticmethod
    def parse(word: str, lang: str) -> PatternWord:
        stem, exact = word.endswith("*"), word.startswith(EXACT)
        word = word.removeprefix(EXACT)
        text = normalise(word.rstrip("*"))
        lemma = lang == "ru" and not stem and not exact
        return PatternWord(text, stem, lemma, cased=word[:1].isupper())


@dataclass(frozen=True)
class Pattern:
    words: tuple[PatternWord, ...]
    together: bool = False  # written with hyphens: no words may come between
    at_end: bool = False  # ends a sentence or a clause
    written: str = ""  # as in the rule file, for `lint --rules`

    @staticmethod
    def parse(text: str, lang: str) -> Pattern:
        together = "-" in text
        words = text.replace("-", " ").split()
        at_end = words[-1:] == [END]
        words = words[:-1] if at_end else words
        return Pattern(tuple(PatternWord.parse(w, lang) for w in words), together, at_end, text)


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    instead: str | None
    patterns: tuple[Pattern, ...]
    exceptions: tuple[PatternWord, ...] = ()  # innocent words: 'судьб*' (stem), 'судя' (as written)
    except_phrases: tuple[Pattern, ...] = ()  # innocent phrases: a match inside one is dropped
    in_titles: bool = False  # also checked inside a «Title»

    def excepts(self, word: str) -> bool:
        """`word` (normalised, as written) is one of the rule's innocent words."""
        return any(word.startswith(e.text) if e.stem else word == e.text for e in self.exceptions)


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    latin: Rule
    digits: Rule
    abbreviation: Rule
    percent: Rule
    allowed_abbreviations: frozenset[str]
    percent_codes: frozenset[str]  # the numbers that, before '%', are a code ("97%")
    # a pattern's first word ('свобод*', 'бороться') -> the rules and patterns with it; the
    # same for the phrases of the rules' exceptions
    index: Mapping[str, tuple[tuple[Rule, Pattern], ...]] = field(init=False, compare=False, repr=False)
    exception_index: Mapping[str, tuple[tuple[Rule, Pattern], ...]] = field(
        init=False, compare=False, repr=False)
    # what `starting_with` found for a word: a book repeats its words
    _found: dict[tuple[str, frozenset[str], bool], tuple[tuple[Rule, Pattern], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _index((r, p) for r in self.rules for p in r.patterns))
        excepted = ((r, p) for r in self.rules for p in r.except_phrases)
        object.__setattr__(self, "exception_index", _index(excepted))

    def starting_with(self, word: str, lemmas: frozenset[str] = frozenset(),
                      exceptions: bool = False) -> tuple[tuple[Rule, Pattern], ...]:
        """The patterns (with `exceptions`, the exception phrases) whose first word could
        match `word` (normalised, as written): a stem it begins with, the word itself, or
        one of its `lemmas`."""
        key = (word, lemmas, exceptions)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= REMEMBERED_WORDS:
                self._found.clear()
            found = self._found[key] = tuple(self._look_up(word, lemmas, exceptions))
        return found

    def _look_up(self, word: str, lemmas: frozenset[str], exceptions: bool) -> Iterator[tuple[Rule, Pattern]]:
        index = self.exception_index if exceptions else self.index
        for end in range(SHORTEST_STEM, len(word) + 1):
            yield from index.get(word[:end] + "*", ())
        for key in dict.fromkeys((word, *sorted(lemmas))):
            yield from index.get(key, ())

    def shape_rules(self) -> tuple[Rule, ...]:
        return (self.latin, self.digits, self.abbreviation, self.percent)


def _index(entries: Iterable[tuple[Rule, Pattern]]) -> Mapping[str, tuple[tuple[Rule, Pattern], ...]]:
    index: dict[str, list[tuple[Rule, Pattern]]] = {}
    for rule, pattern in entries:
        first = pattern.words[0]
        index.setdefault(first.text + ("*" if first.stem else ""), []).append((rule, pattern))
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


# --- the rule file ---------------------------------------------------------------------

_RULE_KEYS = ("id", "reason", "instead", "ru", "be", "except", "in_titles")
_SHAPES = {"latin": (), "digits": (), "abbreviation": ("allowed",), "percent": ("codes",)}


def load_rules(path: Path) -> Rules:
    """The censor rules in `path`; every problem is raised, located in the file."""
    return read_yaml(path, _read_rules, "censor rules, like the package's data/censor.yaml")


def _read_rules(reader: Reader, root: Node) -> Rules:
    required = ("rules", "latin", "digits", "abbreviation")  # `percent` came later: optional
    fields = reader.mapping(root, "", ("version", "rules", *_SHAPES), required=required)
    if fields is None or reader.errors:
        raise PostcardsError.of(reader.errors)
    rules = reader.each(fields["rules"], "rules", lambda node, path: _read_rule(reader, node, path))
    shapes = {name: _read_shape(reader, fields.get(name), name) for name in _SHAPES}
    allowed = _read_words(reader, shapes["abbreviation"][1].get("allowed"), "abbreviation.allowed")
    codes = _read_words(reader, shapes["percent"][1].get("codes"), "percent.codes")
    return Rules(tuple(rules), shapes["latin"][0], shapes["digits"][0], shapes["abbreviation"][0],
                 shapes["percent"][0], frozenset(allowed), frozenset(codes))


def _read_rule(reader: Reader, node: Node, path: str) -> Rule | None:
    fields = reader.mapping(node, path, _RULE_KEYS, required=("id", "reason", "ru", "be"))
    if fields is None or any(k not in fields for k in ("id", "reason", "ru", "be")):
        return None
    rule_id = reader.text(fields["id"], join(path, "id"))
    reason = reader.text(fields["reason"], join(path, "reason"))
    instead = reader.optional_text(fields.get("instead"), join(path, "instead"))
    patterns = [Pattern.parse(p, lang) for lang in LANGUAGES
                for p in _read_words(reader, fields[lang], join(path, lang))]
    excepted = [Pattern.parse(p, "ru")
                for p in _read_words(reader, fields.get("except"), join(path, "except"))]
    for pattern in (*patterns, *excepted):
        _check_pattern(reader, node, path, pattern)
    in_titles = _read_flag(reader, fields.get("in_titles"), join(path, "in_titles"))
    if rule_id is None or reason is None:
        return None
    return Rule(rule_id, reason, instead, tuple(patterns),
                tuple(p.words[0] for p in excepted if len(p.words) == 1),
                tuple(p for p in excepted if len(p.words) > 1), in_titles)


def _check_pattern(reader: Reader, node: Node, path: str, pattern: Pattern) -> None:
    if not pattern.words:
        reader.error(node, path, f"pattern '{pattern.written}' has no words")
    for word in pattern.words:
        if word.stem and len(word.text) < SHORTEST_STEM:
            reader.error(node, path, f"stem '{word.text}*' is shorter than three letters: it would match "
                         "too many innocent words")


def _read_flag(reader: Reader, node: Node | None, path: str) -> bool:
    if node is None:
        return False
    value = reader.scalar(node) if isinstance(node, ScalarNode) else None
    if not isinstance(value, bool):
        reader.error(node, path, "expected true or false")
        return False
    return value


def _read_shape(reader: Reader, node: Node | None, name: str) -> tuple[Rule, dict[str, Node]]:
    """A rule on the shape of words; one left out of the file (percent, in an older copy)
    finds nothing."""
    if node is None:
        return Rule(name, "", None, ()), {}
    fields = reader.mapping(node, name, ("reason", "instead", *_SHAPES[name]), required=("reason",)) or {}
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
        yield rule.id, rule.reason, rule.instead, tuple(p.written for p in rule.patterns)
    for rule in rules.shape_rules():
        yield rule.id, rule.reason, rule.instead, ()
