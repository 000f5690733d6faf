"""Another member of an open test vault: added by the admin through the signed membership log as the
services do (no key slot, no sign-in — the role is what the tests check), signing with a key of their own.
Shared by the debtor, consultation and letter tests (on the path through pytest's `pythonpath`)."""

from __future__ import annotations

from saiken.domain.roles import Role
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import Member
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.vault import roster
from saiken.store.models import User

_MEMBERS: dict[tuple[int, str], tuple[int, MemberKeys]] = {}


def as_user(session: VaultSession, name: str, role: Role) -> VaultSession:
    """The same open vault, acting as the member `name` with `role` (added on first use)."""
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
