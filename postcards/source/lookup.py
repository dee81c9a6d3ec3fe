"""Text matching for the institutions registry, pure: free text normalised, the codes it names
("ИК № 4", "ПК-4", "Correctional colony No. 4", "IU-22"), and whether two street lines, in any
script, name the same street and house. The registry itself is `institutions.py`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from postcards.shared.script import LOOKALIKES

_QUOTES = str.maketrans(dict.fromkeys("«»„“”‟\"", '"'))
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
# "№", "No.", "Nr", "N", "#", "n°", "number", "номер" before a number all become "№ ".
_NUMBER_SIGN = re.compile(r"(?:№|#|n°|(?<!\w)(?:no|nr|n|number|номер)\.?)\s*(?=\d)")

# An institution's kind, as free text names it in Russian, Belarusian and English, and the
# registry code's prefix for it. Declined forms count ("в исправительной колонии № 24").
# Earlier kinds win where two overlap ("воспитательная колония" is not an "колония").
_KINDS: tuple[tuple[str, str], ...] = (
    ("VK", r"воспитательн\w* колони\w*|вк"),
    ("IUOT", r"исправительн\w* учреждени\w* открытого типа|иуот"),
    ("IK", r"исправительн\w* (?:колони|учреждени)\w*|исправколони\w*|папраўч\w* калоні\w*"
           r"|(?:колони|калоні)\w*(?: (?:особого|строгого|общего|усиленного) режима)?"
           r"|ик|пк|иу|ik|pk|iu|pc|(?:correctional|corrective|penal) (?:colony|camp)|colony"),
    ("PRISON", r"(?:следственн\w* )?тюрьм\w*|(?:следч\w* )?турм\w*|prison"),
    ("SIZO", r"следственн\w* изолятор\w*|следч\w* ізалятар\w*|сизо|сіза|sizo|siza"
             r"|pre-?trial detention (?:center|centre)"),
)
_NUMBER = r"(?:\s?-\s?|\s)?(?:№\s?)?(\d{1,3})(?![\d])"
_ST = r"(?<!\w)st\s?-\s?(\d{1,3})(?!\d)"  # "ST-1"; never "St. 8" (a street)


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code prefix, pattern) for each kind, and "ST-1"; compiled on first use (about 1 ms),
    as reading the registry to print cards never looks for them."""
    kinds = tuple((prefix, re.compile(rf"(?<!\w)(?:{words}){_NUMBER}")) for prefix, words in _KINDS)
    return (*kinds, ("PRISON", re.compile(_ST)))


def normalise(text: str) -> str:
    """Text as the registry compares it: NFC, case folded, ё as е, one kind of quote, dash
    and number sign ("№ "), single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    text = _DASHES.sub("-", text.translate(_QUOTES))
    text = _NUMBER_SIGN.sub("№ ", text)
    return " ".join(text.split())


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A normalised phrase found as whole words."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w])")


def code_mentions(text: str, codes: tuple[str, ...]) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(code, the words that named it, where) for each institution `text` (normalised) names
    by number or by one of the registry's `codes` written out; each stretch counts once."""
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        if any(start < e and s < end for s, e in taken):
            return False
        taken.append((start, end))
        return True

    for code in sorted(codes, key=len, reverse=True):
        for found in re.finditer(rf"(?<![\w-]){re.escape(code.casefold())}(?![\w-])", text):
            if free(*found.span()):
                yield code, found.group(0), found.span()
    for prefix, pattern in _kind_patterns():
        for found in pattern.finditer(text):
            if free(*found.span()):
                yield f"{prefix}-{int(found.group(1))}", found.group(0), found.span()


# --- streets -------------------------------------------------------------------------------

_TYPE_WORDS = frozenset((
    "ул", "улица", "вул", "вуліца", "ul", "ulica", "ulitsa", "vul", "vulica", "st", "str", "street",
    "пр", "пр-т", "пр-кт", "просп", "проспект", "prospekt", "pr-t", "пер", "переулок", "зав", "завулак",
    "zavulak", "шоссе", "шаша", "ш", "shasha", "sh", "д", "дом", "d", "house"))
