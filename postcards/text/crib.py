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
from postcards.shared.options import CribLanguage
from postcards.source.resources import data_file, read_table
from postcards.source.yamlsource import Reader
from postcards.text.i18n import N_, translator
from postcards.text.messages import Message, name_forms
from postcards.text.occasions import next_birthday
from postcards.text.topics import topics_line
from postcards.text.translit import known_as, said

TITLE = N_("WRITER'S CRIB: for you, not for the envelope. Never post this sheet.")
RULES = (
    N_("1. Only Russian or Belarusian on the card: a word in any other language gets it thrown away. "
       "Check words you add with `postcards lint`."),
    N_("2. No politics, war or news, nothing about the person's case or sentence, "
       "not the words \"freedom\" or \"fight\"."),
    N_("3. Write about everyday life: seasons, nature, books, pets; wish health and strength."),
    N_("4. Sign with your first name in Cyrillic; a return address is optional; drawings are welcome."),
    N_("5. Check the address at prisoners.spring96.org before posting; mail takes about three weeks."),
)
ARTICLES_FILE = "articles.yaml"
_ARTICLE = re.compile(r"^\d+(?:[.-]\d+)*$")
_DATES = (N_("{day} January"), N_("{day} February"), N_("{day} March"), N_("{day} April"),
          N_("{day} May"), N_("{day} June"), N_("{day} July"), N_("{day} August"),
          N_("{day} September"), N_("{day} October"), N_("{day} November"), N_("{day} December"))


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


def sentence_words(sentence: Sentence, lang: CribLanguage = "en") -> str:
    """"12 years, general regime; Criminal Code art. 361 (calls for ...), 130 (...)"."""
    _ = translator(lang)
    parts = []
    if sentence.years is not None:
        years = _(N_("{years} year") if sentence.years == 1 else N_("{years} years"))
        parts.append(years.format(years=f"{sentence.years:g}"))
    if sentence.regime:
        parts.append(_("{regime} regime").format(regime=sentence.regime))
    composed = ", ".join(parts)
    if sentence.articles:
        meanings = article_meanings()
        articles = ", ".join(f"{a} ({_(meanings[a])})" if a in meanings else a for a in sentence.articles)
        label = (N_("Criminal Code art. {articles}") if len(sentence.articles) == 1
                 else N_("Criminal Code arts. {articles}"))
        code = _(label).format(articles=articles)
        composed = f"{composed}; {code}" if composed else code
    return composed or sentence.text or ""


def birthday_words(born: Birthday, today: date, lang: CribLanguage = "en") -> str:
    """"21 May (turns 49 in 2027)", or "21 May" when the year is unknown."""
    _ = translator(lang)
    words = _(_DATES[born.month - 1]).format(day=born.day)
    if born.year is None:
        return words
    coming = next_birthday(born, today)
    return words + " " + _("(turns {age} in {year})").format(age=coming.year - born.year, year=coming.year)


def crib_entry(prisoner: Prisoner, message: Message, blank: bool, today: date,
               lang: CribLanguage = "en") -> CribEntry:
    """The crib's text for one card: `message` as rendered for `prisoner`, printed or (with
    `blank`) to be copied by hand; in `lang`, the writer's language."""
    _ = translator(lang)
    parts = name_forms(prisoner, message.lang)
    full = " ".join(p for p in (parts.given, parts.patronymic, parts.surname) if p)
    say = (N_("Say: \"{said}\" ({full}). The card calls her \"{name}\".") if prisoner.gender == "female"
           else N_("Say: \"{said}\" ({full}). The card calls him \"{name}\"."))
    about = [_(say).format(said=said(full, message.lang), full=full, name=message.name_said)]
    fields = ["name"]
    if prisoner.about:
        stop = "" if prisoner.about.endswith((".", "!", "?")) else "."
        about.append(_("Who: {about}").format(about=prisoner.about) + stop)
        fields.append("about")
    if prisoner.sentence is not None:
        about.append(_("Sentence (never mention it on the card): {sentence}.").format(
            sentence=sentence_words(prisoner.sentence, lang)))
        fields.append("sentence")
    if prisoner.born is not None:
        about.append(_("Birthday: {birthday}.").format(birthday=birthday_words(prisoner.born, today, lang)))
        fields.append("born")
    topics = topics_line(prisoner.interests)
    if topics is not None:
        about.append(topics)
        fields.append("interests")
    label = _(N_("Copy this onto the card by hand:") if blank else N_("On the card:"))
    english = _english(message, lang) if message.english is not None else (_("(your own text)"),)
    return CribEntry(
        person=prisoner.id,
        heading=known_as(prisoner.name),
        about=tuple(about),
        card_label=label,
        card_text=(*message.paragraphs, message.closing),
        english=(_("What it says:"), *english),
        where=prisoner.where,
        fields=tuple(f"{prisoner.field}.{f}" for f in fields),
    )


def _english(message: Message, lang: CribLanguage) -> tuple[str, ...]:
    """What the card says, in `lang`: each line of the message's English translated before the
    name is put in; a line the catalogue lacks stays as the English says it."""
    filled = message.english or ()
    if lang == "en" or message.english_source is None:
        return filled
    _ = translator(lang)
    return tuple(line if _(source) == source else _(source).replace("{name}", message.name_said)
                 for source, line in zip(message.english_source, filled, strict=True))
