"""Keys of a data file's entries changed in place: a one-line value keeps its comment, a block
is replaced whole, a new key goes where the schema's order puts it, every other byte stays."""

from __future__ import annotations

import pytest

from postcards.shared.errors import PostcardsError
from postcards.source.records import load_text
from postcards.source.yamlupdate import Change, change_items

TEXT = ("# list\nversion: 1\nprisoners:\n"
        "  - id: a   # first\n    name: Чекина Людмила Юрьевна\n    institution: IK-4   # moved?\n"
        "    status: imprisoned  # since 2021\n    verified: 2023-01-01\n\n"
        "  - id: b\n    name: Лойко Анастасия Юрьевна\n    address:\n      name: ИК № 99   # made up\n"
        "      street: ул. Мирошниченко, 1\n      postcode: \"222615\"\n      locality: аг. Снов\n"
        "    # about her\n    about: x\n# end\n")


def test_one_line_values_keep_their_comments_and_new_keys_go_in_schema_order() -> None:
    new = change_items(TEXT, [Change(4, {"institution|address": ("  institution: SIZO-7",),
                                         "unit": ("  unit: отряд № 5",), "status": ("  status: released",)})], "x")
    assert new == TEXT.replace("IK-4   # moved?\n", "SIZO-7   # moved?\n    unit: отряд № 5\n").replace(
        "status: imprisoned  # since", "status: released  # since")
    assert load_text(new, "x").prisoners[0].unit == "отряд № 5"


def test_a_block_is_replaced_whole_and_a_missing_key_goes_after_its_neighbour() -> None:
    new = change_items(TEXT, [Change(10, {"institution|address": ("  institution: IK-4",),
                                          "verified": ("  verified: 2026-06-01",)})], "x")
    assert new == TEXT.replace("    address:\n      name: ИК № 99   # made up\n      street: ул. Мирошниченко, 1\n"
                               "      postcode: \"222615\"\n      locality: аг. Снов\n", "    institution: IK-4\n"
                               ).replace("    about: x\n", "    about: x\n    verified: 2026-06-01\n")
    assert [p.institution.code for p in load_text(new, "x").prisoners] == ["IK-4", "IK-4"]


def test_a_key_is_removed_and_windows_line_ends_are_kept() -> None:
    text = TEXT.replace("\n", "\r\n")
    new = change_items(text, [Change(4, {"status": None, "unit": None})], "x")
    assert new == text.replace("    status: imprisoned  # since 2021\r\n", "")


def test_an_entry_written_on_one_line_is_refused() -> None:
    text = "prisoners:\n  - {id: a, name: Чекина Людмила Юрьевна, institution: IK-4}\n"
    with pytest.raises(PostcardsError, match="x:2:5: cannot change this entry safely"):
        change_items(text, [Change(2, {"status": ("  status: released",)})], "x")
