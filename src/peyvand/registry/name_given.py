"""Persons named with no title, known by a common given name.

Many surnames carry no telling ending (`peyvand.registry.name_people` reads those that do):
"Mahtab Rezaei", «Deniz Yıldız», «آفتاب نظراوا». A given name that the language's list
knows (``lang/<code>/given_names.txt``, written for the project, lower case) and the word
after it are read as a person when:

* in a cased script, both words are Capitalised (not all capitals), the second is no head,
  no link and no stop word, nor a common word of the language (``common_words.txt``) when
  the pair opens a sentence (where every word is Capitalised; many Turkish surnames are
  words: «Yıldız», «Demir»), and no third Capitalised word follows (a longer name, "Alisher
  Navoi State Museum", is a head's);
* in Persian or Arabic, where nothing marks a proper name, the pair is also in apposition
  to a role: a comma and an ``apposition`` word of ``name_words.tsv`` follow it
  («آفتاب نظراوا، استاد ادبیات …», "Aftab Nazarova, a lecturer of literature").

Many given names are also words («Deniz», sea; «بهار», spring): the surname tests above keep
"Deniz kenarında" or «بهار امسال» out. The list holds no country or city name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peyvand.lang import LanguageData
from peyvand.registry.name_bounds import (
    APOSTROPHE_SUFFIX,
    GAP,
    TOKEN,
    NameWords,
    Spans,
    ends_name,
    opens_sentence,
    word_key,
)
from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["GIVEN_FILE", "GivenNames", "people_by_given_name", "read_given"]

GIVEN_FILE = "given_names.txt"
COMMON_FILE = "common_words.txt"
APPOSITION_COMMA = re.compile(r"[ \t\u00a0]*[,،][ \t\u00a0]*")


# letters written in more than one way: a given name matches each (Arabic and Persian
# forms, Turkish dotted and dotless i in either case)
_VARIANTS = {"ی": "[یيى]", "ک": "[کك]", "i": "[iİ]", "ı": "[ıI]"}


@dataclass(frozen=True, slots=True)
class GivenNames:
    """The given names of one language (normalized keys), its common words, and a pattern
    that finds the given names in a text (checked again on their keys)."""

    names: frozenset[str]
    common: frozenset[str]
    cased: bool
    pattern: re.Pattern[str]


def _capital(line: str, turkic: bool) -> str:
    """``line`` with its first letter as a name is written («i» → «İ» in Turkic)."""
    first = "İ" if turkic and line[0] == "i" else line[0].upper()
    return first + line[1:]


Trie = dict[str, "Trie"]  # a letter → the names that go on with it ("" ends one)


def _trie(lines: list[str]) -> str:
    """A regular expression that matches any of ``lines``, factored by shared prefixes so
    that each position of a text is tried once (a flat alternation is slow on long texts)."""
    tree: Trie = {}
    for line in lines:
        node = tree
        for char in line:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: Trie) -> str:
    parts = [_VARIANTS.get(c, re.escape(c)) + _branch(child) for c, child in node.items() if c]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return "(?:" + body + ")?" if "" in node else body


def _pattern(lines: list[str], cased: bool, turkic: bool) -> re.Pattern[str]:
    forms = [_capital(line, turkic) for line in lines] if cased else lines
    return re.compile(rf"{_trie(forms)}(?![\w'’\u200c-])")  # the start: `_word_start`


def _word_start(original: str, start: int) -> bool:
    """Whether a word begins at ``start`` (checked in code: a look-behind would cost the
    pattern its quick scan for a first letter)."""
    if start == 0:
        return True
    char = original[start - 1]
    return not (char.isalnum() or char in "_'’\u200c-")


def read_given(data: LanguageData, lang: str, words: NameWords) -> GivenNames | None:
    """The given-name data of ``lang``, or ``None`` when it has none."""
    if not data.has(lang, GIVEN_FILE):
        return None
    lines = [line.strip() for line in data.lines(lang, GIVEN_FILE) if line.strip()]
    names = frozenset(word_key(line, words.turkic) for line in lines)
    common: frozenset[str] = frozenset()
    if data.has(lang, COMMON_FILE):
        common = frozenset(word_key(w, words.turkic) for w in data.lines(lang, COMMON_FILE))
    cased = any(line.lower() != line.upper() for line in lines)
    return GivenNames(names, common, cased, _pattern(lines, cased, words.turkic))


def _core(token: str) -> str:
    apostrophe = APOSTROPHE_SUFFIX.search(token)
    return token[: apostrophe.start()] if apostrophe is not None else token


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def _next(original: str, end: int) -> re.Match[str] | None:
    gap = GAP.match(original, end)
    return TOKEN.match(original, gap.end()) if gap is not None else None


def _free(match: re.Match[str], heads: set[int], linked: Spans) -> bool:
    return match.start() not in heads and not linked.overlaps(match.start(), match.end())


def people_by_given_name(
    original: str,
    words: NameWords,
    given: GivenNames,
    heads: set[int],
    linked: Spans,
) -> list[UnlinkedCandidate]:
    """Persons named by a listed given name and one more word, in text order."""
    found: list[UnlinkedCandidate] = []
    for first in given.pattern.finditer(original):
        token = first.group()
        if not _word_start(original, first.start()):
            continue
        if found and first.start() < found[-1].end:
            continue
        if word_key(token, words.turkic) not in given.names:
            continue
        if given.cased and not _capitalised(token):
            continue
        family = _next(original, first.end())
        if family is None or not _free(first, heads, linked) or not _free(family, heads, linked):
            continue
        core = _core(family.group())
        key = word_key(core, words.turkic)
        if len(core) < 3 or key in words.generic or ends_name(key, words):
            continue
        if key in given.common and (not given.cased or opens_sentence(original, first.start())):
            continue  # a common word: in a cased script only a sentence's first words say so
        end = family.start() + len(core)
        if given.cased:
            if not _capitalised(core):
                continue
            third = _next(original, family.end())
            if core == family.group() and third is not None and _capitalised(third.group()):
                continue  # "Alisher Navoi State Museum": a longer name
        elif not _apposed(original, end, words):
            continue
        found.append(
            # the given name as head: a Capitalised one lets later mentions by surname count
            UnlinkedCandidate(original[first.start() : end], "person", token, first.start(), end)
        )
    return found


def _apposed(original: str, end: int, words: NameWords) -> bool:
    """Whether a comma and a role word follow ``end`` («… نظراوا، استاد ادبیات»)."""
    comma = APPOSITION_COMMA.match(original, end)
    if comma is None or not comma.group().strip():
        return False
    role = TOKEN.match(original, comma.end())
    return role is not None and word_key(role.group(), words.turkic) in words.apposition
