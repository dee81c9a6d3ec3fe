from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regenerate-golden", action="store_true",
                     help="write the golden PNGs of tests/test_drawing.py anew (tests/golden/README)")


@pytest.fixture(autouse=True)
def own_config_directory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default settings file is looked for in an empty directory, never the real user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory for a command."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
