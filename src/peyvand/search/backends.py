"""Pick the index for a database dialect; create, drop and fill it (used by the migration)."""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from peyvand.search.model import SearchIndex
from peyvand.store.schema import documents

BATCH = 500


def index_for(dialect: str) -> SearchIndex:
    if dialect == "sqlite":
        from peyvand.search.sqlite import SqliteIndex

        return SqliteIndex()
    if dialect == "postgresql":
        from peyvand.search.postgres import PostgresIndex

        return PostgresIndex()
    raise ValueError(f"search is not available on {dialect}")


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        from peyvand.search import sqlite as backend

        conn.execute(text(backend.CREATE))
    else:
        from peyvand.search import postgres

        for statement in postgres.CREATE:
            conn.execute(text(statement))


def drop(conn: Connection) -> None:
    from peyvand.search import postgres, sqlite

    conn.execute(text(sqlite.DROP if conn.dialect.name == "sqlite" else postgres.DROP))


def backfill(conn: Connection) -> int:
    """Index every stored document and record; returns how many documents were read."""
    index = index_for(conn.dialect.name)
    ids = [int(i) for i in conn.execute(select(documents.c.id).order_by(documents.c.id)).scalars()]
    for start in range(0, len(ids), BATCH):
        index.add_many(conn, ids[start : start + BATCH])
    return len(ids)
