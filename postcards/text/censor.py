"""The censor check: which words in a message a prison censor would stop, and why.

The rules are data (`data/censor.yaml`, read by `censor_rules`): Russian words as lemmas,
matched in every form through a morphological analyser (боремся, борющимся: бороться),
Belarusian ones as stems and forms, phrases with up to two words inserted, and exceptions
for innocent words that look alike (судя is not суд). The text is read through disguises
(`censor_words`: Лука-шенко, Ж.ы.в.е, св0б0да, Latin look-alikes). Four rules look at a
word's shape instead: Latin letters, digits used as a code, abbreviations, percent codes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from postcards.shared.errors import Problem, SourceLocation
from postcards.shared.script import foreign_letters, is_cyrillic
from postcards.text.censor_match import pattern_matches
from postcards.text.censor_rules import Rule, Rules, bundled_rules, load_rules, normalise, rule_summary
from postcards.text.censor_words import Reading, Token, tokens

__all__ = ["Finding", "bundled_rules", "lint", "load_rules", "normalise", "rule_summary"]

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?")
_TIME = re.compile(r"\d{1,2}:\d{1,2}")  # a time (10:30) or a score (3:1)
_DECIMAL = re.compile(r"\d{1,4},\d{1,3}")
# after a number: 97%, 3 %, 97 процентов, 3 працэнты
_PERCENT = re.compile(r"[ \u00a0\u202f]?%|[ \u00a0\u202f]+(?:процент|працэнт)\w*", re.IGNORECASE)
ABBREVIATION_LETTERS = range(2, 6)  # an all-capital word this long, alone, reads as an abbreviation

PIECE_CHARS = 65_536  # a long text is checked a piece at a time: memory stays flat


@dataclass(frozen=True)
class Finding:
    word: str  # as written
    offset: int  # 0-based character offset in the text
    line: int
    column: int
    rule: str
    reason: str
    instead: str | None

    def problem(self, source: str) -> Problem:
        where = SourceLocation(source, self.line, self.column)
        return Problem(f"'{self.word}' ({self.rule}): {self.reason}", where,
                       hint=f"instead: {self.instead}" if self.instead else None)

    def format(self, source: str) -> str:
        """`SOURCE:LINE:COLUMN: 'word' (rule): reason; instead: suggestion`."""
        return self.problem(source).format()

    def as_dict(self) -> dict[str, object]:
        return {"word": self.word, "line": self.line, "column": self.column, "offset": self.offset,
                "rule": self.rule, "reason": self.reason, "instead": self.instead}


def lint(text: str, rules: Rules | None = None, template: bool = False) -> list[Finding]:
    """Every finding in `text`, in reading order. With `template`, placeholders such as
    {name} are skipped and both forms of {одна|один} are checked where they stand."""
    rules = rules or bundled_rules()
    lines = _LineStarts(text)
    findings: list[Finding] = []
    for offset, segment in _segments(text, template):
        findings.extend(_lint_segment(segment, offset, lines, rules))
    findings.sort(key=lambda f: f.offset)
    return findings


def _segments(text: str, template: bool) -> Iterator[tuple[int, str]]:
    """Pieces of `text` to check alone, each with its offset. A template's placeholders are
    blanked in the main text; each form of a {ж|м} choice is a piece of its own."""
    if not template:
        yield from _pieces(text)
        return
    main = list(text)
    for match in _PLACEHOLDER.finditer(text):
        main[match.start():match.end()] = " " * (match.end() - match.start())
        inner, inner_start = match.group(1), match.start(1)
        if "|" not in inner:
            continue
        if ":" in inner.split("|")[0]:  # {я:рада|рад}: the writer's forms
            skip = inner.index(":") + 1
            inner, inner_start = inner[skip:], inner_start + skip
        position = inner_start
        for form in inner.split("|"):
            yield position, form
            position += len(form) + 1
    yield 0, "".join(main)


def _pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """A long text in pieces of about `size` characters, each ending at a paragraph break
    (else a line break), so that checking a book holds one piece's words at a time. A phrase
    is matched within a paragraph; only one running over a line break where a paragraph
    longer than `size` had to be cut could be missed."""
    start = 0
    while len(text) - start > size:
        end = text.find("\n\n", start + size)
        if end < 0 or end - start > 4 * size:
            end = text.find("\n", start + size)
        if end < 0:
            break
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _lint_segment(segment: str, offset: int, lines: _LineStarts, rules: Rules) -> list[Finding]:
    found = tokens(segment)
    reading = Reading(segment, found)
    spans: list[tuple[int, int, Rule, str | None]] = []  # (start, end, rule, reason)
    for first, end, rule in pattern_matches(reading, rules):
        spans.append((reading.words[first].group[0], reading.words[end - 1].group[1], rule, None))
    for i in range(len(found)):
        shape = _shape_finding(segment, found, i, rules)
        if shape is not None:
            spans.append(shape)
    # A word is reported once: by the match that starts first, then the longest, then the
    # rule listed first.
    order = {rule.id: n for n, rule in enumerate((*rules.rules, *rules.shape_rules()))}
    spans.sort(key=lambda s: (s[0], s[0] - s[1], order[s[2].id]))
    covered = -1
    findings = []
    for start, end, rule, reason in spans:
        if start < covered:
            continue
        covered = end
        findings.append(_finding(lines, offset + start, segment[start:end], rule, reason))
    return findings


def _shape_finding(segment: str, tokens: list[Token], i: int,
                   rules: Rules) -> tuple[int, int, Rule, str | None] | None:
    """A word that the censor stops for its shape: (start, end, rule, reason)."""
    token = tokens[i]
    raw = token.raw
    percent = _PERCENT.match(segment, token.end)
    if percent and raw in rules.percent_codes:
        return token.start, percent.end(), rules.percent, None
    rule, reason = _shape(tokens, i, rules)
    return None if rule is None else (token.start, token.end, rule, reason)


def _shape(tokens: list[Token], i: int, rules: Rules) -> tuple[Rule | None, str | None]:
    raw = tokens[i].raw
    foreign = foreign_letters(raw)
    if foreign:
        if any(is_cyrillic(ch) for ch in raw):
            return rules.latin, (f"a {foreign[0].describe('letter')} "
                                 "hides in a Cyrillic word; the censor reads it as foreign")
        return rules.latin, None
    if any(ch.isdigit() for ch in raw):
        return (rules.digits, None) if _looks_like_code(raw) else (None, None)
    if (len(raw) in ABBREVIATION_LETTERS and raw.isupper() and raw not in rules.allowed_abbreviations
            and not _shouted(tokens, i - 1) and not _shouted(tokens, i + 1)):
        return rules.abbreviation, None
    return None, None


def _shouted(tokens: list[Token], i: int) -> bool:
    """A neighbour in capitals too: a line written in capitals, not an abbreviation."""
    return 0 <= i < len(tokens) and len(tokens[i].raw) > 1 and tokens[i].raw.isupper()


def _looks_like_code(raw: str) -> bool:
    if any(ch.isdigit() for ch in raw) and any(ch.isalpha() for ch in raw):
        # 2-й, 12-летний are ordinary; с2, 4ever, 88х are not
        return any(any(c.isdigit() for c in part) and any(c.isalpha() for c in part)
                   for part in raw.split("-"))
    if raw.isdigit():
        return len(raw) > 4
    date = _DATE.fullmatch(raw)
    if date:
        return not (1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12)
    return not (_TIME.fullmatch(raw) or _DECIMAL.fullmatch(raw))


class _LineStarts:
    """Where each line of a text starts, found once, so that placing a finding costs a
    binary search, not a count from the start of a long text."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _finding(lines: _LineStarts, offset: int, word: str, rule: Rule, reason: str | None) -> Finding:
    line, column = lines.place(offset)
    return Finding(word, offset, line, column, rule.id, reason or rule.reason, rule.instead)


