"""Where cards can be posted from: the package's `data/routes.yaml` read into typed routes
through the validated loader (a bad date or price is named by file, line and column), and a
country found by its code, another code people use for it, or its name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from yaml.nodes import Node, ScalarNode

from postcards.shared.errors import PostcardsError
from postcards.source.resources import data_file, read_yaml
from postcards.source.yamlsource import Reader, describe, did_you_mean, is_null, join

ROUTES_FILE = "routes.yaml"
Carriage = Literal["carried", "stopped", "unknown"]
CARRIAGES: tuple[Carriage, ...] = ("carried", "stopped", "unknown")
ROUTE_KEYS = ("name", "post", "also", "to_belarus", "since", "seen", "source", "reported", "postcard",
              "letter")
PRICE_KEYS = ("price", "currency", "since", "seen", "source", "weak", "note")
_DATED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PRICE = re.compile(r"^\d{1,4}(?:\.\d{1,2})?$")


@dataclass(frozen=True)
class Price:
    """A stamp's price, with when it held and who said so."""

    amount: Decimal
    currency: str  # ISO 4217: EUR, CHF
    since: str | None  # in force since, as precisely as the source says: 2025-01-01, 2022-04, 2023
    seen: str | None  # or known only to hold then
    source: str
    weak: bool = False  # a weak or unnamed source
    note: str | None = None  # "about that much, the price to Europe"


@dataclass(frozen=True)
class Route:
    """A country's post, and whether it carries mail to Belarus."""

    code: str
    name: str
    to_belarus: Carriage
    post: str | None = None
    since: str | None = None  # stopped since
    seen: str | None = None  # carried, as a source saw it then
    source: str | None = None
    reported: bool = False  # the stop is known second-hand
    postcard: Price | None = None
    letter: Price | None = None
    also: tuple[str, ...] = ()  # other codes people use for it (UK)

    @property
    def posts(self) -> str:
        """'Posti (Finland)', or 'the post of Poland'."""
        return f"{self.post} ({self.name})" if self.post else f"the post of {self.name}"


@dataclass(frozen=True)
class Routes:
    courier: str  # what groups do where the post carries nothing: couriers posting inside Belarus
    routes: Mapping[str, Route]

    def named(self, given: str, field: str = "--post-from") -> Route:
        """The route of a country code (any case), another code for it, or its name; an
        unknown one is an error with the closest and the known codes."""
        wanted = given.strip()
        for route in self.routes.values():
            if wanted.upper() in (route.code, *route.also) or wanted.casefold() == route.name.casefold():
                return route
        raise PostcardsError(f"no route known from '{given}'", field=field, hint=self._suggest(wanted))

    def _suggest(self, wanted: str) -> str:
        """'did you mean 'FI' (Finland)? known: ...': codes one letter away, else the closest name."""
        close = [code for code in self.routes if len(wanted) == 2 and
                 sum(a != b for a, b in zip(code, wanted.upper(), strict=True)) == 1]
        if not close:
            names = {r.name: r.code for r in self.routes.values()}
            found = did_you_mean(wanted, names).removeprefix("did you mean '").removesuffix("'?")
            close = [names[found]] if found else []
        known = ", ".join(f"{r.code} ({r.name})" for r in self.routes.values())
        if not close:
            return f"known: {known}"
        guesses = " or ".join(f"'{code}' ({self.routes[code].name})" for code in close)
        return f"did you mean {guesses}? known: {known}"


@cache
def routes() -> Routes:
    """The routes of the package's routes.yaml."""
    return load_routes(data_file(ROUTES_FILE))


def load_routes(path: Path) -> Routes:
    return read_yaml(path, _read_routes, "posting routes, like the package's data/routes.yaml")


def _read_routes(reader: Reader, root: Node) -> Routes:
    fields = reader.mapping(root, "", ("version", "courier", "routes"), required=("courier", "routes")) or {}
    courier = reader.text(fields["courier"], "courier") if "courier" in fields else None
    found = reader.table(fields["routes"], "routes", "a mapping of country codes to routes",
                         partial(_read_route, reader)) if "routes" in fields else {}
    return Routes(courier or "", MappingProxyType(found))


