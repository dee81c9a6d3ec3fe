"""The one text-flow engine: wrapping at a width, breaking a long word only when asked, and
placing lines on pages or marking the flow overfull."""

from __future__ import annotations

import pytest
from helpers import MM
from hypothesis import given
from hypothesis import strategies as st

from postcards.layout import fonts
from postcards.layout.flow import Flow, wrap

WIDTH_PT = 120.0
SIZE_PT = 9.0


@given(st.lists(st.sampled_from(["Людмила", "Юрьевна", "ИК", "№", "4", "https://spring96.org/" + "x" * 60]),
                max_size=30))
def test_every_wrapped_line_fits_and_no_word_is_lost(words: list[str]) -> None:
    text = " ".join(words)
    lines = wrap(text, WIDTH_PT, SIZE_PT, break_words=True)
    assert lines is not None
    assert all(fonts.text_width(line, SIZE_PT) <= WIDTH_PT + 1e-9 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_word_wider_than_the_line_refuses_the_size_unless_breaking_is_asked_for() -> None:
    url = "https://prisoners.spring96.org/" + "x" * 100
    assert wrap(f"see {url}", WIDTH_PT, SIZE_PT) is None
    broken = wrap(f"see {url}", WIDTH_PT, SIZE_PT, break_words=True)
    assert broken is not None and len(broken) > 2 and "".join(broken[1:]) == url


def test_a_paged_flow_starts_a_new_page_and_an_unpaged_one_is_overfull() -> None:
    paged = Flow(10, 100, 60, 10, paged=True, break_words=False)
    unpaged = Flow(10, 100, 60, 10, paged=False, break_words=False)
    for flow in (paged, unpaged):
        for number in range(20):
            flow.paragraph(f"Line {number}", SIZE_PT)
    assert len(paged.pages()) > 1 and not paged.overfull
    assert len(unpaged.pages()) == 1 and unpaged.overfull
    for page in paged.pages():
        assert all(line.baseline_mm - fonts.regular().descent * SIZE_PT / MM >= 10 for line in page.lines)


def test_no_space_and_no_rule_at_the_top_of_a_page() -> None:
    flow = Flow(10, 100, 60, 10, paged=True, break_words=False)
    flow.rule(0.5, SIZE_PT)
    flow.space(1.0, SIZE_PT)
    flow.paragraph("First", SIZE_PT, rule_above=0.3)
    page = flow.page()
    assert page.rules == ()
    assert page.lines[0].baseline_mm == 60 - fonts.regular().ascent * SIZE_PT / MM


def test_columns_stand_side_by_side_and_the_flow_goes_on_below_the_longest() -> None:
    flow = Flow(10, 100, 60, 0, paged=False, break_words=False)
    flow.columns((("left 1", "left 2", "left 3"), ("right 1",)), SIZE_PT, 5)
    flow.paragraph("after", SIZE_PT)
    lines = {line.text: line for line in flow.page().lines}
    assert lines["left 1"].baseline_mm == lines["right 1"].baseline_mm
    assert lines["right 1"].x_mm == pytest.approx(10 + 47.5 + 5)
    assert lines["after"].baseline_mm < lines["left 3"].baseline_mm
    with pytest.raises(ValueError):
        Flow(10, 100, 60, 0, paged=True, break_words=False).columns((("a",), ("b",)), SIZE_PT, 5)
