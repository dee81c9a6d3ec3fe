"""The writer's pages in German, Polish and Lithuanian: complete catalogues, intact placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from click.testing import CliRunner
from helpers import run
from pypdf import PdfReader

from postcards.shared.options import CribLanguage
from postcards.text.crib import RULES, TITLE, article_meanings
from postcards.text.i18n import DOMAIN, TRANSLATED, catalogue_path, translator

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _used() -> set[str]:
    """Every msgid the package marks (Babel's extractor over its Python files), the article
    meanings, and each line of the messages' English, greetings and closing."""
    ids: set[str] = set()
    for path in sorted((ROOT / "postcards").rglob("*.py")):
        with path.open("rb") as source:
            for found in extract("python", source, keywords=KEYWORDS):
                ids |= {found[1]} if isinstance(found[1], str) else {i for i in found[1] if i}
    ids |= set(article_meanings().values())
    library = yaml.safe_load((ROOT / "templates/messages.yaml").read_text(encoding="utf-8"))
    for message in library["messages"]:
        ids |= {line for line in message["en"].splitlines() if line.strip()}
    ids |= {g["en"] for g in library["greetings"].values()} | {library["closings"]["en"]}
    return ids


def _catalogue(lang: CribLanguage) -> dict[str, list[str]]:
    """msgid (each of a plural's two) -> its non-empty, non-fuzzy msgstrs."""
    with open(catalogue_path(lang), "rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    table: dict[str, list[str]] = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string or ())
        for i in ids:
            table[i] = [s for s in strings if s] if all(strings) else []
    return table


def test_the_extractor_finds_the_crib() -> None:
    assert {TITLE, *RULES, "What it says:", "Say: \"{said}\" ({full}). The card calls her \"{name}\"."} <= _used()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_msgid_is_translated(lang: CribLanguage) -> None:
    table = _catalogue(lang)
    missing = sorted(i for i in _used() if i not in table or not table[i])
    assert not missing


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match(lang: CribLanguage) -> None:
    for msgid, msgstrs in _catalogue(lang).items():
        for msgstr in msgstrs:
            assert sorted(re.findall(r"\{\w+\}", msgid)) == sorted(re.findall(r"\{\w+\}", msgstr)), msgid


def test_english_is_the_identity() -> None:
    assert translator("en")(TITLE) == TITLE
    assert translator("de")("no such msgid") == "no such msgid"


def test_make_crib_lang_de_writes_the_crib_in_german(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--crib", "--crib-lang", "de", "--message", "ru-pie", "--writer-gender", "female")
    assert result.exit_code == 0, result.stderr
    crib = " ".join(page.extract_text() for page in PdfReader(in_tmp / "postcards.pdf").pages[1:])
    assert "SPICKZETTEL: für Sie, nicht für den Umschlag." in crib
    assert "Gestern habe ich nach dem Rezept meiner Großmutter einen Apfelkuchen gebacken." in " ".join(crib.split())
    assert "Was es bedeutet:" in crib and "WRITER'S CRIB" not in crib


def test_without_crib_lang_the_crib_is_english(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--crib", "--message", "ru-pie", "--writer-gender", "female")
    assert result.exit_code == 0, result.stderr
    crib = " ".join(page.extract_text() for page in PdfReader(in_tmp / "postcards.pdf").pages[1:])
    assert "WRITER'S CRIB" in crib and "Yesterday I baked an apple pie" in " ".join(crib.split())


def test_the_hand_copy_sheet_in_polish(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", "--handcopy", "--crib-lang", "pl", "--message", "ru-pie", "--writer-gender",
                 "female", "--only", "loika")
    assert result.exit_code == 0, result.stderr
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(in_tmp / "postcards.pdf").pages).split())
    assert "Litery mylone w piśmie odręcznym i jak je odróżnić" in text
    assert "Każda numerowana linijka poniżej to jedna linia na kartce" in text
    assert "Вчера я испекла яблочный пирог" in text and "Letters people confuse" not in text
