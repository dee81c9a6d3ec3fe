"""The commands about message texts: `messages` lists the suggested ones, `lint` checks a
text against what prison censors stop."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import click

import postcards
from postcards.cli import report
from postcards.cli.options import library, templates_option
from postcards.shared.errors import PostcardsError
from postcards.shared.model import LANGUAGES
from postcards.shared.options import OCCASIONS
from postcards.shared.words import plural


@click.command()
@click.option("--lang", type=click.Choice(LANGUAGES), help="Only messages in this language.")
@click.option("--occasion", type=click.Choice(OCCASIONS), help="Only messages for this occasion.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "lang", "occasion", "text", "en", "writer_gender"}] for tools.')
@templates_option
def messages(lang: str | None, occasion: str | None, as_json: bool, templates: Path | None) -> None:
    """List the suggested messages, with their English translations.

    In the text, {name} becomes the person's name, {given} their given name, {одна|один} the
    form for their gender, and {я:рада|рад} the form for yours (--writer-gender)."""
    found = library(templates)
    chosen = [t for t in found.templates
              if (lang is None or t.lang == lang) and (occasion is None or t.occasion == occasion)]
    if as_json:
        click.echo(json.dumps([{"id": t.id, "lang": t.lang, "occasion": t.occasion, "text": t.text,
                                "en": t.english, "writer_gender": t.writer_forms} for t in chosen],
                              ensure_ascii=False, indent=2))
        return
    for template in chosen:
        needs = ", needs --writer-gender" if template.writer_forms else ""
        click.echo(f"{template.id} ({template.lang}, {template.occasion}{needs})")
        for line in template.text.splitlines():
            click.echo(f"  {line}")
        for line in (template.english or "").splitlines():
            click.echo(f"  en: {line}")
        click.echo()
    counts = Counter((t.lang, t.occasion) for t in chosen)
    summary = "; ".join(f"{lang_} {occ}: {n}" for (lang_, occ), n in counts.items())
    report.say(f"{plural(len(chosen), 'message')} ({summary or 'none match'}) in {found.file}.")


@click.command(name="lint")
@click.argument("text", required=False, metavar="TEXT|-")
@click.option("--file", "file", type=click.Path(path_type=Path), metavar="PATH",
              help="Check the text in this file (UTF-8) instead.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"word", "line", "column", "offset", "rule", "reason", "instead"}].')
@click.option("--rules", "show_rules", is_flag=True, help="List the rules instead of checking a text.")
def lint_command(text: str | None, file: Path | None, as_json: bool, show_rules: bool) -> None:
    """Check a message against what prison censors stop.

    TEXT is the message itself, or - to read it from standard input; --file PATH reads it
    from a file. A single word that names an existing file (message.txt) is read as that
    file, with a note saying so; one that looks like a file name but names none is refused,
    so a typo is not checked as if it were the message. One line per finding: where, the
    word, why, and what to write instead. Exit status 1 when anything is found, 0 when the
    text is clean."""
    if show_rules:
        from postcards.text.censor import bundled_rules, rule_summary

        for rule_id, reason, instead, patterns in rule_summary(bundled_rules()):
            click.echo(f"{rule_id}: {reason}" + (f"; instead: {instead}" if instead else ""))
            if patterns:
                click.echo(f"  {', '.join(patterns)}")
        return
    if (text is None) == (file is None):
        raise click.UsageError("give the text to check, - for standard input, or --file PATH (one of them)")
    source, body = _lint_input(text, file)
    if not body.strip():
        raise PostcardsError(f"{source}: there is no text to check", hint="give the message itself")
    findings = postcards.lint(body)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(finding.format(source))
        report.say(f"{source}: " + (f"{plural(len(findings), 'finding')}: the censor may stop this "
                                    "card" if findings else "nothing the censor rules flag"))
    if findings:
        sys.exit(1)


LINT_LIMIT_BYTES = 50_000_000  # a book; a card holds 400 characters
_FILE_NAME = re.compile(r"^[^\s]{1,255}\.(txt|text|md|msg|eml)$|^[^\s]*[/\\][^\s]*$", re.IGNORECASE)


def _lint_input(text: str | None, file: Path | None) -> tuple[str, str]:
    """(name for messages, text): a file, standard input, or the argument itself."""
    from postcards.shared.files import read_text

    if file is not None:
        return str(file), read_text(file, "a text file to check", limit=LINT_LIMIT_BYTES)
    assert text is not None
    if text == "-":
        too_large = f"over the limit of {LINT_LIMIT_BYTES // 1_000_000} MB of text"
        return "<stdin>", report.read_stdin(LINT_LIMIT_BYTES, too_large, "check it in parts")
    if not text or any(c.isspace() for c in text):
        return "<text>", text  # a sentence is never a file name
    path = Path(text)
    try:
        exists, is_file = path.exists(), path.is_file()
    except (OSError, ValueError):  # a name too long or with a NUL: not a file
        return "<text>", text
    if is_file:
        report.say(f"Checking the file {path} (--file {path} says so outright).")
        return str(path), read_text(path, "a text file to check", limit=LINT_LIMIT_BYTES)
    if exists:
        raise PostcardsError(f"{text}: is not a regular file", hint="give a text file with --file PATH")
    if _FILE_NAME.match(text):
        raise PostcardsError(f"{text}: no such file", hint="check the name; to check these words as "
                             "text, put them in a sentence")
    return "<text>", text
