"""The Belarus address block in UPU order, and the postcode rules (DOMAIN.md section 1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .model import Prisoner
from .names import dative_full_name

COUNTRY_LINE = "REPUBLIC OF BELARUS"

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

NameForm = Literal["dative", "nominative"]


@dataclass(frozen=True)
class AddressOptions:
    name_form: NameForm = "dative"  # "nominative": given name first, as Libereco prints
    country: bool = True  # False for mail posted inside Belarus


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


def addressee_line(prisoner: Prisoner, form: NameForm = "dative") -> str:
    """The person's name as the envelope carries it."""
    if form == "nominative":
        return prisoner.name.ru.given_first()
    if prisoner.dative:
        return prisoner.dative
    return dative_full_name(prisoner.name.ru, prisoner.gender)


def address_lines(prisoner: Prisoner, options: AddressOptions = AddressOptions()) -> tuple[str, ...]:
    """The block from specific to general: name, institution, street, postcode and
    locality, district, region, country."""
    place = prisoner.institution
    lines = [
        addressee_line(prisoner, options.name_form),
        place.name,
        place.street,
        f"{place.postcode}, {place.locality}",
    ]
    lines += [part for part in (place.district, place.region) if part]
    if options.country:
        lines.append(COUNTRY_LINE)
    return tuple(lines)
