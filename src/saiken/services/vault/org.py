"""The organisation key (DESIGN §5): an Ed25519 key that signs for the organisation (handover packages,
ledgers, certificates), sealed only into the slots of supervisors and admins (the recovery principal
included). Its public key is in the signed membership log (founding statement, then `org_key` statements);
people compare its fingerprint aloud or on paper (`org_fingerprint`).

When a holder leaves (removed, or demoted below supervisor) they may have copied the private key, so it is
replaced: a new key, sealed to the remaining holders, announced by an `org_key` statement naming the old
key's fingerprint, signed by an admin (saiken.services.vault.members). Counterparts learn the new
fingerprint the same way they learnt the first: on paper or by telephone, never by trusting a package that
announces it (docs/security.md: what `handover` builds on this).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from saiken.domain.errors import PermissionDeniedError, VaultError
from saiken.security import org_signature
from saiken.security.fingerprint import key_fingerprint, readable
from saiken.security.keyfile import KeyFile, Slot, load_keyfile, seal_org, unseal_org
from saiken.security.member_keys import (
    new_signing_key,
    signing_key_bytes,
    signing_key_from_bytes,
    signing_public_bytes,
)
from saiken.security.membership import Membership
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.vault import roster
from saiken.services.vault.slots import OrgKey

NOT_A_HOLDER = "組織の鍵で署名できるのは、取扱責任者と管理者だけです。"


def org_key_id(public_key: bytes) -> str:
    return key_fingerprint(public_key)


def new_org_key() -> tuple[OrgKey, bytes]:
    """A fresh organisation key: (its private half with its id, its public key)."""
    private = new_signing_key()
    public = signing_public_bytes(private)
    return OrgKey(org_key_id(public), signing_key_bytes(private)), public


def state_of(s: VaultSession) -> Membership:
    with read_session(s) as db:
        return roster.membership(db, s.vault_id)


def org_public_key(s: VaultSession) -> bytes:
    """The organisation's current public key (32 bytes), from the verified membership log. Any member."""
    return state_of(s).org_key


def org_fingerprint(s: VaultSession) -> str:
    """The current organisation key's fingerprint in groups to read aloud (`12345 67890 …`)."""
    return org_signature.fingerprint(org_public_key(s))


def genesis_fingerprint(s: VaultSession) -> str:
    """The founding statement's fingerprint in groups (printed on the recovery sheet)."""
    return readable(state_of(s).genesis)


def session_org_key(
    s: VaultSession, keyfile: KeyFile | None = None, state: Membership | None = None
) -> OrgKey | None:
    """The current organisation private key from the signed-in member's own slot, or None if not a holder."""
    signer = s.signer
    if signer is None:
        return None
    keyfile = keyfile or load_keyfile(s.folder)
    slot = keyfile.slot(slot_id=signer.principal)
    if not isinstance(slot, Slot):
        return None
    state = state or state_of(s)
    key_id = org_key_id(state.org_key)
    private = unseal_org(keyfile.vault_id, slot, signer.keys, key_id=key_id)
    return OrgKey(key_id, private) if private is not None else None


def _private(org: OrgKey) -> Ed25519PrivateKey:
    return signing_key_from_bytes(org.private)


def sign_as_organisation(
    s: VaultSession, data: bytes, *, work: Work | None = None, purpose: str = ""
) -> bytes:
    """The organisation's signature of `data` (saiken.security.org_signature; verify with
    `verify_organisation_signature`). Supervisors and admins only (PermissionDeniedError otherwise).
    Audited `org.sign` with the data's SHA-256 and size (never the data): inside `work` when the caller is
    already in a unit of work (a package export), else in one of its own."""
    state = state_of(s)
    member = state.member(s.signer.principal) if s.signer else None
    if member is None or not member.holds_org_key:
        raise PermissionDeniedError(NOT_A_HOLDER, hint="取扱責任者または管理者に依頼してください。")
    org = session_org_key(s, state=state)
    if org is None:
        raise VaultError(
            "あなたの鍵スロットにはまだ組織の鍵が入っていません。",
            hint="管理者がサインインすると渡されます。しばらくしてからもう一度試してください。",
        )
    signature = org_signature.sign(_private(org), data)
    details: dict[str, Any] = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "key": org.key_id[:16],
    }
    if purpose:
        details["purpose"] = purpose
    if work is not None:
        work.audit("org.sign", target_type="vault", target_id=s.vault_id, **details)
    else:
        with unit_of_work(s) as own:
            own.audit("org.sign", target_type="vault", target_id=s.vault_id, **details)
    return signature


verify_organisation_signature = org_signature.verify


def deliver(keyfile: KeyFile, state: Membership, org: OrgKey, master_key: bytes) -> list[str]:
    """Seal the current organisation key into every holder's slot that lacks it, and take it out of every
    slot whose member is no longer a holder. Returns the principals whose slots changed (save the file)."""
    changed: list[str] = []
    for slot in keyfile.slots():
        if not isinstance(slot, Slot):
            continue
        member = state.member(slot.id)
        holder = member is not None and member.holds_org_key and member.public == slot.public
        has = slot.org is not None and slot.org.key == org.key_id
        if holder and not has:
            keyfile.put_slot(
                seal_org(keyfile.vault_id, slot, key_id=org.key_id, org_private=org.private), master_key
            )
            changed.append(slot.id)
        elif not holder and slot.org is not None:
            keyfile.put_slot(replace(slot, org=None), master_key)
            changed.append(slot.id)
    return changed


__all__ = [
    "NOT_A_HOLDER",
    "deliver",
    "genesis_fingerprint",
    "new_org_key",
    "org_fingerprint",
    "org_key_id",
    "org_public_key",
    "session_org_key",
    "sign_as_organisation",
    "verify_organisation_signature",
]
