"""Consultations (issue 10): businesses and their search index, consultants, consultation records,
bookings, seminars and applications, advisors, dispatches with lodging nights, fee standards.

Revision ID: 0007_consultations
Revises: 0003_search
"""

import sqlalchemy as sa
from alembic import op

from saiken.store.models.businesses import FTS_DDL, FTS_DROP

revision = "0007_consultations"
down_revision = "0003_search"
branch_labels = None
depends_on = None

_TS = sa.String(32)  # UTCDateTime: aware ISO text


def upgrade() -> None:
    op.create_table(
        "advisors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("name_kana", sa.String(length=128), nullable=False),
        sa.Column("specialty", sa.String(length=128), nullable=False),
        sa.Column("qualification", sa.String(length=64), nullable=False),
        sa.Column("base", sa.String(length=256), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisors")),
        sa.UniqueConstraint("name", name=op.f("uq_advisors_name")),
    )
    op.create_table(
        "businesses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("name_kana", sa.String(length=256), nullable=False),
        sa.Column("industry", sa.String(length=32), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("postal_code", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=512), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=256), nullable=False),
        sa.Column("representative", sa.String(length=128), nullable=False),
        sa.Column("representative_kana", sa.String(length=128), nullable=False),
        sa.Column("representative_born", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_businesses")),
    )
    op.create_index("ix_businesses_change_seq", "businesses", ["change_seq"], unique=False)
    op.create_index("ix_businesses_reading", "businesses", ["name_kana", "id"], unique=False)
    op.create_table(
        "consultants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("name_kana", sa.String(length=128), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultants")),
        sa.UniqueConstraint("name", name=op.f("uq_consultants_name")),
    )
    op.create_table(
        "fee_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_standards")),
        sa.UniqueConstraint("valid_from", name=op.f("uq_fee_standards_valid_from")),
    )
    op.create_table(
        "seminars",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=256), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seminars")),
    )
    op.create_index("ix_seminars_change_seq", "seminars", ["change_seq"], unique=False)
    op.create_index("ix_seminars_held_on", "seminars", ["held_on"], unique=False)
    op.create_table(
        "business_search",
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=256), nullable=False),
        sa.Column("kana_key", sa.String(length=256), nullable=False),
        sa.Column("representative_key", sa.String(length=256), nullable=False),
        sa.Column("address_key", sa.String(length=1024), nullable=False),
        sa.Column("phone_key", sa.String(length=64), nullable=False),
        sa.Column("email_key", sa.String(length=256), nullable=False),
        sa.Column("reading", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_business_search_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", name=op.f("pk_business_search")),
    )
    op.create_index("ix_business_search_reading", "business_search", ["reading", "business_id"], unique=False)
    op.create_table(
        "dispatches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("car_m", sa.Integer(), nullable=False),
        sa.Column("transport_yen", sa.Integer(), nullable=False),
        sa.Column("route_m", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advisor_id"], ["advisors.id"], name=op.f("fk_dispatches_advisor_id_advisors")
        ),
        sa.ForeignKeyConstraint(
            ["business_id"], ["businesses.id"], name=op.f("fk_dispatches_business_id_businesses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatches")),
    )
    op.create_index("ix_dispatches_advisor_day", "dispatches", ["advisor_id", "day"], unique=False)
    op.create_index("ix_dispatches_business", "dispatches", ["business_id"], unique=False)
    op.create_index("ix_dispatches_change_seq", "dispatches", ["change_seq"], unique=False)
    op.create_index("ix_dispatches_day", "dispatches", ["day"], unique=False)
    op.create_table(
        "seminar_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seminar_id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("attendee", sa.String(length=128), nullable=False),
        sa.Column("attendee_kana", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("queue_no", sa.Integer(), nullable=False),
        sa.Column("applied_at", _TS, nullable=False),
        sa.Column("confirmed_at", _TS, nullable=True),
        sa.Column("cancelled_at", _TS, nullable=True),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"], ["businesses.id"], name=op.f("fk_seminar_applications_business_id_businesses")
        ),
        sa.ForeignKeyConstraint(
            ["seminar_id"], ["seminars.id"], name=op.f("fk_seminar_applications_seminar_id_seminars")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seminar_applications")),
    )
    op.create_index("ix_seminar_applications_business", "seminar_applications", ["business_id"], unique=False)
    op.create_index(
        "ix_seminar_applications_change_seq", "seminar_applications", ["change_seq"], unique=False
    )
    op.create_index(
        "ix_seminar_applications_seminar",
        "seminar_applications",
        ["seminar_id", "status", "queue_no"],
        unique=False,
    )
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_key", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=8), nullable=False),
        sa.Column("categories", sa.Integer(), nullable=False),
        sa.Column("industry", sa.String(length=32), nullable=False),
        sa.Column("contents", sa.Text(), nullable=False),
        sa.Column("loan_bank", sa.String(length=128), nullable=False),
        sa.Column("loan_amount", sa.Integer(), nullable=True),
        sa.Column("loan_status", sa.String(length=16), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("dispatch_id", sa.Integer(), nullable=True),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"], ["businesses.id"], name=op.f("fk_consultations_business_id_businesses")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"], ["consultants.id"], name=op.f("fk_consultations_consultant_id_consultants")
        ),
        sa.ForeignKeyConstraint(
            ["dispatch_id"], ["dispatches.id"], name=op.f("fk_consultations_dispatch_id_dispatches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
        sa.UniqueConstraint("record_key", "version", name="uq_consultations_key_version"),
    )
    op.create_index(
        "ix_consultations_business", "consultations", ["business_id", "superseded", "at"], unique=False
    )
    op.create_index("ix_consultations_change_seq", "consultations", ["change_seq"], unique=False)
    op.create_index("ix_consultations_current_at", "consultations", ["superseded", "at"], unique=False)
    op.create_index(
        "ix_consultations_report",
        "consultations",
        [
            "superseded",
            "day",
            "form",
            "consultant_id",
            "industry",
            "categories",
            "loan_status",
            "business_id",
        ],
        unique=False,
    )
    op.create_table(
        "dispatch_nights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dispatch_id", sa.Integer(), nullable=False),
        sa.Column("night_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispatch_id"],
            ["dispatches.id"],
            name=op.f("fk_dispatch_nights_dispatch_id_dispatches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatch_nights")),
    )
    op.create_index("ix_dispatch_nights_dispatch", "dispatch_nights", ["dispatch_id"], unique=False)
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", _TS, nullable=False),
        sa.Column("ends_at", _TS, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("form", sa.String(length=8), nullable=False),
        sa.Column("purpose", sa.String(length=256), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("cancelled_at", _TS, nullable=True),
        sa.Column("cancel_reason", sa.String(length=256), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("owner", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"], ["businesses.id"], name=op.f("fk_bookings_business_id_businesses")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"], ["consultants.id"], name=op.f("fk_bookings_consultant_id_consultants")
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"], ["consultations.id"], name=op.f("fk_bookings_consultation_id_consultations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
    )
    op.create_index("ix_bookings_change_seq", "bookings", ["change_seq"], unique=False)
    op.create_index("ix_bookings_consultant_start", "bookings", ["consultant_id", "starts_at"], unique=False)
    op.create_index("ix_bookings_day", "bookings", ["day"], unique=False)
    for statement in FTS_DDL:
        op.execute(statement)


def downgrade() -> None:
    for statement in FTS_DROP:
        op.execute(statement)
    op.drop_index("ix_bookings_change_seq", table_name="bookings")
    op.drop_index("ix_bookings_consultant_start", table_name="bookings")
    op.drop_index("ix_bookings_day", table_name="bookings")
    op.drop_table("bookings")
    op.drop_index("ix_dispatch_nights_dispatch", table_name="dispatch_nights")
    op.drop_table("dispatch_nights")
    op.drop_index("ix_consultations_business", table_name="consultations")
    op.drop_index("ix_consultations_change_seq", table_name="consultations")
    op.drop_index("ix_consultations_current_at", table_name="consultations")
    op.drop_index("ix_consultations_report", table_name="consultations")
    op.drop_table("consultations")
    op.drop_index("ix_seminar_applications_business", table_name="seminar_applications")
    op.drop_index("ix_seminar_applications_change_seq", table_name="seminar_applications")
    op.drop_index("ix_seminar_applications_seminar", table_name="seminar_applications")
    op.drop_table("seminar_applications")
    op.drop_index("ix_dispatches_advisor_day", table_name="dispatches")
    op.drop_index("ix_dispatches_business", table_name="dispatches")
    op.drop_index("ix_dispatches_change_seq", table_name="dispatches")
    op.drop_index("ix_dispatches_day", table_name="dispatches")
    op.drop_table("dispatches")
    op.drop_index("ix_business_search_reading", table_name="business_search")
    op.drop_table("business_search")
    op.drop_index("ix_seminars_change_seq", table_name="seminars")
    op.drop_index("ix_seminars_held_on", table_name="seminars")
    op.drop_table("seminars")
    op.drop_table("fee_standards")
    op.drop_table("consultants")
    op.drop_index("ix_businesses_change_seq", table_name="businesses")
    op.drop_index("ix_businesses_reading", table_name="businesses")
    op.drop_table("businesses")
    op.drop_table("advisors")
