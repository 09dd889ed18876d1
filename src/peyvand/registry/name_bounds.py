"""Where a name next to a head word begins and ends in the original text.

`peyvand.registry.unlinked` finds head words («موسسه», "Institute», «Universiteti»); the
name around one is read here, on the original text: its words (letters with their marks,
ZWNJ-joined parts kept together), the gaps between them (spaces on one line, never
punctuation), quoted names taken whole, the roles of `name_words.tsv` (stop words, light
verbs, connectors) and the overlaps between candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from peyvand.text.normalize import normalize

if TYPE_CHECKING:
    from peyvand.registry.name_data import HeadRule

ZWNJ = "\u200c"

# A word of the original text: letters and digits with the marks, kashida and ZWJ they carry;
# ZWNJ, a hyphen or an apostrophe between two such runs keep them one word.
_BODY = r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200d]*"
TOKEN = re.compile(rf"{_BODY}(?:(?:\u200c+|[-'’]){_BODY})*")
# Between two name words: spaces on one line (ZWNJ, zero-width and bidi marks count too).
_GAP_CHARS = " \t\u00a0\u1680\u2000-\u200c\u200e\u200f\u202a-\u202f\u205f\u2066-\u2069\u3000"
GAP = re.compile(f"[{_GAP_CHARS}]+")
GAP_SET = frozenset(c for c in map(chr, range(0x3001)) if GAP.fullmatch(c))
# What else a word may hold besides letters and digits (marks, kashida, ZWJ, joiners).
WORD_EXTRA = frozenset(
    "\u0640\u0670\u200d-'’"
    + "".join(
        chr(c) for c in (*range(0x0300, 0x0370), *range(0x0610, 0x061B), *range(0x064B, 0x0660))
    )
)
GAP_END = re.compile(f"[{_GAP_CHARS}]+\\Z")
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]")
WINDOW = 400  # how far back the words before an ``after`` head are looked for


@dataclass(frozen=True, slots=True)
class NameWords:
    """The ``name_words.tsv`` of one language, as normalized keys by role."""

    turkic: bool
    stop: frozenset[str]
    verb: frozenset[str]
    prefix: frozenset[str]
    suffix: frozenset[str]
    connector: frozenset[str]
    forward_connector: frozenset[str]
    link: frozenset[str]
    determiner: frozenset[str]
    common: frozenset[str]
    generic: frozenset[str]
    compound: frozenset[str]
    clitic: frozenset[str]
    complement: frozenset[str]
    unique: frozenset[str]
    article: frozenset[str]
    adjective_ending: frozenset[str]
    genitive: frozenset[str]
    purpose: frozenset[str]
    case: frozenset[str]
    verb_ending: frozenset[str]
    conjunction: frozenset[str]  # joined to the next word («و»): a definite word stays one
    softened: frozenset[str]  # a soft consonant and its hard form («ğk»): «etkinliğe»
    eponym: frozenset[str] = frozenset()  # «имени»: the person a name honours follows
    place: frozenset[str] = frozenset()  # «в»: the city of a ``place`` head's name follows
    apposition: frozenset[str] = frozenset()  # «استاد»: a role after a name and a comma
    lexicon: frozenset[str] = frozenset()  # common words (``common_words.txt``), for ``case``


@lru_cache(maxsize=65536)
def word_key(word: str, turkic: bool) -> str:
    return normalize(word, turkic=turkic).text.strip()


@dataclass(slots=True)
class NameWord:
    start: int
    end: int
    key: str
    generic: bool
    connector: bool = False
    joined: bool = False  # counted with the word before: one linked name («جمهوری آذربایجان»)


def ends_name(key: str, words: NameWords) -> bool:
    if key in words.stop or key in words.verb or key in words.prefix:
        return True
    if " " in key and key.split(" ", 1)[0] in words.prefix:
        return True
    return any(len(key) > len(s) + 1 and key.endswith(s) for s in words.suffix)


def is_verb(key: str, original: str, end: int, words: NameWords) -> bool:
    """Whether the word ``key`` (ending at ``end``) is a light verb, also when written in
    two words that the data joins with ZWNJ («می کنند» for «می‌کنند»)."""
    if key in words.verb:
        return True
    if key not in words.stop and key not in words.prefix:
        return False
    gap = GAP.match(original, end)
    following = TOKEN.match(original, gap.end()) if gap is not None else None
    return following is not None and (
        f"{key} {word_key(following.group(), words.turkic)}" in words.verb
    )


def words_before(
    original: str,
    hs: int,
    rule: HeadRule,
    words: NameWords,
    head_starts: set[int],
    countries: Spans | None = None,
    openers: frozenset[int] = frozenset(),
) -> list[NameWord]:
    """The name words right before ``hs``, in text order. A head in ``openers`` (one whose
    name only follows it, «Hoca») is read as a name word here.

    A Capitalised name that ends right before them, with no connector between («Yunus Emre
    Enstitüsü Gence Türk Kültür Merkezi»), is read on: a unit or branch named after its
    parent is one name. Words of one linked country name count as one word.
    """
    low = max(0, hs - WINDOW)
    tokens = list(TOKEN.finditer(original, low, hs))
    names: list[NameWord] = []  # nearest first while scanning
    pending: list[NameWord] = []
    expected = hs
    limit = rule.max_words
    crossed = False
    commas = 0  # commas crossed inside a list («Kültür, Enformasyon ve Turizm»)
    for match in reversed(tokens):
        if match.start() == low and low > 0:
            break  # may be cut by the window
        between = original[match.end() : expected]
        if not between or GAP.fullmatch(between) is None:
            if not (rule.cased and listed(between, names, commas)):
                break
            commas += 1
            if countries is not None and countries.overlaps(match.start(), match.end()):
                break  # «Kazakistan, Kültür ve Spor Bakanlığı»: the country is no list item
        if match.start() in head_starts and match.start() not in openers:
            # another name ends here: "X University and Y …"
            if rule.cased and names and not pending and not crossed:
                crossed = True  # "… Enstitüsü Gence … Merkezi": the parent's name goes on
                limit += rule.max_words
            else:
                names = before_connector(names)
                break
        token = match.group()
        key = word_key(token, words.turkic)
        apostrophe = APOSTROPHE_SUFFIX.search(token)
        if apostrophe is not None and token[apostrophe.start() + 1].islower():
            break  # «Türkiye'nin», "Iran's": the owner, not the name
        word = NameWord(match.start(), match.end(), key, key in words.generic)
        if rule.adjectives:  # «Казанского федерального университета»: adjectives only
            if ends_name(key, words) or not ending_in(key.rsplit("-", 1)[-1], words):
                break
            if counted(names) >= limit:
                break
            names.append(word)
            expected = match.start()
            if token[0].isupper():
                break  # the first word of the name is the one Capitalised
            continue
        if (
            rule.cased
            and words.case
            and opens_sentence(original, match.start())
            and common_with_case(key, original, words)
        ):
            break  # «Etkinliğe Rusya Federasyonu …»: the sentence's word, not the name's
        if rule.cased and not token[0].isupper():
            if key not in words.connector:  # "Students of Khazar University": no connector
                break
            word.connector = True
            pending.append(word)
        elif ends_name(key, words):
            break
        else:
            joins = (
                bool(names)
                and countries is not None
                and countries.same(word.start, names[-1].start)
            )
            if counted(names) - joins >= limit:
                break
            if joins:
                names[-1].joined = True
            names.extend(pending)
            pending.clear()
            names.append(word)
        expected = match.start()
    names.reverse()
    if rule.adjectives and names and not original[names[0].start].isupper():
        return []  # «… федерального университета» with no Capitalised first word
    return names


LIST_COMMA = re.compile(f",[{_GAP_CHARS}]+")


def listed(between: str, names: list[NameWord], commas: int) -> bool:
    """Whether a comma (``between``) parts two one-word items of a list inside a name, the
    list closed by a connector and one last word before the head («Kültür, Enformasyon ve
    Turizm Bakanlığı»); ``names`` are the name words read so far, nearest first, after
    ``commas`` commas of the list. "Bakü, Gence ve Şuşa Kültür Merkezi" (two words after
    the connector) and "Program, Özbekistan Kültür, Sanat ve …" (two words between commas)
    are no such list."""
    return (
        LIST_COMMA.fullmatch(between) is not None
        and len(names) == commas + 3
        and not names[0].connector
        and names[1].connector
        and not any(w.connector or w.joined for w in names[2:])
    )


def ending_in(key: str, words: NameWords) -> bool:
    """Whether ``key`` ends with an ``adjective_ending`` (and is longer than it)."""
    return any(len(key) > len(e) + 1 and key.endswith(e) for e in words.adjective_ending)


_SENTENCE_ENDS = frozenset('.!?…:;\n\r"«“')


def opens_sentence(original: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of its sentence (or of the text)."""
    pos = start
    while pos > 0 and original[pos - 1] in GAP_SET:
        pos -= 1
    return pos == 0 or original[pos - 1] in _SENTENCE_ENDS


