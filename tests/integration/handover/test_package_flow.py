"""Later packages carry only the changes since the last acknowledged one; supervisor approval; the split
offered for a package over one CD-R; the ledger's events, same-occasion warning and open media."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from handover_kit import export, import_, make_party, paired, register, snapshot
from sqlalchemy import select

from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services import handover
from saiken.services.context import SignedInUser, read_session
from saiken.services.debtors import add_inquiry, add_payment, answer_inquiry
from saiken.services.handover.export import SplitNeededError
from saiken.store.models import Debtor, Inquiry, Payment


def debtor_id(session, number=None):
    with read_session(session) as s:
        query = select(Debtor.id).order_by(Debtor.management_no)
        if number:
            query = select(Debtor.id).where(Debtor.management_no == number)
        return s.scalars(query).first()


def test_a_later_package_carries_only_what_changed_since_the_acknowledged_one(tmp_path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    first = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "b1")
    # not yet acknowledged: the next package would carry everything again (a lost medium is covered)
    again = handover.preview_export(ward.session, engagement_id=engagement, kind="debtors")
    assert again.counts == first.records and again.sequence == 2
    import_(firm, first)
    fixed_clock.advance(dt.timedelta(days=3))
    firm_engagement = handover.list_engagements(firm.session)[0].id
    asked = add_inquiry(
        firm.session, debtor_id(firm.session), kind="入金確認", question="9月分の入金を確認したい。"
    )
    report = export(firm, firm_engagement, "report", "事-R7-001", tmp_path / "b2")
    assert report.records["inquiries"] == 1
    assert import_(ward, report).acknowledged == 1
    after_ack = handover.preview_export(ward.session, engagement_id=engagement, kind="debtors")
    assert after_ack.total == 0  # nothing changed since the acknowledged package

    ward_debtor = debtor_id(ward.session)
    add_payment(
        ward.session,
        ward_debtor,
        paid_on=dt.date(2025, 9, 18),
        amount=30_000,
        source="納付書",
        confirmed=True,
    )
    with read_session(ward.session) as s:
        inquiry_id = s.scalar(select(Inquiry.id))
    answer_inquiry(
        ward.session,
        inquiry_id,
        answer="9月18日に30,000円の入金を確認しました。",
        answered_on=dt.date(2025, 9, 19),
    )
    answers = export(ward, engagement, "answers", "区-R7-002", tmp_path / "b3")
    assert answers.records == {"answers": 1, "payments": 1}
    imported = import_(firm, answers)
    assert imported.preview.counts["answers"].new == 1 and imported.preview.counts["payments"].new == 1
    with read_session(firm.session) as s:
        inquiry = s.get(Inquiry, asked.id)
        assert inquiry.answer == "9月18日に30,000円の入金を確認しました。"
        payment = s.scalars(select(Payment).where(Payment.amount == 30_000)).one()
        assert payment.confirmed_by_ward and payment.paid_on == dt.date(2025, 9, 18)
    # the firm's own data is never touched by the ward's packages
    assert (
        handover.preview_export(firm.session, engagement_id=firm_engagement, kind="report").counts[
            "inquiries"
        ]
        == 1
    )


def test_exports_need_a_supervisor_and_a_paired_counterpart(tmp_path, fixed_clock):
    ward, _, engagement = paired(tmp_path, fixed_clock)
    handler = dataclasses.replace(ward.session, user=SignedInUser(id=9, name="tanaka", role=Role.HANDLER))
    before = snapshot(ward.session)
    with pytest.raises(PermissionDeniedError):
        handover.export_package(
            handler,
            engagement_id=engagement,
            kind="debtors",
            media_id="区-X",
            out_dir=tmp_path,
            signer=ward.signer,
        )
    assert snapshot(ward.session) == before and list(tmp_path.glob("*.zip")) == []
    unconfirmed = make_party(tmp_path / "new", "contractor", "新しい架空事務所", fixed_clock)
    key_file = tmp_path / "new.json"
    from saiken.services.handover.organisations import key_document

    key_file.write_text(key_document(unconfirmed.identity), encoding="utf-8")
    org = handover.add_counterpart(ward.session, key_file)
    handover.save_engagement(
        ward.session, engagement, title="", counterpart_id=org.id, period_from=None, period_to=None
    )
    with pytest.raises(ValidationError) as caught:
        handover.preview_export(ward.session, engagement_id=engagement, kind="debtors")
    assert "紙で照合されていません" in str(caught.value)


def test_the_ward_cannot_make_a_report_and_a_key_of_our_own_side_is_refused(tmp_path, fixed_clock):
    ward, _, engagement = paired(tmp_path, fixed_clock)
    with pytest.raises(ValidationError) as caught:
        handover.preview_export(ward.session, engagement_id=engagement, kind="report")
    assert "受託者が作るパッケージ" in str(caught.value)
    other_ward = make_party(tmp_path / "w2", "ward", "別の架空区", fixed_clock)
    with pytest.raises(ValidationError) as caught:
        register(ward, other_ward, tmp_path)
    assert "区の鍵です" in str(caught.value)


def test_a_package_over_one_medium_is_refused_with_its_size_and_ranges_that_fit(tmp_path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    out = tmp_path / "burn"
    out.mkdir()
    before = snapshot(ward.session)
    with pytest.raises(SplitNeededError) as caught:
        handover.export_package(
            ward.session,
            engagement_id=engagement,
            kind="debtors",
            media_id="区-R7-001",
            out_dir=out,
            signer=ward.signer,
            max_size=5_000,
        )
    error = caught.value
    assert error.size > 5_000 and len(error.ranges) >= 2
    assert "MB" in str(error) and "--range" in str(error)
    assert snapshot(ward.session) == before and list(out.iterdir()) == []
    first, last = error.ranges[0]
    part = handover.export_package(
        ward.session,
        engagement_id=engagement,
        kind="debtors",
        media_id="区-R7-001",
        out_dir=out,
        signer=ward.signer,
        numbers=(first, last),
    )
    with read_session(ward.session) as s:
        numbers = s.scalars(select(Debtor.management_no).order_by(Debtor.management_no)).all()
    assert part.records["debtors"] == len([n for n in numbers if first <= n <= last]) < len(numbers)
    assert import_(firm, part).preview.counts["debtors"].new == part.records["debtors"]


def test_ledger_events_and_the_same_occasion_warning(tmp_path, fixed_clock):
    ward, _, engagement = paired(tmp_path, fixed_clock)
    sent = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "b1")
    fixed_clock.advance(dt.timedelta(hours=2))
    handed = handover.record_event(
        ward.session, medium_id="区-R7-001", event="handed_over", counterpart_person="山田（架空法律事務所）"
    )
    assert handed.warning is None and handed.medium_status == "handed_over"
    notice = handover.record_event(
        ward.session,
        medium_id="区-R7-001",
        event="notice_handed_over",
        counterpart_person="山田（架空法律事務所）",
    )
    assert notice.warning is not None and "同じ機会" in notice.warning and notice.row.same_occasion
    media = handover.open_media(ward.session)
    assert [(m.medium_id, m.status_label) for m in media] == [("区-R7-001", "引渡し済み")]
    fixed_clock.advance(dt.timedelta(days=30))
    assert handover.open_media(ward.session)[0].age_days == 30
    returned = handover.record_event(ward.session, medium_id="区-R7-001", event="returned")
    assert returned.medium_status == "returned" and handover.open_media(ward.session) == []
    with pytest.raises(ValidationError):
        handover.record_event(ward.session, medium_id="区-R7-001", event="handed_over")
    events = [row.event for row in handover.list_ledger(ward.session)]
    assert events == ["prepared", "handed_over", "notice_handed_over", "returned"]
    assert handover.verify_ledger(ward.session).ok
    assert sent.ledger_seq == 1


def test_an_entry_changed_in_the_database_is_found_by_verify(tmp_path, fixed_clock):
    ward, _, engagement = paired(tmp_path, fixed_clock)
    export(ward, engagement, "debtors", "区-R7-001", tmp_path / "b1")
    handover.record_event(ward.session, medium_id="区-R7-001", event="handed_over")
    from sqlalchemy import text

    with ward.session.require_open().begin() as c:
        c.execute(text("UPDATE custody_ledger SET records = records + 1 WHERE seq = 1"))
    report = handover.verify_ledger(ward.session)
    assert not report.ok and "通番 1" in report.problems[0]
    with ward.session.require_open().begin() as c:
        c.execute(text("UPDATE custody_ledger SET records = records - 1 WHERE seq = 1"))
        c.execute(text("DELETE FROM custody_ledger WHERE seq = 2"))
    report = handover.verify_ledger(ward.session)
    assert not report.ok and "削除" in report.problems[-1]
