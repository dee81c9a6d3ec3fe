"""Where the pattern rules match in a piece of text: each pattern word against the words a
place may hold (as written, disguised, or, for Russian, by lemma), phrases with up to two
words inserted, and the rules' exceptions applied."""

from __future__ import annotations

from collections.abc import Iterator

from postcards.text.censor_rules import Pattern, PatternWord, Rule, Rules
from postcards.text.censor_words import Candidate, Reading, russian_lemmas

MAX_INSERTED = 2  # words that may stand between the words of a phrase: "Жыве наша Беларусь"
_EXCEPTION_REACH = 10  # words before a match where a phrase that excuses it may begin


def pattern_matches(reading: Reading, rules: Rules) -> Iterator[tuple[int, int, Rule]]:
    """(first word, word after the last, rule) for every match in `reading`."""
    for i, word in enumerate(reading.words):
        tried: set[tuple[str, str]] = set()
        for candidate in reading.candidates(i):
            lemmas = frozenset() if word.belarusian else russian_lemmas(candidate.norm)
            for rule, pattern in rules.starting_with(candidate.norm, lemmas):
                if (rule.id, pattern.written) in tried:
                    continue
                tried.add((rule.id, pattern.written))
                end = match_from(reading, pattern, i, rule)
                if end is not None and _counts(reading, rules, rule, i, end):
                    yield i, end, rule


def match_from(reading: Reading, pattern: Pattern, i: int, rule: Rule | None, k: int = 0) -> int | None:
    """The word after a match of `pattern`'s words from the `k`th on, starting at word `i`;
    `rule`'s innocent words do not match (no rule: an exception phrase is being matched)."""
    last = k == len(pattern.words) - 1
    for candidate in reading.candidates(i):
        if not _word_matches(reading, pattern.words[k], i, candidate, rule):
            continue
        after = i + candidate.size
        if last:
            if pattern.at_end and not reading.ends_clause(reading.words[after - 1].end):
                continue
            return after
        for j in range(after, min(after + (0 if pattern.together else MAX_INSERTED) + 1, len(reading.words))):
            if reading.phrase_break(j):
                break
            end = match_from(reading, pattern, j, rule, k + 1)
            if end is not None:
                return end
    return None


def _word_matches(reading: Reading, pattern_word: PatternWord, i: int, candidate: Candidate,
                  rule: Rule | None) -> bool:
    word = reading.words[i]
    if pattern_word.stem:
        matched = candidate.norm.startswith(pattern_word.text)
    elif candidate.norm == pattern_word.text:
        matched = True
    else:  # by lemma: Russian patterns, outside a Belarusian sentence
        matched = (pattern_word.lemma and not word.belarusian
                   and pattern_word.text in russian_lemmas(candidate.norm))
    if not matched or (pattern_word.cased and (not word.capital or word.sentence_start)):
        return False
    return rule is None or not rule.excepts(candidate.norm)


def _counts(reading: Reading, rules: Rules, rule: Rule, first: int, end: int) -> bool:
    """A match stands: not inside a «Title» (unless the rule looks there too), not a part of
    a hyphenated word the rule excepts (суд-оку), not inside a phrase it excepts."""
    words = reading.words[first:end]
    if not rule.in_titles and any(w.title for w in words):
        return False
    if words[0].group == words[-1].group != (words[0].start, words[-1].end) and rule.excepts(
            reading.whole_word(first)):
        return False
    if not rule.except_phrases:
        return True
    for start in range(max(0, first - _EXCEPTION_REACH), end):
        word = reading.words[start]
        for candidate in reading.candidates(start):
            lemmas = frozenset() if word.belarusian else russian_lemmas(candidate.norm)
            for excepting, phrase in rules.starting_with(candidate.norm, lemmas, exceptions=True):
                after = match_from(reading, phrase, start, None) if excepting is rule else None
                if after is not None and after > first:
                    return False
    return True
