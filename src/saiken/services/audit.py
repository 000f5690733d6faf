"""The audit log for people: list and filter entries; verify the chain, the signatures, each signer's right at
the time (from the signed membership log), the stored head, a printed checkpoint, and the records."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.security.audit_chain import ChainEntry, ChainReport
from saiken.security.audit_verify import Checkpoint, verify_audit
from saiken.security.membership import SignedStatement, parse_statement
from saiken.services.audit_subjects import Subject, resolve
from saiken.services.context import AUDIT_HEAD_KEY, VaultSession, read_session
from saiken.services.record_digests import check_records, raw_connection, records_digest
from saiken.store.models import AuditEntry

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


TABLE_LABELS = {
    "debtors": "債務者",
    "claims": "債権",
    "receipt_tranches": "受入",
    "payments": "入金",
    "negotiation_records": "交渉記録",
    "instalment_plans": "分納計画",
    "instalment_rows": "分納の回",
    "inquiries": "照会",
    "documents_sent": "送付文書",
    "attachments": "添付ファイル",
    "tags": "タグ",
    "debtor_tags": "債務者のタグ",
    "engagements": "受託案件",
    "saved_conditions": "保存した条件",
    "settings": "設定",
    "users": "利用者",
    "businesses": "事業者",
    "consultants": "相談員",
    "consultations": "相談記録",
    "bookings": "相談予約",
    "seminars": "セミナー",
    "seminar_applications": "セミナーの申込",
    "advisors": "専門家",
    "dispatches": "専門家派遣",
    "dispatch_nights": "派遣の宿泊",
    "letter_templates": "文書のひな形",
    "letter_batches": "文書の作成",
    "organisations": "相手方",
    "custody_ledger": "管理簿",
    "media": "媒体",
    "erasure_certificates": "消去証明書",
}
_KINDS = {
    "changed": "アプリの外で変更されています",
    "added": "アプリの外で追加されています",
    "deleted": "アプリの外で削除されています",
}
_CHAIN_COLUMNS = "seq, at, actor, action, target_type, target_id, details, prev_hash, hash"


def _entries(rows: Iterable[Any], signed: bool, carried: dict[int, str]) -> Iterable[ChainEntry]:
    for row in rows:
        seq, at, actor, action, target_type, target_id, details, prev_hash, digest = row[:9]
        signer, signature, records = row[9:12] if signed else (None, None, None)
        if records is not None:
            carried[int(seq)] = str(records)
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
            signer=signer,
            signature=None if signature is None else base64.b64decode(signature),
            records=records,
        )


def _head(raw: Any, problems: list[str]) -> tuple[int | None, str | None]:
    row = raw.execute(_HEAD_SQL).fetchone()
    if row is None:
        return None, None
    try:
        head = json.loads(row[0])
        return int(head["count"]), str(head["hash"])
    except (ValueError, KeyError, TypeError):
        problems.append("最新記録の控え（audit_head）が読めません。")
        return None, None


def _statements(raw: Any, problems: list[str]) -> list[SignedStatement]:
    statements: list[SignedStatement] = []
    for seq, text, signature in raw.execute(
        "SELECT seq, statement, signature FROM membership_log ORDER BY seq"
    ):
        try:
            statements.append(parse_statement(text, signature))
        except (ValueError, KeyError, TypeError):
            problems.append(f"利用者名簿の記録 {seq} が壊れているか、書き換えられています。")
            break
    return statements


def _record_problems(raw: Any, carried: dict[int, str]) -> list[str]:
    problems: list[str] = []
    by_seq: dict[int, list[tuple[str, int, str]]] = {}
    for table, row_id, seq, digest in raw.execute("SELECT tbl, row_id, seq, digest FROM record_digests"):
        by_seq.setdefault(int(seq), []).append((str(table), int(row_id), str(digest)))
    for seq in sorted(set(by_seq) | set(carried)):
        if seq not in carried or seq not in by_seq or records_digest(by_seq[seq]) != carried[seq]:
            problems.append(
                f"通番 {seq}: 記録ごとの控え（record_digests）が署名と一致しません（書き換えの疑い）。"
            )
    for problem in check_records(raw):
        problems.append(f"{record_subject(raw, problem.table, problem.row_id)}: {_KINDS[problem.kind]}。")
    return problems


def record_subject(raw: Any, table: str, row_id: int) -> str:
    """How a supervisor finds a record named by `vault check` / `audit verify --records`: a debtor by its
    management number, a debtor's payment, record or document with that debtor's number, anything else
    (or a row that is gone) by its kind and record number. Never a name: the output may be printed."""
    label = TABLE_LABELS.get(table, table)
    columns = {str(row[1]) for row in raw.execute(f'PRAGMA table_info("{table.replace(chr(34), "")}")')}
    number = None
    if table == "debtors":
        number = raw.execute("SELECT management_no FROM debtors WHERE id = ?", (row_id,)).fetchone()
    elif "debtor_id" in columns:
        number = raw.execute(
            f'SELECT d.management_no FROM "{table}" AS t JOIN debtors AS d ON d.id = t.debtor_id '
            "WHERE t.rowid = ?",
            (row_id,),
        ).fetchone()
    if number is not None and number[0]:
        return (
            f"債務者 {number[0]}"
            if table == "debtors"
            else f"{label}（債務者 {number[0]}、記録番号 {row_id}）"
        )
    return f"{label}（記録番号 {row_id}）"


def verify_raw(
    raw: Any, *, checkpoint: Checkpoint | None = None, genesis_pin: str | None = None, records: bool = False
) -> ChainReport:
    """Verify the audit log of the database behind the DB-API connection `raw` (ours inside a read
    transaction, or a backup's): chain, signatures, rights from the membership log, the stored head, an
    optional printed checkpoint, and with `records` every record against its last recorded digest."""
    problems: list[str] = []
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected_count, expected_head = _head(raw, problems)
    vault_row = raw.execute("SELECT value FROM settings WHERE key = 'vault_id'").fetchone()
    signed = "signer" in {row[1] for row in raw.execute("PRAGMA table_info(audit_log)")}
    statements = _statements(raw, problems) if "membership_log" in tables else []
    carried: dict[int, str] = {}
    columns = _CHAIN_COLUMNS + (", signer, signature, records" if signed else "")
    try:
        report, _ = verify_audit(
            _entries(raw.execute(f"SELECT {columns} FROM audit_log ORDER BY seq"), signed, carried),
            statements,
            vault_id=str(vault_row[0]) if vault_row else "",
            genesis_pin=genesis_pin,
            expected_count=expected_count,
            expected_head=expected_head,
            checkpoint=checkpoint,
        )
    except (ValueError, TypeError, binascii.Error):
        return ChainReport(ok=False, count=0, head_hash="", problems=["監査ログの記録の形が壊れています。"])
    report.problems[:0] = problems
    if records:
        if "record_digests" not in tables:
            report.problems.append("この金庫には記録ごとの控えがありません（旧形式のまま）。")
        else:
            report.problems += _record_problems(raw, carried)
    report.ok = not report.problems
    return report


def verify(
    s: VaultSession, *, checkpoint: Checkpoint | str | None = None, records: bool = False
) -> ChainReport:
    """Walk the whole chain (signatures and signers' rights at the time included) and compare its end with
    the head kept in the same transactions, and with `checkpoint` ("SEQ:HASH") when given; `records` also
    names every record changed outside the application."""
    s.require(Capability.READ_AUDIT)
    if isinstance(checkpoint, str):
        try:
            checkpoint = Checkpoint.parse(checkpoint)
        except ValueError:
            raise ValidationError(
                "チェックポイントは「通番:ハッシュ」の形で指定してください（例: 120:3f5a…、ハッシュは 64 桁）。"
            ) from None
    with read_session(s) as db:
        return verify_raw(
            raw_connection(db), checkpoint=checkpoint, genesis_pin=s.genesis or None, records=records
        )
