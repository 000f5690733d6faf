"""Migration 0008_handover: existing engagements get a shareable uid; it can be undone and redone."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import inspect, text

from saiken.store import migrate

HANDOVER_TABLES = {
    "organisations",
    "handover_packages",
    "sync_keys",
    "sync_sent",
    "sync_acknowledged",
    "media",
    "custody_ledger",
    "erasure_certificates",
}


def _to(engine, revision):
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_engagements_made_before_the_migration_get_a_uid(vault_session):
    engine = vault_session.engine
    _to(engine, "0003_search")
    assert not HANDOVER_TABLES & set(inspect(engine).get_table_names())
    assert "uid" not in {c["name"] for c in inspect(engine).get_columns("engagements")}
    now = dt.datetime(2025, 9, 16, tzinfo=dt.UTC).isoformat()
    with engine.begin() as c:
        c.execute(
            text("INSERT INTO engagements (ward, created_at) VALUES ('架空区', :t), ('架空区', :t)"),
            {"t": now},
        )
    migrate.upgrade(engine)
    assert HANDOVER_TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        rows = c.execute(text("SELECT uid, status, title FROM engagements")).all()
    assert len(rows) == 2 and len({r.uid for r in rows}) == 2
    assert all(len(r.uid) == 32 and r.status == "active" and r.title == "" for r in rows)
