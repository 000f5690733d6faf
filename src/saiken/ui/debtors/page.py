"""The 債務者 area of the main window: the list, and the card of the debtor opened from it.

`DebtorsPage(context)` is the navigation factory. Enter or a double click opens the card (the service audits
the view); Esc or "back" returns to the list with the same search, filters and position. A change that
alters what the list shows (the shell's `changed` signal naming debtors, payments or records: names,
status, handler, figures, next action) refreshes the list, at once when it is in view, else the next time it
is shown; other changes (settings, inquiries, attachments …) leave it alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from saiken.services.changes import Area, Changes
from saiken.ui.debtors.card import DebtorCardPage
from saiken.ui.debtors.list_page import DebtorListPage

# What the list shows: names, readings, status, handler, tags (debtors), figures (payments), next action (records).
LIST_AREAS = (Area.DEBTORS, Area.PAYMENTS, Area.RECORDS)


class DebtorsPage(QStackedWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debtorsPage")
        self.context = context
        self.list_page = DebtorListPage(context)
        self.card_page = DebtorCardPage(context)
        self.addWidget(self.list_page)
        self.addWidget(self.card_page)
        self._stale = False
        self._opening: int | None = None
        self.list_page.open_requested.connect(self.open_debtor)
        self.card_page.loaded.connect(self._card_loaded)
        self._restore_row = -1
        self.list_page.model.rowsInserted.connect(lambda *_args: self._rows_arrived())
        self.card_page.back_requested.connect(self.show_list)
        context.ops.changed.connect(self._data_changed)

    def open_debtor(self, debtor_id: int) -> None:
        """Load the card; the page turns to it when it arrives (a failure leaves the user on the list).
        Unsaved input on the card shown before is asked about first (the card keeps it if the user says so)."""
        if not self.card_page.open_debtor(debtor_id):
            self.setCurrentWidget(self.card_page)
            return
        self._opening = debtor_id

    def print_current(self) -> bool:
        """Ctrl+P: on a card, its charge statement (the list has nothing of its own to print)."""
        if self.currentWidget() is self.card_page:
            return self.card_page.print_statement()
        return False

    def has_unsaved_input(self) -> bool:
        return bool(self.card_page.unsaved_forms())

    def may_leave(self) -> bool:
        return self.card_page.may_leave()

    def _card_loaded(self, card: object) -> None:
        if self._opening is not None and getattr(card, "id", None) == self._opening:
            self._opening = None
            self.setCurrentWidget(self.card_page)
            self.card_page.tabs.setFocus()

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)
        if self._stale:
            self._stale = False
            self._restore_row = self.list_page.table.currentIndex().row()
            self.list_page.model.refresh()
        self.list_page.table.setFocus()

    def _rows_arrived(self) -> None:
        """After a refresh, bring the user back to the row they left (fetching pages up to it)."""
        row, model = self._restore_row, self.list_page.model
        if row < 0:
            return
        if model.rowCount() > row:
            self._restore_row = -1
            table = self.list_page.table
            table.setCurrentIndex(model.index(row, 0))
            table.scrollTo(model.index(row, 0))
        elif model.canFetchMore():
            model.fetchMore()
        else:
            self._restore_row = -1

    def _data_changed(self, changes: Changes) -> None:
        if not changes.touches(*LIST_AREAS):
            return
        self._stale = True
        if self.currentWidget() is self.list_page:
            self._stale = False
            self.list_page.model.refresh()
