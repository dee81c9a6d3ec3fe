"""What each pasted piece is for (name, institution, street, ...), which institution the address
is, and the lines its card prints: the registry's Russian lines when the registry knows the
place (the paste may be Belarusian or Latin), else the pasted Russian lines as written.

When the paste names a registry institution but its postcode or street is not the registry's,
one detail off is taken for a slip in retyping: the registry's lines are printed (they are
sourced and dated) and a warning shows both. When both differ, the paste describes another
place (a move, a new address, a reused number), which the tool cannot settle from text: it
refuses, naming both, rather than send a card to the wrong prison.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from postcards.shared.errors import Problem, SourceLocation
from postcards.shared.model import Institution, Known, RecogniseOnly
from postcards.source.institutions import (
    CHECK_AT,
    Match,
    Registry,
    by_postcode_street,
    find_institution,
    known_institutions,
    not_printable,
    use_warnings,
)
from postcards.text.paste_names import is_name_shaped
from postcards.text.paste_pieces import Piece, foreign_script

PASTED = "<pasted>"  # the file name a location in pasted text gives
_CHECK = f"check the person's current address at {CHECK_AT}"
_GIVE_LINE = "add the institution line as the source gives it (e.g. ИК № 4)"


@dataclass
class Roles:
    """The pieces by what they say; `leftovers` are those that fit nowhere."""

    name: Piece | None = None
    postcodes: list[Piece] = field(default_factory=list)
    numbers: list[Piece] = field(default_factory=list)  # 5, 7 or 8 digits: a postcode mistyped?
    institution: Piece | None = None
    street: Piece | None = None
    locality: Piece | None = None
    district: Piece | None = None
    region: Piece | None = None
    units: list[Piece] = field(default_factory=list)
    countries: list[Piece] = field(default_factory=list)
    leftovers: list[Piece] = field(default_factory=list)


def assign(pieces: list[Piece], reads_as_name: Callable[[str], bool]) -> Roles:
    """Each piece to its role, the first of a kind winning. A piece of plain words before the
    address is the name; after it, a single word is the locality ("213410 Gorki"), and words
    that `reads_as_name` are the name (some pages put it last)."""
    roles = Roles()
    seen_address = False
    for piece in pieces:
        if piece.kind in ("postcode", "number", "unit", "country"):
            {"postcode": roles.postcodes, "number": roles.numbers, "unit": roles.units,
             "country": roles.countries}[piece.kind].append(piece)
            seen_address = seen_address or piece.kind == "postcode"
        elif piece.kind != "other":
            seen_address = True
            if getattr(roles, piece.kind) is None:
                setattr(roles, piece.kind, piece)
            else:
                roles.leftovers.append(piece)
        elif roles.name is None and ((not seen_address and is_name_shaped(piece.text))
                                     or (len(piece.text.split()) > 1 and reads_as_name(piece.text))):
            roles.name = piece
        elif roles.locality is None and not re.search(r"\d", piece.text):
            roles.locality = piece
        else:
            roles.leftovers.append(piece)
    return roles


@dataclass
class Notes:
    """What parsing found on the way: guesses, warnings and errors, each located in the text."""

    guesses: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def warn(self, piece: Piece | None, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(message, where(piece), None, hint))

    def error(self, piece: Piece | None, message: str, hint: str | None = None) -> None:
        self.errors.append(Problem(message, where(piece), None, hint))


def where(piece: Piece | None) -> SourceLocation:
    return SourceLocation(PASTED, piece.line, piece.column) if piece else SourceLocation(PASTED, 1, 1)


@dataclass(frozen=True)
class Place:
    """What the card prints, and the registry code when those are the registry's lines."""

    institution: Institution
    code: str | None


def resolve_place(roles: Roles, postcode: Piece, registry: Registry | None, notes: Notes) -> Place | None:
    known = registry or known_institutions()
    if roles.institution is None:
        return _unnamed(roles, postcode, known, notes)
    matches = find_institution(roles.institution.text, known)
    if matches:
        return _named(roles, postcode, matches, known, notes)
    return _unknown(roles, postcode, known, notes)


def _named(roles: Roles, postcode: Piece, matches: list[Match], known: Registry,
           notes: Notes) -> Place | None:
    named = roles.institution
    assert named is not None
    chosen = next((m for m in matches if m.entry.postcode == postcode.text), matches[0])
    entry, code = chosen.entry, chosen.code
    if entry.postcode is None:
        return _recognise_only(roles, postcode, code, known, notes)
    street = roles.street.text if roles.street else None
    agrees = _street_agrees(code, entry.postcode, street, known)
    if entry.postcode != postcode.text and agrees is not True:
        pasted = ", ".join(p for p in (postcode.text, street) if p)
        notes.error(named, f"'{named.text}' is {code}, but the pasted address ({pasted}) is not "
                    f"{code}'s in the registry ({_lines(entry)})",
                    f"{_CHECK}; if the person was moved, give the new address with its own institution line")
        return None
    if not isinstance(entry, Institution):
        return _recognise_only(roles, postcode, code, known, notes)
    if entry.postcode != postcode.text:
        notes.warn(postcode, f"the pasted postcode {postcode.text} is not {code}'s {entry.postcode} in the "
                   "registry; the registry's lines are printed", _CHECK)
    if agrees is False:
        notes.warn(roles.street, f"the pasted street '{street}' is not {code}'s '{entry.street}' in the "
                   "registry; the registry's lines are printed", _CHECK)
    notes.guesses.append(f"institution {code} recognised from '{named.text}'")
    return _registry_lines(entry, code, roles, notes)


