"""One record, many reports: propose merging records that different documents report alike.

Proposals are pairs with a score and reasons; a reviewer accepts (the records merge through
`Review`, so the survivor keeps every quote as evidence) or rejects (never proposed again).
Proposals never join two records of the same document: within a document two records are
two things the text says, and a chain of proposals across documents may not join them
either, so the strongest pairs are taken first and weaker ones that would do so are dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from peyvand.review.errors import InvalidTransition
from peyvand.review.match import Side, block, score
from peyvand.review.service import Review, ReviewRecord
from peyvand.store.schema import documents, merge_proposals, records

LIVE = ("candidate", "accepted")
STATUSES = ("proposed", "accepted", "rejected")


@dataclass(frozen=True, slots=True)
class Proposal:
    """Merge `record_id` into `target_id` (the survivor), with both quotes to compare."""

    id: int
    kind: str
    record_id: int
    target_id: int
    score: float
    reasons: list[str]
    status: str
    record_quote: str
    target_quote: str
    record_document: str | None  # title, else source
    target_document: str | None
    record_language: str | None
    target_language: str | None
    decided_by: str | None = None


def propose(engine: Engine, *, min_score: float = 0.6) -> list[Proposal]:
    """Find and store new proposals (scoring at least `min_score`); return the new ones."""
    with engine.connect() as conn:
        sides, status, docs = _live(conn)
        root = _Clusters(docs)
        known, refused = _known(conn, sides, status)
    for pending in known:
        root.union(*pending)
    blocks: dict[Hashable, list[Side]] = defaultdict(list)
    for side in sides.values():
        key = block(side)
        if key is not None:
            blocks[key].append(side)
    skip = known | refused
    scored: list[tuple[float, int, int, list[str]]] = []
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if docs[a.id] & docs[b.id] or _pair(a.id, b.id) in skip:
                    continue
                found = score(a, b)
                if found is not None and found[0] >= min_score:
                    scored.append((found[0], min(a.id, b.id), max(a.id, b.id), found[1]))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    rows = []
    now = dt.datetime.now(dt.UTC)
    for value, low, high, reasons in scored:
        if not root.union(low, high):
            continue
        record_id, target_id = _direction(low, high, status)
        rows.append(
            {
                "record_id": record_id,
                "target_id": target_id,
                "score": value,
                "reasons": json.dumps(reasons, ensure_ascii=False),
                "status": "proposed",
                "created_at": now,
            }
        )
    if not rows:
        return []
    with engine.begin() as conn:
        ids = [
            conn.execute(insert(merge_proposals).returning(merge_proposals.c.id), row).scalar_one()
            for row in rows
        ]
    return [p for p in proposals(engine, status="proposed") if p.id in set(ids)]


def proposals(engine: Engine, status: str = "proposed", kind: str | None = None) -> list[Proposal]:
    """Stored proposals of one status, best first, with both quotes and documents."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
    left, right = records.alias("moving"), records.alias("staying")
    left_doc, right_doc = documents.alias("moving_doc"), documents.alias("staying_doc")
    query = (
        select(
            merge_proposals,
            left.c.kind,
            left.c.quote.label("record_quote"),
            right.c.quote.label("target_quote"),
            left_doc.c.title.label("record_title"),
            left_doc.c.source.label("record_source"),
            left_doc.c.language.label("record_language"),
            right_doc.c.title.label("target_title"),
            right_doc.c.source.label("target_source"),
            right_doc.c.language.label("target_language"),
        )
        .join(left, left.c.id == merge_proposals.c.record_id)
        .join(right, right.c.id == merge_proposals.c.target_id)
        .join(left_doc, left_doc.c.id == left.c.document_id)
        .join(right_doc, right_doc.c.id == right.c.document_id)
        .where(merge_proposals.c.status == status)
        .order_by(merge_proposals.c.score.desc(), merge_proposals.c.id)
    )
    if kind is not None:
        query = query.where(left.c.kind == kind)
    with engine.connect() as conn:
        return [
            Proposal(
                id=row.id,
                kind=row.kind,
                record_id=row.record_id,
                target_id=row.target_id,
                score=row.score,
                reasons=json.loads(row.reasons),
                status=row.status,
                record_quote=row.record_quote,
                target_quote=row.target_quote,
                record_document=row.record_title or row.record_source,
                target_document=row.target_title or row.target_source,
                record_language=row.record_language,
                target_language=row.target_language,
                decided_by=row.decided_by,
            )
            for row in conn.execute(query)
        ]


