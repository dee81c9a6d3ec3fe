"""The Belarusian dative case of a full name, and back: the rule table `data/declension-be.yaml`.

`dative_full_name_be` gives "Бяляцкаму Алесю Віктаравічу"; `nominative_candidates_be` answers
the other way round, every nominative whose dative the rules make a given word, so a parser can
check a reading by declining it back. Where the sources disagree or the spelling hides what the
form depends on (stress), the word is left as it is and `uncertain_forms_be` says so: the tool
never guesses a form, and never makes a Russian form of a Belarusian name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import product
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from yaml.nodes import Node, ScalarNode

from postcards.shared.names import GENDERS, Gender, NameParts
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join

Part = Literal["surname", "given", "patronymic"]
PARTS: tuple[Part, ...] = ("surname", "given", "patronymic")
DECLENSION_FILE = "declension-be.yaml"
NO_RULE = "no rule covers its ending"
_VOWELS = frozenset("аеёіоуыэюяaeiouy")
_LETTERS = re.compile(r"^[а-яёіўґ'ʼ’]*$")
_GENDER_CHOICES: Mapping[str, tuple[Gender, ...]] = {"female": ("female",), "male": ("male",), "any": GENDERS}


@dataclass(frozen=True, slots=True)
class Rule:
    """A word ending so, of a person of `genders`, has `cut` letters taken off and `add` put on."""

    ending: str
    genders: tuple[Gender, ...]
    cut: int = 0
    add: str = ""
    stem_vowel: bool = False  # applies only when a vowel is left before the ending
    doubt: str | None = None  # the form is uncertain: the word stays as it is, reported

    @property
    def suffix(self) -> str:
        """How a dative made by this rule ends."""
        return self.ending[: len(self.ending) - self.cut] + self.add

    def fits(self, lower: str, gender: Gender) -> bool:
        if gender not in self.genders or len(lower) <= len(self.ending) or not lower.endswith(self.ending):
            return False
        return not self.stem_vowel or any(c in _VOWELS for c in lower[: -len(self.ending)])


@dataclass(frozen=True, slots=True)
class Word:
    """A whole name whose stem changes: Павел -> Паўлу."""

    nominative: str
    dative: str
    genders: tuple[Gender, ...]


@dataclass(frozen=True)
class Declension:
    """The rules of each part of a name, longest ending first, and its irregular words."""

    rules: Mapping[Part, tuple[Rule, ...]]
    words: Mapping[Part, Mapping[str, Word]]  # by the nominative in lower case


def load_declension(path: Path) -> Declension:
    """A declension table; every problem is raised, located in the file."""
    return read_yaml(path, _read_table, "Belarusian declension rules, like data/declension-be.yaml")


@lru_cache(maxsize=1)
def bundled_declension() -> Declension:
    return load_declension(data_file(DECLENSION_FILE))


def dative_full_name_be(name: NameParts, gender: Gender) -> str:
    """The full Belarusian name in the dative case, surname first: "Бяляцкаму Алесю Віктаравічу".

    A word whose form is uncertain stays as it is (see `uncertain_forms_be`)."""
    return " ".join(_dative(word, part, gender)[0] for part, word in _words(name))


def uncertain_forms_be(name: NameParts, gender: Gender) -> tuple[str, ...]:
    """"Лойка: why", for each word of the name the rules left as it is for want of certainty;
    the prisoner's `dative_be:` gives the exact form."""
    found = []
    for part, word in _words(name):
        doubt = _dative(word, part, gender)[1]
        if doubt:
            found.append(f"{word}: {doubt}")
    return tuple(found)


def dative_be(word: str, part: Part, gender: Gender) -> str:
    """One word of a name in the dative: dative_be("Вольга", "given", "female") == "Вользе"."""
    return _dative(word, part, gender)[0]


def nominative_candidates_be(word: str, part: Part, gender: Gender | None = None) -> list[str]:
    """Every nominative whose dative, by the rules, is `word` (for either gender when `gender`
    is None), sorted. Each one declines back to `word`; choosing among them is the caller's:
    "Чэкінай" (female) -> ["Чэкіна", "Чэкінай"], the second a surname in -й, never declined."""
    found: set[str] = set()
    for each in GENDERS if gender is None else (gender,):
        for candidate in _candidates(word, part, each):
            if _dative(candidate, part, each)[0] == word:
                found.add(candidate)
    return sorted(found)


def _words(name: NameParts) -> Iterator[tuple[Part, str]]:
    yield "surname", name.surname
    yield "given", name.given
    if name.patronymic:
        yield "patronymic", name.patronymic


@lru_cache(maxsize=65536)
def _dative(word: str, part: Part, gender: Gender) -> tuple[str, str | None]:
    """The dative of one word (each part of a double-barrelled one), and why it is uncertain."""
    if "-" in word:
        pieces = [_dative(piece, part, gender) if piece else ("", None) for piece in word.split("-")]
        return "-".join(p[0] for p in pieces), "; ".join(p[1] for p in pieces if p[1]) or None
    table = bundled_declension()
    lower = word.lower()
    irregular = table.words[part].get(lower)
    if irregular is not None and gender in irregular.genders:
        return _cased(irregular.dative, word), None
    rule = next((r for r in table.rules[part] if r.fits(lower, gender)), None)
    if rule is None:
        return word, NO_RULE if word else None
    if rule.doubt:
        return word, rule.doubt
    return word[: len(word) - rule.cut] + _cased(rule.add, word), None


