"""The candidate lifecycle: accept, edit, reject, merge, each with an audit row.

Every change is one transaction of ``UPDATE … WHERE version = :expected`` plus its audit
row, so two reviewers working on the same record cannot overwrite each other: the second
gets a StaleVersionError naming who changed it, and nothing of theirs is saved.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, select, update

from peyvand.review import validate
from peyvand.review.audit import AuditEntry, Evidence, evidence_of, history_of, last_change
from peyvand.review.errors import InvalidTransition, RecordNotFound, StaleVersionError
from peyvand.search import index_document
from peyvand.store import clock
from peyvand.store.schema import audit, records
from peyvand.vocab import RecordKind

__all__ = [
    "AuditEntry",
    "Evidence",
    "InvalidTransition",
    "RecordNotFound",
    "Review",
    "ReviewRecord",
    "StaleVersionError",
]

STATUSES = ("candidate", "accepted", "rejected", "merged")
DECISIONS = {"accept": "accepted", "reject": "rejected", "edit": None}
ACTIONS = ("accept", "reject", "edit", "adjudicate")  # audit names a decision may go by
MAX_NAME = 100  # width of records.updated_by and audit.actor


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: int
    kind: str
    status: str
    data: dict[str, Any]
    version: int
    document_id: int
    evidence: tuple[int, int]
    quote: str
    confidence: float | None
    merged_into: int | None
    updated_at: dt.datetime | None
    updated_by: str | None

    def reviewable(self) -> dict[str, Any]:
        """What the audit trail keeps of the record before and after a change."""
        return {"status": self.status, "data": self.data, "merged_into": self.merged_into}


class Review:
    """Review decisions on one observatory's records; safe to use from many processes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, record_id: int) -> ReviewRecord:
        with self.engine.connect() as conn:
            return _load(conn, record_id)

    def queue(
        self,
        *,
        kind: str | None = None,
        status: str = "candidate",
        limit: int = 50,
        offset: int = 0,
    ) -> list[ReviewRecord]:
        """Records waiting for a decision (or in any other status), in extraction order."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
        kinds = [k.value for k in RecordKind]
        if kind is not None and kind not in kinds:
            raise ValueError(f"kind must be one of {', '.join(kinds)}; got {kind!r}")
        query = select(records).where(records.c.status == status)
        if kind is not None:
            query = query.where(records.c.kind == kind)
        query = query.order_by(records.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_record(row) for row in conn.execute(query)]

    def accept(
        self, record_id: int, *, reviewer: str, expected_version: int, reason: str | None = None
    ) -> ReviewRecord:
        return self.apply(
            record_id, "accept", reviewer=reviewer, expected_version=expected_version, reason=reason
        )

    def reject(
        self, record_id: int, *, reviewer: str, expected_version: int, reason: str | None = None
    ) -> ReviewRecord:
        return self.apply(
            record_id, "reject", reviewer=reviewer, expected_version=expected_version, reason=reason
        )

    def edit(
        self,
        record_id: int,
        data: dict[str, Any],
        *,
        reviewer: str,
        expected_version: int,
        reason: str | None = None,
    ) -> ReviewRecord:
        """Change some or all fields of the record; its status and evidence stay."""
        return self.apply(
            record_id,
            "edit",
            reviewer=reviewer,
            expected_version=expected_version,
            data=data,
            reason=reason,
        )

    def apply(
        self,
        record_id: int,
        decision: str,
        *,
        reviewer: str,
        expected_version: int,
        data: dict[str, Any] | None = None,
        action: str | None = None,
        reason: str | None = None,
    ) -> ReviewRecord:
        """Accept, reject or edit; `data` (some or all fields) may come with any decision.

        `action` names the change in the audit trail instead of the decision, e.g.
        ``"adjudicate"`` when an adjudicator settles two coders' disagreement.
        """
        if decision not in DECISIONS:
            raise ValueError(f"decision must be accept, reject or edit; got {decision!r}")
        if action is not None and action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}; got {action!r}")
        if decision == "edit" and data is None:
            raise ValueError("an edit needs the changed fields (data)")
        checked_name(reviewer)
        current = self.get(record_id)
        _check_version(current, expected_version, self.engine)
        _check_changeable(current)
        new_data = current.data
        if data is not None:
            new_data = validate.edited(current.kind, current.data, data)
        status = DECISIONS[decision] or current.status
        now = clock.now()
        values: dict[str, Any] = {
            "status": status,
            "data": _dump(new_data),
            "updated_at": now,
            "updated_by": reviewer,
        }
        if new_data.get("confidence") != current.data.get("confidence"):
            values["confidence"] = new_data.get("confidence")
        after = {"status": status, "data": new_data, "merged_into": current.merged_into}
        with self.engine.begin() as conn:
            _bump(conn, record_id, expected_version, values, self.engine)
            _log(conn, current, action or decision, reviewer, now, after, reason)
            if new_data != current.data:  # search finds the record by its edited fields
                index_document(conn, current.document_id)
            return _load(conn, record_id)

    def merge(
        self,
        record_id: int,
        into: int,
        *,
        reviewer: str,
        expected_version: int,
        reason: str | None = None,
    ) -> ReviewRecord:
        """Fold `record_id` into the survivor `into` (same kind); return the survivor.

        Records earlier merged into `record_id` now point to `into`, so a survivor's
        evidence is always one step away.
        """
        checked_name(reviewer)
        if record_id == into:
            raise InvalidTransition(f"record {record_id} cannot be merged into itself")
        current = self.get(record_id)
        survivor = self.get(into)
        _check_version(current, expected_version, self.engine)
        _check_changeable(current)
        if survivor.kind != current.kind:
            raise InvalidTransition(
                f"record {record_id} is a {current.kind} and record {into} a {survivor.kind}; "
                "only records of the same kind can be merged"
            )
        if survivor.status == "merged":
            raise InvalidTransition(
                f"record {into} was itself merged into record {survivor.merged_into}; "
                f"merge into {survivor.merged_into} instead"
            )
        now = clock.now()
        values = {
            "status": "merged",
            "merged_into": into,
            "updated_at": now,
            "updated_by": reviewer,
        }
        after = {"status": "merged", "data": current.data, "merged_into": into}
        with self.engine.begin() as conn:
            _bump(conn, record_id, expected_version, values, self.engine)
            _log(conn, current, "merge", reviewer, now, after, reason)
            absorbed = [record_id]
            for row in conn.execute(select(records).where(records.c.merged_into == record_id)):
                earlier = _record(row)
                conn.execute(
                    update(records)
                    .where(records.c.id == earlier.id)
                    .values(merged_into=into, version=records.c.version + 1)
                )
                moved = {**earlier.reviewable(), "merged_into": into}
                _log(conn, earlier, "merge", reviewer, now, moved, reason)
                absorbed.append(earlier.id)
            kept = conn.execute(
                update(records)
                .where(records.c.id == into, records.c.status != "merged")
                .values(version=records.c.version + 1, updated_at=now, updated_by=reviewer)
            )
            if kept.rowcount != 1:  # merged away by someone else meanwhile
                raise InvalidTransition(f"record {into} was merged meanwhile; reload it")
            survivor = _load(conn, into)
            state = survivor.reviewable()
            _log(
                conn,
                survivor,
                "merge",
                reviewer,
                now,
                {**state, "absorbed": absorbed},
                reason,
                before=state,
            )
            return survivor

    def evidence(self, record_id: int) -> list[Evidence]:
        """The record's quote plus those of every record merged into it, in document order."""
        with self.engine.connect() as conn:
            _load(conn, record_id)
            return evidence_of(conn, record_id)

    def history(self, record_id: int) -> list[AuditEntry]:
        """Every change to the record, oldest first, starting with its creation."""
        with self.engine.connect() as conn:
            current = _load(conn, record_id)
            created = conn.execute(
                select(records.c.created_at).where(records.c.id == record_id)
            ).scalar_one()
            return history_of(conn, record_id, clock.aware(created), current.reviewable())


