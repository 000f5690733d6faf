"""Where the handover services meet the vault's keys (saiken.services.vault, DESIGN §5 v2): the
organisation key that signs packages and certificates, the organisation-signed audit checkpoint a manifest
carries, and the members' own keys that sign custody-ledger entries. Everything key-related the handover
area needs goes through here.

- `organisation_identity(s)`: who we are in packages (name, role, the organisation's public key) — any
  member may know it.
- `organisation_signer(s)`: signing as the organisation, for supervisors and admins only (the vault refuses
  anyone else with PermissionDeniedError, checked here before anything is written). Its `sign` and
  `checkpoint` take the caller's unit of work, so that the vault's `org.sign` audit entries are written in
  the same transaction as the package or certificate they sign.
- Ledger entries are signed by the member who records them (`sign_ledger_entry`) and checked against the
  key the membership log gives that member (removed members included: what they signed still verifies).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from saiken.domain.errors import PermissionDeniedError
from saiken.security import org_signature
from saiken.security.ledger_chain import LedgerRecord, signed_bytes
from saiken.services import vault
from saiken.services.context import VaultSession, Work
from saiken.services.vault.org import NOT_A_HOLDER, state_of

PUBLIC_KEY_SIZE = 32
SIGNATURE_SEPARATOR = ":"  # a ledger entry's signature is stored as "<principal>:<hex>"


def fingerprint(public_key: bytes) -> str:
    """The fingerprint people compare on paper or read aloud (8 groups of 5 digits, as `saiken org
    fingerprint` and the vault's own screens show it)."""
    return org_signature.fingerprint(public_key)


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """An organisation signature of `data` by `public_key` (plain Ed25519)."""
    return vault.verify_organisation_signature(public_key, data, signature)


@dataclass(frozen=True)
class OrganisationIdentity:
    """This vault's organisation as packages name it."""

    name: str
    role: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


Sign = Callable[[bytes, Work | None], bytes]
Checkpoint = Callable[[Work | None], Mapping[str, Any]]


def _no_checkpoint(work: Work | None) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class OrganisationSigner:
    """What signing as the organisation needs: who we are, the signature (data, the unit of work that
    audits it), and the organisation-signed audit checkpoint the package or certificate carries."""

    identity: OrganisationIdentity
    sign: Sign
    checkpoint: Checkpoint = _no_checkpoint


def organisation_identity(s: VaultSession) -> OrganisationIdentity:
    """Our organisation's public identity, from the verified membership log (any member)."""
    return OrganisationIdentity(s.org_name, s.org_role, vault.org_public_key(s))


def organisation_signer(s: VaultSession) -> OrganisationSigner:
    """Signing as the organisation: only supervisors and admins hold the key. PermissionDeniedError for
    anyone else, raised here — before a package, a ledger entry or a certificate is begun."""
    state = state_of(s)
    member = state.member(s.signer.principal) if s.signer is not None else None
    if member is None or not member.holds_org_key:
        raise PermissionDeniedError(NOT_A_HOLDER, hint="取扱責任者または管理者に依頼してください。")
    identity = OrganisationIdentity(s.org_name, s.org_role, state.org_key)

    def sign(data: bytes, work: Work | None) -> bytes:
        return vault.sign_as_organisation(s, data, work=work, purpose="handover")

    def checkpoint(work: Work | None) -> Mapping[str, Any]:
        return vault.org_signed_checkpoint(s, work=work)

    return OrganisationSigner(identity, sign, checkpoint)


def checkpoint_text(checkpoint: object, public_key: bytes | None = None) -> str:
    """A checkpoint as a ledger and a certificate print it ("SEQ:HASH"). With `public_key`, only when that
    organisation key signed it (vault.verify_org_checkpoint); "" otherwise."""
    if not isinstance(checkpoint, Mapping) or not checkpoint:
        return ""
    if public_key is not None:
        anchor = vault.verify_org_checkpoint(dict(checkpoint), public_key)
        return anchor.checkpoint if anchor is not None else ""
    inner = checkpoint.get("checkpoint", checkpoint)
    if isinstance(inner, Mapping) and inner.get("seq") is not None and inner.get("head"):
        return f"{inner['seq']}:{inner['head']}"
    return ""


def signer_principal(s: VaultSession) -> str:
    """Who signs as the signed-in member ("u3", "recovery"): what a ledger entry names as its signer."""
    if s.signer is None:
        raise PermissionDeniedError("署名の鍵がありません。もう一度サインインしてください。")
    return s.signer.principal


def sign_ledger_entry(work: Work, entry_hash: str) -> tuple[str, str]:
    """(principal, "<principal>:<hex signature>") of the member recording a ledger entry."""
    signed = vault.sign_as_member(work.vault, signed_bytes(entry_hash))
    return signed.principal, f"{signed.principal}{SIGNATURE_SEPARATOR}{signed.signature.hex()}"


def ledger_signature_checker(s: VaultSession) -> Callable[[LedgerRecord], bool]:
    """A check of each entry's signature against the key the membership log gives its signer (removed
    members included)."""
    cache: dict[str, bytes | None] = {}

    def check(record: LedgerRecord) -> bool:
        principal, _, hex_signature = record.signature.partition(SIGNATURE_SEPARATOR)
        if not principal or principal != record.signer:
            return False
        if principal not in cache:
            cache[principal] = vault.member_public_key(s, principal)
        public = cache[principal]
        try:
            signature = bytes.fromhex(hex_signature)
        except ValueError:
            return False
        return public is not None and vault.verify_member_signature(
            public, signed_bytes(record.hash), signature
        )

    return check
