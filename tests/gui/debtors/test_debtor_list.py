"""The debtor list: 五十音 order, lazy paging on scroll, folded search, filters, saved conditions, keyboard."""

from __future__ import annotations

from debtor_gui_data import EXPECTED_ORDER, make_claim, type_japanese
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QTableView

from saiken.services import audit as audit_services
from saiken.services import debtors as debtor_services
from saiken.ui.debtors.list_model import DebtorListModel
from saiken.ui.debtors.page import DebtorsPage


def _page(qtbot, context) -> DebtorsPage:
    page = DebtorsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page


def _kana_column(model) -> list[str]:
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_rows_in_gojuon_order_with_amounts_right_aligned(qtbot, page_context, hand_debtors):
    page = _page(qtbot, page_context)
    model = page.list_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    assert _kana_column(model) == EXPECTED_ORDER
    assert model.index(0, 6).data() == "1,000,000円"
    alignment = Qt.AlignmentFlag(model.index(0, 8).data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert "5" in page.list_page.count_label.text()


def test_model_fetches_more_pages_as_the_user_scrolls(qtbot, page_context, vault_session):
    for i in range(45):
        debtor_services.add_debtor(
            vault_session,
            management_no=f"S-{i:03d}",
            name=f"架空商店{i:03d}",
            name_kana=f"カクウショウテン{i:03d}",
            claims=[make_claim(10_000 + i)],
        )
    from saiken.services.debtors import DebtorFilter

    model = DebtorListModel(page_context.ops, page_size=20)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.setModel(model)
    view.show()
    model.set_filter(DebtorFilter())
    qtbot.waitUntil(lambda: model.rowCount() == 20 and not model.loading, timeout=5000)
    assert model.total == 45 and model.canFetchMore()
    # the user scrolls to the end: the view asks for more, one page at a time, until all 45 are in
    for expected in (40, 45):
        view.scrollToBottom()
        qtbot.waitUntil(lambda n=expected: model.rowCount() == n, timeout=5000)
    assert not model.canFetchMore()
    kana = _kana_column(model)
    assert kana == sorted(kana) and len(set(kana)) == 45


def test_the_page_cache_keeps_few_rows_and_fetches_evicted_pages_again(qtbot, page_context, vault_session):
    for i in range(45):
        debtor_services.add_debtor(
            vault_session,
            management_no=f"E-{i:03d}",
            name=f"架空商会{i:03d}",
            name_kana=f"カクウショウカイ{i:03d}",
            claims=[make_claim(10_000 + i)],
        )
    from saiken.services.debtors import DebtorFilter

    model = DebtorListModel(page_context.ops, page_size=10, max_pages=2)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 200)
    view.setModel(model)
    view.show()
    model.set_filter(DebtorFilter())
    while model.canFetchMore() or model.loading:
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert model.rowCount() == 45
    assert model.cached_rows() <= 20  # two pages of ten, not 45 rows
    first = model.index(0, 1)
    assert first.data() == "…"  # evicted: on its way back
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "架空商会000", timeout=5000)
    assert model.index(44, 1).data() in ("…", "架空商会044")


def test_typing_takahashi_in_hiragana_finds_both_kanji_forms(qtbot, page_context, hand_debtors):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    lp.search.setFocus()
    type_japanese(lp.search, "たかはし")
    qtbot.waitUntil(lambda: lp.model.rowCount() == 2 and not lp.model.loading, timeout=5000)
    names = {lp.model.index(r, 1).data() for r in range(2)}
    assert names == {"高橋工務店", "髙橋製作所"}


def test_enter_opens_the_card_and_the_view_is_audited(qtbot, page_context, hand_debtors, vault_session):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    lp.search.setFocus()
    qtbot.keyClick(lp.search, Qt.Key.Key_Down)  # into the table, first row
    qtbot.keyClick(lp.table, Qt.Key.Key_Down)  # second row: カクウショウジ = T-003
    assert lp.table.currentIndex().row() == 1
    qtbot.keyClick(lp.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card_page.card is not None, timeout=5000)
    assert page.currentWidget() is page.card_page
    assert page.card_page.card.management_no == "T-003"
    assert page.card_page.name.text() == "架空商事株式会社　御中"
    views = audit_services.list_entries(vault_session, action="debtor.view")
    assert [e.target_id for e in views] == [str(hand_debtors["T-003"])]


