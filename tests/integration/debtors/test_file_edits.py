"""Inquiries, documents sent, tags, notes, handler and status on the debtor card."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.services import debtors
from saiken.services.context import unit_of_work
from saiken.store.models import User


def test_inquiry_asked_and_answered(vault_session, debtor_id):
    asked = debtors.add_inquiry(
        vault_session, debtor_id, kind="納付書再発行", question="納付書の再発行をお願いします。"
    ).value
    assert asked.asked_on == dt.date(2025, 9, 16) and not asked.answered
    debtors.add_inquiry(
        vault_session, debtor_id, kind="入金確認", question="9月分の入金の有無を確認願います。"
    )
    answered = debtors.answer_inquiry(
        vault_session, asked.id, answer="9月20日付で再発行しました。", answered_on=dt.date(2025, 9, 16)
    ).value
    assert answered.answered and answered.answer.startswith("9月20日")
    card = debtors.get_card(vault_session, debtor_id)
    assert sorted((i.kind, i.answered) for i in card.inquiries) == [
        ("入金確認", False),
        ("納付書再発行", True),
    ]
    with pytest.raises(ValidationError, match="既に回答"):
        debtors.answer_inquiry(vault_session, asked.id, answer="再回答", answered_on=dt.date(2025, 9, 16))
    with pytest.raises(ValidationError, match="照会の種類"):
        debtors.add_inquiry(vault_session, debtor_id, kind="雑談", question="?")


def test_document_sent_and_returned(vault_session, debtor_id):
    doc = debtors.log_document_sent(
        vault_session,
        debtor_id,
        kind="催告書",
        sent_on=dt.date(2025, 9, 1),
        method="簡易書留",
        tracking_no="1234-5678-9012",
    ).value
    with pytest.raises(ValidationError, match="発送日より前"):
        debtors.mark_document_returned(vault_session, doc.id, on=dt.date(2025, 8, 31))
    returned = debtors.mark_document_returned(vault_session, doc.id, on=dt.date(2025, 9, 8)).value
    assert returned.returned_on == dt.date(2025, 9, 8)
    card = debtors.get_card(vault_session, debtor_id)
    assert [(d.kind, d.method, d.returned_on) for d in card.documents] == [
        ("催告書", "簡易書留", dt.date(2025, 9, 8))
    ]
    with pytest.raises(ValidationError, match="郵送方法"):
        debtors.log_document_sent(
            vault_session, debtor_id, kind="督促状", sent_on=dt.date(2025, 9, 1), method="宅配"
        )


def test_limitation_counts_payments_and_delivered_demands(vault_session, debtor_id):
    # Public-law claim due 2025-03-21: expires 2030-03-21. A payment on 2025-06-30 renews: 2030-06-30.
    assert debtors.get_card(vault_session, debtor_id).limitation.expiry == dt.date(2030, 3, 21)
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 6, 30), amount=1_000)
    limitation = debtors.get_card(vault_session, debtor_id).limitation
    assert (limitation.expiry, limitation.level) == (dt.date(2030, 6, 30), "ok")
    # A 督促状 returned undelivered reached nobody and changes nothing.
    doc = debtors.log_document_sent(
        vault_session, debtor_id, kind="督促状", sent_on=dt.date(2025, 9, 1), method="普通"
    ).value
    debtors.mark_document_returned(vault_session, doc.id, on=dt.date(2025, 9, 5))
    assert debtors.get_card(vault_session, debtor_id).limitation.expiry == dt.date(2030, 6, 30)


def test_tags_notes_handler_status(vault_session, debtor_id):
    with unit_of_work(vault_session) as work:
        work.session.add(
            User(name="kono", display_name="甲野", role="handler", created_at=vault_session.clock.now())
        )
    tags = debtors.set_tags(
        vault_session, debtor_id, [debtors.TagRow("要訪問", "#E53935", dt.date(2025, 12, 31)), "分納相談"]
    ).value
    assert [(t.name, t.expires_on) for t in tags] == [("分納相談", None), ("要訪問", dt.date(2025, 12, 31))]
    assert dict((t.name, t.colour) for t in tags)["要訪問"] == "#E53935"
    debtors.set_tags(vault_session, debtor_id, ["要訪問"])  # replaces; keeps the colour
    debtors.update_notes(vault_session, debtor_id, "午前中は不在が多い。")
    debtors.assign_handler(vault_session, debtor_id, "kono")
    debtors.set_status(vault_session, debtor_id, "交渉中")
    card = debtors.get_card(vault_session, debtor_id)
    assert [(t.name, t.colour) for t in card.tags] == [("要訪問", "#E53935")]
    assert (card.notes, card.handler, card.status) == ("午前中は不在が多い。", "kono", "交渉中")
    with pytest.raises(ValidationError, match="状況"):
        debtors.set_status(vault_session, debtor_id, "保留")
    with pytest.raises(ValidationError, match="担当者"):
        debtors.assign_handler(vault_session, debtor_id, "nobody")
    with pytest.raises(ValidationError, match="#RRGGBB"):
        debtors.set_tags(vault_session, debtor_id, [("赤", "red")])
    debtors.assign_handler(vault_session, debtor_id, None)
    assert debtors.get_card(vault_session, debtor_id).handler is None
    with pytest.raises(NotFoundError):
        debtors.set_status(vault_session, 4242, "交渉中")


def test_management_number_is_unique(vault_session, debtor_id, fictional):
    with pytest.raises(ValidationError, match="既に使われています"):
        debtors.add_debtor(vault_session, management_no=fictional.management_no, name="別の架空商店")
