"""Suggested message templates: load and check them, choose one per card, render it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from yaml.nodes import Node

from .errors import PostcardsError, SourceLocation
from .model import Prisoner
from .names import NameParts
from .resources import template_file
from .script import foreign_letter_problem, foreign_letters
from .yamlsource import Reader, compose, did_you_mean, join, read_text

Language = Literal["ru", "be"]
LANGUAGES: tuple[Language, ...] = ("ru", "be")
MESSAGE_KEYS = ("id", "lang", "occasion", "text", "en")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAMED = ("name", "given")
CARD_LANGUAGES_ONLY = "a card carries Russian or Belarusian only"


@dataclass(frozen=True)
class Template:
    id: str
    lang: Language
    occasion: str
    text: str
    english: str
    where: SourceLocation


@dataclass(frozen=True)
class Library:
    templates: tuple[Template, ...]
    closings: dict[str, str]

    def for_language(self, lang: Language) -> tuple[Template, ...]:
        return tuple(t for t in self.templates if t.lang == lang)

    def by_id(self, message_id: str) -> Template:
        for template in self.templates:
            if template.id == message_id:
                return template
        hint = did_you_mean(message_id, [t.id for t in self.templates])
        raise PostcardsError(f"no message with id '{message_id}'",
                             hint=hint or "`postcards messages` lists them")


@dataclass(frozen=True)
class Message:
    """A message rendered for one person: what goes on the card, and what it says in English."""

    id: str
    paragraphs: tuple[str, ...]
    closing: str
    english: tuple[str, ...]


def _template_problems(text: str) -> list[str]:
    problems = []
    for match in _PLACEHOLDER.finditer(text):
        inner = match.group(1)
        if "|" in inner:
            forms = inner.split("|")
            if len(forms) != 2 or not all(f.strip() for f in forms):
                problems.append(f"'{match.group(0)}' needs two forms, for a woman and a man: {{ж|м}}")
        elif inner not in _NAMED:
            hint = did_you_mean(inner, _NAMED)
            problems.append(f"unknown placeholder '{match.group(0)}'" + (f"; {hint}" if hint else ""))
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        problems.append("a brace is not closed (or not opened): write placeholders as {name}")
    return problems


def _read_template(reader: Reader, node: Node, path: str, seen: set[str]) -> Template | None:
    fields = reader.mapping(node, path, MESSAGE_KEYS, required=MESSAGE_KEYS)
    if fields is None or any(k not in fields for k in MESSAGE_KEYS):
        return None
    values = {k: reader.text(fields[k], join(path, k)) for k in MESSAGE_KEYS}
    mid, lang, text = values["id"], values["lang"], values["text"]
    if mid is None or lang is None or text is None or values["en"] is None or values["occasion"] is None:
        return None
    where = f"message '{mid}'"
    if mid in seen:
        reader.error(fields["id"], join(path, "id"), f"{where}: id used twice", "make each id unique")
    seen.add(mid)
    if lang not in LANGUAGES:
        reader.error(fields["lang"], join(path, "lang"), f"{where}: unknown language '{lang}'",
                     f"use one of: {', '.join(LANGUAGES)}")
        return None
    text_problems = _template_problems(text)
    for problem in text_problems:
        reader.error(fields["text"], join(path, "text"), f"{where}: {problem}")
    for problem in _template_problems(values["en"]):
        reader.error(fields["en"], join(path, "en"), f"{where}: {problem}")
    foreign = foreign_letters(_PLACEHOLDER.sub("", text))
    if foreign and not text_problems:  # a broken placeholder is not Latin text
        reader.error(fields["text"], join(path, "text"), f"{where}: has a {foreign[0].describe()}",
                     CARD_LANGUAGES_ONLY)
    return Template(mid, lang, values["occasion"], text, values["en"], reader.where(node))


def load_library(path: Path) -> Library:
    """The templates in `path`; an authoring error names the file, line and message id."""
    reader = Reader(str(path))
    root = compose(read_text(path), reader.file)
    if root is None:
        raise PostcardsError("the template file is empty", where=SourceLocation(reader.file, 1, 1),
                             hint="start from the bundled templates/messages.yaml")
    fields = reader.mapping(root, "", ("version", "closings", "messages"), required=("closings", "messages"))
    templates: list[Template] = []
    closings: dict[str, str] = {}
    if fields and "closings" in fields:
        closing_fields = reader.mapping(fields["closings"], "closings", LANGUAGES, required=LANGUAGES) or {}
        for lang, node in closing_fields.items():
            value = reader.text(node, join("closings", lang))
            problem = foreign_letter_problem(value) if value is not None else None
            if problem:  # the closing is printed on every card, like the message
                reader.error(node, join("closings", lang), problem, CARD_LANGUAGES_ONLY)
            elif value is not None:
                closings[lang] = value
    if fields and "messages" in fields:
        seen: set[str] = set()
        items = reader.sequence(fields["messages"], "messages") or []
        for i, item in enumerate(items):
            template = _read_template(reader, item, f"messages[{i}]", seen)
            if template is not None:
                templates.append(template)
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return Library(tuple(templates), closings)


@lru_cache(maxsize=1)
def bundled_library() -> Library:
    return load_library(template_file("messages.yaml"))


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


def _fill(text: str, name: str, given: str, female: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner == "name":
            return name
        if inner == "given":
            return given
        forms = inner.split("|")
        return forms[0] if female else forms[1]

    return _PLACEHOLDER.sub(replace, text)


def render(template: Template, prisoner: Prisoner, closings: dict[str, str]) -> Message:
    """The card text in the person's own name forms, and its English for the writer (with the
    Latin name from the data when there is one)."""
    parts = name_forms(prisoner, template.lang)
    female = prisoner.gender == "female"
    card_text = _fill(template.text, parts.polite(), parts.given, female)
    latin = prisoner.name.latin or parts.polite()
    english = _fill(template.english, latin, latin.split()[0], female)
    return Message(
        id=template.id,
        paragraphs=tuple(line.strip() for line in card_text.splitlines() if line.strip()),
        closing=closings[template.lang],
        english=tuple(line.strip() for line in english.splitlines() if line.strip()),
    )


def choose(templates: tuple[Template, ...], count: int, seed: int) -> list[Template]:
    """One template per card, deterministic for `seed`; neighbouring cards differ when the
    library offers two or more."""
    start = seed % len(templates)
    return [templates[(start + i) % len(templates)] for i in range(count)]


