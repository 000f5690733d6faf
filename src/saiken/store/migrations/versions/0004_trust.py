"""Vault trust (issue 6): the signed membership log, signed audit entries (signer, signature, records
digest) and the record digests that `audit verify --records` checks.

Revision ID: 0004_trust
Revises: 0003_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_trust"
down_revision = "0008_handover"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "membership_log",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("signature", sa.String(100), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_membership_log"),
        sa.UniqueConstraint("hash", name="uq_membership_log_hash"),
    )
    op.create_table(
        "record_digests",
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("row_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", "seq", name="pk_record_digests"),
    )
    op.create_index("ix_record_digests_seq", "record_digests", ["seq"])
    # Plain ALTER TABLE … ADD COLUMN: the existing (unsigned) entries keep every byte; new ones are signed.
    op.add_column("audit_log", sa.Column("signer", sa.String(32), nullable=True))
    op.add_column("audit_log", sa.Column("signature", sa.String(100), nullable=True))
    op.add_column("audit_log", sa.Column("records", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("records")
        batch.drop_column("signature")
        batch.drop_column("signer")
    op.drop_index("ix_record_digests_seq", table_name="record_digests")
    op.drop_table("record_digests")
    op.drop_table("membership_log")
