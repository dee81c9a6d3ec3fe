"""The user's own settings file (never the shared data file): the sender lines and the
writer's gender, things about the person printing, not about the prisoners."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from postcards.shared.errors import PostcardsError
from postcards.shared.files import read_text
from postcards.shared.names import GENDERS, Gender
from postcards.source.yamlsource import Reader, compose

CONFIG_KEYS = ("sender", "writer_gender")
APP = "postcards"


def default_config_path() -> Path:
    r"""`postcards/config.yaml` in the user's config directory, where platformdirs' (4.6 and
    later) `user_config_path("postcards")` puts it, without importing platformdirs on every
    start; see https://platformdirs.readthedocs.io/en/latest/platforms.html#user-config-dir.
    For the command line's --config default.
      Linux, other Unix  $XDG_CONFIG_HOME/postcards, else ~/.config/postcards
      macOS              $XDG_CONFIG_HOME/postcards, else ~/Library/Application Support/postcards
      Windows            %LOCALAPPDATA%\postcards\postcards (local, not roaming; the publisher
                         directory is named after the app when none is given)
    An XDG_CONFIG_HOME that is not an absolute path is ignored, as the XDG spec says."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base, APP, APP, "config.yaml")
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    if xdg.startswith("/"):
        return Path(xdg, APP, "config.yaml")
    native = "Library/Application Support" if sys.platform == "darwin" else ".config"
    return Path(os.path.expanduser(f"~/{native}"), APP, "config.yaml")


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
