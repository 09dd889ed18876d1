"""Uses of a country's name that are not the country acting: places and languages.

A capital names its government when it acts («باکو … مانع شد», "Tehran protested"), but
only a place in "in Baku", «در تهران», «Bakıda», «в Тегеране» (datelines and city lists are
read by their position, in `peyvand.registry.places`); a demonym names a language in
"Azerbaijani subtitles", «زیرنویس آذربایجانی». The cues are
data, `lang/<code>/name_usage.tsv`: the name kind they apply to (``capital``, ``demonym``, or
``name`` for a country's plain name, as in «Azerbaycan Türkçesi», a language),
where the cue stands (``before``: the word before; ``after``: the word after; ``suffix``: an
ending on the name's own word; ``prefix``: a clitic joined before it, Arabic «ب» "in" in
«ببغداد»; ``people``: a plural ending on the name's word that makes a demonym its
people, «هندی‌ها», which no other cue then turns into a language), and the cue. A
``before`` or ``after`` cue may be several words: "scheduled for" (a capital as the place
of a planned event, where «для Баку» alone is the government), «فارسی و» («ادبیات فارسی و
آذربایجانی»: a demonym joined to a language).
A word of side ``alone`` marks a language only when the demonym stands alone, with no noun
after it ("translated into Azerbaijani", "in Persian and Russian", but not "from Armenian
specialists"); the words of side ``alone-after`` may follow it and leave it alone ("and",
"by"). A hyphenated compound reads its second half as the word after ("Russian-language").
A cue also holds across a coordination: in "in Turkish, Azerbaijani and Kazakh" the
"in" before the first item makes each item a language, and in "Azerbaijani and Kazakh verse"
the "verse" after the last does (`_previous_item`, `_next_item`; a comma carries only the
``alone`` cues and the cues after, so "in Baku, Moscow said" keeps Moscow). The words around a
name are read from the normalized view, which is what the cues are normalized to. Rows of
kind ``list`` (side ``between``) are the words that join an enumeration (read here and by
`peyvand.registry.places`), and rows of kind ``city`` (side ``list``) the cities of uncased
scripts that make a capital beside them a place in a list (`peyvand.registry.places`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from peyvand.lang import SUPPORTED_LANGUAGES, LanguageData
from peyvand.registry.matcher import TURKIC
from peyvand.text.normalize import normalize

_VIEW_WORD = re.compile(r"(?:[^\W_]|['-])+")  # a word of the view: letters, digits, ' and -
REACH = 40  # how far before or after a name its neighbour word may start


class UsageRules:
    """The cues of `name_usage.tsv`, per language; a check reads only the cues of its scope.

    A scope is a cue kind and the languages whose cues apply: ``"demonym@ru"`` (a Russian
    document) or ``"demonym@fa+en"`` (an English name in a Persian one). Reading only those
    keeps the check cheap on the hot path; a scope with no languages reads every language.
    """

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._rules: dict[tuple[str, str, str], frozenset[str]] | None = None
        self._by_scope: dict[str, _Scope] = {}
        self._langs: dict[str, frozenset[str]] | None = None

    @property
    def rules(self) -> dict[tuple[str, str, str], frozenset[str]]:
        """``(kind, side, lang)`` → normalized cues."""
        if self._rules is None:
            rules: dict[tuple[str, str, str], set[str]] = {}
            for lang in SUPPORTED_LANGUAGES:
                if not self._data.has(lang, "name_usage.tsv"):
                    continue
                turkic = lang in TURKIC
                for kind, side, word in self._data.rows(lang, "name_usage.tsv"):
                    cue = normalize(word, turkic=turkic).text
                    rules.setdefault((kind, side, lang), set()).add(cue)
            self._rules = {key: frozenset(words) for key, words in rules.items()}
        return self._rules

    def has(self, kind: str, lang: str) -> bool:
        """Whether ``lang`` gives cues for names of this kind (so its names need the check)."""
        if self._langs is None:
            langs: dict[str, set[str]] = {}
            for rule_kind, _, code in self.rules:
                langs.setdefault(rule_kind, set()).add(code)
            self._langs = {key: frozenset(codes) for key, codes in langs.items()}
        return lang in self._langs.get(kind, frozenset())

    def list_words(self) -> frozenset[str]:
        """The words that join an enumeration («ve», "and», «и»), as written in text."""
        return self._words("list")

    def cities(self) -> frozenset[str]:
        """Cities of uncased scripts that make a capital listed beside them a place, normalized
        («تبریز، اردبیل و تهران»)."""
        return frozenset(normalize(word).text for word in self._words("city"))

    def _words(self, wanted: str) -> frozenset[str]:
        return frozenset(
            word
            for lang in SUPPORTED_LANGUAGES
            if self._data.has(lang, "name_usage.tsv")
            for kind, _, word in self._data.rows(lang, "name_usage.tsv")
            if kind == wanted
        )

    @staticmethod
    def scope(kind: str, langs: Iterable[str | None]) -> str:
        """The scope string of a check: ``kind@lang+lang``; no known language: all of them."""
        known = sorted({lang for lang in langs if lang})
        return f"{kind}@{'+'.join(known)}"

    def _scope(self, scope: str) -> _Scope:
        if scope not in self._by_scope:
            kind, _, codes = scope.partition("@")
            wanted = set(codes.split("+")) if codes else None
            sides: dict[str, set[str]] = {s: set() for s in _SIDES}
            for (rule_kind, side, lang), words in self.rules.items():
                if rule_kind == kind and (wanted is None or lang in wanted) and side in sides:
                    sides[side] |= words
            before = {w for w in sides["before"] if " " not in w}
            after = {w for w in sides["after"] if " " not in w}
            phrases_before = tuple(sorted(sides["before"] - before))
            phrases_after = tuple(sorted(sides["after"] - after))
            joins = frozenset(
                word
                for (rule_kind, _, lang), words in self.rules.items()
                if rule_kind == "list" and (wanted is None or lang in wanted)
                for word in words
            )
            self._by_scope[scope] = _Scope(
                frozenset(sides["suffix"]),
                frozenset(before),
                frozenset(after),
                phrases_before,
                phrases_after,
                frozenset(p.rsplit(" ", 1)[1] for p in phrases_before),
                frozenset(p.split(" ", 1)[0] for p in phrases_after),
                frozenset(sides["alone"]),
                frozenset(sides["alone-after"]),
                bool(sides["before"] or sides["alone"]),
                bool(sides["after"]),
                frozenset(sides["prefix"]),
                joins,
                frozenset(w.strip() for w in sides["people"]),
            )
        return self._by_scope[scope]

    def not_the_actor(
        self,
        view: str,
        text: str,
        start: int,
        end: int,
        o_start: int,
        o_end: int,
        key_length: int,
        scope: str,
    ) -> bool:
        """True when this mention names a place or a language rather than the country.

        ``start``, ``end``: the mention in the view; ``o_start``, ``o_end``: in the original;
        ``scope``: which cues apply (`scope`).
        """
        rules = self._by_scope.get(scope) or self._scope(scope)
        people = rules.people
        if people and end > start + key_length and view[start + key_length : end].strip() in people:
            return False  # «هندی‌ها زبان فارسی را …»: the people, whatever follows
        suffixes = rules.suffixes
        if suffixes and end > start + key_length:
            tail = view[start + key_length : end]
            if tail in suffixes or tail.lstrip("'’") in suffixes:
                return True
        joined = False  # a clitic that joins a coordination: «و» in «في إسطنبول وأنقرة»
        if start > 0 and view[start - 1].isalpha():  # after a clitic: «الأذربيجانية»
            clitic = _clitic(view, start)
            if clitic in rules.prefixes:
                return True  # «ببغداد»: "in Baghdad"
            joined = clitic in rules.joins
            start -= len(clitic)  # the words before are those before the whole word
        if rules.any_before:
            word = ""
            if start > 1 and view[start - 1] == " ":  # the usual case: a word and a space
                space = view.rfind(" ", max(0, start - REACH), start - 1)
                word = view[space + 1 : start - 1] if space >= 0 or start <= REACH else ""
            if not word.isalnum():
                word = word_before(view, start)
            if _before(view, start, end, word, rules, True):
                return True
            if joined:  # «في إسطنبول وأنقرة»: the cue before the item joined to it holds
                item = _item_before(view, start)
                if item >= 0 and _before(view, item, end, word_before(view, item), rules, True):
                    return True
            if rules.joins and (word in rules.joins or _comma_before(view, start)):
                item, joined = start, True
                for _ in range(HOPS):  # "in Turkish, Azerbaijani and Kazakh"
                    found = _previous_item(view, item, rules.joins)
                    if found is None:
                        break
                    item, by_word = found
                    joined = joined and by_word
                    if _before(view, item, end, word_before(view, item), rules, joined):
                        return True
        if rules.any_after:
            word = ""
            if view.startswith(" ", end):
                stop = view.find(" ", end + 1, end + REACH)
                word = view[end + 1 : stop] if stop > 0 else ""
            if not word.isalnum():
                word = word_after(view, end)
            if _after(view, end, word, rules):
                return True
            if rules.joins and (word in rules.joins or view[end : end + 1] in _COMMAS):
                item = end
                for _ in range(HOPS):  # "Azerbaijani and Kazakh verse"
                    following = _next_item(view, item, rules.joins)
                    if following is None:
                        break
                    item = following
                    if _after(view, item, word_after(view, item), rules):
                        return True
        return False


def _before(view: str, start: int, end: int, word: str, rules: _Scope, joined: bool) -> bool:
    """Whether the cues before the item at ``start`` make the name ending at ``end`` a place
    or a language; ``joined``: no comma between them (only ``alone`` cues cross a comma)."""
    if joined and word in rules.before:
        return True
    if word in rules.alone and _alone(view, end, rules.alone_after):
        return True  # "translated into Azerbaijani.", not "from Armenian specialists"
    return joined and word in rules.phrase_ends and _ends_with(view, start, rules.phrases_before)


def _after(view: str, end: int, word: str, rules: _Scope) -> bool:
    if word in rules.after:
        return True
    return word in rules.phrase_starts and _starts_with(view, end, rules.phrases_after)


_SIDES = ("suffix", "before", "after", "alone", "alone-after", "prefix", "people")
_COMMAS = (",",)  # the view: normalize folds «،» to ","
HOPS = 2  # items of a coordination a cue reaches across


class _Scope(NamedTuple):
    """The cues of one scope, by side; phrases are the cues of several words."""

    suffixes: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    phrases_before: tuple[str, ...]
    phrases_after: tuple[str, ...]
    phrase_ends: frozenset[str]  # the last word of each phrase before: only then is it read
    phrase_starts: frozenset[str]  # the first word of each phrase after
    alone: frozenset[str]
    alone_after: frozenset[str]
    any_before: bool  # the words before are read at all
    any_after: bool
    prefixes: frozenset[str]  # clitics joined before the name
    joins: frozenset[str]  # the words that join a coordination ("and", «و»)
    people: frozenset[str]  # plural endings that make a demonym its people («هندی‌ها»)


def _clitic(view: str, start: int) -> str:
    """The letters joined before ``start`` in its word («ب» in «ببغداد»)."""
    floor = max(0, start - 4)
    space = view.rfind(" ", floor, start)
    return view[space + 1 if space >= 0 else floor : start]


def _item_before(view: str, start: int) -> int:
    """Where the word right before ``start`` begins, with only spaces between (an item
    joined to the name by a clitic conjunction); -1 if punctuation or nothing is there."""
    i = start
    while i > 0 and view[i - 1] == " ":
        i -= 1
    if i in (start, 0) or not view[i - 1].isalnum():
        return -1
    space = view.rfind(" ", max(0, i - REACH), i)
    return space + 1 if space >= 0 else 0


def _comma_before(view: str, start: int) -> bool:
    head = view[max(0, start - 3) : start].rstrip(" ")
    return head[-1:] in _COMMAS


def _previous_item(view: str, start: int, joins: frozenset[str]) -> tuple[int, bool] | None:
    """The start of the item listed before the name at ``start`` ("Turkish" before "and
    Azerbaijani"; "Turkish" before ", Azerbaijani"), and whether a word joined them rather
    than a comma; None if no item of one word is listed right before it."""
    i = start
    while i > 0 and view[i - 1] == " ":
        i -= 1
    if i == 0:
        return None
    if view[i - 1] in _COMMAS:
        i, by_word = i - 1, False
    else:
        space = view.rfind(" ", max(0, i - 12), i)
        if space < 0 or view[space + 1 : i] not in joins:
            return None
        i, by_word = space, True
    while i > 0 and view[i - 1] == " ":
        i -= 1
    if i == 0 or not view[i - 1].isalnum():
        return None
    space = view.rfind(" ", max(0, i - REACH), i)
    return (space + 1 if space >= 0 else 0), by_word


def _next_item(view: str, end: int, joins: frozenset[str]) -> int | None:
    """The end of the item listed after the name ending at ``end`` ("Kazakh" in "Azerbaijani
    and Kazakh verse"); None if no item of one word follows."""
    size = len(view)
    i = end
    while i < size and view[i] == " ":
        i += 1
    if i < size and view[i] in _COMMAS:
        i += 1
        while i < size and view[i] == " ":
            i += 1
        space = view.find(" ", i, i + 12)
        if space > 0 and view[i:space] in joins:
            i = space + 1
    else:
        space = view.find(" ", i, i + 12)
        if space < 0 or view[i:space] not in joins:
            return None
        i = space + 1
    while i < size and view[i] == " ":
        i += 1
    stop = i
    while stop < size and (view[stop].isalnum() or view[stop] in "'’-"):
        stop += 1
    return stop if stop > i else None


def _ends_with(view: str, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether the words right before ``start`` are one of ``phrases`` (punctuation aside)."""
    floor = max(0, start - 2 * REACH)
    words = _VIEW_WORD.findall(view, floor, start)
    if not words or not view[floor:start].rstrip().endswith(words[-1]):
        return False  # punctuation between the phrase and the name
    tail = " ".join(words)
    return any(tail == phrase or tail.endswith(" " + phrase) for phrase in phrases)


def _starts_with(view: str, end: int, phrases: tuple[str, ...]) -> bool:
    """Whether the words right after ``end`` are one of ``phrases`` (punctuation aside)."""
    rest = view[end : end + 2 * REACH]
    words = _VIEW_WORD.findall(rest)
    if not words or not rest.lstrip().startswith(words[0]):
        return False
    head = " ".join(words)
    return any(head == phrase or head.startswith(phrase + " ") for phrase in phrases)


def _alone(view: str, end: int, closing: frozenset[str]) -> bool:
    """Whether a name stands alone: punctuation or the text's end after it, or a closing
    word ("and", "by"), not a noun it qualifies ("from Armenian specialists")."""
    rest = view[end : end + REACH].lstrip(" ")
    if not rest or not rest[0].isalnum():
        return True
    word = _VIEW_WORD.match(rest)
    return word is not None and word.group() in closing


def word_before(view: str, start: int) -> str:
    """The last word of the view that ends before ``start`` (within ``REACH``); "" if none."""
    floor = max(0, start - REACH)
    end = start
    while end > floor:
        space = view.rfind(" ", floor, end)
        token = view[space + 1 if space >= 0 else floor : end]
        if token:
            if token.isalnum():
                return token
            words = _VIEW_WORD.findall(token)
            if words:
                return str(words[-1])
        if space < 0:
            break
        end = space
    return ""


def word_after(view: str, end: int) -> str:
    """The first word of the view that starts at or after ``end`` (within ``REACH``)."""
    ceiling = min(len(view), end + REACH)
    start = end
    while start < ceiling:
        space = view.find(" ", start, ceiling)
        token = view[start : space if space >= 0 else ceiling]
        if token:
            if token.isalnum():
                return token
            words = _VIEW_WORD.findall(token)
            if words:
                return str(words[0]).lstrip("-")  # "Russian-language": the second half
        if space < 0:
            break
        start = space + 1
    return ""
