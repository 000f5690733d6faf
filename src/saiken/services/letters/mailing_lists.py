"""The papers that go to the post office with a batch: the registered-mail list (PDF and .xlsx) and the
address labels, in memory; and what happens after mailing: tracking numbers (引受番号) entered from the
post office's receipt, and letters that come back (宛所不明, 受取拒否 …), flagged on the debtor's card.

A returned letter counts for nothing in limitation (it never reached the debtor): the documents-sent entry
keeps its return date and reason, and the debtor gets the tag 「返戻」 so the card shows it at a glance.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from saiken.domain.addressing import SPACE, addressee_lines
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.letter_kinds import RETURN_REASONS, LetterKind
from saiken.domain.letter_values import Letterhead
from saiken.domain.roles import Capability
from saiken.exchange.excel.mail_list import mail_list_workbook
from saiken.exchange.pdf.mailing import MailEntry, render_labels, render_mail_list
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.letters.facts import DebtorFacts
from saiken.services.letters.letterhead import letterhead_of, load_letterhead
from saiken.services.letters.rows import BatchRow, SentRow
from saiken.store.models import (
    Debtor,
    DebtorTag,
    DocumentSent,
    LetterBatch,
    LetterTemplate,
    Tag,
    TemplateVersion,
)

RETURN_TAG = "返戻"
RETURN_TAG_COLOUR = "#C62828"
_TRACKING = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{3,63}$")


@dataclass(frozen=True)
class MailingDocuments:
    mail_list_pdf: bytes
    mail_list_xlsx: bytes
    labels_pdf: bytes


def mail_entry(
    number: int, facts: DebtorFacts, document_number: str, method: str, tracking_no: str = ""
) -> MailEntry:
    names = addressee_lines(facts.name, facts.kind, facts.representative)
    return MailEntry(
        number=number,
        postal_code=facts.postal_code,
        address=facts.address,
        name_lines=names.lines,
        method=method,
        management_no=facts.management_no,
        document_number=document_number,
        tracking_no=tracking_no,
    )


def sender_line(letterhead: Letterhead) -> str:
    address = (
        f"〒{letterhead.firm_postal_code}{SPACE}{letterhead.firm_address}"
        if letterhead.firm_postal_code
        else letterhead.firm_address
    )
    return SPACE.join(part for part in (letterhead.firm or letterhead.ward, address) if part)


def mailing_documents(
    entries: Sequence[MailEntry], *, letterhead: Letterhead, sent_on: dt.date
) -> MailingDocuments:
    sender = sender_line(letterhead)
    return MailingDocuments(
        mail_list_pdf=render_mail_list(entries, sender=sender, sent_on=sent_on),
        mail_list_xlsx=mail_list_workbook(entries, sender=sender, sent_on=sent_on),
        labels_pdf=render_labels(entries),
    )


def _batch_or_404(session: object, batch_id: object) -> LetterBatch:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if isinstance(batch_id, bool) or not isinstance(batch_id, int):
        raise ValidationError("バッチの番号は整数で指定してください。")
    batch = session.get(LetterBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"文書のバッチ（番号 {batch_id}）が見つかりません。一覧を開き直してください。")
    return batch


def list_batches(s: VaultSession, *, limit: int = 200) -> list[BatchRow]:
    """The latest batches, newest first (read; no audit entry: no personal data)."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        counted = work.session.execute(
            select(DocumentSent.batch_id, func.count())
            .where(DocumentSent.returned_on.is_not(None), DocumentSent.batch_id.is_not(None))
            .group_by(DocumentSent.batch_id)
        ).all()
        returned = {batch_id: count for batch_id, count in counted}
        rows = work.session.execute(
            select(LetterBatch, TemplateVersion, LetterTemplate)
            .join(TemplateVersion, TemplateVersion.id == LetterBatch.template_version_id)
            .join(LetterTemplate, LetterTemplate.id == TemplateVersion.template_id)
            .order_by(LetterBatch.id.desc())
            .limit(limit)
        ).all()
        return [
            BatchRow(
                id=b.id,
                kind=b.kind,
                kind_label=LetterKind(b.kind).label,
                template_version_id=v.id,
                template_name=t.name,
                version=v.version,
                letter_date=b.letter_date,
                pay_by=b.pay_by,
                method=b.method,
                source=b.source,
                condition_name=b.condition_name,
                letters=b.letters,
                pages=b.pages,
                skipped=b.skipped,
                created_by=b.created_by,
                created_at=b.created_at,
                returned=returned.get(b.id, 0),
            )
            for b, v, t in rows
        ]


