"""Topics of messages: the vocabulary in data/topics.yaml, what interests point to, the
library's `topics:` checked when read, the choice that prefers them and the crib's line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import LIBRARY_HEAD, TODAY, data_file, prisoner_yaml

from postcards import plan_messages
from postcards.shared.errors import PostcardsError
from postcards.shared.options import CardOptions
from postcards.source.records import load_dataset
from postcards.source.resources import template_file
from postcards.text.messages import bundled_library, choose, load_library
from postcards.text.topics import liked_topics, load_topics, topics, topics_line

NAMES = ("Чекина Людмила Юрьевна", "Бяляцкий Алесь Викторович", "Лойко Анастасия Юрьевна",
         "Колесникова Мария Александровна", "Бабарико Виктор Дмитриевич", "Лосик Игорь Юрьевич")
# Recorded from the code before topics existed: six people without interests, two copies each.
BEFORE_TOPICS = {
    0: "walk sky cat pie remembered linden books waltz tea walk sky cat",
    1: "sky tea walk remembered pie books waltz cat linden sky tea walk",
    2: "pie tea remembered sky walk linden waltz cat books pie tea remembered",
    3: "cat sky tea books waltz remembered walk linden pie cat sky tea",
}


def test_interests_point_to_topics_by_their_words() -> None:
    assert liked_topics(("cats", "gardening", "origami")) == {"pets", "garden"}
    assert liked_topics(("books",)) == {"books"} and liked_topics(()) == frozenset()


def test_every_bundled_message_topic_is_in_the_vocabulary() -> None:
    library = load_library(template_file("messages.yaml"))
    used = {topic for t in library.templates for topic in t.topics}
    assert used <= set(topics()) and {"books", "nature", "pets", "music"} <= used


def test_an_unknown_topic_is_located_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "messages.yaml"
    path.write_text(LIBRARY_HEAD + "messages:\n  - id: mine\n    lang: ru\n    occasion: general\n"
                    "    topics: [books, pest]\n    text: Добрый день.\n    en: Hello\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [
        f"{path}:9:21: messages[0].topics[1]: unknown topic 'pest'; did you mean 'pets'?"]


def test_a_word_under_two_topics_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  pets: {words: [cats], suggest: a}\n  home: {words: [cats], suggest: b}\n",
                    encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_topics(path)
    assert caught.value.lines() == [f"{path}:3:18: topics.home.words[0]: word 'cats' is already under "
                                    "topic 'pets'; keep each word under one topic"]


@pytest.mark.parametrize("seed", range(6))
def test_a_person_who_likes_cats_gets_the_cat_message_first(seed: int) -> None:
    pool = bundled_library().pool("ru", "general", "female")
    requests = [("a", pool, ()), ("b", pool, ()), ("b", pool, ())]
    picks = choose(requests, seed, liked={"b": liked_topics(("cats",))})
    assert picks[1].id == "ru-cat"
    assert picks[2].id != "ru-cat"  # the one cat message used, the whole pool serves again


@pytest.mark.parametrize("seed", range(4))
def test_interests_prefer_tagged_messages_in_a_run(tmp_path: Path, seed: int) -> None:
    people = [prisoner_yaml(f"p{i}", name) for i, name in enumerate(NAMES[:3])]
    people.append(prisoner_yaml("reader", NAMES[3], "institution: IK-4\ninterests: [reading, origami]"))
    options = CardOptions(today=TODAY, copies=2, seed=seed, writer="male")
    cards = plan_messages(load_dataset(data_file(tmp_path, *people)), options, ledger=None)
    liked = [m for p, m in cards if p.id == "reader"]
    library = bundled_library()
    assert all("books" in library.by_id(m.id).topics for m in liked) and liked[0].id != liked[1].id


@pytest.mark.parametrize("seed", sorted(BEFORE_TOPICS))
def test_people_without_interests_get_what_they_got_before(tmp_path: Path, seed: int) -> None:
    people = [prisoner_yaml(f"p{i}", name) for i, name in enumerate(NAMES)]
    options = CardOptions(today=TODAY, copies=2, seed=seed, writer="male")
    cards = plan_messages(load_dataset(data_file(tmp_path, *people)), options, ledger=None)
    assert " ".join(m.id.removeprefix("ru-") for _, m in cards) == BEFORE_TOPICS[seed]


@pytest.mark.parametrize(("interests", "line"), [
    ((), None),
    (("books", "cats", "music"), "Topics they care about: books, cats — e.g. write about a book you read; "
                                 "tell about an animal you know."),
    (("origami", "cats"), "Topics they care about: cats, origami — e.g. tell about an animal you know."),
    (("cats", "dogs"), "Topics they care about: cats, dogs — e.g. tell about an animal you know."),
    (("origami",), "Topics they care about: origami."),
])
def test_the_crib_line_names_one_or_two_interests_with_suggestions(
        interests: tuple[str, ...], line: str | None) -> None:
    assert topics_line(interests) == line
