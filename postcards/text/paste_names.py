"""A pasted person's name read back to its nominative parts: Russian or Belarusian, nominative or
dative ("Чекиной Людмиле Юрьевне" -> Чекина Людмила Юрьевна), surname or given name first.

A dative is undone by reading each word's ending backwards and keeping only the readings that
decline back to the words as pasted (`dative_full_name`, `dative_full_name_be`): pytrovich has
no inverse. The patronymic tells the case, the gender and the order; without one a list of
common given names (`data/given-names.yaml`) tells which word is the given name. Every reading
that fits is returned: more than one is for the caller to refuse, never to pick.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, product
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from yaml.nodes import Node

from postcards.shared.names import GENDERS, Gender, NameParts
from postcards.shared.script import BELARUSIAN_APOSTROPHES, BELARUSIAN_ONLY
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, join
from postcards.text.dative import dative_full_name
from postcards.text.dative_be import Part, dative_full_name_be, nominative_candidates_be

Lang = Literal["ru", "be"]
Case = Literal["nominative", "dative"]
GIVEN_NAMES_FILE = "given-names.yaml"
_WORD = re.compile(r"^[^\W\d_]+(?:['ʼ’][^\W\d_]+)*(?:-[^\W\d_]+(?:['ʼ’][^\W\d_]+)*)*$")
# Patronymic endings by language, case and gender (DOMAIN.md section 3).
_PATRONYMIC: Mapping[tuple[Lang, Case], tuple[tuple[Gender, tuple[str, ...]], ...]] = {
    ("ru", "nominative"): (("female", ("вна", "чна", "шна")), ("male", ("вич", "ич"))),
    ("ru", "dative"): (("female", ("вне", "чне", "шне")), ("male", ("вичу", "ичу"))),
    ("be", "nominative"): (("female", ("ўна", "вна", "чна")), ("male", ("віч", "іч"))),
    ("be", "dative"): (("female", ("ўне", "вне", "чне")), ("male", ("вічу", "ічу"))),
}
# Russian dative endings read backwards: the nominative endings each may come from, likelier first.
_RU_BACK: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ому", ("ый", "ой", "ий")), ("ему", ("ий",)), ("ой", ("а", "ая")), ("ей", ("я", "яя")),
    ("у", ("",)), ("ю", ("й", "ь")), ("е", ("а", "я")), ("и", ("я", "ь")),
)
_SOFT_OR_HUSHING = ("к", "г", "х", "ж", "ш", "ч", "щ")
# Letters a Belarusian reading of unmarked words must explain beyond the Russian one to win:
# "Иванову" is Russian Иванов, not Belarusian Іваноў; "Бяляцкаму" is Бяляцкі, not Бяляцкам.
_BELARUSIAN_MARGIN = 2
_VOWELS = frozenset("аеёиоуыэюяі")
# A surname's ending that tells the gender when nothing else does (--name without a patronymic).
_SURNAME_GENDER: tuple[tuple[Gender, tuple[str, ...]], ...] = (
    ("female", ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая", "ава", "іна")),
    ("male", ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ий", "ый", "ой", "аў", "оў", "ін", "скі",
              "цкі")),
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read the pasted words as a name."""

    parts: NameParts  # nominative
    gender: Gender
    language: Lang
    case: Case
    given_first: bool
    pasted: str  # the words as pasted, surname first (a dative as the source declined it)

    def describe(self) -> str:
        patronymic = f", patronymic {self.parts.patronymic}" if self.parts.patronymic else ""
        return f"surname {self.parts.surname}, given name {self.parts.given}{patronymic}"


@dataclass(frozen=True)
class GivenNames:
    """Known given names (nominative, lower case, ё as е) by language and gender."""

    names: Mapping[tuple[Lang, Gender], frozenset[str]]

    def knows(self, word: str, language: Lang, gender: Gender) -> bool:
        return _key(word) in self.names.get((language, gender), frozenset())

    def of(self, language: Lang, gender: Gender) -> Callable[[str], bool]:
        """Whether a word is a known given name of this language and gender."""
        names = self.names.get((language, gender), frozenset())
        return lambda word: _key(word) in names


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


