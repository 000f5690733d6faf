"""The 交渉記録報告書.xlsx a `report` package carries (seed 000 ⑫⑬): every current negotiation record of
the engagement from its start (or its first record) to today, made in memory for the package."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST, Clock
from saiken.exchange.excel.negotiation_report import NegotiationReportRow, negotiation_report_bytes
from saiken.store.models import Debtor, Engagement, NegotiationRecord, User


def report_workbook(session: Session, engagement: Engagement, clock: Clock) -> bytes:
    today = clock.today()
    names = {
        uid: (display or name)
        for uid, name, display in session.execute(select(User.id, User.name, User.display_name))
    }
    current = (
        select(NegotiationRecord, Debtor.management_no, Debtor.name)
        .join(Debtor, Debtor.id == NegotiationRecord.debtor_id)
        .where(Debtor.engagement_id == engagement.id, NegotiationRecord.superseded.is_(False))
        .order_by(Debtor.management_no, NegotiationRecord.at, NegotiationRecord.id)
    )
    rows = [
        NegotiationReportRow(
            management_no=number,
            debtor_name=name,
            at=record.at.astimezone(JST),
            channel=record.channel,
            direction=record.direction,
            person=record.person,
            handler=names.get(record.handler_user_id or 0) or record.created_by,
            summary=record.summary,
            promise_amount=record.promise_amount,
            promise_date=record.promise_date,
            next_action_on=record.next_action_on,
        )
        for record, number, name in session.execute(current)
        if record.at.astimezone(JST).date() <= today
    ]
    first = session.scalar(
        select(func.min(NegotiationRecord.at))
        .join(Debtor, Debtor.id == NegotiationRecord.debtor_id)
        .where(Debtor.engagement_id == engagement.id)
    )
    starts = [d for d in (engagement.period_from, first.astimezone(JST).date() if first else None) if d]
    period_from = min(starts) if starts else today
    return negotiation_report_bytes(
        period_from=min(period_from, today),
        period_to=today,
        ward_name=engagement.ward,
        contractor_name=engagement.contractor,
        rows=rows,
        created_on=today,
    )
