"""People's names as data: parts in each script, and the gender a patronymic tells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
    """A person's name in each form the data gives. A name known only in Belarusian
    (`be_only`) has its Belarusian parts in both `ru` and `be`: greetings and lists print it as
    written, and nothing makes a Russian form of it."""

    ru: NameParts
    be: NameParts | None = None
    latin: str | None = None
    be_only: bool = False


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
