"""The review lifecycle: decisions, validated edits, merges, evidence and history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peyvand.observatory import Observatory
from peyvand.review import (
    InvalidTransition,
    RecordNotFound,
    Review,
    ReviewRecord,
    StaleVersionError,
)
from tests.review.observatories import small_observatory


@pytest.fixture
def observatory(tmp_path: Path, example_files: list[Path]) -> Iterator[Observatory]:
    obs = small_observatory(tmp_path / "observatory", example_files)
    yield obs
    obs.close()


@pytest.fixture
def review(observatory: Observatory) -> Review:
    return Review(observatory.engine)


@pytest.fixture
def both_backends(store_location: str, example_files: list[Path]) -> Iterator[Review]:
    obs = small_observatory(store_location, example_files)
    yield Review(obs.engine)
    obs.close()


def first(review: Review, kind: str, n: int = 0) -> ReviewRecord:
    return review.queue(kind=kind)[n]


def test_queue_lists_candidates_of_a_kind_and_a_decision_takes_one_out(review: Review) -> None:
    agreements = review.queue(kind="agreement")
    assert agreements and {r.kind for r in agreements} == {"agreement"}
    assert all(r.status == "candidate" and r.version == 1 for r in agreements)
    assert [r.id for r in review.queue(kind="agreement", limit=2, offset=1)] == [
        r.id for r in agreements[1:3]
    ]
    review.accept(agreements[0].id, reviewer="alice", expected_version=1)
    assert agreements[0].id not in [r.id for r in review.queue(kind="agreement")]
    assert [r.id for r in review.queue(kind="agreement", status="accepted")] == [agreements[0].id]
    with pytest.raises(ValueError, match="status must be one of"):
        review.queue(status="approved")
    with pytest.raises(ValueError, match="kind must be one of agreement"):
        review.queue(kind="agreements")


def test_record_carries_its_quote_from_the_document(review: Review) -> None:
    record = first(review, "agreement")
    evidence = review.evidence(record.id)
    assert len(evidence) == 1
    assert (evidence[0].start, evidence[0].end) == record.evidence
    assert evidence[0].quote == record.quote and record.quote
    assert evidence[0].language in {"az", "en"} and evidence[0].title


def test_accept_reject_and_accept_again_keep_every_step(both_backends: Review) -> None:
    review = both_backends
    record = first(review, "claim")
    accepted = review.accept(record.id, reviewer="alice", expected_version=1)
    assert (accepted.status, accepted.version, accepted.updated_by) == ("accepted", 2, "alice")
    assert accepted.updated_at is not None
    rejected = review.reject(record.id, reviewer="bob", expected_version=2, reason="not a claim")
    assert (rejected.status, rejected.version) == ("rejected", 3)
    again = review.accept(record.id, reviewer="carol", expected_version=3, reason="it is")
    assert again.status == "accepted" and again.version == 4
    history = review.history(record.id)
    assert [(h.action, h.actor, h.version) for h in history] == [
        ("create", "extractor", 1),
        ("accept", "alice", 2),
        ("reject", "bob", 3),
        ("accept", "carol", 4),
    ]
    assert history[2].reason == "not a claim"
    assert history[2].before is not None and history[2].before["status"] == "accepted"
    assert history[2].after is not None and history[2].after["status"] == "rejected"
    assert history[0].after is not None and history[0].after["status"] == "candidate"
    assert all(h.at.tzinfo is not None for h in history)


def test_edit_changes_fields_keeps_status_evidence_and_records_before_after(
    both_backends: Review,
) -> None:
    review = both_backends
    record = next(r for r in review.queue(kind="agreement") if r.data["count"] != 30)
    accepted = review.accept(record.id, reviewer="alice", expected_version=1)
    edited = review.edit(
        record.id,
        {"count": 30, "status": "in_force"},
        reviewer="bob",
        expected_version=accepted.version,
        reason="the text says thirty",
    )
    assert edited.status == "accepted"
    assert edited.data["count"] == 30 and edited.data["status"] == "in_force"
    assert edited.data["parties"] == record.data["parties"]
    assert edited.evidence == record.evidence and edited.data["evidence"] == list(record.evidence)
    assert review.get(record.id) == edited
    last = review.history(record.id)[-1]
    assert (last.action, last.actor, last.reason) == ("edit", "bob", "the text says thirty")
    assert ("count", record.data["count"], 30) in last.changes()
    assert ("data.status", record.data["status"], "in_force") in last.changes()


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        ("event", {"type": "PARTY"}, "type must be one of"),
        ("event", {"domain": "politics"}, "domain must be one of"),
        ("agreement", {"count": -3}, "non-negative whole number"),
        ("agreement", {"count": "thirty"}, "non-negative whole number"),
        ("agreement", {"count": 2.5}, "non-negative whole number"),
        ("agreement", {"status": "ratified"}, "status must be one of"),
        ("agreement", {"domains": ["cinema", "cooking"]}, "domains must be one of"),
        ("agreement", {"date": "19 June"}, "yyyy-mm-dd"),
        ("agreement", {"colour": "red"}, "has no field 'colour'"),
        ("claim", {"value": "many"}, "value must be a number"),
        ("claim", {"confidence": 3}, "between 0 and 1"),
        ("institution", {"name": " "}, "non-empty"),
        ("claim", {"evidence": [0, 5]}, "evidence span cannot be edited"),
    ],
)
def test_a_bad_edit_is_refused_with_a_clear_message_and_changes_nothing(
    review: Review, kind: str, change: dict[str, object], message: str
) -> None:
    record = first(review, kind)
    with pytest.raises(ValueError, match=message):
        review.edit(record.id, change, reviewer="alice", expected_version=1)
    assert review.get(record.id) == record
    assert [h.action for h in review.history(record.id)] == ["create"]


def test_null_count_and_unchanged_evidence_are_fine(review: Review) -> None:
    record = first(review, "agreement")
    edited = review.edit(
        record.id,
        {"count": None, "evidence": list(record.evidence)},
        reviewer="alice",
        expected_version=1,
    )
    assert edited.data["count"] is None


def test_changing_an_events_type_keeps_plover_and_polarity_in_step(review: Review) -> None:
    record = next(r for r in review.queue(kind="event") if r.data["type"] != "BROADCAST_STOPPED")
    edited = review.edit(
        record.id, {"type": "BROADCAST_STOPPED"}, reviewer="alice", expected_version=1
    )
    assert (edited.data["plover"], edited.data["polarity"]) == ("REJECT", -1)
    with pytest.raises(ValueError, match="follows from the type"):
        review.edit(record.id, {"polarity": 1}, reviewer="alice", expected_version=2)


def test_apply_names_the_audit_action_and_can_edit_while_accepting(review: Review) -> None:
    record = first(review, "agreement")
    done = review.apply(
        record.id,
        "accept",
        reviewer="judge",
        expected_version=1,
        data={"count": 2},
        action="adjudicate",
        reason="coders disagreed",
    )
    assert done.status == "accepted" and done.data["count"] == 2
    last = review.history(record.id)[-1]
    assert (last.action, last.actor, last.reason) == ("adjudicate", "judge", "coders disagreed")
    with pytest.raises(ValueError, match="decision must be"):
        review.apply(record.id, "approve", reviewer="judge", expected_version=2)
    with pytest.raises(ValueError, match="action must be one of"):
        review.apply(record.id, "accept", reviewer="judge", expected_version=2, action="bless")
    with pytest.raises(ValueError, match="needs the changed fields"):
        review.apply(record.id, "edit", reviewer="judge", expected_version=2)


def test_a_reviewer_name_is_required(review: Review) -> None:
    record = first(review, "claim")
    with pytest.raises(ValueError, match="reviewer name"):
        review.accept(record.id, reviewer=" ", expected_version=1)


def test_unknown_records_raise_record_not_found(review: Review) -> None:
    with pytest.raises(RecordNotFound, match="no record 99999"):
        review.get(99999)
    with pytest.raises(RecordNotFound):
        review.accept(99999, reviewer="alice", expected_version=1)
    with pytest.raises(RecordNotFound):
        review.history(99999)
    assert issubclass(RecordNotFound, LookupError)


def test_a_stale_save_is_refused_and_keeps_the_other_reviewers_change(
    both_backends: Review,
) -> None:
    review = both_backends
    loaded_by_a = first(review, "agreement")
    review.edit(loaded_by_a.id, {"count": 30}, reviewer="bob", expected_version=1, reason="b")
    with pytest.raises(StaleVersionError) as caught:
        review.edit(loaded_by_a.id, {"count": 7}, reviewer="alice", expected_version=1)
    error = caught.value
    assert (error.record_id, error.expected, error.actual, error.changed_by) == (
        loaded_by_a.id,
        1,
        2,
        "bob",
    )
    assert error.changed_at is not None
    assert f"record {loaded_by_a.id} was changed by bob at " in str(error)
    assert "(now version 2, you had version 1); reload it" in str(error)
    with pytest.raises(StaleVersionError):
        review.reject(loaded_by_a.id, reviewer="alice", expected_version=1)
    kept = review.get(loaded_by_a.id)
    assert (kept.data["count"], kept.version, kept.status) == (30, 2, "candidate")
    assert [h.actor for h in review.history(loaded_by_a.id)] == ["extractor", "bob"]


def test_merge_absorbs_transitively_and_the_survivor_gathers_all_evidence(
    both_backends: Review,
) -> None:
    review = both_backends
    a, b, c = review.queue(kind="agreement")[:3]
    survivor = review.merge(a.id, b.id, reviewer="alice", expected_version=1, reason="same")
    assert survivor.id == b.id and survivor.version == 2 and survivor.status == "candidate"
    merged = review.get(a.id)
    assert (merged.status, merged.merged_into, merged.version) == ("merged", b.id, 2)
    final = review.merge(b.id, c.id, reviewer="bob", expected_version=2)
    assert final.id == c.id and final.version == 2
    assert review.get(a.id).merged_into == c.id  # repointed, one step from the survivor
    assert review.get(a.id).version == 3
    quotes = review.evidence(c.id)
    assert sorted(e.record_id for e in quotes) == sorted([a.id, b.id, c.id])
    assert quotes == sorted(quotes, key=lambda e: (e.document_id, e.start, e.end))
    kept = review.history(c.id)[-1]
    assert (kept.action, kept.actor, kept.version) == ("merge", "bob", 2)
    assert kept.after is not None and sorted(kept.after["absorbed"]) == sorted([a.id, b.id])
    gone = review.history(a.id)
    assert [h.action for h in gone] == ["create", "merge", "merge"]
    assert gone[1].after is not None and gone[1].after["merged_into"] == b.id
    assert gone[2].after is not None and gone[2].after["merged_into"] == c.id


def test_a_merged_record_cannot_change_but_its_history_reads(review: Review) -> None:
    a, b = review.queue(kind="claim")[:2]
    review.merge(a.id, b.id, reviewer="alice", expected_version=1)
    for change in (
        lambda: review.accept(a.id, reviewer="bob", expected_version=2),
        lambda: review.reject(a.id, reviewer="bob", expected_version=2),
        lambda: review.edit(a.id, {"value": 1}, reviewer="bob", expected_version=2),
    ):
        with pytest.raises(InvalidTransition, match=f"merged into record {b.id}"):
            change()
    other = review.queue(kind="claim")[1]
    with pytest.raises(InvalidTransition, match=f"merge into {b.id} instead"):
        review.merge(other.id, a.id, reviewer="bob", expected_version=1)
    assert [h.action for h in review.history(a.id)] == ["create", "merge"]


def test_merge_refuses_itself_and_another_kind(review: Review) -> None:
    agreement = first(review, "agreement")
    claim = first(review, "claim")
    with pytest.raises(InvalidTransition, match="into itself"):
        review.merge(agreement.id, agreement.id, reviewer="alice", expected_version=1)
    with pytest.raises(InvalidTransition, match="same kind"):
        review.merge(agreement.id, claim.id, reviewer="alice", expected_version=1)
    with pytest.raises(RecordNotFound):
        review.merge(agreement.id, 99999, reviewer="alice", expected_version=1)
    assert review.get(agreement.id) == agreement and review.get(claim.id) == claim
    assert issubclass(InvalidTransition, ValueError)


def test_merge_checks_the_absorbed_records_version(review: Review) -> None:
    a, b = review.queue(kind="institution")[:2]
    review.accept(a.id, reviewer="bob", expected_version=1)
    with pytest.raises(StaleVersionError):
        review.merge(a.id, b.id, reviewer="alice", expected_version=1)
    assert review.get(b.id).version == 1 and review.get(a.id).status == "accepted"
