"""Two reviewers, one record: exactly one save wins, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from peyvand.observatory import Observatory
from peyvand.review import Review, ReviewRecord, StaleVersionError, service
from tests.review.observatories import small_observatory

ROUNDS = 4


def race(location: str, record_id: int, version: int) -> list[object]:
    """Two reviewers, each with their own engine, save an edit at the same moment."""
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]
    stores = [Observatory.open(location) for _ in range(2)]  # migrations run here, not in threads

    def reviewer(index: int) -> None:
        try:
            review = Review(stores[index].engine)
            barrier.wait(timeout=30)
            outcomes[index] = review.edit(
                record_id,
                {"count": 100 + index},
                reviewer=f"reviewer-{index}",
                expected_version=version,
                reason=f"from thread {index}",
            )
        except Exception as exc:  # reported to the test below
            outcomes[index] = exc

    threads = [threading.Thread(target=reviewer, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for store in stores:
        store.close()
    return outcomes


@pytest.mark.parametrize("precheck", [True, False], ids=["as-is", "update-guard-only"])
def test_two_reviewers_at_once_exactly_one_wins(
    store_location: str,
    example_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    precheck: bool,
) -> None:
    if not precheck:  # force both saves to reach the UPDATE … WHERE version = :expected
        monkeypatch.setattr(service, "_check_version", lambda *args: None)
    observatory = small_observatory(store_location, example_files)
    review = Review(observatory.engine)
    try:
        for record in review.queue(kind="agreement", limit=ROUNDS):
            outcomes = race(store_location, record.id, record.version)
            won = [o for o in outcomes if isinstance(o, ReviewRecord)]
            lost = [o for o in outcomes if isinstance(o, StaleVersionError)]
            assert len(won) == 1 and len(lost) == 1, outcomes
            winner = won[0]
            assert lost[0].actual == 2 and lost[0].changed_by == winner.updated_by
            saved = review.get(record.id)
            assert saved.version == 2 and saved.data["count"] == winner.data["count"]
            edits = [h for h in review.history(record.id) if h.action == "edit"]
            assert len(edits) == 1 and edits[0].actor == winner.updated_by
    finally:
        observatory.close()
