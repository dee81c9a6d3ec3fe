"""The user's own settings file (never the shared data file): the sender lines and the
writer's gender, things about the person printing, not about the prisoners."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postcards.shared.errors import PostcardsError
from postcards.shared.names import GENDERS, Gender
from postcards.source.yamlsource import Reader, compose, read_text

CONFIG_KEYS = ("sender", "writer_gender")


@dataclass(frozen=True)
class UserConfig:
    sender: tuple[str, ...] = ()
    writer_gender: Gender | None = None


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
    writer = reader.choice(fields["writer_gender"], "writer_gender", GENDERS, "gender") \
        if "writer_gender" in fields else None
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return UserConfig(sender=sender, writer_gender=writer)  # type: ignore[arg-type]
