"""Claims side by side: "about fifty" against 30 shows as a conflict, with every source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from peyvand.analysis.claims import ClaimEntry, conflicts, disagree, groups, subject_key
from peyvand.observatory import Observatory
from peyvand.review.service import Review

AGREEMENTS = "number of cultural agreements aze-irn"
MUSLIMS = "share of muslims in the population of aze"
SOURCES = (
    "fa-01-cultural-documents.txt",
    "en-02-thirty-agreements.txt",
    "az-01-kino-memorandumu.txt",
    "ru-01-iran-azerbaijan-obzor.txt",
)


@pytest.fixture
def observatory(store_location: str, examples_dir: Path) -> Iterator[Observatory]:
    obs = Observatory.open(store_location)
    obs.ingest([examples_dir / name for name in SOURCES])
    yield obs
    obs.close()


def _group(obs: Observatory, key: str) -> tuple[ClaimEntry, ...]:
    (found,) = [g for g in groups(obs.engine) if g.key == key]
    return found.entries


def test_fifty_against_thirty_is_a_conflict_with_every_source(observatory: Observatory) -> None:
    found = {g.key: g for g in conflicts(observatory.engine)}
    assert AGREEMENTS in found
    group = found[AGREEMENTS]
    assert group.conflicting_units == ("count",)
    values = sorted((e.value, e.qualifier) for e in group.entries)
    assert (30.0, None) in values and (50.0, "about") in values
    assert len({e.document_id for e in group.entries}) == 4  # fa, en, az and ru reports
    for entry in group.entries:
        assert entry.quote and entry.source
        assert entry.published is not None
    persian = next(e for e in group.entries if e.value == 50 and "سند" in e.quote)
    assert persian.claimant  # the ministry official, not the newspaper


def test_bounds_that_overlap_are_no_conflict(observatory: Observatory) -> None:
    entries = _group(observatory, MUSLIMS)
    assert {(e.value, e.qualifier) for e in entries} == {(90.0, "more_than")}
    assert len(entries) == 3
    assert MUSLIMS not in {g.key for g in conflicts(observatory.engine)}


def test_source_is_the_claimant_or_else_the_publisher(observatory: Observatory) -> None:
    entries = [e for g in groups(observatory.engine) for e in g.entries]
    unattributed = [e for e in entries if not e.claimant]
    assert unattributed
    for entry in unattributed:
        assert entry.source == entry.publisher


def test_merged_claims_count_once_and_rejected_ones_not_at_all(observatory: Observatory) -> None:
    review = Review(observatory.engine)
    entries = _group(observatory, AGREEMENTS)
    thirties = [e for e in entries if e.value == 30]
    assert len(thirties) >= 2
    moving, staying = thirties[0], thirties[1]
    current = review.get(moving.record_id)
    review.merge(
        moving.record_id, staying.record_id, reviewer="lead", expected_version=current.version
    )
    after = _group(observatory, AGREEMENTS)
    assert len(after) == len(entries) - 1
    survivor = next(e for e in after if e.record_id == staying.record_id)
    assert survivor.also_in == (moving.title,)
    fifty = next(e for e in after if e.value == 50)
    current = review.get(fifty.record_id)
    review.reject(fifty.record_id, reviewer="lead", expected_version=current.version)
    assert fifty.record_id not in {e.record_id for e in _group(observatory, AGREEMENTS)}


def _entry(value: float, qualifier: str | None = None, unit: str = "count") -> ClaimEntry:
    return ClaimEntry(
        record_id=1,
        status="candidate",
        value=value,
        unit=unit,
        qualifier=qualifier,
        claimant=None,
        publisher="Test Daily",
        document_id=1,
        title="t",
        published=dt.date(2020, 1, 1),
        quote="q",
    )


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (_entry(100), _entry(104), False),  # 4% apart, under the 5% tolerance
        (_entry(100), _entry(106), True),  # 6% apart
        (_entry(50, "about"), _entry(30), True),
        (_entry(50, "about"), _entry(54), False),  # about 50 allows 45..55
        (_entry(50, "about"), _entry(58), True),  # 3 beyond 55, more than 5% of 58
        (_entry(90, "more_than"), _entry(97), False),
        (_entry(90, "more_than"), _entry(80), True),
        (_entry(10, "at_most"), _entry(10.4), False),
        (_entry(90, "more_than"), _entry(95, "less_than"), False),
    ],
)
def test_conflict_rule(a: ClaimEntry, b: ClaimEntry, conflict: bool) -> None:
    assert disagree(a, b, 0.05) is conflict
    assert disagree(b, a, 0.05) is conflict


def test_a_wider_tolerance_settles_small_differences() -> None:
    assert disagree(_entry(100), _entry(108), 0.05)
    assert not disagree(_entry(100), _entry(108), 0.1)


def test_subjects_group_across_case_dashes_and_letter_forms() -> None:
    assert subject_key("Number of cultural agreements AZE–IRN") == AGREEMENTS
    assert subject_key("تعداد  اسناد فرهنگي") == subject_key("تعداد اسناد فرهنگی")