def test_keyboard_only_round_trip(qtbot, page_context, hand_debtors):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    page.activateWindow()
    lp.table.setFocus()
    qtbot.keyClick(lp.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: search box
    assert lp.search.hasFocus()
    type_japanese(lp.search, "ワタナベ")
    qtbot.keyClick(lp.search, Qt.Key.Key_Return)  # search now and open the only hit
    qtbot.waitUntil(lambda: page.card_page.card is not None, timeout=5000)
    assert page.currentWidget() is page.card_page
    assert page.card_page.card.management_no == "T-005"
    qtbot.keyClick(page.card_page.tabs, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.card_page.tabs.currentWidget() is page.card_page.records_tab
    qtbot.keyClick(page.card_page.tabs, Qt.Key.Key_Escape)  # back to the list, focus on the table
    assert page.currentWidget() is lp
    assert lp.table.hasFocus()


def test_tab_order_goes_from_search_through_the_filters_to_the_table(qtbot, page_context, hand_debtors):
    page = _page(qtbot, page_context)
    lp = page.list_page
    chain = [
        lp.search,
        lp.conditions,
        lp.save_condition_button,
        lp.delete_condition_button,
        lp.filter_toggle,
        lp.columns_button,
        *lp.filters.focus_chain(),
        lp.table,
    ]
    walked = [lp.search]
    for _ in range(len(chain) - 1):
        walked.append(walked[-1].nextInFocusChain())
        while not walked[-1].focusPolicy() & Qt.FocusPolicy.TabFocus or walked[-1].focusProxy() is not None:
            walked[-1] = walked[-1].nextInFocusChain()
    assert walked == chain


def test_filter_by_status_and_a_bad_date_is_named(qtbot, page_context, hand_debtors, vault_session):
    debtor_services.set_status(vault_session, hand_debtors["T-005"], "交渉中")
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    lp.filters.status_checks["交渉中"].setChecked(True)
    lp.filters.apply_button.click()
    qtbot.waitUntil(lambda: lp.model.rowCount() == 1 and not lp.model.loading, timeout=5000)
    assert lp.model.index(0, 0).data() == "T-005"
    lp.filters.due_from.setText("令和7年2月30日")
    lp.filters.apply_button.click()
    assert lp.filters.error.isVisible()
    assert "納期限" in lp.filters.error.text() or "Due date" in lp.filters.error.text()
    assert "令和7年2月30日" in lp.filters.error.text()
    assert lp.model.rowCount() == 1  # nothing applied


def test_saved_conditions_save_choose_delete(qtbot, page_context, hand_debtors):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    lp.search.setText("たかはし")
    lp.save_condition("高橋さん")
    qtbot.waitUntil(lambda: lp.conditions.count() == 2, timeout=5000)
    lp.search.setText("")
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5 and not lp.model.loading, timeout=5000)
    lp.conditions.setCurrentIndex(1)
    lp.conditions.activated.emit(1)
    qtbot.waitUntil(lambda: lp.model.rowCount() == 2 and not lp.model.loading, timeout=5000)
    assert lp.search.text() == "たかはし"
    page_context.dialogs.before_exec = lambda box: QTimer.singleShot(
        0, box.button(QMessageBox.StandardButton.Yes).click
    )
    lp.conditions.setCurrentIndex(1)
    lp.delete_condition()
    qtbot.waitUntil(lambda: lp.conditions.count() == 1, timeout=5000)


def test_after_a_payment_the_list_comes_back_refreshed_at_the_same_row(
    qtbot, page_context, hand_debtors, driver
):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    lp.table.setCurrentIndex(lp.model.index(2, 0))  # タカハシコウムテン = T-001
    qtbot.keyClick(lp.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=5000)
    dialog = page.card_page.open_payment_dialog()
    dialog.paid_on.setText("2025/09/10")
    dialog.amount.setText("250,000")
    before = page.card_page.card
    driver.then(lambda box: box.done(QMessageBox.StandardButton.Yes))  # it renews limitation: yes
    dialog.submit()
    qtbot.waitUntil(lambda: page.card_page.card is not before, timeout=5000)
    page.activateWindow()  # the dialog has closed: the window is active again
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    qtbot.keyClick(page.card_page.tabs, Qt.Key.Key_Escape)
    assert page.currentWidget() is lp
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5 and lp.table.currentIndex().row() == 2, timeout=5000)
    assert lp.model.index(2, 7).data() == "250,000円"  # 納付済 refreshed from the service


def test_searches_typed_in_the_list_are_audited_as_a_count_never_the_text(
    qtbot, page_context, hand_debtors, vault_session
):
    """DESIGN §5 / issue 6 item 8: in the GUI, searches are summarised per session (how many, never the
    text typed); opening a card stays audited one by one (the test above)."""
    import json

    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5 and not lp.model.loading, timeout=5000)
    lp.search.setFocus()
    type_japanese(lp.search, "たかはし")
    qtbot.waitUntil(lambda: lp.model.rowCount() == 2 and not lp.model.loading, timeout=5000)
    lp.search.clear()
    type_japanese(lp.search, "ワタナベ")
    qtbot.waitUntil(lambda: lp.model.rowCount() == 1 and not lp.model.loading, timeout=5000)
    page_context.ops.wait_idle(5000)
    assert audit_services.list_entries(vault_session, action="search.summary") == []  # not one per search
    vault_session.flush_tallies()  # what signing out or locking does
    [summary] = audit_services.list_entries(vault_session, action="search.summary")
    assert summary.details["with_text"] >= 2 and summary.details["count"] >= summary.details["with_text"]
    written = json.dumps(summary.details, ensure_ascii=False)
    assert "たかはし" not in written and "ワタナベ" not in written and "高橋" not in written
