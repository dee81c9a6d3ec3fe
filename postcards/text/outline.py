"""Plain text for people to read on a page (a writer's cover sheet, the organiser's summary):
paragraphs with a kind, and nothing about how they look; `layout.pages` sets them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParaKind = Literal["title", "heading", "body", "item"]


@dataclass(frozen=True)
class Para:
    text: str
    kind: ParaKind = "body"


def title(text: str) -> Para:
    return Para(text, "title")


def heading(text: str) -> Para:
    return Para(text, "heading")


def item(text: str) -> Para:
    """One entry of a list, indented."""
    return Para(text, "item")
