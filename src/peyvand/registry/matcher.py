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

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
from rapidfuzz.distance import Levenshtein

from peyvand.text.normalize import NormalizedText, normalize

TURKIC = frozenset({"az", "tr"})
SEED = 4
FUZZY_MIN = 7
FUZZY_CACHE = 100_000  # words remembered by the misspelling check
BLOCKED = "-"  # the id of a name that must never link (same as countries.BLOCKED)


def _code_version() -> str:
    """A hash of the code that shapes a built matcher: a pickle made by other code is stale."""
    digest = hashlib.sha256()
    for name in ("matcher.py", "countries.py"):
        try:
            digest.update(Path(__file__).with_name(name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


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
    langs: frozenset[str] = frozenset()  # every language that has this name (for any actor)
    view: tuple[int, int] = (0, 0)  # the same span in the normalized view

    @property
    def fuzzy(self) -> bool:
        return self.score < 100.0


_WORD_RUN = re.compile(r"[^\W_]*")  # letters and digits: what is_word_char accepts in a view


def _word_end(view: str, position: int) -> int:
    run = _WORD_RUN.match(view, position)
    return run.end() if run else position


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


def _cased(key: str) -> bool:
    return key[:1].lower() != key[:1].upper()


def _longest_first(suffixes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({s for s in suffixes if s}, key=lambda s: (-len(s), s)))


def name_key(name: str, lang: str) -> str:
    return normalize(name, turkic=lang in TURKIC).text.strip()


class NameMatcher:
    """An automaton over every name (and the fuzzy seeds of long ones), built once.

    ``suffixes`` may follow any name; with ``suffixes_by_lang`` a name takes only the
    suffixes of its own languages (so English "India" does not take Azerbaijani «-na» and
    "Indiana" stays a US state). ``prefixes_by_lang`` are clitics written joined before a
    name of that language (Arabic «و», «ب», «ل»: «وإيران» "and Iran"); they are not part of
    the evidence. Entries whose id is ``-`` (names that must never link) come
    first among the entries of one key, so a data file's block outranks a CLDR name.
    """

    def __init__(
        self,
        entries: Iterable[NameEntry],
        suffixes: Iterable[str] = (),
        common_words: Iterable[str] = (),
        suffixes_by_lang: Mapping[str, Iterable[str]] | None = None,
        prefixes_by_lang: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        grouped: dict[str, list[NameEntry]] = {}
        for entry in entries:
            for turkic in (False, True) if entry.lang in TURKIC else (False,):
                key = normalize(entry.name, turkic=turkic).text.strip()
                if len(key) >= 2:
                    grouped.setdefault(key, []).append(entry)
        self._groups = {
            key: tuple(sorted(group, key=lambda e: e.actor_id != BLOCKED))
            for key, group in grouped.items()
        }
        shared: dict[frozenset[str], frozenset[str]] = {}
        self._langs = {
            key: shared.setdefault(langs, langs)
            for key, langs in ((k, frozenset(e.lang for e in g)) for k, g in self._groups.items())
        }
        self._common = frozenset(common_words)
        self._suffixes = _longest_first(suffixes)
        by_lang = {lang: frozenset(v) for lang, v in (suffixes_by_lang or {}).items()}
        self._key_suffixes = self._suffixes_per_key(by_lang)
        sets: dict[tuple[str, ...], frozenset[str]] = {}
        self._key_sets = {
            key: sets.setdefault(sfx, frozenset(sfx)) for key, sfx in self._key_suffixes.items()
        }
        self._suffix_set = frozenset(self._suffixes)
        self._suffix_sizes = sorted({len(s) for s in self._suffixes})
        self._key_prefixes = self._prefixes_per_key(prefixes_by_lang or {})
        self._longest_prefix = max(
            (len(p) for ps in self._key_prefixes.values() for p in ps), default=0
        )
        seeds: dict[str, list[str]] = {}
        for key in self._groups:
            if len(key) >= FUZZY_MIN and " " not in key and key not in self._common:
                seeds.setdefault(key[:SEED], []).append(key)
                seeds.setdefault(key[-SEED:], []).append(key)
        automaton = ahocorasick.Automaton()
        for key in self._groups:
            automaton.add_word(key, (key, False))
        for seed in seeds:
            if seed not in self._groups:
                automaton.add_word(seed, (seed, True))
        self._seed_keys = {seed: tuple(keys) for seed, keys in seeds.items()}
        self._fuzzy_cache: dict[tuple[str, str], tuple[str, int, float] | None] = {}
        automaton.make_automaton()
        self._automaton = automaton

    def _suffixes_per_key(self, by_lang: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
        """The suffixes each name may take.

        A metonym in an uncased (Arabic) script takes none: «تهرانی» is a surname or "of the
        city", «باکویی» a resident of Baku; neither is the government the bare name stands for.
        """
        cache: dict[frozenset[str], tuple[str, ...]] = {}
        per_key: dict[str, tuple[str, ...]] = {}
        for key, group in self._groups.items():
            if not _cased(key) and all(e.kind in ("metonym", "capital") for e in group):
                per_key[key] = ()
                continue
            if not by_lang:
                per_key[key] = self._suffixes
                continue
            langs = frozenset(e.lang for e in group)
            if langs not in cache:
                chosen: set[str] = set()
                for lang in langs:
                    chosen |= by_lang.get(lang, frozenset())
                cache[langs] = _longest_first(chosen)
            per_key[key] = cache[langs]
        return per_key

    def _prefixes_per_key(self, by_lang: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
        sets = {lang: frozenset(p for p in prefixes if p) for lang, prefixes in by_lang.items()}
        per_key: dict[str, frozenset[str]] = {}
        for key, group in self._groups.items():
            chosen = frozenset().union(*(sets.get(e.lang, frozenset()) for e in group))
            if chosen:
                per_key[key] = chosen
        return per_key

    def _prefixed(self, view: str, start: int, key: str) -> bool:
        """Whether the word before ``start`` is only a clitic this name may take («و» + «إيران»)."""
        prefixes = self._key_prefixes.get(key)
        if not prefixes:
            return False
        for size in range(1, min(self._longest_prefix, start) + 1):
            begin = start - size
            if not is_word_char(view[begin]):
                return False
            if view[begin:start] in prefixes and (begin == 0 or not is_word_char(view[begin - 1])):
                return True
        return False

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_fuzzy_cache": {}, "_code_version": CODE_VERSION}

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state.pop("_code_version", None) != CODE_VERSION:
            raise ValueError("this matcher was pickled by other code: build it again")
        self.__dict__.update(state)

    @property
    def automaton(self) -> ahocorasick.Automaton:
        return self._automaton

    def __len__(self) -> int:
        return len(self._groups)

    def entries_for(self, key: str) -> tuple[NameEntry, ...]:
        return self._groups.get(key, ())

    def suffixes_for(self, key: str) -> tuple[str, ...]:
        return self._key_suffixes.get(key, self._suffixes)

    @staticmethod
    def _suffix_end(view: str, end: int, suffixes: frozenset[str]) -> int | None:
        """Where the word ends if the match may end at ``end``; None if it may not.

        A suffix runs to the end of the word, so the rest of the word must be one of the
        name's suffixes. It may also be detached: after an apostrophe ("İran'ın", "Iran's") or
        after the space a ZWNJ became («ایرانی‌ها»); the evidence then covers the whole word.
        """
        if end >= len(view):
            return end
        char = view[end]
        if char.isalnum():
            stop = _word_end(view, end)
            return stop if view[end:stop] in suffixes else None
        if char in " '" and suffixes:
            stop = _word_end(view, end + 1)
            if stop > end + 1 and view[end:stop] in suffixes:
                return stop
        return end

    def find(self, norm: NormalizedText, fuzzy: bool = True) -> list[NameMatch]:
        """Leftmost-longest, non-overlapping matches in original offsets; exact before fuzzy."""
        view = norm.text
        exact: list[tuple[int, int, str]] = []
        seed_hits: list[tuple[int, str]] = []
        for last, (key, is_seed) in self._automaton.iter(view):
            start = last - len(key) + 1
            if is_seed:  # a seed is never also a name
                if fuzzy:
                    seed_hits.append((start, key))
                continue
            end = last + 1
            if start > 0 and view[start - 1].isalnum() and not self._prefixed(view, start, key):
                continue
            stop = self._suffix_end(view, end, self._key_sets[key])
            if stop is None:
                continue
            exact.append((start, stop, key))  # the evidence is the whole inflected word
        # leftmost, then the longest word, then the longest name: «روسای» (a blocked word)
        # beats «روس» + «ای»
        exact.sort(key=lambda c: (c[0], -c[1], -len(c[2])))
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
            matches.append(
                NameMatch(
                    entry.actor_id,
                    o_start,
                    o_end,
                    entry,
                    key,
                    100.0,
                    self._langs[key],
                    (start, end),
                )
            )
        if seed_hits:
            matches.extend(self._fuzzy(norm, seed_hits, taken))
            matches.sort(key=lambda m: m.start)
        return matches

    def _fuzzy(
        self, norm: NormalizedText, hits: list[tuple[int, str]], taken: list[tuple[int, int]]
    ) -> list[NameMatch]:
        view = norm.text
        starts = [s for s, _ in taken]  # in text order, not overlapping
        found: dict[int, NameMatch] = {}
        tried: set[tuple[int, str]] = set()
        for position, seed in hits:
            inside = bisect_right(starts, position) - 1
            if inside >= 0 and taken[inside][1] > position:
                continue  # the seed of a name that matched exactly
            start = position
            while start > 0 and is_word_char(view[start - 1]):
                start -= 1
            end = position + len(seed)
            while end < len(view) and is_word_char(view[end]):
                end += 1
            before_end = bisect_left(starts, end) - 1
            if start in found or (before_end >= 0 and taken[before_end][1] > start):
                continue
            if (start, seed) in tried:
                continue
            tried.add((start, seed))
            best = self._closest(view[start:end], seed)
            if best is None:
                continue
            key, stop, score = best
            o_start, o_end = norm.to_original(start, start + stop)
            original = norm.original[o_start:o_end]
            entry = self._groups[key][0]
            if _cased(original[:1]) and not original[0].isupper():
                continue  # cased scripts: only a Capitalised word may be a misspelt name
            found[start] = NameMatch(
                entry.actor_id,
                o_start,
                o_end,
                entry,
                key,
                score,
                self._langs[key],
                (start, start + stop),
            )
        return list(found.values())

    def _closest(self, word: str, seed: str) -> tuple[str, int, float] | None:
        """The misspelt name ``word`` may be (cached: words repeat across documents)."""
        cache_key = (word, seed)
        if cache_key in self._fuzzy_cache:
            return self._fuzzy_cache[cache_key]
        best = None
        if len(word) >= FUZZY_MIN - 1 and word not in self._groups and not self._is_common(word):
            best = self._best(word, self._seed_keys[seed])
        if len(self._fuzzy_cache) >= FUZZY_CACHE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[cache_key] = best
        return best

    def _is_common(self, word: str) -> bool:
        """A common word, also with an inflection («کمبودها», "stations"): never a misspelt name."""
        if word in self._common:
            return True
        return any(
            word[-size:] in self._suffix_set and word[:-size] in self._common
            for size in self._suffix_sizes
            if size < len(word)
        )

    def _best(self, word: str, keys: tuple[str, ...]) -> tuple[str, int, float] | None:
        """The closest name within the allowed edits, and where in ``word`` the name ends."""
        best: tuple[str, int, float] | None = None
        for key in keys:
            if word[0] != key[0]:
                continue
            allowed = 1 if len(key) < 10 else 2
            for stop in self._stops(word, len(key), allowed, self.suffixes_for(key)):
                distance = Levenshtein.distance(word[:stop], key, score_cutoff=allowed)
                if 0 < distance <= allowed:
                    score = 100.0 * (1 - distance / max(len(key), stop))
                    if best is None or score > best[2]:
                        best = (key, stop, score)
        return best

    @staticmethod
    def _stops(word: str, length: int, allowed: int, suffixes: tuple[str, ...]) -> list[int]:
        """Candidate ends of the name inside ``word``: the whole word or before a suffix."""
        stops = [len(word)] if abs(len(word) - length) <= allowed else []
        for suffix in suffixes:
            stop = len(word) - len(suffix)
            if word.endswith(suffix) and abs(stop - length) <= allowed and stop not in stops:
                stops.append(stop)
        return stops
