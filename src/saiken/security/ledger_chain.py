"""The custody ledger's hash chain (管理簿): each entry's hash covers every field and the previous hash, and
the member who recorded it signs that hash with their Ed25519 key.

hash_n = SHA-256(canonical JSON of the entry's fields with prev = hash_{n-1}; 64 zeros for the first).
Changing, inserting, deleting or reordering an entry breaks the chain there; a signature that does not
verify with the signer's key names the entry; a cut-off tail is found against the stored head (count and
hash) or a printed checkpoint. Problems name sequence numbers only, never content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from saiken.security.audit_chain import GENESIS, canonical_json


@dataclass(frozen=True)
class LedgerRecord:
    seq: int
    at: dt.datetime
    recorded_at: dt.datetime
    event: str
    engagement_id: int | None
    medium_id: str
    medium_kind: str
    package_id: str
    content: str
    records: int
    files: int
    media: int
    handler: str
    counterpart_org: str
    counterpart_person: str
    fingerprint: str
    counterpart_checkpoint: str
    note: str
    same_occasion: bool
    signer: str
    prev_hash: str
    hash: str = ""
    signature: str = ""


def _instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def ledger_hash(record: LedgerRecord) -> str:
    """The hash of every field but `hash` and `signature` (the signature signs this hash)."""
    payload = dataclasses.asdict(record)
    payload.pop("hash")
    payload.pop("signature")
    payload["at"] = _instant(record.at)
    payload["recorded_at"] = _instant(record.recorded_at)
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def signed_bytes(entry_hash: str) -> bytes:
    """What the recording member signs: a domain-separated form of the entry's hash."""
    return f"saiken-desk/custody-ledger/v1:{entry_hash}".encode("ascii")


@dataclass
class LedgerReport:
    ok: bool
    count: int
    head_hash: str
    problems: list[str] = field(default_factory=list)

    @property
    def checkpoint(self) -> str:
        return f"{self.count}:{self.head_hash}"


SignatureCheck = Callable[[LedgerRecord], bool]


def verify_ledger(
    records: Iterable[LedgerRecord],
    *,
    signature_ok: SignatureCheck,
    expected_count: int | None = None,
    expected_head: str | None = None,
) -> LedgerReport:
    """Walk the ledger in seq order; `signature_ok(record)` checks the record's signature with the key its
    signer held when it was recorded."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    last_seq = 0
    for record in records:
        count += 1
        if record.seq != last_seq + 1:
            problems.append(f"管理簿の通番 {last_seq + 1} の後が {record.seq} です（削除・挿入の疑い）。")
        if record.prev_hash != prev:
            problems.append(f"管理簿の通番 {record.seq}: 前の記載とのつながりが切れています。")
        if ledger_hash(record) != record.hash:
            problems.append(f"管理簿の通番 {record.seq}: 内容が書き換えられています。")
        elif not signature_ok(record):
            problems.append(f"管理簿の通番 {record.seq}: 記載者の署名が一致しません。")
        prev = record.hash
        last_seq = record.seq
    if expected_count is not None and count != expected_count:
        problems.append(
            f"管理簿の記載が控え（{expected_count} 件）と {count} 件で一致しません（削除の疑い）。"
        )
    elif expected_head is not None and count and expected_head != prev:
        problems.append("管理簿の最新の記載が控えと一致しません。")
    return LedgerReport(ok=not problems, count=count, head_hash=prev, problems=problems)
