"""The user's own settings file (never the shared data file): the sender lines, the writer's
gender and the country the cards are posted from, things about the person printing, not
about the prisoners."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from yaml.nodes import Node

from postcards.shared.errors import PostcardsError
from postcards.shared.files import read_text
from postcards.shared.names import GENDERS, Gender
from postcards.shared.script import foreign_letter_problem
from postcards.source.yamlsource import Reader, compose

CONFIG_KEYS = ("sender", "writer_gender", "post_from")
CONFIG_LIMIT_BYTES = 1_000_000
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
    """The settings of a user's config file; each is empty when the file does not set it."""

    sender: tuple[str, ...] = ()
    writer_gender: Gender | None = None
    post_from: str | None = None  # a country code of data/routes.yaml, e.g. DE


def load_config(path: Path, required: bool = False) -> UserConfig:
    """Settings from `path`; a missing file means no settings, unless it is `required` (given
    by name: a typo must not silently drop the sender lines)."""
    if not path.is_file() and not required:
        return UserConfig()
    reader = Reader(str(path))
    text = read_text(path, "a settings file (sender:, writer_gender:, post_from:)", limit=CONFIG_LIMIT_BYTES)
    root = compose(text, reader.file)
    if root is None:
        return UserConfig()
    fields = reader.mapping(root, "", CONFIG_KEYS) or {}
    sender: tuple[str, ...] = ()
    if "sender" in fields:
        sender = tuple(reader.each(fields["sender"], "sender", partial(_sender_line, reader)))
    writer = reader.choice(fields["writer_gender"], "writer_gender", GENDERS, "gender") \
        if "writer_gender" in fields else None
    post_from = _post_from(reader, fields["post_from"]) if "post_from" in fields else None
    if reader.errors:
        raise PostcardsError.of(reader.errors)
    return UserConfig(sender=sender, writer_gender=writer, post_from=post_from)  # type: ignore[arg-type]


def _post_from(reader: Reader, node: Node) -> str | None:
    """A country the routes file knows; its code."""
    value = reader.text(node, "post_from")
    if value is None:
        return None
    from postcards.source.routes import routes  # read only when a config names a country

    try:
        return routes().named(value, field="post_from").code
    except PostcardsError as err:
        problem = err.problems[0]
        reader.error(node, "post_from", problem.message, problem.hint)
        return None


def _sender_line(reader: Reader, node: Node, path: str) -> str | None:
    """A return-address line: Cyrillic only, as on the card (the censor discards Latin text)."""
    line = reader.text(node, path)
    problem = foreign_letter_problem(line) if line is not None else None
    if problem:
        reader.error(node, path, f"sender line {problem}", "the censor discards cards with Latin text: "
                     "write it in Russian (e.g. 'Германия, Берлин')")
        return None
    return line
