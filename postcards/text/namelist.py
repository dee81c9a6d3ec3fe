"""A pasted release or transfer list read as runs of words: what news sites, Viasna and court
reports print, one name a line or in running text, in any script. A run is the words of a line
that no punctuation, number or conjunction separates, so a name never runs on across "," or
"и" into the next one. Initials ("Лойко А.Ю.", "A. Loika") are marked, and a word in brackets
between two words ("Nasta (Anastasia) Lojka") is kept as another form of the word before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that join names and never are one: a boundary, like a comma.
CONJUNCTIONS = frozenset({"и", "і", "й", "а", "та", "или", "або", "ці",
                          "and", "or", "und", "et", "i", "oraz"})
# Latin initials of two letters, as transliterations write Ю, Я, Е, Ё, Ж, Ч, Ш, Х, Ц.
_DIGRAPHS = frozenset({"yu", "ya", "ye", "yo", "ju", "ja", "je", "jo", "zh", "ch", "sh", "kh", "ts"})
_SCAN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['ʼ’`][^\W\d_]+)*(?:-[^\W\d_]+(?:['ʼ’`][^\W\d_]+)*)*)"
    r"|(?P<digits>\d+)|(?P<space>\s+)|(?P<mark>.)")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})  # hyphens that are not dashes; same length


@dataclass(frozen=True, slots=True)
class Word:
    """A word as written (`forms[0]`), any bracketed form of it after, and its columns."""

    forms: tuple[str, ...]
    start: int  # 0-based columns in the line
    end: int
    initial: bool = False  # one capital letter ("А", "А."), or a Latin pair with a dot ("Yu.")


@dataclass(frozen=True, slots=True)
class Run:
    """Words of one line (counted from 1) with nothing between them that ends a name."""

    line: int
    words: tuple[Word, ...]
    text: str  # the whole line, as pasted

    def quote(self, words: tuple[Word, ...]) -> str:
        """The line from the first of `words` to the last, as pasted."""
        return self.text[min(w.start for w in words):max(w.end for w in words)]


def runs(text: str) -> list[Run]:
    """Every run of words in the pasted text, line by line, in reading order."""
    found: list[Run] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        found += [Run(number, tuple(words), line) for words in _line_runs(line.translate(_HYPHENS)) if words]
    return found


def non_empty_lines(text: str) -> list[int]:
    """The numbers of the lines that hold a letter."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [n for n, line in enumerate(lines, start=1) if any(c.isalpha() for c in line)]


def _line_runs(line: str) -> list[list[Word]]:
    tokens = [(m.lastgroup or "", m.group(), m.start(), m.end()) for m in _SCAN.finditer(line)]
    groups: list[list[Word]] = [[]]
    index = 0
    while index < len(tokens):
        kind, text, start, end = tokens[index]
        index += 1
        current = groups[-1]
        if kind == "space":
            continue
        dotted = kind == "word" and _next(tokens, index, 0) == ("mark", ".")
        initial = kind == "word" and _is_initial(text, dotted)
        if initial or (kind == "word" and text.lower() not in CONJUNCTIONS):
            if dotted and initial:
                index, end = index + 1, end + 1  # the dot of an initial ends nothing
            current.append(Word((text,), start, end, initial))
            continue
        if kind == "mark" and text in "([" and current:
            alternative = _bracketed(tokens, index, ")" if text == "(" else "]")
            if alternative is not None:
                word, index = alternative
                last = current[-1]
                current[-1] = Word((*last.forms, word), last.start, last.end, last.initial)
                continue
        groups.append([])
    return groups


def _next(tokens: list[tuple[str, str, int, int]], index: int, skip_space: int) -> tuple[str, str] | None:
    """The kind and text of the token at `index` (after spaces, when `skip_space`)."""
    while skip_space and index < len(tokens) and tokens[index][0] == "space":
        index += 1
    return (tokens[index][0], tokens[index][1]) if index < len(tokens) else None


def _bracketed(tokens: list[tuple[str, str, int, int]], index: int, close: str) -> tuple[str, int] | None:
    """("Anastasia", the index after the bracket) for "(Anastasia) Lojka": one word alone in
    brackets with a word after them; else None (the bracket ends the run)."""
    words: list[str] = []
    for position, (kind, text, _, _) in enumerate(tokens[index:index + 5]):
        if kind == "space":
            continue
        if kind == "mark" and text == close:
            after = index + position + 1
            follows = _next(tokens, after, 1)
            if len(words) == 1 and follows is not None and follows[0] == "word":
                return words[0], after
            return None
        if kind != "word" or words:
            return None
        words.append(text)
    return None


def _is_initial(word: str, dotted: bool) -> bool:
    """"А." and "Yu." are initials; so is "А" alone, unless it is a conjunction ("И", "A")."""
    if len(word) == 1:
        return word.isupper() and (dotted or word.lower() not in CONJUNCTIONS)
    return dotted and len(word) == 2 and word[0].isupper() and word.lower() in _DIGRAPHS
