"""The SQLite backend: an FTS5 virtual table over pre-tokenized, normalized text.

Rowids encode what a row is (``2 * id`` for a document, ``2 * id + 1`` for a record), so
re-indexing replaces by rowid and nothing else needs a lookup. FTS5 is told not to fold
anything itself (``remove_diacritics 0``): the normalized view already decided that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from peyvand.search.entries import load
from peyvand.search.model import PER_DOCUMENT, POOL, Alternative, Filters, Query, Row
from peyvand.search.sql_filters import filter_sql, per_document

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "body, tags, kind UNINDEXED, ref UNINDEXED, doc UNINDEXED, published UNINDEXED, "
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
    if alt.loose:
        last = len(alt.words) - 1
        words = [
            f'body : "{w}"' + ("*" if alt.prefix and i == last else "")
            for i, w in enumerate(alt.words)
        ]
        return "(" + " AND ".join(words) + ")"
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
                "published": e.published.isoformat() if e.published else None,
            }
            for e in load(conn, document_ids)
        ]
        if not rows:
            return
        conn.execute(  # REPLACE on the rowid: re-indexing leaves one row, FTS5 stays consistent
            text(
                "INSERT OR REPLACE INTO search_index "
                "(rowid, body, tags, kind, ref, doc, published) "
                "VALUES (:rowid, :body, :tags, :kind, :ref, :doc, :published)"
            ),
            rows,
        )

    def search(
        self, conn: Connection, query: Query, filters: Filters, limit: int, offset: int
    ) -> Sequence[Row]:
        where, params = filter_sql(filters, "s", iso_dates=True)
        params |= {"limit": limit, "offset": offset, "pool": POOL}
        if not query.clauses:
            sql = (
                "SELECT s.kind, s.ref, s.doc, 0.0 FROM search_index AS s "
                f"WHERE {' AND '.join(where) or '1 = 1'} "
                "ORDER BY s.rowid DESC LIMIT :limit OFFSET :offset"
            )
        else:
            params["match"] = match_expression(query)
            matching = " AND ".join(["search_index MATCH :match", *where])
            # BM25 reads every match's positions: rank the newest POOL matches only
            ranked = (
                f"SELECT s.kind, s.ref, s.doc, s.rowid AS id, -bm25(search_index, {WEIGHTS}) "
                f"AS score FROM search_index AS s WHERE {matching} AND s.rowid >= "
                "(SELECT coalesce(min(rowid), 0) FROM (SELECT s.rowid AS rowid FROM "
                f"search_index AS s WHERE {matching} ORDER BY s.rowid DESC LIMIT :pool))"
            )
            sql = per_document(ranked)
            params["per_document"] = PER_DOCUMENT
        return [
            Row(kind, int(ref), float(sc), int(doc))
            for kind, ref, doc, sc in conn.execute(text(sql), params)
        ]
