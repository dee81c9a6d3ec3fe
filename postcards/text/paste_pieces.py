"""Pasted address text cut into located pieces, each told apart by its form: the postcode, the
institution line, the street with its house, the locality, district and region, the country,
a unit or quarantine line, and what is left (the name, or a Latin locality).

Lines and commas cut the text; a house number after a street stays with it ("ул. Антошкина, 3"),
and a period cuts only after a number or a whole word ("ПК №4. 246035", never "г. Гомель").
Latin letters that look Cyrillic inside a Cyrillic word are put right first, each reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from postcards.shared.script import BELARUSIAN_APOSTROPHES, BELARUSIAN_ONLY, LOOKALIKES, is_cyrillic
from postcards.source.institutions import Registry, find_institution
from postcards.source.lookup import code_mentions, normalise

Kind = Literal["postcode", "number", "country", "unit", "institution", "street", "locality", "district",
               "region", "other"]

_SEPARATOR = re.compile(r"[,;]|\s/\s|\.(?=\s)")
_ABBREVIATIONS = frozenset((
    "просп", "вобл", "корп", "обл", "пос", "дер", "ул", "вул", "пер", "ag", "str", "ul", "vul", "no",
    "nr", "obl", "vobl", "zav", "shosse", "р-н", "r-n", "пр-т", "пр-кт", "а/я", "st", "g", "pr", "d",
))
_SIX_DIGITS = re.compile(r"(?<![\d/-])\d{6}(?![\d/-])")
_OTHER_DIGITS = re.compile(r"^\d{5}$|^\d{7,8}$")  # standalone: a postcode mistyped
_HOUSE = re.compile(r"^(?:(?:д|дом|d|house|no|№)\.?\s*)?\d{1,4}\s?[^\W\d_]?(?:\s?[/-]\s?\d{1,4}[^\W\d_]?)?$"
                    r"|^(?:кв|корп|к|kv|korp)\.?\s*\d{1,4}[^\W\d_]?$", re.IGNORECASE)
_COUNTRY = re.compile(r"^(?:республика беларусь|рэспубліка беларусь|беларусь|белоруссия|belarus|"
                      r"republic of belarus|рб)$")
_UNIT_WORD = re.compile(r"отряд\w*|отр|атрад\w*|unit|brigade|бригад\w*|карантин\w*|каранцін\w*|"
                        r"quarantine|камер\w*|кам|cell|cela|пкт|шизо|сектор\w*|локальн\w*|участ\w*")
_UNIT_NUMBER = re.compile(r"№|(?<!\w)(?:no|nr)\.?|#|\d+[^\W\d_]?|[.,:;\"'«»()-]")
_LOCALITY = re.compile(r"^(?:г\.?\s?п|гп|пгт|г|город|горад|аг|агрогородок|аграгарадок|пос|посёлок|"
                       r"поселок|п|д|дер|деревня|в|вёска|g|ag|gp)(?:\.\s*|\s+)(?=[^\W\d_])")
_STREET_START = re.compile(r"^(?:ул|улица|вул|вуліца|пр-т|пр-кт|пр|просп|проспект|пер|переулок|зав|"
                           r"завулак|ш|шоссе|шаша|пл|площадь|бул|бульвар|наб|тракт|а/я|ul|ulica|ulitsa|vul|"
                           r"vulica|pr|prospekt|per|zav|po box)(?:\.\s*|\s+)(?=\S)")
_STREET_INSIDE = re.compile(r"(?<![\w-])(?:ул|вул|ul|vul|пр-т|просп|пер)\.\s*(?=[^\W\d_])")
_STREET_ANYWHERE = re.compile(r"(?<![\w/-])(?:улица|вуліца|шоссе|шаша|проспект|переулок|бульвар|тракт|"
                              r"street|str|st|ulitsa|prospekt|shosse|shasha|avenue|po box|а/я)(?![\w-])")
_DISTRICT = re.compile(r"(?<!\w)(?:р-н|р-на|район\w*|раён\w*|r-n|district|rayon|raion)(?!\w)")
_REGION = re.compile(r"(?<!\w)(?:обл|област\w*|вобл|вобласц\w*|obl|oblast\w*|voblast\w*|vobl|region)(?!\w)")
_KIND_WORD = re.compile(r"колони|калоні|тюрьм|турм|изолятор|ізалятар|сизо|сіза|colony|prison|detention")
_BELARUSIAN_WORD = re.compile(r"(?<!\w)(?:вул|пк|горад|раён\w*|вобл|вобласц\w*|турма|вёска)(?!\w)")
_LABEL = re.compile(r"(?im)^ *(?:кому|куды|адрес(?: для писем)?|адрас(?: для лістоў)?|to|address)\s*:")
_TRIM = " \t.,;:\"'«»„“”"


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one pasted line: its text, where it starts (line and column from 1) and ends."""

    text: str
    line: int
    column: int
    end: int  # column after its last character
    kind: Kind = "other"


