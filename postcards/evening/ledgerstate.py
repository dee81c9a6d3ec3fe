"""The ledger's state rows: a card posted, or returned to the sender, is a new row that names
the printed card; the printed card's row never changes.

    date,prisoner,message,language,pack,text
    2026-03-01,chekina,ru-walk,ru,3,"Здравствуйте, Людмила Юрьевна! ..."    printed
    2026-03-02,card-state,posted,ru,3,chekina 2026-03-01 ru-walk            posted on 03-02
    2026-04-20,card-state,returned-released,ru,3,chekina 2026-03-01 ru-walk came back

A state row's `prisoner` is the reserved id `card-state` (no data file may use it); its
`date` is the day of the state, `message` the state (`posted`, or `returned-` and why),
`language` and `pack` those of the card, and `text` names the card: the prisoner's id, the
day it was printed and its message id. A mark for a card printed twice the same day with
the same message and pack counts once per row, up to the cards printed.

Why this shape, and not a seventh column or a state in the person's own row: the versions
before states read exactly six columns and skip any other row with a warning that tells the
user to "mend or delete the line". So a state row is an ordinary six-column row, which those
versions read and count as a card, but as a card of a person named `card-state`, whom no
data file has: every real person's count, messages and last day stay what they were, so
their `--fewest-first`, message choice and `ledger` table are unchanged. What they show of
it: one warning a run that 'card-state' is not in the data file, a `card-state` line in the
`ledger` table, and a `card-state.txt` from `ledger --export`. (A state written in the
person's row, `chekina,@posted`, would count every mark as one more card to that person
in those versions; a seventh column would be skipped with one warning per row.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from postcards.shared.model import LEDGER_STATE_ID

STATE_ID = LEDGER_STATE_ID  # the `prisoner` of a state row; reserved, never a person's id
State = Literal["posted", "returned"]
STATES: tuple[State, ...] = ("posted", "returned")
Why = Literal["released", "moved", "refused", "unknown"]
WHYS: tuple[Why, ...] = ("released", "moved", "refused", "unknown")
KEY_FORMAT = "ID YYYY-MM-DD MESSAGE"


@dataclass(frozen=True, slots=True)
class CardKey:
    """A printed card as a state row names it: to whom, printed which day, which message, in
    which pack."""

    prisoner: str
    day: date
    message: str
    pack: int | None

    @property
    def text(self) -> str:
        """The state row's `text`: `chekina 2026-03-01 ru-walk`."""
        return f"{self.prisoner} {self.day.isoformat()} {self.message}"


@dataclass(frozen=True, slots=True)
class Mark:
    """One state row, read."""

    key: CardKey
    state: State
    why: Why | None  # for a returned card: why it came back
    day: date  # the day of the state
    line: int


def state_word(state: State, why: Why | None = None) -> str:
    """The state row's `message`: `posted`, `returned-released`, ..."""
    return state if state == "posted" else f"returned-{why or 'unknown'}"


def read_mark(line: int, day: date, message: str, pack: int | None, text: str | None) -> Mark | str:
    """A state row's fields as a Mark, or what is wrong with them."""
    word, _, reason = message.partition("-")
    state = next((s for s in STATES if s == word), None)
    why = next((w for w in WHYS if w == reason), None)
    if state is None or (state == "posted" and reason) or (state == "returned" and why is None):
        choices = ", ".join(["posted", *(f"returned-{w}" for w in WHYS)])
        return f"the state '{message}' of a {STATE_ID} row is not one of {choices}"
    parts = (text or "").split()
    printed = _day(parts[1]) if len(parts) == 3 else None
    if printed is None:
        return f"a {STATE_ID} row's text '{text}' does not name a card as {KEY_FORMAT}"
    return Mark(CardKey(parts[0], printed, parts[2], pack), state, why, day, line)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


@dataclass
class Counts:
    """Cards printed, posted and returned, of a person or a pack. A returned card was posted."""

    printed: int = 0
    posted: int = 0
    returned: int = 0

    def add(self, mark: Mark) -> None:
        if mark.state == "posted":
            self.posted += 1
        else:
            self.returned += 1

    def settled(self) -> Counts:
        """The counts as the file allows: no more posted than printed, no more returned than
        posted (a mark typed in twice by hand counts once)."""
        posted = min(self.posted, self.printed)
        return Counts(self.printed, posted, min(self.returned, posted))

    @property
    def delivered(self) -> int:
        """Posted and not come back: what `--fewest-first` counts."""
        return self.posted - self.returned
