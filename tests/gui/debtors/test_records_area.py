"""The 交渉記録 area: every record across debtors newest first, its filters (period, handler, channel,
promises due or missed, next action due), the debtors list's keyboard habits, the record opened on its
debtor's card in the area itself, and the 交渉記録報告書 previewed from memory, printed and saved.

Worked example (fixed clock: 2025-09-16 10:00 JST). Three fictional debtors, five records:
- T-001 2025-09-01 電話, promise 50,000 by 2025-09-10; paid 50,000 on 2025-09-05 → kept.
- T-001 2025-09-12 訪問, next action 2025-09-15 (the latest of T-001, due: 9/15 ≤ 9/16).
- T-002 2025-08-20 電話 (handler tanaka), promise 30,000 by 2025-08-31; paid 10,000 → missed.
- T-002 2025-09-14 メール, promise 20,000 by 2025-09-30 → still due; next action 2025-09-20 (not due yet).
- T-003 2025-07-10 書面, next action 2025-07-20 (the latest of T-003: due).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from saiken.domain.clock import JST
from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Role
from saiken.services import audit as audit_services
from saiken.services import debtors as debtor_services
from saiken.services import records as record_services
from saiken.services.context import SignedInUser, unit_of_work
from saiken.store.models import User
from saiken.ui.debtors.card import DebtorCardPage
from saiken.ui.records.page import RecordsPage


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=JST)


@pytest.fixture
def records_vault(vault_session, hand_debtors):
    with unit_of_work(vault_session) as work:
        work.session.add(
            User(
                name="tanaka", display_name="田中 花子", role="handler", created_at=vault_session.clock.now()
            )
        )
    one, two, three = hand_debtors["T-001"], hand_debtors["T-002"], hand_debtors["T-003"]
    add = debtor_services.add_record
    add(
        vault_session,
        one,
        at=_at(dt.date(2025, 9, 1)),
        channel="電話",
        direction="発信",
        person="本人",
        summary="架空の電話。9月10日までに5万円と約束。",
        promise_amount=50_000,
        promise_date=dt.date(2025, 9, 10),
    )
    debtor_services.add_payment(vault_session, one, paid_on=dt.date(2025, 9, 5), amount=50_000)
    add(
        vault_session,
        one,
        at=_at(dt.date(2025, 9, 12)),
        channel="訪問",
        direction="発信",
        person="代表者",
        summary="架空の訪問。",
        next_action_on=dt.date(2025, 9, 15),
    )
    add(
        vault_session,
        two,
        at=_at(dt.date(2025, 8, 20)),
        channel="電話",
        direction="受信",
        person="本人",
        summary='=HYPERLINK("http://example.jp") 架空の着信',
        promise_amount=30_000,
        promise_date=dt.date(2025, 8, 31),
        handler="tanaka",
    )
    debtor_services.add_payment(vault_session, two, paid_on=dt.date(2025, 8, 25), amount=10_000)
    add(
        vault_session,
        two,
        at=_at(dt.date(2025, 9, 14)),
        channel="メール",
        direction="受信",
        person="本人",
        summary="架空のメール。",
        promise_amount=20_000,
        promise_date=dt.date(2025, 9, 30),
        next_action_on=dt.date(2025, 9, 20),
    )
    add(
        vault_session,
        three,
        at=_at(dt.date(2025, 7, 10)),
        channel="書面",
        direction="発信",
        person="本人",
        summary="+催告書を送付（架空）",
        next_action_on=dt.date(2025, 7, 20),
    )
    return vault_session


@pytest.fixture
def page(qtbot, page_context, records_vault):
    shown = RecordsPage(page_context, card_factory=DebtorCardPage)
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: shown.list_page.model.rowCount() == 5, timeout=10_000)
    return shown


def _numbers(page) -> list[str]:
    model = page.list_page.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def _filtered(qtbot, page, expected, **changes):
    filters = page.list_page.filters
    for name, value in changes.items():
        widget = getattr(filters, name)
        if hasattr(widget, "setChecked"):
            widget.setChecked(value)
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(0 if value is None else widget.findData(value))
        else:
            widget.setText(value)
    filters.apply()
    qtbot.waitUntil(lambda: _numbers(page) == expected and not page.list_page.model.loading, timeout=10_000)


def test_every_record_across_debtors_newest_first(page):
    model = page.list_page.model
    assert _numbers(page) == ["T-002", "T-001", "T-001", "T-002", "T-003"]
    assert model.index(0, 0).data() == "R7.9.14 10:00"
    assert model.index(0, 2).data() == "髙橋製作所　様"
    assert model.index(0, 8).data() == "20,000円（R7.9.30まで）"
    assert model.index(3, 8).data() == "30,000円（不履行）"
    assert model.index(2, 8).data() == "50,000円（履行）"
    assert model.index(3, 6).data() == "田中 花子"  # the handler by display name
    assert page.list_page.count_label.text() == "5件"


def test_the_filters(qtbot, page):
    _filtered(qtbot, page, ["T-001", "T-001", "T-002"], period_from="R7.8.15", period_to="2025/9/13")
    _filtered(qtbot, page, ["T-002"], handler="tanaka")
    _filtered(qtbot, page, ["T-001", "T-002"], handler=None, channel="電話")
    _filtered(qtbot, page, ["T-002"], channel="", promise="missed")
    _filtered(qtbot, page, ["T-002"], period_from="", period_to="", promise="pending")
    _filtered(qtbot, page, ["T-001", "T-003"], promise="", next_due=True)
    page.list_page.filters.clear()
    qtbot.waitUntil(lambda: len(_numbers(page)) == 5, timeout=10_000)


def test_a_bad_date_in_the_filters_is_named_and_nothing_changes(qtbot, page):
    filters = page.list_page.filters
    filters.period_from.setText("令和7年2月30日")
    assert not filters.apply()
    assert filters.error.isVisible() and "令和7年2月30日" in filters.error.text()
    assert len(_numbers(page)) == 5


def test_enter_in_the_search_opens_the_first_record_on_its_card_here(qtbot, page, records_vault):
    lp = page.list_page
    lp.focus_search()
    lp.search.setText("たかはし")  # T-001 and T-002; the newest record of them opens
    qtbot.keyClick(lp.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=10_000)
    card = page.card_page
    assert card.card.management_no == "T-002"
    assert card.tabs.currentWidget() is card.records_tab
    selected = card.records_tab.selected()
    assert selected.summary == "架空のメール。"
    qtbot.keyClick(card.tabs, Qt.Key.Key_Escape)  # back to the records list
    assert page.currentWidget() is lp


def test_down_then_enter_opens_the_record_chosen(qtbot, page):
    lp = page.list_page
    lp.focus_search()
    qtbot.keyClick(lp.search, Qt.Key.Key_Down)
    assert lp.table.hasFocus()
    qtbot.keyClick(lp.table, Qt.Key.Key_Down)
    qtbot.keyClick(lp.table, Qt.Key.Key_Down)
    qtbot.keyClick(lp.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.currentWidget() is page.card_page, timeout=10_000)
    assert page.card_page.card.management_no == "T-001"
    assert page.card_page.records_tab.selected().channel == "電話"


def test_the_report_is_previewed_printed_and_saved(qtbot, page, driver, records_vault, tmp_path):
    _filtered(qtbot, page, ["T-002", "T-001", "T-001", "T-002"], period_from="R7.8.1", period_to="R7.9.30")
    dialog = page.open_report()
    assert dialog.period_from.text() == "R7.8.1" and dialog.period_to.text() == "R7.9.30"
    dialog.make()
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=15_000)
    assert dialog.page_count >= 1
    assert dialog.document.records == 4 and dialog.document.debtors == 2
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(dialog.document.pdf)).pages)
    assert "交渉記録報告書" in text and "令和7年8月1日" in text and "1 / " in text
    # printing goes through the real print dialog (to a PDF file here) and is audited
    printed = tmp_path / "printed-report.pdf"

    def print_to_file(print_dialog):
        print_dialog.findChild(QLineEdit, "filename").setText(str(printed))
        print_dialog.accept()

    driver.then(print_to_file)
    dialog.print_report()
    qtbot.waitUntil(lambda: dialog.printed_pages > 0, timeout=15_000)
    assert len(PdfReader(printed).pages) == dialog.page_count
    qtbot.waitUntil(
        lambda: bool(audit_services.list_entries(records_vault, action="document.print")), timeout=10_000
    )
    # saving: the protected save dialog (no password here), then the file read back
    target = tmp_path / "報告書.xlsx"

    def save_plainly(save_dialog):
        save_dialog.path.setText(str(target))
        save_dialog.protect.setChecked(False)
        save_dialog.buttons.buttons()[0].click()

    driver.then(save_plainly).then(lambda box: box.done(0))
    dialog.save(".xlsx")
    qtbot.waitUntil(target.exists, timeout=15_000)
    sheet = openpyxl.load_workbook(target).active
    numbers = [sheet.cell(r, 1).value for r in range(7, 11)]
    assert numbers == ["T-001", "T-001", "T-002", "T-002"]
    summaries = [sheet.cell(r, 7).value for r in range(7, 11)]
    assert summaries[2].startswith("'=HYPERLINK")  # never a formula
    entries = audit_services.list_entries(records_vault, action="export.negotiation_report")
    assert entries and entries[0].details["rows"] == 4


def test_the_report_needs_the_export_right_to_be_saved(qtbot, page_context, records_vault, tmp_path):
    from saiken.ui.records.report_dialog import ReportDialog

    handler = SignedInUser(id=2, name="tanaka", role=Role.HANDLER)
    dialog = ReportDialog(replace(page_context, user=handler))
    qtbot.addWidget(dialog)
    assert not dialog.xlsx_button.isEnabled() and not dialog.pdf_button.isEnabled()
    as_handler = replace(records_vault, user=handler)
    with pytest.raises(PermissionDeniedError):
        record_services.save_negotiation_report(
            as_handler, tmp_path / "x.xlsx", dt.date(2025, 9, 1), dt.date(2025, 9, 30)
        )
    assert not (tmp_path / "x.xlsx").exists()
    # a handler may still see the report (a preview is a view, audited as one)
    shown = record_services.report_document(
        as_handler, period_from=dt.date(2025, 9, 1), period_to=dt.date(2025, 9, 30)
    )
    assert shown.records == 3
