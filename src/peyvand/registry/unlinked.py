"""Unlinked actor candidates: names the registry does not know, found by their head words.

An institution, party, newspaper, mosque or person that no registry entry names is still
worth a record: «موسسه فرهنگی نور», "Nur Cultural Institute", «Təzəpir məscidi», «партия
«Мусават»». `UnlinkedFinder.find` reports such names as candidates, each with the type its
head word gives and its span in the original text; a name the registry already linked
(passed as ``taken``) is not reported again.

Knowledge lives in two data files per language (``lang/<code>/``):

* ``actor_heads.tsv``: the head words, their actor type, whether the head comes ``before``
  the name (Persian «موسسه الهدی», Russian «институт «Аль-Худа»», "University of Tehran") or
  ``after`` it ("Al-Huda Institute", «Bakı Dövlət Universiteti»), how many name words it
  takes at most, and flags (``endings``: case endings may follow the head inside its word and
  stay outside the name, «Universitetinin»; ``quoted``: only a quoted name counts, «центр
  «Аль-Худа»» but not «центр Баку»; ``adjective``: the head also reads as an adjective and
  is no head when a Capitalised word follows, «Azərbaycan Mərkəzi Bankı»).
* ``name_words.tsv``: words with a role around names: ``stop`` (ends a name: «و», «در»,
  "in"), ``verb`` (a light verb: ends a name and takes the word before it, «اعلام کرد»),
  ``prefix`` (a ZWNJ-joined word starting with it ends a name: «می‌شود»), ``suffix`` (a word
  ending so ends a name: «Gəncədəki»), ``connector`` (joins Capitalised words: «adına»,
  «və»), ``forward_connector`` (the same, only in a name after its head: "University of the
  Arts", never "Students of Khazar University"), ``link`` (may follow a head before its
  name: the ezafe «‌ی»), ``determiner`` (before a head makes it a common noun: «این
  دانشگاه»), ``common`` (as first name word, the same: «مرکز استان»), ``generic`` (a modifier
  that alone names nothing: «مرکز فرهنگی», "State University").

Boundaries. A name never crosses punctuation or a line break: name words are separated by
spaces only (ZWNJ inside a word keeps it one word, «بازی‌های»). In uncased scripts (Persian,
Arabic) every word counts until a stop word or another head; in cased scripts name words
must be Capitalised, and a head written with a capital in the data must be capitalised in
the text ("the university said" names nothing). A quoted name right after (or before) the
head is taken whole with its quotes. A head glued to a suffix by ZWNJ is a common noun
(«دانشگاه‌ها», «موسسه‌ای»), unless the suffix is a link («موسسه‌ی الهدی»).

Speed: one Aho–Corasick automaton per set of languages, built lazily from the data, finds
the heads in the normalized view in one pass; only the few places where a head occurs are
looked at more closely, on the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.registry.matcher import TURKIC, is_word_char
from peyvand.text.normalize import NormalizedText, joined_variants, normalize

__all__ = ["ACTOR_TYPES", "HeadRule", "UnlinkedCandidate", "UnlinkedFinder"]

HEADS_FILE = "actor_heads.tsv"
WORDS_FILE = "name_words.tsv"
ACTOR_TYPES = frozenset({"institution", "organization", "group", "media", "site", "person"})
ROLES = frozenset(
    {
        "stop",
        "verb",
        "prefix",
        "suffix",
        "connector",
        "forward_connector",
        "link",
        "determiner",
        "common",
        "generic",
    }
)
FLAGS = frozenset({"endings", "quoted", "adjective"})
ZWNJ = "\u200c"

# A word of the original text: letters and digits with the marks, kashida and ZWJ they carry;
# ZWNJ, a hyphen or an apostrophe between two such runs keep them one word.
_BODY = r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200d]*"
_TOKEN = re.compile(rf"{_BODY}(?:(?:\u200c+|[-'’]){_BODY})*")
# Between two name words: spaces on one line (ZWNJ, zero-width and bidi marks count too).
_GAP_CHARS = " \t\u00a0\u1680\u2000-\u200c\u200e\u200f\u202a-\u202f\u205f\u2066-\u2069\u3000"
_GAP = re.compile(f"[{_GAP_CHARS}]+")
_GAP_SET = frozenset(c for c in map(chr, range(0x3001)) if _GAP.fullmatch(c))
# What else a word may hold besides letters and digits (marks, kashida, ZWJ, joiners).
_WORD_EXTRA = frozenset(
    "\u0640\u0670\u200d-'’"
    + "".join(
        chr(c) for c in (*range(0x0300, 0x0370), *range(0x0610, 0x061B), *range(0x064B, 0x0660))
    )
)
_GAP_END = re.compile(f"[{_GAP_CHARS}]+\\Z")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]")
OPEN_QUOTES = '«“„"‹'
CLOSE_QUOTES = '»”“"›'
QUOTE_LIMIT = 120  # longest quoted name, in characters
WINDOW = 400  # how far back the words before an ``after`` head are looked for


@dataclass(frozen=True, slots=True)
class UnlinkedCandidate:
    """A name the registry did not link that looks like an actor by its head word."""

    name: str  # == original[start:end], head word included
    type: str  # actor type given by the head word
    head: str  # the head word as written in the data file
    start: int  # original offsets
    end: int


@dataclass(frozen=True, slots=True)
class HeadRule:
    """One row of ``actor_heads.tsv``."""

    lang: str
    head: str
    type: str
    before: bool  # the head precedes the name
    max_words: int
    endings: bool = False
    quoted: bool = False
    adjective: bool = False
    cased: bool = False  # the head is in a script with letter case
    capital: bool = False  # written with a capital: must be capitalised in the text
    extend_left: bool = False  # a ``before`` head ending in a connector ("University of")


@dataclass(frozen=True, slots=True)
class _Words:
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


@lru_cache(maxsize=65536)
def _key(word: str, turkic: bool) -> str:
    return normalize(word, turkic=turkic).text.strip()


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    key: str
    generic: bool
    connector: bool = False


class UnlinkedFinder:
    """Finds unlinked actor candidates by the head words of ``lang/<code>/actor_heads.tsv``."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._rules: dict[str, tuple[HeadRule, ...]] | None = None
        self._words: dict[str, _Words] = {}
        self._merged: _Words | None = None
        self._automata: dict[tuple[str, ...], ahocorasick.Automaton] = {}

    # --- data -------------------------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._data.languages_with(HEADS_FILE))

    def rules(self) -> dict[str, tuple[HeadRule, ...]]:
        """Head rules by normalized head key (every ZWNJ and Turkic-I variant is a key)."""
        if self._rules is None:
            grouped: dict[str, list[HeadRule]] = {}
            for lang in self.languages:
                words = self.words(lang)
                for rule in self._read_rules(lang, words):
                    for key in self._head_keys(rule.head, lang):
                        grouped.setdefault(key, []).append(rule)
            self._rules = {key: tuple(rules) for key, rules in grouped.items()}
        return self._rules

    @staticmethod
    def _head_keys(head: str, lang: str) -> list[str]:
        keys: list[str] = []
        for turkic in (True, False) if lang in TURKIC else (False,):
            for variant in joined_variants(head, turkic=turkic):
                key = variant.strip()
                if key and key not in keys:
                    keys.append(key)
        return keys

    def _read_rules(self, lang: str, words: _Words) -> list[HeadRule]:
        rules: list[HeadRule] = []
        for row in self._data.rows(lang, HEADS_FILE):
            where = f"{lang}/{HEADS_FILE}: {row!r}"
            if len(row) not in (4, 5):
                raise LanguageDataError(f"{where}: expected 4 or 5 columns")
            head, actor_type, position, max_words = row[:4]
            flags = {f.strip() for f in row[4].split(",") if f.strip()} if len(row) == 5 else set()
            if actor_type not in ACTOR_TYPES:
                raise LanguageDataError(f"{where}: unknown actor type {actor_type!r}")
            if position not in ("before", "after"):
                raise LanguageDataError(f"{where}: position must be before or after")
            if not max_words.isdigit() or int(max_words) < 1:
                raise LanguageDataError(f"{where}: max name words must be a positive integer")
            if flags - FLAGS:
                raise LanguageDataError(f"{where}: unknown flags {sorted(flags - FLAGS)}")
            cased = head.lower() != head.upper()
            last_word = _key(head, words.turkic).rsplit(" ", 1)[-1]
            rules.append(
                HeadRule(
                    lang=lang,
                    head=head,
                    type=actor_type,
                    before=position == "before",
                    max_words=int(max_words),
                    endings="endings" in flags,
                    quoted="quoted" in flags,
                    adjective="adjective" in flags,
                    cased=cased,
                    capital=cased and head[:1].isupper(),
                    extend_left=position == "before"
                    and cased
                    and (last_word in words.connector or last_word in words.forward_connector),
                )
            )
        return rules

    def words(self, lang: str) -> _Words:
        """The role words of ``lang`` (empty when it has no ``name_words.tsv``)."""
        if lang not in self._words:
            turkic = lang in TURKIC
            roles: dict[str, set[str]] = {role: set() for role in ROLES}
            if self._data.has(lang, WORDS_FILE):
                for row in self._data.rows(lang, WORDS_FILE):
                    if len(row) != 2 or row[1] not in ROLES:
                        raise LanguageDataError(f"{lang}/{WORDS_FILE}: bad row {row!r}")
                    for key in joined_variants(row[0], turkic=turkic):  # ZWNJ kept or not
                        if key.strip():
                            roles[row[1]].add(key.strip())
            self._words[lang] = _Words(
                turkic=turkic, **{role: frozenset(keys) for role, keys in roles.items()}
            )
        return self._words[lang]

    def merged_words(self) -> _Words:
        """The role words of every language together (for text of unknown language)."""
        if self._merged is None:
            parts = [self.words(lang) for lang in self.languages]
            self._merged = _Words(
                turkic=False,
                **{role: frozenset().union(*(getattr(p, role) for p in parts)) for role in ROLES},
            )
        return self._merged

    def _automaton(self, langs: tuple[str, ...]) -> ahocorasick.Automaton:
        automaton = self._automata.get(langs)
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for key, rules in self.rules().items():
                mine = tuple(rule for rule in rules if rule.lang in langs)
                if mine:
                    automaton.add_word(key, (key, mine, any(r.endings for r in mine)))
            if len(automaton):
                automaton.make_automaton()
            self._automata[langs] = automaton
        return automaton

    def _langs_for(self, lang: str | None) -> tuple[str, ...]:
        available = self.languages
        if lang in available:
            return (lang,)
        return available  # unknown or undetected language: every language's heads

    # --- finding ----------------------------------------------------------------------------
    def find(
        self,
        text: str | NormalizedText,
        lang: str | None,
        taken: Sequence[tuple[int, int]] = (),
    ) -> list[UnlinkedCandidate]:
        """Unlinked candidates in ``text`` (a string or its normalized view), by start.

        ``lang`` chooses the heads (all languages when ``None`` or unknown). ``taken`` are
        spans the registry linked: a candidate whose head word overlaps one is not reported
        (the registry knew the name); a linked country inside a name («خانه فرهنگ ایران»)
        does not hide it. Candidates do not overlap; the longest wins.
        """
        norm = text if isinstance(text, NormalizedText) else normalize(text, turkic=lang in TURKIC)
        langs = self._langs_for(lang)
        automaton = self._automaton(langs)
        if not len(automaton):
            return []
        view = norm.text
        size = len(view)
        original = norm.original
        hits: list[tuple[int, int, bool, tuple[HeadRule, ...]]] = []  # start, end (original)
        for last, (key, rules, endings) in automaton.iter(view):
            start = last - len(key) + 1
            if start > 0 and is_word_char(view[start - 1]):
                continue
            end = last + 1
            goes_on = end < size and is_word_char(view[end])
            if goes_on and not endings:
                continue
            hs, he = norm.to_original(start, end)
            if " " in key and _LINE_BREAK.search(original, hs, he):
                continue  # "University\nof": the view made the line break a space
            hits.append((hs, he, goes_on, rules))
        if not hits:
            return []
        linked = _Spans(taken)
        head_starts = {hs for hs, _, goes_on, _ in hits if not goes_on}
        merged = self.merged_words() if len(langs) > 1 else None
        found: list[UnlinkedCandidate] = []
        for hs, he, goes_on, rules in hits:
            if linked.overlaps(hs, he):
                continue
            if len(rules) > 1:  # the row written as in the text first («مؤسسه», «موسسه»)
                written = original[hs:he]
                ordered = sorted(rules, key=lambda r: r.head != written)
            else:
                ordered = list(rules)
            for rule in ordered:
                if goes_on and not rule.endings:
                    continue
                if rule.capital and not original[hs].isupper():
                    continue
                words = merged or self.words(rule.lang)
                if rule.before:
                    candidate = self._before(original, hs, he, rule, words, head_starts)
                else:
                    candidate = self._after(original, hs, he, goes_on, rule, words, head_starts)
                if candidate is not None:
                    found.append(candidate)
        return _without_overlaps(found)

    # --- names after a head («موسسه الهدی», "University of Tehran») -------------------------
    def _before(
        self,
        original: str,
        hs: int,
        he: int,
        rule: HeadRule,
        words: _Words,
        head_starts: set[int],
    ) -> UnlinkedCandidate | None:
        size = len(original)
        pos = he
        if pos < size and original[pos] == ZWNJ:  # a suffix glued to the head
            glued = _TOKEN.match(original, pos + 1)
            if glued is None:
                pos += 1  # a stray ZWNJ before a space
            elif _key(glued.group(), words.turkic) in words.link:
                pos = glued.end()
            else:
                return None  # «دانشگاه‌ها», «موسسه‌ای»: a common noun
        gap = _GAP.match(original, pos)
        if gap is None:
            return None
        pos = gap.end()
        left = _words_before(original, hs, rule, words, head_starts) if rule.extend_left else []
        start = left[0].start if left else hs
        if pos < size and original[pos] in OPEN_QUOTES:
            close = _closing_quote(original, pos)
            if close is None or _previous_key(original, start, words) in words.determiner:
                return None
            return UnlinkedCandidate(original[start:close], rule.type, rule.head, start, close)
        if rule.quoted:
            return None
        names: list[_Word] = []
        pending: list[_Word] = []  # connectors waiting for a name word after them
        linked = False
        while True:
            match = _TOKEN.match(original, pos)
            if match is None:
                break
            key = _key(match.group(), words.turkic)
            if match.start() in head_starts:  # another name begins: «… و دانشگاه تبریز»
                names = _before_connector(names)
                break
            if _is_verb(key, original, match.end(), words):  # «… اعلام کرد»: the word before
                names = names[:-1]  # is the verb's first part
                break
            word = _Word(match.start(), match.end(), key, key in words.generic)
            if rule.cased and not match.group()[0].isupper():
                if key not in words.connector and key not in words.forward_connector:
                    break
                word.connector = True
                pending.append(word)
            elif _ends_name(key, words):
                break
            elif not names and not pending and not linked and key in words.link:
                linked = True
            else:
                if not names and key in words.common:
                    return None
                if len(names) - len([w for w in names if w.connector]) >= rule.max_words:
                    break
                names.extend(pending)
                pending.clear()
                names.append(word)
            gap = _GAP.match(original, match.end())
            if gap is None:
                break
            pos = gap.end()
        while names and names[-1].connector:
            names.pop()
        if not names or all(w.generic for w in left + names if not w.connector):
            return None
        if _previous_key(original, start, words) in words.determiner:
            return None  # «این دانشگاه …», «в этом университете …»
        end = names[-1].end
        return UnlinkedCandidate(original[start:end], rule.type, rule.head, start, end)

    # --- names before a head ("Al-Huda Institute", «Təzəpir məscidi») ---------------------
    def _after(
        self,
        original: str,
        hs: int,
        he: int,
        goes_on: bool,
        rule: HeadRule,
        words: _Words,
        head_starts: set[int],
    ) -> UnlinkedCandidate | None:
        if rule.adjective and not goes_on and _capitalised_next(original, he, words):
            return None  # «Azərbaycan Mərkəzi Bankı»: the head is an adjective here
        gap = _GAP_END.search(original, max(0, hs - 16), hs)
        if gap is None:
            return None
        if gap.start() > 0 and original[gap.start() - 1] in CLOSE_QUOTES:
            opening = _opening_quote(original, gap.start() - 1)
            if opening is None:
                return None
            return UnlinkedCandidate(original[opening:he], rule.type, rule.head, opening, he)
        if rule.quoted:
            return None
        names = _words_before(original, hs, rule, words, head_starts)
        if not names or all(w.generic for w in names if not w.connector):
            return None
        start = names[0].start
        return UnlinkedCandidate(original[start:he], rule.type, rule.head, start, he)


