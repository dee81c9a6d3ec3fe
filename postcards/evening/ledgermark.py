"""Marking printed cards posted or returned (a state row per card, added to the ledger), and
the counts per writer's pack and per evening for the report-back.

Cards are chosen by pack, prisoner id and the day they were printed; each given pack and id
must match a printed card, so a typo is refused rather than marking nothing. A card already
in the state asked for is left as it is; a card marked returned that was never marked posted
gets its posted row first (it came back, so it was posted).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from postcards.evening.ledger import Entry, Ledger, append, rows
from postcards.evening.ledgerstate import STATE_ID, CardKey, Counts, Mark, State, Why, read_mark, state_word
from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.words import plural
from postcards.source.yamlsource import did_you_mean

WHEN_HINT = "see `postcards ledger --by pack` for what was printed when"


@dataclass(frozen=True)
class Chosen:
    """Which printed cards to mark: each given filter narrows, repeated values widen."""

    packs: tuple[int, ...] = ()
    ids: tuple[str, ...] = ()
    printed: date | None = None  # the day the cards were printed

    def __call__(self, pid: str, day: date, pack: int | None) -> bool:
        return ((not self.ids or pid in self.ids) and (not self.packs or pack in self.packs)
                and (self.printed is None or day == self.printed))

    def words(self) -> str:
        parts = [*(f"pack {n}" for n in self.packs), *(f"id {i}" for i in self.ids)]
        if self.printed is not None:
            parts.append(f"printed {self.printed.isoformat()}")
        return ", ".join(parts) or "any card"


@dataclass(frozen=True)
class MarkedCards:
    """What marking did: the cards chosen, the rows added, and who came back why."""

    state: State
    why: Why | None
    chosen: int  # printed cards the choice matched
    already: int  # of them, those already in the state
    rows: tuple[Entry, ...]  # the state rows added
    people: tuple[str, ...]  # ids of the cards newly marked, in ledger order

    @property
    def marked(self) -> int:
        return sum(1 for row in self.rows if row.message == state_word(self.state, self.why))


def mark_cards(book: Ledger, state: State, chosen: Chosen, today: date,
               why: Why | None = None) -> MarkedCards:
    """Adds a state row for every card `chosen` picks that is not in `state` yet (returned:
    with `why`, default unknown). Refuses, adding nothing, when a given pack or id, or the
    choice as a whole, matches no printed card."""
    why = (why or "unknown") if state == "returned" else None
    found = _Found(chosen)
    found.read(book)
    _refuse_unmatched(book, chosen, found.printed, found.ids, found.packs)
    added: list[Entry] = []
    already = 0
    for key, count in found.printed.items():
        posted, returned = found.marks["posted"][key], found.marks["returned"][key]
        done = min(count, returned if state == "returned" else posted)
        already += done
        if done == count:
            continue
        language = found.languages[key]
        posted_row = Entry(today, STATE_ID, state_word("posted"), language, key.pack, key.text)
        added += [posted_row] * (count - posted)
        if state == "returned":
            added += [replace(posted_row, message=state_word(state, why))] * (count - returned)
    append(book, added)
    people = tuple(dict.fromkeys(row.text.split()[0] for row in added))
    return MarkedCards(state, why, sum(found.printed.values()), already, tuple(added), people)


class _Found:
    """The printed cards a choice matches, how many of each are marked posted and returned,
    and every id and pack the ledger has (to name a typo)."""

    def __init__(self, chosen: Chosen) -> None:
        self.chosen = chosen
        self.printed: Counter[CardKey] = Counter()
        self.languages: dict[CardKey, str] = {}
        self.marks: dict[State, Counter[CardKey]] = {"posted": Counter(), "returned": Counter()}
        self.ids: set[str] = set()
        self.packs: set[int] = set()

    def read(self, book: Ledger) -> None:
        chosen = self.chosen
        for line, day, pid, message, language, pack, text in rows(book):
            if pid == STATE_ID:
                mark = read_mark(line, day, message, pack, text)
                if isinstance(mark, Mark) and chosen(mark.key.prisoner, mark.key.day, mark.key.pack):
                    self.marks[mark.state][mark.key] += 1
                continue
            self.ids.add(pid)
            if pack is not None:
                self.packs.add(pack)
            if chosen(pid, day, pack):
                key = CardKey(pid, day, message, pack)
                self.printed[key] += 1
                self.languages.setdefault(key, language)


def _refuse_unmatched(book: Ledger, chosen: Chosen, printed: Counter[CardKey], ids: set[str],
                      packs: set[int]) -> None:
    """Every given id that matches no printed card, every pack the ledger has not, or else the
    choice as a whole when it matches nothing: refused together."""
    found_ids = {key.prisoner for key in printed}
    problems = []
    for pid in chosen.ids:
        if pid not in ids:
            hint = did_you_mean(pid, ids) or "see `postcards ledger` for who has cards"
            problems.append(Problem(f"no printed card for '{pid}' in {book.path}", field="--id", hint=hint))
        elif pid not in found_ids:
            others = replace(chosen, ids=())
            problems.append(Problem(f"no printed card for '{pid}' in {book.path} matches {others.words()}",
                                    field="--id", hint=WHEN_HINT))
    for pack in chosen.packs:
        if pack not in packs:
            listed = ", ".join(str(n) for n in sorted(packs)) or "none"
            problems.append(Problem(f"no printed card in pack {pack} in {book.path}", field="--pack",
                                    hint=f"the ledger's packs: {listed}; see `postcards ledger --by pack`"))
    if not problems and not printed:
        problems.append(Problem(f"no printed card in {book.path} matches {chosen.words()}", hint=WHEN_HINT))
    if problems:
        raise PostcardsError.of(problems)


@dataclass(frozen=True)
class Group:
    """Cards printed, posted and returned of one evening's pack (pack None: a `make` run),
    or of one day (pack None too) when counted by day."""

    day: date
    pack: int | None
    printed: int
    posted: int
    returned: int


def group_totals(book: Ledger, by_pack: bool = True) -> list[Group]:
    """The cards of each (day printed, pack), or of each day printed, oldest first; only days
    on or after the ledger's `since`."""
    found: dict[tuple[date, int | None], Counts] = {}
    since = book.since
    for line, day, pid, message, _, pack, text in rows(book):
        if pid == STATE_ID:
            mark = read_mark(line, day, message, pack, text)
            if isinstance(mark, Mark):
                count = found.get((mark.key.day, mark.key.pack if by_pack else None))
                if count is not None:
                    count.add(mark)
        elif since is None or day >= since:
            found.setdefault((day, pack if by_pack else None), Counts()).printed += 1
    order = sorted(found, key=lambda group: (group[0], group[1] is not None, group[1] or 0))
    return [Group(day, pack, c.printed, c.posted, c.returned)
            for day, pack in order for c in (found[day, pack].settled(),)]


def status_changes(marked: MarkedCards) -> Iterator[tuple[str, str]]:
    """For cards returned because the person was released or moved: (id, what to change in
    the data file so that no more cards go to the old address)."""
    if marked.state != "returned" or marked.why not in ("released", "moved"):
        return
    for pid in marked.people:
        if marked.why == "released":
            yield pid, "status: released, and released: the day, when a source gives it"
        else:
            yield pid, ("status: unknown until the new address is found; then institution: (or "
                        "address:), verified: and status: imprisoned")


def described(marked: MarkedCards) -> str:
    """One line: what was marked."""
    what = marked.state if marked.state == "posted" else f"returned ({marked.why})"
    line = f"Marked {plural(marked.marked, 'card')} {what}"
    if marked.already:
        line += f"; {plural(marked.already, 'card')} of the {marked.chosen:,} chosen already were"
    return line + "."
