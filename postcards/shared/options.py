"""Every choice a run takes, in frozen dataclasses that travel from the command line down.

Nothing in the library reads the clock, the environment or a global setting: `today` is a
field of `CardOptions` that the caller always gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from postcards.shared.model import Language, Status
from postcards.shared.names import Gender

Occasion = Literal["general", "birthday", "winter", "spring"]
OCCASIONS: tuple[Occasion, ...] = ("general", "birthday", "winter", "spring")
SEASONAL: tuple[Occasion, ...] = ("winter", "spring")
DEFAULT_TRANSIT_DAYS = 21  # DOMAIN.md section 5: international mail to Belarus takes weeks
Register = Literal["formal", "warm"]
REGISTERS: tuple[Register, ...] = ("formal", "warm")
NameForm = Literal["dative", "nominative"]
Script = Literal["ru", "be"]  # the address block's language; the country line is Latin in both
SCRIPTS: tuple[Script, ...] = ("ru", "be")
DEFAULT_STALE_DAYS = 365
RouteKind = Literal["post", "courier"]  # posted abroad, or handed to a courier who posts inside Belarus
ROUTE_KINDS: tuple[RouteKind, ...] = ("post", "courier")
CribLanguage = Literal["en", "de", "pl", "lt"]  # the writer's pages: crib, cover, summary
CRIB_LANGUAGES: tuple[CribLanguage, ...] = ("en", "de", "pl", "lt")


@dataclass(frozen=True)
class AddressOptions:
    """How the address block is written: the name's form, and whether the country line goes on."""

    name_form: NameForm = "dative"  # "nominative": given name first, as Libereco prints
    country: bool = True  # False for mail posted inside Belarus
    script: Script = "ru"  # "be": Belarusian forms where the registry or the data give them


@dataclass(frozen=True)
class Filters:
    """Each given filter narrows the list; repeated values of one filter widen it again
    (`--tag women --tag journalists`: either tag)."""

    institutions: tuple[str, ...] = ()  # registry codes, e.g. IK-4
    born_within: int | None = None  # birthdays within this many days after a card arrives
    only: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = ()  # empty: any status

    @property
    def narrowing(self) -> bool:
        """Any filter given: the people chosen may be fewer than everyone."""
        return bool(self.institutions or self.born_within is not None or self.only or self.exclude
                    or self.tags or self.statuses)


@dataclass(frozen=True)
class EventOptions:
    """A letter-writing evening: how many write, at most how many cards each, and the age at
    which the summary lists an address to check."""

    writers: int
    cards_per_writer: int | None = None  # None: everyone selected gets a card
    stale_after: int = DEFAULT_STALE_DAYS


@dataclass(frozen=True, kw_only=True)
class CardOptions:
    """Every choice that shapes the cards, passed down from the command line. `today` has no
    default: the caller says which day it is (tests pin it)."""

    today: date
    paper: str = "a4"
    lang: Language | None = None  # None: the message's language, else Russian
    seed: int = 0
    copies: int = 1
    filters: Filters = field(default_factory=Filters)
    cards: int | None = None  # at most this many people get a card (a short evening)
    fewest_first: bool = False  # with `cards`: those the ledger shows had the fewest first
    sender: tuple[str, ...] = ()
    sender_from: str = "--from"  # where the sender lines were given, for messages: the option or a file
    address: AddressOptions = field(default_factory=AddressOptions)
    occasion: Occasion | Literal["auto"] = "auto"
    message_id: str | None = None  # this library message on every card
    message_file: Path | None = None  # the writer's own text on every card
    force: bool = False  # print a message the censor check flags
    blank: bool = False  # ruled lines for handwriting instead of the printed message
    register: Register = "formal"
    writer: Gender | None = None
    transit_days: int = DEFAULT_TRANSIT_DAYS
    crib: bool = False
    crib_lang: CribLanguage = "en"  # the language of the crib, the cover and the summary
    handcopy: bool = False  # after each sheet, a page per blank card with its text in the card's ruled lines
    post_from: str | None = None  # the country code the cards are posted from (data/routes.yaml)
    post_from_field: str = "--post-from"  # where post_from was given, for messages
    route: RouteKind = "post"  # "courier": no country line (address.country False) and no sender
