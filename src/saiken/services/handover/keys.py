"""Where the handover services meet the vault's keys (branch trust, issue 6): the organisation key that
signs packages and certificates, the signed audit checkpoint a manifest carries, and the members' keys
that sign custody-ledger entries. Everything key-related the handover area needs goes through here.

The export and import flows take an `OrganisationSigner` / `OrganisationIdentity`; `organisation_signer(s)`
and `organisation_identity(s)` make them from the vault's organisation key once branch trust provides it
(`org_public_key`, `sign_as_organisation`, the checkpoint service — not on main yet; until then they raise
VaultError). Ledger entries are chained now and will carry the recording member's signature with trust.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from saiken.domain.errors import VaultError
from saiken.security.ledger_chain import LedgerRecord
from saiken.services.context import VaultSession, Work

PUBLIC_KEY_SIZE = 32


def fingerprint(public_key: bytes) -> str:
    """A fingerprint a person can read aloud: SHA-256 of the raw key, 160 bits in base32, groups of 4."""
    text = base64.b32encode(hashlib.sha256(public_key).digest()[:20]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class OrganisationIdentity:
    """This vault's organisation as packages name it."""

    name: str
    role: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


@dataclass(frozen=True)
class OrganisationSigner:
    """What signing as the organisation needs: who we are, the signature, and the signed audit checkpoint
    the package or certificate carries."""

    identity: OrganisationIdentity
    sign: Callable[[bytes], bytes]
    checkpoint: Callable[[], Mapping[str, Any]] = dict  # the signed audit checkpoint as of now


_PENDING = VaultError(
    "この金庫にはまだ組織の鍵がありません（金庫の信頼機能の更新が必要です）。",
    hint="債権デスクを更新してから、取扱責任者がもう一度操作してください。",
)


def organisation_identity(s: VaultSession) -> OrganisationIdentity:
    """Our organisation's public identity (any member may know it)."""
    raise _PENDING


def organisation_signer(s: VaultSession) -> OrganisationSigner:
    """Signing as the organisation: only supervisors and admins hold the key (PermissionDeniedError)."""
    raise _PENDING


def sign_ledger_entry(work: Work, entry_hash: str) -> str:
    """The recording member's signature of a ledger entry's hash (hex); "" until member keys exist."""
    return ""


def ledger_signature_checker(session: Session) -> Callable[[LedgerRecord], bool]:
    """A check of each entry's signature against the key its signer held when it was recorded."""

    def check(record: LedgerRecord) -> bool:
        return record.signature == ""

    return check
