"""Find actor names in a document: one Aho–Corasick pass over the normalized view.

Names and text are normalized alike, so Arabic letter forms, ZWNJ variants, digits and case
never stop a match. A match must start at a word boundary and end at one or before one of
the language's inflectional suffixes (`lang/<code>/name_suffixes.txt`), so «ایرانی‌ها» and
«Azərbaycanın» link. Misspellings are caught in the same pass: the automaton also holds the
first and last four letters of every long one-word name ("seeds"); a seed found outside an
exact match sends just that word to an edit-distance check. Never a regex alternation of
names: it is a thousand times slower.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick
from rapidfuzz.distance import Levenshtein

from peyvand.text.normalize import NormalizedText, normalize

TURKIC = frozenset({"az", "tr"})
SEED = 4
FUZZY_MIN = 7


@dataclass(frozen=True, slots=True)
class NameEntry:
    actor_id: str
    name: str
    lang: str
    kind: str


@dataclass(frozen=True, slots=True)
class NameMatch:
    actor_id: str
    start: int  # original offsets
    end: int
    entry: NameEntry
    key: str  # the normalized name that matched
    score: float = 100.0  # 100 for exact matches; a similarity for fuzzy ones

    @property
    def fuzzy(self) -> bool:
        return self.score < 100.0


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in "\u0654\u0670"


def _case_fit(group: tuple[NameEntry, ...], first: str) -> NameEntry | None:
    """The first entry whose capitalisation the text respects (uncased scripts always do)."""
    if not first.islower():
        return group[0]
    for entry in group:
        if not entry.name[:1].isupper():
            return entry
    return None


def name_key(name: str, lang: str) -> str:
    return normalize(name, turkic=lang in TURKIC).text.strip()


class NameMatcher:
    """An automaton over every name (and the fuzzy seeds of long ones), built once."""

    def __init__(
        self,
        entries: Iterable[NameEntry],
        suffixes: Iterable[str] = (),
        common_words: Iterable[str] = (),
    ) -> None:
        grouped: dict[str, list[NameEntry]] = {}
        for entry in entries:
            for turkic in (False, True) if entry.lang in TURKIC else (False,):
                key = normalize(entry.name, turkic=turkic).text.strip()
                if len(key) >= 2:
                    grouped.setdefault(key, []).append(entry)
        self._groups = {key: tuple(group) for key, group in grouped.items()}
        self._common = frozenset(common_words)
        seeds: dict[str, list[str]] = {}
        for key in self._groups:
            if len(key) >= FUZZY_MIN and " " not in key and key not in self._common:
                seeds.setdefault(key[:SEED], []).append(key)
                seeds.setdefault(key[-SEED:], []).append(key)
        automaton = ahocorasick.Automaton()
        for key in self._groups:
            automaton.add_word(key, (key, False))
        for seed, keys in seeds.items():
            if seed not in self._groups:
                automaton.add_word(seed, (seed, True))
        self._seed_keys = {seed: tuple(keys) for seed, keys in seeds.items()}
        automaton.make_automaton()
        self._automaton = automaton
        self._suffixes = sorted(set(suffixes), key=len, reverse=True)

    @property
    def automaton(self) -> ahocorasick.Automaton:
        return self._automaton

    def __len__(self) -> int:
        return len(self._groups)

    def entries_for(self, key: str) -> tuple[NameEntry, ...]:
        return self._groups.get(key, ())

    def _suffix_end(self, view: str, end: int) -> int | None:
        """Where the word ends if the match may end at ``end``; None if it may not."""
        if end >= len(view) or not is_word_char(view[end]):
            return end
        for suffix in self._suffixes:
            stop = end + len(suffix)
            if view.startswith(suffix, end) and (stop >= len(view) or not is_word_char(view[stop])):
                return stop
        return None

    def find(self, norm: NormalizedText, fuzzy: bool = True) -> list[NameMatch]:
        """Leftmost-longest, non-overlapping matches in original offsets; exact before fuzzy."""
        view = norm.text
        exact: list[tuple[int, int, str]] = []
        seed_hits: list[tuple[int, str]] = []
        for last, (key, is_seed) in self._automaton.iter(view):
            start = last - len(key) + 1
            if is_seed:
                if fuzzy:
                    seed_hits.append((start, key))
                if key not in self._groups:
                    continue
            end = last + 1
            if start > 0 and is_word_char(view[start - 1]):
                continue
            stop = self._suffix_end(view, end)
            if stop is None:
                continue
            exact.append((start, stop, key))  # the evidence is the whole inflected word
        exact.sort(key=lambda c: (c[0], c[0] - c[1]))
        matches: list[NameMatch] = []
        taken: list[tuple[int, int]] = []
        covered_until = -1
        for start, end, key in exact:
            if start < covered_until:
                continue
            o_start, o_end = norm.to_original(start, end)
            entry = _case_fit(self._groups[key], norm.original[o_start])
            if entry is None:
                continue  # «того» is not Togo, "turkey" is not Türkiye: names are Capitalised
            covered_until = end
            taken.append((start, end))
            matches.append(NameMatch(entry.actor_id, o_start, o_end, entry, key))
        if seed_hits:
            matches.extend(self._fuzzy(norm, seed_hits, taken))
            matches.sort(key=lambda m: m.start)
        return matches

    def _fuzzy(
        self, norm: NormalizedText, hits: list[tuple[int, str]], taken: list[tuple[int, int]]
    ) -> list[NameMatch]:
        view = norm.text
        found: dict[int, NameMatch] = {}
        for position, seed in hits:
            start = position
            while start > 0 and is_word_char(view[start - 1]):
                start -= 1
            end = position + len(seed)
            while end < len(view) and is_word_char(view[end]):
                end += 1
            if start in found or any(s < end and start < e for s, e in taken):
                continue
            word = view[start:end]
            if len(word) < FUZZY_MIN - 1 or word in self._common or word in self._groups:
                continue
            best = self._best(word, self._seed_keys[seed])
            if best is None:
                continue
            key, stop, score = best
            o_start, o_end = norm.to_original(start, start + stop)
            original = norm.original[o_start:o_end]
            entry = self._groups[key][0]
            if original[:1].isalpha() and original[:1].lower() != original[:1].upper():
                if not original[0].isupper():
                    continue  # cased scripts: only a Capitalised word may be a misspelt name
            found[start] = NameMatch(entry.actor_id, o_start, o_end, entry, key, score)
        return list(found.values())

    def _best(self, word: str, keys: tuple[str, ...]) -> tuple[str, int, float] | None:
        """The closest name within the allowed edits, and where in ``word`` the name ends."""
        best: tuple[str, int, float] | None = None
        for key in keys:
            allowed = 1 if len(key) < 10 else 2
            for stop in self._stops(word, len(key), allowed):
                if word[0] != key[0]:
                    break
                distance = Levenshtein.distance(word[:stop], key, score_cutoff=allowed)
                if 0 < distance <= allowed:
                    score = 100.0 * (1 - distance / max(len(key), stop))
                    if best is None or score > best[2]:
                        best = (key, stop, score)
        return best

    def _stops(self, word: str, length: int, allowed: int) -> list[int]:
        """Candidate ends of the name inside ``word``: the whole word or before a suffix."""
        stops = [len(word)] if abs(len(word) - length) <= allowed else []
        for suffix in self._suffixes:
            stop = len(word) - len(suffix)
            if word.endswith(suffix) and abs(stop - length) <= allowed and stop not in stops:
                stops.append(stop)
        return stops
