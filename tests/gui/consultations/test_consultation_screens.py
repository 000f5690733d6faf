"""The 相談 screens as a coordinator uses them: find a business by ﾀｶﾊｼ, open its card, type a consultation
from the keyboard and save it with Ctrl+Enter; book a slot and meet the double-booking refusal; apply to a
full seminar and see the waiting list; read the month's charts. Real widgets offscreen, a real vault."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from saiken.domain.clock import JST
from saiken.services import consultations as cs


def _page(qtbot, context):
    from saiken.ui.consultations.page import ConsultationsPage

    page = ConsultationsPage(context)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5_000)  # shortcuts and mnemonics need the active window
    return page


def _wait(context) -> None:
    context.ops.wait_idle(10_000)


def test_find_open_and_record_a_consultation_from_the_keyboard(qtbot, page_context, people, vault_session):
    page = _page(qtbot, page_context)
    listing = page.businesses.list_page
    listing.search.setFocus()
    listing.search.insert("ﾀｶﾊｼ")  # as an input method delivers it (QTest types ASCII only)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2, timeout=10_000)
    names = {listing.table.item(r, 0).text() for r in range(listing.table.rowCount())}
    assert names == {"高橋製作所", "株式会社髙橋商店"} or all("橋" in n for n in names)
    assert listing.count.text() == "2件"
    listing.table.setFocus()
    listing.table.selectRow(0)
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    card = page.businesses.card_page
    qtbot.waitUntil(lambda: page.businesses.currentWidget() is card, timeout=10_000)
    assert card.facts["born"].text().startswith(("昭和", "平成"))
    qtbot.waitUntil(lambda: card.form.consultant.count() == 3, timeout=10_000)
    form = card.form
    form.contents.setFocus()
    form.contents.insertPlainText("運転資金の相談。制度融資を案内。")
    qtbot.keyClick(form.contents, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # オンライン
    qtbot.keyClick(form.contents, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 資金繰り
    assert form.forms.checkedId() == 2 and form.categories["資金繰り"].isChecked()
    qtbot.keyClick(form.contents, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.timeline.rowCount() == 1, timeout=10_000)
    assert card.timeline.item(0, 1).text() == "相談"
    assert card.timeline.item(0, 2).text() == "相談（オンライン）資金繰り"
    assert form.contents.toPlainText() == "" and not form.categories["資金繰り"].isChecked()
    saved = cs.search_consultations(vault_session, cs.ConsultationFilter(text="制度融資")).rows
    assert [r.form for r in saved] == ["オンライン"]


def test_an_empty_consultation_is_refused_in_the_form(qtbot, page_context, people):
    page = _page(qtbot, page_context)
    page.businesses.open_business(people["businesses"][0])
    card = page.businesses.card_page
    qtbot.waitUntil(lambda: page.businesses.currentWidget() is card, timeout=10_000)
    card.add_consultation()
    assert card.error.isVisible() and "相談分類" in card.error.text()
    card.form.categories["人材"].setChecked(True)
    card.add_consultation()
    assert "相談内容" in card.error.text()
    assert card.timeline.rowCount() == 0


def test_leaving_a_card_with_unsaved_text_asks_first(qtbot, page_context, people):
    page = _page(qtbot, page_context)
    page.businesses.open_business(people["businesses"][1])
    card = page.businesses.card_page
    qtbot.waitUntil(lambda: page.businesses.currentWidget() is card, timeout=10_000)
    card.form.contents.setPlainText("書きかけ")
    page_context.dialogs.before_exec = lambda dialog: QTimer.singleShot(0, dialog.reject)
    card.request_back()
    assert page.businesses.currentWidget() is card  # stayed
    assert page_context.dialogs.history[-1][0] == "保存していない相談記録"
    yes = QMessageBox.StandardButton.Yes
    page_context.dialogs.before_exec = lambda dialog: QTimer.singleShot(0, lambda: dialog.done(yes))
    card.request_back()
    assert page.businesses.currentWidget() is page.businesses.list_page
    assert card.form.contents.toPlainText() == ""  # nothing carried over to the next card


def test_a_double_booking_is_refused_in_the_dialog(qtbot, page_context, people, vault_session):
    thursday = dt.date(2025, 9, 18)
    first = cs.book(
        vault_session,
        consultant_id=people["consultants"][0],
        business_id=people["businesses"][0],
        starts_at=dt.datetime(2025, 9, 18, 10, tzinfo=JST),
    ).row
    page = _page(qtbot, page_context)
    page.show_tab("bookings")
    calendar = page.bookings
    qtbot.waitUntil(lambda: calendar.week is not None, timeout=10_000)
    assert "9/18（木）" in calendar.grid.horizontalHeaderItem(3).text()
    cell = calendar.grid.item(1, 3)  # 10:00 on Thursday
    assert "10:00" in cell.text() and "高橋製作所" in cell.text()
    calendar.grid.setCurrentCell(1, 3)
    dialog = calendar.book()
    qtbot.waitUntil(lambda: dialog.business.count() > 0, timeout=10_000)
    dialog.business.setCurrentIndex(1)
    dialog.consultant.setCurrentIndex(dialog.consultant.findData(people["consultants"][0]))
    assert (
        dialog.day.text() == "R7.9.18"
    )  # 和暦, the default date display and dialog.time.time().hour() == 10
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert f"予約番号 {first.id}" in dialog.error.text() and "別の時間か別の相談員" in dialog.error.text()
    assert len(cs.week_bookings(vault_session, thursday).bookings) == 1
    dialog.consultant.setCurrentIndex(dialog.consultant.findData(people["consultants"][1]))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "\n" in calendar.grid.item(1, 3).text(), timeout=10_000)


def test_an_application_to_a_full_seminar_goes_on_the_waiting_list(
    qtbot, page_context, people, vault_session
):
    seminar = cs.add_seminar(
        vault_session, title="創業セミナー", held_on=dt.date(2025, 9, 30), capacity=1
    ).row
    cs.apply(vault_session, seminar.id, business_id=people["businesses"][0], attendee="架空　一郎")
    page = _page(qtbot, page_context)
    page.show_tab("seminars")
    roster = page.seminars
    qtbot.waitUntil(lambda: roster.roster is not None, timeout=10_000)
    assert "残り 0席" in roster.heading.text()
    dialog = roster.apply()
    qtbot.waitUntil(lambda: dialog.business.count() > 1, timeout=10_000)
    dialog.business.setCurrentIndex(dialog.business.findData(people["businesses"][2]))
    dialog.attendee.setText("架空　花子")
    page_context.dialogs.before_exec = lambda box: QTimer.singleShot(0, box.accept)
    dialog.submit()
    qtbot.waitUntil(lambda: roster.waiting.rowCount() == 1, timeout=10_000)
    assert page_context.dialogs.history[-1][0] == "キャンセル待ちで受付"
    assert "キャンセル待ちの 1番目" in page_context.dialogs.history[-1][1]
    assert roster.waiting.item(0, 0).text() == "1" and roster.waiting.item(0, 2).text() == "架空　花子"
    assert roster.confirmed.rowCount() == 1


def test_the_report_draws_the_months_counts(qtbot, page_context, people, vault_session):
    for day, form, categories in (
        (dt.date(2025, 9, 1), "窓口", ["資金繰り"]),
        (dt.date(2025, 9, 2), "電話", ["資金繰り", "IT化"]),
    ):
        cs.add_consultation(
            vault_session, people["businesses"][0], at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=JST),
            consultant_id=people["consultants"][0], form=form, categories=categories, contents="相談。",
        )  # fmt: skip
    page = _page(qtbot, page_context)
    page.show_tab("reports")
    report = page.reports
    qtbot.waitUntil(lambda: report.report is not None, timeout=10_000)
    assert report.summary.text().startswith("令和7年9月：相談 2件（1事業者）")
    assert "当月 資金繰り 2" in report.categories.texts() and "当月 IT化 1" in report.categories.texts()
    assert "相談 9月 2" in report.months.texts() and not any("10月" in t for t in report.months.texts())
    assert report.categories.grab().width() > 0
    assert report.tables["by_form"].item(0, 0).text() == "窓口"
    assert report.access is not None  # the admin here is a supervisor: the access report is there
