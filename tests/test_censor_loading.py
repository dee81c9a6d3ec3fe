"""The morphological analyser the censor check uses is loaded only when a text is checked:
`lint`, and a writer's own text on a run. A plain `make` never loads it, nor the check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcards.shared.errors import PostcardsError
from postcards.text.censor import load_rules

# A fresh interpreter runs the command in `workdir` and prints the modules loaded by then.
RUN = """
import os, sys
os.chdir(sys.argv[1])
from postcards.cli.main import main
try:
    main(sys.argv[2:], prog_name="postcards", standalone_mode=False)
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)))
"""
CHECK = ["pymorphy3", "postcards.text.censor", "postcards.text.censor_match", "postcards.text.censor_rules",
         "postcards.text.censor_words"]


def loaded_after(args: list[str], workdir: Path) -> set[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(workdir)}
    done = subprocess.run([sys.executable, "-c", RUN, str(workdir), *args], cwd=workdir, env=env,
                          capture_output=True, text=True, check=True)
    return {m for m in done.stdout.split() if m in CHECK}


def test_a_plain_make_loads_neither_the_check_nor_the_analyser(tmp_path: Path) -> None:
    assert loaded_after(["make", "--today", "2026-06-01", "--no-ledger", "-o", "out.pdf"], tmp_path) == set()


def test_lint_and_a_writers_own_text_load_them(tmp_path: Path) -> None:
    assert loaded_after(["lint", "Желаю Вам здоровья."], tmp_path) == set(CHECK)
    (tmp_path / "mine.txt").write_text("Здравствуйте, {name}! Желаю Вам здоровья.\n", encoding="utf-8")
    assert loaded_after(["make", "--today", "2026-06-01", "--no-ledger", "--message-file", "mine.txt",
                         "-o", "out.pdf"], tmp_path) == set(CHECK)


def test_listing_the_rules_needs_no_analyser(tmp_path: Path) -> None:
    assert "pymorphy3" not in loaded_after(["lint", "--rules"], tmp_path)


RULES = "rules:\n  - {id: x, reason: y, ru: [бороться], be: []}\nlatin: {reason: a}\ndigits: {reason: b}\n" \
        "abbreviation: {reason: c}\n"


def test_a_rule_file_without_percent_codes_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "censor.yaml"
    path.write_text(RULES, encoding="utf-8")
    rules = load_rules(path)
    assert rules.percent_codes == frozenset() and rules.rules[0].patterns[0].words[0].lemma


def test_in_titles_must_be_true_or_false(tmp_path: Path) -> None:
    path = tmp_path / "censor.yaml"
    path.write_text(RULES.replace("be: []}", "be: [], in_titles: yes please}"), encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_rules(path)
    assert caught.value.lines() == [f"{path}:2:59: rules[0].in_titles: expected true or false"]
