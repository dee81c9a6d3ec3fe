"""How two written forms of one name part are compared: the same word (case, ё/е and the
apostrophes aside), the same word in another script or spelling (both said in Latin letters
with iuliia, then reduced to a loose skeleton: Lyudmila, Liudmila, Ludmila and Людміла meet),
or the same stem in another grammatical case (Золотову, Золотовой: Золотова)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from postcards.shared.model import Language
from postcards.text.translit import said

How = Literal["exact", "transliteration", "inflected", "initials"]
HOWS: tuple[How, ...] = ("exact", "transliteration", "inflected", "initials")  # surest first
SHORTEST_KEY = 3  # a skeleton or stem shorter than this says too little to look a surname up by

_APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "`": "'", "´": "'", "ё": "е"})
_LATIN_EXTRA = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae"})
# Spellings of one sound, longest first: German, Polish, Łacinka and English transliterations.
_SOUNDS = (("shch", "s"), ("tsch", "c"), ("sch", "s"), ("zh", "s"), ("kh", "h"), ("ch", "c"), ("sh", "s"),
           ("ts", "c"), ("tz", "c"), ("cz", "c"), ("sz", "s"), ("x", "h"), ("w", "v"), ("y", "i"),
           ("j", "i"), ("g", "h"), ("z", "s"))
_SOFT_I = re.compile(r"(?<=[b-df-hj-np-tv-z])i(?=[aeiou])")  # Lyudmila/Ludmila, Darya/Daria
_DOUBLE = re.compile(r"(.)\1+")
# Letters one language lacks: a word with them is said only by the other's rules.
_FOREIGN: tuple[tuple[Language, frozenset[str]], ...] = (("ru", frozenset("іў'")), ("be", frozenset("ищъ")))
# Case endings stripped before comparing stems, longest first (Russian and Belarusian).
_ENDINGS = tuple(sorted({"ого", "его", "ому", "ему", "ага", "аму", "ая", "яя", "ую", "юю", "ой", "ей", "ою",
                         "ею", "ым", "им", "ом", "ем", "ий", "ый", "ай", "ам", "яй", "ім", "а", "я", "у",
                         "ю", "ы", "і", "и", "е", "о", "ь", "й"}, key=len, reverse=True))
_PATRONYMIC_ENDINGS = ("вна", "вич", "чна", "ична", "ич", "ўна", "віч", "іч", "шна", "ovna", "evna", "ovich",
                       "evich", "ovič", "evič", "avich", "avič", "auna", "aŭna", "awna", "ivna", "ich", "ič")


def norm(word: str) -> str:
    """The word for comparing as written: composed, lower case, ё as е, one apostrophe."""
    return unicodedata.normalize("NFC", word).lower().translate(_APOSTROPHES)


def cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@lru_cache(maxsize=65536)
def compare(written: str, part: str) -> How | None:
    """How `written` (from a pasted list) is `part` (of a name in the data), or None."""
    a, b = norm(written), norm(part)
    if a == b:
        return "exact"
    if skeletons(a) & skeletons(b):
        return "transliteration"
    if cyrillic(a) and cyrillic(b) and len(stem(a)) >= SHORTEST_KEY and stem(a) == stem(b):
        return "inflected"
    return None


def initial_of(letters: str, part: str) -> bool:
    """Whether the initial `letters` ("А", "Yu") can begin `part`, in its script or another."""
    a, b = norm(letters), norm(part)
    return b.startswith(a) or any(whole.startswith(first) for first in skeletons(a) for whole in skeletons(b))


def keys(word: str) -> set[str]:
    """What a surname is looked up by: the word, its skeletons and (Cyrillic) its stem."""
    written = norm(word)
    found = {"=" + written} | {"~" + s for s in skeletons(written) if len(s) >= SHORTEST_KEY}
    if cyrillic(written) and len(stem(written)) >= SHORTEST_KEY:
        found.add("<" + stem(written))
    return found


def patronymic_like(word: str) -> bool:
    return norm(word).endswith(_PATRONYMIC_ENDINGS)


@lru_cache(maxsize=65536)
def skeletons(word: str) -> frozenset[str]:
    """The word in Latin letters, reduced so that common spellings of one name meet: a Cyrillic
    word as Russian and as Belarusian rules say it (г is g in one, h in the other)."""
    if not cyrillic(word):
        return frozenset({_skeleton(word)})
    letters = set(word)
    rules: list[Language] = [lang for lang, foreign in _FOREIGN if not letters & foreign]
    return frozenset(_skeleton(said(word, lang)) for lang in rules or ["ru"])


def _skeleton(latin: str) -> str:
    text = unicodedata.normalize("NFKD", latin.lower().translate(_LATIN_EXTRA))
    text = "".join(c for c in text if "a" <= c <= "z")
    for spelling, sound in _SOUNDS:
        text = text.replace(spelling, sound)
    return _DOUBLE.sub(r"\1", _SOFT_I.sub("", _DOUBLE.sub(r"\1", text)))


def stem(word: str) -> str:
    """The word without a case ending, if what is left is long enough to mean something."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_KEY:
            return word[: -len(ending)]
    return word
