"""Initials that open a name: "L.N. Gumilyov Eurasian National University".

A name read backwards from its head stops at a word with a full stop, which may end a
sentence; initials do not: one or more single Capital letters, each with its full stop
("L.N.", «А. С.»), written just before a name's first Capitalised word, belong to the name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["with_initials"]

# initials ending right before a name: each a Capital letter and a full stop, not a word's end
_INITIALS = re.compile(r"(?<![\w.])(?:[^\W\d_a-zа-яё]\.[ \u00a0]?){1,3}$")


_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]*$")


def letters(abbreviation: str) -> str:
    """An abbreviation's letters alone ("U. S." → "US"), as the initials are compared."""
    return re.sub(r"[.\s]", "", abbreviation)


def _opens(
    original: str, match: re.Match[str], cand: UnlinkedCandidate, abbreviations: frozenset[str]
) -> bool:
    """Whether the initials are no abbreviation (``abbreviations.txt``: "moved to the U.S.
    Boston …") and follow no Capitalised word ("Plan B.")."""
    start = cand.start - len(match.group())
    if letters(match.group()) in abbreviations:
        return False
    before = _WORD_BEFORE.search(original, max(0, start - 40), start)
    return before is None or not before.group(1)[:1].isupper()


def with_initials(
    original: str, found: list[UnlinkedCandidate], abbreviations: frozenset[str]
) -> list[UnlinkedCandidate]:
    """``found`` with each name that has initials just before it grown to take them;
    ``abbreviations`` (by `letters`) are never initials."""
    out: list[UnlinkedCandidate] = []
    for cand in found:
        before = original[max(0, cand.start - 9) : cand.start]
        match = _INITIALS.search(before) if cand.name[:1].isupper() else None
        if (
            match is None
            or not match.group()[0].isupper()
            or not _opens(original, match, cand, abbreviations)
        ):
            out.append(cand)
            continue
        start = cand.start - len(match.group())
        out.append(replace(cand, name=original[start : cand.end], start=start))
    return out
