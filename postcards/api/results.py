"""What the public calls give back: plain frozen data, nothing to draw or write with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a plain `make` never loads the censor check
    from postcards.evening.selection import Selection
    from postcards.shared.errors import Problem
    from postcards.source.routes import Route
    from postcards.text.censor import Finding


@dataclass(frozen=True)
class AddressBlock:
    """One person's address block, top line first, as it goes on the envelope, and what the
    user should know of it (a line printed in Russian for want of a Belarusian form, ...)."""

    id: str
    lines: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class CardRecord:
    """What one printed card is: for whom, which message, in which writer's pack."""

    prisoner: str  # the person's id
    message: str  # the library message's id, or "own" for a writer's own text
    occasion: str  # general, birthday, winter, spring; "own" for a writer's own text
    lang: str
    pack: int | None = None  # the writer's pack at an event; None for `make_cards`


@dataclass(frozen=True)
class Result:
    """A PDF made: what is in it, where it went, and what is worth telling the person."""

    output: Path | None  # the file written; None when the PDF went to a stream
    cards: tuple[CardRecord, ...]  # in the order they are printed
    sheets: int  # pages of cards
    pages: int  # every page: cribs, covers and the summary included
    bytes: int
    ledger: Path | None  # the ledger given
    recorded: Path | None  # the ledger the cards were added to (None: not a ledger file)
    selection: Selection  # who got cards, and who was skipped and why
    warnings: tuple[Problem, ...]  # the ledger's unreadable lines, ids it has that the data has not
    notes: tuple[str, ...]  # choices worth telling: general messages for want of seasonal ones, ...
    findings: tuple[Finding, ...]  # what the censor check flags in a message file printed with `force`
    stale: tuple[Problem, ...]  # addresses to check before posting
    stale_after: int  # the days after which an address counts as stale
    address_warnings: tuple[Problem, ...] = ()  # what the address blocks say, each once
    route: Route | None = None  # the country the cards are posted from (`CardOptions.post_from`)
    route_warnings: tuple[Problem, ...] = ()  # its post carries no mail to Belarus: what others do
