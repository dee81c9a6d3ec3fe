"""Which message each card gets: the occasion each person's card meets, the pool of messages
for it, a seeded choice that avoids repeats, or the one message the writer chose; and each
card's message as printed, rendered from the plan whenever it is needed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import LANGUAGES, Language, Prisoner
from postcards.shared.options import (
    OCCASIONS,
    CardOptions,
    Occasion,
)
from postcards.text.messages import Library, Message, Template, choose, read_own_message, render
from postcards.text.occasions import BIRTHDAY_WINDOW_DAYS, arrival, occasion_for

if TYPE_CHECKING:
    from postcards.text.censor import Finding


@dataclass(frozen=True, eq=False)  # a run's own: compared by identity
class Plan:
    """Which message each card gets, decided before any card is drawn."""

    people: tuple[Prisoner, ...]  # one per card, a person's copies together
    templates: tuple[Template, ...]  # the message of each card
    findings: tuple[Finding, ...] = ()  # in a --message-file printed with --force
    notes: tuple[str, ...] = ()  # choices worth telling the user

    def message(self, index: int, library: Library, options: CardOptions) -> Message:
        """Card `index`'s message as printed. Rendering is pure and deterministic, so the
        text is made again whenever it is needed rather than kept for every card."""
        return render(self.templates[index], self.people[index], library, options.register, options.writer)

    def messages(self, library: Library, options: CardOptions) -> Iterator[tuple[Prisoner, Message]]:
        """Every card's person and message, in card order, rendered one by one."""
        for index, prisoner in enumerate(self.people):
            yield prisoner, self.message(index, library, options)


def card_language(options: CardOptions, library: Library) -> Language | None:
    """The language of the cards: the chosen message's, else --lang; None when neither says
    (a writer's own text then decides, else Russian)."""
    if options.message_id is not None:
        lang = library.by_id(options.message_id).lang
        if options.lang is not None and options.lang != lang:
            raise PostcardsError(f"message '{options.message_id}' is in '{lang}', not '{options.lang}'",
                                 field="--lang", hint=f"leave out --lang or use --lang {lang}")
        return lang
    return options.lang


def own_message(options: CardOptions, lang: Language | None) -> tuple[Template, tuple[Finding, ...]]:
    """The writer's own text and what the censor check finds in it: refused unless --force."""
    from postcards.text.censor import lint  # only a writer's own text is checked on a run

    assert options.message_file is not None
    template = read_own_message(options.message_file, lang)
    findings = tuple(lint(template.text, template=True))
    if findings and not options.force:
        source = str(options.message_file)
        raise PostcardsError.of([
            *(f.problem(source) for f in findings),
            Problem(f"{source}: the censor check flags {len(findings)} word(s); change them, "
                    "or add --force to print anyway", field="--message-file"),
        ])
    return template, findings


@dataclass(frozen=True, eq=False)  # within a plan only: compared by identity
class _Pool:
    """The messages one person's card may get, for the occasion it meets."""

    prisoner: Prisoner
    occasion: Occasion
    pool: tuple[Template, ...]
    fallback: tuple[Template, ...]  # general messages, for copies beyond a seasonal pool


def _pools(prisoners: Sequence[Prisoner], options: CardOptions, library: Library,
           lang: Language) -> tuple[list[_Pool], list[str]]:
    """Each person's messages for the occasion their card meets, and notes on occasions
    that had to fall back to general messages and on people whose cards fall back to Russian."""
    arrives = arrival(options.today, options.transit_days)
    # people chosen for a birthday (--born-within) get a birthday card, however far ahead
    window = max(BIRTHDAY_WINDOW_DAYS, options.filters.born_within or 0)
    by_occasion = {(x, o): library.pool(x, o, options.writer) for x in LANGUAGES for o in OCCASIONS}
    pools: list[_Pool] = []
    fallbacks: dict[tuple[Occasion, Language], int] = {}
    for prisoner in prisoners:
        own = _language_for(prisoner, lang)
        general = by_occasion[own, "general"]
        if options.occasion == "auto":
            occasion = occasion_for(prisoner.born, arrives, library.seasons, window,
                                    prisoner.confession)
        else:
            occasion = options.occasion
        pool = by_occasion[own, occasion]
        if not pool and options.occasion == "auto" and occasion != "general":
            fallbacks[occasion, own] = fallbacks.get((occasion, own), 0) + 1
            occasion, pool = "general", general
        if not pool:
            raise _no_messages(library, own, occasion)
        auto_extra = options.occasion == "auto" and occasion != "general"
        pools.append(_Pool(prisoner, occasion, pool, general if auto_extra else ()))
    notes = [f"no {occasion} message in '{own}' that suits this writer: {count} card(s) got a "
             "general one" for (occasion, own), count in fallbacks.items()]
    unnamed = [p.id for p in prisoners if _language_for(p, lang) != lang]
    if unnamed:
        notes.append(f"{_people(unnamed)} no Belarusian name in the data ({', '.join(unnamed)}): "
                     "their cards are in Russian; add name.be to print them in Belarusian")
    return pools, notes