def checked_name(name: str, role: str = "reviewer") -> str:
    """The name the audit trail records (stripped), or ValueError saying what is wrong."""
    name = name.strip() if name else ""
    if not name:
        raise ValueError(f"a {role} name is needed: the audit trail records who decided")
    if len(name) > MAX_NAME:
        raise ValueError(f"a {role} name has at most {MAX_NAME} characters")
    return name


def _check_version(current: ReviewRecord, expected: int, engine: Engine) -> None:
    if current.version != expected:
        with engine.connect() as conn:
            raise _stale(conn, current.id, expected)


def _check_changeable(current: ReviewRecord) -> None:
    if current.status == "merged":
        raise InvalidTransition(
            f"record {current.id} was merged into record {current.merged_into} and can no "
            f"longer change; review record {current.merged_into} instead"
        )


def _bump(
    conn: Connection, record_id: int, expected: int, values: dict[str, Any], engine: Engine
) -> None:
    """The compare-and-set: change the row only if it is still at the expected version."""
    result = conn.execute(
        update(records)
        .where(records.c.id == record_id, records.c.version == expected)
        .values(**values, version=records.c.version + 1)
    )
    if result.rowcount == 1:
        return
    with engine.connect() as fresh:  # what the winner committed, outside our transaction
        raise _stale(fresh, record_id, expected)


def _stale(conn: Connection, record_id: int, expected: int) -> StaleVersionError | RecordNotFound:
    row = conn.execute(
        select(records.c.version, records.c.updated_by, records.c.updated_at).where(
            records.c.id == record_id
        )
    ).first()
    if row is None:
        return RecordNotFound(record_id)
    who, when = last_change(conn, record_id)
    return StaleVersionError(
        record_id,
        expected,
        row.version,
        who or row.updated_by,
        when or clock.aware(row.updated_at),
    )


def _log(
    conn: Connection,
    record: ReviewRecord,
    action: str,
    actor: str,
    at: dt.datetime,
    after: dict[str, Any],
    reason: str | None,
    *,
    before: dict[str, Any] | None = None,
) -> None:
    """One audit row for a change of `record`.

    Without `before`, `record` is the state before the change; with it, `record` is already
    the state after (as for a survivor, whose reviewable fields a merge does not change).
    """
    version = record.version if before is not None else record.version + 1
    conn.execute(
        insert(audit).values(
            record_id=record.id,
            action=action,
            actor=actor,
            at=at,
            version=version,
            before=_dump(before if before is not None else record.reviewable()),
            after=_dump(after),
            reason=reason,
        )
    )


def _load(conn: Connection, record_id: int) -> ReviewRecord:
    row = conn.execute(select(records).where(records.c.id == record_id)).first()
    if row is None:
        raise RecordNotFound(record_id)
    return _record(row)


def _record(row: Row[Any]) -> ReviewRecord:
    return ReviewRecord(
        id=row.id,
        kind=row.kind,
        status=row.status,
        data=json.loads(row.data),
        version=row.version,
        document_id=row.document_id,
        evidence=(row.evidence_start, row.evidence_end),
        quote=row.quote,
        confidence=row.confidence,
        merged_into=row.merged_into,
        updated_at=clock.aware(row.updated_at),
        updated_by=row.updated_by,
    )


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)
