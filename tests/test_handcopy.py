"""The hand-copy sheet (--handcopy): after each sheet of blank cards (after its crib), a page
per card with the card's text broken into the card's ruled lines, and the confusable letters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import read_runs

from postcards import make_cards, make_event, plan_messages
from postcards.layout.card import card_geometry
from postcards.layout.cards import handwriting_rules_mm
from postcards.layout.handcopy import PRINT_SIZE_PT
from postcards.layout.sheet import papers
from postcards.shared.errors import PostcardsError
from postcards.shared.options import CardOptions, EventOptions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.handcopy import CONFUSABLES, CONFUSABLES_TITLE

SUMMER = date(2026, 6, 1)
TITLE = "Copy this onto the card for {}, line by line"


def numbered(path: Path, page: int) -> list[str]:
    """The page's numbered lines, their numbers checked to run 1, 2, ... and taken off."""
    runs = [r.text for r in read_runs(path) if r.page == page and r.size == PRINT_SIZE_PT]
    for number, text in enumerate(runs, 1):
        assert text.startswith(f"{number}. ")
    return [text.split(" ", 1)[1] for text in runs]


def page_text(path: Path, page: int) -> str:
    return " ".join(r.text for r in read_runs(path) if r.page == page)


@pytest.mark.parametrize("crib", [True, False])
def test_a_handcopy_page_per_card_follows_each_sheet_and_its_crib(tmp_path: Path, crib: bool) -> None:
    output = tmp_path / "out.pdf"
    dataset = load_dataset(bundled_data())
    options = CardOptions(today=SUMMER, crib=crib, blank=True, handcopy=True)
    make_cards(dataset, options, output)
    first = 2 if crib else 1  # the sheet of cards, then its crib
    assert {r.page for r in read_runs(output)} == set(range(first + 2))
    rules = len(handwriting_rules_mm(card_geometry(papers()["a4"].card_width_mm, papers()["a4"].card_height_mm)))
    for page, (person, message) in enumerate(plan_messages(dataset, options), first):
        text = page_text(output, page)
        assert text.startswith(TITLE.format({"chekina": "Liudmila Chekina", "loika": "Anastasiya Loika"}[person.id]))
        lines = numbered(output, page)
        assert 0 < len(lines) <= rules
        assert " ".join(lines).split() == " ".join((*message.paragraphs, message.closing)).split()
        assert lines[0].startswith(message.paragraphs[0].split()[0]) and lines[-1] == message.closing
        assert CONFUSABLES_TITLE in text
        assert all(f"{letters}: {note}" in text for letters, note in CONFUSABLES)
        assert "т: write it like a printed т, never m (which reads as т in handwriting)." in text


def test_an_event_puts_them_after_each_crib(tmp_path: Path) -> None:
    output = tmp_path / "event.pdf"
    options = CardOptions(today=SUMMER, crib=True, blank=True, handcopy=True)
    make_event(load_dataset(bundled_data()), options, EventOptions(writers=1), output)
    # summary, cover, cards, crib, two hand-copy pages
    assert page_text(output, 4).startswith(TITLE.format("Liudmila Chekina"))
    assert page_text(output, 5).startswith(TITLE.format("Anastasiya Loika"))


def test_a_text_longer_than_the_ruled_lines_is_refused_naming_the_person(tmp_path: Path) -> None:
    own = tmp_path / "own.txt"
    own.write_text("Здравствуйте! " + "У нас тёплое лето, в саду цветут розы и поют птицы. " * 9,
                   encoding="utf-8")
    options = CardOptions(today=SUMMER, blank=True, handcopy=True, message_file=own)
    with pytest.raises(PostcardsError) as caught:
        make_cards(load_dataset(bundled_data()), options, tmp_path / "out.pdf")
    assert "the text of the card for 'chekina' takes" in str(caught.value)
    assert "ruled lines" in str(caught.value)
    assert not (tmp_path / "out.pdf").exists()


def test_a_handcopy_needs_blank_cards(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError, match="the text of a blank card"):
        make_cards(load_dataset(bundled_data()), CardOptions(today=SUMMER, handcopy=True), tmp_path / "out.pdf")
