"""The debtor card: payments update the header, quick entry, corrections with history, the charge statement,
the instalment editor, inquiries and attachments previewed from memory (real vault, real services)."""

from __future__ import annotations

import datetime as dt
import os
from fractions import Fraction

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from saiken.services import debtors as debtor_services
from saiken.ui.debtors.card import DebtorCardPage


@pytest.fixture
def card_page(qtbot, page_context, hand_debtors):
    page = DebtorCardPage(page_context)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.open_debtor(hand_debtors["T-001"])
    qtbot.waitUntil(lambda: page.card is not None, timeout=5000)
    return page


def _reloaded(qtbot, page, before):
    qtbot.waitUntil(lambda: page.card is not before, timeout=5000)
    return page.card


def test_header_shows_amounts_as_of_the_clock(card_page):
    # 1,000,000 received 2024-07-01, due 2025-03-21, today 2025-09-16 (the fixed clock), nothing paid:
    # 加算金 2024-07-01..2025-09-16 = 443 days × 0.03 %/day × 1,000,000 = 132,900
    # 延滞金 2025-03-22..2025-09-16 = 179 days × 0.03 %/day × 1,000,000 = 53,700
    tiles = card_page.tiles
    assert tiles["principal"].value.text() == "1,000,000円"
    assert tiles["paid"].value.text() == "0円"
    assert tiles["additional_charge"].value.text() == "132,900円"
    assert tiles["late_charge"].value.text() == "53,700円"
    assert tiles["total"].value.text() == "1,186,600円"
    assert card_page.name.text() == "高橋工務店　様"


def _yes(box):
    box.done(QMessageBox.StandardButton.Yes)


def test_entering_a_payment_with_a_wareki_date_updates_the_header(qtbot, card_page, driver, vault_session):
    driver.then(_yes)  # the payment renews limitation: the officer is asked first and says yes
    dialog = card_page.open_payment_dialog()
    dialog.paid_on.setText("R7.9.1")
    dialog.amount.setText("300,000円")
    dialog.source.setCurrentText("口座振込")
    dialog.confirmed.setChecked(True)
    before = card_page.card
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    card = _reloaded(qtbot, card_page, before)
    assert card.payments[0].paid_on == dt.date(2025, 9, 1) and card.payments[0].amount == 300_000
    assert card.payments[0].confirmed
    assert card_page.tiles["paid"].value.text() == "300,000円"
    # the header shows exactly what the service computes, and the total fell
    fresh = debtor_services.get_card(vault_session, card.id).totals
    assert card_page.tiles["total"].value.text() == f"{fresh.total:,}円"
    assert fresh.total < 1_186_600
    assert card_page.claims_tab.payments.texts()[0][:4] == ["R7.9.1", "300,000円", "口座振込", "済"]


def test_a_bad_payment_amount_is_named_and_nothing_is_stored(qtbot, card_page, vault_session):
    dialog = card_page.open_payment_dialog()
    dialog.paid_on.setText("令和7年2月30日")
    dialog.amount.setText("1000")
    dialog.submit()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "令和7年2月30日" in dialog.error.text()
    dialog.paid_on.setText("2025-09-01")
    dialog.amount.setText("12.5")
    dialog.submit()
    assert "端数" in dialog.error.text()
    assert debtor_services.get_card(vault_session, card_page.card.id).payments == []


