"""A long list read in slices gives the same records and the same error lines as the whole
file composed at once; layouts it cannot cut are read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.shared.errors import PostcardsError
from postcards.shared.files import read_text
from postcards.source import records, yamlchunks
from postcards.source.records import load_dataset
from postcards.source.yamlchunks import split_list


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlchunks, "ITEMS_PER_SLICE", 2)


def people(count: int) -> list[str]:
    return [prisoner_yaml(f"p{i}", "Жук Борис Ильич", f"institution: IK-4\nborn: --0{1 + i % 9}-1{i % 9}")
            for i in range(count)]


def whole(monkeypatch: pytest.MonkeyPatch, path: Path) -> object:
    monkeypatch.setattr(records, "split_list", lambda text, key: None)
    try:
        return load_dataset(path)
    except PostcardsError as err:
        return err.lines()


def test_slices_give_the_same_records_as_the_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_file(tmp_path, *people(7), head="version: 1\n# a comment\n")
    split = split_list(path.read_text(encoding="utf-8"), "prisoners")
    assert split is not None and [s.items for s in split.slices] == [2, 2, 2, 1]
    assert [s.first_line for s in split.slices] == [3, 11, 19, 27]
    sliced = load_dataset(path)
    assert sliced == whole(monkeypatch, path)


def test_errors_in_a_later_slice_name_the_right_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = prisoner_yaml("p9", "Жук Борис Ильич", "institution: IK-44\nstatus: jailed")
    path = data_file(tmp_path, *people(5), bad, people(1)[0])
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    assert caught.value.lines() == whole(monkeypatch, path)
    assert caught.value.lines()[0].startswith(f"{path}:25:18: prisoners[5].institution: unknown institution 'IK-44'")


@pytest.mark.parametrize("layout", [
    "version: 1\nprisoners:\n{items}institutions:\n  IK-77: {{name: ИК № 77, street: ул. Лесная, 1, "
    "postcode: '211000', locality: г. Орша}}\n",  # institutions after the list
    "version: 1\nprisoners: [{{id: a, name: Жук Борис Ильич, institution: IK-4}}]\n",  # flow style
    "version: 1\nprisoners:\n  - &one\n    id: a\n    name: Жук Борис Ильич\n    institution: IK-4\n"
    "  - {{<<: *one, id: b}}\n  - {{<<: *one, id: c}}\n",  # an anchor used in another slice
    "prisoners:\n  # nobody yet\n",  # no items
])
def test_layouts_that_cannot_be_cut_are_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    layout: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(layout.format(items="".join(people(3))), encoding="utf-8")
    try:
        result: object = load_dataset(path)
    except PostcardsError as err:
        result = err.lines()
    assert result == whole(monkeypatch, path)


def test_a_file_with_windows_line_ends_is_sliced_and_located_the_same(tmp_path: Path) -> None:
    bad = prisoner_yaml("p9", "Жук Борис Ильич", "institution: IK-44")
    unix = data_file(tmp_path, *people(3), bad, name="unix.yaml")
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(unix.read_bytes().replace(b"\n", b"\r\n"))
    assert split_list(read_text(windows), "prisoners") is not None
    with pytest.raises(PostcardsError) as caught:
        load_dataset(windows)
    assert caught.value.lines() == [line.replace("unix.yaml", "windows.yaml")
                                    for line in _lines(unix)]


def _lines(path: Path) -> list[str]:
    with pytest.raises(PostcardsError) as caught:
        load_dataset(path)
    return caught.value.lines()
