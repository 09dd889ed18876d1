"""Claims side by side: who said what about the same subject, and where the numbers differ.

The observatory never picks a side. Claims (not rejected; a merged claim counts once, under
the record it was merged into) are grouped by their normalized subject, and each entry
keeps its value, unit, qualifier, source and quote, so a reader sees every figure with the
words behind it.

Conflict rule. Each value stands for an interval: an exact value for itself; an approximate
one (qualifier about, nearly, approximately, around, almost, roughly) for
``value × [1 − 2·tolerance, 1 + 2·tolerance]``; a lower bound (more_than, at_least) for
``[value, ∞)`` and an upper bound (less_than, at_most) for ``(−∞, value]``. Two values with
the same unit conflict when the gap between their intervals is more than ``tolerance``
times the larger of the two values. So at the default 5%, 30 against "about 50" conflicts,
52 against "about 50" does not, and "more than 90%" does not contradict 92%.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from peyvand.store.schema import documents, records
from peyvand.text.normalize import normalize

APPROXIMATE = frozenset({"about", "nearly", "approximately", "around", "almost", "roughly"})
LOWER_BOUNDS = frozenset({"more_than", "at_least", "over"})
UPPER_BOUNDS = frozenset({"less_than", "at_most", "under", "up_to"})


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    record_id: int
    status: str
    value: float
    unit: str | None
    qualifier: str | None
    claimant: str | None
    publisher: str | None
    document_id: int
    title: str | None
    published: dt.date | None
    quote: str
    also_in: tuple[str, ...] = ()  # documents whose reports of this claim were merged here

    @property
    def source(self) -> str | None:
        """Who makes the claim: the claimant, else the document's publisher."""
        return self.claimant or self.publisher


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    key: str  # the normalized subject
    subject: str  # as first written
    entries: tuple[ClaimEntry, ...]
    conflicting_units: tuple[str, ...] = field(default=())

    @property
    def conflicting(self) -> bool:
        return bool(self.conflicting_units)


def subject_key(subject: str) -> str:
    """The subject as grouped: case, letter variants, dashes and spacing folded (the view)."""
    return normalize(subject).text.strip()


def groups(engine: Engine, *, tolerance: float = 0.05) -> list[ClaimGroup]:
    """Every claim subject with its entries (largest groups first), conflicts marked."""
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    by_key: dict[str, list[ClaimEntry]] = defaultdict(list)
    subjects: dict[str, str] = {}
    for subject, entry in _entries(engine):
        key = subject_key(subject)
        subjects.setdefault(key, subject)
        by_key[key].append(entry)
    found = [
        ClaimGroup(key, subjects[key], tuple(entries), _conflicting_units(entries, tolerance))
        for key, entries in by_key.items()
    ]
    found.sort(key=lambda g: (-len(g.entries), g.key))
    return found


def conflicts(engine: Engine, tolerance: float = 0.05) -> list[ClaimGroup]:
    """The groups whose sources give incompatible numbers (see the module's rule)."""
    return [g for g in groups(engine, tolerance=tolerance) if g.conflicting]


def interval(value: float, qualifier: str | None, tolerance: float) -> tuple[float, float]:
    """The range of values a claim allows, given its qualifier."""
    if qualifier in LOWER_BOUNDS:
        return value, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, value
    if qualifier in APPROXIMATE:
        spread = abs(value) * 2 * tolerance
        return value - spread, value + spread
    return value, value


def disagree(a: ClaimEntry, b: ClaimEntry, tolerance: float) -> bool:
    """Whether two entries of the same unit contradict each other."""
    low_a, high_a = interval(a.value, a.qualifier, tolerance)
    low_b, high_b = interval(b.value, b.qualifier, tolerance)
    gap = max(low_a, low_b) - min(high_a, high_b)
    return gap > tolerance * max(abs(a.value), abs(b.value))


def _conflicting_units(entries: list[ClaimEntry], tolerance: float) -> tuple[str, ...]:
    by_unit: dict[str, list[ClaimEntry]] = defaultdict(list)
    for entry in entries:
        by_unit[entry.unit or ""].append(entry)
    return tuple(
        sorted(
            unit
            for unit, same in by_unit.items()
            if any(disagree(a, b, tolerance) for i, a in enumerate(same) for b in same[i + 1 :])
        )
    )


def _entries(engine: Engine) -> list[tuple[str, ClaimEntry]]:
    """(subject, entry) of every live claim, with merged reports folded into survivors."""
    query = (
        select(
            records.c.id,
            records.c.status,
            records.c.data,
            records.c.quote,
            records.c.merged_into,
            records.c.document_id,
            documents.c.title,
            documents.c.source,
            documents.c.publisher,
            documents.c.published,
        )
        .join(documents, documents.c.id == records.c.document_id)
        .where(records.c.kind == "claim", records.c.status != "rejected")
        .order_by(documents.c.published.asc().nulls_last(), records.c.id)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    merged: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        if row.status == "merged" and row.merged_into is not None:
            merged[row.merged_into].append(row.title or row.source or f"document {row.document_id}")
    found: list[tuple[str, ClaimEntry]] = []
    for row in rows:
        data = json.loads(row.data)
        value = data.get("value")
        if row.status == "merged" or not data.get("subject") or not _is_number(value):
            continue
        entry = ClaimEntry(
            record_id=row.id,
            status=row.status,
            value=float(value),
            unit=data.get("unit"),
            qualifier=data.get("qualifier"),
            claimant=data.get("claimant"),
            publisher=row.publisher,
            document_id=row.document_id,
            title=row.title or row.source,
            published=row.published,
            quote=row.quote,
            also_in=tuple(merged.get(row.id, ())),
        )
        found.append((str(data["subject"]), entry))
    return found


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
