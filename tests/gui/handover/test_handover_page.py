"""The 受渡・管理簿 area over a real vault: the ledger with its open media, recording a handover and its
notice (the same-occasion warning in Japanese), the ledger check, and the engagements and counterparts."""

from __future__ import annotations

import datetime as dt

from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.services import vault
from saiken.services.context import unit_of_work
from saiken.services.handover import ledger as ledger_service
from saiken.services.handover.demo import populate


def _with_history(vault_folder, fixed_clock) -> None:
    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    try:
        with unit_of_work(session) as work:
            populate(work)
    finally:
        session.close()


def _texts(table) -> list[list[str]]:
    return table.texts()


def test_the_ledger_shows_entries_and_open_media_and_records_a_handover(
    qtbot, vault_folder, fixed_clock, signed_in
):
    _with_history(vault_folder, fixed_clock)
    from saiken.ui.shell.main_window import MainWindow

    window = MainWindow(signed_in, vault_folder)
    qtbot.addWidget(window)
    window.enter()
    window.show()
    page = window.show_area("handover")
    tab = page.ledger
    qtbot.waitUntil(lambda: tab.entries.rowCount() == 7, timeout=15_000)
    qtbot.waitUntil(lambda: tab.media.rowCount() == 1, timeout=15_000)
    rows = _texts(tab.entries)
    assert rows[0][2] == "作成" and rows[-1][2] == "返却"
    assert [cell for cell in _texts(tab.media)[0][:4]] == ["事-R7-002", "CD-R", "送付", "引渡し済み"]
    assert _texts(tab.media)[0][6] == "12日"

    tab.verify()
    qtbot.waitUntil(lambda: "確認しました" in tab.status.text(), timeout=15_000)
    assert "7件" in tab.status.text()

    fixed_clock.advance(dt.timedelta(days=20))
    tab.event_kind.setCurrentIndex(tab.event_kind.findData("returned"))
    tab.person.setText("山田（デモ）")
    tab.record()
    qtbot.waitUntil(lambda: tab.entries.rowCount() == 8, timeout=15_000)
    qtbot.waitUntil(lambda: tab.media.rowCount() == 0, timeout=15_000)
    assert _texts(tab.entries)[-1][2] == "返却"
    assert tab.warning.text() == ""


def test_a_notice_on_the_same_day_as_its_medium_is_flagged(qtbot, main_window, vault_folder, fixed_clock):
    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    try:
        with unit_of_work(session) as work:
            ledger_service.open_medium(
                work,
                medium_id="事-R7-050",
                kind="CD-R",
                direction="out",
                status="prepared",
                engagement_id=None,
                counterpart_id=None,
                package_id=None,
            )
            ledger_service.append_entry(work, event="prepared", medium_id="事-R7-050", medium_kind="CD-R")
    finally:
        session.close()
    page = main_window.show_area("handover")
    tab = page.ledger
    tab.refresh()
    qtbot.waitUntil(lambda: tab.medium.count() == 1, timeout=15_000)
    tab.event_kind.setCurrentIndex(tab.event_kind.findData("handed_over"))
    tab.record()
    qtbot.waitUntil(lambda: tab.entries.rowCount() == 2, timeout=15_000)
    tab.event_kind.setCurrentIndex(tab.event_kind.findData("notice_handed_over"))
    tab.record()
    qtbot.waitUntil(lambda: "同じ機会" in tab.warning.text(), timeout=15_000)
    qtbot.waitUntil(lambda: tab.entries.rowCount() == 3, timeout=15_000)
    assert _texts(tab.entries)[-1][2] == "※通知書引渡し"


def test_engagements_and_counterparts_with_the_next_package_counted(
    qtbot, vault_folder, fixed_clock, signed_in
):
    _with_history(vault_folder, fixed_clock)
    from saiken.ui.shell.main_window import MainWindow

    window = MainWindow(signed_in, vault_folder)
    qtbot.addWidget(window)
    window.enter()
    window.show()
    page = window.show_area("handover")
    parties = page.parties
    qtbot.waitUntil(lambda: parties.organisations.rowCount() == 1, timeout=15_000)
    assert _texts(parties.organisations)[0][:2] == ["架空区 産業振興課", "区"]
    assert _texts(parties.organisations)[0][3] == "済み"
    assert parties.kind.currentText() == "交渉記録報告（受託者→区）"
