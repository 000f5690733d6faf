"""Writing the audit entries of one unit of work, at its end, inside its transaction (DESIGN §5).

Before anything is appended, the chain's last entry is compared with the head stored by the previous
transaction (`settings.audit_head`). When they differ — entries were cut off the end, or the head was
edited — the first entry written is `audit.head_mismatch`, carrying what was expected and what was found,
so the evidence enters the signed chain instead of being overwritten by the new head. Then every pending
entry is chained and signed with the session's member key; the last one carries the digest of the records
the transaction changed (saiken.services.record_digests), and those digests are stored under its seq.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from saiken.domain.errors import VaultError
from saiken.security.audit_chain import GENESIS, canonical_json, entry_hash, signing_bytes
from saiken.services import record_digests
from saiken.store.models import AuditEntry, Setting

if TYPE_CHECKING:
    from saiken.services.context import Work

AUDIT_HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class PendingEntry:
    """An audit entry waiting for the end of its unit of work (then chained, signed and written). Its
    sequence number is fixed when it is added: the unit of work holds the write lock (BEGIN IMMEDIATE), so
    nobody else appends in between."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    target_type: str | None
    target_id: str | None
    details: dict[str, Any]


def begin(session: Session) -> None:
    record_digests.begin(session)


def stored_head(session: Session) -> tuple[int, str] | None:
    """The head kept by the last transaction, or None when none is stored (or it cannot be read)."""
    value = session.scalar(select(Setting.value).where(Setting.key == AUDIT_HEAD_KEY))
    if value is None:
        return None
    try:
        head = json.loads(value)
        return int(head["count"]), str(head["hash"])
    except (ValueError, KeyError, TypeError):
        return (-1, "")


def chain_tail(session: Session) -> tuple[int, str]:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def _head_mismatch(work: Work, tail: tuple[int, str]) -> PendingEntry | None:
    head = stored_head(work.session)
    if head is None and tail[0] == 0:
        return None
    if head == tail:
        return None
    expected_count, expected_hash = head if head is not None else (None, None)
    return PendingEntry(
        seq=tail[0] + 1,
        at=work.vault.clock.now(),
        actor=work.vault.user.name,
        action="audit.head_mismatch",
        target_type="vault",
        target_id=work.vault.vault_id or None,
        details={
            "expected_count": expected_count,
            "expected_hash": expected_hash,
            "found_count": tail[0],
            "found_hash": tail[1],
        },
    )


def add_pending(work: Work, **entry: Any) -> PendingEntry:
    """Queue one entry of `work` with its sequence number. Before the first, the chain's end is compared
    with the stored head: a cut-off tail is recorded first (`audit.head_mismatch`)."""
    if work.vault.signer is None:
        raise VaultError("署名の鍵がないため、操作を記録できません。もう一度サインインしてください。")
    if not work.pending:
        work.tail = chain_tail(work.session)
        mismatch = _head_mismatch(work, work.tail)
        if mismatch is not None:
            work.pending.append(mismatch)
    pending = PendingEntry(seq=work.tail[0] + len(work.pending) + 1, **entry)
    work.pending.append(pending)
    return pending


def write_pending(work: Work) -> None:
    """Chain, sign and insert every pending entry of `work` (called by unit_of_work before it commits)."""
    session = work.session
    # Changes still held by the ORM (a `change_seq` stamped after the entry was made, say) reach the file
    # first: the digests are read through the raw connection, which sees only what was flushed.
    session.flush()
    changed = record_digests.baseline(session) if work.baseline else record_digests.collect(session)
    if not work.pending:
        return
    signer = work.vault.signer
    if signer is None:
        raise VaultError("署名の鍵がないため、操作を記録できません。もう一度サインインしてください。")
    entries = list(work.pending)
    work.pending.clear()
    seq, prev = work.tail
    if chain_tail(session) != work.tail:  # cannot happen under the write lock; never chain onto a guess
        raise VaultError("監査ログが操作の途中で変わりました。もう一度操作してください。")
    records = record_digests.records_digest(changed) if changed else None
    rows: list[dict[str, Any]] = []
    for index, pending in enumerate(entries):
        seq += 1
        assert pending.seq == seq
        carries = records if index == len(entries) - 1 else None
        fields: dict[str, Any] = {
            "seq": seq,
            "at": pending.at,
            "actor": pending.actor,
            "action": pending.action,
            "target_type": pending.target_type,
            "target_id": pending.target_id,
            "details": canonical_json(pending.details),
            "prev_hash": prev,
        }
        digest = entry_hash(**fields, signer=signer.principal, records=carries)
        signature = signer.keys.sign(signing_bytes(digest))
        rows.append(
            {
                **fields,
                "hash": digest,
                "signer": signer.principal,
                "signature": base64.b64encode(signature).decode("ascii"),
                "records": carries,
            }
        )
        prev = digest
    session.execute(insert(AuditEntry), rows)
    record_digests.store(session, seq, changed)
    session.merge(Setting(key=AUDIT_HEAD_KEY, value=json.dumps({"count": seq, "hash": prev})))
    session.flush()
