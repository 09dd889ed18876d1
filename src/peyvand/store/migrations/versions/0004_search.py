"""Full-text search: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL.

The index lives outside `store.schema.metadata` (an FTS5 virtual table cannot be described
in SQLAlchemy Core); `peyvand.search.backends` owns its DDL. Documents and records already
stored are indexed here, so an upgraded observatory finds them at once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from peyvand.search import backends

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    backends.create(connection)
    backends.backfill(connection)


def downgrade() -> None:
    backends.drop(op.get_bind())
