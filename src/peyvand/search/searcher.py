"""Run a search: parse the query, ask the backend, then fetch titles and make snippets."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select

from peyvand.search.backends import index_for
from peyvand.search.model import PER_DOCUMENT, Filters, Hit, Query, Row
from peyvand.search.query import QueryParser
from peyvand.search.snippet import pattern, snippet
from peyvand.store.schema import documents, records

if TYPE_CHECKING:
    from peyvand.registry.registry import Registry

MAX_LIMIT = 1000


class Searcher:
    """Search one store; with a registry, actor names expand to all their names."""

    def __init__(self, engine: Engine, registry: Registry | None = None) -> None:
        self.engine = engine
        self.parser = QueryParser(registry)
        self.typed = QueryParser(None)  # the query as typed, without names in other languages
        self.index = index_for(engine.dialect.name)

    def parse(self, query: str, filters: Filters | None = None) -> Query:
        return self.parser.parse(query, filters)

    def search(
        self, query: str, *, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[Hit]:
        """Best hits first. An empty query lists what the filters keep (newest first)."""
        filters = filters or Filters()
        parsed = self.parse(query, filters)
        if not parsed.clauses and filters == Filters():
            return []
        limit = max(0, min(limit, MAX_LIMIT))
        offset = max(0, offset)
        typed = self.typed.parse(query, filters)
        with self.engine.connect() as conn:
            if typed.clauses == parsed.clauses:  # no name was expanded
                rows = self.index.search(conn, parsed, filters, limit, offset)
            else:  # what matches the words as typed ranks above other-language matches
                wanted = offset + limit
                first = self.index.search(conn, typed, filters, wanted, 0)
                seen = {(row.kind, row.ref) for row in first}
                rest = self.index.search(conn, parsed, filters, wanted, 0)
                shown = Counter(row.doc for row in first)
                merged = list(first)
                for row in rest:  # the same cap per document as each query applies
                    if (row.kind, row.ref) not in seen and shown[row.doc] < PER_DOCUMENT:
                        shown[row.doc] += 1
                        merged.append(row)
                rows = merged[offset:wanted]
            return self._hits(conn, rows, parsed)

    def _hits(self, conn: Connection, rows: Sequence[Row], parsed: Query) -> list[Hit]:
        record_ids = [r.ref for r in rows if r.kind == "record"]
        recs = {
            row.id: row
            for row in conn.execute(
                select(
                    records.c.id,
                    records.c.document_id,
                    records.c.kind,
                    records.c.status,
                    records.c.data,
                    records.c.quote,
                ).where(records.c.id.in_(record_ids))
            )
        }
        doc_ids = {r.ref for r in rows if r.kind == "document"}
        doc_ids |= {rec.document_id for rec in recs.values()}
        docs = {
            row.id: row
            for row in conn.execute(
                select(
                    documents.c.id,
                    documents.c.title,
                    documents.c.language,
                    documents.c.published,
                    documents.c.text,
                ).where(documents.c.id.in_(sorted(doc_ids)))
            )
        }
        needles = pattern(parsed.needles())
        hits: list[Hit] = []
        for row in rows:
            if row.kind == "record":
                rec = recs.get(row.ref)
                doc = docs.get(rec.document_id) if rec is not None else None
                if rec is None or doc is None:
                    continue
                text, marks = snippet(rec.quote, needles)
                extra = {"record_kind": rec.kind, "status": rec.status}
                hit_data = json.loads(rec.data)
            else:
                doc = docs.get(row.ref)
                if doc is None:
                    continue
                text, marks = snippet(doc.text, needles)
                extra, hit_data = {}, {}
            hits.append(
                Hit(
                    kind=row.kind,
                    id=row.ref,
                    document_id=doc.id,
                    score=row.score,
                    snippet=text,
                    marks=marks,
                    title=doc.title,
                    language=doc.language,
                    published=doc.published,
                    data=hit_data,
                    **extra,
                )
            )
        return hits
