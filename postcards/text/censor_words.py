"""The words of a text as the censor check reads them: split at hyphens, normalised, placed in
their sentence and in any «Title», with the words a disguise hides (Лука-шенко, Ж.ы.в.е,
Л у к а ш е н к о, св0б0да) and, for Russian, the lemmas the morphological analyser gives.

The analyser (pymorphy3 with its Russian dictionary) is loaded on the first word that needs
it: only `lint` and the check of a writer's own text come here, never a plain `make`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol, cast

from postcards.text.censor_rules import normalise

# Invisible characters that split a word for the eye but not for the censor.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_INVISIBLE_CHARS = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")
TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)+|\w+(?:['ʼ’-]\w+)*")
_DIGIT_LETTERS = str.maketrans("0346", "озчб")  # св0б0да, 3магар, 4есть, 6орьба
SENTENCE_END = frozenset(".!?…\n")
PHRASE_BREAK = frozenset(".?…\n")  # a phrase runs over "!" ("Верим! Можем!") and commas
CLAUSE_END = frozenset(".;:!?…\n")  # not a comma: "Мы с Вами, Людмила, давно знакомы"
_TITLE = re.compile(r"«([^«»\n]{1,200})»|„([^„“\n]{1,200})“")
TITLE_WORDS = 6  # a capitalised «...» of at most this many words, without ! or ?, is a title
LETTER_RUN = 2  # single letters in a row, split alike, read as one word: С.в.о.б.о.д.а, Ж.Б.
_RUN_SEPARATOR = 3  # characters at most between the letters of such a run
_RUSSIAN_WORD = re.compile(r"[а-я]{2,}(?:'[а-я]+)?")
_BELARUSIAN_ONLY = frozenset("іў")
_RUSSIAN_ONLY = frozenset("ищъ")
CACHED_WORDS = 65_536


@dataclass(frozen=True)
class Token:
    """A word with its hyphens, or a group of digits: what the shape rules look at."""

    norm: str
    start: int
    end: int
    raw: str


@dataclass(frozen=True)
class Word:
    """A word as the pattern rules read it: a hyphenated word gives one Word per part."""

    norm: str
    start: int
    end: int
    group: tuple[int, int]  # the span of the hyphenated word it is part of (its own when alone)
    capital: bool  # written with a capital first letter
    sentence_start: bool  # first in its sentence: a capital there says nothing
    belarusian: bool  # its sentence is Belarusian: Russian lemmas do not apply there
    title: bool  # inside a «Title»


@dataclass(frozen=True)
class Candidate:
    """A word the text may mean at a place: the word itself, or one a disguise hides, which
    takes `size` Words (Ж-ы-в-е takes four)."""

    norm: str
    size: int


def tokens(segment: str) -> list[Token]:
    """Words and digit groups, with invisible characters inside a word ignored."""
    if not _INVISIBLE_CHARS.search(segment):  # the usual case: offsets need no mapping
        return [Token(normalise(m.group(0)), m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(segment)]
    kept = [i for i, ch in enumerate(segment) if ch not in _INVISIBLE]
    clean = "".join(segment[i] for i in kept)
    found = []
    for m in TOKEN.finditer(clean):
        start, end = kept[m.start()], kept[m.end() - 1] + 1
        found.append(Token(normalise(m.group(0)), start, end, segment[start:end]))
    return found


class Reading:
    """A piece of text read for the pattern rules: its Words, and at each the Candidates."""

    def __init__(self, segment: str, found: list[Token]) -> None:
        self.text = segment
        self.words = _words(segment, found)
        self._runs = _letter_runs(segment, self.words)
        self._candidates: dict[int, list[Candidate]] = {}

    def candidates(self, i: int) -> list[Candidate]:
        """What the text may say at word `i`: the word, a hyphenated word read whole
        (Лука-шенко), a run of single letters read as one word, digits read as letters."""
        if i not in self._candidates:
            self._candidates[i] = self._read_at(i)
        return self._candidates[i]

    def _read_at(self, i: int) -> list[Candidate]:
        word = self.words[i]
        seen = [Candidate(word.norm, 1)]
        group = self.group_size(i)
        if group > 1:
            seen.append(Candidate("".join(w.norm for w in self.words[i:i + group]), group))
        run = self._runs.get(i, 0)
        if run:
            seen.append(Candidate("".join(w.norm for w in self.words[i:i + run]), run))
        if not word.norm.isalpha() and any(ch.isdigit() for ch in word.norm):
            plain = word.norm.translate(_DIGIT_LETTERS)
            if plain.isalpha():
                seen.append(Candidate(plain, 1))
        return seen

    def group_size(self, i: int) -> int:
        """The parts of the hyphenated word that starts at word `i` (0 when `i` is inside one)."""
        found = self.words
        if found[i].group == (found[i].start, found[i].end):
            return 1
        if i > 0 and found[i - 1].group == found[i].group:
            return 0
        size = 1
        while i + size < len(found) and found[i + size].group == found[i].group:
            size += 1
        return size

    def whole_word(self, i: int) -> str:
        """The hyphenated word that word `i` is part of, without its hyphens (суд-оку: судоку)."""
        first = i
        while first > 0 and self.words[first - 1].group == self.words[i].group:
            first -= 1
        return "".join(w.norm for w in self.words[first:first + self.group_size(first)])

    def phrase_break(self, i: int) -> bool:
        """A sentence ends between word `i - 1` and word `i`: a phrase does not run over it."""
        return any(ch in PHRASE_BREAK for ch in self.text[self.words[i - 1].end:self.words[i].start])

    def ends_clause(self, end: int) -> bool:
        """Only spaces and closing quotes stand between `end` and the end of a clause."""
        rest = self.text[end:end + 20].lstrip(" \t»“\"')")
        return not rest or rest[0] in CLAUSE_END


def _words(segment: str, found: list[Token]) -> list[Word]:
    """The Words of `segment`, from its tokens: hyphenated words in parts, digits left out."""
    titles = _title_spans(segment)
    parts: list[tuple[str, int, int, tuple[int, int]]] = []
    for token in found:
        if token.raw.isdigit() or not any(ch.isalpha() for ch in token.raw):
            continue
        if "-" not in token.raw:
            parts.append((token.raw, token.start, token.end, (token.start, token.end)))
            continue
        offset = token.start
        for piece in re.split(r"(-)", token.raw):
            if piece and piece != "-":
                parts.append((piece, offset, offset + len(piece), (token.start, token.end)))
            offset += len(piece)
    sentences = _sentences(segment, parts)
    title_starts = [a for a, _ in titles]
    return [Word(normalise(_visible(raw)), start, end, group, raw[:1].isupper(), first, belarusian,
                 _inside(titles, title_starts, start))
            for (raw, start, end, group), (first, belarusian) in zip(parts, sentences, strict=True)]


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """`offset` lies in one of `spans` (in order, not overlapping; `starts` their starts)."""
    n = bisect_right(starts, offset)
    return n > 0 and offset < spans[n - 1][1]


def _visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in _INVISIBLE)


def _sentences(segment: str, parts: list[tuple[str, int, int, tuple[int, int]]]) -> list[tuple[bool, bool]]:
    """(first in its sentence, in a Belarusian sentence) for each word: a sentence with і or ў
    and none of и, щ, ъ is Belarusian."""
    firsts: list[bool] = []
    sentence_of: list[int] = []
    letters: list[set[str]] = []
    previous_end = 0
    for raw, start, end, _ in parts:
        first = not firsts or any(ch in SENTENCE_END for ch in segment[previous_end:start])
        if first:
            letters.append(set())
        firsts.append(first)
        sentence_of.append(len(letters) - 1)
        letters[-1].update(raw.lower())
        previous_end = end
    belarusian = [bool(chars & _BELARUSIAN_ONLY) and not chars & _RUSSIAN_ONLY for chars in letters]
    return [(first, belarusian[s]) for first, s in zip(firsts, sentence_of, strict=True)]


def _title_spans(segment: str) -> list[tuple[int, int]]:
    """Where «Titles» stand: a capitalised quotation of a few words, without ! or ?."""
    spans = []
    for m in _TITLE.finditer(segment):
        inner = m.group(1) or m.group(2)
        if (inner.lstrip()[:1].isupper() and len(inner.split()) <= TITLE_WORDS
                and not set(inner) & set("!?")):
            spans.append((m.start(), m.end()))
    return spans


def _letter_runs(segment: str, found: list[Word]) -> dict[int, int]:
    """Single letters split alike, read as one word (С.в.о.б.о.д.а, Л у к а ш е н к о, Ж*ы*в*е,
    Ж.Б.), perhaps after a whole word (Лукаш е н к о): where each run starts, and its length."""
    runs: dict[int, int] = {}
    for i in range(len(found)):
        separator = _separator(segment, found, i)
        size = 1
        while (separator is not None and i + size < len(found) and len(found[i + size].norm) == 1
               and _separator(segment, found, i + size - 1) == separator):
            size += 1
        singles = size - (len(found[i].norm) > 1)
        inside = i > 0 and len(found[i].norm) == 1 and _separator(segment, found, i - 1) == separator
        if singles >= LETTER_RUN and size > 1 and not inside:
            runs[i] = size
    return runs


def _separator(segment: str, found: list[Word], i: int) -> str | None:
    """What stands between word `i` and the next, when it could split a word: a few
    characters, no letter, digit or line break (None otherwise)."""
    if i + 1 >= len(found):
        return None
    between = segment[found[i].end:found[i + 1].start]
    if len(between) > _RUN_SEPARATOR or any(ch.isalnum() or ch == "\n" for ch in between):
        return None
    return between


class _Analyser(Protocol):
    def normal_forms(self, word: str) -> list[str]: ...


@cache
def _analyser() -> _Analyser:
    """pymorphy3's Russian analyser, made once, on first use; its dictionary's own path is
    given so that no search of the installed packages is needed, and only the dictionary is
    asked (no guesses for unknown words: stems cover slang in the rules)."""
    import pymorphy3
    import pymorphy3_dicts_ru
    from pymorphy3.units import DictionaryAnalyzer

    return cast(_Analyser, pymorphy3.MorphAnalyzer(
        path=pymorphy3_dicts_ru.get_path(), lang="ru", units=[DictionaryAnalyzer()],
        probability_estimator_cls=None, result_type=None))


@lru_cache(maxsize=CACHED_WORDS)
def russian_lemmas(word: str) -> frozenset[str]:
    """Every lemma the dictionary gives for `word` (normalised), over all its parses
    (воле: воля and вол); nothing for a word that cannot be Russian."""
    if not _RUSSIAN_WORD.fullmatch(word):
        return frozenset()
    return frozenset(normalise(form) for form in _analyser().normal_forms(word))