def common_with_case(key: str, original: str, words: NameWords) -> bool:
    """Whether ``key`` is a common word with a ``case`` ending: its stem is in the common
    words of the language or is written in lower case, as a word, elsewhere in ``original``
    («Etkinliğe»: «etkinlik»)."""
    for ending in words.case:
        if len(key) < len(ending) + 4 or not key.endswith(ending):
            continue
        stem = key[: -len(ending)]
        stems = {stem}
        for pair in words.softened:  # «etkinliğe»: «etkinlik» + «e», the «k» softened
            if ending.startswith(pair[0]) and len(ending) > 1:
                stems.add(stem + pair[1])
        for candidate in stems:
            if candidate in words.lexicon:
                return True
            if re.search(rf"(?<![^\W\d_]){re.escape(candidate)}(?![^\W\d_])", original):
                return True
    return False


def counted(names: list[NameWord]) -> int:
    """How many name words ``names`` holds: connectors and joined words do not count."""
    return sum(1 for w in names if not w.connector and not w.joined)


def before_connector(names: list[NameWord]) -> list[NameWord]:
    """``names`` cut before their last connector: what it joined belongs to another name."""
    for index in range(len(names) - 1, -1, -1):
        if names[index].connector:
            return names[:index]
    return names


def previous_key(original: str, hs: int, words: NameWords) -> str | None:
    """The key of the word right before ``hs`` on the same line, if only spaces part them."""
    end = hs
    while end > 0 and original[end - 1] in GAP_SET:
        end -= 1
    if end == hs:
        return None
    start = end
    while start > 0 and (original[start - 1].isalnum() or original[start - 1] in WORD_EXTRA):
        start -= 1
    return word_key(original[start:end], words.turkic) if start < end else None


