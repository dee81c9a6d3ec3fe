"""The `released` command: a pasted release or transfer list matched against the data file,
and with --apply the matched entries changed to say so."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import postcards
from postcards.cli import report
from postcards.cli.options import data_path, load, today
from postcards.shared.errors import PostcardsError
from postcards.shared.words import people, plural

if TYPE_CHECKING:
    from postcards.text.namematch import Match, Matching

LIST_LIMIT_BYTES = 10_000_000  # a list of every political prisoner is well under 1 MB


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="[DATA] FILE|-")
@click.option("--apply", "apply_", is_flag=True,
              help="Change DATA: each person matched gets status: released, released: --date and "
                   "--source in sources: (comments and layout kept). Asks first on a terminal.")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The day of release or transfer (default: today).")
@click.option("--source", metavar="URL|TEXT",
              help="Where the list comes from, added to each changed entry's sources: (needed with --apply).")
@click.option("--moved", metavar="CODE",
              help="A transfer list: set institution: CODE (a registry code) and verified: --date instead.")
@click.option("--yes", is_flag=True,
              help="Apply without asking. Without a question (--yes, or no terminal) only the matches "
                   "marked sure are applied; the others are listed.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"matches": [...], "ambiguous": [[...]], "near": [...], "lines", "unmatched"}.')
def released(paths: tuple[str, ...], apply_: bool, day: str | None, source: str | None, moved: str | None,
             yes: bool, as_json: bool) -> None:
    """Match a release or transfer list against DATA, and with --apply record it.

    FILE (or - for standard input) is the list as news sites and Viasna publish it: one name
    a line or running text, in Russian, Belarusian or Latin letters, given name or surname
    first, with or without a patronymic, or with initials. A surname alone never matches, nor
    one with another given name (Виктор Бабарико is not Eduard Babaryka). A name that fits two
    people is listed and nothing is changed for it. Exit 1 when nobody matches."""
    if len(paths) > 2:
        raise click.UsageError("give at most DATA and FILE")
    data = Path(paths[0]) if len(paths) == 2 else None
    listed = paths[-1]
    when = today(day, "--date")
    if apply_ and not (source or "").strip():
        raise click.UsageError("--apply needs --source: where the list comes from (a URL, or a title "
                               "and a date)")
    dataset = load(data)
    matching = postcards.match_names(_read(listed), dataset)
    _show(matching, as_json)
    _summary(matching, dataset.file)
    if not matching.matches:
        raise PostcardsError(f"nobody in {'the list' if listed == '-' else listed} matches anyone in "
                             f"{dataset.file} unambiguously; nothing changed",
                             hint="check the names' spelling, or add the people to the data first")
    if not apply_:
        report.say("Nothing changed: add --apply --source URL to record them.")
        return
    _apply(data, matching, when, str(source).strip(), moved, yes or not _can_ask(listed))


def _read(listed: str) -> str:
    if listed == "-":
        return report.read_stdin(LIST_LIMIT_BYTES, f"over the limit of {LIST_LIMIT_BYTES // 1_000_000} MB "
                                 "of text", "match it in parts")
    from postcards.shared.files import read_text

    return read_text(Path(listed), "a release list: text, one name a line or running text", LIST_LIMIT_BYTES)


def _can_ask(listed: str) -> bool:
    """Whether a person is there to confirm: a terminal on standard input, not the list itself."""
    return listed != "-" and sys.stdin.isatty()


def _show(matching: Matching, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({
            "matches": [_row(m) for m in matching.matches],
            "ambiguous": [[_row(m) for m in group] for group in matching.ambiguous],
            "near": [{"line": n.line, "text": n.text, "id": n.prisoner_id, "why": n.why}
                     for n in matching.near],
            "lines": matching.lines, "unmatched": list(matching.unmatched)}, ensure_ascii=False, indent=2))
    elif matching.matches:
        rows = [("LINE", "ID", "HOW", "SURE", "AS PASTED")]
        rows += [(str(m.line), m.prisoner_id, m.how, "yes" if m.sure else "check", m.text)
                 for m in matching.matches]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for row in rows:
            click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _row(match: Match) -> dict[str, Any]:
    return {"line": match.line, "text": match.text, "id": match.prisoner_id, "how": match.how,
            "sure": match.sure}


def _summary(matching: Matching, file: str) -> None:
    for group in matching.ambiguous:
        ids = ", ".join(m.prisoner_id for m in group)
        report.say(f"line {group[0].line}: '{group[0].text}' fits {len(group)} people ({ids}): "
                   "nothing is changed for it.")
    for near in matching.near:
        report.say(f"line {near.line}: '{near.text}' is not {near.prisoner_id}: {near.why}.")
    unsure = len(set(matching.people()) - {m.prisoner_id for m in matching.matches if m.sure})
    report.say(f"{plural(matching.lines, 'line')}: {people(len(matching.people()))} of {file} named"
               + (f" ({unsure} to check)" if unsure else "")
               + (f", {len(matching.ambiguous)} ambiguous" if matching.ambiguous else "")
               + f", {plural(len(matching.unmatched), 'line')} naming no one.")


def _apply(data: Path | None, matching: Matching, when: date, source: str, moved: str | None,
           unasked: bool) -> None:
    path = data_path(data)
    from postcards.source.resources import bundled_data

    if path == bundled_data():
        raise PostcardsError(f"{path} is the list that ships with postcards: it is not changed",
                             hint="copy it to ./prisoners.yaml, or give your DATA file")
    if when > date.today():
        report.say(f"warning: --date {when} is after today")
    sure = {m.prisoner_id for m in matching.matches if m.sure}
    ids = [i for i in matching.people() if i in sure or not unasked]
    to_check = {m.prisoner_id: m for m in matching.matches if m.prisoner_id not in sure}
    for match in to_check.values() if unasked else ():
        report.say(f"Not applied without a confirmation: {match.prisoner_id} ('{match.text}', {match.how}); "
                   f"run it on a terminal to confirm, or change {path} by hand.")
    what = f"institution: {moved}" if moved else f"status: released, released: {when}"
    if not ids:
        raise PostcardsError("no match is sure enough to apply without a confirmation; nothing changed")
    named = ", ".join(i + (f" ({to_check[i].how}: '{to_check[i].text}')" if i in to_check else "")
                      for i in ids)
    if not unasked and not click.confirm(f"Set {what} for {named} in {path}?", err=True):
        report.say("Nothing changed.")
        return
    if moved:
        marked = postcards.mark_moved(path, ids, institution=moved, day=when, source=source)
    else:
        marked = postcards.mark_released(path, ids, day=when, source=source)
    if marked.unchanged:
        report.say(f"Already so in {path}: {', '.join(marked.unchanged)}.")
    if marked.changed:
        report.say(f"Changed {path}: {', '.join(marked.changed)} ({what}; source: {source}).")
