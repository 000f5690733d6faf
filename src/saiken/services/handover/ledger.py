"""The custody ledger (管理簿): one per vault, every movement of a medium or a password notice.

Export and import write their entries themselves (prepared, verified, received) in their own transaction;
people record the rest (handed over, notice handed over or received, returned, destroyed) with
`record_event`. Entries are hash-chained (`security.ledger_chain`) and carry the recording member's
signature; the head (count and hash) is kept in the same transaction, so a cut-off tail is found.
A password notice recorded on the same occasion as its medium is flagged and the caller gets a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain import custody
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.roles import Capability
from saiken.security.audit_chain import GENESIS
from saiken.security.ledger_chain import LedgerRecord, LedgerReport, ledger_hash, verify_ledger
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.handover import keys
from saiken.store.models import LedgerEntry, Medium, Organisation, Setting, User

LEDGER_HEAD_KEY = "custody_ledger_head"
PERSON_MAX = 128
NOTE_MAX = 1000


@dataclass(frozen=True)
class LedgerRow:
    seq: int
    at: dt.datetime
    event: str
    event_label: str
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
    hash: str


@dataclass(frozen=True)
class RecordedEvent:
    row: LedgerRow
    medium_status: str
    warning: str | None  # the same-occasion warning, when it applies


@dataclass(frozen=True)
class OpenMediumRow:
    medium_id: str
    kind: str
    direction: str
    status: str
    status_label: str
    counterpart: str
    package_id: str
    opened_at: dt.datetime
    age_days: int
    engagement_id: int | None


def _row(entry: LedgerEntry) -> LedgerRow:
    return LedgerRow(
        seq=entry.seq,
        at=entry.at,
        event=entry.event,
        event_label=custody.EVENT_LABELS.get(entry.event, entry.event),
        medium_id=entry.medium_id,
        medium_kind=entry.medium_kind,
        package_id=entry.package_id,
        content=entry.content,
        records=entry.records,
        files=entry.files,
        media=entry.media,
        handler=entry.handler,
        counterpart_org=entry.counterpart_org,
        counterpart_person=entry.counterpart_person,
        fingerprint=entry.fingerprint,
        counterpart_checkpoint=entry.counterpart_checkpoint,
        note=entry.note,
        same_occasion=entry.same_occasion,
        hash=entry.hash,
    )


def _record(entry: LedgerEntry) -> LedgerRecord:
    names = [f.name for f in dataclasses.fields(LedgerRecord)]
    return LedgerRecord(**{name: getattr(entry, name) for name in names})


def append_entry(
    work: Work,
    *,
    event: str,
    at: dt.datetime | None = None,
    engagement_id: int | None = None,
    medium_id: str = "",
    medium_kind: str = "",
    package_id: str = "",
    content: str = "",
    records: int = 0,
    files: int = 0,
    media: int = 0,
    counterpart_org: str = "",
    counterpart_person: str = "",
    fingerprint: str = "",
    counterpart_checkpoint: str = "",
    note: str = "",
    same_occasion: bool = False,
) -> LedgerEntry:
    """Append one chained, signed entry in the caller's transaction and move the stored head."""
    if event not in custody.EVENTS:
        raise ValueError(event)
    session = work.session
    last = session.execute(
        select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    now = work.vault.clock.now()
    record = LedgerRecord(
        seq=seq,
        at=at or now,
        recorded_at=now,
        event=event,
        engagement_id=engagement_id,
        medium_id=medium_id,
        medium_kind=medium_kind,
        package_id=package_id,
        content=content,
        records=records,
        files=files,
        media=media,
        handler=work.vault.user.name,
        counterpart_org=counterpart_org,
        counterpart_person=counterpart_person,
        fingerprint=fingerprint,
        counterpart_checkpoint=counterpart_checkpoint,
        note=note,
        same_occasion=same_occasion,
        signer=work.vault.user.name,
        prev_hash=prev,
    )
    digest = ledger_hash(record)
    signature = keys.sign_ledger_entry(work, digest)
    entry = LedgerEntry(**dataclasses.asdict(dataclasses.replace(record, hash=digest, signature=signature)))
    session.add(entry)
    session.merge(Setting(key=LEDGER_HEAD_KEY, value=json.dumps({"count": seq, "hash": digest})))
    session.flush()
    return entry


def open_medium(
    work: Work,
    *,
    medium_id: str,
    kind: str,
    direction: str,
    status: str,
    engagement_id: int | None,
    counterpart_id: int | None,
    package_id: str | None,
) -> Medium:
    """A new medium in the ledger's media list; a label already used is refused (labels are unique)."""
    medium_id = custody.check_medium_id(medium_id)
    custody.check_medium_kind(kind)
    if work.session.scalar(select(Medium.id).where(Medium.medium_id == medium_id)) is not None:
        raise ValidationError(
            f"媒体番号「{medium_id}」は既に管理簿にあります。",
            hint="新しい媒体には新しい番号を付けてください。",
        )
    medium = Medium(
        medium_id=medium_id,
        kind=kind,
        direction=direction,
        engagement_id=engagement_id,
        counterpart_id=counterpart_id,
        package_id=package_id,
        status=status,
        opened_at=work.vault.clock.now(),
    )
    work.session.add(medium)
    work.session.flush()
    return medium


def medium_or_404(session: Session, medium_id: str) -> Medium:
    medium = session.scalar(select(Medium).where(Medium.medium_id == medium_id))
    if medium is None:
        raise NotFoundError(f"媒体番号「{medium_id}」は管理簿にありません。番号を確かめてください。")
    return medium


def _counterpart_name(session: Session, counterpart_id: int | None) -> str:
    org = session.get(Organisation, counterpart_id) if counterpart_id else None
    return org.name if org else ""


def _same_occasion(session: Session, medium: Medium, event: str, at: dt.datetime, person: str) -> bool:
    """Whether this handover of a medium or of its notice falls on the occasion of the other one."""
    others: tuple[str, ...]
    if event in custody.NOTICE_EVENTS:
        others = (custody.HANDED_OVER, custody.RECEIVED)
    elif event in (custody.HANDED_OVER, custody.RECEIVED):
        others = tuple(custody.NOTICE_EVENTS)
    else:
        return False
    earlier = session.execute(
        select(LedgerEntry.at, LedgerEntry.counterpart_person).where(
            LedgerEntry.medium_id == medium.medium_id, LedgerEntry.event.in_(others)
        )
    ).all()
    mine = custody.Occasion(at, person)
    return any(custody.same_occasion(mine, custody.Occasion(when, who)) for when, who in earlier)


SAME_OCCASION_WARNING = (
    "媒体とパスワード通知書が同じ機会（同じ日、または同じ相手に 1 時間以内）に受け渡されています。"
    "別の機会に受け渡すきまりです。管理簿に※印で記録しました。取扱責任者に報告してください。"
)


def record_event(
    s: VaultSession,
    *,
    medium_id: str,
    event: str,
    at: dt.datetime | None = None,
    counterpart_person: str = "",
    note: str = "",
) -> RecordedEvent:
    """Record a handover, a notice handover or receipt, a return or a destruction of a medium."""
    s.require(Capability.EDIT)
    if event not in custody.EVENTS or event in (custody.PREPARED, custody.VERIFIED):
        raise ValidationError(
            "記録できる区分は 引渡し・受領・通知書引渡し・通知書受領・返却・廃棄・消去 です。"
        )
    person = " ".join(str(counterpart_person or "").split())
    if len(person) > PERSON_MAX or len(note) > NOTE_MAX:
        raise ValidationError("相手方の担当者は 128 文字、備考は 1000 文字までです。")
    when = at or s.clock.now()
    if when.tzinfo is None:
        raise ValidationError("日時にはタイムゾーンが必要です。")
    if when > s.clock.now() + dt.timedelta(minutes=5):
        raise ValidationError("未来の日時は記録できません。日時を確かめてください。")
    with unit_of_work(s) as work:
        medium = medium_or_404(work.session, custody.check_medium_id(medium_id))
        if event in custody.NOTICE_EVENTS:
            if not custody.is_open(medium.status):
                raise ValidationError("返却・廃棄・消去が済んだ媒体の通知書は記録できません。")
            status = medium.status
            kind, content = "紙", f"パスワード通知書（媒体 {medium.medium_id}）"
        else:
            if event == custody.RECEIVED:
                raise ValidationError("受領は、パッケージを取り込むときに自動で記録されます。")
            status = custody.next_status(medium.status, event)
            kind, content = medium.kind, f"媒体 {medium.medium_id}"
        same = _same_occasion(work.session, medium, event, when, person)
        entry = append_entry(
            work,
            event=event,
            at=when,
            engagement_id=medium.engagement_id,
            medium_id=medium.medium_id,
            medium_kind=kind,
            package_id=medium.package_id or "",
            content=content,
            media=1 if event not in custody.NOTICE_EVENTS else 0,
            counterpart_org=_counterpart_name(work.session, medium.counterpart_id),
            counterpart_person=person,
            note=note,
            same_occasion=same,
        )
        medium.status = status
        if not custody.is_open(status):
            medium.closed_at = when
        work.audit(f"ledger.{event}", target_type="medium", target_id=medium.id, seq=entry.seq)
        return RecordedEvent(_row(entry), status, SAME_OCCASION_WARNING if same else None)


def list_ledger(s: VaultSession) -> list[LedgerRow]:
    """Every entry, oldest first (the ledger has no personal data of debtors; reading it is not audited)."""
    s.require(Capability.READ)
    with read_session(s) as session:
        return [_row(e) for e in session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))]


