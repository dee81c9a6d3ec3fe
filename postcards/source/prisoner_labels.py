"""The word lists of a data file's entry: `tags` (an organiser's labels to select by) and
`interests` (English words for a writer: books, cats, gardening), each checked as written."""

from __future__ import annotations

import re

from yaml.nodes import Node

from postcards.source.yamlsource import Reader

MAX_INTERESTS = 10  # more is no longer a hint a writer can use on a small card
_TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INTEREST = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def read_tags(reader: Reader, node: Node, path: str) -> tuple[str, ...]:
    """Labels an organiser selects by (`--tag women`): like ids, a-z, 0-9 and hyphens."""
    tags: list[str] = []
    for index, item in enumerate(reader.sequence(node, path) or []):
        tag = reader.text(item, f"{path}[{index}]", numbers_too=True)
        if tag is not None and not _TAG.match(tag):
            slug = _slug(tag, "a-z0-9")
            hint = f"write '{slug}'" if slug else "use Latin letters, e.g. women or journalists"
            reader.error(item, f"{path}[{index}]",
                         f"tag '{tag}' may hold only a-z, 0-9 and single hyphens", hint)
        elif tag is not None and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def read_interests(reader: Reader, node: Node, path: str) -> tuple[str, ...]:
    """What the person cares about, as lower-case English words with single hyphens
    (books, cats, cross-stitch), at most MAX_INTERESTS; a repeated word counts once."""
    interests: list[str] = []
    for index, item in enumerate(reader.sequence(node, path) or []):
        where = f"{path}[{index}]"
        word = reader.text(item, where)
        if word is None:
            continue
        if not _INTEREST.match(word):
            slug = _slug(word, "a-z")
            hint = f"write '{slug}'" if slug else "write it in English, e.g. books, cats or gardening"
            reader.error(item, where, f"interest '{word}' may hold only a-z and single hyphens", hint)
        elif word not in interests:
            if len(interests) == MAX_INTERESTS:
                reader.error(item, where, f"more than {MAX_INTERESTS} interests",
                             "keep the few a writer can use on a card")
                break
            interests.append(word)
    return tuple(interests)


def _slug(text: str, letters: str) -> str:
    """The label `text` was meant to be, or '' when it holds none of `letters`."""
    return "-".join(re.findall(f"[{letters}]+", text.lower()))
