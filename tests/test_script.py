"""Which script and language a text is in: the one set of Belarusian-only letters, as the two
places that use it see it (a writer's own message, a Russian name form in the data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.shared.errors import PostcardsError
from postcards.shared.script import foreign_letters
from postcards.source.records import load_dataset
from postcards.text.censor import lint
from postcards.text.messages import read_own_message


@pytest.mark.parametrize(("text", "lang"), [
    ("Жадаю Вам здароўя.", "be"),
    ("ІРЫНА, добры дзень!", "be"),
    ("Желаю Вам здоровья и 'сил'.", "ru"),  # an apostrophe in a text is punctuation too
    ("Желаю Вам здоровья’.", "ru"),
])
def test_an_own_message_is_belarusian_by_its_letters_alone(tmp_path: Path, text: str, lang: str) -> None:
    path = tmp_path / "mine.txt"
    path.write_text(text, encoding="utf-8")
    assert read_own_message(path, None).lang == lang


@pytest.mark.parametrize(("name", "problem"), [
    ("Чэкіна Людмила Юрьевна", "'Чэкіна' has the Belarusian letter 'і'"),
    ("Чекина Людмила Юрьеўна", "'Юрьеўна' has the Belarusian letter 'ў'"),
    ("Чекина Людмила Юр'евна", "'Юр'евна' has a Belarusian apostrophe ''' (Russian writes ь or ъ there)"),
    ("Чекина Людмила Юрʼевна", "'Юрʼевна' has a Belarusian apostrophe 'ʼ' (Russian writes ь or ъ there)"),
])
def test_a_russian_name_form_refuses_belarusian_letters_and_apostrophes(tmp_path: Path, name: str,
                                                                       problem: str) -> None:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(data_file(tmp_path, prisoner_yaml(name=name)))
    assert caught.value.lines() == [f"{tmp_path / 'data.yaml'}:4:11: prisoners[0].name: {problem}; "
                                    "give the Russian form here and the Belarusian one under name.be"]


def test_a_belarusian_name_form_may_have_them(tmp_path: Path) -> None:
    name = ("{ru: {surname: Чекина, given: Людмила, patronymic: Юрьевна}, "
            "be: {surname: Чэкіна, given: Людміла, patronymic: Юрʼеўна}}")
    prisoner = load_dataset(data_file(tmp_path, prisoner_yaml(name=name))).prisoners[0]
    assert prisoner.name.be is not None and prisoner.name.be.patronymic == "Юрʼеўна"


def test_the_belarusian_apostrophe_is_no_foreign_letter() -> None:
    assert foreign_letters("Юрʼеўна") == []  # U+02BC, a letter to Unicode
    assert lint("Жадаю Вам, Марʼя, здароўя.") == []
    assert [f.char for f in foreign_letters("Юрьeвна")] == ["e"]
