"""Persons named with no title, known by the form of their surname.

A person is often named bare, with no title or role before the name: "… poems by Bahor
Yusupova", «Gülnar Tağıyeva bildirib», «фильм снимет Любовь Андреева». In the languages
whose surnames carry a telling ending (Russian and Turkic «-ов», «-ова», «-ев», «-zadə»,
Armenian «-ян»), a Capitalised word with such an ending right after another Capitalised word
is read as a given name and a surname. The endings are data
(``lang/<code>/surname_endings.txt``, lower case, with their case forms: «-овой», «-ову»).

Precision first: both words Capitalised and not all capitals, neither linked by the registry
nor a head word, the surname no common word of the language, and a sentence's first word no
given name when it is a common word ("Yesterday Ivanova said"). Later mentions of the surname
alone, in any of its case forms («Ахмедовой» … «Ахмедова»), are the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peyvand.lang import LanguageData
from peyvand.registry.name_bounds import (
    APOSTROPHE_SUFFIX,
    TOKEN,
    NameWords,
    Spans,
    ends_name,
    opens_sentence,
    word_key,
)
from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["SURNAMES_FILE", "Surnames", "people_by_surname", "read_surnames"]

SURNAMES_FILE = "surname_endings.txt"
COMMON_FILE = "common_words.txt"
MIN_STEM = 3  # letters a surname keeps before its ending («Ли» + «ева» is no surname)


@dataclass(frozen=True, slots=True)
class Surnames:
    """The surname endings of one language (longest first) and its common words."""

    endings: tuple[str, ...]
    common: frozenset[str]
    pattern: re.Pattern[str]  # a word ending so (its end; an apostrophe ending may follow)


def read_surnames(data: LanguageData, lang: str, words: NameWords) -> Surnames | None:
    """The surname data of ``lang``, or ``None`` when it has none."""
    if not data.has(lang, SURNAMES_FILE):
        return None
    endings = sorted({e.lower() for e in data.lines(lang, SURNAMES_FILE)}, key=len, reverse=True)
    common: frozenset[str] = frozenset()
    if data.has(lang, COMMON_FILE):
        common = frozenset(word_key(w, words.turkic) for w in data.lines(lang, COMMON_FILE))
    alternatives = "|".join(re.escape(e) for e in endings)
    # the ending at a word's end; the word it ends is read back from there (a pattern that
    # starts at every word's first letter is several times slower on long texts)
    pattern = re.compile(rf"(?:{alternatives})(?![\w\u200c-])")
    return Surnames(tuple(endings), common, pattern)


def _core(token: str) -> str:
    """``token`` without an apostrophe case ending («Aytmatov'un» → «Aytmatov»)."""
    apostrophe = APOSTROPHE_SUFFIX.search(token)
    return token[: apostrophe.start()] if apostrophe is not None else token


def _stem(word: str, surnames: Surnames) -> str | None:
    """The stem of ``word`` before a surname ending, if it has one."""
    lower = word.lower()
    for ending in surnames.endings:
        if lower.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: len(word) - len(ending)]
    return None


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def _name_word(
    match: re.Match[str], original: str, words: NameWords, heads: set[int], linked: Spans
) -> bool:
    """Whether the word ``match`` may be part of a person's name."""
    token = match.group()
    if not _capitalised(token) or match.start() in heads:
        return False
    if linked.overlaps(match.start(), match.end()):
        return False
    key = word_key(_core(token), words.turkic)
    return not ends_name(key, words) and key not in words.generic


def people_by_surname(
    original: str,
    words: NameWords,
    surnames: Surnames,
    heads: set[int],
    linked: Spans,
) -> list[UnlinkedCandidate]:
    """Persons named by a given name and a surname with a telling ending, and the later
    mentions of each surname alone (``refers`` set), in text order. Only the words that end
    so are looked at: one regular-expression search over the text."""
    found: list[UnlinkedCandidate] = []
    stems: dict[str, str] = {}  # surname stem → the person's first name found
    for hit in surnames.pattern.finditer(original):
        begin = _word_start(original, hit.start())
        if begin == hit.start() or not original[begin : hit.start()].isalpha():
            continue  # letters must come before the ending, and only letters
        family = TOKEN.match(original, begin)
        if family is None or family.end() < hit.end():
            continue
        given = _previous(original, family.start())
        if given is None or (found and given.start() < found[-1].end):
            continue
        if APOSTROPHE_SUFFIX.search(given.group()):
            continue  # «Türkiye'nin Aytmatov …»: the owner, not a given name
        core = _core(family.group())
        stem = _stem(core, surnames)
        if stem is None or word_key(core, words.turkic) in surnames.common:
            continue
        if not (
            _name_word(given, original, words, heads, linked)
            and _name_word(family, original, words, heads, linked)
        ):
            continue
        if opens_sentence(original, given.start()) and (
            word_key(given.group(), words.turkic) in surnames.common
        ):
            continue  # "Yesterday Ivanova said": the sentence's word
        end = family.start() + len(core)
        name = original[given.start() : end]
        found.append(UnlinkedCandidate(name, "person", "", given.start(), end))
        stems.setdefault(stem, name)
    if stems:
        found.extend(_later(original, found, stems, surnames, linked))
    return sorted(found, key=lambda c: c.start)


def _word_start(original: str, pos: int) -> int:
    while pos > 0 and (original[pos - 1].isalnum() or original[pos - 1] in "-'’"):
        pos -= 1
    return pos


def _previous(original: str, start: int) -> re.Match[str] | None:
    """The word right before ``start``, if only spaces part them."""
    pos = start
    while pos > 0 and original[pos - 1] in " \t\u00a0":
        pos -= 1
    if pos in (start, 0):
        return None
    match = TOKEN.match(original, _word_start(original, pos))
    return match if match is not None and match.end() == pos else None


def _later(
    original: str,
    first: list[UnlinkedCandidate],
    stems: dict[str, str],
    surnames: Surnames,
    linked: Spans,
) -> list[UnlinkedCandidate]:
    """The surname alone, in any case form, after the person's full name."""
    names = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    endings = "|".join(re.escape(e) for e in surnames.endings)
    pattern = re.compile(
        rf"(?<![\w\u200c'’-])({names})(?:{endings})(?:['’][^\W\d_]+)?(?![\w\u200c'’-])",
        re.IGNORECASE,
    )
    taken = Spans([*linked.spans, *((c.start, c.end) for c in first)])
    later: list[UnlinkedCandidate] = []
    for match in pattern.finditer(original):
        stem = next((s for s in stems if s.lower() == match.group(1).lower()), None)
        if stem is None or not match.group()[0].isupper():
            continue
        person = stems[stem]
        starts = [c.start for c in first if c.name == person]
        if not starts or match.start() < starts[0] or taken.overlaps(*match.span()):
            continue
        end = match.start() + len(_core(match.group()))
        later.append(
            UnlinkedCandidate(
                original[match.start() : end], "person", "", match.start(), end, person
            )
        )
    return later
