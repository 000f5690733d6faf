"""The debtor list as a lazy Qt table model: pages of 100 rows fetched in the background as the user scrolls.

Rows come in the service's order (reading in 五十音 order, then management number). The model keeps each row
as a compact tuple of plain values, never service objects or sessions, and only the most recently used pages
(an LRU page cache, `max_pages`): the view may hold 100,000 rows while memory holds a few thousand. A row
whose page was evicted shows "…" for an instant while its page is fetched again in the background.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from saiken.ui.kit import display

PAGE_SIZE = 100
MAX_PAGES = 50  # rows kept in memory: 50 pages of 100

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

FetchPage = Callable[..., Any]  # (session, filter, *, offset, limit) -> DebtorPage(rows, total)


class DebtorListModel(QAbstractTableModel):
    """Rows fetched page by page by the background helper (`operations.call`) from `fetch_page`."""

    # No bool argument: PySide6 6.12 on CPython 3.11 drops a reference to True/False on every emit of a
    # Python Signal(bool), which soon crashes the interpreter. Receivers read `loading` instead.
    loading_changed = Signal()
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        operations: Any,
        parent: Any = None,
        *,
        fetch_page: FetchPage | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ):
        super().__init__(parent)
        if fetch_page is None:
            from saiken.services.debtors import search_debtors as fetch_page
        self._fetch_page = fetch_page
        self._operations = operations
        self._page_size = page_size
        self._max_pages = max(2, max_pages)
        self._filter: Any = None
        self._pages: OrderedDict[int, list[ListRow]] = OrderedDict()
        self._count = 0  # rows the view knows about
        self._total: int | None = None
        self._generation = 0
        self._pending: set[int] = set()  # pages asked for and not yet arrived
        self._appending = False  # a fetchMore is under way
        self._headers = [
            self.tr("Management no."),
            self.tr("Name"),
            self.tr("Reading"),
            self.tr("Representative"),
            self.tr("Status"),
            self.tr("Handler"),
            self.tr("Principal"),
            self.tr("Paid"),
            self.tr("Balance"),
            self.tr("Next action"),
        ]
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what the view asks -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                right = COLUMNS[section][2]
                return int(
                    (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                    | Qt.AlignmentFlag.AlignVCenter
                )
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self._cached(index.row(), fetch=True)
        field = COLUMNS[index.column()][1]
        if row is None:  # its page is on its way back from the worker
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 else None
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, field)
            if field in _MONEY:
                return display.yen(value)
            if field == "next_action_on":
                return display.day(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = COLUMNS[index.column()][2]
            return int(
                (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        if role == Qt.ItemDataRole.BackgroundRole and field == "status":
            return QBrush(display.status_colour(row.status))
        if role == Qt.ItemDataRole.FontRole and field == "status":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "next_action_on":
                return display.wareki(row.next_action_on) if row.next_action_on else None
            if field in ("name", "name_kana", "representative"):
                return getattr(row, field) or None  # the whole text when the column elides it
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    # --- lazy fetching -------------------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._filter is None:
            return False
        return self._total is None or self._count < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._appending or not self.canFetchMore():
            return
        self._appending = True
        self._request(self._count // self._page_size)

    def _cached(self, row: int, *, fetch: bool) -> ListRow | None:
        page, offset = divmod(row, self._page_size)
        rows = self._pages.get(page)
        if rows is None:
            if fetch:
                self._request(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        self.loading_changed.emit()
        generation, flt, limit = self._generation, self._filter, self._page_size
        self._operations.call(
            self._fetch_page,
            flt,
            offset=page * limit,
            limit=limit,
            on_result=lambda result: self._arrived(generation, page, result),
            on_error=lambda error: self._fetch_failed(generation, page, error),
            owner=self,
        )

    def _store(self, page: int, rows: list[ListRow]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    def _arrived(self, generation: int, page: int, result: Any) -> None:
        if generation != self._generation:
            return  # an answer to a search the user has already replaced
        self._pending.discard(page)
        rows = [to_list_row(r) for r in result.rows]
        total_before = self._total
        self._total = int(result.total)
        first = page * self._page_size
        self._store(page, rows)
        if first == self._count and self._appending:
            self._appending = False
            if rows:
                self.beginInsertRows(QModelIndex(), self._count, self._count + len(rows) - 1)
                self._count += len(rows)
                self.endInsertRows()
            elif self._count < self._total:
                self._total = self._count  # the list shrank under us: stop asking
        elif rows and first < self._count:  # a page fetched again after it was evicted
            last = min(first + len(rows), self._count) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.loading_changed.emit()
        if total_before != self._total:
            self.total_changed.emit(self._total)

    def _fetch_failed(self, generation: int, page: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        if self._appending:
            self._appending = False
            self._total = self._count  # stop fetching until the next search
        self.loading_changed.emit()
        self.failed.emit(error)

    # --- what the page tells it ----------------------------------------------------------------------------
    def set_filter(self, flt: Any) -> None:
        """Start over with a new filter: clear the rows and fetch the first page."""
        self._generation += 1
        self.beginResetModel()
        self._filter = flt
        self._pages.clear()
        self._count = 0
        self._total = None
        self._pending.clear()
        self._appending = False
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
        return bool(self._pending)

    def debtor_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found is not None else None

    def row_at(self, row: int) -> ListRow | None:
        """The row if its page is in memory (a visible row always is)."""
        return self._cached(row, fetch=False) if 0 <= row < self._count else None

    def loaded_count(self) -> int:
        return self._count

    def cached_rows(self) -> int:
        """How many rows are held in memory now (at most max_pages × page size)."""
        return sum(len(rows) for rows in self._pages.values())
