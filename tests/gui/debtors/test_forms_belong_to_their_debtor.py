"""Forms belong to their debtor (DESIGN §4 convention 12): nothing typed on one card appears on the next
debtor's card, and leaving a form with unsaved input asks 「保存していない入力があります」 first.

Real vault, real services, real widgets; the debtors are opened through the debtors page as a user does.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from saiken.services import debtors as debtor_services
from saiken.ui.debtors.page import DebtorsPage

UNSAVED = "保存していない入力があります"


@pytest.fixture
def page(qtbot, page_context, hand_debtors):
    shown = DebtorsPage(page_context)
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: shown.list_page.model.rowCount() == 5, timeout=10_000)
    return shown


def _open(qtbot, page, debtor_id):
    page.open_debtor(debtor_id)
    qtbot.waitUntil(
        lambda: page.card_page.card is not None and page.card_page.card.id == debtor_id, timeout=10_000
    )
    return page.card_page


def _answer(button):
    def answer(box):
        assert isinstance(box, QMessageBox)
        box.done(button)

    return answer


def test_a_negotiation_draft_typed_on_one_card_is_not_on_the_next(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    form = card.records_tab.form
    form.person.setText("代表者")
    form.summary.setPlainText("架空の下書き：まだ保存していない")
    form.promise_amount.setText("50,000")
    form.channel.setCurrentText("来所")
    driver.then(_answer(QMessageBox.StandardButton.Yes))  # 入力を破棄して進む
    card.request_back()
    assert page.currentWidget() is page.list_page
    assert driver.seen and driver.seen[-1].windowTitle() == UNSAVED
    card = _open(qtbot, page, hand_debtors["T-002"])
    assert card.name.text().startswith("髙橋製作所")
    assert form.summary.toPlainText() == ""
    assert form.person.text() == "" and form.promise_amount.text() == ""
    assert form.channel.currentText() == "電話"
    assert not card.unsaved_forms()


def test_keeping_the_input_stays_on_the_card_with_the_draft(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    card.records_tab.form.summary.setPlainText("架空の下書き")
    driver.then(_answer(QMessageBox.StandardButton.Cancel))  # keep typing
    qtbot.keyClick(card.records_tab.form.person, Qt.Key.Key_Escape)
    assert page.currentWidget() is card
    assert card.records_tab.form.summary.toPlainText() == "架空の下書き"
    assert card.unsaved_forms() == ["交渉経過"]
    # opening another debtor from elsewhere asks the same way, and keeping the input keeps the card
    driver.then(_answer(QMessageBox.StandardButton.Cancel))
    page.open_debtor(hand_debtors["T-002"])
    assert card.card.id == hand_debtors["T-001"]
    assert card.records_tab.form.summary.toPlainText() == "架空の下書き"


def test_the_plan_editor_starts_from_the_debtor_opened(qtbot, page, hand_debtors, vault_session, driver):
    debtor_services.add_payment(
        vault_session, hand_debtors["T-002"], paid_on=dt.date(2025, 6, 30), amount=400_000
    )
    card = _open(qtbot, page, hand_debtors["T-001"])
    plan = card.plan_tab
    assert plan.total.text() == "1,186,600"  # T-001: everything still due (see test_debtor_card)
    card.request_back()
    card = _open(qtbot, page, hand_debtors["T-002"])
    second_total = card.card.totals.total
    assert second_total != 1_186_600
    assert plan.total.text() == f"{second_total:,}"


def test_a_touched_plan_editor_is_asked_about_and_then_reset(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    plan = card.plan_tab
    plan.total.setText("600,000")
    plan.count.setValue(6)
    plan.split_equally()
    assert plan.schedule.rowCount() == 6
    assert card.unsaved_forms() == ["分納"]
    driver.then(_answer(QMessageBox.StandardButton.Yes))
    card.request_back()
    card = _open(qtbot, page, hand_debtors["T-001"])
    assert plan.schedule.rowCount() == 0 and plan.count.value() == 10
    assert plan.total.text() == "1,186,600"


def test_notes_status_and_handler_changed_but_not_saved_are_unsaved_input(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    tags = card.tags_tab
    tags.notes.setPlainText("架空のメモ（未保存）")
    tags.status.setCurrentText("交渉中")
    assert card.unsaved_forms() == ["タグ・メモ"]
    driver.then(_answer(QMessageBox.StandardButton.Yes))
    card.request_back()
    card = _open(qtbot, page, hand_debtors["T-003"])
    assert tags.notes.toPlainText() == ""
    assert tags.status.currentText() == "未着手"


def test_a_reload_of_the_same_debtor_keeps_what_is_being_typed(qtbot, page, hand_debtors, vault_session):
    card = _open(qtbot, page, hand_debtors["T-001"])
    card.records_tab.form.summary.setPlainText("架空の下書き")
    card.tags_tab.notes.setPlainText("書きかけのメモ")
    before = card.card
    debtor_services.add_payment(
        vault_session, hand_debtors["T-001"], paid_on=dt.date(2025, 9, 1), amount=1000
    )
    card.reload()
    qtbot.waitUntil(lambda: card.card is not before, timeout=10_000)
    assert card.records_tab.form.summary.toPlainText() == "架空の下書き"
    assert card.tags_tab.notes.toPlainText() == "書きかけのメモ"


def test_cancelling_a_payment_with_an_amount_typed_asks_first(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    dialog = card.open_payment_dialog()
    dialog.amount.setText("30,000")
    driver.then(_answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert dialog.isVisible()
    assert driver.seen[-1].windowTitle() == UNSAVED
    driver.then(_answer(QMessageBox.StandardButton.Yes))
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_an_empty_payment_dialog_closes_without_asking(qtbot, page, hand_debtors, driver):
    card = _open(qtbot, page, hand_debtors["T-001"])
    dialog = card.open_payment_dialog()
    seen = len(driver.seen)
    dialog.reject()
    assert not dialog.isVisible()
    assert len(driver.seen) == seen
