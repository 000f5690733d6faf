"""Migration 0002_debtors builds exactly the tables the models describe, and can be undone and redone."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from saiken.store import migrate
from saiken.store.base import Base

DEBTOR_TABLES = {
    "engagements",
    "debtors",
    "tags",
    "debtor_tags",
    "claims",
    "receipt_tranches",
    "payments",
    "instalment_plans",
    "instalment_rows",
    "negotiation_records",
    "inquiries",
    "attachments",
    "documents_sent",
    "saved_conditions",
}


def _diff(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    # FTS5 tables (and their shadow tables) of the search revisions are not models; ignore them.
    fts = (
        "debtor_fts",
        "debtor_grams",
        "business_fts",
        "business_grams",
        "consultation_fts",
        "consultation_grams",
    )
    return [d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith(fts))]


def test_models_and_migrations_agree(vault_session):
    assert _diff(vault_session.engine) == []
    assert DEBTOR_TABLES <= set(inspect(vault_session.engine).get_table_names())


def test_balance_is_generated_and_management_no_unique_per_engagement(vault_session):
    now = dt.datetime(2025, 9, 16, tzinfo=dt.UTC).isoformat()
    with vault_session.engine.begin() as c:
        c.execute(text("INSERT INTO engagements (id, created_at) VALUES (1, :t), (2, :t)"), {"t": now})
        for engagement in (1, 2):
            c.execute(
                text(
                    "INSERT INTO debtors (engagement_id, management_no, name, principal_total, paid_total, "
                    "created_at, updated_at) VALUES (:e, 'A-1', '架空', 1000, 300, :t, :t)"
                ),
                {"e": engagement, "t": now},
            )
        assert c.execute(text("SELECT balance_total FROM debtors")).scalars().all() == [700, 700]
        plan = c.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM debtors ORDER BY name_kana, management_no LIMIT 100")
        )
        assert "ix_debtors_reading" in " ".join(str(r) for r in plan)


def test_downgrade_to_foundation_and_back(vault_session):
    engine = vault_session.engine
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001_foundation")
    assert not DEBTOR_TABLES & set(inspect(engine).get_table_names())
    migrate.upgrade(engine)
    assert DEBTOR_TABLES <= set(inspect(engine).get_table_names())
