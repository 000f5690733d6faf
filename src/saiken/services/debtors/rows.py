"""What the debtor-file services return: plain frozen dataclasses, never ORM objects (docs/services.md).

Amounts are integer yen, dates `datetime.date`, moments aware `datetime.datetime` (UTC as stored).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from saiken.domain.card_totals import Totals  # the card's figures are a domain value


@dataclass(frozen=True)
class HandlerChoice:
    """One entry of a handler picker: the account name (what is stored) and the name people read."""

    name: str
    display_name: str


@dataclass(frozen=True)
class TagRow:
    name: str
    colour: str = "#808080"
    expires_on: dt.date | None = None


@dataclass(frozen=True)
class TrancheRow:
    received_on: dt.date
    amount: int


@dataclass(frozen=True)
class ClaimRow:
    id: int
    programme: str
    fiscal_year: int | None
    decision_date: dt.date | None
    grant_amount: int | None
    order_date: dt.date | None
    due_date: dt.date | None
    principal: int
    nature: str  # "public" (公法上) / "private" (私法上)
    tranches: tuple[TrancheRow, ...] = ()


@dataclass(frozen=True)
class PaymentRow:
    id: int
    debtor_id: int
    claim_id: int | None
    paid_on: dt.date
    amount: int  # negative for a reversing entry
    source: str
    confirmed: bool  # confirmed by the ward
    reverses_id: int | None  # set on a reversing entry: the payment it cancels
    reversed: bool  # True when a later reversing entry cancels this payment
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class RecordRow:
    id: int
    debtor_id: int
    record_key: str  # the same for every version of one record
    version: int
    versions: int  # how many versions the record has
    superseded: bool
    at: dt.datetime
    channel: str
    direction: str
    person: str
    handler: str | None  # user name
    summary: str
    promise_amount: int | None
    promise_date: dt.date | None
    next_action_on: dt.date | None
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class PlanItemRow:
    seq: int
    due_on: dt.date
    amount: int
    paid: int
    status: str  # 支払済 / 一部支払 / 未到来 / 不履行 … as the domain labels them


@dataclass(frozen=True)
class PlanRow:
    id: int
    claim_id: int | None
    status: str  # 履行中 / 完了 / 期限の利益喪失 / 取消
    total: int
    agreed_on: dt.date | None
    accelerated_on: dt.date | None
    rows: tuple[PlanItemRow, ...]
    paid: int
    remaining: int
    alert: str | None  # e.g. a missed instalment; None when all is well
    missed: tuple[int, ...] = ()  # seq of the missed instalments


@dataclass(frozen=True)
class InquiryRow:
    id: int
    debtor_id: int
    kind: str
    question: str
    asked_on: dt.date
    answered_on: dt.date | None
    answer: str | None

    @property
    def answered(self) -> bool:
        return self.answered_on is not None


@dataclass(frozen=True)
class DocumentSentRow:
    id: int
    debtor_id: int
    kind: str
    sent_on: dt.date
    method: str
    tracking_no: str
    returned_on: dt.date | None


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    mime: str
    size: int
    added_at: dt.datetime
    sha256: str = ""


@dataclass(frozen=True)
class LimitationRow:
    nature: str
    start: dt.date | None
    expiry: dt.date | None
    level: str  # the domain's warning level (e.g. ok / warning / expired); "unknown" without a start date
    events: tuple[Any, ...] = ()  # the domain's events that shaped the expiry
    message: str = ""


@dataclass(frozen=True)
class DebtorCard:
    id: int
    engagement_id: int
    management_no: str
    kind: str
    name: str
    name_kana: str
    representative: str
    representative_kana: str
    postal_code: str
    address: str
    mailing_postal_code: str
    mailing_address: str
    phones: tuple[str, ...]
    email: str
    status: str
    handler: str | None  # user name
    tags: list[TagRow]
    notes: str
    claims: list[ClaimRow]
    payments: list[PaymentRow]
    totals: Totals
    charges: Any  # saiken.domain.charges.ChargeResult of the main claim, or None without a claim
    records: list[RecordRow]  # current versions, newest first
    plan: PlanRow | None
    inquiries: list[InquiryRow]
    documents: list[DocumentSentRow]
    attachments: list[AttachmentRow]
    limitation: LimitationRow | None
    rule_profile: str = "subsidy"
    updated_at: dt.datetime | None = None
    plans: list[PlanRow] = field(default_factory=list)  # every plan, newest first (plan is the current one)


@dataclass(frozen=True)
class DebtorCreated:
    id: int
    management_no: str
    claim_ids: tuple[int, ...] = ()
