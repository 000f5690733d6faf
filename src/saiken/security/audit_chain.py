"""The audit hash chain: each entry's hash covers its content and the previous entry's hash.

Format 2 (signed, from the vault's founding or its upgrade on):
    hash_n = SHA-256( canonical JSON of {v: 2, seq, at, actor, action, target_type, target_id, details,
                      prev, signer, records} )
    signature_n = Ed25519(signer's key, "saiken audit v2" 0x00 || hash_n as 32 bytes)
`signer` is the acting member's principal id ("u3", "recovery"); `records` is the digest of the records the
entry's transaction changed, as they are after it (saiken.services.record_digests), or null.
Format 1 (entries written before the upgrade, unsigned):
    hash_n = SHA-256( canonical JSON of {seq, at, actor, action, target_type, target_id, details, prev} )
Canonical JSON: sorted keys, no spaces, UTF-8. Editing, inserting, deleting or reordering any entry breaks
the chain at that point; a forged entry has no valid signature; deleting entries at the end is caught by the
stored head checked before anything is appended, and by signed checkpoints kept outside the database
(saiken.security.anchor). Verification with signatures and rights: saiken.security.audit_verify.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64
_SIGNING_LABEL = b"saiken audit v2\x00"


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _at(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    target_type: str | None,
    target_id: str | None,
    details: str,
    prev_hash: str,
    signer: str | None = None,
    records: str | None = None,
) -> str:
    """The entry's hash: format 2 when it has a signer, format 1 (legacy, unsigned) when not."""
    payload: dict[str, Any] = {
        "seq": seq,
        "at": _at(at),
        "actor": actor,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "details": details,
        "prev": prev_hash,
    }
    if signer is not None:
        payload.update(v=2, signer=signer, records=records)
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def signing_bytes(entry_hash_hex: str) -> bytes:
    """What the signer signs for an entry: a label and the 32-byte hash."""
    return _SIGNING_LABEL + bytes.fromhex(entry_hash_hex)


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    target_type: str | None
    target_id: str | None
    details: str
    prev_hash: str
    hash: str
    signer: str | None = None
    signature: bytes | None = None
    records: str | None = None

    def recomputed_hash(self) -> str:
        return entry_hash(
            seq=self.seq,
            at=self.at,
            actor=self.actor,
            action=self.action,
            target_type=self.target_type,
            target_id=self.target_id,
            details=self.details,
            prev_hash=self.prev_hash,
            signer=self.signer,
            records=self.records,
        )

    def details_dict(self) -> dict[str, Any]:
        try:
            value = json.loads(self.details)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


@dataclass
class ChainReport:
    ok: bool
    count: int
    head_hash: str
    problems: list[str] = field(default_factory=list)
    signed: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def checkpoint(self) -> str:
        """What is printed on paper and into packages: entry count (= last seq) and head hash."""
        return f"{self.count}:{self.head_hash}"


def head_problems(
    count: int, head: str, *, expected_count: int | None, expected_head: str | None
) -> list[str]:
    """The chain's end against a stored or printed head (count and hash)."""
    problems: list[str] = []
    if expected_count is not None and count < expected_count:
        problems.append(f"記録が {expected_count - count} 件足りません（末尾の削除の疑い）。")
    if expected_count is not None and count > expected_count:
        problems.append(f"記録が控えより {count - expected_count} 件多くなっています（末尾への挿入の疑い）。")
    if expected_head is not None and count and expected_count == count and expected_head != head:
        problems.append("最新の記録が控えと一致しません。")
    return problems
