"""Events from the case table `cases/events.tsv`, in all six languages.

Each row states every event its text holds, as type, source and target; the events
found must be exactly these, and each evidence must lie inside one sentence and hold the
trigger words given.
"""

from __future__ import annotations

import pytest

from peyvand.vocab import EventType
from tests.extract.record_cases import (
    LANGUAGES,
    Case,
    check_evidence,
    items,
    load,
    run,
    split_words,
)

CASES = load("events.tsv")


def parse(item: str) -> tuple[tuple[str, str | None, str | None], str | None]:
    head, words = split_words(item)
    kind, roles = head.split()
    source, _, target = roles.partition(">")
    return (
        kind,
        None if source in ("", "-") else source,
        None if target in ("", "-") else target,
    ), words


def test_the_table_covers_every_language_and_type() -> None:
    assert {case.lang for case in CASES} == set(LANGUAGES)
    assert sum(case.lang == "fa" for case in CASES) >= 10
    types = {parse(item)[0][0] for case in CASES for item in items(case.expected)}
    assert types == {t.value for t in EventType}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_event_case(case: Case) -> None:
    doc = run(case)
    expected = [parse(item) for item in items(case.expected)]
    got = {(e.type.value, e.source, e.target) for e in doc.extraction.events}
    assert got == {key for key, _ in expected}, f"{case.note}: {sorted(got, key=str)}"
    for key, words in expected:
        event = next(e for e in doc.extraction.events if (e.type.value, e.source, e.target) == key)
        check_evidence(doc, event.evidence, words)
        assert event.polarity == event.type.polarity
        assert 0 < event.confidence <= 1


def test_a_date_in_the_clause_is_the_event_date() -> None:
    doc = run(
        Case("inline", 0, "en", "Iran's culture minister visited Yerevan on 3 May 2019.", "", "")
    )
    assert [(e.type.value, e.date) for e in doc.extraction.events] == [("VISIT", "2019-05-03")]


def test_without_a_date_the_event_date_is_null_not_the_document_date() -> None:
    import datetime as dt

    from peyvand.model import Document
    from tests.extract.record_cases import pipeline

    document = Document(
        text="Iran's culture minister visited Yerevan.",
        language="en",
        published=dt.date(2020, 1, 1),
    )
    events = pipeline().extract(document).events
    assert [(e.type.value, e.date) for e in events] == [("VISIT", None)]
    assert events[0].confidence < 0.8
