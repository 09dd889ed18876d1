"""Cue phrases of a language data file, found as whole words in a document's normalized view.

Shared by the claim, institution and site readers: one Aho–Corasick automaton per cue file and
language, one pass over the view per document; `Words` counts the words between two places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick

from peyvand.text.normalize import joined_variants

if TYPE_CHECKING:
    from peyvand.model import Actor
    from peyvand.pipeline import Doc

__all__ = ["TURKIC", "WORD", "CueSet", "Hit", "Words", "view_mentions"]

TURKIC = frozenset({"az", "tr"})
WORD = re.compile(r"\w+")
_MENTIONS = "peyvand.cueset.mentions"


class Hit(NamedTuple):
    """One cue found in the view: ``[start, end)`` view offsets and its rows (kind, data)."""

    start: int
    end: int
    rows: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def kind(self) -> str:
        return self.rows[0][0]

    def of(self, *kinds: str) -> tuple[str, ...] | None:
        """The data columns of the first row of one of ``kinds``, or None."""
        for kind, data in self.rows:
            if kind in kinds:
                return data
        return None


class CueSet:
    """Cue phrases of one language, found as whole words in the normalized view.

    A cue ending in ``*`` matches any word that starts with it (Turkic and Russian endings,
    Persian ezafe); a written ZWNJ may also be left out or written as a space. Where cues
    overlap, the leftmost and then the longest wins, so a ``none`` phrase can swallow a
    shorter cue inside it ("opened the" before "opened").
    """

    def __init__(
        self,
        rows: Iterable[Sequence[str]],
        turkic: bool = False,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        """``skip``: kinds of rows left out (word lists the caller keeps as sets)."""
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, tuple[bool, list[tuple[str, tuple[str, ...]]]]] = {}
        for row in rows:
            cue, kind, *data = row
            if kind in skip:
                continue
            prefix = cue.endswith("*")
            for key in joined_variants(cue.rstrip("*"), turkic=turkic):
                if not key:
                    continue
                # the same words as an exact and as a prefix cue: the exact reading wins
                was_prefix, entries = keys.get(key, (prefix, []))
                if (kind, tuple(data)) not in entries:
                    entries.append((kind, tuple(data)))
                keys[key] = (prefix and was_prefix, entries)
        for key, (prefix, entries) in keys.items():
            self._automaton.add_word(key, (len(key), prefix, tuple(entries)))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Hits in text order, not overlapping, that start in ``text[start:end]``."""
        if self._empty:
            return []
        return self._find(
            text, self._automaton.iter(text, start, len(text) if end is None else end)
        )

    def find_in(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Hit]:
        """`find` over several spans of ``text`` (sorted, not overlapping)."""
        if self._empty:
            return []
        found = (m for s, e in spans for m in self._automaton.iter(text, s, e))
        return self._find(text, found)

    def _find(self, text: str, matches: Iterable[tuple[int, Any]]) -> list[Hit]:
        found: list[tuple[int, int, int, Any]] = []
        size = len(text)
        for last, (length, prefix, entries) in matches:
            start, end = last - length + 1, last + 1
            if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                continue
            if prefix:
                while end < size and text[end].isalnum():
                    end += 1
            elif end < size and text[end].isalnum() and text[end - 1].isalnum():
                continue
            found.append((start, -end, -length, entries))
        found.sort(key=lambda f: f[:3])  # leftmost, longest, then the most specific cue
        chosen: list[Hit] = []
        for start, end, _, entries in found:
            if not chosen or start >= chosen[-1].end:
                chosen.append(Hit(start, -end, entries))
        return chosen


class Words:
    """Counts words in small windows of a view (a regex over the window, no index)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def _inner(self, left: int, right: int) -> tuple[int, int]:
        """``[left, right)`` without the words it cuts at either end."""
        text = self.text
        while 0 < left < right and text[left - 1].isalnum() and text[left].isalnum():
            left += 1
        while left < right < len(text) and text[right].isalnum() and text[right - 1].isalnum():
            right -= 1
        return left, right

    def between(self, left: int, right: int) -> int:
        """Words lying wholly in ``[left, right)``."""
        if right <= left:
            return 0
        left, right = self._inner(left, right)
        return len(WORD.findall(self.text, left, right)) if left < right else 0

    def next_word(self, pos: int, limit: int) -> tuple[int, int] | None:
        found = WORD.search(self.text, pos, limit)
        if found is None or (found.end() < len(self.text) and self.text[found.end()].isalnum()):
            return None
        return found.span()

    def first(self, left: int, right: int, count: int) -> int:
        """End of the first ``count`` words of ``[left, right)``."""
        end = left
        for n, found in enumerate(WORD.finditer(self.text, left, right)):
            if n == count:
                break
            end = found.end()
        return end


def view_mentions(doc: Doc) -> list[tuple[int, int, Actor]]:
    """Every actor mention in view offsets, in text order; computed once per document.

    Cached in ``doc.stash`` for the later readers, and computed again when the actor list
    was replaced or grew in between.
    """
    actors = doc.extraction.actors
    count = sum(len(a.mentions) for a in actors)
    cached = doc.stash.get(_MENTIONS)
    if cached is None or cached[0] is not actors or cached[1] != count:
        view = doc.view
        found = sorted(
            (
                (*view.to_view(m.start, m.end), actor)
                for actor in doc.extraction.actors
                for m in actor.mentions
            ),
            key=lambda x: (x[0], x[1]),
        )
        cached = doc.stash[_MENTIONS] = (actors, count, found)
    mentions: list[tuple[int, int, Actor]] = cached[2]
    return mentions