def _unknown(roles: Roles, postcode: Piece, known: Registry, notes: Notes) -> Place | None:
    """An institution line the registry does not know ("ИК № 77")."""
    named = roles.institution
    assert named is not None
    street = roles.street.text if roles.street else None
    there = [m for m in by_postcode_street(postcode.text, street, known) if m.street_agrees]
    if there:
        notes.error(named, f"the registry does not know '{named.text}', but {postcode.text}, {street} is "
                    f"the address of {there[0].code} ({_lines(there[0].entry)})",
                    f"{_CHECK}, and give the institution line it shows")
        return None
    if street is None:
        notes.error(named, f"the registry does not know '{named.text}', and there is no street to go by",
                    f"add the street and house as the source gives them, or {_CHECK}")
        return None
    return _as_pasted(roles, postcode, notes, "the registry does not know the institution")


def _unnamed(roles: Roles, postcode: Piece, known: Registry, notes: Notes) -> Place | None:
    """No institution line: the registry's entry with the postcode and street, if there is one."""
    street = roles.street.text if roles.street else None
    found = by_postcode_street(postcode.text, street, known)
    fits = [m for m in found if m.street_agrees] if street else [m for m in found if m.current]
    if street is None and len(fits) > 1:
        notes.error(postcode, f"there is no institution line, and {len(fits)} institutions have the "
                    f"postcode {postcode.text}", _GIVE_LINE)
        return None
    if not fits:
        at = f"{postcode.text}, {street}" if street else postcode.text
        there = f" (at {postcode.text} it knows {', '.join(m.code for m in found)}, on another street)" \
            if found else ""
        notes.error(roles.street or postcode, f"there is no institution line, and the registry knows none "
                    f"at {at}{there}", _GIVE_LINE)
        return None
    code, entry = fits[0].code, fits[0].entry
    if not isinstance(entry, Institution):
        return _recognise_only(roles, postcode, code, known, notes)
    how = "postcode {} and street" if street else "postcode {} alone (no street was given)"
    notes.guesses.append(f"institution {code} recognised from {how.format(postcode.text)}")
    return _registry_lines(entry, code, roles, notes)


def _registry_lines(entry: Institution, code: str, roles: Roles, notes: Notes) -> Place:
    at = roles.institution or roles.street
    for message, hint in use_warnings(entry):
        notes.warn(at, message, hint)
    script = foreign_script(" ".join(p.text for p in (roles.institution, roles.street, roles.locality) if p))
    if script is not None:
        language = "Latin" if script == "Latin letters" else script
        notes.guesses.append(f"{language} address of {code} printed as the registry's Russian lines")
    for piece in roles.leftovers:
        notes.warn(piece, f"'{piece.text}' left out: the registry's lines for {code} are printed")
    return Place(entry, code)


def _recognise_only(roles: Roles, postcode: Piece, code: str, known: Registry, notes: Notes) -> Place | None:
    """A registry entry with no Russian address to print: the paste's own Russian lines, if whole."""
    why = (not_printable(code, known) or (f"the registry has no Russian address for {code}", ""))[0]
    if _whole_russian(roles):
        notes.warn(roles.institution, f"{why}: the pasted Russian lines are printed as written", _CHECK)
        return _as_pasted(roles, postcode, notes, f"{code} has no Russian address in the registry")
    notes.error(roles.institution or postcode, why,
                f"paste the address in Russian Cyrillic from the person's page at {CHECK_AT}")
    return None


def _whole_russian(roles: Roles) -> bool:
    pieces = (roles.institution, roles.street, roles.locality, roles.district, roles.region)
    whole = roles.institution is not None and roles.street is not None and roles.locality is not None
    return whole and all(p is None or foreign_script(p.text) is None for p in pieces)


def _as_pasted(roles: Roles, postcode: Piece, notes: Notes, why: str) -> Place | None:
    """The pasted lines as the address, when they are whole and in Russian Cyrillic."""
    parts = {"institution line": roles.institution, "street": roles.street, "locality": roles.locality}
    missing = [what for what, piece in parts.items() if piece is None]
    if missing:
        notes.error(roles.institution or postcode, f"{why}, and the address has no {' or '.join(missing)}",
                    f"paste the whole address as its source gives it, or {_CHECK}")
        return None
    for piece in (roles.institution, roles.street, roles.locality, roles.district, roles.region):
        if piece is None:
            continue
        script = foreign_script(piece.text)
        if script:
            notes.error(piece, f"'{piece.text}' is in {script}, and {why}: a card's address is printed in "
                        "Russian, never made up from another script",
                        f"copy the address in Russian Cyrillic from the person's page at {CHECK_AT}")
            return None
    for piece in roles.leftovers:
        notes.error(piece, f"cannot tell what '{piece.text}' is",
                    "remove it, or put it on the line it belongs to")
    assert roles.institution and roles.street and roles.locality
    notes.guesses.append(f"address printed as pasted: {why}")
    return Place(Institution(
        name=roles.institution.text, street=re.sub(r"^улица\s+", "ул. ", roles.street.text),
        postcode=postcode.text, locality=re.sub(r"^город\s+", "г. ", roles.locality.text),
        district=roles.district.text if roles.district else None,
        region=roles.region.text if roles.region else None), None)


def _street_agrees(code: str, postcode: str, street: str | None, known: Registry) -> bool | None:
    found = by_postcode_street(postcode, street, known)
    return next((m.street_agrees for m in found if m.code == code), None)


def _lines(entry: Known) -> str:
    if isinstance(entry, RecogniseOnly):
        return entry.address_latin_seen or entry.postcode or entry.code
    return f"{entry.name}, {entry.street}, {entry.postcode}, {entry.locality}"
