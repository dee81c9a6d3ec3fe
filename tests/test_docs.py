"""The docs that are generated must match what they are generated from."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.skipif(not (DOCS / "cli_reference.py").is_file(), reason="needs the repository's docs/")
def test_cli_reference_is_current() -> None:
    reference = runpy.run_path(str(DOCS / "cli_reference.py"))["reference"]
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run python docs/cli_reference.py > docs/cli.md")
