"""Letters for debtors chosen where the officer works: a selection in the debtor list, or the open card,
starts 文書 › 文書を作る with their management numbers filled in (issue 8, batches)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QPushButton

NUMBERS = ("L-001", "L-002", "L-003")


@pytest.fixture
def three_debtors(main_window, vault_folder, fixed_clock):
    from shell_gui_data import ADMIN, ADMIN_PASSWORD

    from saiken.services import debtors, vault

    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    try:
        for index, number in enumerate(NUMBERS):
            debtors.add_debtor(
                session,
                management_no=number,
                name=f"架空文書商店{index + 1}",
                kind="個人",
                claims=[{"principal": 100_000 * (index + 1), "due_date": dt.date(2025, 3, 21)}],
            )
    finally:
        session.close()


def _list_page(qtbot, main_window):
    page = main_window.show_area("debtors")
    page.list_page.model.refresh()
    qtbot.waitUntil(lambda: page.list_page.model.rowCount() == len(NUMBERS), timeout=10_000)
    return page


def _batch(main_window):
    documents = main_window.page("documents")
    assert documents is not None and main_window.pages.currentWidget() is documents
    return documents


def test_the_selected_debtors_become_a_batch_in_the_documents_area(qtbot, main_window, three_debtors):
    page = _list_page(qtbot, main_window)
    lp = page.list_page
    button = lp.findChild(QPushButton, "lettersForSelection")
    assert button.text() == "文書を作る…" and button.isVisible()
    model, selection = lp.model, lp.table.selectionModel()
    rows = {model.row_at(r).management_no: r for r in range(model.rowCount())}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for number in ("L-003", "L-001"):
        selection.select(model.index(rows[number], 0), flags)
    button.click()
    documents = _batch(main_window)
    assert documents.tabs.currentWidget() is documents.batch
    assert documents.tabs.tabText(documents.tabs.currentIndex()) == "文書の作成"
    assert documents.batch.source.currentText() == "管理番号"
    shown = documents.batch.numbers.toPlainText().splitlines()
    assert sorted(shown) == ["L-001", "L-003"]  # the two selected, not L-002


def test_nothing_selected_says_what_to_do_and_stays_on_the_list(qtbot, main_window, three_debtors, driver):
    page = _list_page(qtbot, main_window)
    seen: list[str] = []
    driver.then(lambda box: (seen.append(box.text()), box.accept()))
    page.list_page.table.clearSelection()
    page.list_page.letters_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [
        "先に、文書を送る債務者を一覧で選んでください（Ctrl＋クリック、Shift＋クリックで複数選べます）。"
    ]
    assert main_window.pages.currentWidget() is page


def test_the_open_card_starts_a_batch_for_its_debtor(qtbot, main_window, three_debtors):
    page = _list_page(qtbot, main_window)
    model = page.list_page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).management_no == "L-002")
    page.open_debtor(model.debtor_id(row))
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=10_000)
    card = page.card_page
    qtbot.waitUntil(lambda: card.card is not None and card.card.management_no == "L-002", timeout=10_000)
    assert card.letters_button.text() == "文書を作る…"
    qtbot.mouseClick(card.letters_button, Qt.MouseButton.LeftButton)
    documents = _batch(main_window)
    assert documents.batch.numbers.toPlainText() == "L-002"
