"""Uses of a country's name that are not the country acting: places and languages.

A capital names its government when it acts («باکو … مانع شد», "Tehran protested"), but
only a place in "in Baku", «در تهران», «Bakıda», «в Тегеране» (datelines and city lists are
read by their position, in `peyvand.registry.places`); a demonym names a language in
"Azerbaijani subtitles", «زیرنویس آذربایجانی». The cues are
data, `lang/<code>/name_usage.tsv`: the name kind they apply to (``capital``, ``demonym``, or
``name`` for a country's plain name, as in «Azerbaycan Türkçesi», a language),
where the cue stands (``before``: the word before; ``after``: the word after; ``suffix``: an
ending on the name's own word), and the cue. The words around a name are read from the
normalized view, which is what the cues are normalized to. Rows of kind ``list`` (side
``between``) are the words that join an enumeration, read by `peyvand.registry.places`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
        self._by_scope: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
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
        return frozenset(
            word
            for lang in SUPPORTED_LANGUAGES
            if self._data.has(lang, "name_usage.tsv")
            for kind, _, word in self._data.rows(lang, "name_usage.tsv")
            if kind == "list"
        )

    @staticmethod
    def scope(kind: str, langs: Iterable[str | None]) -> str:
        """The scope string of a check: ``kind@lang+lang``; no known language: all of them."""
        known = sorted({lang for lang in langs if lang})
        return f"{kind}@{'+'.join(known)}"

    def _scope(self, scope: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        if scope not in self._by_scope:
            kind, _, codes = scope.partition("@")
            wanted = set(codes.split("+")) if codes else None
            sides: dict[str, set[str]] = {"suffix": set(), "before": set(), "after": set()}
            for (rule_kind, side, lang), words in self.rules.items():
                if rule_kind == kind and (wanted is None or lang in wanted) and side in sides:
                    sides[side] |= words
            self._by_scope[scope] = (
                frozenset(sides["suffix"]),
                frozenset(sides["before"]),
                frozenset(sides["after"]),
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
        suffixes, before, after = self._by_scope.get(scope) or self._scope(scope)
        if suffixes and end > start + key_length:
            tail = view[start + key_length : end]
            if tail in suffixes or tail.lstrip("'’") in suffixes:
                return True
        if before:
            word = ""
            if start > 1 and view[start - 1] == " ":  # the usual case: a word and a space
                space = view.rfind(" ", max(0, start - REACH), start - 1)
                word = view[space + 1 : start - 1] if space >= 0 or start <= REACH else ""
            if not word.isalnum():
                word = word_before(view, start)
            if word in before:
                return True
        if after:
            word = ""
            if view.startswith(" ", end):
                stop = view.find(" ", end + 1, end + REACH)
                word = view[end + 1 : stop] if stop > 0 else ""
            if not word.isalnum():
                word = word_after(view, end)
            return word in after
        return False


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
                return str(words[0])
        if space < 0:
            break
        start = space + 1
    return ""