def test_quick_entry_adds_the_record_at_the_top_of_the_timeline(qtbot, card_page, vault_session):
    debtor_services.add_record(
        vault_session,
        card_page.card.id,
        at=dt.datetime(2025, 9, 10, 1, 0, tzinfo=dt.UTC),
        channel="電話",
        direction="発信",
        person="本人",
        summary="架空の初回連絡",
    )
    card_page.reload()
    qtbot.waitUntil(lambda: len(card_page.card.records) == 1, timeout=5000)
    tab = card_page.records_tab
    card_page.tabs.setCurrentWidget(tab)
    form = tab.form
    form.channel.setCurrentText("来所")
    form.direction.setCurrentText("受信")
    form.person.setText("代表者")
    form.summary.setPlainText("架空の来所。分納を相談。")
    form.promise_amount.setText("50,000")
    form.promise_date.setText("R7.10.10")
    form.next_action.setText("2025/10/11")
    before = card_page.card
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    card = _reloaded(qtbot, card_page, before)
    assert len(card.records) == 2
    top = tab.timeline.texts()[0]
    assert top[1:4] == ["来所", "受信", "代表者"]
    assert top[5] == "架空の来所。分納を相談。"
    assert top[6] == "50,000円\nR7.10.10まで"  # tables show dates in the era (日付の表示: 和暦)
    assert top[7] == "R7.10.11"
    assert tab.timeline.texts()[1][5] == "架空の初回連絡"
    assert form.summary.toPlainText() == ""  # ready for the next entry


def test_correcting_a_record_keeps_the_old_version_in_the_history(qtbot, card_page, vault_session):
    debtor_services.add_record(
        vault_session,
        card_page.card.id,
        at=dt.datetime(2025, 9, 10, 1, 0, tzinfo=dt.UTC),
        channel="電話",
        direction="発信",
        person="本人",
        summary="架空の誤記",
    )
    card_page.reload()
    qtbot.waitUntil(lambda: len(card_page.card.records) == 1, timeout=5000)
    tab = card_page.records_tab
    tab.timeline.selectRow(0)
    dialog = tab.open_correction()
    dialog.form.summary.setPlainText("架空の訂正後")
    before = card_page.card
    dialog.submit()
    card = _reloaded(qtbot, card_page, before)
    assert card.records[0].summary == "架空の訂正後" and card.records[0].version == 2
    assert tab.timeline.texts()[0][8] == "第2版"
    tab.timeline.selectRow(0)
    tab.open_history()
    qtbot.waitUntil(lambda: getattr(tab, "history_dialog", None) is not None, timeout=5000)
    rows = tab.history_dialog.findChild(type(tab.timeline), "historyTable").texts()
    assert [r[0] for r in rows] == ["第2版（現行）", "第1版"] or [r[0] for r in rows] == [
        "第2版 (current)",
        "第1版",
    ]
    assert "架空の誤記" in rows[1][8]


def test_the_charge_statement_shows_every_segment_and_the_truncation(qtbot, card_page, vault_session):
    debtor_services.add_payment(
        vault_session, card_page.card.id, paid_on=dt.date(2025, 6, 30), amount=400_000
    )
    card_page.reload()
    qtbot.waitUntil(lambda: card_page.card.totals.paid == 400_000, timeout=5000)
    card_page.open_charge_statement()
    qtbot.waitUntil(lambda: card_page.statement_dialog is not None, timeout=5000)
    rows = card_page.statement_dialog.segment_texts()
    result = debtor_services.charge_statement(vault_session, card_page.card.id, as_of=dt.date(2025, 9, 16))
    assert len(rows) == len(result.segments) >= 3
    # late charge before the payment: 2025-03-22..2025-06-30 = 101 days on 1,000,000 → 30,300 exactly
    late = [r for r in rows if r[1] == "R7.3.22"]
    assert late and late[0][3] == "101" and late[0][5] == "1,000,000円" and late[0][6] == "10.95%"
    assert late[0][8] == "30,300.0000円"  # the column shows every amount with the same 4 decimals
    # and after it on 600,000: 2025-07-01..2025-09-16 = 78 days → 600,000 × 0.0003 × 78 = 14,040
    after = [r for r in rows if r[1] == "R7.7.1" and r[5] == "600,000円" and r[0] != rows[0][0]]
    assert after and after[0][3] == "78" and after[0][8] == "14,040.0000円"
    exact = sum((s.amount for s in result.segments if s.kind == "late"), Fraction(0))
    assert exact == Fraction(44_340)
    summary = card_page.statement_dialog.summary_labels
    assert summary["late"].text().endswith(f"→ {result.late_charge:,}円")
    assert summary["total_remaining"].text() == f"{result.total_remaining:,}円"


