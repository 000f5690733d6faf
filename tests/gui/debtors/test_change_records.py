"""Screens refresh from the one typed change record (convention 4) and only on changes that concern them.

Operations run one after another on the single worker, so when the screen shows the effect of the last
(concerned) change, the earlier (unconcerned) ones have been delivered too: the counters prove they
caused no reload. Nothing here sleeps."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.services import debtors, settings
from saiken.services.changes import Area, Changed, Changes


@pytest.fixture
def debtors_page(qtbot, page_context, hand_debtors):
    from saiken.ui.debtors.page import DebtorsPage

    page = DebtorsPage(page_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.list_page.model.rowCount() == len(hand_debtors), timeout=5000)
    return page


def _emitted(ops) -> list[Changes]:
    seen: list[Changes] = []
    ops.changed.connect(seen.append)
    return seen


def test_a_change_returns_what_it_changed(vault_session, hand_debtors):
    done = debtors.add_payment(
        vault_session, hand_debtors["T-002"], paid_on=dt.date(2025, 9, 1), amount=5_000
    )
    assert isinstance(done, Changed) and done.value.amount == 5_000
    assert done.changes == Changes.of_debtor(hand_debtors["T-002"], Area.PAYMENTS)
    assert done.changes.touches_debtor(hand_debtors["T-002"])
    assert not done.changes.touches_debtor(hand_debtors["T-001"])
    assert settings.update_settings(vault_session, idle_lock_minutes=7).changes == Changes.of(Area.SETTINGS)


def test_the_list_reloads_for_a_payment_but_not_for_settings_or_an_inquiry(
    qtbot, debtors_page, page_context, hand_debtors
):
    model = debtors_page.list_page.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    seen = _emitted(page_context.ops)
    ops = page_context.ops
    ops.call(settings.update_settings, idle_lock_minutes=7)  # not what the list shows
    ops.call(debtors.add_inquiry, hand_debtors["T-003"], kind="納付書再発行", question="再発行をお願いします")
    ops.call(debtors.add_payment, hand_debtors["T-003"], paid_on=dt.date(2025, 9, 1), amount=100_000)
    qtbot.waitUntil(lambda: len(seen) == 3 and bool(resets), timeout=5000)
    assert [change.areas for change in seen] == [
        frozenset({Area.SETTINGS}),
        frozenset({Area.INQUIRIES}),
        frozenset({Area.PAYMENTS}),
    ]
    assert resets == [1]  # the payment only

    def paid_shown() -> bool:
        rows = [model.row_at(r) for r in range(model.rowCount())]
        return any(
            row is not None and row.id == hand_debtors["T-003"] and row.paid == 100_000 for row in rows
        )

    qtbot.waitUntil(paid_shown, timeout=5000)  # the reloaded list shows the payment


def test_an_open_card_reloads_only_for_its_own_debtor(qtbot, debtors_page, page_context, hand_debtors):
    card = debtors_page.card_page
    debtors_page.open_debtor(hand_debtors["T-001"])
    qtbot.waitUntil(lambda: card.card is not None and card.card.id == hand_debtors["T-001"], timeout=5000)
    loads, shown = card.reloads, card.card
    resets: list[int] = []
    debtors_page.list_page.model.modelReset.connect(lambda: resets.append(1))
    ops = page_context.ops
    ops.call(debtors.add_payment, hand_debtors["T-004"], paid_on=dt.date(2025, 9, 2), amount=1_000)  # another
    ops.call(
        debtors.log_document_sent,
        hand_debtors["T-001"],
        kind="督促状",
        sent_on=dt.date(2025, 9, 3),
        method="書留",
    )
    qtbot.waitUntil(lambda: card.card is not shown, timeout=5000)
    assert card.reloads == loads + 1  # the letter to this debtor, not the other debtor's payment
    assert [d.kind for d in card.card.documents] == ["督促状"]
    assert resets == []  # the list is not in view: it reloads when shown again
    debtors_page.show_list()
    qtbot.waitUntil(lambda: resets == [1], timeout=5000)
