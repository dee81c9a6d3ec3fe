"""The Belarus address block in UPU order (DOMAIN.md section 1), in Russian or in Belarusian.

`address_block` gives a block's lines and what the user should hear about them once: a line
printed in Russian for want of a Belarusian form, a word of a name the rules left as written.
`address_lines` is the Russian block's lines alone. The country line is REPUBLIC OF BELARUS,
in Latin capitals, in both; nothing here turns a Belarusian form into a Russian one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.model import Institution, PlaceForms, Prisoner
from postcards.shared.names import NameParts
from postcards.shared.options import AddressOptions, NameForm
from postcards.source.institutions import not_printable
from postcards.text.dative import dative_full_name

COUNTRY_LINE = "REPUBLIC OF BELARUS"
DEFAULT_ADDRESS = AddressOptions()
PLACE_LINES = ("name", "street", "locality", "district", "region")
LINE_NAMES = {"name": "institution line", "street": "street line", "locality": "locality",
              "district": "district line", "region": "region line"}


@dataclass(frozen=True)
class Block:
    """One person's address block, top line first, and what to tell the user about it."""

    lines: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()


def address_block(prisoner: Prisoner, options: AddressOptions = DEFAULT_ADDRESS) -> Block:
    """The block in `options.script`. Russian: as `address_lines`. Belarusian: the name from
    `dative_be:` (for a name known only in Belarusian, `dative:` too) or declined from
    `name.be`, the institution's lines from its `be` forms; each one missing is printed in
    Russian, with a warning naming the line."""
    if options.script == "be":
        return _belarusian_block(prisoner, options)
    lines = address_lines(prisoner, options)
    name = prisoner.name
    declined = (name.be_only and options.name_form == "dative" and not prisoner.dative
                and not prisoner.dative_be)
    return Block(lines, _undeclined(prisoner, name.ru, lines[0]) if declined else ())


def address_warnings(people: Iterable[Prisoner], options: AddressOptions = DEFAULT_ADDRESS
                     ) -> tuple[Problem, ...]:
    """What the blocks of `people` have to say, each warning once: a person with three cards,
    or thirty people held where the registry has no Belarusian street, hear it once."""
    found: dict[Problem, None] = {}
    seen: set[str] = set()
    for prisoner in people:
        if prisoner.id not in seen:
            seen.add(prisoner.id)
            found.update(dict.fromkeys(address_block(prisoner, options).warnings))
    return tuple(found)


def addressee_line(prisoner: Prisoner, form: NameForm = "dative") -> str:
    """The person's name as the Russian block carries it. A name known only in Belarusian
    goes in its Belarusian dative (`dative:`, else `dative_be:`, else declined)."""
    name = prisoner.name
    if form == "nominative":
        return name.ru.given_first()
    if prisoner.dative:
        return prisoner.dative
    if name.be_only:
        from postcards.text.dative_be import dative_full_name_be  # only for Belarusian names

        return prisoner.dative_be or dative_full_name_be(name.ru, prisoner.gender)
    return dative_full_name(name.ru, prisoner.gender)


def address_lines(prisoner: Prisoner, options: AddressOptions = DEFAULT_ADDRESS) -> tuple[str, ...]:
    """The Russian block from specific to general: name, institution, unit (when given), street,
    postcode and locality, district, region, country. Raises for an institution whose address
    is sourced only in Belarusian."""
    place = prisoner.institution
    if place.be_only:
        raise _belarusian_only_place(prisoner)
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


def _belarusian_only_place(prisoner: Prisoner) -> PostcardsError:
    code = prisoner.institution.code or prisoner.institution.postcode
    why, fix = not_printable(code) or (f"{code}'s address is sourced only in Belarusian",
                                       "copy the Russian address from a source into an inline address:")
    return PostcardsError(why, where=prisoner.where, field=f"{prisoner.field}.institution",
                          hint=f"print its Belarusian block (--script be), or {fix}")


# --- the Belarusian block ------------------------------------------------------------------

def _belarusian_block(prisoner: Prisoner, options: AddressOptions) -> Block:
    warnings: list[Problem] = []  # top line first
    name = _belarusian_name(prisoner, options.name_form, warnings)
    place = prisoner.institution
    be = place.be or PlaceForms()
    forms = {key: _place_line(prisoner, key, getattr(be, key), getattr(place, key), warnings)
             for key in PLACE_LINES}
    lines = [name, forms["name"] or "", *((prisoner.unit,) if prisoner.unit else ()), forms["street"] or "",
             f"{place.postcode}, {forms['locality']}"]
    lines += [part for part in (forms["district"], forms["region"]) if part]
    if options.country:
        lines.append(COUNTRY_LINE)
    return Block(tuple(lines), tuple(warnings))


def _belarusian_name(prisoner: Prisoner, form: NameForm, warnings: list[Problem]) -> str:
    be = prisoner.name.be
    exact = prisoner.dative_be or (prisoner.dative if prisoner.name.be_only else None)
    if form == "dative" and exact:
        return exact
    if be is None:
        line = addressee_line(prisoner, form)
        also = " (or dative_be: with the exact dative)" if form == "dative" else ""
        warnings.append(Problem(f"the name has no Belarusian form in the data: the Russian block's "
                                f"'{line}' is printed", prisoner.where, f"{prisoner.field}.name.be",
                                "add name.be: {surname: ..., given: ..., patronymic: ...}" + also))
        return line
    if form == "nominative":
        return be.given_first()
    from postcards.text.dative_be import dative_full_name_be  # only for a Belarusian block

    line = dative_full_name_be(be, prisoner.gender)
    warnings += _undeclined(prisoner, be, line)
    return line


def _undeclined(prisoner: Prisoner, parts: NameParts, line: str) -> tuple[Problem, ...]:
    """A warning for each word the Belarusian rules left as written, for want of certainty."""
    from postcards.text.dative_be import uncertain_forms_be

    found = []
    for doubt in uncertain_forms_be(parts, prisoner.gender):
        word, _, why = doubt.partition(": ")
        found.append(Problem(f"the Belarusian dative '{line}' leaves '{word}' as written: {why}",
                             prisoner.where, f"{prisoner.field}.dative_be",
                             "give the exact form under dative_be: when a source declines it"))
    return tuple(found)


def _place_line(prisoner: Prisoner, key: str, be: str | None, ru: str | None,
                warnings: list[Problem]) -> str | None:
    """The Belarusian form of one of the institution's lines, else the Russian one, said."""
    if be or not ru:
        return be
    place = prisoner.institution
    what = LINE_NAMES[key]
    message = f"the {what} has no Belarusian form: the Russian '{ru}' is printed"
    if place.code is None:  # an inline address: the person's own
        warnings.append(Problem(message, prisoner.where, f"{prisoner.field}.address.be.{key}",
                                f"add be: {{{key}: ...}} to the address, copied from a source"))
    else:  # the same for everyone held there: said once
        warnings.append(Problem(message, None, f"institutions.{place.code}.be.{key}",
                                _coded_hint(place, key)))
    return ru


def _coded_hint(place: Institution, key: str) -> str:
    return (f"give {place.code} under the data file's institutions: with its Russian lines and "
            f"be: {{{key}: ...}}, copied from a source")
