"""Find actor names in a document: one Aho–Corasick pass over the normalized view.

Names and text are normalized alike, so Arabic letter forms, ZWNJ variants, digits and case
never stop a match. A match must start at a word boundary (or after one of the clitics of
`lang/<code>/name_prefixes.txt`: Arabic «و» + «إيران») and end at one or before one of the
suffixes of the name's languages (`lang/<code>/name_suffixes.txt`), so «ایرانی‌ها» and
«Azərbaycanın» link. Every key of the automaton starts with a space and the scan text has a
space before every word (`registry.scan`), so the automaton only ever walks from word starts
and hands Python little more than the real candidates; the hot loop is `registry.stream`.
Misspellings are caught in the same pass, through the first letters of long names
(`registry.fuzzy`). Never a regex alternation of names: it is a thousand times slower.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick

from peyvand.compiled import runs_compiled
from peyvand.registry import trie
from peyvand.registry.fuzzy import FUZZY_MIN, Misspellings, seed_keys
from peyvand.registry.scan import scan_key, scan_text
from peyvand.registry.stream import (
    EXACT,
    KEY,
    LANGS,
    LENGTH,
    MARK,
    MIXED,
    SEED_HIT,
    SHARED,
    SLOT,
    VERIFIED,
    Hit,
    KeyInfo,
    Seed,
    collect,
    seed_words,
    select,
    stream,
)
from peyvand.registry.trie import WordTrie
from peyvand.text.normalize import NormalizedText, normalize

__all__ = ["BLOCKED", "TURKIC", "Hit", "KeyInfo", "NameEntry", "NameMatch", "NameMatcher"]

TURKIC = frozenset({"az", "tr"})
BLOCKED = "-"  # the id of a name that must never link (same as countries.BLOCKED)
_ORDER = itemgetter(0)


@dataclass(frozen=True, slots=True)
class NameEntry:
    actor_id: str
    name: str
    lang: str
    kind: str


class NameMatch(NamedTuple):
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


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in "\u0654\u0670"


def _cased(key: str) -> bool:
    return key[:1].lower() != key[:1].upper()


def _longest_first(suffixes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({s for s in suffixes if s}, key=lambda s: (-len(s), s)))


class NameMatcher:
    """An automaton over every name (and the fuzzy seeds of long ones), built once.

    ``suffixes`` may follow any name; with ``suffixes_by_lang`` a name takes only the
    suffixes of its own languages (so English "India" does not take Azerbaijani «-na» and
    "Indiana" stays a US state). ``prefixes_by_lang`` are clitics written joined before a
    name of that language (Arabic «و», «ب», «ل»: «وإيران» "and Iran"); they are not part of
    the evidence. Entries whose id is ``-`` (names that must never link) come
    first among the entries of one key, so a data file's block outranks a CLDR name.
    ``marks`` are normalized words whose ends `matches` reports (personal titles: the
    context rules look at what follows them). ``articles`` are prefixes every definite word
    has (Arabic «ال», the ``article`` role of ``lang/<code>/name_words.tsv``): they do not
    count toward the length that lets a name be found misspelt.
    """

    def __init__(
        self,
        entries: Iterable[NameEntry],
        suffixes: Iterable[str] = (),
        common_words: Iterable[str] = (),
        suffixes_by_lang: Mapping[str, Iterable[str]] | None = None,
        prefixes_by_lang: Mapping[str, Iterable[str]] | None = None,
        marks: Iterable[str] = (),
        articles: Iterable[str] = (),
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
        self._entries: list[NameEntry] = []
        self._infos = self._key_infos()
        prefixes = self._prefixes_per_key(prefixes_by_lang or {})
        self._misspellings = Misspellings(
            self._groups, self._common, self._suffixes, self._key_suffixes
        )
        self._scanner: Any = None
        seeds = seed_keys(self._groups, self._common, frozenset(articles))
        self._automaton = self._build(prefixes, seeds, {m for m in marks if m.strip()})

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

    def _key_infos(self) -> dict[str, KeyInfo]:
        sets: dict[tuple[str, ...], frozenset[str]] = {}

        def number(entry: NameEntry) -> int:
            self._entries.append(entry)
            return len(self._entries) - 1

        infos: dict[str, KeyInfo] = {}
        for key, group in self._groups.items():
            suffixes = self._key_suffixes[key]
            lower = next((e for e in group if not e.name[:1].isupper()), None)
            first = number(group[0])
            infos[key] = (
                EXACT if scan_key(key) == key and " " not in key else VERIFIED,
                len(key),
                key,
                sets.setdefault(suffixes, frozenset(suffixes)),
                "".join(sorted({s[1] for s in suffixes if len(s) > 1 and s[0] in " '"})),
                first,
                -1 if lower is None else first if lower is group[0] else number(lower),
                self._langs[key],
            )
        return infos

    def _build(
        self,
        prefixes: dict[str, frozenset[str]],
        seeds: dict[str, tuple[str, ...]],
        marks: set[str],
    ) -> ahocorasick.Automaton:
        """Keys ``" " + name`` (and ``" " + clitic + name``, ``" " + first letters``, marks)."""
        forms: dict[str, list[KeyInfo]] = {}
        for key, info in self._infos.items():
            form = scan_key(key)
            forms.setdefault(" " + form, []).append(info)
            for prefix in prefixes.get(key, ()):
                forms.setdefault(" " + prefix + form, []).append(info)
        values: dict[str, Any] = {}
        for form, infos in forms.items():
            if len(infos) == 1:
                values[form] = infos[0]
            elif len({info[LENGTH] for info in infos}) == 1:
                values[form] = (SHARED, infos[0][LENGTH], {info[KEY]: info for info in infos})
            else:
                values[form] = (MIXED, tuple(infos), False)
        for mark in sorted(marks):
            form = " " + scan_key(mark)
            found = values.get(form)
            if found is None:
                values[form] = (MARK, len(mark))
            else:  # a name too: the general path reports both
                infos = (
                    found[1]
                    if found[0] == MIXED
                    else [found]
                    if found[0] != SHARED
                    else found[2].values()
                )
                values[form] = (MIXED, tuple(infos), True)
        for seed, keys in seeds.items():
            form = " " + scan_key(seed)
            if form not in values and " " not in form[1:]:
                values[form] = (SEED_HIT, len(seed), seed, keys)
        automaton = ahocorasick.Automaton()
        for form in sorted(values, key=_insertion_order):
            automaton.add_word(form, values[form])
        automaton.make_automaton()
        return automaton

    @property
    def automaton(self) -> ahocorasick.Automaton:
        return self._automaton

    def __len__(self) -> int:
        return len(self._groups)

    @property
    def langs(self) -> Mapping[str, frozenset[str]]:
        """Every language that has each name (for any actor)."""
        return self._langs

    @property
    def entries(self) -> list[NameEntry]:
        """The entry of each *slot* (a name and one of its entries): a Hit names its slot."""
        return self._entries

    def entries_for(self, key: str) -> tuple[NameEntry, ...]:
        return self._groups.get(key, ())

    def suffixes_for(self, key: str) -> tuple[str, ...]:
        return self._key_suffixes.get(key, self._suffixes)

    def find(self, norm: NormalizedText, fuzzy: bool = True) -> list[NameMatch]:
        """Leftmost-longest, non-overlapping matches in original offsets, in text order."""
        entries = self._entries
        return [
            NameMatch(
                entries[index].actor_id,
                o_start,
                o_end,
                entries[index],
                info[KEY],
                score,
                info[LANGS],
                (start, end),
            )
            for start, end, o_start, o_end, index, info, score in self.hits(norm, fuzzy)
        ]

    def hits(self, norm: NormalizedText, fuzzy: bool = True) -> list[Hit]:
        """The matches as tuples (see `Hit`), exact and fuzzy, in text order."""
        return self.matches(norm, fuzzy)[0]

    @property
    def scanner(self) -> Any:
        """What finds the keys in a scan text: the word trie when Cython compiled it (a third
        faster than the automaton), else the automaton. Both give the same hits."""
        if self._scanner is None:
            self._scanner = (
                WordTrie(self._automaton.items()) if runs_compiled(trie) else self._automaton
            )
        return self._scanner

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_scanner"] = None  # rebuilt in a few hundredths of a second, as the loader runs
        return state

    def matches(self, norm: NormalizedText, fuzzy: bool = True) -> tuple[list[Hit], list[int]]:
        """The matches (see `Hit`) and the view ends of the marks found.

        The cyclic garbage collector waits meanwhile, as in `Linker.link`: the hits are
        thousands of small tuples a megabyte, and none makes a cycle.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._matches(norm, fuzzy)
        finally:
            if enabled:
                gc.enable()

    def _matches(self, norm: NormalizedText, fuzzy: bool) -> tuple[list[Hit], list[int]]:
        scanner = self.scanner
        if isinstance(scanner, WordTrie):
            scan, found = scanner.scan(norm.text)
        else:
            scan = scan_text(norm.text)
            found = scanner.iter(scan)
        streamed = stream(found, norm, scan, fuzzy)
        if streamed is None:
            again = found if isinstance(found, list) else scanner.iter(scan)
            candidates, seeds, marks = collect(again, norm.text, scan, fuzzy)
            hits = select(norm, candidates)
        else:
            hits, seeds, marks = streamed
        if seeds:
            misspelt = self._fuzzy(norm, scan, seeds, hits)
            if misspelt:
                hits.extend(misspelt)
                hits.sort(key=_ORDER)
        return hits, marks

    def _fuzzy(
        self,
        norm: NormalizedText,
        scan: str,
        seeds: list[Seed],
        hits: list[Hit],
    ) -> list[Hit]:
        """Words that begin like a long name (or one slip away) and are within an edit or two."""
        view = norm.text
        found: dict[int, Hit] = {}
        closest = self._misspellings.closest
        words = seed_words(seeds, hits, scan, len(view), FUZZY_MIN - 1)
        for start, stop, (_, _, seed, keys) in words:
            if start in found:
                continue
            best = closest(view[start:stop], seed, keys)
            if best is None:
                continue
            key, end, score = best
            o_start, o_end = norm.to_original(start, start + end)
            first = norm.original[o_start]
            if _cased(first) and not first.isupper():
                continue  # cased scripts: only a Capitalised word may be a misspelt name
            info = self._infos[key]
            found[start] = (start, start + end, o_start, o_end, info[SLOT], info, score)
        return list(found.values())


# word-initial letters by frequency, per script; the automaton's node for "a space" keeps its
# children in insertion order and is searched linearly at every word start
_FREQUENT = (
    "بمادکتنوهسیرشآگخپحعزفقلجچصطغضظثذژئ",
    "tsacpbmdfihlrwegnouvkyjqxzəışçğöü",
    "пнсвокдртмизбагеулчшфэжщцюхяйё",
)
_RANK = {
    char: rank * 4 + script for script, s in enumerate(_FREQUENT) for rank, char in enumerate(s)
}


def _insertion_order(form: str) -> tuple[int, str]:
    return _RANK.get(form[1:2], 1000), form
