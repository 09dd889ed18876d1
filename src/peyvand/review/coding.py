"""Double coding: two coders judge the same sample blind, an adjudicator settles what differs.

Agreement between independent coders is how a team shows its records are trustworthy.
Coding writes only to the ``codings`` table; a record itself changes only when a decision is
final (both coders agreed, or an adjudicator decided), and then through `Review`, so the
audit trail shows it. An ``edit`` is a correction the coder vouches for: when it becomes
final the record is accepted with the edited fields.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from peyvand.review import validate
from peyvand.review.agreement import cohen_kappa, krippendorff_alpha, observed_agreement
from peyvand.review.service import Review, ReviewRecord, checked_name
from peyvand.store import clock
from peyvand.store.schema import codings, records

DECISIONS = ("accept", "reject", "edit")
CODER_ROLES = ("first", "second")
ADJUDICATOR = "adjudicator"


class CodingError(ValueError):
    """The coding step is not possible: not assigned, wrong role, bad decision."""


@dataclass(frozen=True, slots=True)
class CodedDecision:
    coder: str
    role: str
    decision: str | None  # None while not yet coded
    data: dict[str, Any] | None  # the full edited record when decision is edit
    coded_at: dt.datetime | None

    @property
    def category(self) -> str | None:
        """What agreement is measured on: the decision, and for edits the edited record."""
        if self.decision != "edit":
            return self.decision
        return "edit:" + json.dumps(self.data, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Assignment:
    """One record in a coder's queue; for coders it carries nothing of the other coder."""

    record: ReviewRecord
    role: str
    decisions: tuple[CodedDecision, ...] = ()  # the two coders' decisions, adjudicators only

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def data(self) -> dict[str, Any]:
        return self.record.data

    @property
    def quote(self) -> str:
        return self.record.quote

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def document_id(self) -> int:
        return self.record.document_id


@dataclass(frozen=True, slots=True)
class Disagreement:
    record_id: int
    kind: str
    first: CodedDecision
    second: CodedDecision


@dataclass(frozen=True, slots=True)
class KindAgreement:
    """Agreement of the double-coded records of one kind (None: not defined yet)."""

    kind: str
    assigned: int
    double_coded: int
    observed: float | None
    kappa: float | None  # first-role coder against second-role coder
    alpha: float | None  # Krippendorff's alpha, nominal; singly coded records count as missing


@dataclass(slots=True)
class _Unit:
    record_id: int
    kind: str
    status: str
    roles: dict[str, CodedDecision]

    def both(self) -> tuple[CodedDecision, CodedDecision] | None:
        first, second = self.roles.get("first"), self.roles.get("second")
        if first is None or second is None or first.decision is None or second.decision is None:
            return None
        return first, second

    def adjudicated(self) -> bool:
        judge = self.roles.get(ADJUDICATOR)
        return judge is not None and judge.decision is not None