def _candidates(word: str, part: Part, gender: Gender) -> set[str]:
    """Nominatives that may decline to `word`: each rule read backwards, and the word itself."""
    if "-" in word:
        pieces = [_candidates(piece, part, gender) if piece else {""} for piece in word.split("-")]
        return {"-".join(combo) for combo in product(*pieces)}
    table = bundled_declension()
    lower = word.lower()
    found = {word}
    for rule in table.rules[part]:
        suffix = rule.suffix
        if gender in rule.genders and len(lower) > len(suffix) and lower.endswith(suffix):
            found.add(word[: len(word) - len(suffix)] + _cased(rule.ending, word))
    found.update(_cased(w.nominative, word) for w in table.words[part].values()
                 if gender in w.genders and w.dative.lower() == lower)
    return found


def _cased(text: str, like: str) -> str:
    """`text` in the letter case of the word it is part of: ЛОЙКА stays in capitals."""
    if len(like) > 1 and like.isupper():
        return text.upper()
    if like[:1].islower() and text[:1].isupper():
        return text[:1].lower() + text[1:]
    return text


def _read_table(reader: Reader, root: Node) -> Declension:
    fields = reader.mapping(root, "", ("version", *PARTS), required=("version", *PARTS)) or {}
    if "version" in fields:
        reader.integer(fields["version"], "version", 1, 1)
    rules: dict[Part, tuple[Rule, ...]] = {}
    words: dict[Part, Mapping[str, Word]] = {}
    for part in PARTS:
        node = fields.get(part)
        found = reader.mapping(node, part, ("rules", "words"), required=("rules",)) if node else None
        found = found or {}
        part_rules = _read_rules(reader, found["rules"], join(part, "rules")) if "rules" in found else []
        rules[part] = tuple(sorted(part_rules, key=lambda r: -len(r.ending)))  # stable: file order on ties
        read_word = partial(_read_word, reader)
        table = reader.table(found["words"], join(part, "words"), "a mapping of names", read_word) \
            if "words" in found else {}
        words[part] = MappingProxyType({key.lower(): value for key, value in table.items()})
    return Declension(MappingProxyType(rules), MappingProxyType(words))


def _read_rules(reader: Reader, node: Node, path: str) -> list[Rule]:
    rules: list[Rule] = []
    seen: set[tuple[str, Gender]] = set()
    for item in reader.each(node, path, partial(_read_rule, reader)):
        for rule in item:
            for gender in rule.genders:
                if (rule.ending, gender) in seen:
                    reader.error(node, path, f"the ending '{rule.ending}' for {gender} names is given twice",
                                 "keep one of the two rules")
                seen.add((rule.ending, gender))
            rules.append(rule)
    return rules


def _read_rule(reader: Reader, node: Node, path: str) -> list[Rule] | None:
    keys = ("ending", "gender", "cut", "add", "stem_vowel", "doubt", "note")
    fields = reader.mapping(node, path, keys, required=("ending", "gender"))
    if not fields or "ending" not in fields or "gender" not in fields:
        return None
    endings = _read_endings(reader, fields["ending"], join(path, "ending"))
    gender = reader.choice(fields["gender"], join(path, "gender"), tuple(_GENDER_CHOICES), "gender")
    cut = reader.integer(fields["cut"], join(path, "cut"), 0, 9) if "cut" in fields else 0
    add = _read_letters(reader, fields["add"], join(path, "add")) if "add" in fields else ""
    stem_vowel = _read_flag(reader, fields.get("stem_vowel"), join(path, "stem_vowel"))
    doubt = reader.text(fields["doubt"], join(path, "doubt")) if "doubt" in fields else None
    if "note" in fields:
        reader.text(fields["note"], join(path, "note"))
    if endings is None or gender is None or cut is None or add is None or stem_vowel is None:
        return None
    if doubt and (cut or add):
        reader.error(node, path, "a rule with `doubt` leaves the word as it is", "remove `cut` and `add`")
        return None
    for ending in endings:
        if cut > len(ending):
            reader.error(fields["cut"], join(path, "cut"), f"cuts {cut} letters off the ending '{ending}'",
                         "cut no more letters than the ending has")
            return None
    genders = _GENDER_CHOICES[gender]
    return [Rule(ending, genders, cut, add, stem_vowel, doubt) for ending in endings]


def _read_endings(reader: Reader, node: Node, path: str) -> list[str] | None:
    nodes = [node] if isinstance(node, ScalarNode) else reader.sequence(node, path)
    if not nodes:
        if nodes is not None:
            reader.error(node, path, "is empty", "list at least one ending")
        return None
    endings = [_read_letters(reader, n, path, empty_too=False) for n in nodes]
    return None if None in endings else [e for e in endings if e is not None]


def _read_letters(reader: Reader, node: Node, path: str, empty_too: bool = True) -> str | None:
    text = reader.text(node, path, empty_too=empty_too)
    if text is not None and not _LETTERS.match(text):
        reader.error(node, path, f"'{text}' is not lower-case Belarusian letters")
        return None
    return text


def _read_flag(reader: Reader, node: Node | None, path: str) -> bool | None:
    if node is None:
        return False
    value = reader.scalar(node) if isinstance(node, ScalarNode) else None
    if not isinstance(value, bool):
        reader.error(node, path, "expected true or false")
        return None
    return value


def _read_word(reader: Reader, name: str, key: Node, node: Node, path: str) -> Word | None:
    fields = reader.mapping(node, path, ("gender", "dative"), required=("gender", "dative"))
    if not fields or "gender" not in fields or "dative" not in fields:
        return None
    gender = reader.choice(fields["gender"], join(path, "gender"), tuple(_GENDER_CHOICES), "gender")
    dative = reader.text(fields["dative"], join(path, "dative"))
    if gender is None or dative is None:
        return None
    return Word(name, dative, _GENDER_CHOICES[gender])
