"""The typed records the rest of the tool works on, once a data file is validated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from postcards.shared.errors import Problem, SourceLocation
from postcards.shared.names import Gender, Name

Language = Literal["ru", "be"]  # a card's language; the address is always Russian
LANGUAGES: tuple[Language, ...] = ("ru", "be")
Status = Literal["imprisoned", "released", "unknown"]
STATUSES: tuple[Status, ...] = ("imprisoned", "released", "unknown")


@dataclass(frozen=True, slots=True)
class Institution:
    """A postal address of a place of detention, as printed on the envelope."""

    name: str  # the institution line, e.g. "ИК № 4"
    street: str
    postcode: str
    locality: str
    district: str | None = None
    region: str | None = None
    code: str | None = None  # registry code, e.g. "IK-4"; None for an inline address
    closed: str | None = None  # why we believe it closed, with the source
    seen: str | None = None  # when a source last showed this address
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Birthday:
    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    years: float | None = None
    regime: str | None = None
    articles: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Prisoner:
    id: str
    name: Name
    gender: Gender
    institution: Institution
    where: SourceLocation  # the record's place in its file, for messages
    index: int = 0  # position in the file's `prisoners:` list
    dative: str | None = None  # exact override of the declined name
    born: Birthday | None = None
    sentence: Sentence | None = None
    about: str | None = None
    status: Status = "imprisoned"
    verified: date | None = None
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # an organiser's labels, e.g. "women", "journalists"

    @property
    def field(self) -> str:
        return f"prisoners[{self.index}]"


@dataclass(frozen=True)
class Dataset:
    """A validated data file: its prisoners, the institutions in force, and its warnings."""

    file: str
    prisoners: tuple[Prisoner, ...]
    institutions: dict[str, Institution]
    warnings: tuple[Problem, ...] = ()
