"""What the writer's crib says, in English: the rules of writing, and for each card who the
person is, how their name is said, what the card says and what that means. Pure text; laid
out on a page by layout/crib.py. The crib never goes into the envelope."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from yaml.nodes import Node

from postcards.shared.errors import SourceLocation
from postcards.shared.model import Birthday, Prisoner, Sentence
from postcards.source.resources import data_file, read_table
from postcards.source.yamlsource import Reader
from postcards.text.messages import Message, name_forms
from postcards.text.occasions import next_birthday
from postcards.text.topics import topics_line
from postcards.text.translit import known_as, said

TITLE = "WRITER'S CRIB: for you, not for the envelope. Never post this sheet."
RULES = (
    "1. Only Russian or Belarusian on the card: a word in any other language gets it thrown away. "
    "Check words you add with `postcards lint`.",
    "2. No politics, war or news, nothing about the person's case or sentence, "
    "not the words \"freedom\" or \"fight\".",
    "3. Write about everyday life: seasons, nature, books, pets; wish health and strength.",
    "4. Sign with your first name in Cyrillic; a return address is optional; drawings are welcome.",
    "5. Check the address at prisoners.spring96.org before posting; mail takes about three weeks.",
)
ARTICLES_FILE = "articles.yaml"
_ARTICLE = re.compile(r"^\d+(?:[.-]\d+)*$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class CribEntry:
    """What the crib says about one card, as plain text; laid out by layout/crib.py."""

    person: str  # the record's id, for errors
    heading: str  # the name the writer knows the person by
    about: tuple[str, ...]
    card_label: str
    card_text: tuple[str, ...]
    english: tuple[str, ...]
    where: SourceLocation | None = field(default=None, compare=False)  # the record, for errors
    fields: tuple[str, ...] = ()  # the record field each line of `about` comes from, for errors


def load_articles(path: Path) -> Mapping[str, str]:
    """Articles of the Criminal Code in plain words, by number; every problem is raised,
    located in the file."""
    return read_table(path, "articles", "article numbers to their meaning", _read_article,
                      "articles in plain words, like the package's data/articles.yaml")


@lru_cache(maxsize=1)
def article_meanings() -> Mapping[str, str]:
    """The package's articles.yaml (read-only)."""
    return load_articles(data_file(ARTICLES_FILE))


def _read_article(reader: Reader, number: str, key: Node, node: Node, path: str) -> str | None:
    if not _ARTICLE.match(number):
        reader.error(key, path, f"'{number}' is not an article number",
                     'write it as the code does, e.g. "361" or "361-1"')
        return None
    return reader.text(node, path)


def sentence_words(sentence: Sentence) -> str:
    """"12 years, general regime; Criminal Code art. 361 (calls for ...), 130 (...)"."""
    parts = []
    if sentence.years is not None:
        parts.append(f"{sentence.years:g} year{'' if sentence.years == 1 else 's'}")
    if sentence.regime:
        parts.append(f"{sentence.regime} regime")
    composed = ", ".join(parts)
    if sentence.articles:
        meanings = article_meanings()
        articles = ", ".join(f"{a} ({meanings[a]})" if a in meanings else a for a in sentence.articles)
        label = "art." if len(sentence.articles) == 1 else "arts."
        code = f"Criminal Code {label} {articles}"
        composed = f"{composed}; {code}" if composed else code
    return composed or sentence.text or ""


def birthday_words(born: Birthday, today: date) -> str:
    """"21 May (turns 49 in 2027)", or "21 May" when the year is unknown."""
    words = f"{born.day} {_MONTHS[born.month - 1]}"
    if born.year is None:
        return words
    coming = next_birthday(born, today)
    return f"{words} (turns {coming.year - born.year} in {coming.year})"


def crib_entry(prisoner: Prisoner, message: Message, blank: bool, today: date) -> CribEntry:
    """The crib's text for one card: `message` as rendered for `prisoner`, printed or (with
    `blank`) to be copied by hand."""
    parts = name_forms(prisoner, message.lang)
    full = " ".join(p for p in (parts.given, parts.patronymic, parts.surname) if p)
    pronoun = "her" if prisoner.gender == "female" else "him"
    about = [f"Say: \"{said(full, message.lang)}\" ({full}). The card calls {pronoun} "
             f"\"{message.name_said}\"."]
    fields = ["name"]
    if prisoner.about:
        about.append(f"Who: {prisoner.about}" + ("" if prisoner.about.endswith((".", "!", "?")) else "."))
        fields.append("about")
    if prisoner.sentence is not None:
        about.append(f"Sentence (never mention it on the card): {sentence_words(prisoner.sentence)}.")
        fields.append("sentence")
    if prisoner.born is not None:
        about.append(f"Birthday: {birthday_words(prisoner.born, today)}.")
        fields.append("born")
    topics = topics_line(prisoner.interests)
    if topics is not None:
        about.append(topics)
        fields.append("interests")
    label = "Copy this onto the card by hand:" if blank else "On the card:"
    english = message.english if message.english is not None else ("(your own text)",)
    return CribEntry(
        person=prisoner.id,
        heading=known_as(prisoner.name),
        about=tuple(about),
        card_label=label,
        card_text=(*message.paragraphs, message.closing),
        english=("What it says:", *english),
        where=prisoner.where,
        fields=tuple(f"{prisoner.field}.{f}" for f in fields),
    )