def load_given_names(path: Path) -> GivenNames:
    """A given-names list like the package's; every problem is raised, located in the file."""
    def read(reader: Reader, root: Node) -> GivenNames:
        fields = reader.mapping(root, "", ("version", "ru", "be"), required=("version", "ru", "be")) or {}
        found: dict[tuple[Lang, Gender], frozenset[str]] = {}
        languages: tuple[Lang, ...] = ("ru", "be")
        for language in languages:
            if language not in fields:
                continue
            by_gender = reader.mapping(fields[language], language, GENDERS, required=GENDERS) or {}
            for gender in GENDERS:
                if gender in by_gender:
                    path = join(language, gender)
                    words = reader.each(by_gender[gender], path, reader.text)
                    for word in words:
                        if not _WORD.match(word):
                            reader.error(by_gender[gender], path, f"'{word}' is not one word")
                    found[(language, gender)] = frozenset(_key(w) for w in words)
        return GivenNames(MappingProxyType(found))

    return read_yaml(path, read, "given names by language and gender, like data/given-names.yaml")


@lru_cache(maxsize=1)
def bundled_given_names() -> GivenNames:
    return load_given_names(data_file(GIVEN_NAMES_FILE))


def is_name_shaped(text: str) -> bool:
    """Two or three words of letters (hyphens and apostrophes inside), each with a capital."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(_WORD.match(w) and w[:1].isupper() for w in words)


def is_latin(text: str) -> bool:
    return not any("\u0400" <= c <= "\u052f" for c in text)


def language_of(text: str) -> Lang | None:
    """'be' when the words carry a Belarusian letter or apostrophe, else 'ru'; None for Latin."""
    if is_latin(text):
        return None
    return "be" if set(text) & (BELARUSIAN_ONLY | BELARUSIAN_APOSTROPHES) else "ru"


def read_name(text: str, *, told: bool = False, names: GivenNames | None = None) -> list[Reading]:
    """Every reading of `text` as a Russian or Belarusian name, distinct by parts and gender.
    Belarusian letters make it Belarusian; otherwise Russian readings are tried first and
    Belarusian ones only when there are none ("Марына Золатава"). `told`: the words come from
    --name, "Фамилия Имя Отчество": surname first, and the surname's ending may tell the gender."""
    words = [_uncapped(w) for w in text.split()]
    language = language_of(text)
    if language is None or not 2 <= len(words) <= 3 or not all(_WORD.match(w) for w in words):
        return []
    known = names or bundled_given_names()
    readings = _readings(words, "be", told, known)
    if language == "ru":
        russian = _readings(words, "ru", told, known)
        if russian and (not readings or _undone(russian) < _undone(readings) + _BELARUSIAN_MARGIN):
            readings = russian  # "Бяляцкаму Алесю" is Belarusian: -аму explains more than -у
    unique: dict[tuple[NameParts, Gender], Reading] = {}
    for reading in readings:
        unique.setdefault((reading.parts, reading.gender), reading)
    return _datives_first(list(unique.values()))


def _datives_first(readings: list[Reading]) -> list[Reading]:
    """Where a given name reads the same in both cases ("Іванову Ілля"), the dative reading
    of the surname is kept: a surname is not written in a dative's form."""
    datives = {(r.parts.given, r.given_first, r.gender) for r in readings if r.case == "dative"}
    return [r for r in readings
            if r.case == "dative" or (r.parts.given, r.given_first, r.gender) not in datives]


def _uncapped(word: str) -> str:
    """"ЧЕКИНА" -> "Чекина": the decliners read names written with a capital and small letters."""
    if len(word) < 2 or not word.isupper():
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _undone(readings: list[Reading]) -> int:
    """How much of the pasted words the readings keep (fewer: more of the endings explained)."""
    return min(sum(_common_prefix(a, b)
                   for a, b in zip(r.pasted.split(), r.parts.full().split(), strict=True))
               for r in readings)


def _readings(words: list[str], language: Lang, told: bool, known: GivenNames) -> list[Reading]:
    if len(words) == 3:
        return _with_patronymic(words, language, told, known)
    found = []
    orders = (False,) if told else (False, True)
    cases: tuple[Case, ...] = ("nominative", "dative")
    for given_first, case, gender in product(orders, cases, GENDERS):
        surname, given = (words[1], words[0]) if given_first else (words[0], words[1])
        reading = _two_words(surname, given, language, case, gender, known, given_first)
        if reading is not None:
            found.append(reading)
    if not found and told:
        told_gender = _surname_gender(words[0])
        if told_gender is not None:
            found.append(Reading(NameParts(words[0], words[1]), told_gender, language, "nominative", False,
                                 f"{words[0]} {words[1]}"))
    return found


