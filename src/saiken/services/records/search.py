"""The 交渉記録 area's list: every current negotiation record across debtors, newest first, with filters.

A record's *promise* (an amount by a day) is `pending` while its day has not passed, `kept` when the
debtor's payments from the record's day through the promised day add up to the amount (reversals net
out), and `missed` otherwise. A record's *next action* is due when its day has come (today or earlier)
and it is still the debtor's latest record (a later contact has replaced the plan).

The text search names debtors (name, reading, representative, phone, management number: the debtor
list's own index), so 「たかはし」 lists the records of every 高橋/髙橋.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.context import VaultSession, read_session
from saiken.services.debtors.search_query import query_terms, text_ids
from saiken.store.models import Debtor, NegotiationRecord, Payment, User
from saiken.store.models.records import CHANNELS

MAX_PAGE = 500
PROMISES = ("", "any", "pending", "missed")  # no filter, any promise, still to come, not kept
UNASSIGNED = ""


@dataclass(frozen=True)
class RecordFilter:
    """What to list; empty fields do not filter. The period is in Japan days, both ends included;
    `handler` is an account name (`UNASSIGNED`, the empty string: records with no handler)."""

    text: str = ""
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    handler: str | None = None
    channel: str | None = None
    promise: str = ""
    next_action_due: bool = False

    def is_empty(self) -> bool:
        return self == RecordFilter()


@dataclass(frozen=True)
class RecordListRow:
    id: int
    debtor_id: int
    management_no: str
    debtor_name: str
    debtor_kind: str
    at: dt.datetime
    channel: str
    direction: str
    person: str
    handler: str | None  # account name
    summary: str
    promise_amount: int | None
    promise_date: dt.date | None
    promise_state: str  # "", "pending", "kept", "missed"
    paid_toward_promise: int  # what the debtor paid from the record's day through the promised day
    next_action_on: dt.date | None
    versions: int


@dataclass(frozen=True)
class RecordPage:
    rows: list[RecordListRow]
    total: int


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=JST)


def check_filter(flt: RecordFilter) -> None:
    for label, value in (("期間の開始日", flt.period_from), ("期間の終了日", flt.period_to)):
        if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
            raise ValidationError(f"{label}を日付で指定してください。")
    if flt.period_from and flt.period_to and flt.period_from > flt.period_to:
        raise ValidationError("期間の開始日が終了日より後になっています。開始日を終了日以前にしてください。")
    if flt.promise not in PROMISES:
        raise ValidationError(
            "約束の絞り込みは「すべて」「約束あり」「期日前」「不履行」のどれかにしてください。"
        )
    if flt.channel and flt.channel not in CHANNELS:
        raise ValidationError(f"手段は次のどれかを選んでください: {'、'.join(CHANNELS)}")


def paid_toward_promise(record: Any = NegotiationRecord) -> Any:
    """The debtor's payments (net of reversals) from the record's day (Japan time) through its promised
    day, as a correlated scalar subquery."""
    record_day = func.date(record.at, "+9 hours")
    return (
        select(func.coalesce(func.sum(Payment.amount), 0))
        .where(
            Payment.debtor_id == record.debtor_id,
            Payment.paid_on >= record_day,
            Payment.paid_on <= record.promise_date,
        )
        .scalar_subquery()
    )


def _latest_of_debtor() -> ColumnElement[bool]:
    later = aliased(NegotiationRecord)
    return ~exists().where(
        later.debtor_id == NegotiationRecord.debtor_id,
        later.superseded.is_(False),
        or_(
            later.at > NegotiationRecord.at,
            and_(later.at == NegotiationRecord.at, later.id > NegotiationRecord.id),
        ),
    )


def conditions(session: Session, flt: RecordFilter, today: dt.date) -> list[ColumnElement[bool]]:
    """The WHERE conditions of `flt` on the current records."""
    found: list[ColumnElement[bool]] = [NegotiationRecord.superseded.is_(False)]
    if flt.period_from is not None:
        found.append(NegotiationRecord.at >= day_start(flt.period_from))
    if flt.period_to is not None:
        found.append(NegotiationRecord.at < day_start(flt.period_to + dt.timedelta(days=1)))
    if flt.handler is not None:
        if flt.handler == UNASSIGNED:
            found.append(NegotiationRecord.handler_user_id.is_(None))
        else:
            user_id = session.scalar(select(User.id).where(User.name == flt.handler))
            found.append(NegotiationRecord.handler_user_id == (user_id if user_id is not None else -1))
    if flt.channel:
        found.append(NegotiationRecord.channel == flt.channel)
    if flt.promise:
        found.append(NegotiationRecord.promise_date.is_not(None))
        if flt.promise == "pending":
            found.append(NegotiationRecord.promise_date >= today)
        elif flt.promise == "missed":
            found.append(NegotiationRecord.promise_date < today)
            found.append(func.coalesce(NegotiationRecord.promise_amount, 0) > paid_toward_promise())
    if flt.next_action_due:
        found.append(NegotiationRecord.next_action_on <= today)
        found.append(_latest_of_debtor())
    terms = query_terms(flt.text)
    if terms:
        found.append(NegotiationRecord.debtor_id.in_(text_ids(terms)))
    return found


def promise_state(promise_date: dt.date | None, amount: int | None, paid: int, today: dt.date) -> str:
    if promise_date is None:
        return ""
    if promise_date >= today:
        return "pending"
    return "kept" if paid >= (amount or 0) else "missed"


def _page_query(where: list[ColumnElement[bool]]) -> Select[Any]:
    return (
        select(
            NegotiationRecord,
            Debtor.management_no,
            Debtor.name,
            Debtor.kind,
            paid_toward_promise().label("paid"),
            User.name.label("handler"),
        )
        .join(Debtor, Debtor.id == NegotiationRecord.debtor_id)
        .outerjoin(User, User.id == NegotiationRecord.handler_user_id)
        .where(*where)
        .order_by(NegotiationRecord.at.desc(), NegotiationRecord.id.desc())
    )


def search_records(s: VaultSession, flt: RecordFilter, *, offset: int = 0, limit: int = 100) -> RecordPage:
    """One page of the current records matching `flt`, newest first, and how many match in all."""
    s.require(Capability.READ)
    check_filter(flt)
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"ページの指定が正しくありません（開始 0 以上、件数 1〜{MAX_PAGE}）。")
    today = s.clock.today()
    with read_session(s) as session:
        where = conditions(session, flt, today)
        total = int(session.scalar(select(func.count()).select_from(NegotiationRecord).where(*where)) or 0)
        if total == 0 or offset >= total:
            return RecordPage([], total)
        result = session.execute(_page_query(where).offset(offset).limit(limit)).all()
        keys = [row[0].record_key for row in result]
        versions = dict(
            session.execute(
                select(NegotiationRecord.record_key, func.count())
                .where(NegotiationRecord.record_key.in_(keys))
                .group_by(NegotiationRecord.record_key)
            )
            .tuples()
            .all()
        )
        rows = [
            RecordListRow(
                id=record.id,
                debtor_id=record.debtor_id,
                management_no=management_no,
                debtor_name=name,
                debtor_kind=kind,
                at=record.at,
                channel=record.channel,
                direction=record.direction,
                person=record.person,
                handler=handler,
                summary=record.summary,
                promise_amount=record.promise_amount,
                promise_date=record.promise_date,
                promise_state=promise_state(
                    record.promise_date, record.promise_amount, int(paid or 0), today
                ),
                paid_toward_promise=int(paid or 0),
                next_action_on=record.next_action_on,
                versions=int(versions.get(record.record_key, 1)),
            )
            for record, management_no, name, kind, paid, handler in result
        ]
    return RecordPage(rows, total)


__all__ = [
    "MAX_PAGE",
    "PROMISES",
    "UNASSIGNED",
    "RecordFilter",
    "RecordListRow",
    "RecordPage",
    "check_filter",
    "conditions",
    "day_start",
    "promise_state",
    "search_records",
]