def _language_for(prisoner: Prisoner, lang: Language) -> Language:
    """The language of the person's card: Russian when Belarusian is asked for but the data
    has no Belarusian name forms to address them with."""
    return "ru" if lang == "be" and prisoner.name.be is None else lang


def _people(ids: Sequence[str]) -> str:
    return "1 person has" if len(ids) == 1 else f"{len(ids)} people have"


def _refuse_unnamed(prisoners: Sequence[Prisoner], template: Template, field: str) -> None:
    """A chosen Belarusian text cannot be swapped for another: refused when anyone lacks the
    Belarusian name forms it addresses them with."""
    unnamed = [p.id for p in prisoners if _language_for(p, template.lang) != template.lang]
    if unnamed:
        raise PostcardsError(
            f"{_people(unnamed)} no Belarusian name in the data ({', '.join(unnamed)}) for "
            f"{template.describe()}, which is in Belarusian", field=field,
            hint="add name.be to them, leave them out (--exclude), or choose a Russian message")


def _no_messages(library: Library, lang: Language, occasion: Occasion) -> PostcardsError:
    if any(t.lang == lang and t.occasion == occasion for t in library.templates):
        return PostcardsError(f"every {occasion} message in '{lang}' agrees with the writer's gender",
                              field="--writer-gender", hint="give --writer-gender female or male")
    other = next(x for x in LANGUAGES if x != lang)
    return PostcardsError(f"the message library has no '{lang}' message for the occasion '{occasion}'",
                          field="--lang", hint=f"add one to {library.file}, choose another "
                          f"--occasion, or use --lang {other}")


def _liked(prisoners: Sequence[Prisoner]) -> dict[str, frozenset[str]]:
    """The topics each person's interests point to; nobody without interests is in it."""
    if not any(p.interests for p in prisoners):
        return {}  # the topics file is read only when someone has interests
    from postcards.text.topics import liked_topics

    return {p.id: liked_topics(p.interests) for p in prisoners if p.interests}


def plan_cards(prisoners: Sequence[Prisoner], options: CardOptions, library: Library,
               received: Mapping[str, frozenset[str]] | None = None) -> Plan:
    """Every card's message, `options.copies` per person, in the given order; `received`
    (message ids each person had before) are avoided while others are left. Fails, naming
    the person, when a choice cannot be made."""
    chosen_lang = card_language(options, library)  # refuses --lang against --message's language
    findings: tuple[Finding, ...] = ()
    notes: list[str] = []
    people = tuple(p for p in prisoners for _ in range(options.copies))
    if options.message_file is not None:
        template, findings = own_message(options, chosen_lang)
        _refuse_unnamed(prisoners, template, "--message-file")
        templates = [template] * len(people)
    elif options.message_id is not None:
        _refuse_unnamed(prisoners, library.by_id(options.message_id), "--message")
        templates = [library.by_id(options.message_id)] * len(people)
    else:
        lang = chosen_lang or "ru"
        pools, notes = _pools(prisoners, options, library, lang)
        requests = [(p.prisoner.id, p.pool, p.fallback) for p in pools for _ in range(options.copies)]
        try:
            templates = choose(requests, options.seed, received, _liked(prisoners))
        except ValueError as exc:
            short = next(p for p in pools if p.prisoner.id == exc.args[0])
            raise PostcardsError(
                f"'{short.prisoner.id}' would get the same message twice: "
                f"{len(short.pool) + len(short.fallback)} {short.occasion} message(s) in "
                f"'{short.pool[0].lang}' for {options.copies} copies", field="--copies",
                hint="use fewer copies, or add messages to the library") from None
    return Plan(people, tuple(templates), findings, tuple(notes))
