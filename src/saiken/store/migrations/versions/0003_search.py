"""Search: the folded-key table debtor_search, its trigram FTS5 index, the short-query gram index, and a
covering index of claims by due date for the due-date filter.

Revision ID: 0003_search
Revises: 0002_debtors
"""

import sqlalchemy as sa
from alembic import op

from saiken.store.models.search import FTS_DDL, FTS_DROP

revision = "0003_search"
down_revision = "0002_debtors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "debtor_search",
        sa.Column("debtor_id", sa.Integer, nullable=False),
        sa.Column("name_key", sa.String(256), nullable=False, server_default=""),
        sa.Column("kana_key", sa.String(256), nullable=False, server_default=""),
        sa.Column("representative_key", sa.String(256), nullable=False, server_default=""),
        sa.Column("address_key", sa.String(1024), nullable=False, server_default=""),
        sa.Column("management_key", sa.String(32), nullable=False, server_default=""),
        sa.Column("phone_key", sa.String(64), nullable=False, server_default=""),
        sa.Column("reading", sa.String(256), nullable=False, server_default=""),
        sa.Column("management_no", sa.String(32), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("debtor_id", name="pk_debtor_search"),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtors.id"], ondelete="CASCADE", name="fk_debtor_search_debtor_id_debtors"
        ),
    )
    op.create_index("ix_debtor_search_reading", "debtor_search", ["reading", "management_no"])
    op.create_index("ix_debtor_search_id_reading", "debtor_search", ["debtor_id", "reading", "management_no"])
    op.create_index("ix_claims_due_date_debtor", "claims", ["due_date", "debtor_id"])
    for statement in FTS_DDL:
        op.execute(statement)
    # Debtors stored before this revision (none in a released vault) are indexed by
    # saiken.services.debtors.search_index.rebuild_search_index, which the vault service may call after upgrading.


def downgrade() -> None:
    for statement in FTS_DROP:
        op.execute(statement)
    op.drop_index("ix_claims_due_date_debtor", table_name="claims")
    op.drop_index("ix_debtor_search_id_reading", table_name="debtor_search")
    op.drop_index("ix_debtor_search_reading", table_name="debtor_search")
    op.drop_table("debtor_search")
