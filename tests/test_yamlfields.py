"""People already in a data file changed as text: only the changed lines differ, the rest of the
file (comments, blank lines, quoting, line ends) stays byte for byte; what cannot be changed
safely is refused, and a change that would not load is never written."""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

import pytest
from helpers import data_file, prisoner_yaml

from postcards.shared.errors import PostcardsError
from postcards.source.yamlfields import Change, change_entries, change_lines

DATA = Path(__file__).parent / "data" / "released" / "people.yaml"
RELEASED = {"status": "released", "released": "2025-12-13"}


def changed(path: Path, before: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between `before` and the file now."""
    diff = list(difflib.ndiff(before.splitlines(), path.read_text(encoding="utf-8").splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_a_block_list_entry_changes_on_its_own_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(DATA.read_bytes())
    dataset = change_entries(path, [Change("zolatava", RELEASED, "https://rsf.org/...")])
    assert changed(path, DATA.read_text(encoding="utf-8")) == (
        ["    status: imprisoned"],
        ["    status: released", "    released: 2025-12-13", "      - https://rsf.org/..."])
    zolatava = next(p for p in dataset.prisoners if p.id == "zolatava")
    assert (zolatava.status, zolatava.released) == ("released", date(2025, 12, 13))
    assert "    # a comment above the status, kept where it is" in path.read_text(encoding="utf-8")


def test_a_comment_after_the_value_and_a_flow_list_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(DATA.read_bytes())
    change_entries(path, [Change("chekina", RELEASED, "Viasna, 2025-12-13")])
    assert changed(path, DATA.read_text(encoding="utf-8")) == (
        ["    status: imprisoned          # imprisoned | released | unknown",
         '    sources: ["https://example.org/open-letter"]   # flow style, kept so'],
        ["    status: released          # imprisoned | released | unknown",
         "    released: 2025-12-13",
         "    sources: [\"https://example.org/open-letter\", 'Viasna, 2025-12-13']   # flow style, kept so"])


def test_missing_keys_go_where_the_schema_puts_them(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(DATA.read_bytes())
    change_entries(path, [Change("loika", RELEASED, "https://www.hrw.org/...")])
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("  - id: loika")
    assert lines[start + 5:start + 11] == [
        "    institution: IK-4", "    status: released", "    released: 2025-12-13",
        "    verified: 2023-11-09        # no status: imprisoned by default, and no sources yet",
        "    sources:", "      - https://www.hrw.org/..."]


def test_a_source_already_there_is_not_added_twice() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    source = 'Human Constanta, open letter "No Dialogue Behind Bars", 2023-11-09'
    assert change_lines(lines, Change("zolatava", {}, source)) == lines
    assert change_lines(lines, Change("chekina", {}, "https://example.org/open-letter")) == lines


def test_windows_line_ends_and_a_byte_order_mark_stay(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    original = "\ufeff" + DATA.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    change_entries(path, [Change("zolatava", RELEASED, "https://rsf.org/...")])
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode()) and data.count(b"\r\n") == data.count(b"\n")
    assert data.count(b"\n") == original.count("\n") + 2  # released: and the source


def test_a_moved_person_gets_the_code_and_the_day(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(DATA.read_bytes())
    dataset = change_entries(path, [Change("loika", {"institution": "IK-9", "verified": "2026-01-15"},
                                           "Viasna, 2026-01-15")])
    loika = next(p for p in dataset.prisoners if p.id == "loika")
    assert (loika.institution.code, loika.verified) == ("IK-9", date(2026, 1, 15))
    assert changed(path, DATA.read_text(encoding="utf-8"))[0] == [
        "    institution: IK-4",
        "    verified: 2023-11-09        # no status: imprisoned by default, and no sources yet"]


def test_a_change_that_does_not_load_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_bytes(DATA.read_bytes())
    with pytest.raises(PostcardsError) as caught:
        change_entries(path, [Change("loika", {"institution": "IK-44"}, "x")])
    assert "unknown institution 'IK-44'" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == DATA.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.yaml"]  # no temporary file left


@pytest.mark.parametrize(("item", "why"), [
    ("- {id: x, name: Чекина Людмила Юрьевна, institution: IK-4}",
     "cannot change this file safely: it writes this entry in one flow mapping, or with an anchor"),
    ("- id: x\n  name: Чекина Людмила Юрьевна\n  institution: IK-4\n  status:\n    imprisoned",
     "cannot change this file safely: it writes status: over several lines"),
])
def test_layouts_that_cannot_be_changed_safely_are_refused(tmp_path: Path, item: str, why: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("prisoners:\n" + "".join(f"  {row}\n" for row in item.split("\n")), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(PostcardsError) as caught:
        change_entries(path, [Change("x", RELEASED, "s")])
    assert caught.value.lines()[0].startswith(f"{path}:") and why in caught.value.lines()[0]
    assert path.read_bytes() == before


def test_an_unknown_id_and_a_write_protected_file(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml())
    with pytest.raises(PostcardsError, match="no prisoner with id 'loika'"):
        change_entries(path, [Change("loika", RELEASED, "s")])
    os.chmod(path, 0o444)
    try:
        with pytest.raises(PostcardsError, match="is write-protected; not changing it"):
            change_entries(path, [Change("chekina", RELEASED, "s")])
    finally:
        os.chmod(path, 0o644)
