"""Signatures other areas make with the vault's keys (`handover`'s custody ledger and packages, `letters`'
printed documents): a member's own signature over data, the checkpoint signed for a counterpart, and the
helpers to verify both. DESIGN §5 and §6; contract in docs/services.md §Vault trust.

- Member signatures are labelled ("saiken member data v1" 0x00 || data) so that no data an area signs can
  ever be taken for a membership statement, an audit entry or an anchor signed with the same key.
- A checkpoint for a counterpart is signed with the organisation key (they know that key, not our members'),
  so only a supervisor or an admin makes one; it is what a package manifest embeds.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from saiken.domain.errors import VaultError
from saiken.security.anchor import Anchor
from saiken.security.audit_chain import canonical_json
from saiken.security.member_keys import verify_signature
from saiken.services.context import VaultSession, Work
from saiken.services.vault.anchors import signed_checkpoint
from saiken.services.vault.org import sign_as_organisation, state_of, verify_organisation_signature

MEMBER_LABEL = b"saiken member data v1\x00"


@dataclass(frozen=True)
class MemberSignature:
    principal: str  # "u3", "recovery": who signed (look the key up with member_public_key)
    signature: bytes


def sign_as_member(s: VaultSession, data: bytes) -> MemberSignature:
    """The signed-in member's Ed25519 signature of `data` (any member). Not audited by itself: the caller's
    action is (the custody ledger entry it signs is written in the caller's unit of work)."""
    if s.signer is None:
        raise VaultError("署名の鍵がありません。もう一度サインインしてください。")
    return MemberSignature(s.signer.principal, s.signer.keys.sign(MEMBER_LABEL + data))


def member_public_key(s: VaultSession, principal: str) -> bytes | None:
    """The Ed25519 public key `principal` signs with, by the verified membership log (removed members
    included: what they signed while members still verifies), or None when the log does not know them."""
    member = state_of(s).member(principal)
    return member.public.ed25519 if member is not None and member.public is not None else None


def verify_member_signature(public_key: bytes, data: bytes, signature: bytes) -> bool:
    return verify_signature(public_key, MEMBER_LABEL + data, signature)


def org_signed_checkpoint(s: VaultSession, *, work: Work | None = None) -> dict[str, Any]:
    """The vault's current checkpoint (`signed_checkpoint`) with the organisation's signature over it, for a
    package manifest: {"checkpoint": {...}, "org_signature": base64}. Supervisors and admins only
    (PermissionDeniedError); audited `org.sign` (in `work` when given)."""
    anchor = signed_checkpoint(s)
    payload = anchor.to_json()
    signature = sign_as_organisation(
        s, canonical_json(payload).encode("utf-8"), work=work, purpose="checkpoint"
    )
    return {"checkpoint": payload, "org_signature": base64.b64encode(signature).decode("ascii")}


def verify_org_checkpoint(data: object, org_public_key: bytes) -> Anchor | None:
    """A counterpart's checkpoint (as `org_signed_checkpoint` made it) when their organisation key signed
    it, else None. `anchor.checkpoint` is the "SEQ:HASH" their ledger keeps."""
    if not isinstance(data, dict):
        return None
    try:
        payload = data["checkpoint"]
        signature = base64.b64decode(str(data["org_signature"]).encode("ascii"), validate=True)
        anchor = Anchor.from_json(payload)
    except (KeyError, ValueError, binascii.Error):
        return None
    if not verify_organisation_signature(org_public_key, canonical_json(payload).encode("utf-8"), signature):
        return None
    return anchor


__all__ = [
    "MemberSignature",
    "member_public_key",
    "org_signed_checkpoint",
    "sign_as_member",
    "verify_member_signature",
    "verify_org_checkpoint",
]
