"""A letter-writing evening: the cards split into balanced packs, one per writer, and the
words of each writer's cover sheet and of the organiser's summary sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from postcards.evening.selection import Selection
from postcards.shared.errors import Problem
from postcards.shared.model import Prisoner
from postcards.shared.words import people, plural
from postcards.text.outline import Para, heading, item, title
from postcards.text.translit import known_as

T = TypeVar("T")


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`items` in order, cut into `parts` runs whose sizes differ by at most one (larger
    first); with fewer items than parts the last runs are empty."""
    size, extra = divmod(len(items), parts)
    runs: list[Sequence[T]] = []
    start = 0
    for number in range(parts):
        end = start + size + (1 if number < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs


def _who(prisoner: Prisoner) -> str:
    place = prisoner.institution.code or prisoner.institution.name
    return f"{known_as(prisoner.name)} ({prisoner.name.ru.full()}), {place}"


def sheets_for(cards: int, per_sheet: int) -> int:
    return -(-cards // per_sheet)


def cover(number: int, writers: int, pack: Sequence[Prisoner], per_sheet: int, crib: bool) -> list[Para]:
    """Writer N's cover sheet: how many cards, for whom, what is inside, the rules."""
    sheets = sheets_for(len(pack), per_sheet)
    inside = (f"Inside: {plural(sheets, 'sheet')} of cards"
              + (", each followed by a crib sheet saying who each person is and what their card "
                 "says." if crib else "."))
    paras = [title(f"Writer {number} of {writers}: {plural(len(pack), 'card')}, for"),
             *(item(f"{i}. {_who(p)}") for i, p in enumerate(pack, 1)),
             heading("What to do"),
             Para(inside),
             Para("Cut the cards apart, read each one, sign it with your first name in Cyrillic, "
                  "and hand the cards back to the organiser with this sheet. Add a word or a "
                  "drawing if you like: check any words you add with `postcards lint`."),
             Para("Never write about politics, the war, the news, the person's case or sentence, or "
                  "freedom: the censor stops such cards. Nothing in English or any other language "
                  "but Russian or Belarusian on a card."
                  + (" The crib sheets stay with you: never post them." if crib else ""))]
    return paras


@dataclass(frozen=True)
class EveningFacts:
    """What the organiser's summary reports, decided before it is laid out."""

    day: date
    arrives: date
    packs: Sequence[Sequence[Prisoner]]
    selection: Selection
    stale: Sequence[tuple[Prisoner, Problem]]
    stale_after: int
    ledger: str | None  # the ledger's path, or None when there is none
    ledger_usable: bool  # False: the file is not a ledger, and tonight is not recorded in it
    ledger_cards: int  # rows in the ledger before tonight
    postage: str = ""  # the evening's postage, or why none is counted (posting.postage)


def summary(facts: EveningFacts) -> list[Para]:
    """The organiser's sheet: tonight's packs, who is skipped and why, addresses to check."""
    cards = sum(len(p) for p in facts.packs)
    sizes = sorted({len(p) for p in facts.packs if p}, reverse=True)
    empty = [n for n, p in enumerate(facts.packs, 1) if not p]
    paras = [title(f"Letter-writing evening, {facts.day.isoformat()}: organiser's summary"),
             Para(f"Tonight: {plural(cards, 'card')} in {plural(len(facts.packs) - len(empty), 'pack')} of "
                  f"{' or '.join(str(s) for s in sizes)} cards. Posted today, they arrive about "
                  f"{facts.arrives.isoformat()}. This sheet and the crib sheets stay with you: "
                  "never post them.")]
    if facts.postage:
        paras.append(Para(facts.postage))
    if empty:
        paras.append(Para(f"No cards for {writers_named(empty)}: more writers than cards."))
    if facts.ledger is not None and not facts.ledger_usable:
        paras.append(Para(f"{facts.ledger} is not a ledger file the tool can add to: tonight's cards "
                          "are not recorded (the terminal said why)."))
    elif facts.ledger is not None:
        paras.append(Para(f"Ledger: {facts.ledger} ({plural(facts.ledger_cards, 'card')} before tonight); "
                          "tonight's cards "
                          "are added to it now the PDF is written."))
    else:
        paras.append(Para("No ledger: tonight's cards are not recorded (give --ledger FILE to keep one)."))
    paras.append(heading(f"Check before posting: {plural(len(facts.stale), 'address')} not verified "
                         f"in the last {facts.stale_after} days"))
    paras += [item(f"{_who(p)}: {problem.message}") for p, problem in facts.stale]
    if facts.stale:
        paras.append(Para("Check each at prisoners.spring96.org; hold back a card whose address "
                          "has changed."))
    skipped = len(facts.selection.skipped)
    paras.append(heading(f"Skipped: {people(skipped)} {'gets' if skipped == 1 else 'get'} no card tonight"))
    paras += [item(f"{_who(p)}: {why}") for p, why in facts.selection.skipped]
    paras.append(heading("Packs"))
    for number, pack in enumerate(facts.packs, 1):
        names = "; ".join(f"{known_as(p.name)} ({p.id})" for p in pack) or "no cards"
        paras.append(item(f"Writer {number} ({len(pack)}): {names}"))
    return paras


def writers_named(numbers: Sequence[int]) -> str:
    """[10, 11, 12] -> 'writers 10-12'; [3] -> 'writer 3' (the numbers run on)."""
    return f"writer {numbers[0]}" if len(numbers) == 1 else f"writers {numbers[0]}-{numbers[-1]}"
