"""The `institutions` command: the built-in registry as a table, or as JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import click

from postcards.cli import report
from postcards.cli.options import today as when
from postcards.shared.model import Institution, Known, PlaceForms
from postcards.shared.words import plural

LABELS = {"printable": "printable", "closed": "closed", "composite": "composite", "latin_only": "Latin only",
          "be_only": "Belarusian only", "no_address": "no address", "incomplete": "incomplete",
          "unknown": "status unknown"}


@click.command()
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"code", "printable", "lines", "ru", "be", "postcode", "aliases", "seen", '
                   '"age_days", "status", "flags", "completeness", "composite", "closed", '
                   '"address_latin_seen", "replaced_by", "reused_code", "sources"}].')
@click.option("--printable", "printable_only", is_flag=True,
              help="Only the institutions a card can be addressed to in Russian.")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Count the ages of addresses from this day (default: today).")
def institutions(as_json: bool, printable_only: bool, today: str | None) -> None:
    """List the built-in institutions, with the age of each address.

    Each entry's address lines, when a source last showed the address and how old that is,
    and whether it is closed, composite, or known only in Latin letters or Belarusian (kept
    so that free text naming it is recognised, never printed). The lines of a printable
    entry are those a card carries; check them at prisoners.spring96.org before posting."""
    from postcards.source.institutions import CHECK_AT, known_institutions

    day = when(today)
    registry = known_institutions()
    entries = [e for e in registry.entries.values() if isinstance(e, Institution) or not printable_only]
    if as_json:
        click.echo(json.dumps([summary(e, day) for e in entries], ensure_ascii=False, indent=2))
    else:
        rows = [("CODE", "INSTITUTION", "POSTCODE, LOCALITY", "SEEN", "AGE", "STATUS")]
        _table(rows + [_row(e, day) for e in entries])
    printable = registry.institutions.values()
    report.say(f"{plural(len(entries), 'institution')}: {len(printable)} printable in Russian "
               f"({sum(p.completeness == 'composite' for p in printable)} composite, "
               f"{sum(p.closed is not None for p in printable)} closed)"
               + ("" if printable_only else f", {len(registry.recognise_only)} known only to recognise them")
               + f". Addresses go stale: check them at {CHECK_AT} before posting.")


def summary(entry: Known, day: date) -> dict[str, Any]:
    """One entry as `institutions --json` prints it."""
    from postcards.source.institutions import address_age, flags

    printable = isinstance(entry, Institution)
    return {
        "code": entry.code, "printable": printable, "lines": list(_lines(entry)),
        "ru": None if isinstance(entry, Institution) else _forms(entry.ru),
        "be": _forms(entry.be), "postcode": entry.postcode, "aliases": list(entry.aliases),
        "seen": entry.seen, "age_days": address_age(entry, day), "status": entry.status,
        "flags": list(flags(entry)), "completeness": entry.completeness, "composite": entry.composite,
        "closed": entry.closed, "address_latin_seen": entry.address_latin_seen,
        "replaced_by": entry.replaced_by, "reused_code": entry.reused_code,
        "sources": [{k: v for k, v in (("url", c.url), ("title", c.title), ("date", c.date), ("what", c.what))
                     if v is not None} for c in entry.citations],
    }


def _lines(entry: Known) -> tuple[str, ...]:
    """The institution's lines on a card (under the person's name), for a printable entry."""
    if not isinstance(entry, Institution):
        return ()
    return tuple(p for p in (entry.name, entry.street, f"{entry.postcode}, {entry.locality}",
                             entry.district, entry.region) if p)


def _forms(forms: PlaceForms | None) -> dict[str, str] | None:
    if forms is None:
        return None
    parts = (("name", forms.name), ("street", forms.street), ("locality", forms.locality),
             ("district", forms.district), ("region", forms.region))
    return {k: v for k, v in parts if v is not None}


def _row(entry: Known, day: date) -> tuple[str, ...]:
    from postcards.source.institutions import address_age, flags

    if isinstance(entry, Institution):
        name, locality = entry.name, entry.locality
    else:
        ru, be = entry.ru or PlaceForms(), entry.be or PlaceForms()
        name, locality = ru.name or be.name or "", ru.locality or be.locality or ""
    place = ", ".join(p for p in (entry.postcode, locality) if p)
    age = address_age(entry, day)
    shown_age = "?" if age is None else f"{age // 365} y {age % 365} d"
    status = ", ".join(LABELS[f] for f in flags(entry))
    return (str(entry.code), name, place or "-", entry.seen or "", shown_age, status)


def _table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
