"""Every action is audited in its own transaction with ids only; viewers may read but not write."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from debtors_testkit import as_user, audit_rows, chain_ok

from saiken.domain.clock import JST
from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Role
from saiken.services import debtors

PDF = b"%PDF-1.4\n%%EOF\n"


def _every_action(s, debtor_id):
    """Run one of each write and audited read; return the audit action each should write."""
    plan = debtors.create_instalment_plan(
        s, debtor_id, total=60_000, count=2, first_due=dt.date(2025, 8, 1), agreed_on=dt.date(2025, 7, 20)
    ).value
    payment = debtors.add_payment(
        s, debtor_id, paid_on=dt.date(2025, 8, 1), amount=30_000, source="振込"
    ).value
    record = debtors.add_record(
        s,
        debtor_id,
        at=dt.datetime(2025, 9, 10, 14, 0, tzinfo=JST),
        channel="訪問",
        direction="発信",
        person="経理担当の方",
        summary="事業所で面談。来月の納付を約束。",
        promise_amount=30_000,
        promise_date=dt.date(2025, 10, 1),
    ).value
    inquiry = debtors.add_inquiry(
        s, debtor_id, kind="住所調査", question="転居先の調査をお願いします。"
    ).value
    doc = debtors.log_document_sent(
        s, debtor_id, kind="督促状", sent_on=dt.date(2025, 9, 2), method="書留", tracking_no="9876-5432-1098"
    ).value
    attachment = debtors.add_attachment(
        s, debtor_id, filename="架空の申請書.pdf", data=PDF, mime="application/pdf"
    ).value
    steps = [
        ("plan.create", None),
        ("payment.add", None),
        ("record.add", None),
        ("inquiry.add", None),
        ("document.sent", None),
        ("attachment.add", None),
        ("payment.correct", lambda: debtors.correct_payment(s, payment.id, confirmed=True)),
        (
            "record.correct",
            lambda: debtors.correct_record(s, record.id, summary="事業所で面談。10月1日に納付を約束。"),
        ),
        ("record.history", lambda: debtors.record_history(s, record.id)),
        (
            "inquiry.answer",
            lambda: debtors.answer_inquiry(
                s, inquiry.id, answer="調査中です。", answered_on=dt.date(2025, 9, 16)
            ),
        ),
        ("document.returned", lambda: debtors.mark_document_returned(s, doc.id, on=dt.date(2025, 9, 12))),
        ("attachment.read", lambda: debtors.read_attachment(s, attachment.id)),
        ("plan.accelerate", lambda: debtors.accelerate_plan(s, plan.id, on=dt.date(2025, 9, 16))),
        ("debtor.status", lambda: debtors.set_status(s, debtor_id, "回収困難")),
        ("debtor.handler", lambda: debtors.assign_handler(s, debtor_id, "admin")),
        ("debtor.tags", lambda: debtors.set_tags(s, debtor_id, ["要訪問"])),
        ("debtor.notes", lambda: debtors.update_notes(s, debtor_id, "夕方なら在宅。")),
        # the correction made payment.id + 1 (its reversal) and payment.id + 2 (the corrected entry)
        ("payment.reverse", lambda: debtors.reverse_payment(s, payment.id + 2)),
        ("debtor.view", lambda: debtors.get_card(s, debtor_id)),
        (
            "debtor.charge_statement",
            lambda: debtors.charge_statement(s, debtor_id, as_of=dt.date(2025, 9, 16)),
        ),
    ]
    return steps


def test_every_action_writes_its_audit_entry_and_the_chain_verifies(vault_session, debtor_id, fictional):
    before = len(audit_rows(vault_session))
    steps = _every_action(vault_session, debtor_id)
    for _action, call in steps:
        if call is not None:
            call()
    rows = audit_rows(vault_session)[before:]
    assert [r.action for r in rows] == [action for action, _ in steps]
    assert all(
        r.target_type == "debtor" and r.target_id == str(debtor_id) and r.actor == "admin" for r in rows
    )
    assert chain_ok(vault_session)
    # No personal string in any entry of the whole log (details are ids and counts).
    personal = [
        fictional.name,
        fictional.name_kana,
        fictional.representative,
        fictional.address,
        fictional.phone,
        fictional.management_no,
        "経理担当の方",
        "事業所で面談",
        "転居先",
        "調査中",
        "架空の申請書",
        "夕方なら在宅",
        "9876-5432-1098",
        "振込",
    ]
    for row in audit_rows(vault_session):
        text = json.dumps([row.target_id, row.details], ensure_ascii=False)
        for value in personal:
            assert value not in text, (row.action, value)
        assert isinstance(json.loads(row.details), dict)


def test_viewer_may_read_but_not_write(vault_session, debtor_id):
    viewer = as_user(vault_session, "eturan", Role.VIEWER)
    card = debtors.get_card(viewer, debtor_id)
    assert card.id == debtor_id and audit_rows(vault_session)[-1].actor == "eturan"
    count = len(audit_rows(vault_session))
    writes = [
        lambda: debtors.add_payment(viewer, debtor_id, paid_on=dt.date(2025, 9, 1), amount=1),
        lambda: debtors.add_record(
            viewer,
            debtor_id,
            at=dt.datetime(2025, 9, 1, tzinfo=JST),
            channel="電話",
            direction="発信",
            person="本人",
            summary="架電",
        ),
        lambda: debtors.set_status(viewer, debtor_id, "交渉中"),
        lambda: debtors.update_notes(viewer, debtor_id, "x"),
        lambda: debtors.set_tags(viewer, debtor_id, ["x"]),
        lambda: debtors.assign_handler(viewer, debtor_id, None),
        lambda: debtors.add_inquiry(viewer, debtor_id, kind="その他", question="x"),
        lambda: debtors.log_document_sent(
            viewer, debtor_id, kind="督促状", sent_on=dt.date(2025, 9, 1), method="普通"
        ),
        lambda: debtors.add_attachment(viewer, debtor_id, filename="a.pdf", data=PDF, mime="application/pdf"),
        lambda: debtors.create_instalment_plan(
            viewer, debtor_id, total=2, count=2, first_due=dt.date(2025, 10, 1)
        ),
        lambda: debtors.add_debtor(viewer, management_no="V-1", name="架空"),
    ]
    for write in writes:
        with pytest.raises(PermissionDeniedError, match="権限がありません"):
            write()
    assert len(audit_rows(vault_session)) == count
    after = debtors.get_card(vault_session, debtor_id)
    assert (after.payments, after.records, after.status, after.notes) == ([], [], card.status, card.notes)


def test_plain_admin_without_supervisor_flag_cannot_edit_debtors(vault_session, debtor_id):
    admin_only = as_user(vault_session, "sysadmin", Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        debtors.add_payment(admin_only, debtor_id, paid_on=dt.date(2025, 9, 1), amount=1)
    handler = as_user(vault_session, "handler1", Role.HANDLER)
    assert (
        debtors.add_payment(handler, debtor_id, paid_on=dt.date(2025, 9, 1), amount=1).value.created_by
        == "handler1"
    )
