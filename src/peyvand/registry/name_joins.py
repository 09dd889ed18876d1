"""A person's name that a following name was joined to by «və», "and", «ve».

A connector joins Capitalised words into one name («Dil ve Tarih-Coğrafya Fakültesi»), so
a name read backwards from its head may run on over a person named just before it:
«xanəndə Leyla Məmmədli və Üzeyir Hacıbəyli adına Bakı Musiqi Akademiyasının» gives
«Məmmədli və Üzeyir … Akademiyasının». When a person found by its own signal (a given name,
a title) ends inside such a name, and a connector word follows the person, the two are two
names: the longer one starts after the connector («Üzeyir Hacıbəyli adına …»).
"""

from __future__ import annotations

from dataclasses import replace

from peyvand.registry.name_bounds import GAP, TOKEN, NameWords, word_key
from peyvand.registry.name_candidate import UnlinkedCandidate

__all__ = ["apart_from_persons"]


def apart_from_persons(
    original: str, found: list[UnlinkedCandidate], words: NameWords
) -> list[UnlinkedCandidate]:
    """``found`` with each name that runs on over the end of a person's name through a
    connector cut to start after the connector."""
    persons = [c for c in found if c.type == "person" and " " in c.name]
    if not persons:
        return found
    out: list[UnlinkedCandidate] = []
    for cand in found:
        cut = None
        if cand.type != "person":
            for person in persons:
                if person.start < cand.start < person.end < cand.end:
                    cut = _after_connector(original, person.end, cand.end, words)
                    break
        out.append(replace(cand, name=original[cut : cand.end], start=cut) if cut else cand)
    return out


def _after_connector(original: str, end: int, limit: int, words: NameWords) -> int | None:
    """Where the name after a connector at ``end`` starts, if one is there."""
    gap = GAP.match(original, end)
    joint = TOKEN.match(original, gap.end()) if gap is not None else None
    if joint is None or word_key(joint.group(), words.turkic) not in words.connector:
        return None
    gap = GAP.match(original, joint.end())
    start = gap.end() if gap is not None else joint.end()
    if start >= limit or not original[start : start + 1].isupper():
        return None
    return start
