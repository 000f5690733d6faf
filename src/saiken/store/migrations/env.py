"""Alembic environment: always run on a connection handed in by saiken.store.migrate (never a URL)."""

from __future__ import annotations

from alembic import context

from saiken.store import models  # noqa: F401  (registers every table)
from saiken.store.base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