def _ends_name(key: str, words: _Words) -> bool:
    if key in words.stop or key in words.verb or key in words.prefix:
        return True
    if " " in key and key.split(" ", 1)[0] in words.prefix:
        return True
    return any(len(key) > len(s) + 1 and key.endswith(s) for s in words.suffix)


def _is_verb(key: str, original: str, end: int, words: _Words) -> bool:
    """Whether the word ``key`` (ending at ``end``) is a light verb, also when written in
    two words that the data joins with ZWNJ («می کنند» for «می‌کنند»)."""
    if key in words.verb:
        return True
    if key not in words.stop and key not in words.prefix:
        return False
    gap = _GAP.match(original, end)
    following = _TOKEN.match(original, gap.end()) if gap is not None else None
    return following is not None and (
        f"{key} {_key(following.group(), words.turkic)}" in words.verb
    )


def _words_before(
    original: str, hs: int, rule: HeadRule, words: _Words, head_starts: set[int]
) -> list[_Word]:
    """The name words right before ``hs``, in text order."""
    low = max(0, hs - WINDOW)
    tokens = list(_TOKEN.finditer(original, low, hs))
    names: list[_Word] = []  # nearest first while scanning
    pending: list[_Word] = []
    expected = hs
    for match in reversed(tokens):
        if match.start() == low and low > 0:
            break  # may be cut by the window
        between = original[match.end() : expected]
        if not between or _GAP.fullmatch(between) is None:
            break
        if match.start() in head_starts:  # another name ends here: "X University and Y …"
            names = _before_connector(names)
            break
        token = match.group()
        key = _key(token, words.turkic)
        apostrophe = _APOSTROPHE_SUFFIX.search(token)
        if apostrophe is not None and token[apostrophe.start() + 1].islower():
            break  # «Türkiye'nin», "Iran's": the owner, not the name
        word = _Word(match.start(), match.end(), key, key in words.generic)
        if rule.cased and not token[0].isupper():
            if key not in words.connector:  # "Students of Khazar University": no connector
                break
            word.connector = True
            pending.append(word)
        elif _ends_name(key, words):
            break
        else:
            if len(names) >= rule.max_words:
                break
            names.extend(pending)
            pending.clear()
            names.append(word)
        expected = match.start()
    names.reverse()
    return names


