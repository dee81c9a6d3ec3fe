"""Adding a person to a data file as text: every other byte stays, the list's own indentation
and line ends are kept, the result is read back before it replaces the file, and layouts that
cannot be appended to safely are refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from postcards.shared.errors import PostcardsError
from postcards.shared.names import NameParts
from postcards.source.records import load_dataset
from postcards.source.yamlwrite import EntryFields, append_prisoner, insert_item, render_entry

ITEM = render_entry(EntryFields(ru=NameParts("Лойко", "Анастасия", "Юрьевна"), institution="IK-4"), "loika")
CHEKINA = "- id: chekina\n  name: Чекина Людмила Юрьевна\n  institution: IK-4\n"


def _indented(item: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in item.splitlines(keepends=True))


def test_the_rendered_item_is_the_data_files_style() -> None:
    assert ITEM == ("- id: loika\n  name:\n    ru: {surname: Лойко, given: Анастасия, patronymic: Юрьевна}\n"
                    "  institution: IK-4\n  status: imprisoned\n")


def test_comments_and_everything_else_stay_byte_for_byte(tmp_path: Path) -> None:
    head = ("# People to write to.\n#   check each address first\nversion: 1   # the schema\n\n"
            "prisoners:   # newest last\n")
    body = _indented(CHEKINA, "  ") + "    # a comment inside the item\n"
    tail = "\n# trailing notes stay at the end\n"
    path = tmp_path / "data.yaml"
    path.write_bytes((head + body + tail).encode())
    line = append_prisoner(path, ITEM)
    new = path.read_bytes().decode()
    assert new == head + body + _indented(ITEM, "  ") + tail
    assert new.splitlines()[line - 1] == "  - id: loika"
    assert [p.id for p in load_dataset(path).prisoners] == ["chekina", "loika"]


@pytest.mark.parametrize("indent", ["", "  ", "    "])
def test_the_lists_indentation_is_kept(tmp_path: Path, indent: str) -> None:
    path = tmp_path / "data.yaml"
    original = "version: 1\nprisoners:\n" + _indented(CHEKINA, indent)
    path.write_text(original, encoding="utf-8")
    append_prisoner(path, ITEM)
    assert path.read_text(encoding="utf-8") == original + _indented(ITEM, indent)
    assert len(load_dataset(path).prisoners) == 2


def test_items_parted_by_blank_lines_get_one_too(tmp_path: Path) -> None:
    other = CHEKINA.replace("chekina", "zolatava")
    original = "version: 1\nprisoners:\n" + _indented(CHEKINA, "  ") + "\n" + _indented(other, "  ")
    path = tmp_path / "data.yaml"
    path.write_text(original, encoding="utf-8")
    append_prisoner(path, ITEM)
    assert path.read_text(encoding="utf-8") == original + "\n" + _indented(ITEM, "  ")


def test_the_bundled_file_takes_a_person_in_its_own_style(tmp_path: Path) -> None:
    bundled = (Path(__file__).parent.parent / "prisoners.yaml").read_text(encoding="utf-8")
    path = tmp_path / "prisoners.yaml"
    path.write_text(bundled, encoding="utf-8")
    append_prisoner(path, ITEM.replace("loika", "loika-2"))
    new = path.read_text(encoding="utf-8")
    assert new.startswith(bundled) and new[len(bundled):] == "\n" + _indented(ITEM.replace("loika", "loika-2"), "  ")
    assert len(load_dataset(path).prisoners) == 4


@pytest.mark.parametrize(("line", "after"), [("prisoners: []", "prisoners:"),
                                             ("prisoners: []  # nobody yet", "prisoners:  # nobody yet")])
def test_an_empty_flow_list_becomes_a_block_list(tmp_path: Path, line: str, after: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(f"# header\nversion: 1\n{line}\n", encoding="utf-8")
    append_prisoner(path, ITEM)
    assert path.read_text(encoding="utf-8") == f"# header\nversion: 1\n{after}\n" + _indented(ITEM, "  ")
    assert len(load_dataset(path).prisoners) == 1


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    assert append_prisoner(path, ITEM) == 3
    assert path.read_text(encoding="utf-8") == "version: 1\nprisoners:\n" + _indented(ITEM, "  ")


def test_a_file_without_a_final_line_end(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    original = "version: 1\nprisoners:\n" + _indented(CHEKINA, "  ").rstrip("\n")
    path.write_text(original, encoding="utf-8")
    append_prisoner(path, ITEM)
    assert path.read_text(encoding="utf-8") == original + "\n" + _indented(ITEM, "  ")


def test_windows_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    original = ("# list\nversion: 1\nprisoners:\n" + _indented(CHEKINA, "  ")).replace("\n", "\r\n")
    path.write_bytes(original.encode())
    append_prisoner(path, ITEM)
    new = path.read_bytes()
    assert new == (original + _indented(ITEM, "  ").replace("\n", "\r\n")).encode()
    assert b"\n" not in new.replace(b"\r\n", b"")


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    original = "\ufeffversion: 1\nprisoners:\n" + _indented(CHEKINA, "  ")
    path.write_text(original, encoding="utf-8")
    append_prisoner(path, ITEM)
    assert path.read_text(encoding="utf-8") == original + _indented(ITEM, "  ")


def test_the_list_ends_before_the_next_top_level_key() -> None:
    text = "prisoners:\n" + _indented(CHEKINA, "  ") + "\n# institutions below\ninstitutions: {}\n"
    inserted = insert_item(text, ITEM)
    assert inserted.text == ("prisoners:\n" + _indented(CHEKINA, "  ") + _indented(ITEM, "  ")
                             + "\n# institutions below\ninstitutions: {}\n")
    assert (inserted.line, inserted.items) == (5, 1)


@pytest.mark.parametrize(("text", "what"), [
    ("version: 1\npeople: []\n", "has no top-level 'prisoners:' key"),
    ("prisoners:\n  - id: a\nprisoners:\n  - id: b\n", "more than once"),
    ("prisoners: [{id: a}]\n", "written on its line"),
    ("prisoners: &people\n  - id: a\n", "written on its line"),
    ("prisoners:\n  id: a\n", "is not a list"),
    ("prisoners:\n\t- id: a\n", "indents with a tab"),
    ("prisoners:\n  - id: a\n - id: b\n", "out of line"),
    ("prisoners:\n  - id: a\n---\nversion: 1\n", "more than one YAML document"),
    ("prisoners:\r\n  - id: a\n", "mixes"),
    ("prisoners:\r  - id: a\r", "CR alone"),
])
def test_layouts_it_cannot_append_to_safely_are_refused(text: str, what: str) -> None:
    with pytest.raises(PostcardsError, match="cannot add to this file safely") as caught:
        insert_item(text, ITEM, "data.yaml")
    assert what in str(caught.value)


def test_a_taken_id_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    original = "version: 1\nprisoners:\n" + _indented(CHEKINA, "  ")
    path.write_text(original, encoding="utf-8")
    with pytest.raises(PostcardsError, match="id 'chekina' is already in the file") as caught:
        append_prisoner(path, ITEM.replace("loika", "chekina"))
    assert str(caught.value).startswith(f"{path}:3:5:")
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["data.yaml"]


def test_an_entry_that_does_not_load_is_refused_with_the_files_name(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    original = "version: 1\nprisoners:\n" + _indented(CHEKINA, "  ")
    path.write_text(original, encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        append_prisoner(path, ITEM.replace("IK-4", "IK-404"))
    assert str(caught.value).startswith(f"{path}:9:18: prisoners[1].institution:")
    assert "unknown institution 'IK-404'" in str(caught.value)
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["data.yaml"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_files_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("version: 1\nprisoners:\n" + _indented(CHEKINA, "  "), encoding="utf-8")
    path.chmod(0o600)
    append_prisoner(path, ITEM)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_write_protected_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("version: 1\nprisoners:\n" + _indented(CHEKINA, "  "), encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(PostcardsError, match="is write-protected"):
        append_prisoner(path, ITEM)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PostcardsError, match="is a directory"):
        append_prisoner(tmp_path, ITEM)


def test_an_organisers_fields_are_written_in_the_schemas_order_and_read_back(tmp_path: Path) -> None:
    fields = EntryFields(ru=NameParts("Лойко", "Анастасия", "Юрьевна"), latin="Anastasiya Loika",
                         institution="IK-4", unit="отряд № 5", born="--01-31", articles=("342", "130 ч.2"),
                         sentence='7 лет "общего"', about="Co-founder of Human Constanta", tags=("women", "no"))
    item = render_entry(fields, "loika")
    assert item == ('- id: loika\n  name:\n    ru: {surname: Лойко, given: Анастасия, patronymic: Юрьевна}\n'
                    '    latin: Anastasiya Loika\n  born: --01-31\n  institution: IK-4\n  unit: отряд № 5\n'
                    '  sentence:\n    articles: ["342", "130 ч.2"]\n    text: "7 лет \\"общего\\""\n'
                    '  about: "Co-founder of Human Constanta"\n  tags: [women, \'no\']\n  status: imprisoned\n')
    path = tmp_path / "data.yaml"
    append_prisoner(path, item)
    person = load_dataset(path).prisoners[0]
    assert (person.unit, person.tags, person.sentence and person.sentence.text) == (
        "отряд № 5", ("women", "no"), '7 лет "общего"')
