"""What `pip install .` ships: every module of the package, its data, and the bundled list and
templates from their single top-level copies; nothing else from the top of the checkout."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What the build reads; the rest of the checkout (tests, docs, venvs, stale build/) stays out.
BUILD_INPUTS = ("setup.py", "setup.cfg", "pyproject.toml", "README.md", "LICENSE", "prisoners.yaml", "cli.py")
BUILD = "import sys, setuptools.build_meta as backend; print(backend.build_wheel(sys.argv[1]))"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The names in a wheel built from a copy of the checkout, as pip builds it, offline."""
    missing = [m for m in ("setuptools", "wheel") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"building the wheel offline needs {' and '.join(missing)} in this environment "
                    "(pyproject.toml's [build-system]; the test extra installs them)")
    source = tmp_path_factory.mktemp("checkout")
    for name in BUILD_INPUTS:
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "templates", source / "templates")
    shutil.copytree(ROOT / "postcards", source / "postcards",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=source, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(out / done.stdout.split()[-1]) as built:
        return set(built.namelist())


def test_the_launcher_for_a_checkout_is_not_in_the_wheel(wheel: set[str]) -> None:
    assert "postcards/bundled/cli.py" not in wheel
    assert [n for n in wheel if n.startswith("postcards/bundled/") and n.endswith(".py")] == []


def test_the_bundled_list_templates_and_data_are_in_the_wheel(wheel: set[str]) -> None:
    data = {f"postcards/data/{p.name}" for p in (ROOT / "postcards" / "data").glob("*.yaml")}
    assert data
    expected = {"postcards/bundled/prisoners.yaml", "postcards/templates/messages.yaml", "postcards/py.typed"}
    assert expected | data <= wheel


def test_every_module_of_the_package_is_in_the_wheel(wheel: set[str]) -> None:
    """setup.cfg lists the subpackages by hand: one left out would be missing after install."""
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "postcards").rglob("*.py")}
    assert modules - wheel == set()


def test_the_licence_travels_with_the_wheel(wheel: set[str]) -> None:
    assert any(n.split("/")[0].endswith(".dist-info") and n.endswith("LICENSE") for n in wheel)


def test_the_catalogues_are_in_the_wheel(wheel: set[str]) -> None:
    catalogues = {p.relative_to(ROOT).as_posix() for p in (ROOT / "postcards" / "locale").rglob("*.po")}
    assert len(catalogues) == 3 and catalogues <= wheel
