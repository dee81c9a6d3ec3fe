"""The PDF read back with pypdf: pages, exact address lines where they belong, fonts,
metadata, determinism, atomic writing, and no text outside its box."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from helpers import MM, TODAY, Run, as_dict, box_of, data_file, prisoner_yaml, read_runs, reader, slot_of

from postcards import make_cards
from postcards.layout import fonts
from postcards.layout.card import card_geometry
from postcards.layout.cards import card_spec
from postcards.layout.sheet import impose, papers
from postcards.pdf.document import CardSheet, render_bytes
from postcards.shared.errors import PostcardsError
from postcards.shared.options import CardOptions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.messages import bundled_library, render

SUMMER = date(2026, 6, 1)  # no season; Chekina's birthday (13 July) is in reach: a birthday card
BUNDLED_BLOCKS = [  # the imprisoned of the bundled list; Zolatava, released, gets no card
    ["Чекиной Людмиле Юрьевне", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"],
    ["Лойко Анастасии Юрьевне", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"],
]


def make(tmp_path: Path, data: Path | None = None, name: str = "out.pdf", **options: object) -> bytes:
    output = tmp_path / name
    make_cards(load_dataset(data or bundled_data()), CardOptions(**{'today': TODAY, **options}), output)  # type: ignore[arg-type]
    return output.read_bytes()


def address_blocks(runs: list[Run], paper: str) -> list[list[str]]:
    """Per card, in reading order, the lines drawn in the address box, top first."""
    geometry = card_geometry(papers()[paper].card_width_mm, papers()[paper].card_height_mm)
    cards: dict[tuple[int, int], list[Run]] = {}
    for run in runs:
        slot, x, y = slot_of(run, paper)
        if x >= geometry.address.x and y < geometry.address.top:
            cards.setdefault((run.page, slot), []).append(run)
    return [[r.text for r in sorted(cards[key], key=lambda r: -r.y)] for key in sorted(cards)]


@pytest.mark.parametrize(("paper", "width_mm", "height_mm", "per_page"), [
    ("a4", 297, 210, 4), ("letter", 279.4, 215.9, 4), ("a6", 148, 105, 1), ("4x6", 152.4, 101.6, 1),
])
def test_pages_sizes_and_card_count(tmp_path: Path, paper: str, width_mm: float, height_mm: float,
                                    per_page: int) -> None:
    data = make(tmp_path, paper=paper, copies=2)
    pages = reader(data).pages
    assert len(pages) == -(-4 // per_page)  # two people, two copies each
    for page in pages:
        assert float(page.mediabox.width) == pytest.approx(width_mm * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(height_mm * MM, abs=0.01)
    blocks = address_blocks(read_runs(data), paper)
    assert blocks == [b for b in BUNDLED_BLOCKS for _ in range(2)]


def test_address_block_is_left_aligned_in_the_bottom_right(tmp_path: Path) -> None:
    runs = read_runs(make(tmp_path))
    geometry = card_geometry(148, 105)
    first_card = [r for r in runs if slot_of(r, "a4")[0] == 0 and r.page == 0]
    block = [r for r in first_card if r.text in BUNDLED_BLOCKS[0]]
    assert [r.text for r in sorted(block, key=lambda r: -r.y)] == BUNDLED_BLOCKS[0]
    xs = {round(slot_of(r, "a4")[1], 3) for r in block}
    assert len(xs) == 1 and xs.pop() > geometry.divider_x_mm
    assert max(slot_of(r, "a4")[2] for r in block) < geometry.stamp.y
    assert min(slot_of(r, "a4")[2] for r in block) >= geometry.address.y


def test_fonts_are_embedded_subsets_and_nothing_else(tmp_path: Path) -> None:
    data = make(tmp_path)
    for page in reader(data).pages:
        fonts_used = as_dict(as_dict(page["/Resources"])["/Font"])
        assert fonts_used
        for font in fonts_used.values():
            font = as_dict(font)
            assert re.fullmatch(r"/[A-Z]{6}\+PTSans-Regular", str(font["/BaseFont"]))
            assert "/FontFile2" in as_dict(font["/FontDescriptor"])
    assert b"Helvetica" not in data and b"Times" not in data


def test_metadata_has_no_paths_or_user_names_and_asks_for_no_scaling(tmp_path: Path) -> None:
    data = make(tmp_path)
    pdf = reader(data)
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Postcards"
    assert pdf.metadata.author == ""
    assert pdf.metadata.producer == "postcards"
    assert str(pdf.metadata["/CreationDate"]).startswith("D:2000")  # invariant: no real clock
    assert str(tmp_path).encode() not in data and str(Path.cwd()).encode() not in data
    root = as_dict(pdf.trailer["/Root"])
    assert str(as_dict(root["/ViewerPreferences"])["/PrintScaling"]) == "/None"
    assert str(root["/Lang"]) == "ru"


def test_same_input_and_seed_give_identical_bytes(tmp_path: Path) -> None:
    first = make(tmp_path, name="a.pdf", seed=3, today=SUMMER)
    assert make(tmp_path, name="b.pdf", seed=3, today=SUMMER) == first
    assert make(tmp_path, name="c.pdf", seed=4, today=SUMMER) != first


def test_a_failed_run_leaves_the_earlier_file_and_no_partial_file(tmp_path: Path) -> None:
    output = tmp_path / "out.pdf"
    output.write_bytes(b"%PDF-earlier")
    broken = data_file(tmp_path, prisoner_yaml(extra="address: {name: ИК № 4, street: ул. Антошкина 3 ★, "
                                                    "postcode: 246035, locality: г. Гомель}"))
    with pytest.raises(PostcardsError, match="characters the font cannot draw"):
        make_cards(load_dataset(broken), CardOptions(today=TODAY), output)
    assert output.read_bytes() == b"%PDF-earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml", "out.pdf"]


def test_no_text_leaves_its_box_even_when_shrunk(tmp_path: Path) -> None:
    long_text = " ".join(["Пусть каждый день приносит хотя бы маленькую радость."] * 9)
    own = tmp_path / "letter.txt"
    own.write_text(f"Здравствуйте, {{name}}!\n{long_text}\n", encoding="utf-8")
    rural = prisoner_yaml("sharendo", "Шарендо-Панасюк Полина Сергеевна", """
        address: {name: ИК № 24, street: ул. Советских пограничников, 37, postcode: 247526,
                  locality: г. п. Заречье, district: Речицкого р-на, region: Гомельской обл.}
    """).replace("ул. Советских пограничников, 37", "'ул. Советских пограничников, 37'")
    output = tmp_path / "out.pdf"
    sender = ("Иван Петров", "Германия, 10115 Берлин", "Фридрихштрассе, 1", "кв. 2", "Иван", "Петров")
    make_cards(load_dataset(data_file(tmp_path, rural)), CardOptions(today=TODAY, sender=sender, message_file=own),
                   output)
    runs = read_runs(output)
    geometry = card_geometry(148, 105)
    message_sizes = set()
    for run in runs:
        box = box_of(run, "a4")
        assert box is not None, f"{run.text!r} leaves its box"
        if box is geometry.message and run.text != "С теплом и уважением,":
            message_sizes.add(run.size)
    assert len(message_sizes) == 1 and message_sizes.pop() < 11  # it had to shrink to fit
    words = " ".join(r.text for r in runs)
    assert words.count("радость.") == 9  # nothing dropped
    assert all(line in words for line in sender)


def test_a_message_that_cannot_fit_fails_naming_person_and_message(tmp_path: Path) -> None:
    own = tmp_path / "letter.txt"
    own.write_text("Очень длинное письмо. " * 80, encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        make_cards(load_dataset(bundled_data()), CardOptions(today=TODAY, message_file=own), tmp_path / "out.pdf")
    assert caught.value.lines()[0] == (
        f"{own}:1:1: --message-file: your message ({own}) does not fit the card for 'chekina' "
        "even at 8.0 pt; shorten it: about 400 characters fit well")
    assert len(caught.value.lines()) == 2  # every card's refusal, found before any drawing
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("paper", ["a4", "letter", "a6", "4x6"])
def test_every_bundled_message_fits_every_paper_left_of_the_divider(tmp_path: Path, paper: str) -> None:
    woman = prisoner_yaml("woman", "{ru: Шарендо-Панасюк Александра Константиновна, "
                                   "be: Шарэнда-Панасюк Аляксандра Канстанцінаўна}")
    man = prisoner_yaml("man", "{ru: Шарендо-Панасюк Вячеслав Константинович, "
                               "be: Шарэнда-Панасюк Вячаслаў Канстанцінавіч}")
    people = load_dataset(data_file(tmp_path, woman, man)).prisoners
    library = bundled_library()
    spec = papers()[paper]
    geometry = card_geometry(spec.card_width_mm, spec.card_height_mm)
    options = CardOptions(today=TODAY, paper=paper)
    cards, texts = [], []
    for template in library.templates:
        for person in people:
            message = render(template, person, library, "formal", person.gender)
            cards.append(card_spec(person, message, options, geometry, 7.0))
            texts.append(message)
    sheets = [CardSheet(tuple(sheet)) for sheet in impose(cards, spec)]
    runs = read_runs(render_bytes(sheets, spec, "t"))
    assert all(box_of(run, paper) is not None for run in runs), [r.text for r in runs if box_of(r, paper) is None]
    left = [r for r in runs if slot_of(r, paper)[1] < geometry.divider_x_mm]
    assert all(slot_of(r, paper)[1] + fonts.text_width(r.text, r.size) / MM <= geometry.divider_x_mm - 1 for r in left)
    drawn = " ".join(r.text for r in left).split()
    assert drawn == " ".join(" ".join((*m.paragraphs, m.closing)) for m in texts).split()  # nothing dropped
