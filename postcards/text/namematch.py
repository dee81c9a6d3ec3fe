"""Who a pasted release or transfer list names, among the people of a data file.

A mention is a surname from the data (its Russian, Belarusian or Latin form, as written, in
another spelling, or declined) with the given name next to it, before or after: "Марина
Золотова", "Золотова Марина Васильевна", "Maryna Zolatava", or with initials, "Лойко А.Ю.",
"A. Loika". A surname alone is never a match, nor one beside another given name (Виктор
Бабарико is not Eduard Babaryka) or another patronymic; those are kept as near misses, to show.
A mention that fits two people is ambiguous: both are listed, and neither is to be changed.
Pure: the caller reads the text and the data, and decides what to do with the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from postcards.shared.model import Prisoner
from postcards.shared.names import Name
from postcards.text.namekeys import HOWS, How, compare, cyrillic, initial_of, keys, patronymic_like
from postcards.text.namelist import Run, Word, non_empty_lines, runs

SURE: tuple[How, ...] = ("exact", "transliteration")  # may be applied without a person's look


@dataclass(frozen=True)
class Match:
    """A line of the list that names a person of the data file, and how."""

    line: int
    text: str  # the mention, as pasted
    prisoner_id: str
    how: How  # exact, transliteration, inflected (another grammatical case) or initials
    sure: bool  # exact or transliteration: the full given name agrees


@dataclass(frozen=True)
class NearMiss:
    """A surname of the data file that is not a match, and why."""

    line: int
    text: str
    prisoner_id: str
    why: str  # "the given name is Виктор, not Эдуард", "the surname alone"


@dataclass(frozen=True)
class Matching:
    """What a pasted list names. `matches` name one person each; an `ambiguous` mention names
    two or more and must not be acted on; `near` are namesakes and lone surnames."""

    matches: tuple[Match, ...]
    ambiguous: tuple[tuple[Match, ...], ...]
    near: tuple[NearMiss, ...]
    lines: int  # lines with a letter on them
    unmatched: tuple[int, ...]  # of those, the ones that name nobody (ambiguity counts as naming)

    def people(self) -> tuple[str, ...]:
        """The ids matched, each once, in the order of the list."""
        return tuple(dict.fromkeys(m.prisoner_id for m in self.matches))


class _Form(NamedTuple):
    surname: str
    given: str
    patronymic: str | None


class _Judged(NamedTuple):
    how: How | None  # None: not a match
    words: tuple[Word, ...]
    why: str
    surname: How  # how the surname matched the form judged by: a miss is told in the likeliest form


def match_names(text: str, people: Iterable[Prisoner]) -> Matching:
    """Every mention in `text` of the `people`, with near misses; see the module's words."""
    found = _Finder(tuple(people))
    matches: dict[tuple[int, str], Match] = {}
    ambiguous: list[tuple[Match, ...]] = []
    near: dict[tuple[int, str], NearMiss] = {}
    for run in runs(text):
        for index in range(len(run.words)):
            named, missed = found.mention(run, index)
            if len(named) > 1:
                ambiguous.append(tuple(named))
            elif named:
                key = (run.line, named[0].prisoner_id)  # one match a person a line: the surest
                if key not in matches or HOWS.index(named[0].how) < HOWS.index(matches[key].how):
                    matches[key] = named[0]
            else:
                for miss in missed:
                    near.setdefault((miss.line, miss.prisoner_id), miss)
    named_lines = {m.line for m in matches.values()} | {m.line for group in ambiguous for m in group}
    near = {k: v for k, v in near.items() if k not in matches}
    lines = non_empty_lines(text)
    return Matching(tuple(sorted(matches.values(), key=lambda m: m.line)), tuple(ambiguous),
                    tuple(near.values()), len(lines), tuple(n for n in lines if n not in named_lines))


