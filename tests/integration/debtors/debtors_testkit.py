"""Helpers for the debtor-file tests: the worked example's figures, another user, the audit chain."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saiken.domain.roles import Role
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import Member
from saiken.services import audit
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.vault import roster
from saiken.store.models import AuditEntry, User

# The worked example of test_card_totals: 1,000,000 yen received 2024-04-01, due 2025-03-21.
PRINCIPAL = 1_000_000
RECEIVED = dt.date(2024, 4, 1)
ORDER = dt.date(2025, 3, 1)
DUE = dt.date(2025, 3, 21)


_MEMBERS: dict[tuple[int, str], tuple[int, MemberKeys]] = {}


def as_user(session: VaultSession, name: str, role: Role) -> VaultSession:
    """Another member on the same engine, added by the admin through the signed membership log as the
    services do (no key slot, no sign-in: the role is what is tested), signing with a key of their own."""
    key = (id(session.engine), name)
    if key not in _MEMBERS:
        keys = MemberKeys.generate()
        with unit_of_work(session) as work:
            user = User(
                name=name,
                role=role.value,
                is_supervisor=role == Role.SUPERVISOR,
                created_at=session.clock.now(),
            )
            work.session.add(user)
            work.session.flush()
            member = Member(f"u{user.id}", user.id, name, role.value, user.is_supervisor, keys.public)
            digest = roster.append_statement(work, "add", member.to_json())
            work.audit("user.add", target_type="user", target_id=user.id, role=role.value, statement=digest)
        _MEMBERS[key] = (user.id, keys)
    user_id, keys = _MEMBERS[key]
    return VaultSession(
        folder=session.folder,
        engine=session.engine,
        user=SignedInUser(id=user_id, name=name, role=role, is_supervisor=role == Role.SUPERVISOR),
        clock=session.clock,
        org_name=session.org_name,
        org_role=session.org_role,
        signer=Signer(f"u{user_id}", keys),
        vault_id=session.vault_id,
    )


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
