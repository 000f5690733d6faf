"""Shared pieces of the debtor-file services: lookups, input checks, ORM → row conversion, and keeping
the denormalised debtor columns (principal_total, paid_total, next_action_on) right in the same transaction.

Error messages name the field and say what to do; they never contain the debtor's personal data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.services.checks import (
    MAX_LINE,
    MAX_TEXT,
    check_amount,
    check_choice,
    check_date,
    check_moment,
    check_text,
    get_or_404,
    not_after_today,
)
from saiken.services.context import Work
from saiken.services.debtors.rows import (
    ClaimRow,
    DocumentSentRow,
    InquiryRow,
    PaymentRow,
    RecordRow,
    TrancheRow,
)
from saiken.store.models import (
    Claim,
    Debtor,
    DocumentSent,
    Engagement,
    Inquiry,
    NegotiationRecord,
    Payment,
    ReceiptTranche,
    Setting,
    User,
)

# The input checks every area shares live in saiken.services.checks; re-exported under their old names.
__all__ = [
    "MAX_LINE",
    "MAX_TEXT",
    "check_amount",
    "check_choice",
    "check_date",
    "check_moment",
    "check_text",
    "get_or_404",
    "not_after_today",
]


def debtor_or_404(session: Session, debtor_id: object) -> Debtor:
    return get_or_404(session, Debtor, debtor_id, "債務者")


def user_id_by_name(session: Session, name: str | None) -> int | None:
    if name is None or name == "":
        return None
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None or not user.active:
        raise ValidationError(
            f"担当者「{name}」は登録されていないか、無効になっています。担当者を選び直してください。"
        )
    return user.id


def user_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).tuples().all())


def default_engagement(work: Work) -> Engagement:
    """The vault's engagement: the newest one, or a new one named after the organisation."""
    found = work.session.execute(
        select(Engagement).order_by(Engagement.id.desc()).limit(1)
    ).scalar_one_or_none()
    if found is not None:
        return found
    org = work.session.get(Setting, "org_name")
    role = work.session.get(Setting, "org_role")
    org_name = org.value if org else ""
    engagement = Engagement(
        ward=org_name if role is not None and role.value == "ward" else "",
        contractor=org_name if role is None or role.value != "ward" else "",
        rule_profile="subsidy",
        created_at=work.vault.clock.now(),
    )
    work.session.add(engagement)
    work.session.flush()
    return engagement


# --- denormalised columns ----------------------------------------------------------------------------


def refresh_totals(session: Session, debtor: Debtor, now: dt.datetime) -> None:
    """principal_total = the claims' principal; paid_total = every payment, reversals included (net)."""
    session.flush()
    debtor.principal_total = int(
        session.execute(
            select(func.coalesce(func.sum(Claim.principal), 0)).where(Claim.debtor_id == debtor.id)
        ).scalar_one()
    )
    debtor.paid_total = int(
        session.execute(
            select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.debtor_id == debtor.id)
        ).scalar_one()
    )
    debtor.updated_at = now
    session.flush()


def refresh_next_action(session: Session, debtor: Debtor, now: dt.datetime) -> None:
    """next_action_on = the next action of the latest current negotiation record (the latest plan wins)."""
    session.flush()
    latest = session.execute(
        select(NegotiationRecord.next_action_on)
        .where(NegotiationRecord.debtor_id == debtor.id, NegotiationRecord.superseded.is_(False))
        .order_by(NegotiationRecord.at.desc(), NegotiationRecord.id.desc())
        .limit(1)
    ).first()
    debtor.next_action_on = latest[0] if latest else None
    debtor.updated_at = now
    session.flush()


def touch(debtor: Debtor, now: dt.datetime) -> None:
    debtor.updated_at = now


# --- ORM → rows --------------------------------------------------------------------------------------


def claim_row(claim: Claim, tranches: Iterable[ReceiptTranche]) -> ClaimRow:
    return ClaimRow(
        id=claim.id,
        programme=claim.programme,
        fiscal_year=claim.fiscal_year,
        decision_date=claim.decision_date,
        grant_amount=claim.grant_amount,
        order_date=claim.order_date,
        due_date=claim.due_date,
        principal=claim.principal,
        nature=claim.nature,
        tranches=tuple(
            TrancheRow(t.received_on, t.amount) for t in sorted(tranches, key=lambda t: t.received_on)
        ),
    )


def payment_row(payment: Payment, reversed_ids: set[int] | frozenset[int] = frozenset()) -> PaymentRow:
    return PaymentRow(
        id=payment.id,
        debtor_id=payment.debtor_id,
        claim_id=payment.claim_id,
        paid_on=payment.paid_on,
        amount=payment.amount,
        source=payment.source,
        confirmed=payment.confirmed_by_ward,
        reverses_id=payment.reverses_id,
        reversed=payment.id in reversed_ids,
        created_by=payment.created_by,
        created_at=payment.created_at,
    )


def record_row(record: NegotiationRecord, versions: int, handlers: dict[int, str]) -> RecordRow:
    return RecordRow(
        id=record.id,
        debtor_id=record.debtor_id,
        record_key=record.record_key,
        version=record.version,
        versions=versions,
        superseded=record.superseded,
        at=record.at,
        channel=record.channel,
        direction=record.direction,
        person=record.person,
        handler=handlers.get(record.handler_user_id) if record.handler_user_id is not None else None,
        summary=record.summary,
        promise_amount=record.promise_amount,
        promise_date=record.promise_date,
        next_action_on=record.next_action_on,
        created_by=record.created_by,
        created_at=record.created_at,
    )


def inquiry_row(inquiry: Inquiry) -> InquiryRow:
    return InquiryRow(
        id=inquiry.id,
        debtor_id=inquiry.debtor_id,
        kind=inquiry.kind,
        question=inquiry.question,
        asked_on=inquiry.asked_on,
        answered_on=inquiry.answered_on,
        answer=inquiry.answer,
    )


def document_row(doc: DocumentSent) -> DocumentSentRow:
    return DocumentSentRow(
        id=doc.id,
        debtor_id=doc.debtor_id,
        kind=doc.kind,
        sent_on=doc.sent_on,
        method=doc.method,
        tracking_no=doc.tracking_no,
        returned_on=doc.returned_on,
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(key for key in after if before.get(key) != after[key])
