"""Inquiries to the ward (照会) with their answers, and the log of documents sent to the debtor (発送記録)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.common import (
    MAX_TEXT,
    check_choice,
    check_date,
    check_text,
    debtor_or_404,
    document_row,
    get_or_404,
    inquiry_row,
    not_after_today,
)
from saiken.services.debtors.rows import DocumentSentRow, InquiryRow
from saiken.store.models import DocumentSent, Inquiry
from saiken.store.models.documents import MAIL_METHODS
from saiken.store.models.inquiries import INQUIRY_KINDS

# The documents a debtor is usually sent; other names are accepted too (a kind is free text).
DOCUMENT_KINDS = ("督促状", "催告書", "合意書", "分割納付誓約書", "納付書", "その他")


def add_inquiry(
    s: VaultSession, debtor_id: int, *, kind: str, question: str, asked_on: dt.date | None = None
) -> Changed[InquiryRow]:
    s.require(Capability.EDIT)
    kind = check_choice(kind, "照会の種類", INQUIRY_KINDS)
    question = check_text(question, "照会の内容", required=True, limit=MAX_TEXT)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        asked = check_date(asked_on, "照会日", required=False) or s.clock.today()
        not_after_today(work, asked, "照会日")
        inquiry = Inquiry(
            debtor_id=debtor.id,
            kind=kind,
            question=question,
            asked_on=asked,
            created_by=s.user.name,
            created_at=s.clock.now(),
        )
        work.session.add(inquiry)
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit("inquiry.add", target_type="debtor", target_id=debtor.id, inquiry_id=inquiry.id)
        return Changed(inquiry_row(inquiry), Changes.of_debtor(debtor.id, Area.INQUIRIES))


def answer_inquiry(
    s: VaultSession, inquiry_id: int, *, answer: str, answered_on: dt.date
) -> Changed[InquiryRow]:
    s.require(Capability.EDIT)
    answer = check_text(answer, "回答", required=True, limit=MAX_TEXT)
    answered_on = check_date(answered_on, "回答日")
    with unit_of_work(s) as work:
        inquiry = get_or_404(work.session, Inquiry, inquiry_id, "照会")
        if inquiry.answered_on is not None:
            raise ValidationError(
                "この照会には既に回答が記録されています。追加の内容は新しい照会として記録してください。"
            )
        if answered_on < inquiry.asked_on:
            raise ValidationError("回答日が照会日より前です。日付を確かめてください。")
        not_after_today(work, answered_on, "回答日")
        inquiry.answer = answer
        inquiry.answered_on = answered_on
        debtor_or_404(work.session, inquiry.debtor_id).updated_at = s.clock.now()
        work.session.flush()
        work.audit("inquiry.answer", target_type="debtor", target_id=inquiry.debtor_id, inquiry_id=inquiry.id)
        return Changed(inquiry_row(inquiry), Changes.of_debtor(inquiry.debtor_id, Area.INQUIRIES))


def list_inquiries(session: Session, debtor_id: int) -> list[InquiryRow]:
    """Newest first; open inquiries and answered ones alike."""
    rows = session.execute(
        select(Inquiry)
        .where(Inquiry.debtor_id == debtor_id)
        .order_by(Inquiry.asked_on.desc(), Inquiry.id.desc())
    ).scalars()
    return [inquiry_row(i) for i in rows]


def log_document_sent(
    s: VaultSession, debtor_id: int, *, kind: str, sent_on: dt.date, method: str, tracking_no: str = ""
) -> Changed[DocumentSentRow]:
    s.require(Capability.EDIT)
    kind = check_text(kind, "文書の種類", required=True, limit=32)
    sent_on = check_date(sent_on, "発送日")
    method = check_choice(method, "郵送方法", MAIL_METHODS)
    tracking_no = check_text(tracking_no, "追跡番号", limit=64)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        not_after_today(work, sent_on, "発送日")
        doc = DocumentSent(
            debtor_id=debtor.id,
            kind=kind,
            sent_on=sent_on,
            method=method,
            tracking_no=tracking_no,
            created_by=s.user.name,
            created_at=s.clock.now(),
        )
        work.session.add(doc)
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit("document.sent", target_type="debtor", target_id=debtor.id, document_id=doc.id)
        return Changed(document_row(doc), Changes.of_debtor(debtor.id, Area.DOCUMENTS))


def mark_document_returned(
    s: VaultSession, doc_id: int, *, on: dt.date | None = None
) -> Changed[DocumentSentRow]:
    """The mail came back undelivered (宛所不明・受取拒否 …) on `on` (default: today)."""
    s.require(Capability.EDIT)
    on = check_date(on, "返戻日", required=False) or s.clock.today()
    with unit_of_work(s) as work:
        doc = get_or_404(work.session, DocumentSent, doc_id, "発送記録")
        if doc.returned_on is not None:
            raise ValidationError("この文書は既に返戻として記録されています。")
        if on < doc.sent_on:
            raise ValidationError("返戻日が発送日より前です。日付を確かめてください。")
        not_after_today(work, on, "返戻日")
        doc.returned_on = on
        debtor_or_404(work.session, doc.debtor_id).updated_at = s.clock.now()
        work.session.flush()
        work.audit("document.returned", target_type="debtor", target_id=doc.debtor_id, document_id=doc.id)
        return Changed(document_row(doc), Changes.of_debtor(doc.debtor_id, Area.DOCUMENTS))


def list_documents(session: Session, debtor_id: int) -> list[DocumentSentRow]:
    rows = session.execute(
        select(DocumentSent)
        .where(DocumentSent.debtor_id == debtor_id)
        .order_by(DocumentSent.sent_on.desc(), DocumentSent.id.desc())
    ).scalars()
    return [document_row(d) for d in rows]
