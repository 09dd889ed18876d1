"""The SQLite backend: an FTS5 virtual table over pre-tokenized, normalized text.

Rowids encode what a row is (``2 * id`` for a document, ``2 * id + 1`` for a record), so
re-indexing deletes by rowid and nothing else needs a lookup. FTS5 is told not to fold
anything itself (``remove_diacritics 0``): the normalized view already decided that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from peyvand.search.entries import load
from peyvand.search.model import Alternative, Filters, Query, Row
from peyvand.search.sql_filters import filter_sql

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "body, tags, kind UNINDEXED, ref UNINDEXED, doc UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)
DROP = "DROP TABLE IF EXISTS search_index"
WEIGHTS = "1.0, 0.2"  # bm25 weights of body and tags


def rowid(kind: str, ref: int) -> int:
    return 2 * ref + (1 if kind == "record" else 0)


def _alternative(alt: Alternative) -> str:
    phrase = '"' + " ".join(w.replace('"', '""') for w in alt.words) + '"'
    if alt.tag:
        return f"tags : {phrase}"
    return f"body : {phrase}{'*' if alt.prefix else ''}"


def match_expression(query: Query) -> str:
    """FTS5 syntax built from words only: user input never reaches it unescaped."""
    return " AND ".join(
        "(" + " OR ".join(_alternative(alt) for alt in clause) + ")" for clause in query.clauses
    )


class SqliteIndex:
    def add(self, conn: Connection, document_id: int) -> None:
        self.add_many(conn, [document_id])

    def add_many(self, conn: Connection, document_ids: Iterable[int]) -> None:
        rows: list[dict[str, Any]] = [
            {
                "rowid": rowid(e.kind, e.ref),
                "body": " ".join(e.words),
                "tags": " ".join(e.tags),
                "kind": e.kind,
                "ref": e.ref,
                "doc": e.doc,
            }
            for e in load(conn, document_ids)
        ]
        if not rows:
            return
        conn.execute(
            text("DELETE FROM search_index WHERE rowid = :rowid"),
            [{"rowid": r["rowid"]} for r in rows],
        )
        conn.execute(
            text(
                "INSERT INTO search_index (rowid, body, tags, kind, ref, doc) "
                "VALUES (:rowid, :body, :tags, :kind, :ref, :doc)"
            ),
            rows,
        )

    def search(
        self, conn: Connection, query: Query, filters: Filters, limit: int, offset: int
    ) -> Sequence[Row]:
        where, params = filter_sql(filters, "s", iso_dates=True)
        params |= {"limit": limit, "offset": offset}
        if query.clauses:
            where.insert(0, "search_index MATCH :match")
            params["match"] = match_expression(query)
            score, order = f"-bm25(search_index, {WEIGHTS})", f"bm25(search_index, {WEIGHTS})"
        else:
            score, order = "0.0", "s.rowid DESC"
        sql = (
            f"SELECT s.kind, s.ref, {score} AS score FROM search_index AS s "
            f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
        return [Row(kind, int(ref), float(sc)) for kind, ref, sc in conn.execute(text(sql), params)]
