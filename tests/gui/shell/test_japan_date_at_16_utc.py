"""At 16:00 UTC it is 01:00 the next day in Japan. With the product's own system clock (no FixedClock) and
the wall clock pinned there by time-machine, every screen counts days in Japan time: the audit filter, the
default dates of the forms, and "today" on the debtor card. The window's pages use the session's clock.

31 March 16:00 UTC is 1 April in Japan: a new month (the audit filter starts on the 1st) and a new fiscal
year, the hour at which a screen that took the machine's date would show the wrong month."""

from __future__ import annotations

import datetime as dt

import time_machine
from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.domain.clock import system_clock

INSTANT = dt.datetime(2026, 3, 31, 16, 0, tzinfo=dt.UTC)
JAPAN_DAY = dt.date(2026, 4, 1)


def test_screens_count_days_in_japan_time_with_the_system_clock(qtbot, ops, tmp_path):
    from saiken.services import debtors, vault
    from saiken.ui.kit import display
    from saiken.ui.shell.main_window import MainWindow

    with time_machine.travel(INSTANT, tick=True):
        assert dt.datetime.now(dt.UTC).date() == dt.date(2026, 3, 31)  # the machine's (UTC) date
        folder = tmp_path / "vault"
        vault.create_vault(
            folder,
            org_role="contractor",
            org_name="架空法律事務所",
            admin_user=ADMIN,
            admin_password=ADMIN_PASSWORD,
        )
        done: list = []
        ops.open_session(vault.open_vault, folder, ADMIN, ADMIN_PASSWORD, on_result=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=15_000)
        window = MainWindow(ops, folder)
        qtbot.addWidget(window)
        window.enter()
        window.show()
        assert window.context is not None and window.context.clock is system_clock  # the session's clock

        audit = window.show_area("audit")
        assert audit.since.date("From") == JAPAN_DAY and audit.until.date("To") == JAPAN_DAY
        audit.since_on.setChecked(True)
        audit.until_on.setChecked(True)
        audit.apply_button.click()  # "today" in Japan holds the sign-in made at 01:00 JST
        qtbot.waitUntil(lambda: "auth.sign_in" in {r.action for r in audit.model.rows}, timeout=5000)

        created: list = []
        claim = {"principal": 100_000, "received_on": dt.date(2025, 4, 1), "due_date": dt.date(2025, 10, 1)}
        ops.call(
            debtors.add_debtor,
            management_no="J-1",
            name="架空商事株式会社",
            claims=[claim],
            on_result=created.append,
        )
        qtbot.waitUntil(lambda: bool(created), timeout=5000)
        page = window.show_area("debtors")
        page.open_debtor(created[0].value.id)
        card = page.card_page
        qtbot.waitUntil(lambda: card.card is not None, timeout=5000)
        assert card.card.totals.as_of == JAPAN_DAY
        assert display.long_day(JAPAN_DAY) in card.as_of.text()  # 令和8年4月1日 現在
        assert display.long_day(dt.date(2026, 3, 31)) not in card.as_of.text()
        assert (
            card.records_tab.form.day.text() == display.day(JAPAN_DAY) == "R8.4.1"
        )  # a new record defaults to Japan's today
        dialog = card.open_payment_dialog()
        assert dialog is not None and dialog.paid_on.text() == "R8.4.1"
        dialog.reject()
