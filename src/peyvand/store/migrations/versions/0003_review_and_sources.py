"""Review (audit trail, double coding, merges) and richer sources (author, near-duplicates).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("author", sa.Text))
        batch.add_column(sa.Column("format", sa.String(16)))
        batch.add_column(
            sa.Column(
                "near_duplicate_of",
                sa.Integer,
                sa.ForeignKey("documents.id", name="fk_documents_near_duplicate_of"),
            )
        )
        batch.add_column(sa.Column("similarity", sa.Float))
        batch.add_column(sa.Column("minhash", sa.LargeBinary))
    with op.batch_alter_table("records") as batch:
        batch.add_column(
            sa.Column(
                "merged_into",
                sa.Integer,
                sa.ForeignKey("records.id", name="fk_records_merged_into"),
            )
        )
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("updated_by", sa.String(100)))
        batch.create_index("ix_records_merged_into", ["merged_into"])
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("band", "document_id", name="pk_minhash_bands"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "record_id", sa.Integer, sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Index("ix_audit_record", "record_id"),
    )
    op.create_table(
        "codings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "record_id", sa.Integer, sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("coder", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16)),
        sa.Column("data", sa.Text),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coded_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("record_id", "coder", name="uq_codings_record_coder"),
        sa.Index("ix_codings_coder", "coder"),
    )
    op.create_table(
        "merge_proposals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "record_id", sa.Integer, sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "target_id", sa.Integer, sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="proposed"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(100)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("record_id", "target_id", name="uq_merge_proposals_pair"),
    )


def downgrade() -> None:
    op.drop_table("merge_proposals")
    op.drop_table("codings")
    op.drop_table("audit")
    op.drop_table("minhash_bands")
    with op.batch_alter_table("records") as batch:
        batch.drop_index("ix_records_merged_into")
        batch.drop_column("updated_by")
        batch.drop_column("updated_at")
        batch.drop_column("merged_into")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("minhash")
        batch.drop_column("similarity")
        batch.drop_column("near_duplicate_of")
        batch.drop_column("format")
        batch.drop_column("author")
