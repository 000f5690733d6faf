"""Letters: templates and their versions, the per-year document-number sequence, letter batches, and
what the documents-sent log records about a printed letter (batch, template version, document number,
pages, why a returned letter came back).

Revision ID: 0006_letters
Revises: 0007_consultations
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_letters"
down_revision = "0007_consultations"
branch_labels = None
depends_on = None

_TS = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "letter_templates",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_letter_templates"),
        sa.UniqueConstraint("name", name="uq_letter_templates_name"),
    )
    op.create_table(
        "letter_template_versions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("template_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("note", sa.String(256), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("approved_by", sa.String(64)),
        sa.Column("approved_at", _TS),
        sa.Column("retired_by", sa.String(64)),
        sa.Column("retired_at", _TS),
        sa.PrimaryKeyConstraint("id", name="pk_letter_template_versions"),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["letter_templates.id"],
            ondelete="CASCADE",
            name="fk_letter_template_versions_template_id_letter_templates",
        ),
        sa.UniqueConstraint("template_id", "version", name="uq_letter_template_versions_template_id"),
    )
    op.create_index("ix_letter_template_versions_state", "letter_template_versions", ["state"])
    op.create_table(
        "document_sequences",
        sa.Column("fiscal_year", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("last_number", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", name="pk_document_sequences"),
    )
    op.create_table(
        "letter_batches",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("template_version_id", sa.Integer, nullable=False),
        sa.Column("letter_date", sa.Date, nullable=False),
        sa.Column("pay_by", sa.Date, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("condition_name", sa.String(128), nullable=False),
        sa.Column("letters", sa.Integer, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_letter_batches"),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["letter_template_versions.id"],
            name="fk_letter_batches_template_version_id_letter_template_versions",
        ),
    )
    with op.batch_alter_table("documents_sent") as batch:
        batch.add_column(sa.Column("returned_reason", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("batch_id", sa.Integer))
        batch.add_column(sa.Column("template_version_id", sa.Integer))
        batch.add_column(sa.Column("document_number", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("pages", sa.Integer, nullable=False, server_default="0"))
        batch.create_foreign_key(
            "fk_documents_sent_batch_id_letter_batches", "letter_batches", ["batch_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_documents_sent_template_version_id_letter_template_versions",
            "letter_template_versions",
            ["template_version_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("documents_sent") as batch:
        batch.drop_constraint(
            "fk_documents_sent_template_version_id_letter_template_versions", type_="foreignkey"
        )
        batch.drop_constraint("fk_documents_sent_batch_id_letter_batches", type_="foreignkey")
        for column in ("pages", "document_number", "template_version_id", "batch_id", "returned_reason"):
            batch.drop_column(column)
    for table in ("letter_batches", "document_sequences", "letter_template_versions", "letter_templates"):
        op.drop_table(table)