_ORDINAL = re.compile(r"(?<!\w)\d+-?(?:я|й|ая|ый|ой|ы|і|y|st|nd|rd|th)(?!\w)")
_TOKEN = re.compile(r"(?<![\w-])(?P<digits>\d{1,4})(?:\s?(?P<letter>[^\W\d_]))?(?!\w)"
                    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)")
_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ł": "l", "ž": "zh", "š": "sh", "č": "ch", "ć": "ch", "ś": "sh", "ź": "zh", "ż": "zh",
    "'": "", "’": "", "ʼ": "",
})
# Sounds that transliterations spell differently, each to one letter; vowels are dropped.
_SOUNDS = (("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("kh", "g"), ("ch", "c"),
           ("ts", "c"), ("cz", "c"), ("sz", "s"), ("dz", "d"), ("h", "g"), ("w", "v"), ("x", "g"))
_TWINS = {latin.lower(): cyrillic.lower() for latin, cyrillic in LOOKALIKES.items()}  # "258B" for "258 В"
_SAME_STREET = 0.6  # skeleton likeness; the candidates already share a postcode


def _skeleton(words: list[str]) -> str:
    text = unicodedata.normalize("NFKD", "".join(words).translate(_TO_LATIN))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for spelling, sound in _SOUNDS:
        text = text.replace(spelling, sound)
    consonants = [c for c in text if c.isalpha() and c not in "aeiouyj"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


def _tokens(line: str) -> list[str | tuple[str, str]]:
    """A normalised line's street-name words (type words such as "ул." left out) and house
    numbers ((digits, letter)), in order; ordinals ("1-я", "1st") are part of no house."""
    tokens: list[str | tuple[str, str]] = []
    for found in _TOKEN.finditer(_ORDINAL.sub(" ", line)):
        if found.group("digits"):
            tokens.append((found.group("digits"), found.group("letter") or ""))
        elif found.group("word") not in _TYPE_WORDS:
            tokens.append(found.group("word"))
    return tokens


def _names_beside(tokens: list[str | tuple[str, str]], at: int, size: int) -> list[list[str]]:
    """The `size` words just before and just after position `at` (a house number)."""
    before: list[str] = []
    for token in reversed(tokens[:at]):
        if not isinstance(token, str) or len(before) == size:
            break
        before.insert(0, token)
    after: list[str] = []
    for token in tokens[at + 1:]:
        if not isinstance(token, str) or len(after) == size:
            break
        after.append(token)
    return [w for w in (before, after) if w]


def _same_letter(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    if a.translate(_TO_LATIN) == b.translate(_TO_LATIN):
        return True
    return _TWINS.get(a) == b or _TWINS.get(b) == a


def _same_house(token: str | tuple[str, str], digits: str, letter: str) -> bool:
    return not isinstance(token, str) and token[0] == digits and _same_letter(letter, token[1])


def same_street(given: str, form: str) -> bool:
    """Whether the street line `given` names the street and house that `form` names, in any
    script: a registry line ("ул. Добролюбова, 16", "вул. Антошкіна, 3") or a whole Latin
    block ("... vul. Dabralubava 16, 213410 Horki"), where the name beside the house counts;
    both normalised."""
    import difflib  # a lookup by street needs it; reading the registry does not

    tokens, form_tokens = _tokens(given), _tokens(form)
    words = [t for t in tokens if isinstance(t, str)]
    houses = [t for t in tokens if not isinstance(t, str)]
    form_houses = [i for i, t in enumerate(form_tokens) if not isinstance(t, str)]
    if houses and form_houses:
        digits, letter = houses[-1]
        form_houses = [i for i in form_houses if _same_house(form_tokens[i], digits, letter)]
        if not form_houses:
            return False
    if not words:
        return bool(houses)
    if houses and form_houses:
        windows = [w for i in form_houses for w in _names_beside(form_tokens, i, len(words))]
    else:
        form_words = [t for t in form_tokens if isinstance(t, str)]
        windows = [form_words[i:i + len(words)] for i in range(len(form_words))]
    wanted = _skeleton(words)
    return any(difflib.SequenceMatcher(None, wanted, _skeleton(w)).ratio() >= _SAME_STREET for w in windows)
