"""Each save says what it did (the status-bar line), and an action with a legal effect says so before it is
done: a payment or a plan that renews limitation shows the new expiry date and asks; acceleration shows the
amount that falls due. Worked examples (the fixed clock says 2025-09-16; T-001 owes 1,000,000 due
2025-03-21, public-law claim, nothing paid):

- limitation now: 5 years from the day after the due date → ends 2030-03-21 (令和12年3月21日).
- a payment on 2025-09-01 acknowledges the debt: a new 5 years from it → 2030-09-01 (令和12年9月1日).
- a plan agreed today, 2025-09-16 → 2030-09-16 (令和12年9月16日).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
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
    qtbot.waitUntil(lambda: page.card is not None, timeout=10_000)
    return page


def _accept(texts):
    def answer(box):
        texts.append(box.text())
        box.done(QMessageBox.StandardButton.Yes)

    return answer


def _refuse(texts):
    def answer(box):
        texts.append(box.text())
        box.done(QMessageBox.StandardButton.Cancel)

    return answer


def test_the_limitation_line_is_one_sentence(card_page):
    assert card_page.limitation.text() == "時効は令和12年3月21日に満了します（あと1,647日）。"


def test_a_payment_that_renews_limitation_shows_the_new_expiry_and_asks(
    qtbot, card_page, driver, vault_session
):
    asked: list[str] = []
    dialog = card_page.open_payment_dialog()
    dialog.paid_on.setText("R7.9.1")
    dialog.amount.setText("30,000")
    driver.then(_refuse(asked))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "令和12年9月1日" in asked[0] and "令和12年3月21日" in asked[0] and "30,000円" in asked[0]
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert (
        debtor_services.get_card(vault_session, card_page.card.id).payments == []
    )  # refused: nothing stored
    before = card_page.card
    driver.then(_accept(asked))
    dialog.submit()
    qtbot.waitUntil(lambda: card_page.card is not before, timeout=10_000)
    assert [p.amount for p in card_page.card.payments] == [30_000]
    assert card_page.context.notices.last == "納付 30,000円 を登録しました（令和7年9月1日）。"
    assert card_page.limitation.text().startswith("時効は令和12年9月1日に満了します")


def test_a_payment_that_renews_nothing_is_not_asked_about(qtbot, card_page, driver, vault_session):
    debtor_services.add_payment(vault_session, card_page.card.id, paid_on=dt.date(2025, 9, 10), amount=1000)
    card_page.reload()
    qtbot.waitUntil(lambda: len(card_page.card.payments) == 1, timeout=10_000)
    dialog = card_page.open_payment_dialog()
    dialog.paid_on.setText("2025/9/1")  # before the latest payment: the expiry stays as it is
    dialog.amount.setText("2,000")
    seen = len(driver.seen)
    before = card_page.card
    dialog.submit()
    qtbot.waitUntil(lambda: card_page.card is not before, timeout=10_000)
    assert len(driver.seen) == seen
    assert card_page.context.notices.last.startswith("納付 2,000円 を登録しました")


def test_a_plan_says_it_renews_limitation_before_it_is_made(qtbot, card_page, driver, vault_session):
    tab = card_page.plan_tab
    card_page.tabs.setCurrentWidget(tab)
    tab.total.setText("600,000")
    tab.count.setValue(6)
    tab.split_equally()
    asked: list[str] = []
    before = card_page.card
    driver.then(_accept(asked))
    tab.create_plan()
    qtbot.waitUntil(lambda: card_page.card is not before, timeout=10_000)
    assert "令和12年9月16日" in asked[0] and "令和12年3月21日" in asked[0]
    assert "600,000円" in asked[0] and "6回" in asked[0]
    assert card_page.card.plan is not None and card_page.card.plan.total == 600_000
    assert card_page.context.notices.last == "総額 600,000円・6回の分納計画を作成しました。"


def test_acceleration_shows_the_amount_that_falls_due(qtbot, card_page, driver, vault_session):
    debtor_services.create_instalment_plan(
        vault_session,
        card_page.card.id,
        total=600_000,
        count=6,
        first_due=dt.date(2025, 7, 31),
        agreed_on=dt.date(2025, 7, 1),
    )
    debtor_services.add_payment(
        vault_session, card_page.card.id, paid_on=dt.date(2025, 7, 31), amount=100_000
    )
    card_page.reload()
    qtbot.waitUntil(
        lambda: card_page.card.plan is not None and card_page.card.plan.paid == 100_000, timeout=10_000
    )
    tab = card_page.plan_tab
    assert tab.accelerate_button.isEnabled()
    asked: list[str] = []
    driver.then(_refuse(asked))
    qtbot.mouseClick(tab.accelerate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "500,000円" in asked[0] and "令和7年9月16日" in asked[0]
    assert card_page.card.plan.status == "履行中"  # refused: nothing changed
    before = card_page.card
    driver.then(_accept(asked))
    qtbot.mouseClick(tab.accelerate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card_page.card is not before, timeout=10_000)
    assert card_page.card.plan.status == "期限の利益喪失"
    assert (
        card_page.context.notices.last == "期限の利益を喪失させました。残額 500,000円 が一括で納付期限です。"
    )


def test_every_save_on_the_card_says_what_it_did(qtbot, card_page, driver):
    notices = card_page.context.notices

    def saved(before, action):
        action()
        qtbot.waitUntil(lambda: card_page.card is not before, timeout=10_000)
        return notices.last

    records = card_page.records_tab
    records.form.summary.setPlainText("架空の電話")
    assert saved(card_page.card, records.add_record) == "交渉記録（R7.9.16 10:00 電話）を登録しました。"
    tags = card_page.tags_tab
    tags.tag_name.setText("要確認")
    assert saved(card_page.card, tags.add_tag) == "タグ「要確認」を追加しました。"
    tags.notes.setPlainText("架空のメモ")
    assert saved(card_page.card, tags.save_notes) == "メモを保存しました。"
    tags.status.setCurrentText("交渉中")
    assert saved(card_page.card, tags.change_status) == "状況を「交渉中」に変更しました。"
    inquiries = card_page.inquiries_tab
    inquiries.question.setText("納付書を再発行してください")
    assert saved(card_page.card, inquiries.ask) == "区への照会（納付書再発行）を記録しました。"
    documents = card_page.documents_tab
    documents.kind.setCurrentText("催告書")
    assert saved(card_page.card, documents.log) == "催告書（令和7年9月16日発送）を記録しました。"
    assert not card_page.unsaved_forms()  # what was saved is not "unsaved input" any more
