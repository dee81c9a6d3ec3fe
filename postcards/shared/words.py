"""Counted words for people to read: "1 card", "1,500 cards", "2 people"."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count:,} {word}es" if word.endswith(("s", "sh", "ch", "x")) else f"{count:,} {word}s"


def people(count: int) -> str:
    return "1 person" if count == 1 else f"{count:,} people"
