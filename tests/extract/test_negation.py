"""Negation and modality (`cases/negation.tsv`): planned, hoped-for, proposed, conditional,
denied and negated acts are not those acts ("plans to sign" is no signing, "did not stop
the broadcast" is no stop, «اجرا نشده» is no implementation)."""

from __future__ import annotations

import pytest

from tests.extract.record_cases import LANGUAGES, Case, items, load, run

CASES = load("negation.tsv")


def test_the_table_covers_every_language() -> None:
    assert {case.lang for case in CASES} == set(LANGUAGES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_nothing_positive_is_found(case: Case) -> None:
    doc = run(case)
    forbidden = items(case.expected)
    assert forbidden, "a negation case names what must not be found"
    statuses = {f.split("=", 1)[1] for f in forbidden if f.startswith("agreement=")}
    types = {f for f in forbidden if not f.startswith("agreement=")}
    found_types = {e.type.value for e in doc.extraction.events}
    found_statuses = {a.status.value for a in doc.extraction.agreements}
    assert not found_types & types, f"{case.note}: {found_types & types}"
    assert not found_statuses & statuses, f"{case.note}: {found_statuses & statuses}"


def test_a_planned_signing_is_a_proposed_agreement() -> None:
    doc = run(
        Case("inline", 0, "en", "Iran and Georgia plan to sign a cultural agreement.", "", "")
    )
    assert [(a.parties, a.status.value) for a in doc.extraction.agreements] == [
        (["GEO", "IRN"], "proposed")
    ]
    assert doc.extraction.events == []


def test_a_negated_implementation_is_not_implemented() -> None:
    doc = run(
        Case("inline", 0, "ru", "Соглашение между Ираном и Арменией не было выполнено.", "", "")
    )
    assert [a.status.value for a in doc.extraction.agreements] == ["not_implemented"]
