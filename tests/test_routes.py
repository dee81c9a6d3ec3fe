"""Where cards are posted from: the routes file's facts and its located errors, a country found
by code or name with a did-you-mean, and the postage in words."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from postcards.evening.posting import postage
from postcards.shared.errors import PostcardsError
from postcards.source.routes import load_routes, routes


def test_the_bundled_routes_are_the_dated_sourced_facts() -> None:
    found = routes().routes
    germany = found["DE"]
    assert (germany.to_belarus, germany.post) == ("carried", "Deutsche Post")
    assert germany.postcard is not None and germany.letter is not None
    assert (germany.postcard.amount, germany.postcard.currency, germany.postcard.since) == (
        Decimal("1.25"), "EUR", "2025-01-01")
    assert (germany.letter.amount, germany.letter.since) == (Decimal("1.25"), "2025-01-01")
    assert germany.postcard.source.startswith("briefmarken.de") and not germany.postcard.weak
    assert [(c, found[c].since, found[c].reported) for c in ("FI", "CZ", "PL", "SE", "DK", "AU")] == [
        ("FI", "2022-04-11", False), ("CZ", "2025-12-01", False), ("PL", "2022-04", True), ("SE", "2022-04", True),
        ("DK", "2022-04", True), ("AU", "2022-04", True)]
    assert all(found[c].to_belarus == "stopped" for c in ("FI", "CZ", "PL", "SE", "DK", "AU"))
    assert found["CZ"].source == "charter97.org, 2025-12-04"
    weak = {c: (found[c].postcard.amount, found[c].postcard.currency, found[c].postcard.weak)  # type: ignore[union-attr]
            for c in ("CH", "GB", "US")}
    assert weak == {"CH": (Decimal("1.80"), "CHF", True), "GB": (Decimal("3.40"), "GBP", True),
                    "US": (Decimal("1.65"), "USD", True)}
    assert "couriers who post them inside Belarus (belsat.eu)" in routes().courier


def routes_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "routes.yaml"
    path.write_text("version: 1\ncourier: Couriers post inside Belarus.\nroutes:\n"
                    + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "lines"), [
    ("DE:\n  name: Germany\n  to_belarus: carried\n  seen: 2023\n  source: x\n"
     "  postcard: {price: 1.25, currency: EUR, since: 2025-13-01, source: y}\n",
     ["{file}:9:51: routes.DE.postcard.since: expected a date YYYY-MM-DD, YYYY-MM or YYYY, found a date "
      "'2025-13-01'; a date that exists, as precise as the source"]),
    ("DE:\n  name: Germany\n  to_belarus: unknown\n  postcard: {price: '1,25', currency: EUR, since: 2025, source: y}\n"
     "  letter: {price: -1, currency: EUR, since: 2025, source: y}\n",
     ["{file}:7:23: routes.DE.postcard.price: expected a price like 1.25, found text '1,25'; a number above 0 "
      "with at most two decimals, a dot before them",
      "{file}:8:21: routes.DE.letter.price: expected a price like 1.25, found a number '-1'; a number above 0 "
      "with at most two decimals, a dot before them"]),
    ("FI:\n  name: Finland\n  to_belarus: stopped\n  source: x\n",
     ["{file}:5:5: routes.FI.since: missing: since when is no mail carried?; add 'since:'"]),
    ("FI:\n  name: Finland\n  to_belarus: stoped\n  since: 2022-04-31\n  source: x\n",
     ["{file}:6:17: routes.FI.to_belarus: unknown carriage 'stoped'; did you mean 'stopped'?",
      "{file}:7:12: routes.FI.since: expected a date YYYY-MM-DD, YYYY-MM or YYYY, found a date '2022-04-31'; "
      "a date that exists, as precise as the source"]),
    ("Finland:\n  name: Finland\n  to_belarus: unknown\n",
     ["{file}:4:3: routes.Finland: 'Finland' is not a two-letter country code; e.g. DE or FI"]),
    ("CH:\n  name: Switzerland\n  to_belarus: unknown\n  postcard: {price: 1.8, currency: chf, source: y}\n",
     ["{file}:7:38: routes.CH.postcard.currency: 'chf' is not a currency code; three capital letters, e.g. EUR",
      "{file}:7:15: routes.CH.postcard.since: missing: since when does the price hold?; add 'since:' (or "
      "'seen:' for when it was seen), or 'weak: true'"]),
])
def test_a_routes_file_with_a_bad_date_or_price_is_named_by_line(tmp_path: Path, body: str,
                                                                 lines: list[str]) -> None:
    path = routes_file(tmp_path, body)
    with pytest.raises(PostcardsError) as caught:
        load_routes(path)
    assert caught.value.lines() == [line.format(file=path) for line in lines]


def test_a_country_is_found_by_code_other_code_or_name() -> None:
    assert [routes().named(given).code for given in ("fi", "DE", " uk ", "Germany")] == ["FI", "DE", "GB", "DE"]


@pytest.mark.parametrize(("given", "guess"), [
    ("FU", "did you mean 'FI' (Finland) or 'AU' (Australia)? "),
    ("Germny", "did you mean 'DE' (Germany)? "),
    ("XX", ""),
])
def test_an_unknown_country_gets_a_did_you_mean(given: str, guess: str) -> None:
    with pytest.raises(PostcardsError) as caught:
        routes().named(given)
    assert caught.value.lines() == [
        f"--post-from: no route known from '{given}'; {guess}known: DE (Germany), FI (Finland), CZ (Czechia), "
        "PL (Poland), SE (Sweden), DK (Denmark), AU (Australia), CH (Switzerland), GB (United Kingdom), "
        "US (United States)"]


def test_the_postage_in_words() -> None:
    found = routes().routes
    assert postage(found["DE"], 12) == (
        'Postage from Germany: 12 cards × 1.25 EUR = 15.00 EUR, the postcard price since 2025-01-01 (source: '
        'briefmarken.de, "kein Postkarten-Entgelt mehr": a postcard abroad costs what a letter up to 20 g does).')
    assert postage(found["CH"], 1) == ("Postage from Switzerland: 1 card × 1.80 CHF = 1.80 CHF, the postcard "
                                       "price as seen in 2023 (weak source: no primary source at hand).")
    assert postage(found["US"], 2) == ("Postage from United States: 2 cards × 1.65 USD = 3.30 USD, the postcard "
                                       "price, undated (weak source: the Global Forever stamp).")
    assert postage(found["PL"], 5) == (
        "Postage from Poland: none to count: the post of Poland reportedly carries no mail to Belarus since "
        "April 2022 (spidersweb.pl; stefczyk.info, on Ukrposhta's report of UPU notices).")
    assert postage(None, 5) == ""  # no country named: nothing said