def open_media(s: VaultSession) -> list[OpenMediumRow]:
    """Every medium not yet returned, destroyed or erased, oldest first, with its age in days."""
    s.require(Capability.READ)
    today = s.clock.today()
    with read_session(s) as session:
        media = session.scalars(
            select(Medium)
            .where(Medium.status.not_in(tuple(custody.CLOSING_EVENTS)))
            .order_by(Medium.opened_at)
        ).all()
        return [
            OpenMediumRow(
                medium_id=m.medium_id,
                kind=m.kind,
                direction="送付" if m.direction == "out" else "受領",
                status=m.status,
                status_label=custody.STATUS_LABELS.get(m.status, m.status),
                counterpart=_counterpart_name(session, m.counterpart_id),
                package_id=m.package_id or "",
                opened_at=m.opened_at,
                age_days=custody.age_days(m.opened_at, today),
                engagement_id=m.engagement_id,
            )
            for m in media
        ]


def verify(s: VaultSession) -> LedgerReport:
    """Check the chain, every signature and the stored head."""
    s.require(Capability.READ)
    with read_session(s) as session:
        head = session.get(Setting, LEDGER_HEAD_KEY)
        expected: dict[str, object] = json.loads(head.value) if head else {"count": 0, "hash": GENESIS}
        entries = [_record(e) for e in session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))]
        checker = keys.ledger_signature_checker(session)
        return verify_ledger(
            entries,
            signature_ok=checker,
            expected_count=int(str(expected["count"])),
            expected_head=str(expected["hash"]),
        )


def display_names(session: Session) -> dict[str, str]:
    return {
        name: (display or name) for name, display in session.execute(select(User.name, User.display_name))
    }


def export_path_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("管理簿の出力先は .pdf か .xlsx のファイル名にしてください。")
    return suffix[1:]
