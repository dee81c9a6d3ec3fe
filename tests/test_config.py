"""The user's settings file: where it is looked for by default, on every platform."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from postcards.source.config import default_config_path

HOME = "/home/anna"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A user with a home directory and no XDG or Windows folder settings."""
    monkeypatch.setenv("HOME", HOME)
    for name in ("XDG_CONFIG_HOME", "LOCALAPPDATA", "APPDATA", "USERPROFILE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(("platform", "xdg", "expected"), [
    ("linux", None, f"{HOME}/.config/postcards/config.yaml"),
    ("linux", "/srv/conf", "/srv/conf/postcards/config.yaml"),
    ("linux", "relative/conf", f"{HOME}/.config/postcards/config.yaml"),  # not absolute: ignored
    ("linux", "", f"{HOME}/.config/postcards/config.yaml"),
    ("freebsd14", None, f"{HOME}/.config/postcards/config.yaml"),
    ("darwin", None, f"{HOME}/Library/Application Support/postcards/config.yaml"),
    ("darwin", "/Users/anna/.config", "/Users/anna/.config/postcards/config.yaml"),
])
def test_default_config_path_on_unix_and_macos(env: pytest.MonkeyPatch, platform: str, xdg: str | None,
                                               expected: str) -> None:
    env.setattr(sys, "platform", platform)
    if xdg is not None:
        env.setenv("XDG_CONFIG_HOME", xdg)
    assert default_config_path() == Path(expected)


def test_default_config_path_on_windows_is_local_app_data(env: pytest.MonkeyPatch) -> None:
    env.setattr(sys, "platform", "win32")
    env.setenv("LOCALAPPDATA", r"C:\Users\anna\AppData\Local")
    env.setenv("APPDATA", r"C:\Users\anna\AppData\Roaming")
    env.setenv("XDG_CONFIG_HOME", "/srv/conf")  # not read on Windows
    assert default_config_path() == Path(r"C:\Users\anna\AppData\Local", "postcards", "postcards", "config.yaml")


def test_default_config_path_on_windows_without_local_app_data(env: pytest.MonkeyPatch) -> None:
    env.setattr(sys, "platform", "win32")
    assert default_config_path() == Path.home() / "AppData" / "Local" / "postcards" / "postcards" / "config.yaml"


@pytest.mark.parametrize("xdg", [None, "/srv/conf"])
@pytest.mark.parametrize(("platform", "module", "name"), [
    ("linux", "platformdirs.unix", "Unix"),
    ("darwin", "platformdirs.macos", "MacOS"),
    ("win32", "platformdirs.windows", "Windows"),
])
def test_default_config_path_is_where_platformdirs_puts_it(env: pytest.MonkeyPatch, platform: str, module: str,
                                                           name: str, xdg: str | None) -> None:
    """platformdirs computes each platform's path on any platform; for Windows' folder it asks
    the Windows shell, which is not here: it reads LOCALAPPDATA instead, as it does without one."""
    dirs_module = pytest.importorskip(module)
    if name == "Windows":
        env.setattr(dirs_module, "get_win_folder", dirs_module.get_win_folder_from_env_vars)
    env.setenv("LOCALAPPDATA", r"C:\Users\anna\AppData\Local")
    if xdg is not None:
        env.setenv("XDG_CONFIG_HOME", xdg)
    expected = Path(getattr(dirs_module, name)("postcards").user_config_dir) / "config.yaml"
    env.setattr(sys, "platform", platform)
    assert default_config_path() == expected
