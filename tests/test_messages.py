"""Message templates: authoring errors name file, line and id; rendering agrees in gender."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from helpers import data_file, library_file, prisoner_yaml

from postcards.errors import PostcardsError
from postcards.messages import bundled_library, choose, load_library, render
from postcards.records import load_dataset
from postcards.script import foreign_letters


def authoring_error(tmp_path: Path, text: str) -> str:
    path = library_file(tmp_path, "mine", text)
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    (line,) = caught.value.lines()
    return line.replace(str(path), "messages.yaml")


@pytest.mark.parametrize(("text", "expected"), [
    ("Здравствуйте, {nmae}!", "unknown placeholder '{nmae}'; did you mean 'name'?"),
    ("Вы не {одна}.", "unknown placeholder '{одна}'"),
    ("Вы не {одна|}.", "'{одна|}' needs two forms, for a woman and a man: {ж|м}"),
    ("Здравствуйте, {name!", "a brace is not closed (or not opened): write placeholders as {name}"),
    ("Hello, {name}!", "has a Latin letter 'H' at character 1 (looks like Cyrillic 'Н'); a card carries Russian or Belarusian only"),
])
def test_template_errors_name_file_line_and_id(tmp_path: Path, text: str, expected: str) -> None:
    assert authoring_error(tmp_path, text) == f"messages.yaml:6:11: messages[0].text: message 'mine': {expected}"


def people(tmp_path: Path) -> tuple:  # type: ignore[type-arg]
    woman = prisoner_yaml("woman", "{ru: Лойко Анастасия Юрьевна, be: Лойка Анастасія Юр'еўна}")
    man = prisoner_yaml("man", "{ru: Бяляцкий Алесь Викторович, be: Бяляцкі Алесь Віктаравіч}")
    return load_dataset(data_file(tmp_path, woman, man)).prisoners


def test_gender_agreement_and_polite_name(tmp_path: Path) -> None:
    library = bundled_library()
    template = library.by_id("ru-remembered")
    woman, man = people(tmp_path)
    her, him = render(template, woman, library.closings), render(template, man, library.closings)
    assert her.paragraphs[0] == "Здравствуйте, Анастасия Юрьевна!"
    assert him.paragraphs[0] == "Здравствуйте, Алесь Викторович!"
    assert "Вы не одна." in her.paragraphs[1] and "Вы не один." in him.paragraphs[1]
    be = render(library.by_id("be-remembered"), man, library.closings)
    assert be.paragraphs[0] == "Добры дзень, Алесь Віктаравіч!" and "Вы не адзін." in be.paragraphs[1]
    assert be.closing == "З цеплынёй і павагай,"


def test_every_bundled_message_renders_in_cyrillic_within_400_characters(tmp_path: Path) -> None:
    library = bundled_library()
    assert {t.lang for t in library.templates} == {"ru", "be"}
    for lang in ("ru", "be"):
        assert len(library.for_language(lang)) >= 2  # type: ignore[arg-type]
    for template in library.templates:
        for person in people(tmp_path):
            message = render(template, person, library.closings)
            text = "\n".join(message.paragraphs)
            assert len(text) <= 400, template.id
            assert not foreign_letters(text), template.id
            assert "{" not in text and "}" not in text


def test_unknown_message_id_suggests() -> None:
    with pytest.raises(PostcardsError, match="no message with id 'ru-remember'; did you mean 'ru-remembered'"):
        bundled_library().by_id("ru-remember")


def test_choice_is_deterministic_and_neighbours_differ() -> None:
    templates = bundled_library().for_language("ru")
    picks = choose(templates, 7, seed=5)
    assert picks == choose(templates, 7, seed=5)
    assert all(a.id != b.id for a, b in itertools.pairwise(picks))
    assert [t.id for t in choose(templates, 2, 0)] != [t.id for t in choose(templates, 2, 1)]


def test_a_closing_in_latin_is_refused(tmp_path: Path) -> None:
    path = library_file(tmp_path, "mine", "Здравствуйте, {name}!")
    path.write_text(path.read_text(encoding="utf-8").replace('"С теплом,"', '"Best wishes,"'), encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [f"{path}:1:16: closings.ru: 'Best wishes,' has a Latin letter 'B' at character 1 (looks like Cyrillic 'В'); a card carries Russian or Belarusian only"]


def test_empty_template_file(tmp_path: Path) -> None:
    path = tmp_path / "messages.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [f"{path}:1:1: the template file is empty; start from the bundled templates/messages.yaml"]


def test_a_language_without_messages_is_refused(tmp_path: Path) -> None:
    from postcards.cards import CardOptions, make_postcards
    from postcards.resources import bundled_data

    library = load_library(library_file(tmp_path, "ru-only", "Здравствуйте, {name}!"))
    with pytest.raises(PostcardsError) as caught:
        make_postcards(load_dataset(bundled_data()), CardOptions(lang="be"), tmp_path / "out.pdf", library=library)
    assert caught.value.lines() == ["--lang: the message library has no 'be' message; add one to the templates file or use --lang ru"]
    assert not (tmp_path / "out.pdf").exists()
