"""The censor check measured on sentences supporters write (tests/data/lint-sentences.tsv):
each sentence on its own, and recall and precision over the set, which may not fall below
the figures measured when the rules were last changed.

The set: sentences a censor stops (every topic of DOMAIN.md section 4, in inflected,
feminine, slang and disguised forms) and innocent ones that look alike (stems shared with
rule words, titles, scores, the seasons), in Russian and Belarusian. Rows marked
"[held out]" were written after the rules, to measure them before any tuning.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from postcards.text.censor import lint

SENTENCES = Path(__file__).parent / "data" / "lint-sentences.tsv"

# Measured on the set with the rules of this commit: a change may raise these, never lower them.
FLOOR = {  # language: (recall, precision)
    "all": (0.984, 0.977),  # 130 of 132 to stop, 3 of 109 innocent flagged
    "ru": (0.988, 0.965),
    "be": (0.979, 1.0),
}

# Known weaknesses: the sentence, and why the check gets it wrong.
WEAK = {
    "Вашу малявку получили, спасибо.": "малявка is also a small child: not listed",
    "Хутка ўсё зменіцца, вось пабачыце.": "a hint of change with no word of its own",
    "Судьи на конкурсе рисунков были очень добрые.": "судья of a contest reads as the court",
    "Завтра в школе выборы старосты класса.": "school elections read as elections",
    "Мы сегодня с внуком боролись с сорняками.": "бороться with weeds reads as fight",
}


@dataclass(frozen=True)
class Sentence:
    text: str
    lang: str
    flag: bool
    rule: str
    note: str


def sentences() -> list[Sentence]:
    with SENTENCES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Sentence(r["sentence"], r["lang"], r["expected"] == "flag", r["rule"], r["note"]) for r in rows]


ALL = sentences()


def correct(sentence: Sentence) -> bool:
    rules = {f.rule for f in lint(sentence.text)}
    return sentence.rule in rules if sentence.flag else not rules


@pytest.mark.parametrize("sentence", [
    pytest.param(s, id=s.text, marks=[pytest.mark.xfail(reason=WEAK[s.text], strict=True)] if s.text in WEAK else [])
    for s in ALL])
def test_each_sentence(sentence: Sentence) -> None:
    found = [(f.word, f.rule) for f in lint(sentence.text)]
    if sentence.flag:
        assert sentence.rule in {rule for _, rule in found}, (sentence.note, found)
    else:
        assert found == [], sentence.note


def recall_precision(chosen: list[Sentence]) -> tuple[float, float]:
    """Recall: the share of sentences to stop that are flagged by their rule. Precision: the
    share of flagged sentences that a censor would stop."""
    flagged = [s for s in chosen if lint(s.text)]
    hits = [s for s in chosen if s.flag and correct(s)]
    return len(hits) / sum(s.flag for s in chosen), sum(s.flag for s in flagged) / len(flagged)


@pytest.mark.parametrize("lang", FLOOR)
def test_recall_and_precision_stay_at_their_floor(lang: str) -> None:
    chosen = [s for s in ALL if lang in ("all", s.lang)]
    recall, precision = recall_precision(chosen)
    floor_recall, floor_precision = FLOOR[lang]
    assert recall >= floor_recall and precision >= floor_precision, (recall, precision)


def test_the_set_is_large_and_balanced() -> None:
    assert len(ALL) >= 80
    assert sum(s.lang == "be" for s in ALL) >= 25
    stopped = sum(s.flag for s in ALL)
    assert 0.4 <= stopped / len(ALL) <= 0.6
    assert {s.lang for s in ALL} == {"ru", "be"}
    assert len({s.text for s in ALL}) == len(ALL)
    assert all(s.rule for s in ALL if s.flag) and not any(s.rule for s in ALL if not s.flag)
    assert set(WEAK) <= {s.text for s in ALL}
