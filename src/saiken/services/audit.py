"""The audit log for people: list and filter entries, verify the hash chain against the `audit_head`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select, text

from saiken.domain.clock import JST
from saiken.domain.roles import Capability
from saiken.security.audit_chain import ChainEntry, ChainReport, verify_chain
from saiken.services.audit_subjects import Subject, resolve
from saiken.services.context import AUDIT_HEAD_KEY, VaultSession, read_session
from saiken.store.models import AuditEntry

_CHAIN_SQL = (
    "SELECT seq, at, actor, action, target_type, target_id, details, prev_hash, hash "
    "FROM audit_log ORDER BY seq"
)
_HEAD_SQL = f"SELECT value FROM settings WHERE key = '{AUDIT_HEAD_KEY}'"


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    target_type: str | None
    target_id: str | None
    details: dict[str, Any]
    # what the target and the id-bearing details name, for people (`services.audit_subjects`)
    subjects: dict[str, tuple[Subject, ...]] = field(default_factory=dict)


def _row(entry: AuditEntry) -> AuditRow:
    try:
        details = json.loads(entry.details)
    except ValueError:
        details = {}
    return AuditRow(
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.target_type,
        entry.target_id,
        details if isinstance(details, dict) else {},
    )


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=JST)


def list_entries(
    s: VaultSession,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Newest first. `since`/`until` are Japanese calendar days, both included."""
    s.require(Capability.READ_AUDIT)
    query = select(AuditEntry).order_by(AuditEntry.seq.desc())
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action:
        query = query.where(AuditEntry.action == action)
    # `at` is stored as sortable UTC ISO text; compare with the same representation.
    if since is not None:
        query = query.where(AuditEntry.at >= _day_start(since))
    if until is not None:
        query = query.where(AuditEntry.at < _day_start(until + dt.timedelta(days=1)))
    with read_session(s) as session:
        rows = [_row(e) for e in session.scalars(query.limit(max(0, limit)).offset(max(0, offset)))]
        named = resolve(session, rows)
    return [replace(row, subjects=subjects) for row, subjects in zip(rows, named, strict=True)]


def actions(s: VaultSession) -> list[str]:
    s.require(Capability.READ_AUDIT)
    with read_session(s) as session:
        return sorted(session.scalars(select(AuditEntry.action).distinct()))


def count_entries(s: VaultSession) -> int:
    s.require(Capability.READ_AUDIT)
    with read_session(s) as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _entries(rows: Iterable[Any]) -> Iterable[ChainEntry]:
    for seq, at, actor, action, target_type, target_id, details, prev_hash, digest in rows:
        yield ChainEntry(
            int(seq),
            dt.datetime.fromisoformat(at),
            actor,
            action,
            target_type,
            target_id,
            details,
            prev_hash,
            digest,
        )


def verify_rows(execute: Callable[[str], Any]) -> ChainReport:
    """Verify the chain read with `execute(sql) -> rows` (an ORM connection or a raw sqlcipher3 one)."""
    head_row = execute(_HEAD_SQL).fetchone()
    expected_count = expected_head = None
    problems: list[str] = []
    if head_row is not None:
        try:
            head = json.loads(head_row[0])
            expected_count, expected_head = int(head["count"]), str(head["hash"])
        except (ValueError, KeyError, TypeError):
            problems.append("最新記録の控え（audit_head）が読めません。")
    try:
        report = verify_chain(
            _entries(execute(_CHAIN_SQL)), expected_count=expected_count, expected_head=expected_head
        )
    except (ValueError, TypeError):
        return ChainReport(ok=False, count=0, head_hash="", problems=["監査ログの記録の形が壊れています。"])
    report.problems[:0] = problems
    report.ok = not report.problems
    return report


def verify(s: VaultSession) -> ChainReport:
    """Walk the whole chain and compare the tail with the `audit_head` kept in the same transactions."""
    s.require(Capability.READ_AUDIT)
    with s.require_open().connect() as connection:
        return verify_rows(lambda sql: connection.execute(text(sql)))
