"""The matcher's hot loops: automaton hits to the leftmost-longest names, in original offsets.

A news document yields thousands of hits per megabyte and Python pays for every bytecode,
so the usual document takes one fused pass (`stream`): each hit is checked at its word end,
weighed against the candidate before it when they overlap, checked for capitalisation and
mapped to the original text as it comes. When only the capitalisation of the text can tell
which of two overlapping names wins, or a name's scan form must be compared with the view,
the pass gives up and the general path runs: collect every candidate (`collect`), sort them,
choose (`select`). Both give the same matches; the tests compare them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, Final

from peyvand.registry.scan import breakpoints, suffix_end
from peyvand.text.normalize import NormalizedText

# the first field of an automaton value
EXACT = 0  # a one-word name of letters and digits: its KeyInfo
SEED_HIT = 1  # the first letters of long names: (SEED_HIT, length, seed, names)
SHARED = 2  # names of one length with one scan form: (SHARED, length, {name: KeyInfo})
VERIFIED = 3  # a name of several words, or with punctuation: its KeyInfo. The view is
# compared: in the scan text a space may stand for any punctuation ("Azerbaijan. Republic")
MIXED = 4  # names of different lengths with one scan form (a clitic + a name, a longer
# name), maybe also a mark: (MIXED, infos, is a mark), left to the general path
MARK = 5  # a word whose end is reported (personal titles): (MARK, length)


# What the matcher knows of one normalized name, fixed when the automaton is built: a plain
# tuple (indexing one is twice as fast as a NamedTuple's field), read with these indices.
KeyInfo = tuple[int, int, str, frozenset[str], str, int, int, frozenset[str]]
CODE: Final = 0  # EXACT or VERIFIED
LENGTH: Final = 1
KEY: Final = 2
SUFFIXES: Final = 3  # what may follow the name in its word (or detached)
DETACHED: Final = 4  # first letters of the suffixes written after a space or an apostrophe
SLOT: Final = 5  # the slot taken when the text is not lowercase (or uncased)
LOWER: Final = 6  # the slot taken when it is lowercase; -1: none
LANGS: Final = 7


# A match as the registry consumes it: view start and end, original start and end, slot
# (the name and entry: an index of `NameMatcher.entries`), the KeyInfo of the name and the
# score (100 for exact matches).
Hit = tuple[int, int, int, int, int, KeyInfo, float]
Candidate = tuple[int, int, KeyInfo]  # view start and end of a name that may match
SeedValue = tuple[int, int, str, tuple[str, ...]]  # SEED_HIT, length, seed, its names
Seed = tuple[int, SeedValue]  # where a seed starts a word
_IDENTITY = (0,), (0,)  # the breakpoints of a view as long as its original


def stream(
    found: Iterable[tuple[int, Any]], norm: NormalizedText, scan: str, fuzzy: bool
) -> tuple[list[Hit], list[Seed], list[int]] | None:
    """Matches, seeds and mark ends of a document in one pass; None: run the general path.

    ``scan[i + 1]`` is ``view[i]`` (a space if it is no letter or digit); an automaton hit
    ending at scan index ``e`` is a name ending before view index ``e``.
    """
    view = norm.text
    original = norm.original
    size = len(view)
    table = _IDENTITY if norm.offsets is None else breakpoints(norm.offsets)
    if table is None:
        return None
    views, srcs = table
    last = len(views) - 1
    hits: list[Hit] = []
    append = hits.append
    seeds: list[Seed] = []
    marks: list[int] = []
    stop_before = -1  # where the last candidate ends
    # the walk over the offset breakpoints: from view index ``base`` up to ``following``,
    # the original index is the view index plus ``shift``
    k = base = shift = 0
    following = views[1] if last else size
    seed_start = -1  # where the last seed starts
    for end, info in found:
        if info[0]:
            code = info[0]
            if code == SEED_HIT:
                if fuzzy:
                    length = info[1]
                    at = end - length
                    if at >= following or at < base:  # the breakpoint walk, either way
                        k = bisect_right(views, at, 0 if at < base else k) - 1
                        base, shift = views[k], srcs[k] - views[k]
                        following = views[k + 1] if k < last else size
                    if not original[at + shift].islower():  # a misspelt name is Capitalised
                        seed_start = at
                        seeds.append((seed_start, info))
                continue
            if code == VERIFIED:
                length = info[1]
                if view[end - length : end] != info[2]:
                    continue  # punctuation between the words, or other punctuation
            elif code == SHARED:
                length = info[1]
                info = info[2].get(view[end - length : end])  # noqa: PLW2901
                if info is None:
                    continue
            elif code == MARK:
                marks.append(end)
                continue
            else:
                return None
        length = info[1]  # (a C integer when compiled: no int objects for the arithmetic)
        start = end - length
        if scan[end + 1] == " ":  # the name ends its word («ایرانی ها», "Iran's": maybe)
            stop = end
            if scan[end + 2] in info[4] and view[end] in " '":
                stop = scan.find(" ", end + 2)
                stop -= 1
                if view[end:stop] not in info[3]:
                    stop = end
        else:  # the word goes on: the rest must be a suffix
            stop = scan.find(" ", end + 1)
            stop -= 1
            if view[end:stop] not in info[3]:
                continue
        if start < stop_before:  # overlaps the last candidate: rare
            # A candidate refused for its capitalisation bars nothing (as in `select`); the
            # kept ones are leftmost and fit, so only a name that starts no later than the
            # first it overlaps (and ends no sooner if it starts there) takes their place,
            # and only if its own capitalisation fits. Whatever came between has a key that
            # ends inside the new name, so `select` would skip it too.
            j = len(hits)
            while j and hits[j - 1][1] > start:
                j -= 1
            if j < len(hits):
                first = hits[j][0]
                if start > first or (start == first and stop < hits[j][1]):
                    continue
                if info[6] < 0:  # every entry Capitalised: the text must be too
                    at = hits[j][2] if start == first else norm.to_original(start, stop)[0]
                    if original[at].islower():
                        continue
                del hits[j:]
        stop_before = stop
        if start >= following or start < base:  # (a seed's word may have led it on)
            k = bisect_right(views, start, 0 if start < base else k) - 1
            base, shift = views[k], srcs[k] - views[k]
            following = views[k + 1] if k < last else size
        o_start = start + shift
        slot = info[5]
        if info[6] != slot and original[o_start].islower():
            slot = info[6]
            if slot < 0:
                continue  # «того» is not Togo, "turkey" is not Türkiye: names are Capitalised
        if stop < following:
            o_end = stop + shift
        elif stop >= size:
            o_end = len(original)
        else:
            k = bisect_right(views, stop, k) - 1
            base, shift = views[k], srcs[k] - views[k]
            following = views[k + 1] if k < last else size
            o_end = stop + shift
            if base == stop and o_end <= srcs[k - 1] + stop - 1 - views[k - 1]:
                o_end = norm.to_original(start, stop)[1]  # the end cuts an expansion (ﻻ)
        append((start, stop, o_start, o_end, slot, info, 100.0))
        if seed_start == start:
            seeds.pop()  # the first letters of this very name: no misspelling here
            seed_start = -1
    return hits, seeds, marks


def collect(
    found: Iterable[tuple[int, Any]], view: str, scan: str, fuzzy: bool
) -> tuple[list[Candidate], list[Seed], list[int]]:
    """Every candidate name, leftmost first (sorted when overlaps need it), seeds and marks."""
    candidates: list[Candidate] = []
    seeds: list[Seed] = []
    marks: list[int] = []
    messy = False
    last_stop = 0
    for end, value in found:
        code = value[0]
        if code == SEED_HIT:
            if fuzzy:
                seeds.append((end - value[1], value))
            continue
        if code == MARK or (code == MIXED and value[2]):
            marks.append(end)
            if code == MARK:
                continue
        for start, stop, name in _ends(view, end, value):
            if start < last_stop:
                merged = _merge(candidates, start, stop, name)
                if merged is None:
                    messy = True
                    candidates.append((start, stop, name))
                    merged = stop
                last_stop = merged
                continue
            last_stop = stop
            candidates.append((start, stop, name))
    if messy:  # leftmost, then the longest word, then the longest name
        candidates.sort(key=lambda c: (c[0], -c[1], -c[2][LENGTH]))
    return candidates, seeds, marks


def _ends(view: str, end: int, value: Any) -> list[Candidate]:
    """The candidates an automaton value gives where its key ends (before view ``end``)."""
    found = []
    code = value[0]
    infos = value[1] if code == MIXED else value[2].values() if code == SHARED else (value,)
    for info in infos:
        start = end - info[LENGTH]
        if code != EXACT and view[start:end] != info[KEY]:
            continue
        stop = suffix_end(view, end, info[SUFFIXES])
        if stop is not None:
            found.append((start, stop, info))
    return found


def select(norm: NormalizedText, candidates: list[Candidate]) -> list[Hit]:
    """The leftmost-longest candidates whose capitalisation fits, in original offsets."""
    hits: list[Hit] = []
    covered = 0
    for start, stop, info in candidates:
        if start < covered:
            continue
        o_start, o_end = norm.to_original(start, stop)
        slot = info[SLOT]
        if info[LOWER] != slot and norm.original[o_start].islower():
            slot = info[LOWER]
            if slot < 0:
                continue
        covered = stop
        hits.append((start, stop, o_start, o_end, slot, info, 100.0))
    return hits


def against(previous: Candidate, start: int, stop: int, info: KeyInfo) -> int:
    """How a candidate fares against the previous one, which it overlaps.

    1: it wins, -1: it loses, 0: the capitalisation of the text decides. Leftmost wins,
    then the longer word, then the longer name («ایرانی» over «ایران»: the automaton reports
    the longer name later; «روسای», a blocked word, over «روس» + «ای»). A name whose
    capitalisation may not fit (``lower < 0``: its every entry is Capitalised) beats one that
    always fits only if the text is Capitalised.
    """
    first, last, other = previous
    if start < first:  # a longer name that holds the previous one
        return 1 if info[LOWER] >= 0 else 0
    if start == first and stop >= last:  # the same word, a longer name
        return 1 if info[LOWER] >= 0 or other[LOWER] < 0 else 0
    return -1 if other[LOWER] >= 0 or (start == first and info[LOWER] < 0) else 0


def _merge(candidates: list[Candidate], start: int, stop: int, info: KeyInfo) -> int | None:
    """Fold a candidate that overlaps the last ones into the list; the new last end.

    None when only the capitalisation of the text can tell which wins.
    """
    while candidates and start < candidates[-1][1]:
        verdict = against(candidates[-1], start, stop, info)
        if verdict < 0:
            return candidates[-1][1]
        if verdict == 0:
            return None
        candidates.pop()
    candidates.append((start, stop, info))
    return stop


def seed_words(
    seeds: list[Seed], hits: list[Hit], scan: str, size: int, shortest: int
) -> list[tuple[int, int, SeedValue]]:
    """The words the seeds start that are worth a misspelling check: long enough, holding no
    match and lying in none. Matches never overlap, so their ends ascend too: one bisection
    finds the first match that ends after the word starts."""
    ends = [hit[1] for hit in hits]
    count = len(hits)
    words: list[tuple[int, int, SeedValue]] = []
    for start, value in seeds:  # a seed starts a word
        stop = scan.find(" ", start + 1)
        stop -= 1
        if stop < 0:
            stop = size
        if stop - start < shortest:
            continue
        after = bisect_right(ends, start)
        if after < count and hits[after][0] < stop:
            continue  # the word holds a name that matched, or lies inside one
        words.append((start, stop, value))
    return words
