"""The user's own settings file (never the shared data file): for now, the sender lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import PostcardsError
from .yamlsource import Reader, compose, read_text

CONFIG_KEYS = ("sender",)


@dataclass(frozen=True)
class UserConfig:
    sender: tuple[str, ...] = ()


def load_config(path: Path) -> UserConfig:
    """Settings from `path`; a missing file means no settings."""
    if not path.is_file():
        return UserConfig()
    reader = Reader(str(path))
    root = compose(read_text(path), reader.file)
    if root is None:
        return UserConfig()
    fields = reader.mapping(root, "", CONFIG_KEYS) or {}
    sender: tuple[str, ...] = ()
    if "sender" in fields:
        sender = tuple(reader.each(fields["sender"], "sender", reader.text))
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return UserConfig(sender=sender)
