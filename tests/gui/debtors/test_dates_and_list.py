"""Dates as the office writes them (日付の表示: 和暦 by default, 西暦 by choice, per user), and the debtor list's
columns and keyboard: 元金残高, the column chooser remembered per user, the distinctive company reading,
Enter in the search box opening the only or first hit."""

from __future__ import annotations

import datetime as dt

import pytest
from debtor_gui_data import type_japanese
from PySide6.QtCore import Qt

from saiken.services import debtors as debtor_services
from saiken.services import preferences
from saiken.ui.debtors.list_model import COLUMN_KEYS
from saiken.ui.debtors.page import DebtorsPage
from saiken.ui.kit import display


@pytest.fixture
def page(qtbot, page_context, hand_debtors):
    shown = DebtorsPage(page_context)
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: shown.list_page.model.rowCount() == 5, timeout=10_000)
    yield shown
    display.set_date_style(display.WAREKI)


def _column(page, key):
    return COLUMN_KEYS.index(key)


def _cell(page, row, key):
    model = page.list_page.model
    return model.index(row, _column(page, key)).data()


def test_dates_are_wareki_by_default_and_western_when_chosen(
    qtbot, page, page_context, hand_debtors, vault_session
):
    debtor_services.add_record(
        vault_session,
        hand_debtors["T-004"],
        at=dt.datetime(2025, 9, 10, 1, 0, tzinfo=dt.UTC),
        channel="電話",
        direction="発信",
        person="本人",
        summary="架空の連絡",
        next_action_on=dt.date(2025, 10, 11),
    )
    page.list_page.model.refresh()
    qtbot.waitUntil(lambda: _cell(page, 0, "next_action_on") == "R7.10.11", timeout=10_000)
    page.open_debtor(hand_debtors["T-004"])
    card = page.card_page
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    assert card.as_of.text() == "令和7年9月16日 現在"
    assert card.records_tab.timeline.texts()[0][0] == "R7.9.10 10:00"
    assert card.claims_tab.claims.texts()[0][6] == "R7.3.21"
    # the user chooses 西暦: every screen follows the change record at once
    chosen = preferences.set_date_style(vault_session, preferences.SEIREKI).value
    page_context.preferences.apply(chosen)
    assert card.as_of.text() == "2025年9月16日 現在"
    assert card.records_tab.timeline.texts()[0][0] == "2025/09/10 10:00"
    assert card.claims_tab.claims.texts()[0][6] == "2025/03/21"
    assert card.limitation.text() == "時効は2030年3月21日に満了します（あと1,647日）。"
    assert _cell(page, 0, "next_action_on") == "2025/10/11"
    # and it is the user's own: it is kept in the vault under their name
    assert preferences.get_preferences(vault_session).date_style == preferences.SEIREKI


def test_inputs_accept_both_ways_of_writing_a_date(qtbot, page, hand_debtors):
    page.open_debtor(hand_debtors["T-001"])
    card = page.card_page
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    field = card.records_tab.form.promise_date
    for text in ("令和7年10月10日", "R7.10.10", "2025/10/10", "2025-10-10", "Ｒ７．１０．１０"):
        field.setText(text)
        assert field.date("期日") == dt.date(2025, 10, 10)
    page.list_page.filters.next_from.setText("令和7年10月1日")
    page.list_page.filters.next_to.setText("2025/10/31")
    fields = page.list_page.filters.fields()
    assert (fields["next_action_from"], fields["next_action_to"]) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 10, 31),
    )


def test_the_balance_column_says_it_is_the_principal_balance(page):
    model = page.list_page.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "元金残高" in headers and "残高" not in headers


def test_company_readings_show_the_part_that_tells_them_apart(qtbot, page, vault_session):
    for no, name, kana in (
        ("K-1", "株式会社架空商事", "カブシキガイシャカクウショウジ"),
        ("K-2", "架空物産株式会社", "カクウブッサンカブシキガイシャ"),
    ):
        debtor_services.add_debtor(vault_session, management_no=no, name=name, name_kana=kana, kind="法人")
    page.list_page.model.refresh()
    qtbot.waitUntil(lambda: page.list_page.model.rowCount() == 7, timeout=10_000)
    readings = {_cell(page, r, "management_no"): _cell(page, r, "name_kana") for r in range(7)}
    assert readings["K-1"] == "カクウショウジ（株）"
    assert readings["K-2"] == "カクウブッサン（株）"
    assert readings["T-001"] == "タカハシコウムテン"


def test_the_column_chooser_adds_columns_and_the_layout_is_remembered_for_the_user(
    qtbot, page, page_context, vault_session
):
    lp = page.list_page
    header = lp.table.horizontalHeader()
    phone = _column(page, "phone")
    assert header.isSectionHidden(phone)
    lp._column_actions["phone"].trigger()  # 表示する列… → 電話番号
    assert not header.isSectionHidden(phone)
    assert _cell(page, 0, "phone") == "03-5000-0000"
    header.moveSection(header.visualIndex(phone), 1)
    header.resizeSection(_column(page, "name"), 260)
    lp.save_layout()
    qtbot.waitUntil(
        lambda: bool(preferences.get_preferences(vault_session).table("debtor_list")), timeout=10_000
    )
    saved = preferences.get_preferences(vault_session).table("debtor_list")
    assert [c.key for c in saved][:2] == ["management_no", "phone"]
    assert {c.key: c.width for c in saved}["name"] == 260
    assert {c.key: c.visible for c in saved}["phone"] is True
    # a new list for the same user comes up arranged the same way
    page_context.preferences.apply(preferences.get_preferences(vault_session))
    again = DebtorsPage(page_context)
    qtbot.addWidget(again)
    again_header = again.list_page.table.horizontalHeader()
    assert not again_header.isSectionHidden(phone)
    assert again_header.visualIndex(phone) == 1
    assert again_header.sectionSize(_column(page, "name")) == 260


def test_enter_in_the_search_box_opens_the_only_hit(qtbot, page, hand_debtors):
    lp = page.list_page
    lp.focus_search()
    type_japanese(lp.search, "ワタナベ")
    qtbot.keyClick(lp.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=10_000)
    assert page.card_page.card.management_no == "T-005"


def test_enter_in_the_search_box_opens_the_first_of_several_hits(qtbot, page, hand_debtors):
    lp = page.list_page
    lp.focus_search()
    type_japanese(lp.search, "たかはし")  # 高橋工務店 and 髙橋製作所; the first in 五十音 order opens
    qtbot.keyClick(lp.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=10_000)
    assert page.card_page.card.management_no == "T-001"


def test_ctrl_tab_switches_the_card_tabs_wherever_the_focus_is(qtbot, page, hand_debtors):
    page.open_debtor(hand_debtors["T-001"])
    card = page.card_page
    qtbot.waitUntil(lambda: page.currentWidget() is card, timeout=10_000)
    card.tabs.setCurrentWidget(card.records_tab)
    summary = card.records_tab.form.summary
    summary.setFocus()
    qtbot.waitUntil(summary.hasFocus, timeout=5000)
    qtbot.keyClick(summary, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert card.tabs.currentWidget() is card.plan_tab
    card.payment_button.setFocus()  # a button of the header, outside the tabs
    qtbot.keyClick(
        card.payment_button,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert card.tabs.currentWidget() is card.records_tab
    qtbot.keyClick(
        card.payment_button,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(
        card.payment_button,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert card.tabs.currentWidget() is card.tags_tab  # round the end
