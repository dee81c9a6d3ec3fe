"""The Belarus address block in UPU order (DOMAIN.md section 1)."""

from __future__ import annotations

from postcards.shared.model import Prisoner
from postcards.shared.options import AddressOptions, NameForm
from postcards.text.dative import dative_full_name

COUNTRY_LINE = "REPUBLIC OF BELARUS"
DEFAULT_ADDRESS = AddressOptions()

def addressee_line(prisoner: Prisoner, form: NameForm = "dative") -> str:
    """The person's name as the envelope carries it."""
    if form == "nominative":
        return prisoner.name.ru.given_first()
    if prisoner.dative:
        return prisoner.dative
    return dative_full_name(prisoner.name.ru, prisoner.gender)


def address_lines(prisoner: Prisoner, options: AddressOptions = DEFAULT_ADDRESS) -> tuple[str, ...]:
    """The block from specific to general: name, institution, unit (when given), street,
    postcode and locality, district, region, country."""
    place = prisoner.institution
    lines = [
        addressee_line(prisoner, options.name_form),
        place.name,
        *((prisoner.unit,) if prisoner.unit else ()),
        place.street,
        f"{place.postcode}, {place.locality}",
    ]
    lines += [part for part in (place.district, place.region) if part]
    if options.country:
        lines.append(COUNTRY_LINE)
    return tuple(lines)
