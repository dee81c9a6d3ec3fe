"""What messages talk about: the topics of data/topics.yaml, the interests that point to each,
and what the crib suggests a writer write about for them."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yaml.nodes import Node

from postcards.source.resources import data_file, read_table
from postcards.source.yamlsource import Reader

TOPICS_FILE = "topics.yaml"
MAX_CRIB_TOPICS = 2  # more is a list, not a suggestion
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@dataclass(frozen=True)
class Topic:
    """A topic messages are tagged with: the interests that name it, and a suggestion."""

    name: str
    words: frozenset[str]  # the name itself among them
    suggest: str  # English, for the writer: "write about a book you read"


def load_topics(path: Path) -> Mapping[str, Topic]:
    """The topics in `path` by name; every problem is raised, located in the file."""
    owner: dict[str, str] = {}  # word -> the topic that has it, across entries

    def read(reader: Reader, name: str, key: Node, node: Node, path: str) -> Topic | None:
        return _read_topic(reader, name, key, node, path, owner)

    return read_table(path, "topics", "topics to their words and suggestion", read,
                      "topics of messages, like the package's data/topics.yaml")


def _read_topic(reader: Reader, name: str, key: Node, node: Node, path: str,
                owner: dict[str, str]) -> Topic | None:
    fields = reader.mapping(node, path, ("words", "suggest"), required=("words", "suggest")) or {}
    words = {name}
    for index, item in enumerate(reader.sequence(fields["words"], f"{path}.words") or []
                                 if "words" in fields else []):
        word = reader.text(item, f"{path}.words[{index}]")
        if word is not None:
            words.add(word)
            _claim(reader, item, f"{path}.words[{index}]", word, name, owner)
    if not _WORD.match(name):
        reader.error(key, path, f"topic '{name}' may hold only a-z and single hyphens")
    else:
        _claim(reader, key, path, name, name, owner)
    suggest = reader.text(fields["suggest"], f"{path}.suggest") if "suggest" in fields else None
    return Topic(name, frozenset(words), suggest) if suggest is not None else None


def _claim(reader: Reader, node: Node, path: str, word: str, topic: str, owner: dict[str, str]) -> None:
    """`word` points to `topic`: reported when it is not a word, or points to another already."""
    if not _WORD.match(word):
        reader.error(node, path, f"word '{word}' may hold only a-z and single hyphens",
                     "write it as interests are written, e.g. gardening or cross-stitch")
    elif owner.setdefault(word, topic) != topic:
        reader.error(node, path, f"word '{word}' is already under topic '{owner[word]}'",
                     "keep each word under one topic")


@lru_cache(maxsize=1)
def topics() -> Mapping[str, Topic]:
    """The package's topics.yaml (read-only)."""
    return load_topics(data_file(TOPICS_FILE))


def topic_of(interest: str) -> Topic | None:
    """The topic an interest names ("cats" -> pets), or None for one no topic knows."""
    return next((t for t in topics().values() if interest in t.words), None)


def liked_topics(interests: Collection[str]) -> frozenset[str]:
    """The names of the topics a person's interests point to."""
    found = (topic_of(interest) for interest in interests)
    return frozenset(t.name for t in found if t is not None)


def topics_line(interests: Collection[str]) -> str | None:
    """The crib's line on what the person cares about: one or two of their interests, those
    a topic knows first, with what to write about them; None without interests.
    "Topics they care about: books, cats — e.g. write about a book you read; tell about an
    animal you know." """
    named: list[tuple[str, Topic | None]] = [(i, topic_of(i)) for i in interests]
    picked = sorted(named, key=lambda pair: pair[1] is None)[:MAX_CRIB_TOPICS]  # stable
    if not picked:
        return None
    suggestions = list(dict.fromkeys(t.suggest for _, t in picked if t is not None))
    line = "Topics they care about: " + ", ".join(i for i, _ in picked)
    return f"{line} — e.g. {'; '.join(suggestions)}." if suggestions else f"{line}."