@dataclass(frozen=True, slots=True)
class Repair:
    """A word that had Latin look-alike letters among Cyrillic ones."""

    word: str
    fixed: str
    letters: str
    line: int
    column: int


def repair_lookalikes(text: str) -> tuple[str, tuple[Repair, ...]]:
    """`text` with Latin look-alikes inside Cyrillic words (and a house letter after digits in a
    Cyrillic line: "22A") made Cyrillic, and each word so repaired."""
    repairs: list[Repair] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        cyrillic_line = any(is_cyrillic(c) for c in line)

        def fix(found: re.Match[str], number: int = number, cyrillic_line: bool = cyrillic_line) -> str:
            word = found.group(0)
            latin = [c for c in word if c.isascii() and c.isalpha()]
            mixed = latin and any(is_cyrillic(c) for c in word)
            after_digit = found.string[:found.start()].rstrip(" ")[-1:].isdigit()
            house = cyrillic_line and len(word) == 1 and after_digit
            if not latin or not (mixed or house) or not all(c in LOOKALIKES for c in latin):
                return word
            fixed = "".join(LOOKALIKES.get(c, c) for c in word)
            repairs.append(Repair(word, fixed, "".join(dict.fromkeys(latin)), number + 1, found.start() + 1))
            return fixed

        lines[number] = re.sub(r"[^\W\d_]+", fix, line)
    return "\n".join(lines), tuple(repairs)


def foreign_script(text: str) -> str | None:
    """"Latin letters" or "Belarusian" when a line is not Russian Cyrillic, else None. Belarusian
    shows by its letters (і, ў, apostrophe) or its words (вул., ПК, горад, раён, вобласць)."""
    if any(c.isalpha() and not is_cyrillic(c) and c not in BELARUSIAN_APOSTROPHES for c in text):
        return "Latin letters"
    if set(text) & (BELARUSIAN_ONLY | BELARUSIAN_APOSTROPHES) or _BELARUSIAN_WORD.search(text.lower()):
        return "Belarusian"
    return None


