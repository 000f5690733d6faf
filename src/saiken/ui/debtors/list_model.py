"""The debtor list as a lazy Qt table model: pages of 100 rows fetched in the background as the user scrolls.

Rows come in the service's order (reading in 五十音 order, then management number). The model keeps each row
as a compact tuple of plain values, never service objects or sessions, so 100,000 rows stay small.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from saiken.ui.debtors import display

PAGE_SIZE = 100

ModelIndex = QModelIndex | QPersistentModelIndex


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
    )


_INTERNED: dict[str, str] = {}


def _intern(text: str) -> str:
    return _INTERNED.setdefault(text, text)


# (English source label, field, right-aligned)
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("Management no.", "management_no", False),
    ("Name", "name", False),
    ("Reading", "name_kana", False),
    ("Representative", "representative", False),
    ("Status", "status", False),
    ("Handler", "handler", False),
    ("Principal", "principal", True),
    ("Paid", "paid", True),
    ("Balance", "balance", True),
    ("Next action", "next_action_on", False),
)
_MONEY = {"principal", "paid", "balance"}

FetchPage = Callable[[Any, Any, int, int], Any]  # (session, filter, offset, limit) -> DebtorPage(rows, total)


class DebtorListModel(QAbstractTableModel):
    """Rows fetched page by page by the background helper (`operations.call`) from `fetch_page`."""

    # No bool argument: PySide6 6.12 on CPython 3.11 drops a reference to True/False on every emit of a
    # Python Signal(bool), which soon crashes the interpreter. Receivers read `loading` instead.
    loading_changed = Signal()
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(self, operations: Any, parent: Any = None, *, fetch_page: FetchPage | None = None,
                 page_size: int = PAGE_SIZE):
        super().__init__(parent)
        if fetch_page is None:
            from saiken.ui.debtors.gateway import search as fetch_page
        self._fetch_page = fetch_page
        self._operations = operations
        self._page_size = page_size
        self._filter: Any = None
        self._rows: list[ListRow] = []
        self._total: int | None = None
        self._generation = 0
        self._in_flight = False
        self._headers = [self.tr("Management no."), self.tr("Name"), self.tr("Reading"),
                         self.tr("Representative"), self.tr("Status"), self.tr("Handler"),
                         self.tr("Principal"), self.tr("Paid"), self.tr("Balance"), self.tr("Next action")]
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what the view asks -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                right = COLUMNS[section][2]
                return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                           | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        field = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, field)
            if field in _MONEY:
                return display.yen(value)
            if field == "next_action_on":
                return display.day(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = COLUMNS[index.column()][2]
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and field == "status":
            return QBrush(display.status_colour(row.status))
        if role == Qt.ItemDataRole.FontRole and field == "status":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and field == "next_action_on" and row.next_action_on:
            return display.wareki(row.next_action_on)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    # --- lazy fetching -------------------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._filter is None:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._in_flight or not self.canFetchMore():
            return
        self._request(self._generation, len(self._rows))

    def _request(self, generation: int, offset: int) -> None:
        self._in_flight = True
        self.loading_changed.emit()
        flt, limit = self._filter, self._page_size
        self._operations.call(
            self._fetch_page, flt, offset, limit,
            on_result=lambda page: self._arrived(generation, offset, page),
            on_error=lambda error: self._fetch_failed(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, offset: int, page: Any) -> None:
        if generation != self._generation:
            return  # an answer to a search the user has already replaced
        self._in_flight = False
        self.loading_changed.emit()
        if offset != len(self._rows):
            return
        rows = [to_list_row(r) for r in page.rows]
        total_before = self._total
        self._total = int(page.total)
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        elif len(self._rows) < self._total:
            self._total = len(self._rows)  # the list shrank under us: stop asking
        if total_before != self._total:
            self.total_changed.emit(self._total)

    def _fetch_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._in_flight = False
        self._total = len(self._rows)  # stop fetching until the next search
        self.loading_changed.emit()
        self.failed.emit(error)

    # --- what the page tells it ----------------------------------------------------------------------------
    def set_filter(self, flt: Any) -> None:
        """Start over with a new filter: clear the rows and fetch the first page."""
        self._generation += 1
        self.beginResetModel()
        self._filter = flt
        self._rows = []
        self._total = None
        self._in_flight = False
        self.endResetModel()
        self.fetchMore()

    def refresh(self) -> None:
        if self._filter is not None:
            self.set_filter(self._filter)

    def current_filter(self) -> Any:
        return self._filter

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def loading(self) -> bool:
        return self._in_flight

    def debtor_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_at(self, row: int) -> ListRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_count(self) -> int:
        return len(self._rows)