def _before_connector(names: list[_Word]) -> list[_Word]:
    """``names`` cut before their last connector: what it joined belongs to another name."""
    for index in range(len(names) - 1, -1, -1):
        if names[index].connector:
            return names[:index]
    return names


def _previous_key(original: str, hs: int, words: _Words) -> str | None:
    """The key of the word right before ``hs`` on the same line, if only spaces part them."""
    end = hs
    while end > 0 and original[end - 1] in _GAP_SET:
        end -= 1
    if end == hs:
        return None
    start = end
    while start > 0 and (original[start - 1].isalnum() or original[start - 1] in _WORD_EXTRA):
        start -= 1
    return _key(original[start:end], words.turkic) if start < end else None


def _capitalised_next(original: str, he: int, words: _Words) -> bool:
    gap = _GAP.match(original, he)
    if gap is None:
        return False
    match = _TOKEN.match(original, gap.end())
    return (
        match is not None
        and match.group()[0].isupper()
        and not _ends_name(_key(match.group(), words.turkic), words)
    )


def _closing_quote(original: str, opening: int) -> int | None:
    """End (exclusive) of a quoted name opening at ``opening``, on one line, with a word."""
    limit = min(len(original), opening + QUOTE_LIMIT)
    for index in range(opening + 1, limit):
        char = original[index]
        if char in "\n\r":
            return None
        if char in CLOSE_QUOTES:
            inner = original[opening + 1 : index]
            return index + 1 if _TOKEN.search(inner) else None
    return None


def _opening_quote(original: str, closing: int) -> int | None:
    """Start of a quoted name closing at ``closing``, on one line, with a word."""
    limit = max(-1, closing - QUOTE_LIMIT)
    for index in range(closing - 1, limit, -1):
        char = original[index]
        if char in "\n\r":
            return None
        if char in OPEN_QUOTES:
            inner = original[index + 1 : closing]
            return index if _TOKEN.search(inner) else None
    return None


class _Spans:
    """Linked spans, for overlap tests in ``O(log n)``."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


def _without_overlaps(found: list[UnlinkedCandidate]) -> list[UnlinkedCandidate]:
    """The longest candidates first, then the earliest, then the longest head ("News Agency"
    before "Agency"); none overlapping; sorted by start."""
    chosen: list[UnlinkedCandidate] = []
    starts: list[int] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start, -len(c.head))):
        i = bisect_left(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen
