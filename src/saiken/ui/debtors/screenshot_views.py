"""Screenshot views of the debtor screens: `debtors` (the demo vault's list), `debtor` (a card with
payments, an instalment plan and negotiation records), `statement` (its charge statement) and
`statement-preview` (the statement as printed). Registered with the shell's `ui.screenshots`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _debtors_page(window: QWidget) -> Any:
    from saiken.ui.debtors.page import DebtorsPage

    page = window.findChild(DebtorsPage)
    if page is None:  # pragma: no cover - the navigation always builds it
        raise RuntimeError("debtors page missing")
    return page


def _list(env: Any) -> QWidget:
    window = env.main_window("debtors")
    env.settle()
    page = _debtors_page(window)
    page.list_page.table.setFocus()
    page.list_page.table.selectRow(0)
    return window


def _pick_debtor(session: Any) -> int:
    """A demo debtor whose card shows the most: instalments first, then negotiating, then anyone."""
    from saiken.services import debtors

    for statuses in (frozenset({"分納中"}), frozenset({"交渉中"}), frozenset()):
        page = debtors.search_debtors(session, debtors.DebtorFilter(statuses=statuses), limit=1)
        if page.rows:
            return page.rows[0].id
    raise LookupError("the demo vault has no debtor")


def _card(env: Any) -> QWidget:
    window = env.main_window("debtors")
    env.settle()
    page = _debtors_page(window)
    found: list[int] = []
    env.ops.call(_pick_debtor, on_result=found.append)
    env.settle()
    if found:
        page.open_debtor(found[0])
        env.settle()
        page.card_page.tabs.setCurrentWidget(page.card_page.records_tab)
    return window


def _statement(env: Any) -> QWidget:
    """The charge statement of a demo debtor with payments, on its breakdown."""
    window = _card(env)
    page = _debtors_page(window)
    page.card_page.open_charge_statement()
    env.settle()
    dialog = page.card_page.statement_dialog
    if dialog is None:  # pragma: no cover - the demo debtor always has a claim
        return window
    env.keep.append(window)
    dialog.resize(1100, 700)
    return dialog


def _statement_preview(env: Any) -> QWidget:
    """The same statement on its print preview (the PDF made in memory)."""
    dialog = _statement(env)
    show = getattr(dialog, "show_preview", None)
    if show is not None:
        show()
        env.settle()
    return dialog


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["debtors"] = _list
    views["debtor"] = _card
    views["statement"] = _statement
    views["statement-preview"] = _statement_preview
