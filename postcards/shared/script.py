"""Which writing system a text is in: the post and the censor read Cyrillic only."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Latin letters that look like Cyrillic ones: the usual cause of "Latin in a Russian word".
_CYRILLIC_ONLY = re.compile(r"(?:[\u0400-\u052f]|[^\w]|[\d_])*")
LOOKALIKES = dict(zip("AaBCcEeHKMOoPpTXxyi", "АаВСсЕеНКМОоРрТХхуі", strict=True))
# The letters of Belarusian Cyrillic that Russian lacks: a text with one is Belarusian.
BELARUSIAN_ONLY = frozenset("ІіЎў")
# Where Belarusian writes an apostrophe (Юр'еўна, Мар'я) Russian writes ь or ъ (Юрьевна, Марья).
# In a name it marks the Belarusian form; in a text it is also ordinary punctuation (quotes),
# so it tells a name's language, never a text's.
BELARUSIAN_APOSTROPHES = frozenset("'ʼ’")
# The letters of Russian Cyrillic that Belarusian lacks: a name with one is not Belarusian.
RUSSIAN_ONLY = frozenset("ИиЩщЪъ")


@dataclass(frozen=True)
class ForeignLetter:
    """A letter that is not Cyrillic, and where it stands in the text."""

    index: int  # 0-based position in the text
    char: str

    def describe(self, unit: str = "character") -> str:
        """"Latin letter 'a' at character 6 (looks like Cyrillic 'а')"; `unit` names what
        the position counts ("letter" inside a word)."""
        name = "Latin" if self.char.isascii() else "non-Cyrillic"
        twin = LOOKALIKES.get(self.char)
        looks = f" (looks like Cyrillic '{twin}')" if twin else ""
        return f"{name} letter '{self.char}' at {unit} {self.index + 1}{looks}"


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def foreign_letter_problem(text: str) -> str | None:
    """"'text' has a Latin letter 'a' at character 6 (looks like ...)" for a stray letter in
    Cyrillic text, "'text' is written in Latin letters" when it has no Cyrillic letter at all,
    or None when the text's letters are all Cyrillic."""
    foreign = foreign_letters(text)
    if not foreign:
        return None
    if not any(is_cyrillic(ch) for ch in text if ch.isalpha()):
        return f"'{text}' is written in Latin letters"
    return f"'{text}' has a {foreign[0].describe()}"


def foreign_letters(text: str) -> list[ForeignLetter]:
    """Letters in `text` that are not Cyrillic (digits and punctuation are fine, and so is
    the Belarusian apostrophe ʼ, which Unicode counts as a letter)."""
    if _CYRILLIC_ONLY.fullmatch(text):  # the usual case, without a look at each character
        return []
    return [
        ForeignLetter(i, ch) for i, ch in enumerate(text)
        if ch.isalpha() and not is_cyrillic(ch) and ch not in BELARUSIAN_APOSTROPHES
    ]


def belarusian_marks(text: str) -> list[str]:
    """The Belarusian-only letters and apostrophes in a name, in code point order: a Russian
    name form has none."""
    return sorted((BELARUSIAN_ONLY | BELARUSIAN_APOSTROPHES) & set(text))


def belarusian_name(text: str) -> bool:
    """Whether a name is written in Belarusian: it has a Belarusian letter or apostrophe and no
    letter only Russian has ("Бяляцкі Алесь Віктаравіч"; not "Чекина Людмила Юрьеўна", a
    Russian name with a slip of the keyboard)."""
    return bool(belarusian_marks(text)) and not RUSSIAN_ONLY & set(text)
