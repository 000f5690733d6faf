"""Debtor files: engagements, debtors, tags, claims, tranches, payments, instalments, negotiation records,
inquiries, attachments, documents sent, saved extraction conditions.

Revision ID: 0002_debtors
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_debtors"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

_TS = sa.String(32)  # UTCDateTime: aware ISO text


def _fk(column: str, target: str, table: str, ondelete: str | None = "CASCADE") -> sa.ForeignKeyConstraint:
    ref_table = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{ref_table}", ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("ward", sa.String(128), nullable=False, server_default=""),
        sa.Column("contractor", sa.String(128), nullable=False, server_default=""),
        sa.Column("period_from", sa.Date),
        sa.Column("period_to", sa.Date),
        sa.Column("rule_profile", sa.String(32), nullable=False, server_default="subsidy"),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_engagements"),
    )
    op.create_table(
        "debtors",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("engagement_id", sa.Integer, nullable=False),
        sa.Column("management_no", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False, server_default="法人"),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("name_kana", sa.String(256), nullable=False, server_default=""),
        sa.Column("representative", sa.String(128), nullable=False, server_default=""),
        sa.Column("representative_kana", sa.String(128), nullable=False, server_default=""),
        sa.Column("postal_code", sa.String(16), nullable=False, server_default=""),
        sa.Column("address", sa.String(512), nullable=False, server_default=""),
        sa.Column("mailing_postal_code", sa.String(16), nullable=False, server_default=""),
        sa.Column("mailing_address", sa.String(512), nullable=False, server_default=""),
        sa.Column("phone", sa.String(32), nullable=False, server_default=""),
        sa.Column("phone2", sa.String(32), nullable=False, server_default=""),
        sa.Column("email", sa.String(256), nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default="未着手"),
        sa.Column("handler_user_id", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("principal_total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("paid_total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("balance_total", sa.Integer, sa.Computed("max(principal_total - paid_total, 0)")),
        sa.Column("next_action_on", sa.Date),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_debtors"),
        _fk("engagement_id", "engagements.id", "debtors", None),
        _fk("handler_user_id", "users.id", "debtors", None),
        sa.UniqueConstraint("engagement_id", "management_no", name="uq_debtors_engagement_management_no"),
    )
    op.create_index("ix_debtors_reading", "debtors", ["name_kana", "management_no"])
    op.create_index("ix_debtors_status", "debtors", ["status"])
    op.create_index("ix_debtors_handler", "debtors", ["handler_user_id"])
    op.create_index("ix_debtors_balance", "debtors", ["balance_total"])
    op.create_index("ix_debtors_next_action", "debtors", ["next_action_on"])
    op.create_index("ix_debtors_management_no", "debtors", ["management_no"])

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False, server_default="#808080"),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "debtor_tags",
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("tag_id", sa.Integer, nullable=False),
        sa.Column("expires_on", sa.Date),
        sa.PrimaryKeyConstraint("debtor_id", "tag_id", name="pk_debtor_tags"),
        _fk("debtor_id", "debtors.id", "debtor_tags"),
        _fk("tag_id", "tags.id", "debtor_tags"),
    )
    op.create_index("ix_debtor_tags_tag", "debtor_tags", ["tag_id"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("programme", sa.String(128), nullable=False, server_default=""),
        sa.Column("fiscal_year", sa.Integer),
        sa.Column("decision_date", sa.Date),
        sa.Column("grant_amount", sa.Integer),
        sa.Column("order_date", sa.Date),
        sa.Column("due_date", sa.Date),
        sa.Column("principal", sa.Integer, nullable=False),
        sa.Column("nature", sa.String(8), nullable=False, server_default="public"),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        _fk("debtor_id", "debtors.id", "claims"),
    )
    op.create_index("ix_claims_debtor", "claims", ["debtor_id"])
    op.create_index("ix_claims_due_date", "claims", ["due_date"])

    op.create_table(
        "receipt_tranches",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_receipt_tranches"),
        _fk("claim_id", "claims.id", "receipt_tranches"),
    )
    op.create_index("ix_receipt_tranches_claim", "receipt_tranches", ["claim_id"])

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer),
        sa.Column("paid_on", sa.Date, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("source", sa.String(64), nullable=False, server_default=""),
        sa.Column("confirmed_by_ward", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reverses_id", sa.Integer),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payments"),
        _fk("debtor_id", "debtors.id", "payments"),
        _fk("claim_id", "claims.id", "payments", None),
        _fk("reverses_id", "payments.id", "payments", None),
    )
    op.create_index("ix_payments_debtor", "payments", ["debtor_id", "paid_on"])

    op.create_table(
        "instalment_plans",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="履行中"),
        sa.Column("agreed_on", sa.Date),
        sa.Column("accelerated_on", sa.Date),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_instalment_plans"),
        _fk("debtor_id", "debtors.id", "instalment_plans"),
        _fk("claim_id", "claims.id", "instalment_plans", None),
    )
    op.create_index("ix_instalment_plans_debtor", "instalment_plans", ["debtor_id"])
    op.create_table(
        "instalment_rows",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_instalment_rows"),
        _fk("plan_id", "instalment_plans.id", "instalment_rows"),
        sa.UniqueConstraint("plan_id", "seq", name="uq_instalment_rows_plan_seq"),
    )

    op.create_table(
        "negotiation_records",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("record_key", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("superseded", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("at", _TS, nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("person", sa.String(128), nullable=False, server_default=""),
        sa.Column("handler_user_id", sa.Integer),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("promise_amount", sa.Integer),
        sa.Column("promise_date", sa.Date),
        sa.Column("next_action_on", sa.Date),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_negotiation_records"),
        _fk("debtor_id", "debtors.id", "negotiation_records"),
        _fk("handler_user_id", "users.id", "negotiation_records", None),
        sa.UniqueConstraint("record_key", "version", name="uq_negotiation_records_key_version"),
    )
    op.create_index("ix_negotiation_records_debtor", "negotiation_records", ["debtor_id", "superseded", "at"])
    op.create_index("ix_negotiation_records_at", "negotiation_records", ["at"])
    op.create_index("ix_negotiation_records_next_action", "negotiation_records", ["next_action_on"])

    op.create_table(
        "inquiries",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("question", sa.Text, nullable=False, server_default=""),
        sa.Column("asked_on", sa.Date, nullable=False),
        sa.Column("answered_on", sa.Date),
        sa.Column("answer", sa.Text),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inquiries"),
        _fk("debtor_id", "debtors.id", "inquiries"),
    )
    op.create_index("ix_inquiries_debtor", "inquiries", ["debtor_id"])

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("mime", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
        _fk("debtor_id", "debtors.id", "attachments"),
    )
    op.create_index("ix_attachments_debtor", "attachments", ["debtor_id"])

    op.create_table(
        "documents_sent",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sent_on", sa.Date, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("tracking_no", sa.String(64), nullable=False, server_default=""),
        sa.Column("returned_on", sa.Date),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents_sent"),
        _fk("debtor_id", "debtors.id", "documents_sent"),
    )
    op.create_index("ix_documents_sent_debtor", "documents_sent", ["debtor_id", "sent_on"])

    op.create_table(
        "saved_conditions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("json", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_saved_conditions"),
        sa.UniqueConstraint("name", name="uq_saved_conditions_name"),
    )


def downgrade() -> None:
    for table in (
        "saved_conditions",
        "documents_sent",
        "attachments",
        "inquiries",
        "negotiation_records",
        "instalment_rows",
        "instalment_plans",
        "payments",
        "receipt_tranches",
        "claims",
        "debtor_tags",
        "tags",
        "debtors",
        "engagements",
    ):
        op.drop_table(table)
