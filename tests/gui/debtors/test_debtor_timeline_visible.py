"""The card's timeline shows its records where a person can read them, even when the card was loaded while
the timeline tab was hidden (rows were once sized at the hidden width: taller than the view, text out of
sight)."""

from __future__ import annotations

import datetime as dt

from saiken.services import debtors as debtor_services
from saiken.ui.debtors.card import DebtorCardPage

LONG = (
    "架空の相手方と通話。返還金の納付について説明し、分割納付の相談を受けた。次回までに家計の状況を確認するとのこと。"
    * 2
)


def test_records_loaded_while_hidden_are_readable_when_the_card_is_shown(
    qtbot, page_context, hand_debtors, vault_session
):
    debtor_id = hand_debtors["T-001"]
    for day in (8, 9, 10):
        debtor_services.add_record(
            vault_session,
            debtor_id,
            at=dt.datetime(2025, 9, day, 1, 0, tzinfo=dt.UTC),
            channel="電話",
            direction="発信",
            person="本人",
            summary=LONG,
        )
    page = DebtorCardPage(page_context)
    qtbot.addWidget(page)
    page.resize(1180, 720)
    # As in the debtors area: the card loads while it is not on screen (the list is), then is turned to.
    page.open_debtor(debtor_id)
    qtbot.waitUntil(lambda: page.card is not None and len(page.card.records) == 3, timeout=5000)
    page.show()
    page.tabs.setCurrentWidget(page.records_tab)
    table = page.records_tab.timeline
    qtbot.waitUntil(lambda: table.isVisible(), timeout=2000)
    # the layout settles: the rows take the height of their wrapped text, no more
    line = table.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: 2 * line <= table.rowHeight(0) <= 5 * line, timeout=3000)
    viewport = table.viewport().rect()
    first = table.visualRect(table.model().index(0, 5))
    # The summary wraps to two or three lines at this width: the row is as tall as that, not a screenful.
    assert table.rowHeight(0) <= 5 * table.fontMetrics().lineSpacing(), "the row fits its text"
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing(), "the wrapped text is not cut"
    assert viewport.contains(first.center()), "the newest record's text is on screen"
    assert table.texts()[0][5] == LONG
