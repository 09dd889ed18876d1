"""One story in three languages becomes one record with three quotes behind it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from peyvand.observatory import Observatory
from peyvand.review import merges
from peyvand.review.errors import InvalidTransition
from peyvand.review.match import Side, score
from peyvand.review.service import Review
from peyvand.store.schema import merge_proposals, records

STORY = ("fa-02-cinema-memorandum.txt", "en-01-cinema-memorandum.txt", "az-01-kino-memorandumu.txt")


@pytest.fixture
def observatory(store_location: str, examples_dir: Path) -> Iterator[Observatory]:
    obs = Observatory.open(store_location)
    obs.ingest([examples_dir / name for name in STORY])
    yield obs
    obs.close()


def _memorandum(obs: Observatory, kind: str = "agreement") -> int:
    """The Persian report's record of the memorandum signed on 19 June 2019 in Baku."""
    review = Review(obs.engine)
    with obs.engine.connect() as conn:
        ids = conn.execute(select(records.c.id).where(records.c.kind == kind)).scalars()
        found = [review.get(i) for i in ids]
    (first,) = [
        r
        for r in found
        if r.document_id == 1 and r.data.get("date") == "2019-06-19" and "باکو" in r.quote
    ]
    return first.id


def _survivor(review: Review, record_id: int) -> int:
    record = review.get(record_id)
    return record.merged_into if record.status == "merged" and record.merged_into else record_id


def test_three_reports_become_one_record_with_three_quotes(observatory: Observatory) -> None:
    made = merges.propose(observatory.engine)
    assert made, "the three reports of one memorandum must yield proposals"
    for proposal in made:
        merges.accept(observatory.engine, proposal.id, "lead")
    review = Review(observatory.engine)
    for kind in ("agreement", "event"):
        main = _survivor(review, _memorandum(observatory, kind))
        evidence = review.evidence(main)
        assert len(evidence) == 3, kind
        assert {e.language for e in evidence} == {"fa", "en", "az"}
        assert len({e.document_id for e in evidence}) == 3
        assert "19 June 2019" in next(e.quote for e in evidence if e.language == "en")
    assert merges.proposals(observatory.engine) == []
    assert len(merges.proposals(observatory.engine, status="accepted")) == len(made)


def test_proposals_explain_themselves_and_show_both_quotes(observatory: Observatory) -> None:
    made = merges.propose(observatory.engine)
    main = _memorandum(observatory)
    best = next(p for p in made if main in (p.record_id, p.target_id))
    assert best.score == pytest.approx(1.0)
    assert best.reasons[:2] == ["same parties AZE–IRN", "same status signed"]
    assert "same date 2019-06-19" in best.reasons
    assert {best.record_language, best.target_language} == {"fa", "en"}
    assert "19 June 2019" in best.record_quote + best.target_quote
    assert all(p.score >= 0.6 for p in made)
    assert [p.score for p in made] == sorted((p.score for p in made), reverse=True)


def test_no_proposal_joins_two_records_of_one_document(observatory: Observatory) -> None:
    made = merges.propose(observatory.engine)
    review = Review(observatory.engine)
    for proposal in made:
        a, b = review.get(proposal.record_id), review.get(proposal.target_id)
        assert a.document_id != b.document_id and a.kind == b.kind
        merges.accept(observatory.engine, proposal.id, "lead")
    with observatory.engine.connect() as conn:
        live = conn.execute(select(records.c.id).where(records.c.status != "merged")).scalars()
        for record_id in list(live):
            documents = [e.document_id for e in review.evidence(record_id)]
            assert len(documents) == len(set(documents)), record_id


