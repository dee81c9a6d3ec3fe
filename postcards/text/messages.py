"""Suggested message templates: load and check them, choose one per card, render it.

A template's text is the body of a card; the library's greeting ("Здравствуйте, {name}!")
goes before it and its closing after. Placeholders:
  {name}       the person's name as the greeting addresses them: given name and patronymic
               ("Людмила Юрьевна"), or the given name alone in the warm register
  {given}      the given name alone
  {ж|м}        forms for a woman and for a man, chosen by the person's gender
  {я:ж|м}      forms for the writer's own gender (рада|рад); a message with them is offered
               only when the writer gives theirs (--writer-gender)
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from yaml.nodes import Node

from postcards.shared.errors import PostcardsError, Problem, SourceLocation
from postcards.shared.files import read_text
from postcards.shared.model import LANGUAGES, Language, Prisoner
from postcards.shared.names import Gender, NameParts
from postcards.shared.options import OCCASIONS, REGISTERS, Occasion, Register
from postcards.shared.script import BELARUSIAN_ONLY, foreign_letters
from postcards.source.resources import read_yaml, template_file
from postcards.source.yamlsource import Reader, did_you_mean, join
from postcards.text.occasions import Season, read_seasons
from postcards.text.translit import said

MESSAGE_KEYS = ("id", "lang", "occasion", "text", "en")
OPTIONAL_MESSAGE_KEYS = ("topics",)
OWN_MESSAGE_LIMIT_BYTES = 100_000  # refused before it is checked or laid out: a card holds 400 characters
MAX_MESSAGE_CHARS = 400  # rendered, greeting included: more does not sit well on an A6 card
CARD_LANGUAGES_ONLY = "a card carries Russian or Belarusian only"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAMED = ("name", "given")
_WRITER = "я:"
_TEXT_LANGUAGES = (*LANGUAGES, "en")
# What a long name costs when a template's length is checked before any person is known.
_LONG_NAME = "Александра Константиновна"
_LONG_GIVEN = "Александра"


@dataclass(frozen=True)
class Template:
    """A message of the library (or a writer's own text), before it is written for a person."""

    id: str
    lang: Language
    occasion: Occasion | Literal["own"]
    text: str  # the body; one paragraph a line
    english: str | None  # None for a writer's own text
    where: SourceLocation
    greeted: bool = True  # False for a writer's own text: it has its own greeting
    topics: tuple[str, ...] = ()  # what it talks about (data/topics.yaml): books, nature, ...

    @property
    def writer_forms(self) -> bool:
        """Has words that agree with the writer's gender."""
        return "{" + _WRITER in self.text

    def describe(self) -> str:
        return f"message '{self.id}'" if self.greeted else f"your message ({self.where.file})"


@dataclass(frozen=True)
class Library:
    """The messages, and the greetings, closings and seasons they are written with."""

    file: str
    templates: tuple[Template, ...]
    greetings: Mapping[Register, Mapping[str, str]]  # register -> language (ru, be, en) -> text
    closings: Mapping[str, str]  # language (ru, be, en) -> text
    seasons: Mapping[Occasion, Season]

    def pool(self, lang: Language, occasion: Occasion, writer: Gender | None) -> tuple[Template, ...]:
        """The messages for a language and occasion that this writer can send."""
        return tuple(t for t in self.templates if t.lang == lang and t.occasion == occasion
                     and (writer is not None or not t.writer_forms))

    def by_id(self, message_id: str) -> Template:
        for template in self.templates:
            if template.id == message_id:
                return template
        hint = did_you_mean(message_id, [t.id for t in self.templates])
        raise PostcardsError(f"no message with id '{message_id}'", field="--message",
                             hint=hint or "`postcards messages` lists them")


@dataclass(frozen=True)
class Message:
    """A message rendered for one person: what goes on the card, and what it says in English."""

    id: str
    label: str  # for errors: "message 'ru-walk'" or "your message (mine.txt)"
    lang: Language
    occasion: str
    paragraphs: tuple[str, ...]
    closing: str
    english: tuple[str, ...] | None  # greeting to closing; None for a writer's own text
    name_said: str  # the name as the card addresses the person, in Latin letters
    # `english` before the name is put in: the msgids of the crib's translations
    english_source: tuple[str, ...] | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return "\n".join((*self.paragraphs, self.closing))


# --- reading a library -----------------------------------------------------------------

def template_problems(text: str) -> list[str]:
    """What is wrong with a text's placeholders, in words an author can act on."""
    problems = []
    for match in _PLACEHOLDER.finditer(text):
        inner = match.group(1)
        if "|" in inner or inner.startswith(_WRITER):
            forms = inner.removeprefix(_WRITER).split("|")
            if len(forms) != 2 or not all(f.strip() for f in forms):
                who = "the writer as a woman and as a man: {я:рада|рад}" if inner.startswith(_WRITER) \
                    else "a woman and a man: {одна|один}"
                problems.append(f"'{match.group(0)}' needs two forms, for {who}")
        elif inner not in _NAMED:
            hint = did_you_mean(inner, _NAMED)
            problems.append(f"unknown placeholder '{match.group(0)}'" + (f"; {hint}" if hint else "")
                            + "; known: {name}, {given}, {ж|м}, {я:ж|м}")
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        problems.append("a brace is not closed (or not opened): write placeholders as {name}")
    return problems


def _card_text_problems(reader: Reader, node: Node, path: str, where: str | None, text: str) -> bool:
    """Report placeholder, script and censor problems of a text printed on cards (`where`:
    the message it belongs to); True if any."""
    from postcards.text.censor import lint  # a library is checked when read, not every run

    lead = f"{where}: " if where else ""
    problems = template_problems(text)
    for problem in problems:
        reader.error(node, path, f"{lead}{problem}")
    if problems:  # a broken placeholder is neither Latin text nor a word
        return True
    foreign = foreign_letters(_PLACEHOLDER.sub("", text))
    if foreign:
        reader.error(node, path, f"{lead}has a {foreign[0].describe()}", CARD_LANGUAGES_ONLY)
        return True
    findings = lint(text, template=True)
    for finding in findings:
        reader.error(node, path, f"{lead}'{finding.word}' ({finding.rule}): {finding.reason}",
                     f"instead: {finding.instead}" if finding.instead else "rephrase it")
    return bool(findings)


def _read_template(reader: Reader, node: Node, path: str, seen: set[str], check: bool) -> Template | None:
    fields = reader.mapping(node, path, (*MESSAGE_KEYS, *OPTIONAL_MESSAGE_KEYS), required=MESSAGE_KEYS)
    if fields is None or any(k not in fields for k in MESSAGE_KEYS):
        return None
    mid = reader.text(fields["id"], join(path, "id"))
    lang = reader.choice(fields["lang"], join(path, "lang"), LANGUAGES, "language")
    occasion = reader.choice(fields["occasion"], join(path, "occasion"), OCCASIONS, "occasion")
    text = reader.text(fields["text"], join(path, "text"))
    english = reader.text(fields["en"], join(path, "en"))
    if mid is None or lang is None or occasion is None or text is None or english is None:
        return None
    where = f"message '{mid}'"
    if mid in seen:
        reader.error(fields["id"], join(path, "id"), f"{where}: id used twice", "make each id unique")
    seen.add(mid)
    if check and _card_text_problems(reader, fields["text"], join(path, "text"), where, text):
        return None
    for problem in template_problems(english) if check else ():
        reader.error(fields["en"], join(path, "en"), f"{where}: {problem}")
    topics = _read_topics(reader, fields["topics"], join(path, "topics"), check) if "topics" in fields else ()
    return Template(mid, lang, occasion, text, english, reader.where(node),  # type: ignore[arg-type]
                    topics=topics)


def _read_topics(reader: Reader, node: Node, path: str, check: bool) -> tuple[str, ...]:
    """A message's topics; with `check`, each one of data/topics.yaml (a repeat counts once)."""
    from postcards.text.topics import topics as vocabulary  # a library is checked when read

    known = tuple(vocabulary()) if check else None
    found: list[str] = []
    for index, item in enumerate(reader.sequence(node, path) or []):
        topic = reader.choice(item, f"{path}[{index}]", known, "topic") if known is not None \
            else reader.text(item, f"{path}[{index}]")
        if topic is not None and topic not in found:
            found.append(topic)
    return tuple(found)


def _read_texts(reader: Reader, node: Node, path: str, check: bool) -> Mapping[str, str]:
    """A mapping ru/be/en -> text; the Russian and Belarusian ones are checked as card text."""
    fields = reader.mapping(node, path, _TEXT_LANGUAGES, required=_TEXT_LANGUAGES) or {}
    texts: dict[str, str] = {}
    for lang, value_node in fields.items():
        value = reader.text(value_node, join(path, lang))
        if value is None:
            continue
        if not check:
            bad = False
        elif lang == "en":
            problems = template_problems(value)
            for problem in problems:
                reader.error(value_node, join(path, lang), problem)
            bad = bool(problems)
        else:
            bad = _card_text_problems(reader, value_node, join(path, lang), None, value)
        if not bad:
            texts[lang] = value
    return MappingProxyType(texts)


def _length_problems(library: Library) -> list[Problem]:
    """Messages longer than MAX_MESSAGE_CHARS once greeted, with a long name and the longer forms."""
    problems = []
    for template in library.templates:
        greeting = library.greetings.get("formal", {}).get(template.lang, "")
        text = _fill(f"{greeting}\n{template.text}", _LONG_NAME, _LONG_GIVEN, None, None)
        if len(text) > MAX_MESSAGE_CHARS:
            problems.append(Problem(
                f"message '{template.id}' is {len(text)} characters with its greeting and a long name",
                template.where, hint=f"keep it under {MAX_MESSAGE_CHARS}: short texts reach people"))
    return problems


def load_library(path: Path, check: bool = True) -> Library:
    """The templates in `path`; an authoring error names the file, line and message id.
    `check=False` skips checking the texts (placeholders, script, censor rules, length): for
    the bundled library, which the tests check, not every run."""
    return read_yaml(path, partial(_read_library, check=check),
                     "a message library, like templates/messages.yaml")


def _read_library(reader: Reader, root: Node, check: bool) -> Library:
    keys = ("version", "greetings", "closings", "seasons", "messages")
    fields = reader.mapping(root, "", keys, required=("greetings", "closings", "messages")) or {}
    greetings: dict[Register, Mapping[str, str]] = {}
    if "greetings" in fields:
        for register, node in (reader.mapping(fields["greetings"], "greetings", REGISTERS,
                                              required=REGISTERS) or {}).items():
            greetings[register] = _read_texts(reader, node, join("greetings", register), check)  # type: ignore[index]
    closings = _read_texts(reader, fields["closings"], "closings", check) if "closings" in fields else {}
    seasons = read_seasons(reader, fields["seasons"]) if "seasons" in fields else {}
    templates: list[Template] = []
    if "messages" in fields:
        seen: set[str] = set()
        for i, item in enumerate(reader.sequence(fields["messages"], "messages") or []):
            template = _read_template(reader, item, f"messages[{i}]", seen, check)
            if template is not None:
                templates.append(template)
    library = Library(reader.file, tuple(templates), MappingProxyType(greetings), MappingProxyType(closings),
                      MappingProxyType(seasons))
    reader.errors.extend(_length_problems(library) if check else [])
    return library


@lru_cache(maxsize=1)
def bundled_library() -> Library:
    return load_library(template_file("messages.yaml"), check=False)


def read_own_message(path: Path, lang: Language | None) -> Template:
    """A writer's own text for every card, with the same placeholders as the library; with
    `lang` None, a text with Belarusian letters (і, ў) is Belarusian, any other Russian."""
    if not path.is_file():
        raise PostcardsError(f"{path}: no such file", field="--message-file",
                             hint="give a plain-text file with your message, saved as UTF-8")
    text = read_text(path, "a message file", limit=OWN_MESSAGE_LIMIT_BYTES,
                     too_large="a card holds about 400 characters: write a short message").strip()
    where = SourceLocation(str(path), 1, 1)
    if not text:
        raise PostcardsError("the message file is empty", where=where, field="--message-file",
                             hint="write your message in it, in Russian or Belarusian")
    problems = template_problems(text)
    if problems:
        raise PostcardsError.of([Problem(p, where, "--message-file") for p in problems])
    if lang is None:
        lang = "be" if BELARUSIAN_ONLY & set(text) else "ru"
    return Template("own", lang, "own", text, None, where, greeted=False)


# --- rendering -------------------------------------------------------------------------

def name_forms(prisoner: Prisoner, lang: Language) -> NameParts:
    """The person's name in the message's language; Belarusian needs `name.be` in the data."""
    if lang == "ru":
        return prisoner.name.ru
    if prisoner.name.be is None:
        raise PostcardsError(
            f"'{prisoner.id}' has no Belarusian name forms for a Belarusian message",
            where=prisoner.where, field=f"{prisoner.field}.name.be",
            hint="add name.be: {surname: ..., given: ..., patronymic: ...} or use --lang ru",
        )
    return prisoner.name.be


def _fill(text: str, name: str, given: str, person: Gender | None, writer: Gender | None) -> str:
    """Placeholders replaced; with a gender unknown (length checks), the longer form."""
    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner == "name":
            return name
        if inner == "given":
            return given
        gender = writer if inner.startswith(_WRITER) else person
        forms = inner.removeprefix(_WRITER).split("|")
        if gender is None:
            return max(forms, key=len)
        return forms[0] if gender == "female" else forms[1]

    return _PLACEHOLDER.sub(replace, text)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def render(template: Template, prisoner: Prisoner, library: Library, register: Register = "formal",
           writer: Gender | None = None) -> Message:
    """The card text in the person's own name forms, and what it says in English for the writer."""
    if template.writer_forms and writer is None:
        raise PostcardsError(f"{template.describe()} has words that agree with the writer's gender",
                             field="--writer-gender", hint="give --writer-gender female or male")
    parts = name_forms(prisoner, template.lang)
    name = parts.polite() if register == "formal" else parts.given
    latin = said(name, template.lang)
    body = template.text
    english = template.english
    if template.greeted:
        body = f"{library.greetings[register][template.lang]}\n{body}"
        english = f"{library.greetings[register]['en']}\n{english}"
    card = _fill(body, name, parts.given, prisoner.gender, writer)
    return Message(
        id=template.id,
        label=template.describe(),
        lang=template.lang,
        occasion=template.occasion,
        paragraphs=_paragraphs(card),
        closing=library.closings[template.lang],
        english=(*_paragraphs(_fill(english, latin, latin.split()[0], prisoner.gender, writer)),
                 library.closings["en"]) if english is not None else None,
        name_said=latin,
        english_source=(*_paragraphs(english), library.closings["en"]) if english is not None else None,
    )


# --- choosing --------------------------------------------------------------------------

def choose(
    requests: Sequence[tuple[str, tuple[Template, ...], tuple[Template, ...]]],
    seed: int,
    received: Mapping[str, frozenset[str]] | None = None,
    liked: Mapping[str, frozenset[str]] | None = None,
) -> list[Template]:
    """One template per card, deterministic for `seed`.

    `requests` are (person id, pool, fallback) in card order, a person's copies one after
    another; the fallback serves a person whose pool is used up (a third copy in a season
    with two seasonal messages gets a general one). Nobody gets the same message twice in a
    run (nor one in `received`, while others are left); a person with `liked` topics gets a
    message on one of them while such are left, before one that differs from the card
    before; a card differs from the one before it when its pool allows; over the run, a
    pool's messages are used about equally often. Without `liked`, the choice is as it was.
    Raises ValueError(person id) when a person's pool and fallback are both used up."""
    received = received or {}
    liked = liked or {}
    ids = sorted({t.id for _, pool, fallback in requests for t in (*pool, *fallback)})
    random.Random(seed).shuffle(ids)
    rank = {mid: i for i, mid in enumerate(ids)}
    used: dict[str, int] = {}
    given: dict[str, set[str]] = {}
    chosen: list[Template] = []
    for person, pool, fallback in requests:
        mine = given.setdefault(person, set())
        fresh = [t for t in pool if t.id not in mine] or [t for t in fallback if t.id not in mine]
        if not fresh:
            raise ValueError(person)
        unseen = [t for t in fresh if t.id not in received.get(person, frozenset())] or fresh
        topics = liked.get(person, frozenset())
        unseen = [t for t in unseen if topics.intersection(t.topics)] or unseen
        previous = chosen[-1].id if chosen else None
        candidates = [t for t in unseen if t.id != previous] or unseen
        pick = min(candidates, key=lambda t: (used.get(t.id, 0), rank[t.id]))
        used[pick.id] = used.get(pick.id, 0) + 1
        mine.add(pick.id)
        chosen.append(pick)
    return chosen
