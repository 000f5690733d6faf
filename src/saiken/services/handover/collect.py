"""What an outgoing package carries, kind by kind, as canonical lines (only what the sender owns, DESIGN §6).

- `debtors` (ward → contractor): debtors' master data, claims with their tranches, payments, attachments.
- `answers` (ward → contractor): answers to the contractor's inquiries, and payments.
- `report` (contractor → ward): negotiation records (every version), inquiries, documents sent,
  instalment plans and each debtor's status; and the consultation area's rows changed since the previous
  `report` to the same ward (`consultation_lines`: counted by checkpoint, not by acknowledged digests).

`collect` yields, per entity, the records whose lines differ from what the counterpart acknowledged
(`sync`), so a later package carries only the changes since then. Rows are read in id order, in batches:
a large engagement is never held in memory at once (attachment bytes are read one at a time when the
package is written).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from saiken.exchange.package.contents import encode
from saiken.services.handover import consultation_lines, sync
from saiken.store.models import (
    Attachment,
    Claim,
    Debtor,
    DocumentSent,
    Inquiry,
    InstalmentPlan,
    InstalmentRow,
    NegotiationRecord,
    Payment,
    ReceiptTranche,
    User,
)

KIND_ENTITIES: dict[str, tuple[str, ...]] = {
    "debtors": ("debtors", "claims", "payments", "attachments"),
    "answers": ("answers", "payments"),
    "report": ("records", "inquiries", "documents", "plans", "statuses", *consultation_lines.ENTITIES),
    "templates": (),
    "erasure": (),
}
SENDER_ROLE = {"debtors": "ward", "answers": "ward", "report": "contractor", "erasure": "contractor"}
DEBTOR_FIELDS = (
    "kind",
    "name",
    "name_kana",
    "representative",
    "representative_kana",
    "postal_code",
    "address",
    "mailing_postal_code",
    "mailing_address",
    "phone",
    "phone2",
    "email",
)
BATCH = 1000


Lines = Iterator[tuple[str, bytes, str]]
Scope = ColumnElement[bool] | None  # a condition on Debtor (e.g. a management-number range)


def _numbers(session: Session, engagement_id: int) -> dict[int, str]:
    rows = session.execute(
        select(Debtor.id, Debtor.management_no).where(Debtor.engagement_id == engagement_id)
    ).all()
    return {debtor_id: number for debtor_id, number in rows}


def _chunks[T](session: Session, model: type[T], *where: ColumnElement[bool]) -> Iterator[Sequence[T]]:
    """Rows of `model` matching `where`, in id order, BATCH at a time (never all in memory)."""
    ident = cast(InstrumentedAttribute[int], model.id)  # type: ignore[attr-defined]
    last = 0
    while True:
        chunk = session.scalars(select(model).where(*where, ident > last).order_by(ident).limit(BATCH)).all()
        if not chunk:
            return
        yield chunk
        last = cast(int, chunk[-1].id)  # type: ignore[attr-defined]


def _batched[T](session: Session, model: type[T], *where: ColumnElement[bool]) -> Iterator[T]:
    for chunk in _chunks(session, model, *where):
        yield from chunk


def _children(
    session: Session, columns: tuple[Any, ...], parent: Any, ids: list[int], order: tuple[Any, ...]
) -> dict[int, list[tuple[Any, ...]]]:
    """Child rows (e.g. tranches of claims) of many parents in one query, by parent id."""
    found: dict[int, list[tuple[Any, ...]]] = {i: [] for i in ids}
    for row in session.execute(select(parent, *columns).where(parent.in_(ids)).order_by(parent, *order)):
        found[row[0]].append(tuple(row[1:]))
    return found


def _debtors_of(engagement_id: int, scope: Scope) -> list[ColumnElement[bool]]:
    return [Debtor.engagement_id == engagement_id, *([scope] if scope is not None else [])]


def _of_engagement(
    column: InstrumentedAttribute[int], engagement_id: int, scope: Scope
) -> ColumnElement[bool]:
    return column.in_(select(Debtor.id).where(*_debtors_of(engagement_id, scope)))


def _debtor_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    for debtor in _batched(session, Debtor, *_debtors_of(engagement_id, scope)):
        row = {"key": debtor.management_no} | {name: getattr(debtor, name) for name in DEBTOR_FIELDS}
        yield debtor.management_no, encode("debtors", row)


def _claim_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    for chunk in _chunks(session, Claim, _of_engagement(Claim.debtor_id, engagement_id, scope)):
        tranches_of = _children(
            session,
            (ReceiptTranche.received_on, ReceiptTranche.amount),
            ReceiptTranche.claim_id,
            [claim.id for claim in chunk],
            (ReceiptTranche.received_on, ReceiptTranche.id),
        )
        yield from (_claim_line(claim, numbers, side, tranches_of[claim.id]) for claim in chunk)


def _claim_line(
    claim: Claim, numbers: dict[int, str], side: str, tranches: list[tuple[Any, ...]]
) -> tuple[str, bytes]:
    key = sync.own_key(side, claim.id)
    row = {
        "key": key,
        "debtor": numbers[claim.debtor_id],
        "programme": claim.programme,
        "fiscal_year": claim.fiscal_year,
        "decision_date": claim.decision_date,
        "grant_amount": claim.grant_amount,
        "order_date": claim.order_date,
        "due_date": claim.due_date,
        "principal": claim.principal,
        "nature": claim.nature,
        "tranches": [(day, amount) for day, amount in tranches],
    }
    return key, encode("claims", row)


def _payment_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    for payment in _batched(session, Payment, _of_engagement(Payment.debtor_id, engagement_id, scope)):
        key = sync.own_key(side, payment.id)
        row = {
            "key": key,
            "debtor": numbers[payment.debtor_id],
            "claim": None if payment.claim_id is None else sync.own_key(side, payment.claim_id),
            "paid_on": payment.paid_on,
            "amount": payment.amount,
            "source": payment.source,
            "confirmed": payment.confirmed_by_ward,
            "reverses": None if payment.reverses_id is None else sync.own_key(side, payment.reverses_id),
        }
        yield key, encode("payments", row)


def attachment_file(key: str) -> str:
    return f"attachment-{key}.bin"


def is_attachment_file(name: str) -> bool:
    return name.startswith("attachment-") and name.endswith(".bin")


def _attachment_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    rows = session.execute(
        select(
            Attachment.id,
            Attachment.debtor_id,
            Attachment.filename,
            Attachment.mime,
            Attachment.size,
            Attachment.sha256,
        )
        .where(_of_engagement(Attachment.debtor_id, engagement_id, scope))
        .order_by(Attachment.id)
    ).all()
    for attachment_id, debtor_id, filename, mime, size, sha256 in rows:
        key = sync.own_key(side, attachment_id)
        row = {
            "key": key,
            "debtor": numbers[debtor_id],
            "filename": filename,
            "mime": mime,
            "size": size,
            "sha256": sha256,
            "file": attachment_file(key),
        }
        yield key, encode("attachments", row)


def _answer_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    """Answers the ward gave to inquiries that came from the contractor (keyed by the contractor's key)."""
    numbers = _numbers(session, engagement_id)
    by_local = sync.KeyMap(session, engagement_id, "inquiries", side).by_local()
    answered = Inquiry.answered_on.is_not(None)
    for inquiry in _batched(
        session, Inquiry, _of_engagement(Inquiry.debtor_id, engagement_id, scope), answered
    ):
        key = by_local.get(inquiry.id)
        if key is None or inquiry.answered_on is None:
            continue  # an inquiry the ward made itself: not the contractor's
        row = {
            "key": key,
            "debtor": numbers[inquiry.debtor_id],
            "answered_on": inquiry.answered_on,
            "answer": inquiry.answer or "",
        }
        yield key, encode("answers", row)


def _record_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    handlers = {
        uid: (display or name)
        for uid, name, display in session.execute(select(User.id, User.name, User.display_name)).all()
    }
    of_engagement = _of_engagement(NegotiationRecord.debtor_id, engagement_id, scope)
    for record in _batched(session, NegotiationRecord, of_engagement):
        row = {
            "key": record.record_key,
            "version": record.version,
            "debtor": numbers[record.debtor_id],
            "superseded": record.superseded,
            "at": record.at,
            "channel": record.channel,
            "direction": record.direction,
            "person": record.person,
            "handler": handlers.get(record.handler_user_id or 0, ""),
            "summary": record.summary,
            "promise_amount": record.promise_amount,
            "promise_date": record.promise_date,
            "next_action_on": record.next_action_on,
            "created_by": record.created_by,
            "created_at": record.created_at,
        }
        yield f"{record.record_key}.{record.version}", encode("records", row)


def _inquiry_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    for inquiry in _batched(session, Inquiry, _of_engagement(Inquiry.debtor_id, engagement_id, scope)):
        key = sync.own_key(side, inquiry.id)
        row = {
            "key": key,
            "debtor": numbers[inquiry.debtor_id],
            "kind": inquiry.kind,
            "question": inquiry.question,
            "asked_on": inquiry.asked_on,
            "answered_on": inquiry.answered_on,
            "answer": inquiry.answer,
        }
        yield key, encode("inquiries", row)


def _document_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    for doc in _batched(session, DocumentSent, _of_engagement(DocumentSent.debtor_id, engagement_id, scope)):
        key = sync.own_key(side, doc.id)
        row = {
            "key": key,
            "debtor": numbers[doc.debtor_id],
            "kind": doc.kind,
            "sent_on": doc.sent_on,
            "method": doc.method,
            "tracking_no": doc.tracking_no,
            "returned_on": doc.returned_on,
        }
        yield key, encode("documents", row)


def _plan_lines(session: Session, engagement_id: int, side: str, scope: Scope) -> Iterator[tuple[str, bytes]]:
    numbers = _numbers(session, engagement_id)
    for chunk in _chunks(
        session, InstalmentPlan, _of_engagement(InstalmentPlan.debtor_id, engagement_id, scope)
    ):
        rows_of = _children(
            session,
            (InstalmentRow.seq, InstalmentRow.due_on, InstalmentRow.amount),
            InstalmentRow.plan_id,
            [plan.id for plan in chunk],
            (InstalmentRow.seq,),
        )
        yield from (_plan_line(plan, numbers, side, rows_of[plan.id]) for plan in chunk)


def _plan_line(
    plan: InstalmentPlan, numbers: dict[int, str], side: str, rows: list[tuple[Any, ...]]
) -> tuple[str, bytes]:
    key = sync.own_key(side, plan.id)
    row = {
        "key": key,
        "debtor": numbers[plan.debtor_id],
        "total": plan.total,
        "status": plan.status,
        "agreed_on": plan.agreed_on,
        "accelerated_on": plan.accelerated_on,
        "rows": [(seq, due, amount) for seq, due, amount in rows],
    }
    return key, encode("plans", row)


def _status_lines(
    session: Session, engagement_id: int, side: str, scope: Scope
) -> Iterator[tuple[str, bytes]]:
    for debtor in _batched(session, Debtor, *_debtors_of(engagement_id, scope)):
        yield debtor.management_no, encode("statuses", {"key": debtor.management_no, "status": debtor.status})


_LINES = {
    "debtors": _debtor_lines,
    "claims": _claim_lines,
    "payments": _payment_lines,
    "attachments": _attachment_lines,
    "answers": _answer_lines,
    "records": _record_lines,
    "inquiries": _inquiry_lines,
    "documents": _document_lines,
    "plans": _plan_lines,
    "statuses": _status_lines,
}


def changes(session: Session, engagement_id: int, entity: str, side: str, scope: Scope = None) -> Lines:
    """(key, line, digest) of each record of `entity` that changed since the last acknowledged package;
    `scope` limits the debtors (a management-number range; the consultation area is not a debtor's)."""
    if entity in consultation_lines.ENTITIES:
        return sync.changed({}, consultation_lines.lines(session, engagement_id, entity, side))
    baseline = sync.acknowledged_digests(session, engagement_id, entity)
    return sync.changed(baseline, _LINES[entity](session, engagement_id, side, scope))


def count_changes(
    session: Session, engagement_id: int, kind: str, side: str, scope: Scope = None
) -> dict[str, int]:
    """How many records of each entity the next package of `kind` would carry (nothing kept in memory)."""
    return {
        entity: sum(1 for _ in changes(session, engagement_id, entity, side, scope))
        for entity in KIND_ENTITIES[kind]
    }