def test_proposing_again_adds_nothing_and_rejections_stay_rejected(
    observatory: Observatory,
) -> None:
    engine = observatory.engine
    made = merges.propose(engine)
    assert merges.propose(engine) == []
    refused = made[0]
    merges.reject(engine, refused.id, "lead")
    merges.propose(engine)
    pairs = [{p.record_id, p.target_id} for p in merges.proposals(engine)]
    assert {refused.record_id, refused.target_id} not in pairs
    assert [p.id for p in merges.proposals(engine, status="rejected")] == [refused.id]
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(merge_proposals)).scalar_one()
    assert total == len(pairs) + 1
    with pytest.raises(InvalidTransition, match="already rejected"):
        merges.accept(engine, refused.id, "lead")


def test_rejected_records_are_never_proposed(observatory: Observatory) -> None:
    review = Review(observatory.engine)
    main = review.get(_memorandum(observatory))
    review.reject(main.id, reviewer="lead", expected_version=main.version)
    made = merges.propose(observatory.engine)
    assert all(main.id not in (p.record_id, p.target_id) for p in made)


def test_accept_merges_into_the_survivor_when_one_side_was_merged(
    observatory: Observatory,
) -> None:
    engine = observatory.engine
    review = Review(engine)
    main = _memorandum(observatory)
    made = [p for p in merges.propose(engine) if main in (p.record_id, p.target_id)]
    assert len(made) == 2  # the English and the Azerbaijani report
    first, second = made
    other = first.record_id if first.target_id == main else first.target_id
    current = review.get(main)
    review.merge(main, other, reviewer="someone", expected_version=current.version)
    survivor = merges.accept(engine, second.id, "lead")
    assert survivor.id == other
    assert len(review.evidence(other)) == 3
    accepted = merges.accept(engine, first.id, "lead")  # already one record: just recorded
    assert accepted.id == other


def _side(record_id: int, document: int, **data: object) -> Side:
    return Side(record_id, "event", dict(data), document)


SIGNING = {"type": "SIGN_AGREEMENT", "source": "IRN", "target": "AZE", "domain": "cinema"}


def test_close_dates_raise_the_score_and_contradicting_dates_lower_it() -> None:
    near = score(
        _side(1, 1, **SIGNING, date="2019-06-19"), _side(2, 2, **SIGNING, date="2019-06-22")
    )
    same_month = score(
        _side(1, 1, **SIGNING, date="2019-06-19"), _side(2, 2, **SIGNING, date="2019-06")
    )
    far = score(
        _side(1, 1, **SIGNING, date="2019-06-19"), _side(2, 2, **SIGNING, date="2020-06-19")
    )
    assert near is not None and same_month is not None and far is not None
    assert "dates 3 days apart" in near[1]
    assert "same parties AZE–IRN" in near[1] and "same type SIGN_AGREEMENT" in near[1]
    assert same_month[0] >= near[0] > far[0]
    assert far[0] < 0.6 and "dates 366 days apart (2019-06-19 vs 2020-06-19)" in far[1]


def test_different_parties_or_types_are_never_alike() -> None:
    base = _side(1, 1, **SIGNING, date=None)
    assert score(base, _side(2, 2, **{**SIGNING, "target": "TUR"}, date=None)) is None
    assert score(base, _side(2, 2, **{**SIGNING, "type": "VISIT"}, date=None)) is None
    flipped = score(base, _side(2, 2, **{**SIGNING, "source": "AZE", "target": "IRN"}))
    assert flipped is not None and flipped[0] >= 0.6  # who signed with whom: one event


def test_claims_with_different_numbers_are_a_disagreement_not_a_duplicate() -> None:
    def claim(record_id: int, value: float, subject: str = "number of agreements AZE–IRN") -> Side:
        data = {"subject": subject, "value": value, "unit": "count", "qualifier": None}
        return Side(record_id, "claim", data, record_id)

    assert score(claim(1, 30), claim(2, 50)) is None
    same = score(claim(1, 30), claim(2, 30, "Number of agreements  AZE-IRN"))
    assert same is not None and same[0] >= 0.6
    assert score(claim(1, 30), claim(2, 30, "number of students IRN")) is None
