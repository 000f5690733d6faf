"""The debtor list as a lazy Qt table model: pages of 100 rows fetched in the background as the user scrolls
(`ui.kit.paged_model`).

Rows come in the service's order (reading in 五十音 order, then management number). The model keeps each row
as a compact tuple of plain values (`ListRow`), never service objects or sessions. The reading column shows
the part of a firm's reading that tells it apart (「カクウショウジ（株）」); the handler column the handler's
display name; the amounts are right-aligned; 残高 is the unpaid principal, labelled 元金残高.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from saiken.domain.corporate_forms import distinctive_reading
from saiken.ui.kit import display
from saiken.ui.kit.paged_model import MAX_PAGES, PAGE_SIZE, Column, FetchPage, PagedTableModel
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

__all__ = ["COLUMNS", "COLUMN_KEYS", "MAX_PAGES", "PAGE_SIZE", "DebtorListModel", "ListRow", "to_list_row"]


class ListRow(NamedTuple):
    id: int
    management_no: str
    name: str
    name_kana: str
    representative: str
    status: str
    handler: str
    principal: int
    paid: int
    balance: int
    next_action_on: dt.date | None
    phone: str
    email: str
    address: str
    tags: str


def to_list_row(row: Any) -> ListRow:
    """One service DebtorListRow → the model's compact tuple (strings interned where they repeat)."""
    return ListRow(
        int(row.id),
        row.management_no,
        row.name,
        row.name_kana or "",
        row.representative or "",
        _intern(row.status or ""),
        _intern(row.handler or ""),
        int(row.principal or 0),
        int(row.paid or 0),
        int(row.balance or 0),
        row.next_action_on,
        getattr(row, "phone", "") or "",
        getattr(row, "email", "") or "",
        getattr(row, "address", "") or "",
        _intern("、".join(getattr(row, "tags", ()) or ())),
    )


_INTERNED: dict[str, str] = {}


def _intern(text: str) -> str:
    return _INTERNED.setdefault(text, text)


COLUMNS: tuple[Column, ...] = (
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Management no."), "management_no", False, 84, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Name"), "name", False, 200, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Reading"), "name_kana", False, 150, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Representative"), "representative", False, 96, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Status"), "status", False, 64, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Handler"), "handler", False, 72, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Principal"), "principal", True, 96, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Paid"), "paid", True, 96, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Principal balance"), "balance", True, 100, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Next action"), "next_action_on", False, 88, True),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Phone"), "phone", False, 110, False),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "E-mail"), "email", False, 170, False),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Address"), "address", False, 240, False),
    Column(QT_TRANSLATE_NOOP("DebtorListModel", "Tags"), "tags", False, 120, False),
)
COLUMN_KEYS = tuple(column.field for column in COLUMNS)
_MONEY = {"principal", "paid", "balance"}


class DebtorListModel(PagedTableModel):
    """The debtors matching the page's filter, fetched page by page from `debtors.search_debtors`."""

    columns = COLUMNS
    context_name = "DebtorListModel"

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
            from saiken.services.debtors import search_debtors

            fetch_page = search_debtors
        super().__init__(operations, fetch_page, parent, page_size=page_size, max_pages=max_pages)
        self._handler_label: Callable[[str], str] = lambda name: name
        self._bold = QFont()
        self._bold.setBold(True)

    def convert(self, row: Any) -> ListRow:
        return to_list_row(row)

    def cell(self, row: Any, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, field)
            if field in _MONEY:
                return display.yen(value)
            if field == "next_action_on":
                return display.day(value)
            if field == "name_kana":
                return distinctive_reading(value)
            if field == "handler":
                return self._handler_label(value)
            return value
        if role == Qt.ItemDataRole.BackgroundRole and field == "status":
            return QBrush(display.status_colour(row.status))
        if role == Qt.ItemDataRole.FontRole and field == "status":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "next_action_on":
                return display.other_day(row.next_action_on) if row.next_action_on else None
            if field in ("name", "name_kana", "representative", "address", "email", "tags"):
                return getattr(row, field) or None  # the whole text when the column elides it
        return None

    def set_handler_labels(self, label: Callable[[str], str]) -> None:
        """How the handler column names an account (its display name)."""
        self._handler_label = label
        self.redraw()

    def debtor_id(self, row: int) -> int | None:
        return self.row_id(row)