class Coding:
    """Double coding on one observatory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.review = Review(engine)

    def assign(
        self,
        share: float,
        coders: tuple[str, str],
        *,
        kind: str | None = None,
        seed: int = 0,
    ) -> int:
        """Give a random `share` of the unassigned candidates to two coders; how many.

        The same seed on the same store picks the same records, so a sample can be redrawn.
        """
        if not 0.0 < share <= 1.0:
            raise CodingError(f"share must be in (0, 1]; got {share}")
        first, second = (checked_name(c, "coder") for c in coders)
        if first == second:
            raise CodingError("double coding needs two different coders")
        taken = select(codings.c.record_id)
        query = select(records.c.id).where(
            records.c.status == "candidate", records.c.id.not_in(taken)
        )
        if kind is not None:
            query = query.where(records.c.kind == kind)
        with self.engine.begin() as conn:
            pool = sorted(conn.execute(query).scalars())
            if not pool:
                return 0
            size = min(len(pool), max(1, round(share * len(pool))))
            chosen = sorted(random.Random(seed).sample(pool, size))
            now = clock.now()
            conn.execute(
                insert(codings),
                [
                    {"record_id": rid, "coder": coder, "role": role, "assigned_at": now}
                    for rid in chosen
                    for coder, role in ((first, "first"), (second, "second"))
                ],
            )
        return len(chosen)

    def queue(self, coder: str) -> list[Assignment]:
        """The coder's records still to decide, in record order; blind to the other coder."""
        query = (
            select(codings.c.record_id, codings.c.role)
            .where(codings.c.coder == coder, codings.c.decision.is_(None))
            .order_by(codings.c.record_id)
        )
        with self.engine.connect() as conn:
            pending = conn.execute(query).all()
            units = _units(conn, None) if any(r.role == ADJUDICATOR for r in pending) else {}
        found: list[Assignment] = []
        for record_id, role in pending:
            record = self.review.get(record_id)
            shown: tuple[CodedDecision, ...] = ()
            if role == ADJUDICATOR:
                unit = units[record_id]
                shown = tuple(unit.roles[r] for r in CODER_ROLES if r in unit.roles)
            found.append(Assignment(record, role, shown))
        return found

    def code(
        self, record_id: int, coder: str, decision: str, data: dict[str, Any] | None = None
    ) -> CodedDecision:
        """Keep the coder's decision; the record itself does not change."""
        role = self.role(record_id, coder)
        if role == ADJUDICATOR:
            raise CodingError(f"{coder} adjudicates record {record_id}: use adjudicate")
        full = self._checked(record_id, decision, data)
        return self._store(record_id, coder, role, decision, full)

    def disagreements(self, kind: str | None = None) -> list[Disagreement]:
        """Records both coders decided differently, not yet adjudicated."""
        with self.engine.connect() as conn:
            units = _units(conn, kind)
        found = []
        for unit in units.values():
            pair = unit.both()
            if pair is None or unit.adjudicated() or pair[0].category == pair[1].category:
                continue
            found.append(Disagreement(unit.record_id, unit.kind, *pair))
        return found

    def send_to_adjudication(self, adjudicator: str, kind: str | None = None) -> int:
        """Assign each open disagreement to `adjudicator`, unless they coded it; how many."""
        adjudicator = checked_name(adjudicator, "coder")
        with self.engine.connect() as conn:
            units = _units(conn, kind)
        rows = [
            {"record_id": d.record_id, "coder": adjudicator, "role": ADJUDICATOR}
            for d in self.disagreements(kind)
            if ADJUDICATOR not in units[d.record_id].roles
            and adjudicator not in (d.first.coder, d.second.coder)
        ]
        if rows:
            now = clock.now()
            with self.engine.begin() as conn:
                conn.execute(insert(codings), [{**row, "assigned_at": now} for row in rows])
        return len(rows)

    def adjudicate(
        self,
        record_id: int,
        adjudicator: str,
        decision: str,
        data: dict[str, Any] | None = None,
    ) -> ReviewRecord:
        """The adjudicator's final decision, applied to the record through Review."""
        if self.role(record_id, adjudicator) != ADJUDICATOR:
            raise CodingError(f"record {record_id} is not sent to {adjudicator} to adjudicate")
        full = self._checked(record_id, decision, data)
        with self.engine.connect() as conn:
            unit = _units(conn, None, record_id)[record_id]
        pair = " vs ".join(
            f"{c.coder}: {c.decision}" for r in CODER_ROLES if (c := unit.roles.get(r))
        )
        current = self.review.get(record_id)
        result = self.review.apply(
            record_id,
            "accept" if decision == "edit" else decision,
            reviewer=adjudicator,
            expected_version=current.version,
            data=full,
            action="adjudicate",
            reason=f"adjudicated double coding ({pair})",
        )
        self._store(record_id, adjudicator, ADJUDICATOR, decision, full)
        return result

    def settle_agreed(self, reviewer: str, kind: str | None = None) -> int:
        """Apply the decision of every still-open record both coders agree on; how many."""
        reviewer = checked_name(reviewer)
        with self.engine.connect() as conn:
            units = _units(conn, kind)
        settled = 0
        for unit in units.values():
            pair = unit.both()
            if pair is None or unit.status != "candidate" or unit.adjudicated():
                continue
            first, second = pair
            if first.category != second.category:
                continue
            current = self.review.get(unit.record_id)
            self.review.apply(
                unit.record_id,
                "accept" if first.decision == "edit" else str(first.decision),
                reviewer=reviewer,
                expected_version=current.version,
                data=first.data,
                reason=f"double coding: {first.coder} and {second.coder} agreed",
            )
            settled += 1
        return settled

    def report(self, kind: str | None = None) -> list[KindAgreement]:
        """Per record kind: how many were double-coded and how well the coders agree."""
        with self.engine.connect() as conn:
            units = _units(conn, kind)
        by_kind: dict[str, list[_Unit]] = defaultdict(list)
        for unit in units.values():
            by_kind[unit.kind].append(unit)
        return [_agreement(k, by_kind[k]) for k in sorted(by_kind)]

    def role(self, record_id: int, coder: str) -> str:
        """The coder's role on the record: first, second or adjudicator."""
        with self.engine.connect() as conn:
            role = conn.execute(
                select(codings.c.role).where(
                    codings.c.record_id == record_id, codings.c.coder == coder
                )
            ).scalar_one_or_none()
        if role is None:
            raise CodingError(f"record {record_id} is not assigned to {coder}")
        return str(role)

    def _checked(
        self, record_id: int, decision: str, data: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        if decision not in DECISIONS:
            raise CodingError(f"decision must be accept, reject or edit; got {decision!r}")
        if decision != "edit":
            if data is not None:
                raise CodingError("only an edit comes with data")
            return None
        if data is None:
            raise CodingError("an edit needs the changed fields (data)")
        record = self.review.get(record_id)
        return validate.edited(record.kind, record.data, data)

    def _store(
        self,
        record_id: int,
        coder: str,
        role: str,
        decision: str,
        data: dict[str, Any] | None,
    ) -> CodedDecision:
        now = clock.now()
        with self.engine.begin() as conn:
            conn.execute(
                update(codings)
                .where(codings.c.record_id == record_id, codings.c.coder == coder)
                .values(
                    decision=decision,
                    data=None if data is None else json.dumps(data, ensure_ascii=False),
                    coded_at=now,
                )
            )
        return CodedDecision(coder, role, decision, data, now)


def _units(conn: Connection, kind: str | None, record_id: int | None = None) -> dict[int, _Unit]:
    """Every assigned record with its codings, keyed by record id, in record order."""
    query = (
        select(codings, records.c.kind, records.c.status)
        .join(records, records.c.id == codings.c.record_id)
        .order_by(codings.c.record_id, codings.c.id)
    )
    if kind is not None:
        query = query.where(records.c.kind == kind)
    if record_id is not None:
        query = query.where(codings.c.record_id == record_id)
    units: dict[int, _Unit] = {}
    for row in conn.execute(query):
        unit = units.setdefault(row.record_id, _Unit(row.record_id, row.kind, row.status, {}))
        unit.roles[row.role] = CodedDecision(
            row.coder,
            row.role,
            row.decision,
            None if row.data is None else json.loads(row.data),
            clock.aware(row.coded_at),
        )
    return units


def _agreement(kind: str, units: Sequence[_Unit]) -> KindAgreement:
    pairs = [p for u in units if (p := u.both()) is not None]
    first = [a.category for a, _ in pairs]
    second = [b.category for _, b in pairs]
    coded = [
        tuple(u.roles[r].category if r in u.roles else None for r in CODER_ROLES) for u in units
    ]
    return KindAgreement(
        kind=kind,
        assigned=sum(1 for u in units if any(r in u.roles for r in CODER_ROLES)),
        double_coded=len(pairs),
        observed=observed_agreement(first, second),
        kappa=cohen_kappa(first, second),
        alpha=krippendorff_alpha(coded),
    )
