"""The 交渉記録 area of the main window: the list of every record, and the debtor card of the record
opened from it, shown here (Esc or 「一覧に戻る」 comes back to the list as it was).

The card is the debtors area's own screen, handed in by the navigation as `card_factory` (an area never
imports another). A change to records, debtors or users (the shell's one `changed` signal) refreshes the
list, at once when it is in front, else the next time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from saiken.services.changes import Area, Changes
from saiken.ui.records.list_page import RecordListPage
from saiken.ui.records.report_dialog import ReportDialog


class RecordsPage(QStackedWidget):
    def __init__(self, context: Any, card_factory: Callable[[Any], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordsPage")
        self.context = context
        self.list_page = RecordListPage(context)
        self.card_page = card_factory(context)
        self.addWidget(self.list_page)
        self.addWidget(self.card_page)
        self._stale = False
        self._opening: tuple[int, int] | None = None
        self.report_dialog: ReportDialog | None = None
        self.list_page.open_requested.connect(self.open_record)
        self.list_page.report_requested.connect(self.open_report)
        self.card_page.loaded.connect(self._card_loaded)
        self.card_page.back_requested.connect(self.show_list)
        context.ops.changed.connect(self._on_changed)

    def open_record(self, debtor_id: int, record_id: int) -> None:
        """The record's debtor card, here, on the negotiation tab with the record selected."""
        if not self.card_page.open_debtor(debtor_id):
            self.setCurrentWidget(self.card_page)
            return
        self._opening = (debtor_id, record_id)

    def _card_loaded(self, card: Any) -> None:
        if self._opening is not None and getattr(card, "id", None) == self._opening[0]:
            record_id = self._opening[1]
            self._opening = None
            self.setCurrentWidget(self.card_page)
            self.card_page.show_record(record_id)

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)
        if self._stale:
            self._stale = False
            self.list_page.model.refresh()
        self.list_page.table.setFocus()

    def _on_changed(self, changes: Changes) -> None:
        """The list shows records with their debtor's number and name and the handler's name."""
        if not changes.touches(Area.RECORDS, Area.DEBTORS, Area.USERS):
            return
        self._stale = True
        if self.currentWidget() is self.list_page:
            self._stale = False
            self.list_page.model.refresh()

    def open_report(self) -> ReportDialog:
        fields = self.list_page.filter_fields()
        dialog = ReportDialog(
            self.context,
            period_from=fields.get("period_from"),
            period_to=fields.get("period_to"),
            handler=fields.get("handler") or None,
            parent=self,
        )
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def print_current(self) -> bool:
        """Ctrl+P: on the card, its charge statement; on the list, the report of the period chosen."""
        if self.currentIndex() == self.indexOf(self.card_page):
            return bool(self.card_page.print_statement())
        self.open_report().print_report()
        return True

    def has_unsaved_input(self) -> bool:
        return bool(self.card_page.unsaved_forms())

    def may_leave(self) -> bool:
        return bool(self.card_page.may_leave())
