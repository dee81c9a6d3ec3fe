"""Belarusian postcodes: six digits starting with 2, the first three naming the region
(DOMAIN.md section 1)."""

from __future__ import annotations

import re

# First three digits -> region (Wikipedia, "Почтовые индексы в Белоруссии").
POSTCODE_REGIONS = {
    "220": "Minsk city",
    "222": "Minsk region",
    "223": "Minsk region",
    "224": "Brest region",
    "225": "Brest region",
    "210": "Vitebsk region",
    "211": "Vitebsk region",
    "212": "Mogilev region",
    "213": "Mogilev region",
    "230": "Grodno region",
    "231": "Grodno region",
    "246": "Gomel region",
    "247": "Gomel region",
}
_SIX_DIGITS = re.compile(r"^[0-9]{6}$")


def postcode_error(code: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix) when `code` cannot be a Belarusian postcode."""
    if not _SIX_DIGITS.match(code):
        return (
            f"postcode '{code}' is not six digits",
            "a Belarusian postcode is six digits, no letters or spaces, e.g. 246035",
        )
    if not code.startswith("2"):
        return (
            f"postcode '{code}' is outside Belarus's range",
            "Belarusian postcodes start with 2; check the address at its source",
        )
    return None


def postcode_warning(code: str) -> str | None:
    """A note when a valid-looking postcode's prefix belongs to no region we know."""
    if code[:3] in POSTCODE_REGIONS:
        return None
    return (
        f"postcode '{code}' starts with {code[:3]}, which is not a region prefix we know "
        "(possible near region borders); check it before posting"
    )
