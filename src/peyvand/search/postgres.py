"""The PostgreSQL backend: a table with a tsvector column and a GIN index.

The tsvector and tsquery are written as literals from the tokens of `search.terms` (no
parser, no stemming, no stop words: what the ``simple`` configuration would do, but with
exactly the tokens the SQLite backend sees), so both backends find the same things.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from peyvand.search.entries import Entry, load
from peyvand.search.model import PER_DOCUMENT, POOL, Alternative, Filters, Query, Row
from peyvand.search.sql_filters import filter_sql, per_document

CREATE = (
    "CREATE TABLE IF NOT EXISTS search_index ("
    "id BIGSERIAL PRIMARY KEY, "
    "kind VARCHAR(16) NOT NULL, "
    "ref INTEGER NOT NULL, "
    "doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, "
    "published DATE, "
    "tsv TSVECTOR NOT NULL, "
    "CONSTRAINT uq_search_index_entry UNIQUE (kind, ref))",
    "CREATE INDEX IF NOT EXISTS ix_search_index_tsv ON search_index USING gin (tsv)",
    "CREATE INDEX IF NOT EXISTS ix_search_index_doc ON search_index (doc)",
)
DROP = "DROP TABLE IF EXISTS search_index"
MAX_POSITION = 16383  # PostgreSQL's limit; later positions would be clamped to it
MAX_POSITIONS = 255  # positions kept per lexeme


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(entry: Entry) -> str:
    positions: dict[str, list[int]] = {}
    for index, word in enumerate([*entry.words, *entry.tags], start=1):
        seen = positions.setdefault(word, [])
        if len(seen) < MAX_POSITIONS and index <= MAX_POSITION:
            seen.append(index)
    return " ".join(
        _quote(word) + (":" + ",".join(map(str, found)) if found else "")
        for word, found in positions.items()
    )


def _alternative(alt: Alternative) -> str:
    text = (" & " if alt.loose else " <-> ").join(_quote(w) for w in alt.words)
    text += ":*" if alt.prefix and not alt.tag else ""
    return f"({text})" if len(alt.words) > 1 else text


def tsquery_literal(query: Query) -> str:
    return " & ".join(
        "(" + " | ".join(_alternative(alt) for alt in clause) + ")" for clause in query.clauses
    )


class PostgresIndex:
    def add(self, conn: Connection, document_id: int) -> None:
        self.add_many(conn, [document_id])

    def add_many(self, conn: Connection, document_ids: Iterable[int]) -> None:
        rows: list[dict[str, Any]] = [
            {
                "kind": e.kind,
                "ref": e.ref,
                "doc": e.doc,
                "published": e.published,
                "tsv": tsvector_literal(e),
            }
            for e in load(conn, document_ids)
        ]
        if rows:
            conn.execute(
                text(
                    "INSERT INTO search_index (kind, ref, doc, published, tsv) "
                    "VALUES (:kind, :ref, :doc, :published, CAST(:tsv AS tsvector)) "
                    "ON CONFLICT (kind, ref) DO UPDATE SET doc = EXCLUDED.doc, "
                    "published = EXCLUDED.published, tsv = EXCLUDED.tsv"
                ),
                rows,
            )

    def search(
        self, conn: Connection, query: Query, filters: Filters, limit: int, offset: int
    ) -> Sequence[Row]:
        where, params = filter_sql(filters, "s")
        params |= {"limit": limit, "offset": offset, "pool": POOL}
        if not query.clauses:
            sql = (
                "SELECT s.kind, s.ref, s.doc, 0.0 FROM search_index AS s "
                f"WHERE {' AND '.join(where) or '1 = 1'} "
                "ORDER BY s.id DESC LIMIT :limit OFFSET :offset"
            )
        else:
            params["query"] = tsquery_literal(query)
            matching = " AND ".join(["s.tsv @@ CAST(:query AS tsquery)", *where])
            # ts_rank reads every match's tsvector: rank the newest POOL matches only. The
            # matches come from the GIN index (a scan of the primary key backwards, or of the
            # whole table, would test the query on every row, which the planner may misjudge)
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            sql = (
                f"WITH matches AS MATERIALIZED (SELECT s.id FROM search_index AS s "
                f"WHERE {matching}), "
                "pool AS (SELECT id FROM matches ORDER BY id DESC LIMIT :pool) "
                + per_document(
                    "SELECT s.kind, s.ref, s.doc, s.id, "
                    "ts_rank(s.tsv, CAST(:query AS tsquery)) AS score "
                    "FROM search_index AS s JOIN pool ON pool.id = s.id"
                )
            )
            params["per_document"] = PER_DOCUMENT
        return [
            Row(kind, int(ref), float(sc), int(doc))
            for kind, ref, doc, sc in conn.execute(text(sql), params)
        ]
