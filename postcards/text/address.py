"""The Belarus address block in UPU order (DOMAIN.md section 1)."""

from __future__ import annotations

from postcards.shared.model import Prisoner
from postcards.shared.options import AddressOptions, NameForm
from postcards.text.dative import dative_full_name
from postcards.text.dative_be import dative_full_name_be

COUNTRY_LINE = "REPUBLIC OF BELARUS"
DEFAULT_ADDRESS = AddressOptions()

def addressee_line(prisoner: Prisoner, form: NameForm = "dative") -> str:
    """The person's name as the envelope carries it. A name known only in Belarusian goes
    in its Belarusian dative (`dative:`, else `dative_be:`, else declined): never a Russian
    form made up from it."""
    name = prisoner.name
    if form == "nominative":
        return name.ru.given_first()
    if prisoner.dative:
        return prisoner.dative
    if name.be_only:
        return prisoner.dative_be or dative_full_name_be(name.ru, prisoner.gender)
    return dative_full_name(name.ru, prisoner.gender)


def address_lines(prisoner: Prisoner, options: AddressOptions = DEFAULT_ADDRESS) -> tuple[str, ...]:
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