def test_instalment_editor_splits_with_the_remainder_first_and_creates_the_plan(qtbot, card_page, driver):
    tab = card_page.plan_tab
    card_page.tabs.setCurrentWidget(tab)
    tab.total.setText("100,000")
    tab.count.setValue(3)
    tab.first_due.setText("R7.10.31")
    tab.split_equally()
    assert [[tab.schedule.item(r, c).text() for c in range(2)] for r in range(3)] == [
        ["R7.10.31", "33,334"],
        ["R7.11.30", "33,333"],
        ["R7.12.31", "33,333"],
    ]
    driver.then(_yes)  # a plan is confirmed first (it renews limitation)
    before = card_page.card
    tab.create_button.click()
    card = _reloaded(qtbot, card_page, before)
    assert card.plan is not None and [r.amount for r in card.plan.rows] == [33_334, 33_333, 33_333]
    assert [r[2] for r in tab.rows.texts()] == ["33,334円", "33,333円", "33,333円"]
    assert not tab.alert.isVisible()
    assert tab.accelerate_button.isEnabled()


def test_a_missed_instalment_shows_the_alert(qtbot, card_page, vault_session):
    debtor_services.create_instalment_plan(
        vault_session,
        card_page.card.id,
        total=90_000,
        count=3,
        first_due=dt.date(2025, 7, 31),
        agreed_on=dt.date(2025, 7, 1),
    )
    card_page.reload()
    qtbot.waitUntil(lambda: card_page.card.plan is not None, timeout=5000)
    tab = card_page.plan_tab
    card_page.tabs.setCurrentWidget(tab)
    assert tab.alert.isVisible() and "不履行" in tab.alert.text()
    assert tab.rows.texts()[0][4] == "不履行"


def test_inquiry_asked_and_answered(qtbot, card_page):
    tab = card_page.inquiries_tab
    tab.kind.setCurrentText("入金確認")
    tab.question.setText("架空の入金の確認をお願いします")
    before = card_page.card
    tab.ask()
    card = _reloaded(qtbot, card_page, before)
    assert tab.table.texts()[0][1:3] == ["入金確認", "架空の入金の確認をお願いします"]
    assert "1" in tab.open_count.text()
    tab.table.selectRow(0)
    tab.answer.setText("架空の確認済み")
    tab.answered_on.setText("R7.9.16")
    tab.record_answer()
    card = _reloaded(qtbot, card_page, card)
    assert card.inquiries[0].answer == "架空の確認済み"
    assert tab.table.texts()[0][3:] == ["R7.9.16", "架空の確認済み"]


