"""The one build setting setup.cfg cannot say; everything else about the package is there."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):
    """Builds `postcards.bundled` from its data alone. setup.cfg maps that package to the top
    of the checkout, so the bundled prisoners.yaml has a single copy; the Python files there
    (the cli.py launcher, this file) belong to the checkout, not to the package."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        if package == "postcards.bundled":
            return []
        return super().find_package_modules(package, package_dir)

    def run(self) -> None:
        # A build/ left by an older version holds the launcher, and a wheel packs all of build/lib.
        for leftover in Path(self.build_lib, "postcards", "bundled").glob("*.py"):
            leftover.unlink()
        super().run()


setup(cmdclass={"build_py": BuildPy})
