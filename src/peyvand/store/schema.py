"""The tables of an observatory (SQLAlchemy Core); migrations in `store/migrations` create them."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("length", Integer, nullable=False),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("url", Text),
    Column("language", String(8)),
    Column("source", Text),
    Column("encoding", String(32)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("hash", name="uq_documents_hash"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # actor | date | quantity
    Column("value", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_kind_value", "kind", "value"),
)

records = Table(
    "records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # agreement | event | claim | institution | site
    Column("status", String(16), nullable=False, server_default="candidate"),
    Column("data", Text, nullable=False),  # the record as in the extraction contract (JSON)
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("confidence", Float),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_records_document", "document_id"),
    Index("ix_records_kind_status", "kind", "status"),
)

registry_actors = Table(
    "registry_actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("data", Text, nullable=False),  # the entry, as in registry/actors/*.yaml (JSON)
    Column("source", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
