"""Templates through their states, who is left out of a batch and why, document numbers per fiscal year,
limitation events, tracking numbers, returned letters, and saving a batch to a file."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from letters_helpers import approve, as_role
from pypdf import PdfReader
from sqlalchemy import select

from saiken.domain.clock import FixedClock
from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services.audit import list_entries
from saiken.services.context import read_session
from saiken.services.debtors import create_instalment_plan, get_card, set_status
from saiken.services.debtors.search import DebtorFilter, save_condition, search_debtors
from saiken.services.file_protection import generate_file_password
from saiken.services.letters import (
    BatchOutput,
    BatchRequest,
    approve_version,
    batch_letters,
    batch_mailing,
    get_template_text,
    list_batches,
    list_templates,
    make_letters,
    record_return,
    retire_version,
    save_letters_file,
    save_template,
    set_tracking_numbers,
    update_letterhead,
)
from saiken.store.models import DocumentSent


def _ids(vault, n=None):
    rows = search_debtors(vault, DebtorFilter(), limit=100).rows
    return [r.id for r in rows][:n]


def test_shipped_templates_arrive_as_drafts_and_approval_retires_the_previous_version(ward_vault):
    templates = list_templates(ward_vault)
    assert [t.kind_label for t in templates] == [
        "督促状",
        "催告書",
        "合意書",
        "分割納付誓約書",
        "納付書再発行依頼",
    ]
    assert all(t.latest.state == "draft" and t.latest.source == "default" for t in templates)
    demand = templates[0]
    first = approve_version(ward_vault, demand.latest.id)
    text = get_template_text(ward_vault, first.version_id).text
    second = save_template(
        ward_vault, text.replace("ご容赦ください。", "ご容赦ください（第2版）。"), template_id=demand.id
    )
    assert second.version == 2 and second.state == "draft"
    change = approve_version(ward_vault, second.version_id)
    assert change.retired_version_ids == (first.version_id,)
    (demand,) = list_templates(ward_vault, kind="demand")
    assert [(v.version, v.state) for v in demand.versions] == [(2, "approved"), (1, "retired")]
    assert demand.approved.approved_by == "admin"
    with pytest.raises(ValidationError, match="廃止"):
        approve_version(ward_vault, first.version_id)
    retire_version(ward_vault, second.version_id)
    with pytest.raises(ValidationError, match="承認済みの督促状のひな形がない"):
        make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(_ids(ward_vault, 1))))
    actions = [e.action for e in list_entries(ward_vault, limit=50)]
    assert (
        actions.count("template.approve") == 2 and "template.retire" in actions and "template.save" in actions
    )


def test_only_a_supervisor_approves_and_a_handler_may_draft(ward_vault):
    (demand,) = list_templates(ward_vault, kind="demand")
    handler = as_role(ward_vault, Role.HANDLER, "tanto")
    with pytest.raises(PermissionDeniedError, match="取扱責任者だけ"):
        approve_version(handler, demand.latest.id)
    text = get_template_text(ward_vault, demand.latest.id).text
    assert save_template(handler, text, template_id=demand.id).version == 2


def test_debtors_who_must_not_be_written_to_are_left_out_and_listed_with_the_reason(ward_vault, fixed_clock):
    approve(ward_vault, "demand")
    ids = _ids(ward_vault, 6)
    set_status(ward_vault, ids[0], "完納")
    set_status(ward_vault, ids[1], "回収困難")
    set_status(ward_vault, ids[2], "時効完成")
    card = get_card(ward_vault, ids[3])
    create_instalment_plan(
        ward_vault,
        ids[3],
        total=card.totals.total,
        count=10,
        first_due=dt.date(2025, 10, 31),
        agreed_on=dt.date(2025, 9, 16),
    )
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids)))
    reasons = {s.debtor_id: s.reason for s in result.skipped}
    assert reasons == {
        ids[0]: "完納",
        ids[1]: "回収困難（対象に含める指定なし）",
        ids[2]: "時効完成",
        ids[3]: "分納を履行中",
    }
    assert [letter.debtor_id for letter in result.letters] == ids[4:]
    asked = make_letters(
        ward_vault, BatchRequest(kind="demand", debtor_ids=(ids[1],), include_difficult=True)
    )
    assert [letter.debtor_id for letter in asked.letters] == [ids[1]]
    agreement = approve(ward_vault, "agreement")
    plan = make_letters(
        ward_vault, BatchRequest(kind="agreement", debtor_ids=(ids[3], ids[4]), template_version_id=agreement)
    )
    assert [letter.debtor_id for letter in plan.letters] == [ids[3]]
    assert plan.skipped[0].reason == "分納計画なし"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(plan.pdf)).pages)
    assert "第10回" in text and "印" in text


def test_all_left_out_is_refused_with_the_counts_and_nothing_written(ward_vault):
    approve(ward_vault, "demand")
    ids = _ids(ward_vault, 2)
    for debtor_id in ids:
        set_status(ward_vault, debtor_id, "完納")
    with pytest.raises(ValidationError, match=r"すべて除外.*完納 2件"):
        make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids)))
    assert list_batches(ward_vault) == []


def test_a_saved_condition_selects_the_batch(ward_vault):
    approve(ward_vault, "notice")
    save_condition(ward_vault, "残高50万円以上", DebtorFilter(min_balance=500_000))
    expected = search_debtors(ward_vault, DebtorFilter(min_balance=500_000), limit=100)
    result = make_letters(ward_vault, BatchRequest(kind="notice", condition="残高50万円以上"))
    assert [letter.debtor_id for letter in result.letters] == [row.id for row in expected.rows]
    (batch,) = list_batches(ward_vault)
    assert (batch.source, batch.condition_name, batch.letters) == (
        "condition",
        "残高50万円以上",
        expected.total,
    )
    with pytest.raises(NotFoundError, match="保存されていません"):
        make_letters(ward_vault, BatchRequest(kind="notice", condition="ない条件"))


def test_document_numbers_run_on_within_a_fiscal_year_and_restart_in_the_next(ward_vault):
    approve(ward_vault, "demand")
    update_letterhead(ward_vault, number_prefix="架産債")
    ids = _ids(ward_vault, 5)
    first = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids[:2])))
    second = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids[2:4])))
    assert first.document_numbers == ("7架産債第1号", "7架産債第2号")
    assert second.document_numbers == ("7架産債第3号", "7架産債第4号")
    ward_vault.clock = FixedClock(dt.datetime(2026, 4, 1, 1, 0, tzinfo=dt.UTC))
    third = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=(ids[4],)))
    assert third.document_numbers == ("8架産債第1号",)
    with read_session(ward_vault) as session:
        stored = session.scalars(select(DocumentSent.document_number).order_by(DocumentSent.id)).all()
    assert stored == [*first.document_numbers, *second.document_numbers, *third.document_numbers]


def test_a_demand_sent_counts_for_limitation_and_a_returned_one_does_not(ward_vault):
    approve(ward_vault, "demand")
    (debtor_id,) = _ids(ward_vault, 1)
    before = get_card(ward_vault, debtor_id).limitation
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=(debtor_id,), method="書留"))
    (letter,) = result.letters
    assert letter.limitation_event == "statutory_demand"
    after = get_card(ward_vault, debtor_id)
    kinds = [e.event.kind.value for e in after.limitation.events]
    assert kinds.count("statutory_demand") == 1 and after.limitation.expiry > before.expiry
    (document,) = [d for d in after.documents if d.id == letter.document_id]
    assert (document.kind, document.method, document.sent_on) == ("督促状", "書留", result.letter_date)
    returned = record_return(ward_vault, letter.document_id, on=result.letter_date, reason="宛所不明")
    assert returned.returned_reason == "宛所不明"
    card = get_card(ward_vault, debtor_id)
    assert "返戻" in [t.name for t in card.tags]
    assert "statutory_demand" not in [e.event.kind.value for e in card.limitation.events]
    assert card.limitation.expiry == before.expiry
    again = make_letters(
        ward_vault, BatchRequest(kind="demand", debtor_ids=(debtor_id, _ids(ward_vault, 2)[1]))
    )
    assert again.skipped[0].reason.startswith("前回の送付が宛所不明")
    with pytest.raises(ValidationError, match="既に返戻"):
        record_return(ward_vault, letter.document_id, on=result.letter_date, reason="受取拒否")


def test_tracking_numbers_are_entered_afterwards_and_printed_on_the_mail_list(ward_vault):
    approve(ward_vault, "demand")
    result = make_letters(
        ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(_ids(ward_vault, 3))), mailing=True
    )
    assert result.mail_list_pdf.startswith(b"%PDF") and result.labels_pdf.startswith(b"%PDF")
    assert result.mail_list_xlsx[:2] == b"PK"
    first = result.letters[0].document_id
    assert set_tracking_numbers(ward_vault, result.batch_id, {first: "1234-5678-9012"}) == 1
    with pytest.raises(ValidationError, match="引受番号"):
        set_tracking_numbers(ward_vault, result.batch_id, {first: "番号？"})
    rows = batch_letters(ward_vault, result.batch_id)
    assert rows[0].tracking_no == "1234-5678-9012" and rows[0].document_number == result.document_numbers[0]
    papers = batch_mailing(ward_vault, result.batch_id)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(papers.mail_list_pdf)).pages)
    assert "1234-5678-9012" in text


def test_one_audit_entry_per_batch_holding_ids_and_counts_only(ward_vault):
    approve(ward_vault, "demand")
    ids = _ids(ward_vault, 4)
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids)))
    entries = [e for e in list_entries(ward_vault, limit=20) if e.action == "letters.batch"]
    assert len(entries) == 1
    details = entries[0].details
    assert details["letters"] == 4 and details["template_version_id"] == result.template_version_id
    with read_session(ward_vault) as session:
        names = session.scalars(select(DocumentSent.debtor_id)).all()
    assert sorted(names) == sorted(ids)
    assert all(not isinstance(v, str) or not any(ch in v for ch in "株式会社") for v in details.values())


def test_saving_letters_is_an_export_audited_and_can_be_password_protected(ward_vault, tmp_path):
    approve(ward_vault, "demand")
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(_ids(ward_vault, 2))))
    handler = as_role(ward_vault, Role.HANDLER, "tanto")
    with pytest.raises(PermissionDeniedError):
        save_letters_file(handler, tmp_path / "a.pdf", result.pdf, what="letters")
    assert not (tmp_path / "a.pdf").exists()
    password = generate_file_password()
    saved_file = save_letters_file(
        ward_vault,
        tmp_path / "a.pdf",
        result.pdf,
        what="letters",
        batch_id=result.batch_id,
        password=password,
    )
    reader = PdfReader(tmp_path / "a.pdf")
    assert reader.is_encrypted and saved_file.size == (tmp_path / "a.pdf").stat().st_size
    assert reader.decrypt(password.text)
    saved = [e for e in list_entries(ward_vault, limit=10) if e.action == "letters.saved"]
    assert saved[0].details["protection"] == "pdf-aes256" and str(tmp_path) not in str(saved[0].details)
    with pytest.raises(ValidationError, match=r"\.pdf"):
        save_letters_file(ward_vault, tmp_path / "a.txt", result.pdf, what="letters")


def test_a_file_that_cannot_be_written_leaves_no_file_and_no_batch(ward_vault, tmp_path):
    approve(ward_vault, "demand")
    letters_pdf = tmp_path / "督促状.pdf"
    blocked = tmp_path / "ラベル.pdf"
    blocked.mkdir()  # a folder where the labels should go: the write fails
    with pytest.raises(ValidationError, match="保存できませんでした"):
        make_letters(
            ward_vault,
            BatchRequest(kind="demand", debtor_ids=tuple(_ids(ward_vault, 2))),
            outputs=[BatchOutput(letters_pdf, "letters"), BatchOutput(blocked, "labels")],
        )
    assert not letters_pdf.exists()
    assert list_batches(ward_vault) == []
    with read_session(ward_vault) as session:
        assert session.scalars(select(DocumentSent)).all() == []