def capitalised_next(original: str, he: int, words: NameWords) -> bool:
    gap = GAP.match(original, he)
    if gap is None:
        return False
    match = TOKEN.match(original, gap.end())
    return (
        match is not None
        and match.group()[0].isupper()
        and not ends_name(word_key(match.group(), words.turkic), words)
    )


class Spans:
    """Linked spans, for overlap tests in ``O(log n)``."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.spans = ordered
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start

    def _holder(self, pos: int) -> int | None:
        index = bisect_right(self._starts, pos) - 1  # the last span starting at or before pos
        return index if index >= 0 and self._ends[index] > pos else None

    def holder(self, start: int, end: int) -> tuple[int, int] | None:
        """The span that holds all of ``start``–``end``, if one does."""
        index = self._holder(start)
        if index is None or self._ends[index] < end:
            return None
        return self._starts[index], self._ends[index]

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``start``–``end``."""
        holder = self._holder(start)
        return holder is not None and self._ends[holder] >= end

    def same(self, first: int, second: int) -> bool:
        """Whether one span holds both offsets (two words of one linked name)."""
        holder = self._holder(first)
        return holder is not None and self._starts[holder] <= second < self._ends[holder]


def next_word(original: str, end: int, words: NameWords) -> tuple[str, int] | None:
    """The key and end of the word right after ``end`` on the same line, if only spaces part
    them."""
    gap = GAP.match(original, end)
    following = TOKEN.match(original, gap.end()) if gap is not None else None
    if following is None:
        return None
    return word_key(following.group(), words.turkic), following.end()


def complement_end(original: str, end: int, key: str, words: NameWords) -> int | None:
    """Where the complement phrase that the word ``key`` (ending at ``end``) opens ends: a
    verbal noun with its preposition («حفاظت از»), read as one name word."""
    if not words.complement:
        return None
    following = next_word(original, end, words)
    if following is None or f"{key} {following[0]}" not in words.complement:
        return None
    return following[1]


def is_compound(original: str, he: int, key: str, words: NameWords) -> bool:
    """Whether the head ``key`` (ending at ``he``) and the word after it are one common noun
    written in two words («روزنامه نگاران», «امام جمعه»): no head there."""
    if not words.compound:
        return False
    following = next_word(original, he, words)
    return following is not None and f"{key} {following[0]}" in words.compound


def word_end(original: str, end: int) -> int:
    """The end of the orthographic word that ``end`` falls in or ends: case endings and
    suffixes after a hyphen or an apostrophe belong to it («Teatrlarının», «Merkezi'nde»)."""
    if end <= 0 or not (original[end - 1].isalnum() or original[end - 1] in WORD_EXTRA):
        return end
    match = TOKEN.match(original, end)
    if match is not None:
        return match.end()  # letters glued to the name's last word
    if end < len(original) and original[end] in "-'’":
        match = TOKEN.match(original, end + 1)
        if match is not None:
            return match.end()
    return end
