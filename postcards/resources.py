"""Where the files that travel with the tool are: templates and the bundled data file.

Installed, they are package data (`postcards.templates`, `postcards.bundled`, mapped from the
top-level `templates/` and `prisoners.yaml` in setup.cfg); in a checkout run without
installing, they are read from the top level, their single source.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, checkout_dir: Path) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return checkout_dir


def templates_dir() -> Path:
    return _package_dir("postcards.templates", _CHECKOUT / "templates")


def bundled_data() -> Path:
    return _package_dir("postcards.bundled", _CHECKOUT) / "prisoners.yaml"


def default_data(cwd: Path) -> Path:
    """`./prisoners.yaml` when there is one, else the copy that ships with the tool."""
    local = cwd / "prisoners.yaml"
    return local if local.is_file() else bundled_data()