def _with_patronymic(words: list[str], language: Lang, told: bool, known: GivenNames) -> list[Reading]:
    """Three words: the patronymic last (surname first) or in the middle (given name first)."""
    places = ((2, False),) if told else ((2, False), (1, True))
    for at, given_first in places:
        told_by = _patronymic(words[at], language)
        surname, given = (words[2], words[0]) if given_first else (words[0], words[1])
        if told_by is None or _patronymic(given, language) is not None:
            continue  # "Анна Сергеевна Малашевич": Сергеевна is no given name
        case, gender = told_by
        pasted = NameParts(surname, given, words[at])
        if case == "nominative":
            return [Reading(pasted, gender, language, case, given_first, pasted.full())]
        parts = _undo_dative(pasted, language, gender, known.of(language, gender))
        return [Reading(parts, gender, language, case, given_first, pasted.full())] if parts else []
    return []


def _two_words(surname: str, given: str, language: Lang, case: Case, gender: Gender, known: GivenNames,
               given_first: bool) -> Reading | None:
    pasted = NameParts(surname, given)
    if case == "nominative":
        if not known.knows(given, language, gender):
            return None
        return Reading(pasted, gender, language, case, given_first, pasted.full())
    parts = _undo_dative(pasted, language, gender, known.of(language, gender))
    if parts is None or not known.knows(parts.given, language, gender) or parts == pasted:
        return None
    return Reading(parts, gender, language, case, given_first, pasted.full())


def _patronymic(word: str, language: Lang) -> tuple[Case, Gender] | None:
    lower = word.lower()
    for case in ("nominative", "dative"):
        for gender, endings in _PATRONYMIC[(language, case)]:
            if lower.endswith(endings) and len(lower) > 4:
                return case, gender
    return None


def _surname_gender(word: str) -> Gender | None:
    lower = word.lower()
    for gender, endings in _SURNAME_GENDER:
        if lower.endswith(endings):
            return gender
    return None


def _undo_dative(pasted: NameParts, language: Lang, gender: Gender,
                 known_given: Callable[[str], bool] | None = None) -> NameParts | None:
    """The likeliest nominative parts whose dative, by the rules, is `pasted` word for word."""
    decline = dative_full_name if language == "ru" else dative_full_name_be
    target = pasted.full()
    options = [_ranked(pasted.surname, "surname", language, gender),
               _ranked(pasted.given, "given", language, gender, known_given)]
    if pasted.patronymic:
        options.append(_ranked(pasted.patronymic, "patronymic", language, gender))
    for combo in product(*options):
        parts = NameParts(*combo)
        if decline(parts, gender) == target:
            return parts
    return None


def _ranked(word: str, part: Part, language: Lang, gender: Gender,
            known: Callable[[str], bool] | None = None) -> list[str]:
    """Nominatives that may decline to `word`, likeliest first: a known given name, then the
    reading that undoes the longest ending, the word itself last."""
    found = list(_russian_back(word, part)) if language == "ru" else _belarusian_back(word, part, gender)
    found = [w for w in found if _spelled_right(w, word)]
    order = {w: i for i, w in enumerate(found)}
    return sorted(found, key=lambda w: (not (known and known(w)), _common_prefix(w, word), order[w]))


def _russian_back(word: str, part: Part) -> Iterator[str]:
    lower = word.lower()
    for ending, nominatives in _RU_BACK:
        if len(lower) > len(ending) + 1 and lower.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if ending == "ой" and stem.lower().endswith(("ск", "цк")):
                nominatives = ("ая", "а")
            elif ending == "ому" and stem.lower().endswith(_SOFT_OR_HUSHING):
                nominatives = ("ий", "ой", "ый")
            if ending == "е" and stem.lower().endswith(("ь", *_VOWELS)):
                nominatives = ("я", "а")  # Дарье, Зое: Дарья, Зоя
            for nominative in nominatives:
                yield stem + (nominative.upper() if word.isupper() else nominative)
            if part == "given" and ending == "у" and len(stem) > 2 and stem[-2].lower() not in _VOWELS:
                base = stem[:-1].removesuffix("ь")
                yield base + "е" + stem[-1]  # a fleeting vowel: Павлу, Льву
    yield word


def _belarusian_back(word: str, part: Part, gender: Gender) -> list[str]:
    found = nominative_candidates_be(word, part, gender)
    return [w for w in found if w != word] + ([word] if word in found else [])


def _spelled_right(word: str, pasted: str) -> bool:
    """No й or ў after a consonant, no ь after a vowel, no vowel before an о the reading put
    in ("Лосіку" is Лосік, not Лосіок): such readings are no names."""
    lower = word.lower()
    for before, letter in pairwise(lower):
        if letter in "йў" and before not in _VOWELS:
            return False
        if letter == "ь" and before in _VOWELS:
            return False
        if letter == "о" and before in _VOWELS and before + letter not in pasted.lower():
            return False
    return True


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size
