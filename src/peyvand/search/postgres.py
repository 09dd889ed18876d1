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
from peyvand.search.model import Alternative, Filters, Query, Row
from peyvand.search.sql_filters import filter_sql

CREATE = (
    "CREATE TABLE IF NOT EXISTS search_index ("
    "id BIGSERIAL PRIMARY KEY, "
    "kind VARCHAR(16) NOT NULL, "
    "ref INTEGER NOT NULL, "
    "doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, "
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
    phrase = " <-> ".join(_quote(w) for w in alt.words)
    return phrase + (":*" if alt.prefix and not alt.tag else "")


def tsquery_literal(query: Query) -> str:
    return " & ".join(
        "(" + " | ".join(_alternative(alt) for alt in clause) + ")" for clause in query.clauses
    )


class PostgresIndex:
    def add(self, conn: Connection, document_id: int) -> None:
        self.add_many(conn, [document_id])

    def add_many(self, conn: Connection, document_ids: Iterable[int]) -> None:
        rows: list[dict[str, Any]] = [
            {"kind": e.kind, "ref": e.ref, "doc": e.doc, "tsv": tsvector_literal(e)}
            for e in load(conn, document_ids)
        ]
        if rows:
            conn.execute(
                text(
                    "INSERT INTO search_index (kind, ref, doc, tsv) "
                    "VALUES (:kind, :ref, :doc, CAST(:tsv AS tsvector)) "
                    "ON CONFLICT (kind, ref) DO UPDATE SET doc = EXCLUDED.doc, tsv = EXCLUDED.tsv"
                ),
                rows,
            )

    def search(
        self, conn: Connection, query: Query, filters: Filters, limit: int, offset: int
    ) -> Sequence[Row]:
        where, params = filter_sql(filters, "s")
        params |= {"limit": limit, "offset": offset}
        if query.clauses:
            where.insert(0, "s.tsv @@ CAST(:query AS tsquery)")
            params["query"] = tsquery_literal(query)
            score, order = "ts_rank(s.tsv, CAST(:query AS tsquery))", "score DESC, s.id DESC"
        else:
            score, order = "0.0", "s.id DESC"
        sql = (
            f"SELECT s.kind, s.ref, {score} AS score FROM search_index AS s "
            f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
        return [Row(kind, int(ref), float(sc)) for kind, ref, sc in conn.execute(text(sql), params)]
