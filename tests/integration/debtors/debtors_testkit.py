"""Helpers for the debtor-file tests: the worked example's figures, another user, the audit chain."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saiken.domain.roles import Role
from saiken.security.audit_chain import ChainEntry, verify_chain
from saiken.services.context import SignedInUser, VaultSession
from saiken.store.models import AuditEntry

# The worked example of test_card_totals: 1,000,000 yen received 2024-04-01, due 2025-03-21.
PRINCIPAL = 1_000_000
RECEIVED = dt.date(2024, 4, 1)
ORDER = dt.date(2025, 3, 1)
DUE = dt.date(2025, 3, 21)


def as_user(session: VaultSession, name: str, role: Role) -> VaultSession:
    """Another signed-in user on the same engine (no sign-in; the role is what is tested)."""
    return VaultSession(
        folder=session.folder,
        engine=session.engine,
        user=SignedInUser(id=99, name=name, role=role),
        clock=session.clock,
        org_name=session.org_name,
        org_role=session.org_role,
    )


def audit_rows(session: VaultSession) -> list[AuditEntry]:
    with session.engine.connect() as connection:
        return list(connection.execute(select(AuditEntry).order_by(AuditEntry.seq)).all())


def chain_ok(session: VaultSession) -> bool:
    entries = [
        ChainEntry(
            r.seq,
            dt.datetime.fromisoformat(r.at) if isinstance(r.at, str) else r.at,
            r.actor,
            r.action,
            r.target_type,
            r.target_id,
            r.details,
            r.prev_hash,
            r.hash,
        )
        for r in audit_rows(session)
    ]
    report = verify_chain(entries)
    assert report.problems == []
    return report.ok
