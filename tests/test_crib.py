"""The writer's crib read back from the PDF: after each sheet, in English, inside the page,
saying who each person is, what the card says and how their name is said."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from helpers import MM, data_file, prisoner_yaml, read_runs, reader

from postcards import make_cards, make_event, plan_messages
from postcards.layout import fonts
from postcards.layout.crib import PAGE_MARGIN_MM, SMALL_PAGE_MARGIN_MM
from postcards.layout.sheet import papers
from postcards.shared.errors import PostcardsError
from postcards.shared.model import Birthday, Language, Sentence
from postcards.shared.options import CardOptions, EventOptions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.crib import RULES, birthday_words, crib_entry, sentence_words
from postcards.text.messages import bundled_library, render

SUMMER = date(2026, 6, 1)


def make(tmp_path: Path, data: Path | None = None, **options: object) -> Path:
    output = tmp_path / "out.pdf"
    make_cards(load_dataset(data or bundled_data()),
                   CardOptions(crib=True, today=SUMMER, **options), output)  # type: ignore[arg-type]
    return output


def page_text(path: Path, page: int) -> str:
    return " ".join(r.text for r in read_runs(path) if r.page == page)


def test_a_crib_page_follows_each_sheet_and_says_who_and_what(tmp_path: Path) -> None:
    output = make(tmp_path)
    assert len(reader(output).pages) == 2
    crib = page_text(output, 1)
    assert "WRITER'S CRIB: for you, not for the envelope. Never post this sheet." in crib
    assert all(rule in crib for rule in RULES)
    assert "Top left: Liudmila Chekina" in crib and "Top right: Anastasiya Loika" in crib
    assert "Zolatava" not in crib  # released: no card, so no crib entry
    assert 'Say: "Lyudmila Yuryevna Chekina" (Людмила Юрьевна Чекина). The card calls her "Lyudmila Yuryevna".' in crib
    assert ("Sentence (never mention it on the card): 12 years; Criminal Code arts. 361 (calls for actions "
            "aimed at harming national security), 243 (evasion of taxes and fees), 130 (inciting hatred or "
            "discord).") in crib
    assert "On the card: Здравствуйте, Людмила Юрьевна!" in crib and "What it says: Hello, Lyudmila Yuryevna!" in crib
    cards = page_text(output, 0)
    assert "WRITER'S CRIB" not in cards and "Lyudmila" not in cards  # nothing English on the cards


def test_the_crib_repeats_the_card_text_word_for_word(tmp_path: Path) -> None:
    output = tmp_path / "out.pdf"
    dataset, options = load_dataset(bundled_data()), CardOptions(crib=True, today=SUMMER)
    make_cards(dataset, options, output)
    crib = page_text(output, 1)
    for _, message in plan_messages(dataset, options):
        assert " ".join(message.paragraphs) in crib
        assert message.english is not None and " ".join(message.english) in crib


@pytest.mark.parametrize("paper", ["a4", "letter", "a6", "4x6"])
def test_every_crib_line_stays_inside_the_page(tmp_path: Path, paper: str) -> None:
    output = make(tmp_path, paper=paper, lang="be")
    spec = papers()[paper]
    margin = SMALL_PAGE_MARGIN_MM if spec.per_sheet == 1 else PAGE_MARGIN_MM
    per_sheet = spec.per_sheet
    runs = read_runs(output)
    crib_pages = {r.page for r in runs if r.text.startswith("WRITER'S CRIB")}
    assert crib_pages == set(range(1, 2 * -(-2 // per_sheet), 2))  # every other page; two imprisoned
    for run in (r for r in runs if r.page in crib_pages):
        assert run.x / MM >= margin - 0.01
        assert (run.x + fonts.text_width(run.text, run.size)) / MM <= spec.page_width_mm - margin + 0.01
        assert run.y / MM - fonts.regular().descent * run.size / MM >= margin - 0.01
        assert run.y / MM + fonts.regular().ascent * run.size / MM <= spec.page_height_mm - margin + 0.01


def test_blank_cards_print_no_message_and_the_crib_says_copy_it(tmp_path: Path) -> None:
    output = make(tmp_path, blank=True)
    cards = page_text(output, 0)
    assert "Здравствуйте" not in cards and "С теплом" not in cards and "Чекиной Людмиле Юрьевне" in cards
    crib = page_text(output, 1)
    assert "Copy this onto the card by hand: Здравствуйте, Людмила Юрьевна!" in crib


def test_sentence_and_birthday_in_plain_words() -> None:
    assert sentence_words(Sentence(7, "general", ("342", "130"))) == (
        "7 years, general regime; Criminal Code arts. 342 (organising or actively taking part in actions "
        "that grossly violate public order), 130 (inciting hatred or discord)")
    assert sentence_words(Sentence(articles=("999",))) == "Criminal Code art. 999"
    assert sentence_words(Sentence(text="3 years of home confinement")) == "3 years of home confinement"
    assert birthday_words(Birthday(5, 21, 1978), date(2026, 11, 29)) == "21 May (turns 49 in 2027)"
    assert birthday_words(Birthday(12, 2), date(2026, 11, 29)) == "2 December"


def test_a_crib_that_cannot_fit_fails_naming_the_person(tmp_path: Path) -> None:
    about = "Journalist. " * 600
    data = data_file(tmp_path, prisoner_yaml(extra=f"institution: IK-4\nabout: {about.strip()}"))
    with pytest.raises(PostcardsError) as caught:
        make(tmp_path, data, paper="a6")
    assert caught.value.lines() == [f"{data}:3:5: the crib for 'chekina' does not fit a a6 page even at 5.5 pt; "
                                    "shorten their `about` text, or make the crib on a larger --paper"]


def test_a_character_the_font_lacks_in_the_crib_is_named(tmp_path: Path) -> None:
    data = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\nabout: Editor ★ of TUT.BY"))
    with pytest.raises(PostcardsError) as caught:
        make(tmp_path, data)
    assert caught.value.lines() == [f"{data}:3:5: prisoners[0].about: the crib for 'chekina' has characters the "
                                    "font cannot draw: '★' (U+2605) in 'Who: Editor ★ of TUT.BY.'; remove or "
                                    "replace them"]
    assert not (tmp_path / "out.pdf").exists()


def test_a_blank_cards_crib_checks_the_text_to_copy_too(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("Здравствуйте, {name}! ★\nЖелаю Вам здоровья.\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        make(tmp_path, blank=True, message_file=own)
    assert caught.value.lines() == ["the crib for 'chekina' has characters the font cannot draw: '★' (U+2605) in "
                                    "'Здравствуйте, Людмила Юрьевна! ★'; remove or replace them"]


def test_the_crib_of_a_writers_own_text_and_an_about_that_ends_a_sentence(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("Здравствуйте, {name}!\nЖелаю Вам здоровья.\n", encoding="utf-8")
    data = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\nabout: Editor, writer, etc."))
    crib = page_text(make(tmp_path, data, message_file=own), 1)
    assert "What it says: (your own text)" in crib
    assert "Who: Editor, writer, etc. " in crib and "etc.." not in crib


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_a_cover_and_a_crib_spell_a_name_the_same_way(tmp_path: Path, lang: Language) -> None:
    name = ("{ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}, "
            "be: {surname: Чэкіна, given: Людміла, patronymic: Юр'еўна}}")  # no latin: transliterated
    data = data_file(tmp_path, prisoner_yaml(name=name))
    output = tmp_path / "event.pdf"
    options = CardOptions(today=SUMMER, crib=True, lang=lang)
    make_event(load_dataset(data), options, EventOptions(writers=1), output)
    cover, crib = page_text(output, 1), page_text(output, 3)
    assert "1. Lyudmila Chekina (Чекина Людмила Юрьевна), IK-4" in cover
    assert "Top left: Lyudmila Chekina Say:" in crib  # the heading; the card's own forms follow


def test_a_crib_entry_is_plain_text_made_from_the_record_and_its_message() -> None:
    person = load_dataset(bundled_data()).prisoners[2]
    library = bundled_library()
    message = render(library.by_id("ru-walk"), person, library)
    entry = crib_entry(person, message, blank=False, today=SUMMER)
    assert (entry.person, entry.heading, entry.card_label) == ("loika", "Anastasiya Loika", "On the card:")
    assert entry.about == (
        'Say: "Anastasiya Yuryevna Loyko" (Анастасия Юрьевна Лойко). The card calls her "Anastasiya Yuryevna".',
        "Who: Co-founder of Human Constanta, co-organiser of IGF.BY since 2017.",
        "Sentence (never mention it on the card): 7 years, general regime; Criminal Code arts. 342 (organising "
        "or actively taking part in actions that grossly violate public order), 130 (inciting hatred or discord).",
        "Birthday: 6 January (turns 38 in 2027).")  # born 1989-01-06 (belaruswomen.org)
    assert entry.card_text == (*message.paragraphs, message.closing)
    assert message.english is not None and entry.english == ("What it says:", *message.english)


def test_the_crib_suggests_topics_from_the_persons_interests(tmp_path: Path) -> None:
    person = replace(load_dataset(bundled_data()).prisoners[2], interests=("origami", "books", "cats"))
    library = bundled_library()
    entry = crib_entry(person, render(library.by_id("ru-walk"), person, library), blank=False, today=SUMMER)
    assert entry.about[-1] == ("Topics they care about: books, cats — e.g. write about a book you read; "
                               "tell about an animal you know.")
    assert entry.fields[-1] == "prisoners[2].interests" and len(entry.fields) == len(entry.about)
    data = data_file(tmp_path, prisoner_yaml(extra="institution: IK-4\ninterests: [cats]"))
    output = tmp_path / "cards.pdf"
    make_cards(load_dataset(data), CardOptions(today=SUMMER, crib=True), output)
    assert "Topics they care about: cats — e.g. tell about an animal you know." in page_text(output, 1)
