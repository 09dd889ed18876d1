"""Misspelt names: which words to check, and the edit-distance check itself.

A long one-word name (``FUZZY_MIN`` letters or more) is found misspelt through its *seeds*,
keys of the name automaton that start with a space like the names' own: its first ``SEED``
letters, which catch a slip anywhere after them, and those letters as the usual slips change
them (`variants`: a letter dropped, two swapped, a letter doubled, a vowel or a neighbouring
key added, a letter typed as one that sounds or looks alike or sits next to it on the
keyboard: «آزربایجان» for «آذربایجان», "Azrebaijan"), which catch most slips before; a
variant that begins a common word is left out (it would send every such word to the check).
The first letter must be right, as the check demands. A seed only sends the one word it
starts to the edit-distance check, and the answer is cached: words repeat across documents.
Common words (`lang/<code>/common_words.txt`), also inflected, are never misspelt names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz.distance import Levenshtein

SEED = 4
FUZZY_MIN = 7
FUZZY_CACHE = 100_000  # words remembered by the misspelling check

Closest = tuple[str, int, float]  # the name, where it ends in the word, the similarity


# letters written for one another (by sound or by shape), per script, after normalization
_CONFUSED = (
    "زذضظژ",
    "سصثش",
    "تط",
    "هح",
    "جچحخ",
    "قغ",
    "فق",
    "اآع",
    "بپتثن",
    "نی",
    "دذ",
    "رزژ",
    "کگ",
    "eəéèë",
    "iıíìîïy",
    "oöóòô",
    "uüúùû",
    "cçk",
    "sşz",
    "gğq",
    "aâáàäə",
    "xhk",
    "vw",
    "yj",
    "еёэ",
    "ийыі",
    "ая",
    "ую",
    "оа",
    "шщ",
    "ьъ",
    "сз",
    "тд",
    "вф",
    "гкх",
)
_VOWELS = ("اوی", "aeiouəıy", "аеиоуыья")
# keyboard rows (QWERTY, Persian ISIRI 9147, ЙЦУКЕН): a slip hits a neighbouring key
_ROWS = (
    ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    ("ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپو"),
    ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"),
)


def _neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for rows in _ROWS:
        for r, row in enumerate(rows):
            for i, char in enumerate(row):
                found = near.setdefault(char, set())
                found.update(row[max(0, i - 1) : i + 2])
                if r > 0:
                    found.update(rows[r - 1][i : i + 2])
                if r + 1 < len(rows):
                    found.update(rows[r + 1][max(0, i - 1) : i + 1])
                found.discard(char)
    return near


_NEAR = _neighbours()
_SIMILAR = {
    c: "".join(sorted(({x for g in _CONFUSED if c in g for x in g} | _NEAR.get(c, set())) - {c}))
    for c in {*_NEAR, *(c for g in _CONFUSED for c in g)}
}


def variants(key: str) -> set[str]:
    """The first ``SEED`` letters of ``key`` as one slip in letters 2–4 changes them."""
    head = key[: SEED + 1]
    vowels = next((v for v in _VOWELS if any(c in v for c in key)), "")
    found: set[str] = set()
    for i in range(1, SEED):
        found.add((head[:i] + head[i + 1 :])[:SEED])  # dropped
        found.add((head[:i] + head[i + 1] + head[i] + head[i + 2 :])[:SEED])  # swapped
        for other in _SIMILAR.get(head[i], ""):
            found.add((head[:i] + other + head[i + 1 :])[:SEED])  # confused
        for extra in {head[i - 1], head[i], *vowels, *_NEAR.get(head[i], ())}:
            found.add((head[:i] + extra + head[i:])[:SEED])  # doubled or added
    found.discard(head[:SEED])
    return {v for v in found if v.isalnum()}


def seed_keys(
    keys: Iterable[str], common: frozenset[str], articles: frozenset[str] = frozenset()
) -> dict[str, tuple[str, ...]]:
    """The names each seed stands for: the first letters of long one-word names, as written
    and with one slip (`variants`; not those that begin a common word: too many hits). An
    article a name starts with tells no name apart, so it does not count toward its length."""
    starts = {word[:SEED] for word in common}
    seeds: dict[str, list[str]] = {}
    for key in keys:
        # «الروسية» has five letters of its own: one slip from «الرواية» ("the novel")
        article = max((len(a) for a in articles if key.startswith(a)), default=0)
        letters = len(key) - article
        if letters >= FUZZY_MIN and " " not in key and key not in common:
            for seed in (key[:SEED], *(v for v in variants(key) if v not in starts)):
                names = seeds.setdefault(seed, [])
                if key not in names:
                    names.append(key)
    return {seed: tuple(names) for seed, names in seeds.items()}


class Misspellings:
    """The edit-distance check of one word against the names a seed stands for."""

    def __init__(
        self,
        names: Mapping[str, object],
        common: frozenset[str],
        suffixes: Iterable[str],
        key_suffixes: Mapping[str, tuple[str, ...]],
    ) -> None:
        self._names = names
        self._common = common
        self._suffix_set = frozenset(suffixes)
        self._suffix_sizes = sorted({len(s) for s in self._suffix_set})
        self._key_suffixes = key_suffixes
        self._cache: dict[tuple[str, str], Closest | None] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_cache": {}}

    def closest(self, word: str, seed: str, keys: tuple[str, ...]) -> Closest | None:
        """The misspelt name ``word`` (which begins with ``seed``) may be; cached."""
        cache_key = (word, seed)
        if cache_key in self._cache:
            return self._cache[cache_key]
        best = None
        if len(word) >= FUZZY_MIN - 1 and word not in self._names and not self.is_common(word):
            best = self._best(word, keys)
        if len(self._cache) >= FUZZY_CACHE:
            self._cache.clear()
        self._cache[cache_key] = best
        return best

    def is_common(self, word: str) -> bool:
        """A common word, also with an inflection («کمبودها», "stations"): never a misspelt name."""
        if word in self._common:
            return True
        return any(
            word[-size:] in self._suffix_set and word[:-size] in self._common
            for size in self._suffix_sizes
            if size < len(word)
        )

    def _best(self, word: str, keys: tuple[str, ...]) -> Closest | None:
        """The closest name within the allowed edits, and where in ``word`` the name ends."""
        best: Closest | None = None
        for key in keys:
            if word[0] != key[0]:
                continue
            allowed = 1 if len(key) < 10 else 2
            for stop in _stops(word, len(key), allowed, self._key_suffixes.get(key, ())):
                distance = Levenshtein.distance(word[:stop], key, score_cutoff=allowed)
                if 0 < distance <= allowed:
                    score = 100.0 * (1 - distance / max(len(key), stop))
                    if best is None or score > best[2]:
                        best = (key, stop, score)
        return best


def _stops(word: str, length: int, allowed: int, suffixes: tuple[str, ...]) -> list[int]:
    """Candidate ends of the name inside ``word``: the whole word or before a suffix."""
    stops = [len(word)] if abs(len(word) - length) <= allowed else []
    for suffix in suffixes:
        stop = len(word) - len(suffix)
        if word.endswith(suffix) and abs(stop - length) <= allowed and stop not in stops:
            stops.append(stop)
    return stops
