"""Text pages for an evening: paragraphs wrapped inside the margins and flowed onto new pages."""

from __future__ import annotations

import pytest
from helpers import MM

from postcards.layout import fonts
from postcards.layout.pages import PAGE_MARGIN_MM, flow
from postcards.layout.sheet import papers
from postcards.shared.errors import PostcardsError
from postcards.text.outline import Para, item, title


def test_long_text_flows_onto_more_pages_and_stays_inside_the_margins() -> None:
    paper = papers()["a4"]
    url = "https://prisoners.spring96.org/" + "x" * 400  # one word wider than the page
    pages = flow([title("Title"), *(item(f"{i}. Someone, somewhere") for i in range(80)), Para(url)], paper)
    assert len(pages) >= 2
    lines = [line for page in pages for line in page.lines]
    assert "".join(line.text for line in lines if line.text.startswith(("https", "x"))) == url
    for line in lines:
        assert line.x_mm >= PAGE_MARGIN_MM
        assert line.x_mm + fonts.text_width(line.text, line.size_pt) / MM <= paper.page_width_mm - PAGE_MARGIN_MM
        assert PAGE_MARGIN_MM <= line.baseline_mm <= paper.page_height_mm - PAGE_MARGIN_MM


def test_a_character_the_font_lacks_points_to_the_check_command() -> None:
    with pytest.raises(PostcardsError) as caught:
        flow([Para("ИК № 4 ✿")], papers()["a4"])
    assert caught.value.lines() == ["a summary or cover sheet has characters the font cannot draw: '✿' (U+273F) in "
                                    "'ИК № 4 ✿'; `postcards check` names the record; remove or replace them there"]
