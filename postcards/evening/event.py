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
from postcards.shared.options import CribLanguage
from postcards.text.i18n import N_, plural_translator, translator
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


def cover(number: int, writers: int, pack: Sequence[Prisoner], per_sheet: int, crib: bool,
          lang: CribLanguage = "en") -> list[Para]:
    """Writer N's cover sheet: how many cards, for whom, what is inside, the rules; in `lang`."""
    _, ngettext = translator(lang), plural_translator(lang)
    sheets = sheets_for(len(pack), per_sheet)
    inside = (ngettext("Inside: {count} sheet of cards, each followed by a crib sheet saying who each "
                       "person is and what their card says.",
                       "Inside: {count} sheets of cards, each followed by a crib sheet saying who each "
                       "person is and what their card says.", sheets) if crib
              else ngettext("Inside: {count} sheet of cards.", "Inside: {count} sheets of cards.", sheets))
    rules = _("Never write about politics, the war, the news, the person's case or sentence, or "
              "freedom: the censor stops such cards. Nothing in English or any other language "
              "but Russian or Belarusian on a card.")
    paras = [title(ngettext("Writer {number} of {writers}: {count} card, for",
                            "Writer {number} of {writers}: {count} cards, for", len(pack))
                   .format(number=number, writers=writers, count=f"{len(pack):,}")),
             *(item(f"{i}. {_who(p)}") for i, p in enumerate(pack, 1)),
             heading(_("What to do")),
             Para(inside.format(count=f"{sheets:,}")),
             Para(_("Cut the cards apart, read each one, sign it with your first name in Cyrillic, "
                    "and hand the cards back to the organiser with this sheet. Add a word or a "
                    "drawing if you like: check any words you add with `postcards lint`.")),
             Para(rules + (" " + _("The crib sheets stay with you: never post them.") if crib else ""))]
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


def summary(facts: EveningFacts, lang: CribLanguage = "en") -> list[Para]:
    """The organiser's sheet: tonight's packs, who is skipped and why, addresses to check; in
    `lang` (what other modules say, a stale address's problem or why someone is skipped, stays
    in English)."""
    _, ngettext = translator(lang), plural_translator(lang)
    cards = sum(len(p) for p in facts.packs)
    sizes = sorted({len(p) for p in facts.packs if p}, reverse=True)
    empty = [n for n, p in enumerate(facts.packs, 1) if not p]
    packs = len(facts.packs) - len(empty)
    tonight = " ".join((
        ngettext("Tonight: {count} card", "Tonight: {count} cards", cards).format(count=f"{cards:,}"),
        ngettext("in {count} pack of {sizes} cards.", "in {count} packs of {sizes} cards.", packs).format(
            count=f"{packs:,}", sizes=_(" or ").join(str(s) for s in sizes)),
        _("Posted today, they arrive about {date}. This sheet and the crib sheets stay with you: "
          "never post them.").format(date=facts.arrives.isoformat())))
    heading_line = _("Letter-writing evening, {date}: organiser's summary").format(date=facts.day.isoformat())
    paras = [title(heading_line), Para(tonight)]
    if facts.postage:
        paras.append(Para(facts.postage))
    if empty:
        nobody = (N_("No cards for writer {first}: more writers than cards.") if len(empty) == 1
                  else N_("No cards for writers {first}-{last}: more writers than cards."))
        paras.append(Para(_(nobody).format(first=empty[0], last=empty[-1])))
    if facts.ledger is not None and not facts.ledger_usable:
        paras.append(Para(_("{ledger} is not a ledger file the tool can add to: tonight's cards "
                            "are not recorded (the terminal said why).").format(ledger=facts.ledger)))
    elif facts.ledger is not None:
        paras.append(Para(ngettext("Ledger: {ledger} ({count} card before tonight); tonight's cards are "
                                   "added to it now the PDF is written.",
                                   "Ledger: {ledger} ({count} cards before tonight); tonight's cards are "
                                   "added to it now the PDF is written.", facts.ledger_cards)
                          .format(ledger=facts.ledger, count=f"{facts.ledger_cards:,}")))
    else:
        paras.append(Para(_("No ledger: tonight's cards are not recorded (give --ledger FILE to keep one).")))
    stale = len(facts.stale)
    check = ngettext("Check before posting: {count} address not verified in the last {days} days",
                     "Check before posting: {count} addresses not verified in the last {days} days", stale)
    paras.append(heading(check.format(count=f"{stale:,}", days=facts.stale_after)))
    paras += [item(f"{_who(p)}: {problem.message}") for p, problem in facts.stale]
    if facts.stale:
        paras.append(Para(_("Check each at prisoners.spring96.org; hold back a card whose address "
                            "has changed.")))
    skipped = len(facts.selection.skipped)
    paras.append(heading(ngettext("Skipped: {count} person gets no card tonight",
                                  "Skipped: {count} people get no card tonight", skipped)
                         .format(count=f"{skipped:,}")))
    paras += [item(f"{_who(p)}: {why}") for p, why in facts.selection.skipped]
    paras.append(heading(_("Packs")))
    for number, pack in enumerate(facts.packs, 1):
        names = "; ".join(f"{known_as(p.name)} ({p.id})" for p in pack) or _("no cards")
        paras.append(item(_("Writer {number} ({count}): {names}").format(number=number, count=len(pack),
                                                                       names=names)))
    return paras


def writers_named(numbers: Sequence[int]) -> str:
    """[10, 11, 12] -> 'writers 10-12'; [3] -> 'writer 3' (the numbers run on)."""
    return f"writer {numbers[0]}" if len(numbers) == 1 else f"writers {numbers[0]}-{numbers[-1]}"
