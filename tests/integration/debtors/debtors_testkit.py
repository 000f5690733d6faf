"""Helpers for the debtor-file tests: the worked example's figures, another user, the audit chain."""

from __future__ import annotations

import datetime as dt

from members import as_user as as_user  # re-exported for the debtor tests
from sqlalchemy import select

from saiken.domain.roles import Role
from saiken.services import audit
from saiken.services.context import SignedInUser, VaultSession
from saiken.store.models import AuditEntry

# The worked example of test_card_totals: 1,000,000 yen received 2024-04-01, due 2025-03-21.
PRINCIPAL = 1_000_000
RECEIVED = dt.date(2024, 4, 1)
ORDER = dt.date(2025, 3, 1)
DUE = dt.date(2025, 3, 21)


def audit_rows(session: VaultSession) -> list[AuditEntry]:
    with session.engine.connect() as connection:
        return list(connection.execute(select(AuditEntry).order_by(AuditEntry.seq)).all())


def chain_ok(session: VaultSession) -> bool:
    """The full verification: chain, signatures, each signer's right at the time, records unchanged."""
    report = audit.verify(as_reader(session), records=True)
    assert report.problems == []
    return report.ok


def as_reader(session: VaultSession) -> VaultSession:
    """The vault's admin-supervisor (u1) on the same engine, who may read the audit log."""
    return VaultSession(
        folder=session.folder,
        engine=session.engine,
        user=SignedInUser(id=1, name="admin", role=Role.ADMIN, is_supervisor=True),
        clock=session.clock,
        vault_id=session.vault_id,
    )
