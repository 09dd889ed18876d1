"""Reads and writes of documents, mentions and records; one transaction per document."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from peyvand.extract.contract import to_contract
from peyvand.ingest.neardup import Candidate, Fingerprint
from peyvand.model import Document, Extraction
from peyvand.search import index_document
from peyvand.store.schema import documents, mentions, minhash_bands, records

RECORD_LISTS = {
    "agreement": "agreements",
    "event": "events",
    "claim": "claims",
    "institution": "institutions",
    "site": "sites",
}


_NOT_LISTED = ("text", "encoding", "ingested_at", "minhash")


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None
    language: str | None
    source: str | None
    length: int
    hash: str
    author: str | None = None
    format: str | None = None
    near_duplicate_of: int | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    by_language: dict[str, int]
    mentions: dict[str, int]
    records: dict[str, int]
    copies: int = 0  # near-duplicates stored as linked copies (counted in ``documents``)


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def has_hash(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(documents.c.id).where(documents.c.hash == content_hash)
            ).first()
        return found is not None

    def near_duplicate_candidates(self, bands: Sequence[str], limit: int = 50) -> list[Candidate]:
        """Stored originals (not copies) sharing an LSH band, with their signatures."""
        if not bands:
            return []
        ids = (
            select(minhash_bands.c.document_id)
            .where(minhash_bands.c.band.in_(list(bands)))
            .distinct()
            .limit(limit)
            .scalar_subquery()
        )
        query = select(documents.c.id, documents.c.minhash).where(
            documents.c.id.in_(ids), documents.c.near_duplicate_of.is_(None)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            Candidate(int(row.id), row.minhash or b"", partial(self.text_of, int(row.id)))
            for row in rows
        ]

    def text_of(self, doc_id: int) -> str:
        with self.engine.connect() as conn:
            text: str = conn.execute(
                select(documents.c.text).where(documents.c.id == doc_id)
            ).scalar_one()
        return text

    def add_copy(self, document: Document, original: int, similarity: float) -> int | None:
        """Store a near-duplicate as a linked copy: its metadata and text, no records.

        The story is already in the observatory through ``original``; storing the copy's
        records again would count one report twice. Returns None if the text is stored.
        """

        def write(conn: Connection) -> int:
            row = _document_row(document, dt.datetime.now(dt.UTC))
            row |= {"near_duplicate_of": original, "similarity": similarity}
            return int(conn.execute(insert(documents).returning(documents.c.id), row).scalar_one())

        return self._once(document, write)

    def add(
        self, document: Document, extraction: Extraction, fingerprint: Fingerprint | None = None
    ) -> int | None:
        """Store a document with its mentions, records and MinHash bands, all or nothing.

        Returns the new id, or None when a document with the same text is already stored.
        """
        now = dt.datetime.now(dt.UTC)
        contract = to_contract(extraction)
        bands = fingerprint.bands if fingerprint is not None else ()
        signature = fingerprint.signature if fingerprint is not None and bands else None

        def write(conn: Connection) -> int:
            row = _document_row(document, now) | {"minhash": signature}
            doc_id = conn.execute(insert(documents).returning(documents.c.id), row).scalar_one()
            if bands:
                banded = [{"band": band, "document_id": doc_id} for band in bands]
                conn.execute(insert(minhash_bands), banded)
            rows = _mention_rows(doc_id, extraction)
            if rows:
                conn.execute(insert(mentions), rows)
            record_rows = _record_rows(doc_id, contract, document.text, now)
            if record_rows:
                conn.execute(insert(records), record_rows)
            index_document(conn, doc_id)
            return int(doc_id)

        return self._once(document, write)

    def _once(self, document: Document, write: Callable[[Connection], int]) -> int | None:
        """Run ``write`` in one transaction; None when the same text is stored already."""
        try:
            with self.engine.begin() as conn:
                doc_id = write(conn)
        except IntegrityError:
            if self.has_hash(document.hash):
                return None
            raise
        document.id = doc_id
        return doc_id

    def documents(self, limit: int = 1000, offset: int = 0) -> list[StoredDocument]:
        query = (
            select(
                *[
                    c
                    for c in documents.c
                    if c.name not in ("text", "encoding", "ingested_at", "minhash")
                ]
            )
            .order_by(documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [StoredDocument(**row._asdict()) for row in conn.execute(query)]

    def document(self, doc_id: int) -> tuple[StoredDocument, str] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        values = row._asdict()
        text = values.pop("text")
        values.pop("encoding")
        values.pop("minhash", None)
        values.pop("ingested_at")
        return StoredDocument(**values), text

    def mentions_of(self, doc_id: int) -> list[dict[str, Any]]:
        query = select(mentions).where(mentions.c.document_id == doc_id).order_by(mentions.c.start)
        with self.engine.connect() as conn:
            return [row._asdict() for row in conn.execute(query)]

    def stats(self) -> Stats:
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            by_language = {
                (lang or "unknown"): count
                for lang, count in conn.execute(
                    select(documents.c.language, func.count()).group_by(documents.c.language)
                )
            }
            by_mention = {
                kind: int(count)
                for kind, count in conn.execute(
                    select(mentions.c.kind, func.count()).group_by(mentions.c.kind)
                )
            }
            by_record = {
                kind: int(count)
                for kind, count in conn.execute(
                    select(records.c.kind, func.count()).group_by(records.c.kind)
                )
            }
            copies = conn.execute(
                select(func.count())
                .select_from(documents)
                .where(documents.c.near_duplicate_of.is_not(None))
            ).scalar_one()
        return Stats(int(total), by_language, by_mention, by_record, int(copies))


def _document_row(document: Document, now: dt.datetime) -> dict[str, Any]:
    return {
        "hash": document.hash,
        "text": document.text,
        "length": len(document.text),
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published,
        "url": document.url,
        "language": document.language,
        "source": document.source,
        "encoding": document.encoding,
        "author": document.author,
        "format": document.format,
        "ingested_at": now,
    }


def _mention_rows(doc_id: int, extraction: Extraction) -> list[dict[str, Any]]:
    text = extraction.document.text
    rows: list[dict[str, Any]] = []
    for actor in extraction.actors:
        for span in actor.mentions:
            value = actor.id or f"unlinked:{actor.type.value}:{actor.name}"
            rows.append(_mention(doc_id, "actor", value, span.start, span.end, text))
    for date in extraction.dates:
        rows.append(_mention(doc_id, "date", date.value, date.span.start, date.span.end, text))
    for quantity in extraction.quantities:
        value = f"{quantity.value} {quantity.unit}"
        rows.append(
            _mention(doc_id, "quantity", value, quantity.span.start, quantity.span.end, text)
        )
    return rows


def _mention(doc_id: int, kind: str, value: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "kind": kind,
        "value": value,
        "start": start,
        "end": end,
        "text": text[start:end],
    }


def _record_rows(
    doc_id: int, contract: dict[str, Any], text: str, now: dt.datetime
) -> list[dict[str, Any]]:
    rows = []
    for kind, key in RECORD_LISTS.items():
        for record in contract[key]:
            start, end = record["evidence"]
            rows.append(
                {
                    "document_id": doc_id,
                    "kind": kind,
                    "status": "candidate",
                    "data": json.dumps(record, ensure_ascii=False),
                    "evidence_start": start,
                    "evidence_end": end,
                    "quote": text[start:end],
                    "confidence": record.get("confidence"),
                    "created_at": now,
                }
            )
    return rows
