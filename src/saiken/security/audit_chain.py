"""The audit hash chain: each entry's hash covers its content and the previous entry's hash.

hash_n = SHA-256( canonical JSON of {seq, at, actor, action, target_type, target_id, details, prev} )
with prev = hash_{n-1} (64 zeros for the first). Canonical JSON: sorted keys, no spaces, UTF-8.
Editing, inserting, deleting or reordering any entry breaks the chain at that point; deleting entries at
the end is caught by comparing with a checkpoint (count and head hash) printed into packages, backups and
certificates, and by the `audit_head` setting kept in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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
) -> str:
    payload = {
        "seq": seq,
        "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "details": details,
        "prev": prev_hash,
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


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


@dataclass
class ChainReport:
    ok: bool
    count: int
    head_hash: str
    problems: list[str] = field(default_factory=list)

    @property
    def checkpoint(self) -> str:
        """What is printed on paper and into packages: entry count and head hash."""
        return f"{self.count}:{self.head_hash}"


def verify_chain(
    entries: Iterable[ChainEntry], *, expected_count: int | None = None, expected_head: str | None = None
) -> ChainReport:
    """Walk the chain in seq order. Problems name sequence numbers only (no content)."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    last_seq = 0
    for entry in entries:
        count += 1
        if entry.seq != last_seq + 1:
            problems.append(f"通番 {last_seq + 1} の後が {entry.seq} です（削除・挿入・並べ替えの疑い）。")
        if entry.prev_hash != prev:
            problems.append(
                f"通番 {entry.seq}: 前の記録とのつながりが切れています（削除・挿入・並べ替えの疑い）。"
            )
        recomputed = entry_hash(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            details=entry.details,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            problems.append(f"通番 {entry.seq}: 内容が書き換えられています。")
        prev = entry.hash
        last_seq = entry.seq
    if expected_count is not None and count < expected_count:
        problems.append(f"記録が {expected_count - count} 件足りません（末尾の削除の疑い）。")
    if expected_count is not None and count > expected_count:
        problems.append(f"記録が控えより {count - expected_count} 件多くなっています（末尾への挿入の疑い）。")
    if expected_head is not None and count and expected_head != prev and expected_count == count:
        problems.append("最新の記録が控えと一致しません。")
    return ChainReport(ok=not problems, count=count, head_hash=prev, problems=problems)