def _png_bytes() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _pdf_bytes() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, "fictional application")
    pdf.showPage()
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_attachments_preview_from_memory_without_temp_files(
    qtbot, card_page, vault_session, tmp_path, monkeypatch
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    debtor_id = card_page.card.id
    debtor_services.add_attachment(
        vault_session, debtor_id, filename="架空申請書.pdf", data=_pdf_bytes(), mime="application/pdf"
    )
    picture = tmp_path / "架空写真.png"
    picture.write_bytes(_png_bytes())
    card_page.reload()
    qtbot.waitUntil(lambda: len(card_page.card.attachments) == 1, timeout=5000)
    tab = card_page.attachments_tab
    card_page.tabs.setCurrentWidget(tab)
    before = card_page.card
    tab.add_file(picture)  # added through the page, read once into memory
    card = _reloaded(qtbot, card_page, before)
    assert {a.filename for a in card.attachments} == {"架空申請書.pdf", "架空写真.png"}
    names = [row[0] for row in tab.table.texts()]
    tab.table.selectRow(names.index("架空申請書.pdf"))
    qtbot.waitUntil(lambda: tab.preview.currentWidget() is tab.preview.pdf_view, timeout=5000)
    assert tab.preview.page_count() == 2
    tab.table.selectRow(names.index("架空写真.png"))
    qtbot.waitUntil(lambda: tab.preview.image is not None, timeout=5000)
    assert (tab.preview.image.width(), tab.preview.image.height()) == (40, 30)
    assert os.listdir(temp) == []


def test_a_file_that_is_not_pdf_or_image_is_refused_with_its_reason(qtbot, card_page, tmp_path):
    fake = tmp_path / "架空.pdf"
    fake.write_bytes(b"not really a pdf")
    tab = card_page.attachments_tab
    card_page.tabs.setCurrentWidget(tab)
    tab.add_file(fake)
    qtbot.waitUntil(lambda: tab.error.isVisible(), timeout=5000)
    assert "PDF" in tab.error.text()
    assert card_page.card.attachments == []


def test_document_sent_then_marked_returned(qtbot, card_page):
    tab = card_page.documents_tab
    card_page.tabs.setCurrentWidget(tab)
    tab.kind.setCurrentText("督促状")
    tab.sent_on.setText("R7.9.1")
    tab.method.setCurrentText("簡易書留")
    tab.tracking.setText("1234-5678-9012")
    before = card_page.card
    tab.log_button.click()
    card = _reloaded(qtbot, card_page, before)
    assert tab.table.texts() == [["R7.9.1", "督促状", "簡易書留", "1234-5678-9012", ""]]
    tab.table.selectRow(0)
    tab.returned_button.click()
    card = _reloaded(qtbot, card_page, card)
    assert card.documents[0].returned_on == dt.date(2025, 9, 16)  # today by the vault's clock
    assert tab.table.texts()[0][4] == "R7.9.16"


def test_tags_notes_and_status_are_saved_through_the_services(qtbot, card_page, vault_session):
    tab = card_page.tags_tab
    card_page.tabs.setCurrentWidget(tab)
    tab.tag_name.setText("架空要注意")
    tab.tag_expires.setText("R7.12.31")
    before = card_page.card
    tab.add_tag_button.click()
    card = _reloaded(qtbot, card_page, before)
    assert [(t.name, t.expires_on) for t in card.tags] == [("架空要注意", dt.date(2025, 12, 31))]
    tab.notes.setPlainText("架空のメモ")
    tab.save_notes_button.click()
    card = _reloaded(qtbot, card_page, card)
    tab.status.setCurrentText("交渉中")
    tab.status_button.click()
    card = _reloaded(qtbot, card_page, card)
    stored = debtor_services.get_card(vault_session, card.id)
    assert stored.notes == "架空のメモ" and stored.status == "交渉中"
    assert card_page.status_chip.text() == "交渉中"


def test_accelerating_a_missed_plan_after_confirmation(qtbot, card_page, vault_session, page_context):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    debtor_services.create_instalment_plan(
        vault_session,
        card_page.card.id,
        total=90_000,
        count=3,
        first_due=dt.date(2025, 7, 31),
        agreed_on=dt.date(2025, 7, 1),
    )
    card_page.reload()
    qtbot.waitUntil(lambda: card_page.card.plan is not None, timeout=5000)
    tab = card_page.plan_tab
    card_page.tabs.setCurrentWidget(tab)
    page_context.dialogs.before_exec = lambda box: QTimer.singleShot(
        0, box.button(QMessageBox.StandardButton.Yes).click
    )
    before = card_page.card
    tab.accelerate_button.click()
    card = _reloaded(qtbot, card_page, before)
    assert card.plan.status == "期限の利益喪失" and card.plan.accelerated_on == dt.date(2025, 9, 16)
    assert not tab.accelerate_button.isEnabled()
    assert "期限の利益喪失" in tab.summary.text()
