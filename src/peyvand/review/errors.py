"""Why a review change was refused: a stale version, a missing record, a forbidden move."""

from __future__ import annotations

import datetime as dt


class StaleVersionError(Exception):
    """Someone else changed the record since you loaded it; nothing of yours was saved."""

    def __init__(
        self,
        record_id: int,
        expected: int,
        actual: int,
        changed_by: str | None,
        changed_at: dt.datetime | None,
    ) -> None:
        self.record_id = record_id
        self.expected = expected
        self.actual = actual
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = changed_by or "someone"
        when = f" at {changed_at:%Y-%m-%d %H:%M}" if changed_at is not None else ""
        super().__init__(
            f"record {record_id} was changed by {who}{when} (now version {actual}, "
            f"you had version {expected}); reload it and apply your change again"
        )


class RecordNotFound(LookupError):
    """No record with that id in this observatory."""

    def __init__(self, record_id: int) -> None:
        self.record_id = record_id
        super().__init__(f"no record {record_id}")


class InvalidTransition(ValueError):
    """The change is not allowed from the record's current state (e.g. it was merged)."""
