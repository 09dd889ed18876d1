"""The store behaves the same on SQLite and PostgreSQL: schema, idempotence, stats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import inspect

from peyvand.model import Actor, DateRecord, Document, Extraction, Span
from peyvand.observatory import Observatory
from peyvand.store import database
from peyvand.vocab import ActorType


def _extraction(text: str, lang: str = "en") -> Extraction:
    doc = Document(text=text, title="t", language=lang, published=dt.date(2019, 6, 19))
    start = text.index("Iran")
    return Extraction(
        document=doc,
        actors=[Actor("IRN", ActorType.COUNTRY, "Iran", [Span(start, start + 4)])],
        dates=[DateRecord("2019", "gregorian", "2019", Span(0, 4), "year")],
    )


def test_schema_is_migrated_to_head(store_location: str) -> None:
    observatory = Observatory.open(store_location)
    assert database.current_revision(observatory.engine) == database.head_revision()
    tables = set(inspect(observatory.engine).get_table_names())
    assert {"documents", "mentions", "records", "registry_actors"} <= tables
    Observatory.open(store_location).close()  # opening again is a no-op migration
    observatory.close()


def test_same_text_is_stored_once(store_location: str) -> None:
    observatory = Observatory.open(store_location)
    repo = observatory.repository
    first = _extraction("2019: Iran and Azerbaijan signed.")
    assert repo.add(first.document, first) is not None
    again = _extraction("2019: Iran and Azerbaijan signed.")
    assert repo.add(again.document, again) is None
    stats = repo.stats()
    assert stats.documents == 1
    assert stats.mentions == {"actor": 1, "date": 1}
    observatory.close()


def test_metadata_and_text_round_trip(store_location: str) -> None:
    observatory = Observatory.open(store_location)
    text = "۱۳۹۸ — Iran و جمهوری آذربايجان\u200cها"
    extraction = _extraction(text, lang="fa")
    doc_id = observatory.repository.add(extraction.document, extraction)
    assert doc_id is not None
    found = observatory.repository.document(doc_id)
    assert found is not None
    stored, stored_text = found
    assert stored_text == text  # not normalized: offsets stay valid
    assert stored.published == dt.date(2019, 6, 19)
    assert stored.language == "fa"
    mention = next(m for m in observatory.repository.mentions_of(doc_id) if m["kind"] == "actor")
    assert stored_text[mention["start"] : mention["end"]] == mention["text"] == "Iran"
    observatory.close()


@pytest.mark.postgres
def test_postgres_url_forms_are_accepted(postgres_url: str) -> None:
    assert database.normalize_url(postgres_url).startswith("postgresql+psycopg://")
    observatory = Observatory.open(postgres_url)
    assert observatory.engine.dialect.name == "postgresql"
    observatory.close()


def test_an_older_schema_is_upgraded_without_losing_documents(store_location: str) -> None:
    engine = database.create(
        store_location
        if "://" in store_location
        else database.sqlite_url(_folder(store_location) / "peyvand.sqlite")
    )
    database.migrate(engine, "0001")
    with engine.begin() as conn:  # a row as the 0001 schema wrote it, without newer columns
        conn.execute(
            sa.text(
                "INSERT INTO documents (hash, text, length, title, ingested_at) "
                "VALUES ('h1', '2019: Iran and Azerbaijan met.', 30, 'old', '2026-01-01')"
            )
        )
    engine.dispose()
    reopened = Observatory.open(store_location)
    assert database.current_revision(reopened.engine) == database.head_revision()
    assert reopened.stats().documents == 1
    reopened.close()


def _folder(location: str) -> Path:
    folder = Path(location)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
