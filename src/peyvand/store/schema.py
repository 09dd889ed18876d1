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
    LargeBinary,
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
    Column("author", Text),
    Column("format", String(16)),  # text | markdown | html | pdf | docx | feed | jsonl | csv
    Column("near_duplicate_of", Integer, ForeignKey("documents.id")),
    Column("similarity", Float),  # Jaccard similarity of word shingles to near_duplicate_of
    Column("minhash", LargeBinary),  # MinHash signature (uint64 values), for near-duplicates
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
    # status: candidate | accepted | rejected | merged (then merged_into names the survivor)
    Column("merged_into", Integer, ForeignKey("records.id")),
    Column("updated_at", DateTime(timezone=True)),
    Column("updated_by", String(100)),
    Index("ix_records_document", "document_id"),
    Index("ix_records_merged_into", "merged_into"),
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

minhash_bands = Table(
    "minhash_bands",
    metadata,
    # one row per LSH band of a document's MinHash signature; a shared band = near-duplicate
    Column("band", String(40), primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", Integer, ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(16), nullable=False),  # create|accept|edit|reject|merge|adjudicate
    Column("actor", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),  # the record's version after the change
    Column("before", Text),  # JSON of the record's reviewable fields before the change
    Column("after", Text),
    Column("reason", Text),
    Index("ix_audit_record", "record_id"),
)

codings = Table(
    "codings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", Integer, ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
    Column("coder", String(100), nullable=False),
    Column("role", String(16), nullable=False),  # first | second | adjudicator
    Column("decision", String(16)),  # accept | reject | edit; null while not yet coded
    Column("data", Text),  # the coder's edited record (JSON) when decision is edit
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    Column("coded_at", DateTime(timezone=True)),
    UniqueConstraint("record_id", "coder", name="uq_codings_record_coder"),
    Index("ix_codings_coder", "coder"),
)

merge_proposals = Table(
    "merge_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", Integer, ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
    Column("target_id", Integer, ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),  # JSON list of why the two look like one
    Column("status", String(16), nullable=False, server_default="proposed"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(100)),
    Column("decided_at", DateTime(timezone=True)),
    UniqueConstraint("record_id", "target_id", name="uq_merge_proposals_pair"),
)
