"""The record of an unlinked name: what `peyvand.registry.unlinked` and its readers return.

In a module of its own so that the readers of names (`peyvand.registry.name_heads`,
`peyvand.registry.name_people`) can build candidates without importing the finder.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["UnlinkedCandidate"]


@dataclass(frozen=True, slots=True)
class UnlinkedCandidate:
    """A name the registry did not link that looks like an actor by its head word."""

    name: str  # == original[start:end], head word included
    type: str  # actor type given by the head word
    head: str  # the head word as written in the data file
    start: int  # original offsets
    end: int
    refers: str | None = None  # a later mention by surname: the person's first name found