def clean(text: str) -> str:
    """NFC, one kind of line end, tabs and no-break spaces as spaces, and a label at a line's
    start ("Кому:", "Адрес для писем:", "Address:") blanked out: columns count this text."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\t\u00a0\u2007\u202f]", " ", text)
    return _LABEL.sub(lambda found: " " * len(found.group(0)), text)


def cut(text: str, registry: Registry | None = None) -> list[Piece]:
    """The pieces of cleaned, repaired text, in order, each with its kind."""
    pieces: list[Piece] = []
    for number, line in enumerate(text.split("\n"), start=1):
        raw = [p for span in _spans(line, number) for p in _split_street(span)]
        pieces += _with_houses(line, [q for p in raw for q in _split_postcode(p)])
    return [replace(p, kind=_kind(p, registry)) for p in pieces]


def _spans(line: str, number: int) -> list[Piece]:
    pieces, start = [], 0
    for found in _SEPARATOR.finditer(line):
        if found.group(0) == "." and not _cuts_after(line[:found.start()]):
            continue
        pieces.append(_piece(line, number, start, found.start()))
        start = found.end()
    pieces.append(_piece(line, number, start, len(line)))
    return [p for p in pieces if p.text]


def _cuts_after(before: str) -> bool:
    """A period cuts after a number ("№4.") or a word that is no abbreviation ("Гомель.")."""
    token = before.split()[-1].lower() if before.split() else ""
    if not token or token[-1].isdigit():
        return bool(token)
    return token not in _ABBREVIATIONS and len(token.strip("№")) > 3


def _piece(line: str, number: int, start: int, end: int) -> Piece:
    text = line[start:end]
    left = len(text) - len(text.lstrip(_TRIM))
    body = text.strip(_TRIM)
    if body and text.rstrip(" ").endswith(".") and _keeps_period(body):
        body += "."  # "обл." keeps its period; "Гомель." does not
    return Piece(body, number, start + left + 1, start + left + 1 + len(body))


def _keeps_period(body: str) -> bool:
    last = body.split()[-1].lower()
    return last in _ABBREVIATIONS or (len(last) <= 3 and last.isalpha() and len(body.split()) > 1)


def _split_street(piece: Piece) -> list[Piece]:
    """"ИК-4 ул. Антошкина" -> the institution and the street (not "1 vul. Sikorskaha")."""
    found = _STREET_INSIDE.search(piece.text.lower(), 1)
    if found is None:
        return [piece]
    head = piece.text[:found.start()].rstrip(_TRIM)
    if not head or re.fullmatch(r"\d{1,4}\s?\w?", head):
        return [piece]
    at = piece.column + found.start()
    return [Piece(head, piece.line, piece.column, piece.column + len(head)),
            Piece(piece.text[found.start():], piece.line, at, piece.end)]


def _split_postcode(piece: Piece) -> list[Piece]:
    """A postcode is a piece of its own; what stands beside it ("213410 Gorki") is another."""
    found = _SIX_DIGITS.search(piece.text)
    if found is None:
        kind: Kind = "number" if _OTHER_DIGITS.match(piece.text) else "other"
        return [replace(piece, kind=kind)]
    code = Piece(found.group(0), piece.line, piece.column + found.start(), piece.column + found.end(),
                 "postcode")
    parts = []
    for start, end in ((0, found.start()), (found.end(), len(piece.text))):
        text = piece.text[start:end]
        body = text.strip(_TRIM)
        if body:
            at = piece.column + start + len(text) - len(text.lstrip(_TRIM))
            parts += _split_postcode(Piece(body, piece.line, at, at + len(body)))
    before = [p for p in parts if p.column < code.column]
    return [*before, code, *[p for p in parts if p.column > code.column]]


def _with_houses(line: str, pieces: list[Piece]) -> list[Piece]:
    """A house, flat or building number joins the street before it: "ул. Антошкина, 3"."""
    joined: list[Piece] = []
    for piece in pieces:
        previous = joined[-1] if joined else None
        if previous is not None and piece.kind == "other" and _HOUSE.match(piece.text) \
                and _street_like(previous):
            text = line[previous.column - 1: piece.end - 1]
            joined[-1] = Piece(text, previous.line, previous.column, piece.end)
        else:
            joined.append(piece)
    return joined


def _street_like(piece: Piece) -> bool:
    if piece.kind != "other" or _SIX_DIGITS.search(piece.text):
        return False
    lower = piece.text.lower()
    if _STREET_START.match(lower) or _STREET_ANYWHERE.search(lower):
        return True
    return not (_LOCALITY.match(lower) or _DISTRICT.search(lower) or _REGION.search(lower)
                or _KIND_WORD.search(lower) or _is_unit(lower) or _numbered(lower))


def _kind(piece: Piece, registry: Registry | None) -> Kind:
    if piece.kind != "other":
        return piece.kind
    lower = piece.text.lower().strip(_TRIM)
    if _COUNTRY.match(" ".join(lower.split())):
        return "country"
    if _is_unit(lower):
        return "unit"
    if _LOCALITY.match(lower):
        return "locality"
    if _STREET_START.match(lower):
        return "street"
    if _DISTRICT.search(lower):
        return "district"
    if _REGION.search(lower):
        return "region"
    if _names_institution(piece.text, registry):
        return "institution"
    if _STREET_ANYWHERE.search(lower) or (re.search(r"\d", lower) and re.search(r"[^\W\d_]{3}", lower)):
        return "street"
    return "other"


def _is_unit(lower: str) -> bool:
    """"отряд № 5", "unit No.14", "карантин": unit words and numbers only."""
    words = _UNIT_NUMBER.sub(" ", lower).split()
    return bool(words) and all(_UNIT_WORD.fullmatch(w) for w in words)


def _numbered(text: str) -> bool:
    """Whether the text names an institution by kind and number ("ИК № 4", "SIZO-1", "ST-1")."""
    return any(True for _ in code_mentions(normalise(text), ()))


def _names_institution(text: str, registry: Registry | None) -> bool:
    if _numbered(text):
        return True
    return bool(_KIND_WORD.search(normalise(text)) and find_institution(text, registry))
