"""Each user's own preferences (date display, the debtor list's columns and their widths), and an index of
the current negotiation records by time for the 交渉記録 area (newest first, counts by period).

Revision ID: 0010_preferences
Revises: 0004_trust
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_preferences"
down_revision = "0004_trust"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_preferences",
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("user_name", "key", name="pk_user_preferences"),
    )
    op.create_index("ix_negotiation_records_current_at", "negotiation_records", ["superseded", "at"])


def downgrade() -> None:
    op.drop_index("ix_negotiation_records_current_at", table_name="negotiation_records")
    op.drop_table("user_preferences")
