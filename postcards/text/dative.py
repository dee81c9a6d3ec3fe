"""The Russian dative case of a full name, for the address line (petrovich's rules)."""

from __future__ import annotations

from functools import lru_cache

from pytrovich.enums import Case, NamePart
from pytrovich.enums import Gender as PetrovichGender
from pytrovich.maker import PetrovichDeclinationMaker

from postcards.shared.names import Gender, NameParts


@lru_cache(maxsize=1)
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@lru_cache(maxsize=65536)
def _inflect(part: NamePart, gender: Gender, word: str) -> str:
    target = PetrovichGender.FEMALE if gender == "female" else PetrovichGender.MALE
    return _maker().make(part, target, Case.DATIVE, word)


def dative_full_name(name: NameParts, gender: Gender) -> str:
    """The full Russian name in the dative case, surname first: "Чекиной Людмиле Юрьевне".

    Declension follows petrovich's rules (pytrovich): female surnames ending in a consonant
    and surnames in -о, -ко, -их, -ых stay as they are; double-barrelled surnames decline
    part by part.
    """
    parts = [
        _inflect(NamePart.LASTNAME, gender, name.surname),
        _inflect(NamePart.FIRSTNAME, gender, name.given),
    ]
    if name.patronymic:
        parts.append(_inflect(NamePart.MIDDLENAME, gender, name.patronymic))
    return " ".join(parts)
