"""Where the files that travel with the tool are: templates and the bundled data file.

Installed, they are package data (`postcards.templates`, `postcards.bundled`, mapped from the
top-level `templates/` and `prisoners.yaml` in setup.cfg); in a checkout run without
installing, they are read from the top level, their single source.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def _packaged_file(package: str, name: str, checkout_dir: Path) -> Path:
    try:
        # Namespace packages answer with a MultiplexedPath: join first, then it is a Path.
        return Path(str(resources.files(package).joinpath(name)))
    except ModuleNotFoundError:
        return checkout_dir / name


def template_file(name: str) -> Path:
    return _packaged_file("postcards.templates", name, _CHECKOUT / "templates")


def bundled_data() -> Path:
    return _packaged_file("postcards.bundled", "prisoners.yaml", _CHECKOUT)


def default_data(cwd: Path) -> Path:
    """`./prisoners.yaml` when there is one, else the copy that ships with the tool."""
    local = cwd / "prisoners.yaml"
    return local if local.is_file() else bundled_data()