def batch_letters(s: VaultSession, batch_id: int) -> list[SentRow]:
    """The letters of a batch with their tracking numbers and returns (names: audited `letters.view`)."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        _batch_or_404(work.session, batch_id)
        rows = work.session.execute(
            select(DocumentSent, Debtor.management_no, Debtor.name)
            .join(Debtor, Debtor.id == DocumentSent.debtor_id)
            .where(DocumentSent.batch_id == batch_id)
            .order_by(DocumentSent.id)
        ).all()
        work.audit("letters.view", target_type="letter_batch", target_id=batch_id, rows=len(rows))
        return [
            SentRow(
                document_id=d.id,
                debtor_id=d.debtor_id,
                management_no=number,
                name=name,
                document_number=d.document_number,
                method=d.method,
                tracking_no=d.tracking_no,
                returned_on=d.returned_on,
                returned_reason=d.returned_reason,
                pages=d.pages,
            )
            for d, number, name in rows
        ]


def batch_mailing(s: VaultSession, batch_id: int) -> MailingDocuments:
    """The mail list and labels of a recorded batch, with the tracking numbers entered so far."""
    from saiken.services.letters.facts import debtor_facts

    s.require(Capability.READ)
    with unit_of_work(s) as work:
        batch = _batch_or_404(work.session, batch_id)
        letterhead = letterhead_of(load_letterhead(work.session))
        documents = list(
            work.session.scalars(
                select(DocumentSent).where(DocumentSent.batch_id == batch_id).order_by(DocumentSent.id)
            )
        )
        entries = [
            mail_entry(
                i,
                debtor_facts(work.session, d.debtor_id, batch.letter_date),
                d.document_number,
                d.method,
                d.tracking_no,
            )
            for i, d in enumerate(documents, start=1)
        ]
        work.audit("letters.mailing", target_type="letter_batch", target_id=batch_id, rows=len(entries))
        return mailing_documents(entries, letterhead=letterhead, sent_on=batch.letter_date)


def set_tracking_numbers(s: VaultSession, batch_id: int, numbers: Mapping[int, str]) -> int:
    """Enter the post office's tracking numbers (引受番号) for letters of the batch; how many changed."""
    s.require(Capability.EDIT)
    clean: dict[int, str] = {}
    for document_id, value in numbers.items():
        text = "".join(str(value or "").split())
        if text and not _TRACKING.match(text):
            raise ValidationError(
                "引受番号は半角の英数字とハイフンで入力してください（例: 1234-5678-9012）。",
                hint="受領証の番号を確かめてください。",
            )
        clean[document_id] = text
    with unit_of_work(s) as work:
        _batch_or_404(work.session, batch_id)
        changed = 0
        for document_id, text in clean.items():
            document = work.session.get(DocumentSent, document_id)
            if document is None or document.batch_id != batch_id:
                raise NotFoundError(f"このバッチに文書（番号 {document_id}）はありません。")
            if document.tracking_no != text:
                document.tracking_no = text
                changed += 1
        work.audit("letters.tracking", target_type="letter_batch", target_id=batch_id, changed=changed)
        return changed


def record_return(s: VaultSession, document_id: int, *, on: dt.date, reason: str) -> SentRow:
    """A letter came back (宛所不明, 受取拒否, 保管期間経過, その他) on `on`: kept on its entry, the debtor tagged
    「返戻」; the letter no longer counts for limitation."""
    s.require(Capability.EDIT)
    if reason not in RETURN_REASONS:
        raise ValidationError(f"返戻の理由は次のどれかを選んでください: {'、'.join(RETURN_REASONS)}")
    with unit_of_work(s) as work:
        document = work.session.get(DocumentSent, document_id)
        if document is None:
            raise NotFoundError(f"発送記録（番号 {document_id}）が見つかりません。一覧を開き直してください。")
        if document.returned_on is not None:
            raise ValidationError("この文書は既に返戻として記録されています。")
        if on < document.sent_on or on > s.clock.today():
            raise ValidationError("返戻日は発送日から本日までの日付で指定してください。")
        document.returned_on = on
        document.returned_reason = reason
        debtor = work.session.get(Debtor, document.debtor_id)
        assert debtor is not None
        tag = work.session.scalar(select(Tag).where(Tag.name == RETURN_TAG))
        if tag is None:
            tag = Tag(name=RETURN_TAG, colour=RETURN_TAG_COLOUR)
            work.session.add(tag)
            work.session.flush()
        if work.session.get(DebtorTag, (debtor.id, tag.id)) is None:
            work.session.add(DebtorTag(debtor_id=debtor.id, tag_id=tag.id))
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit(
            "document.returned",
            target_type="debtor",
            target_id=debtor.id,
            document_id=document.id,
            reason=reason,
        )
        return SentRow(
            document_id=document.id,
            debtor_id=debtor.id,
            management_no=debtor.management_no,
            name=debtor.name,
            document_number=document.document_number,
            method=document.method,
            tracking_no=document.tracking_no,
            returned_on=document.returned_on,
            returned_reason=reason,
            pages=document.pages,
        )
