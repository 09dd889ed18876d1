"""Which unlinked candidates are kept when they overlap: the longest name wins, per layer.

The annotation guidelines keep one actor layer whose spans never overlap, where the longest
name wins (span rule 4), and a site layer beside it (span rule 5: a site's name may hold an
actor, «Hoca Ahmed Yesevi» in «Hoca Ahmed Yesevi Türbesi»). `peyvand.registry.unlinked`
reads candidates by many rules; this module settles their overlaps.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["without_overlaps"]


def without_overlaps(found: list[UnlinkedCandidate]) -> list[UnlinkedCandidate]:
    """Sites and actors are two layers (GUIDELINES, span rule 5: «Hoca Ahmed Yesevi» is a
    person inside the site «Hoca Ahmed Yesevi Türbesi»): in each, the longest candidates
    first, then the earliest, then the longest head ("News Agency" before "Agency"), none
    overlapping; all sorted by start."""
    sites = _one_layer([c for c in found if c.type == "site"])
    actors = _one_layer([c for c in found if c.type != "site"])
    return sorted([*sites, *actors], key=lambda c: (c.start, c.end)) if sites else actors


def _one_layer(found: list[UnlinkedCandidate]) -> list[UnlinkedCandidate]:
    """The longest candidates, none overlapping, sorted by start."""
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
