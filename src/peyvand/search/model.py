"""What a search takes and gives back, and the protocol each backend implements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection

POOL = 2000
"""Ranking reads every match's word positions; with more matches than this, the newest
POOL matches (by insertion order) are ranked. Fewer matches are all ranked."""

PER_DOCUMENT = 3
"""Hits kept per document (itself and its records), so one report's many records with the
same words do not fill the page."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrow a search. ``kind``, ``type`` and ``status`` keep records only (``kind`` may
    also be ``document``); ``domain`` keeps records of that domain and documents with one."""

    pair: tuple[str, str] | None = None  # two actor ids that a hit must both mention
    domain: str | None = None
    type: str | None = None  # record type, e.g. SIGN_AGREEMENT, BROADCAST_STOPPED
    kind: str | None = None  # document | agreement | event | claim | institution | site
    since: dt.date | None = None  # document published on or after
    until: dt.date | None = None  # document published on or before
    language: str | None = None
    status: str | None = None  # record status: candidate | accepted | rejected | merged

    @property
    def records_only(self) -> bool:
        return bool(self.type or self.status or (self.kind and self.kind != "document"))


class Alternative(NamedTuple):
    """Consecutive words (a phrase) or one tag token; ``prefix``: the last word may go on;
    ``loose``: the words anywhere, in any order (names: cheaper than a phrase in PostgreSQL,
    where one phrase makes every match be re-checked against its stored tsvector)."""

    words: tuple[str, ...]
    prefix: bool = False
    tag: bool = False
    loose: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """All clauses must match; a clause matches when any of its alternatives does."""

    clauses: tuple[tuple[Alternative, ...], ...] = ()

    def needles(self) -> list[Alternative]:
        """The text alternatives, to find and highlight in a hit's original text."""
        return [alt for clause in self.clauses for alt in clause if not alt.tag]


@dataclass(frozen=True, slots=True)
class Row:
    """One ranked match as a backend returns it, before snippets are made."""

    kind: str  # document | record
    ref: int
    score: float
    doc: int = 0  # the document it is or belongs to


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # document | record
    id: int  # document id or record id
    document_id: int
    score: float
    snippet: str  # from the original text
    marks: tuple[tuple[int, int], ...]  # highlighted [start, end) within the snippet
    title: str | None = None
    language: str | None = None
    published: dt.date | None = None
    record_kind: str | None = None
    status: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "document_id": self.document_id,
            "score": round(self.score, 6),
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "title": self.title,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "record_kind": self.record_kind,
            "status": self.status,
            "data": self.data,
        }


class SearchIndex(Protocol):
    """A full-text index of documents and records in the observatory's own database."""

    def add(self, conn: Connection, document_id: int) -> None:
        """Index (or re-index) a stored document and its records, in the caller's transaction."""

    def add_many(self, conn: Connection, document_ids: Iterable[int]) -> None:
        """`add` for many documents at once (backfill, bulk loads)."""

    def search(
        self, conn: Connection, query: Query, filters: Filters, limit: int, offset: int
    ) -> Sequence[Row]:
        """Ranked matches, best first."""
