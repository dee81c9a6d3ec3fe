"""Records to fitted cards: sizes chosen, text never wider or taller than its box."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MM, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcards.layout import fonts
from postcards.layout.card import card_geometry
from postcards.layout.cards import ADDRESS_SIZES_PT, card_spec, check_sender
from postcards.layout.fit import text_height
from postcards.shared.errors import PostcardsError, SourceLocation
from postcards.shared.model import Institution, Prisoner
from postcards.shared.names import Name, NameParts
from postcards.shared.options import CardOptions
from postcards.text.messages import Message

GEOMETRY = card_geometry(148, 105)
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
word = st.text(CYRILLIC, min_size=1, max_size=14).map(str.capitalize)
words = st.lists(st.text(CYRILLIC, min_size=1, max_size=12), min_size=1, max_size=6).map(" ".join)


def person(surname: str, given: str, street: str, locality: str, district: str | None) -> Prisoner:
    place = Institution("ИК № 4", street, "246035", locality, district, None, None)
    return Prisoner("x", Name(NameParts(surname, given, "Юрьевна")), "female", place,
                    SourceLocation("data.yaml", 1, 1))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surname=word, given_name=word, street=words, locality=words,
       district=st.none() | words, body=st.lists(words, min_size=1, max_size=12))
def test_every_card_fits_or_fails_clearly(surname: str, given_name: str, street: str, locality: str,
                                          district: str | None, body: list[str]) -> None:
    message = Message("m", "message 'm'", "ru", "general", tuple(body), "С теплом,", ("Hello",), "Lyudmila")
    try:
        spec = card_spec(person(surname, given_name, street, locality, district), message,
                         CardOptions(today=TODAY), GEOMETRY, 7.0)
    except PostcardsError as err:
        assert "does not fit" in str(err) or "too wide" in str(err)
        return
    box = GEOMETRY.message
    assert text_height(spec.message, fonts.regular()) <= box.height * MM + 1e-6
    for paragraph in spec.message.paragraphs:
        for line in paragraph:
            assert fonts.text_width(line, spec.message.size_pt) <= box.width * MM + 1e-6
    assert " ".join(" ".join(p) for p in spec.message.paragraphs).split() == " ".join(body).split()
    for line in spec.address_lines:
        assert fonts.text_width(line, spec.address_size_pt) <= (GEOMETRY.address.width - 1) * MM + 1e-6


def test_short_message_gets_the_largest_size() -> None:
    message = Message("m", "message 'm'", "ru", "general", ("Здравствуйте!", "Желаю Вам здоровья."), "С теплом,", (), "")
    spec = card_spec(person("Лойко", "Анастасия", "ул. Антошкина, 3", "г. Гомель", None), message,
                     CardOptions(today=TODAY), GEOMETRY, 7.0)
    assert spec.message.size_pt == 11 and spec.address_size_pt == ADDRESS_SIZES_PT[0]


def test_a_very_long_address_line_shrinks_then_fails() -> None:
    message = Message("m", "message 'm'", "ru", "general", ("Здравствуйте!",), "С теплом,", (), "")
    long_street = "ул. Советских пограничников имени героев, 137"
    spec = card_spec(person("Лойко", "Анастасия", long_street, "г. Гомель", None), message,
                     CardOptions(today=TODAY), GEOMETRY, 7.0)
    assert spec.address_size_pt < ADDRESS_SIZES_PT[0]
    with pytest.raises(PostcardsError, match=r"the address of 'x' is too wide for a 148 x 105 mm card even at 7\.5 pt"):
        card_spec(person("Лойко", "Анастасия", long_street * 2, "г. Гомель", None), message,
                  CardOptions(today=TODAY), GEOMETRY, 7.0)


def test_sender_lines() -> None:
    assert check_sender(("Анна Шмидт", "Германия, Берлин"), GEOMETRY) == 7.0
    assert check_sender(("Анна",) * 6, GEOMETRY) == 6.0  # too tall at 7 pt: it shrinks
    with pytest.raises(PostcardsError, match="the 7 sender line"):
        check_sender(("Анна",) * 7, GEOMETRY)
    with pytest.raises(PostcardsError, match="use at most 6 lines of about 30 characters"):
        check_sender(("Анна",) * 8, GEOMETRY)
    with pytest.raises(PostcardsError, match="do not fit the card"):
        check_sender(("Анна Шмидт, Германия, Берлин, Фридрихштрассе 1",), GEOMETRY)
    with pytest.raises(PostcardsError, match="is written in Latin letters"):
        check_sender(("Germany",), GEOMETRY)


def test_data_file_does_not_change(tmp_path: Path) -> None:
    # The sender's own address goes to the card only: never into the data file.
    from postcards import make_cards
    from postcards.source.records import load_dataset
    from postcards.source.resources import bundled_data

    data = tmp_path / "prisoners.yaml"
    data.write_bytes(bundled_data().read_bytes())
    make_cards(load_dataset(data), CardOptions(today=TODAY, sender=("Анна Шмидт",)), tmp_path / "out.pdf")
    assert data.read_bytes() == bundled_data().read_bytes()
