"""Founding a vault's membership: the self-signed founding statement, inside the caller's unit of work.

Used when a vault is created (the founding admin and the recovery principal, each with a key pair) and when
a format-1 vault is upgraded (the upgrading admin with a new key pair; every other member and the recovery
principal *pending*, named by the hash of the format-1 slot each will bind their own keys from). The
statement also carries the organisation's first public key. Its hash is the vault's founding fingerprint,
pinned in every slot made afterwards (saiken.security.keyfile) and printed on the recovery sheet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from saiken.security.audit_chain import canonical_json
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import RECOVERY_ID, Member, genesis_statement, sign_statement
from saiken.services.context import Work
from saiken.services.vault import roster
from saiken.services.vault.org import new_org_key
from saiken.services.vault.slots import OrgKey
from saiken.store.models import User


@dataclass(frozen=True)
class Founded:
    genesis: str  # the founding statement's hash
    org: OrgKey
    org_public: bytes


def member_of(user: User, keys: MemberKeys | None, *, legacy_slot: str | None = None) -> Member:
    return Member(
        id=f"u{user.id}",
        user_id=user.id,
        name=user.name,
        role=user.role,
        supervisor=bool(user.is_supervisor),
        public=None if keys is None else keys.public,
        legacy_slot=legacy_slot,
        active=bool(user.active),
    )


def legacy_slot_hash(raw: dict[str, Any]) -> str:
    """Names a format-1 slot in the founding statement of an upgrade (its bytes as canonical JSON)."""
    return hashlib.sha256(canonical_json(raw).encode("utf-8")).hexdigest()


def found(
    work: Work,
    *,
    founder: User | None,
    founder_keys: MemberKeys,
    recovery: MemberKeys | str,
    others: list[Member],
    org_name: str,
    org_role: str,
    upgraded: dict[str, Any] | None = None,
) -> Founded:
    """Write the founding statement (signed by `founder_keys`). `recovery` is the recovery principal's key
    pair, or — on an upgrade — the hash of its format-1 slot (pending until the recovery key is used).
    `founder` None: the recovery principal founds (an upgrade signed in with the recovery key)."""
    org, org_public = new_org_key()
    if isinstance(recovery, MemberKeys):
        recovery_member = Member(RECOVERY_ID, 0, RECOVERY_ID, "admin", False, recovery.public)
    else:
        recovery_member = Member(RECOVERY_ID, 0, RECOVERY_ID, "admin", False, None, legacy_slot=recovery)
    first = recovery_member if founder is None else member_of(founder, founder_keys)
    members = [first, *others] if founder is None else [first, recovery_member, *others]
    statement = genesis_statement(
        vault_id=work.vault.vault_id,
        at=work.vault.clock.now().isoformat(timespec="seconds"),
        founder=first,
        members=members,
        org_name=org_name,
        org_role=org_role,
        org_key=org_public,
        upgraded=upgraded,
    )
    signed = sign_statement(statement, founder_keys)
    roster.insert_statement(work.session, signed)
    return Founded(signed.hash, org, org_public)
