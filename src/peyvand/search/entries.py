"""What gets indexed for a document and for each of its records, read from the store.

Reading back the rows just written (in the same transaction) keeps one code path for the
ingest hook, the migration's backfill and bulk loads.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from peyvand.search.terms import tag, tokens
from peyvand.store.schema import documents, mentions, records

ACTOR_FIELDS = ("parties", "source", "target", "host", "sponsor", "country", "claimant")
TEXT_FIELDS = ("subject", "name")
MAX_TOKENS = 200_000  # keeps one huge document within PostgreSQL's tsvector limits


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # document | record
    ref: int
    doc: int
    words: list[str]
    tags: list[str]
    published: dt.date | None  # the document's, also for its records: date filters read it


def _record_tags(kind: str, data: dict[str, Any]) -> set[str]:
    found = {tag("kind", kind)}
    record_type = data.get("type")
    if isinstance(record_type, str):
        found.add(tag("type", record_type))
    found |= {
        tag("domain", d) for d in _strings(data.get("domains")) | _strings(data.get("domain"))
    }
    for key in ACTOR_FIELDS:
        found |= {tag("actor", a) for a in _strings(data.get(key))}
    return {t for t in found if t}


def _document_tags(language: str | None, published: dt.date | None) -> set[str]:
    found = {tag("language", language) if language else None}
    found.add(tag("year", str(published.year)) if published else None)
    return {t for t in found if t}


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def load(conn: Connection, document_ids: Iterable[int]) -> Iterator[Entry]:
    """The entries of these documents: one per document, one per record."""
    ids = sorted(set(document_ids))
    if not ids:
        return
    actors: dict[int, set[str]] = {}
    for doc_id, value in conn.execute(
        select(mentions.c.document_id, mentions.c.value).where(
            mentions.c.document_id.in_(ids), mentions.c.kind == "actor"
        )
    ):
        if not value.startswith("unlinked:"):
            actors.setdefault(doc_id, set()).add(value)
    docs = {
        row.id: row
        for row in conn.execute(
            select(
                documents.c.id,
                documents.c.title,
                documents.c.text,
                documents.c.language,
                documents.c.published,
            ).where(documents.c.id.in_(ids))
        )
    }
    domains: dict[int, set[str]] = {}
    for rec_id, doc_id, kind, raw, quote in conn.execute(
        select(
            records.c.id, records.c.document_id, records.c.kind, records.c.data, records.c.quote
        ).where(records.c.document_id.in_(ids))
    ):
        data = json.loads(raw)
        tags = _record_tags(kind, data)
        domains.setdefault(doc_id, set()).update(t for t in tags if t.startswith("xd"))
        extra = " ".join(str(data[k]) for k in TEXT_FIELDS if isinstance(data.get(k), str))
        doc = docs[doc_id]
        tags |= _document_tags(doc.language, doc.published)
        words = tokens(f"{quote}\n{extra}")
        yield Entry("record", rec_id, doc_id, words, sorted(tags), doc.published)
    for doc in docs.values():
        tags = {t for t in (tag("actor", a) for a in actors.get(doc.id, ())) if t}
        tags |= domains.get(doc.id, set()) | _document_tags(doc.language, doc.published)
        words = tokens(f"{doc.title or ''}\n{doc.text}")[:MAX_TOKENS]
        yield Entry("document", doc.id, doc.id, words, sorted(tags), doc.published)
