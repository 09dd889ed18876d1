"""Agreements from the case table `cases/agreements.tsv`, in all six languages.

Each row states every agreement its text holds: parties, status, count (and approx),
the domains that must be found, and words that must stand in the evidence.
"""

from __future__ import annotations

import pytest

from tests.extract.record_cases import (
    LANGUAGES,
    Case,
    check_evidence,
    items,
    load,
    run,
    split_words,
)

CASES = load("agreements.tsv")


def parse(item: str) -> tuple[str, str, str, set[str], str | None]:
    head, words = split_words(item)
    domains: set[str] = set()
    if "{" in head:
        head, _, rest = head.partition("{")
        domains = {d.strip() for d in rest.rstrip("}").split(",") if d.strip()}
    parties, status, count = head.split()
    return parties, status, count, domains, words


def test_the_table_covers_every_language() -> None:
    assert {case.lang for case in CASES} == set(LANGUAGES)
    assert sum(case.lang == "fa" for case in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_agreement_case(case: Case) -> None:
    doc = run(case)
    found = doc.extraction.agreements
    expected = [parse(item) for item in items(case.expected)]
    got = [
        (
            ",".join(a.parties),
            a.status.value,
            ("-" if a.count is None else str(a.count)) + ("~" if a.approx else ""),
        )
        for a in found
    ]
    assert got == [e[:3] for e in expected], f"{case.note}: {got}"
    for record, (_, _, _, domains, words) in zip(found, expected, strict=True):
        assert domains <= {d.value for d in record.domains}, (domains, record.domains)
        check_evidence(doc, record.evidence, words)
        assert record.parties == sorted(record.parties)
        assert 0 < record.confidence <= 1


def test_signing_gives_an_agreement_and_an_event() -> None:
    case = Case(
        "inline", 0, "en", "Iran and Armenia signed a cultural agreement in May 2019.", "", ""
    )
    doc = run(case)
    assert [(a.parties, a.status.value, a.count) for a in doc.extraction.agreements] == [
        (["ARM", "IRN"], "signed", 1)
    ]
    signing = [e for e in doc.extraction.events if e.type.value == "SIGN_AGREEMENT"]
    assert [(e.source, e.target) for e in signing] == [("IRN", "ARM")]
    assert signing[0].evidence == doc.extraction.agreements[0].evidence


def test_an_aggregate_is_an_agreement_record_without_a_signing_event() -> None:
    case = Case(
        "inline", 0, "en", "Iran and Armenia signed two cultural agreements in May 2019.", "", ""
    )
    doc = run(case)
    assert [(a.parties, a.count) for a in doc.extraction.agreements] == [(["ARM", "IRN"], 2)]
    assert doc.extraction.events == []


def test_the_date_is_the_sentence_date_or_null() -> None:
    dated = run(
        Case("inline", 0, "en", "Iran and Armenia signed a memorandum on 3 May 2019.", "", "")
    )
    assert [a.date for a in dated.extraction.agreements] == ["2019-05-03"]
    undated = run(Case("inline", 0, "en", "Iran and Armenia signed a memorandum.", "", ""))
    assert [a.date for a in undated.extraction.agreements] == [None]
