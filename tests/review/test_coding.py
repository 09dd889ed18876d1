"""Double coding: blind queues, agreement figures, adjudication through the review trail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peyvand.observatory import Observatory
from peyvand.review.coding import Coding, CodingError
from peyvand.review.service import Review


@pytest.fixture
def observatory(store_location: str, examples_dir: Path) -> Iterator[Observatory]:
    """fa-02 alone: five agreements, five events and two claims, all candidates."""
    obs = Observatory.open(store_location)
    obs.ingest([examples_dir / "fa-02-cinema-memorandum.txt"])
    yield obs
    obs.close()


def _assigned(coding: Coding, coder: str) -> list[int]:
    return [a.id for a in coding.queue(coder)]


def test_the_same_seed_draws_the_same_sample(tmp_path: Path, examples_dir: Path) -> None:
    drawn = []
    for name, seed in (("one", 7), ("two", 7), ("three", 8)):
        obs = Observatory.open(tmp_path / name)
        obs.ingest([examples_dir / "fa-02-cinema-memorandum.txt"])
        coding = Coding(obs.engine)
        assert coding.assign(0.5, ("alice", "bob"), seed=seed) == 6  # half of 12 records
        drawn.append(_assigned(coding, "alice"))
        obs.close()
    assert drawn[0] == drawn[1]
    assert drawn[0] != drawn[2]


def test_assign_gives_each_record_to_two_coders_once(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    assert coding.assign(0.4, ("alice", "bob"), kind="agreement") == 2
    first = _assigned(coding, "alice")
    assert first == _assigned(coding, "bob")
    assert {Review(observatory.engine).get(i).kind for i in first} == {"agreement"}
    assert coding.assign(1.0, ("carol", "dave"), kind="agreement") == 3  # only the rest
    assert not set(first) & set(_assigned(coding, "carol"))
    assert coding.assign(1.0, ("erin", "frank"), kind="agreement") == 0


def test_assign_refuses_one_coder_twice_and_bad_shares(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    with pytest.raises(CodingError, match="two different"):
        coding.assign(0.5, ("alice", "alice"))
    for share in (0.0, 1.5, -0.1):
        with pytest.raises(CodingError, match="share"):
            coding.assign(share, ("alice", "bob"))


def test_queues_are_blind_and_coding_leaves_the_record_alone(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    review = Review(observatory.engine)
    coding.assign(1.0, ("alice", "bob"), kind="claim")
    record_id = _assigned(coding, "alice")[0]
    before = review.get(record_id)
    coding.code(record_id, "alice", "reject")
    assert record_id not in _assigned(coding, "alice")
    seen = next(a for a in coding.queue("bob") if a.id == record_id)
    assert seen.role == "second"
    assert seen.decisions == ()  # nothing of alice's reject
    assert seen.data == before.data and seen.quote == before.quote
    after = review.get(record_id)
    assert (after.status, after.version, after.data) == ("candidate", before.version, before.data)
    with pytest.raises(CodingError, match="not assigned"):
        coding.code(record_id, "mallory", "accept")
    with pytest.raises(CodingError, match="decision"):
        coding.code(record_id, "bob", "maybe")
    with pytest.raises(CodingError, match="edit needs"):
        coding.code(record_id, "bob", "edit")


def test_disagreements_compare_decisions_and_edited_fields(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    coding.assign(1.0, ("alice", "bob"), kind="event")
    a, b, c, d, *_ = _assigned(coding, "alice")
    coding.code(a, "alice", "accept")
    coding.code(a, "bob", "accept")
    coding.code(b, "alice", "accept")
    coding.code(b, "bob", "reject")
    coding.code(c, "alice", "edit", {"domain": "cinema"})
    coding.code(c, "bob", "edit", {"domain": "press"})
    coding.code(d, "alice", "edit", {"date": "2019-06-19"})
    coding.code(d, "bob", "edit", {"date": "2019-06-19"})
    found = {x.record_id: x for x in coding.disagreements()}
    assert set(found) == {b, c}
    assert (found[b].first.decision, found[b].second.decision) == ("accept", "reject")
    assert coding.disagreements(kind="claim") == []


def test_adjudication_settles_a_disagreement_through_review(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    review = Review(observatory.engine)
    coding.assign(1.0, ("alice", "bob"), kind="claim")
    one, two = _assigned(coding, "alice")
    coding.code(one, "alice", "accept")
    coding.code(one, "bob", "reject")
    coding.code(two, "alice", "accept")
    coding.code(two, "bob", "accept")
    assert coding.send_to_adjudication("alice") == 0  # a coder cannot judge their own record
    assert coding.send_to_adjudication("carol") == 1
    assert coding.send_to_adjudication("carol") == 0  # already sent
    (task,) = coding.queue("carol")
    assert task.id == one and task.role == "adjudicator"
    assert {(x.coder, x.decision) for x in task.decisions} == {
        ("alice", "accept"),
        ("bob", "reject"),
    }
    with pytest.raises(CodingError, match="not assigned"):
        coding.adjudicate(two, "carol", "accept")
    final = coding.adjudicate(one, "carol", "reject")
    assert final.status == "rejected"
    last = review.history(one)[-1]
    assert (last.action, last.actor) == ("adjudicate", "carol")
    assert coding.disagreements() == []
    assert coding.queue("carol") == []


def test_settle_agreed_applies_the_shared_decision(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    review = Review(observatory.engine)
    coding.assign(1.0, ("alice", "bob"), kind="agreement")
    a, b, c, *_ = _assigned(coding, "alice")
    coding.code(a, "alice", "accept")
    coding.code(a, "bob", "accept")
    coding.code(b, "alice", "edit", {"status": "in_force"})
    coding.code(b, "bob", "edit", {"status": "in_force"})
    coding.code(c, "alice", "accept")
    coding.code(c, "bob", "reject")
    assert coding.settle_agreed("lead") == 2
    assert review.get(a).status == "accepted"
    edited = review.get(b)
    assert (edited.status, edited.data["status"]) == ("accepted", "in_force")
    assert review.get(c).status == "candidate"  # still waiting for an adjudicator
    assert review.history(a)[-1].actor == "lead"
    assert coding.settle_agreed("lead") == 0


def test_report_gives_hand_computed_agreement_per_kind(observatory: Observatory) -> None:
    coding = Coding(observatory.engine)
    coding.assign(1.0, ("alice", "bob"), kind="agreement")
    coding.assign(1.0, ("alice", "bob"), kind="claim")
    ids = _assigned(coding, "alice")
    agreements = [i for i in ids if Review(observatory.engine).get(i).kind == "agreement"]
    # alice: a a r a r   bob: a a r r a  -> p_o = 3/5; both coders a=3 r=2,
    # p_e = .6*.6 + .4*.4 = .52, kappa = (.6 - .52) / .48 = 1/6;
    # alpha: o_ar = o_ra = 2, n_a = 6, n_r = 4, n = 10 -> 1 - 9 * 4 / (2*6*4) = 0.25
    for record_id, (x, y) in zip(agreements, ["aa", "aa", "rr", "ar", "ra"], strict=True):
        coding.code(record_id, "alice", "accept" if x == "a" else "reject")
        coding.code(record_id, "bob", "accept" if y == "a" else "reject")
    claims = [i for i in ids if i not in agreements]
    coding.code(claims[0], "alice", "accept")  # the other coder has not coded yet
    rows = {r.kind: r for r in coding.report()}
    assert set(rows) == {"agreement", "claim"}
    agreement = rows["agreement"]
    assert (agreement.assigned, agreement.double_coded) == (5, 5)
    assert agreement.observed == pytest.approx(0.6)
    assert agreement.kappa == pytest.approx(1 / 6)
    assert agreement.alpha == pytest.approx(0.25)
    claim = rows["claim"]
    assert (claim.assigned, claim.double_coded) == (2, 0)
    assert claim.kappa is None and claim.alpha is None
    assert [r.kind for r in coding.report(kind="claim")] == ["claim"]
