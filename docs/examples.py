"""Render the example cards in the README: one at the top, then a woman and a man, in
Russian and in Belarusian.

Run from the repository root: python docs/examples.py (needs pdftoppm, from poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from postcards.cli import main

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
CARDS = [  # (picture, data file, person, message)
    ("card", ROOT / "prisoners.yaml", "chekina", "ru-remembered"),
    ("card-ru-woman", ROOT / "prisoners.yaml", "chekina", "ru-linden"),
    ("card-ru-man", DOCS / "example-man.yaml", "example-man", "ru-remembered"),
    ("card-be-woman", ROOT / "prisoners.yaml", "loika", "be-remembered"),
    ("card-be-man", DOCS / "example-man.yaml", "example-man", "be-tea"),
]


def main_() -> int:
    if shutil.which("pdftoppm") is None:
        print("needs pdftoppm (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        no_settings = Path(tmp) / "config.yaml"  # empty: no sender lines from the user's own config
        no_settings.write_text("", encoding="utf-8")
        for picture, data, person, message in CARDS:
            pdf = Path(tmp) / f"{picture}.pdf"
            args = ["make", str(data), "--only", person, "--message", message, "--paper", "a6",
                    "-o", str(pdf), "--config", str(no_settings)]
            result = CliRunner().invoke(main, args)
            if result.exit_code != 0:
                print(result.output, file=sys.stderr)
                return 1
            subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf), str(DOCS / picture)],
                           check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main_())
