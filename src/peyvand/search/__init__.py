"""Full-text search over documents and records, across languages, spellings and names.

One interface (`SearchIndex`) with an SQLite FTS5 and a PostgreSQL tsvector backend; the
index is filled inside the ingest transaction and read by `Searcher`.
"""

from __future__ import annotations

from sqlalchemy import Connection

from peyvand.search.backends import index_for
from peyvand.search.model import Filters, Hit, SearchIndex
from peyvand.search.searcher import Searcher

__all__ = ["Filters", "Hit", "SearchIndex", "Searcher", "index_document", "index_for"]


def index_document(conn: Connection, document_id: int) -> None:
    """Index a stored document and its records on the connection of the running transaction."""
    index_for(conn.dialect.name).add(conn, document_id)
