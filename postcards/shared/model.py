"""The typed records the rest of the tool works on, once a data file is validated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from postcards.shared.errors import Problem, SourceLocation
from postcards.shared.names import Gender, Name

Language = Literal["ru", "be"]  # a card's message language; the address has its own (AddressOptions.script)
LANGUAGES: tuple[Language, ...] = ("ru", "be")
Status = Literal["imprisoned", "released", "unknown"]
STATUSES: tuple[Status, ...] = ("imprisoned", "released", "unknown")
# Which church a person belongs to, for the Easter their spring card greets: Orthodox, or the
# Western date for Catholics and Protestants (Lutherans and most free churches in Belarus keep it).
Confession = Literal["orthodox", "catholic", "protestant"]
CONFESSIONS: tuple[Confession, ...] = ("orthodox", "catholic", "protestant")
LEDGER_STATE_ID = "card-state"  # the ledger's `prisoner` for a card's state row; never a person's id


# How much of an address the sources give (the research file's terms): one Cyrillic block;
# parts from different sources, scripts or eras; a Latin block only; some parts; nothing.
Completeness = Literal["complete_cyrillic", "composite", "latin_only", "partial", "none"]
COMPLETENESS: tuple[Completeness, ...] = ("complete_cyrillic", "composite", "latin_only", "partial", "none")
PlaceStatus = Literal["open", "closed", "unknown"]  # as last reported by a dated source
PLACE_STATUSES: tuple[PlaceStatus, ...] = ("open", "closed", "unknown")


@dataclass(frozen=True, slots=True)
class PlaceForms:
    """An institution's lines in one script, each as a source wrote it; None where none did."""

    name: str | None = None
    street: str | None = None
    locality: str | None = None
    district: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a fact was seen: a page (or, without one, a document's title), its date as the
    page shows it, and what it says."""

    url: str | None = None
    title: str | None = None
    date: str | None = None
    what: str | None = None

    @property
    def label(self) -> str:
        return self.url or self.title or ""


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
    sources: tuple[str, ...] = ()  # each citation's url (or title)
    be: PlaceForms | None = None  # the Belarusian forms, where a source gives them
    aliases: tuple[str, ...] = ()  # names free text uses for it, any script, colloquial too
    status: PlaceStatus = "open"
    completeness: Completeness = "complete_cyrillic"
    composite: str | None = None  # what is composite: every use warns with it
    address_latin_seen: str | None = None  # a Latin block as a source printed it, verbatim
    replaced_by: str | None = None  # the registry code of what replaced it
    reused_code: str | None = None  # the code free text also gives it, which another entry holds
    notes: str | None = None
    citations: tuple[Citation, ...] = ()
    # No Russian lines are sourced, only the Belarusian ones (`be`, whole): `name`, `street` and
    # `locality` are empty, and only a Belarusian block can carry the address.
    be_only: bool = False


@dataclass(frozen=True, slots=True)
class RecogniseOnly:
    """An institution the registry knows only to recognise it in free text: no Russian address
    a card could carry is sourced (a Latin block only, Belarusian lines only, or no address).
    Its Russian lines (`ru`) hold only what sources printed in Russian; nothing is filled in."""

    code: str
    postcode: str | None = None
    ru: PlaceForms | None = None
    be: PlaceForms | None = None
    aliases: tuple[str, ...] = ()
    status: PlaceStatus = "open"
    closed: str | None = None
    completeness: Completeness = "none"
    composite: str | None = None
    address_latin_seen: str | None = None
    replaced_by: str | None = None
    reused_code: str | None = None
    notes: str | None = None
    seen: str | None = None  # when a source last showed the address, or reported the place
    sources: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def be_printable(self) -> bool:
        """Whether the Belarusian lines make a whole block (institution, street, postcode,
        locality): such an address can go on a card only in Belarusian."""
        be = self.be
        return bool(be and be.name and be.street and be.locality and self.postcode)


Known = Institution | RecogniseOnly  # a registry entry, printable in Russian or not


@dataclass(frozen=True, slots=True)
class Birthday:
    """A day of birth; the year is None when only the day is known (--MM-DD)."""

    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """What the person was sentenced to, as the data gives it: for the crib, never on a card."""

    years: float | None = None
    regime: str | None = None
    articles: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Prisoner:
    """One validated record of the data file: who, where to write, and what the crib says."""

    id: str
    name: Name
    gender: Gender
    institution: Institution
    where: SourceLocation  # the record's place in its file, for messages
    index: int = 0  # position in the file's `prisoners:` list
    dative: str | None = None  # exact override of the declined name (Russian block)
    dative_be: str | None = None  # exact override of the Belarusian dative (Belarusian block)
    born: Birthday | None = None
    sentence: Sentence | None = None
    about: str | None = None
    status: Status = "imprisoned"
    released: date | None = None  # the day of release, with status "released"
    verified: date | None = None
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # an organiser's labels, e.g. "women", "journalists"
    unit: str | None = None  # a line under the institution's, as written: "отряд № 5"
    interests: tuple[str, ...] = ()  # English words for the writer, e.g. "books", "cats"
    confession: Confession | None = None  # None: the library's default Easter (Orthodox)

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