def accept(engine: Engine, proposal_id: int, reviewer: str) -> ReviewRecord:
    """Merge the pair through Review; if either side was merged meanwhile, its survivor
    stands in for it. Returns the survivor."""
    if not reviewer.strip():
        raise ValueError("a reviewer name is needed")
    review = Review(engine)
    record_id, target_id, reasons = _open(engine, proposal_id)
    moving, staying = _survivor(review, record_id), _survivor(review, target_id)
    if staying.status == "rejected" or moving.status == "rejected":
        rejected = staying if staying.status == "rejected" else moving
        raise InvalidTransition(
            f"record {rejected.id} was rejected; reject proposal {proposal_id} instead"
        )
    survivor = staying
    if moving.id != staying.id:
        survivor = review.merge(
            moving.id,
            staying.id,
            reviewer=reviewer,
            expected_version=moving.version,
            reason=f"merge proposal {proposal_id}: " + "; ".join(reasons),
        )
    _decide(engine, proposal_id, "accepted", reviewer)
    return survivor


def reject(engine: Engine, proposal_id: int, reviewer: str) -> None:
    """The two records are different things; the pair will not be proposed again."""
    if not reviewer.strip():
        raise ValueError("a reviewer name is needed")
    _open(engine, proposal_id)
    _decide(engine, proposal_id, "rejected", reviewer)


class _Clusters:
    """Union-find of records, each cluster knowing which documents it already covers."""

    def __init__(self, docs: dict[int, frozenset[int]]) -> None:
        self.parent: dict[int, int] = {}
        self.docs: dict[int, frozenset[int]] = dict(docs)

    def find(self, item: int) -> int:
        while self.parent.get(item, item) != item:
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of a and b unless they share a document; whether they are one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        left, right = self.docs.get(ra, frozenset()), self.docs.get(rb, frozenset())
        if left & right:
            return False
        self.parent[rb] = ra
        self.docs[ra] = left | right
        return True


def _live(
    conn: Connection,
) -> tuple[dict[int, Side], dict[int, str], dict[int, frozenset[int]]]:
    """Live records (candidate or accepted), every record's status, and for each live record
    the documents it already speaks for (its own plus those of records merged into it)."""
    rows = conn.execute(
        select(
            records.c.id,
            records.c.kind,
            records.c.status,
            records.c.data,
            records.c.document_id,
            records.c.merged_into,
        ).order_by(records.c.id)
    ).all()
    sides: dict[int, Side] = {}
    status: dict[int, str] = {}
    covered: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        status[row.id] = row.status
        if row.status in LIVE:
            sides[row.id] = Side(row.id, row.kind, json.loads(row.data), row.document_id)
            covered[row.id].add(row.document_id)
        elif row.status == "merged" and row.merged_into is not None:
            covered[row.merged_into].add(row.document_id)
    return sides, status, {rid: frozenset(covered[rid]) for rid in sides}


def _known(
    conn: Connection, sides: dict[int, Side], status: dict[int, str]
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Pairs already proposed (still open) and pairs refused, as pairs of live records."""
    rows = conn.execute(
        select(merge_proposals.c.record_id, merge_proposals.c.target_id, merge_proposals.c.status)
    ).all()
    survivors = dict(
        conn.execute(
            select(records.c.id, records.c.merged_into).where(records.c.status == "merged")
        ).all()
    )
    pending: set[tuple[int, int]] = set()
    refused: set[tuple[int, int]] = set()
    for record_id, target_id, state in rows:
        a, b = survivors.get(record_id, record_id), survivors.get(target_id, target_id)
        if state == "rejected":
            refused.update({_pair(record_id, target_id), _pair(a, b)})
        elif state == "proposed" and a != b and a in sides and b in sides:
            pending.add(_pair(a, b))
    return pending, refused


def _direction(low: int, high: int, status: dict[int, str]) -> tuple[int, int]:
    """(merged away, survivor): an accepted record survives, else the earlier one."""
    if status.get(high) == "accepted" and status.get(low) != "accepted":
        return low, high
    return high, low


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def _survivor(review: Review, record_id: int) -> ReviewRecord:
    record = review.get(record_id)
    seen = {record.id}
    while record.status == "merged" and record.merged_into is not None:
        record = review.get(record.merged_into)
        if record.id in seen:
            raise InvalidTransition(f"record {record_id} is in a merge cycle")
        seen.add(record.id)
    return record


def _open(engine: Engine, proposal_id: int) -> tuple[int, int, list[str]]:
    """The pair and reasons of a proposal still open for a decision."""
    with engine.connect() as conn:
        row = conn.execute(
            select(merge_proposals).where(merge_proposals.c.id == proposal_id)
        ).first()
    if row is None:
        raise LookupError(f"no merge proposal {proposal_id}")
    if row.status != "proposed":
        raise InvalidTransition(
            f"merge proposal {proposal_id} was already {row.status} by {row.decided_by}"
        )
    return row.record_id, row.target_id, json.loads(row.reasons)


def _decide(engine: Engine, proposal_id: int, status: str, reviewer: str) -> None:
    with engine.begin() as conn:
        changed = conn.execute(
            update(merge_proposals)
            .where(merge_proposals.c.id == proposal_id, merge_proposals.c.status == "proposed")
            .values(status=status, decided_by=reviewer, decided_at=dt.datetime.now(dt.UTC))
        ).rowcount
    if changed != 1:
        raise InvalidTransition(f"merge proposal {proposal_id} was decided meanwhile")
