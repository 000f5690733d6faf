"""Negotiation records (交渉記録): add, correct (a new version; the old one stays, superseded) and history.

DESIGN §4 convention 5: a correction never overwrites. Every version shares the record's `record_key`;
exactly one version per key is current (`superseded = False`).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.debtors.common import (
    MAX_TEXT,
    check_amount,
    check_choice,
    check_date,
    check_moment,
    check_text,
    debtor_or_404,
    get_or_404,
    record_row,
    refresh_next_action,
    user_id_by_name,
    user_names,
)
from saiken.services.debtors.rows import RecordRow
from saiken.store.models import NegotiationRecord, User
from saiken.store.models.records import CHANNELS, DIRECTIONS

# Spellings people (and older data) use for the same direction.
_DIRECTION_SYNONYMS = {"着信": "受信", "架電": "発信", "入電": "受信"}

CORRECTABLE = (
    "at",
    "channel",
    "direction",
    "person",
    "summary",
    "promise_amount",
    "promise_date",
    "next_action_on",
    "handler",
)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Checked column values from the user's input (every key optional)."""
    out: dict[str, Any] = {}
    if "at" in values:
        out["at"] = check_moment(values["at"], "日時")
    if "channel" in values:
        out["channel"] = check_choice(values["channel"], "手段", CHANNELS)
    if "direction" in values:
        direction = _DIRECTION_SYNONYMS.get(values["direction"], values["direction"])
        out["direction"] = check_choice(direction, "発信・受信の別", DIRECTIONS)
    if "person" in values:
        out["person"] = check_text(values["person"], "相手方")
    if "summary" in values:
        out["summary"] = check_text(values["summary"], "内容", required=True, limit=MAX_TEXT)
    if "promise_amount" in values:
        out["promise_amount"] = check_amount(values["promise_amount"], "約束の金額", required=False)
    if "promise_date" in values:
        out["promise_date"] = check_date(values["promise_date"], "約束の日", required=False)
    if "next_action_on" in values:
        out["next_action_on"] = check_date(values["next_action_on"], "次回予定日", required=False)
    return out


def _check_promise(values: dict[str, Any]) -> None:
    if (values.get("promise_amount") is None) != (values.get("promise_date") is None):
        raise ValidationError("約束は金額と日付の両方を入力してください（約束がなければ両方を空に）。")


def _not_in_future(s: VaultSession, values: dict[str, Any]) -> None:
    at = values.get("at")
    if at is not None and at.astimezone(JST).date() > s.clock.today():
        raise ValidationError("交渉の日時が未来になっています。実際に連絡した日時を入力してください。")


def _versions(session: Session, record_key: str) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(NegotiationRecord)
            .where(NegotiationRecord.record_key == record_key)
        ).scalar_one()
    )


def _row(session: Session, record: NegotiationRecord) -> RecordRow:
    return record_row(
        record, _versions(session, record.record_key), user_names(session, [record.handler_user_id])
    )


def add_record(
    s: VaultSession,
    debtor_id: int,
    *,
    at: Any,
    channel: str,
    direction: str,
    person: str,
    summary: str,
    promise_amount: int | None = None,
    promise_date: Any = None,
    next_action_on: Any = None,
    handler: str | None = None,
) -> Changed[RecordRow]:
    """A new negotiation record; `handler` (user name) defaults to the signed-in user."""
    s.require(Capability.EDIT)
    values = _clean(
        {
            "at": at,
            "channel": channel,
            "direction": direction,
            "person": person,
            "summary": summary,
            "promise_amount": promise_amount,
            "promise_date": promise_date,
            "next_action_on": next_action_on,
        }
    )
    _check_promise(values)
    _not_in_future(s, values)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        handler_id = user_id_by_name(work.session, handler) if handler else _signed_in_user_id(work)
        now = s.clock.now()
        record = NegotiationRecord(
            debtor_id=debtor.id,
            record_key=uuid.uuid4().hex,
            version=1,
            superseded=False,
            handler_user_id=handler_id,
            created_by=s.user.name,
            created_at=now,
            **values,
        )
        work.session.add(record)
        work.session.flush()
        refresh_next_action(work.session, debtor, now)
        work.audit("record.add", target_type="debtor", target_id=debtor.id, record_id=record.id)
        return Changed(_row(work.session, record), Changes.of_debtor(debtor.id, Area.RECORDS))


