"""Reading the audit trail and the evidence behind a record (merged records included)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from peyvand.store import clock
from peyvand.store.schema import audit, documents, records

EXTRACTOR = "extractor"
"""The actor of a record's creation: the extraction pipeline at ingest."""

_RECORD_FIELDS = ("status", "merged_into", "absorbed")


@dataclass(frozen=True, slots=True)
class Evidence:
    record_id: int
    document_id: int
    title: str | None
    language: str | None
    published: dt.date | None
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    action: str
    actor: str
    at: dt.datetime
    version: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each reviewable field or data field that changed."""
        before = self.before or {}
        after = self.after or {}
        found: list[tuple[str, Any, Any]] = []
        for key in dict.fromkeys([*before, *after]):
            if key == "data":
                old = before.get("data") or {}
                new = after.get("data") or {}
                for field in dict.fromkeys([*old, *new]):
                    if old.get(field) != new.get(field):
                        name = f"data.{field}" if field in _RECORD_FIELDS else field
                        found.append((name, old.get(field), new.get(field)))
            elif before.get(key) != after.get(key):
                found.append((key, before.get(key), after.get(key)))
        return found


def history_of(
    conn: Connection, record_id: int, created_at: dt.datetime | None, current: dict[str, Any]
) -> list[AuditEntry]:
    """The audit rows oldest first, led by a "create" entry (synthesized if none was kept)."""
    rows = conn.execute(
        select(audit).where(audit.c.record_id == record_id).order_by(audit.c.id)
    ).all()
    entries = [
        AuditEntry(
            action=row.action,
            actor=row.actor,
            at=clock.aware(row.at),
            version=row.version,
            before=_load(row.before),
            after=_load(row.after),
            reason=row.reason,
        )
        for row in rows
    ]
    if not any(entry.action == "create" for entry in entries):
        original = entries[0].before if entries else current
        at = created_at or (entries[0].at if entries else dt.datetime.now(dt.UTC))
        entries.insert(0, AuditEntry("create", EXTRACTOR, at, 1, None, original, None))
    return entries


def last_change(conn: Connection, record_id: int) -> tuple[str | None, dt.datetime | None]:
    """Who made the newest audited change to the record, and when."""
    row = conn.execute(
        select(audit.c.actor, audit.c.at)
        .where(audit.c.record_id == record_id)
        .order_by(audit.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None, None
    return row.actor, clock.aware(row.at)


def evidence_of(conn: Connection, record_id: int) -> list[Evidence]:
    """Quotes of the record and of all records merged into it, at any depth."""
    ids = {record_id}
    frontier = {record_id}
    while frontier:
        found = conn.execute(
            select(records.c.id).where(records.c.merged_into.in_(sorted(frontier)))
        ).scalars()
        frontier = set(found) - ids
        ids |= frontier
    rows = conn.execute(
        select(
            records.c.id,
            records.c.document_id,
            records.c.evidence_start,
            records.c.evidence_end,
            records.c.quote,
            documents.c.title,
            documents.c.language,
            documents.c.published,
        )
        .join(documents, documents.c.id == records.c.document_id)
        .where(records.c.id.in_(sorted(ids)))
        .order_by(
            records.c.document_id,
            records.c.evidence_start,
            records.c.evidence_end,
            records.c.id,
        )
    )
    return [
        Evidence(
            record_id=row.id,
            document_id=row.document_id,
            title=row.title,
            language=row.language,
            published=row.published,
            start=row.evidence_start,
            end=row.evidence_end,
            quote=row.quote,
        )
        for row in rows
    ]


def _load(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}