class _Finder:
    """The people's name forms, and their surnames looked up by every key they are found by."""

    def __init__(self, people: tuple[Prisoner, ...]) -> None:
        self.people = people
        self.forms = [_forms(p.name) for p in people]
        self.by_key: dict[str, set[int]] = {}
        for index, forms in enumerate(self.forms):
            for form in forms:
                for key in keys(form.surname):
                    self.by_key.setdefault(key, set()).add(index)

    def mention(self, run: Run, index: int) -> tuple[list[Match], list[NearMiss]]:
        """Who the word at `index` is the surname of, with a given name beside it; and the
        people whose surname it is, without."""
        word = run.words[index]
        candidates = sorted({i for form in word.forms for key in keys(form)
                             for i in self.by_key.get(key, ())})
        named: list[Match] = []
        missed: list[NearMiss] = []
        for person in candidates:
            judged = min(self._judged(run, index, person), key=_rank, default=None)
            pid = self.people[person].id
            if judged is None:
                continue
            if judged.how is not None:
                named.append(Match(run.line, run.quote(judged.words), pid, judged.how, judged.how in SURE))
            else:
                missed.append(NearMiss(run.line, run.quote(judged.words), pid, judged.why))
        return named, missed

    def _judged(self, run: Run, index: int, person: int) -> Iterator[_Judged]:
        word = run.words[index]
        script = cyrillic(word.forms[0])  # of equals, the form in the mention's script tells a miss
        for form in sorted(self.forms[person], key=lambda f: cyrillic(f.surname) != script):
            surname = _best(compare(written, form.surname) for written in word.forms)
            if surname is None:
                continue
            judged = [_judge(form, surname, word, given, patronymic)
                      for given, patronymic in _around(run, index)
                      if given.initial or given.forms[0][:1].isupper()]  # a name, not "освобождена"
            yield from judged or [_Judged(None, (word,), "the surname alone", surname)]


def _around(run: Run, index: int) -> list[tuple[Word, Word | None]]:
    """The (given name, patronymic) a surname at `index` may have: after it, or before it."""
    words = run.words
    found: list[tuple[Word, Word | None]] = []
    if index + 1 < len(words):
        given, third = words[index + 1], words[index + 2] if index + 2 < len(words) else None
        found.append((given, third if third is not None and _patronymic(given, third) else None))
    if index >= 1:
        before, first = words[index - 1], words[index - 2] if index >= 2 else None
        found.append((first, before) if first is not None and _patronymic(first, before) else (before, None))
    return found


def _patronymic(given: Word, word: Word) -> bool:
    """Whether `word` after `given` reads as a patronymic: its ending, or two initials."""
    return (given.initial and word.initial) or (not word.initial and patronymic_like(word.forms[0]))


def _judge(form: _Form, surname: How, word: Word, given: Word, patronymic: Word | None) -> _Judged:
    words = (word, given) if patronymic is None else (word, given, patronymic)
    how_given = _part(given, form.given)
    if how_given is None:
        what = "initial" if given.initial else "given name"
        return _Judged(None, words, f"the {what} is {given.forms[0]}, not {form.given}", surname)
    hows = [surname, how_given]
    if patronymic is not None and form.patronymic is not None:
        how_patronymic = _part(patronymic, form.patronymic)
        if how_patronymic is None:
            return _Judged(None, words, f"the patronymic is {patronymic.forms[0]}, not {form.patronymic}",
                           surname)
        hows.append(how_patronymic)
    return _Judged(max(hows, key=HOWS.index), words, "", surname)


def _part(word: Word, part: str) -> How | None:
    if word.initial:
        return "initials" if initial_of(word.forms[0], part) else None
    return _best(compare(written, part) for written in word.forms)


def _best(hows: Iterable[How | None]) -> How | None:
    found = [h for h in hows if h is not None]
    return min(found, key=HOWS.index) if found else None


def _rank(judged: _Judged) -> tuple[int, int, int]:
    """Matches first, surest first; of misses, a differing name before a lone surname, in the
    form whose surname was written most alike."""
    if judged.how is not None:
        return (0, HOWS.index(judged.how), 0)
    return (1, 0 if judged.why != "the surname alone" else 1, HOWS.index(judged.surname))


def _forms(name: Name) -> list[_Form]:
    """The person's name in each form the data gives; a Latin form reads given name first."""
    forms = [_Form(name.ru.surname, name.ru.given, name.ru.patronymic)]
    if name.be is not None and name.be != name.ru:
        forms.append(_Form(name.be.surname, name.be.given, name.be.patronymic))
    words = (name.latin or "").split()
    if len(words) >= 2:
        forms.append(_Form(words[-1], words[0], words[1] if len(words) == 3 else None))
    return forms