def _signed_in_user_id(work: Work) -> int | None:
    """The signed-in user's id, or None for a principal with no user row (the recovery key)."""
    return work.session.execute(select(User.id).where(User.name == work.vault.user.name)).scalar_one_or_none()


def correct_record(s: VaultSession, record_id: int, **changes: Any) -> Changed[RecordRow]:
    """A corrected version of the record `record_id` (any of its versions): the current version is kept,
    marked superseded, and a new version with `changes` applied becomes current."""
    s.require(Capability.EDIT)
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ValidationError(
            f"訂正できない項目があります: {', '.join(unknown)}。訂正できるのは {', '.join(CORRECTABLE)} です。"
        )
    handler = changes.pop("handler", ...)
    values = _clean(changes)
    _not_in_future(s, values)
    with unit_of_work(s) as work:
        given = get_or_404(work.session, NegotiationRecord, record_id, "交渉記録")
        current = work.session.execute(
            select(NegotiationRecord).where(
                NegotiationRecord.record_key == given.record_key, NegotiationRecord.superseded.is_(False)
            )
        ).scalar_one()
        new_values = {name: getattr(current, name) for name in CORRECTABLE if name != "handler"}
        new_values["handler_user_id"] = current.handler_user_id
        new_values.update(values)
        if handler is not ...:
            new_values["handler_user_id"] = user_id_by_name(work.session, handler)
        _check_promise(new_values)
        changed = sorted(name for name, value in new_values.items() if getattr(current, name) != value)
        if not changed:
            raise ValidationError("訂正する内容が元の記録と同じです。変更してから保存してください。")
        now = s.clock.now()
        current.superseded = True
        work.session.flush()
        record = NegotiationRecord(
            debtor_id=current.debtor_id,
            record_key=current.record_key,
            version=current.version + 1,
            superseded=False,
            created_by=s.user.name,
            created_at=now,
            **new_values,
        )
        work.session.add(record)
        work.session.flush()
        debtor = debtor_or_404(work.session, current.debtor_id)
        refresh_next_action(work.session, debtor, now)
        work.audit(
            "record.correct",
            target_type="debtor",
            target_id=debtor.id,
            record_id=record.id,
            previous_id=current.id,
            version=record.version,
            fields=changed,
        )
        return Changed(_row(work.session, record), Changes.of_debtor(debtor.id, Area.RECORDS))


def record_history(s: VaultSession, record_id: int) -> list[RecordRow]:
    """Every version of the record `record_id` (any of its versions), oldest first. Audited as a view."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        given = get_or_404(work.session, NegotiationRecord, record_id, "交渉記録")
        versions = list(
            work.session.execute(
                select(NegotiationRecord)
                .where(NegotiationRecord.record_key == given.record_key)
                .order_by(NegotiationRecord.version)
            ).scalars()
        )
        handlers = user_names(work.session, [v.handler_user_id for v in versions])
        work.audit(
            "record.history",
            target_type="debtor",
            target_id=given.debtor_id,
            record_id=given.id,
            versions=len(versions),
        )
        return [record_row(v, len(versions), handlers) for v in versions]


def current_records(session: Session, debtor_id: int) -> list[RecordRow]:
    """The current version of each of the debtor's records, newest first."""
    records = list(
        session.execute(
            select(NegotiationRecord)
            .where(NegotiationRecord.debtor_id == debtor_id, NegotiationRecord.superseded.is_(False))
            .order_by(NegotiationRecord.at.desc(), NegotiationRecord.id.desc())
        ).scalars()
    )
    counts = dict(
        session.execute(
            select(NegotiationRecord.record_key, func.count())
            .where(NegotiationRecord.debtor_id == debtor_id)
            .group_by(NegotiationRecord.record_key)
        )
        .tuples()
        .all()
    )
    handlers = user_names(session, [r.handler_user_id for r in records])
    return [record_row(r, counts.get(r.record_key, 1), handlers) for r in records]
