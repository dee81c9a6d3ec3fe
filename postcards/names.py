"""People's names: parts, gender from the patronymic, and the dative case for the address."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pytrovich.enums import Case, NamePart
from pytrovich.enums import Gender as PetrovichGender
from pytrovich.maker import PetrovichDeclinationMaker

Gender = Literal["female", "male"]
GENDERS: tuple[Gender, ...] = ("female", "male")

# Russian and Belarusian patronymic endings (DOMAIN.md section 3).
_FEMALE_ENDINGS = ("вна", "ўна", "чна", "шна")
_MALE_ENDINGS = ("ич", "іч")


@dataclass(frozen=True, slots=True)
class NameParts:
    """One language's form of a full name, nominative case."""

    surname: str
    given: str
    patronymic: str | None = None

    def full(self) -> str:
        """"Фамилия Имя Отчество", as registries write it."""
        return " ".join(p for p in (self.surname, self.given, self.patronymic) if p)

    def given_first(self) -> str:
        """"Мария Колесникова", as some campaigns print it."""
        return f"{self.given} {self.surname}"

    def polite(self) -> str:
        """How a letter addresses the person: given name and patronymic ("Людмила Юрьевна")."""
        return f"{self.given} {self.patronymic}" if self.patronymic else self.given


@dataclass(frozen=True, slots=True)
class Name:
    ru: NameParts
    be: NameParts | None = None
    latin: str | None = None


def gender_from_patronymic(patronymic: str | None) -> Gender | None:
    """The gender a Russian or Belarusian patronymic tells, or None when it tells none."""
    if not patronymic:
        return None
    word = patronymic.lower()
    if word.endswith(_FEMALE_ENDINGS):
        return "female"
    if word.endswith(_MALE_ENDINGS):
        return "male"
    return None


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