def _read_route(reader: Reader, code: str, key: Node, node: Node, path: str) -> Route | None:
    if not _CODE.match(code):
        reader.error(key, path, f"'{code}' is not a two-letter country code", "e.g. DE or FI")
        return None
    fields = reader.mapping(node, path, ROUTE_KEYS, required=("name", "to_belarus"))
    if fields is None or "name" not in fields or "to_belarus" not in fields:
        return None
    text = partial(_optional_text, reader, fields, path)
    chosen = reader.choice(fields["to_belarus"], join(path, "to_belarus"), CARRIAGES, "carriage")
    carriage = next((c for c in CARRIAGES if c == chosen), None)
    dates = {k: _dated(reader, fields[k], join(path, k)) for k in ("since", "seen") if k in fields}
    if carriage == "stopped" and "since" not in fields:
        reader.error(node, join(path, "since"), "missing: since when is no mail carried?", "add 'since:'")
    if carriage in ("carried", "stopped") and "source" not in fields:
        reader.error(node, join(path, "source"), "missing: who says so?", "add 'source:'")
    also = tuple(reader.each(fields["also"], join(path, "also"), partial(_code, reader))) \
        if "also" in fields else ()
    prices = {k: _price(reader, fields[k], join(path, k)) for k in ("postcard", "letter") if k in fields}
    return Route(code, text("name") or code, carriage or "unknown", text("post"), dates.get("since"),
                 dates.get("seen"), text("source"), _flag(reader, fields, "reported", path),
                 prices.get("postcard"), prices.get("letter"), also)


def _price(reader: Reader, node: Node, path: str) -> Price | None:
    fields = reader.mapping(node, path, PRICE_KEYS, required=("price", "currency", "source"))
    if fields is None or any(k not in fields for k in ("price", "currency", "source")):
        return None
    amount = _amount(reader, fields["price"], join(path, "price"))
    currency = reader.text(fields["currency"], join(path, "currency"))
    if currency is not None and not _CURRENCY.match(currency):
        reader.error(fields["currency"], join(path, "currency"), f"'{currency}' is not a currency code",
                     "three capital letters, e.g. EUR")
    dates = {k: _dated(reader, fields[k], join(path, k)) for k in ("since", "seen") if k in fields}
    weak = _flag(reader, fields, "weak", path)
    if not dates and not weak:
        reader.error(node, join(path, "since"), "missing: since when does the price hold?",
                     "add 'since:' (or 'seen:' for when it was seen), or 'weak: true'")
    source = reader.text(fields["source"], join(path, "source"))
    if amount is None or currency is None or source is None:
        return None
    return Price(amount, currency, dates.get("since"), dates.get("seen"), source, weak,
                 _optional_text(reader, fields, path, "note"))


def _amount(reader: Reader, node: Node, path: str) -> Decimal | None:
    raw = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    number = isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    try:
        amount = Decimal(raw) if number and _PRICE.match(raw) else None
    except InvalidOperation:
        amount = None
    if amount is None or amount <= 0:
        reader.error(node, path, f"expected a price like 1.25, found {describe(node)}",
                     "a number above 0 with at most two decimals, a dot before them")
        return None
    return amount


def _dated(reader: Reader, node: Node, path: str) -> str | None:
    """A date as precise as its source: YYYY-MM-DD, YYYY-MM or YYYY, one that exists."""
    raw = str(node.value).strip() if isinstance(node, ScalarNode) and not is_null(node) else ""
    match = _DATED.match(raw)
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in match.groups())
        date(year, month, day)
    except ValueError:
        reader.error(node, path, f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, found {describe(node)}",
                     "a date that exists, as precise as the source")
        return None
    return raw


def _code(reader: Reader, node: Node, path: str) -> str | None:
    value = reader.text(node, path)
    if value is not None and not _CODE.match(value):
        reader.error(node, path, f"'{value}' is not a two-letter code", "e.g. UK")
        return None
    return value


def _flag(reader: Reader, fields: dict[str, Node], key: str, path: str) -> bool:
    node = fields.get(key)
    if node is None:
        return False
    value = reader.scalar(node) if isinstance(node, ScalarNode) else None
    if not isinstance(value, bool):
        reader.error(node, join(path, key), f"expected true or false, found {describe(node)}")
        return False
    return value


def _optional_text(reader: Reader, fields: dict[str, Node], path: str, key: str) -> str | None:
    return reader.optional_text(fields.get(key), join(path, key))
