"""The files that travel with the tool are read one way: a broken copy of any of them gives
errors located in the file, and what is cached from them cannot be changed by a caller."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import broken_copy

from postcards.layout.sheet import load_papers, papers
from postcards.shared.errors import PostcardsError
from postcards.source.institutions import builtin_registry, load_registry
from postcards.source.resources import data_file, template_file
from postcards.text.censor import bundled_rules, load_rules
from postcards.text.crib import article_meanings, load_articles
from postcards.text.messages import bundled_library, load_library
from postcards.text.translit import load_transliteration

# (loader, the package file, a line of it, that line broken, what is then wrong at its start)
BROKEN: list[tuple[Callable[[Path], object], Path, str, str, str]] = [
    (load_rules, data_file("censor.yaml"), "  - id: freedom", "  - idd: freedom",
     "rules[1].idd: unknown key 'idd'; did you mean 'id'?"),
    (load_registry, data_file("institutions.yaml"), '    postcode: "220030"', '    postcode: "22003O"',
     "institutions.SIZO-1.postcode: postcode '22003O' is not six digits; a Belarusian postcode is six "
     "digits, no letters or spaces, e.g. 246035"),
    (load_papers, data_file("papers.yaml"), "    grid: [1, 1]", "    grid: [1, one]",
     "papers.a6.grid[1]: expected a whole number, found text 'one'"),
    (load_papers, data_file("papers.yaml"), "    card: [148, 105]", "    card: [148, 150]",
     "papers.a4.card: 2 x 2 cards of 148 x 150 mm do not fit a 297 x 210 mm page; make the cards "
     "smaller or the grid narrower"),
    (load_articles, data_file("articles.yaml"), '  "130": inciting hatred or discord', '  "130": [inciting]',
     "articles.130: expected text, found a list; put the text in quotes"),
    (load_articles, data_file("articles.yaml"), '  "130": inciting hatred or discord',
     '  "art 130": inciting hatred or discord',
     "articles.art 130: 'art 130' is not an article number; write it as the code does, e.g. \"361\" or \"361-1\""),
    (load_transliteration, data_file("translit-be.yaml"), "mapping: {а: a,", "mapping: {а: а,",
     "mapping.а: 'а' is not lower-case Latin letters"),
    (load_library, template_file("messages.yaml"), "closings:", "closing:",
     "closing: unknown key 'closing'; did you mean 'closings'?"),
]


@pytest.mark.parametrize(("load", "original", "line", "broken", "problem"), BROKEN,
                         ids=[f"{b[1].name}:{b[3].strip()}" for b in BROKEN])
def test_a_broken_copy_of_a_package_file_gives_a_located_error(
        tmp_path: Path, load: Callable[[Path], object], original: Path, line: str, broken: str,
        problem: str) -> None:
    load(original)  # the package's own copy is valid
    copy, number = broken_copy(original, tmp_path, line, broken)
    with pytest.raises(PostcardsError) as caught:
        load(copy)
    first = caught.value.lines()[0]
    assert first.startswith(f"{copy}:{number}:") and first.endswith(problem), first


@pytest.mark.parametrize("load", [load_rules, load_registry, load_papers, load_articles,
                                  load_transliteration, load_library])
def test_an_empty_or_missing_file_is_named(tmp_path: Path, load: Callable[[Path], object]) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load(empty)
    assert str(caught.value).startswith(f"{empty}:1:1: the file is empty; it should hold ")
    with pytest.raises(PostcardsError) as caught:
        load(tmp_path / "nowhere.yaml")
    assert str(caught.value).startswith(f"{tmp_path / 'nowhere.yaml'}: no such file; give the path to ")


def test_what_is_cached_from_package_files_cannot_be_changed() -> None:
    library = bundled_library()
    for mapping in (papers(), builtin_registry(), article_meanings(), bundled_rules().index,
                    library.greetings, library.greetings["formal"], library.closings, library.seasons):
        key = next(iter(mapping))
        with pytest.raises(TypeError):
            mapping[key] = mapping[key]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        papers()["a4"].columns = 3  # type: ignore[misc]
    assert isinstance(library.templates, tuple) and isinstance(bundled_rules().rules, tuple)
