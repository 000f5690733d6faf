"""The 交渉記録 list as a lazy table model (`ui.kit.paged_model`) over `records.search_records`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from saiken.ui.kit import display
from saiken.ui.kit.paged_model import MAX_PAGES, PAGE_SIZE, Column, FetchPage, PagedTableModel
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

COLUMNS: tuple[Column, ...] = (
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Date and time"), "at", False, 118),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Management no."), "management_no", False, 84),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Debtor"), "debtor_name", False, 170),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Channel"), "channel", False, 52),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Direction"), "direction", False, 72),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Person"), "person", False, 80),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Handler"), "handler", False, 80),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Summary"), "summary", False, 300),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Promise"), "promise", True, 180),
    Column(QT_TRANSLATE_NOOP("RecordsModel", "Next action"), "next_action_on", False, 88),
)

PROMISE_STATES = {
    "pending": QT_TRANSLATE_NOOP("RecordsModel", "due {day}"),
    "kept": QT_TRANSLATE_NOOP("RecordsModel", "kept"),
    "missed": QT_TRANSLATE_NOOP("RecordsModel", "missed"),
}
_MISSED = QColor("#fde8e8")


def promise_text(row: Any) -> str:
    """「50,000円（R7.10.10まで・不履行）」: the amount, the day and how the promise stands."""
    if row.promise_amount is None and row.promise_date is None:
        return ""
    state = PROMISE_STATES.get(row.promise_state)
    state_text = (
        QCoreApplication.translate("RecordsModel", state).format(day=display.day(row.promise_date))
        if state
        else ""
    )
    amount = display.yen(row.promise_amount) if row.promise_amount is not None else ""
    return f"{amount}（{state_text}）" if state_text else amount


class RecordsModel(PagedTableModel):
    columns = COLUMNS
    context_name = "RecordsModel"

    def __init__(
        self,
        operations: Any,
        parent: Any = None,
        *,
        fetch_page: FetchPage | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ):
        if fetch_page is None:
            from saiken.services.records import search_records

            fetch_page = search_records
        super().__init__(operations, fetch_page, parent, page_size=page_size, max_pages=max_pages)
        self._handler_label: Callable[[str], str] = lambda name: name

    def placeholder_column(self) -> int:
        return 2

    def set_handler_labels(self, label: Callable[[str], str]) -> None:
        self._handler_label = label
        self.redraw()

    def cell(self, row: Any, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "at":
                return display.day(row.at)
            if field == "debtor_name":
                return display.honorific(row.debtor_name, row.debtor_kind)
            if field == "handler":
                return self._handler_label(row.handler or "")
            if field == "summary":
                return row.summary.replace("\n", " ")
            if field == "promise":
                return promise_text(row)
            if field == "next_action_on":
                return display.day(row.next_action_on)
            return getattr(row, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "summary":
                return row.summary
            if field in ("at", "next_action_on"):
                value = getattr(row, field)
                return display.other_day(value) if value else None
            if field == "promise" and row.promise_state == "missed":
                return QCoreApplication.translate(
                    "RecordsModel", "Paid toward it by the promised day: {amount}"
                ).format(amount=display.yen(row.paid_toward_promise))
        if role == Qt.ItemDataRole.BackgroundRole and field == "promise" and row.promise_state == "missed":
            return QBrush(_MISSED)
        return None

    def debtor_of(self, row: int) -> tuple[int, int] | None:
        """(debtor id, record id) of the row, when its page is in memory."""
        found = self.row_at(row)
        return (found.debtor_id, found.id) if found is not None else None
