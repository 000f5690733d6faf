"""A table model whose rows come page by page from a service, fetched in the background as the user
scrolls: the debtor list, the 交渉記録 list.

Rows come in the service's order. The model keeps each row as a compact value (`convert`), never service
objects or sessions, and only the most recently used pages (an LRU page cache, `max_pages`): the view may
hold 100,000 rows while memory holds a few thousand. A row whose page was evicted shows "…" for an instant
while its page is fetched again in the background.

A subclass names its `columns` (`Column`: label, field, alignment, width, shown by default) and says how a
cell shows (`cell(row, field, role)`); `fetch_page(session, filter, *, offset, limit)` returns an object
with `rows` and `total`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE_SIZE = 100
MAX_PAGES = 50  # rows kept in memory: 50 pages of 100

ModelIndex = QModelIndex | QPersistentModelIndex
FetchPage = Callable[..., Any]  # (session, filter, *, offset, limit) -> page with rows and total


class Column(NamedTuple):
    label: str  # English source text, translated in the subclass's context
    field: str  # the row's field, and the column's key in a saved layout
    right: bool  # right-aligned (amounts)
    width: int  # default width in pixels
    shown: bool = True  # shown until the user chooses otherwise


def alignment(right: bool) -> int:
    return int(
        (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
    )


class PagedTableModel(QAbstractTableModel):
    """Rows fetched page by page by the background helper (`operations.call`) from `fetch_page`."""

    columns: tuple[Column, ...] = ()
    context_name = "PagedTableModel"  # the translation context of the column labels

    # No bool argument: PySide6 6.12 on CPython 3.11 drops a reference to True/False on every emit of a
    # Python Signal(bool), which soon crashes the interpreter. Receivers read `loading` instead.
    loading_changed = Signal()
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        operations: Any,
        fetch_page: FetchPage,
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ):
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._operations = operations
        self._page_size = page_size
        self._max_pages = max(2, max_pages)
        self._filter: Any = None
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._count = 0  # rows the view knows about
        self._total: int | None = None
        self._generation = 0
        self._pending: set[int] = set()  # pages asked for and not yet arrived
        self._appending = False  # a fetchMore is under way
        self._headers = [QCoreApplication.translate(self.context_name, c.label) for c in self.columns]

    # --- what a subclass says --------------------------------------------------------------------------------
    def convert(self, row: Any) -> Any:
        """One service row → the compact value the model keeps."""
        return row

    def cell(self, row: Any, field: str, role: int) -> Any:
        """What the cell of `row` in the column `field` shows for `role` (DisplayRole: its text)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return getattr(row, field)
        return None

    def placeholder_column(self) -> int:
        """The column that shows "…" while a row's page is on its way."""
        return 1 if len(self.columns) > 1 else 0

    # --- what the view asks -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return alignment(self.columns[section].right)
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self._cached(index.row(), fetch=True)
        if row is None:  # its page is on its way back from the worker
            shows = role == Qt.ItemDataRole.DisplayRole and index.column() == self.placeholder_column()
            return "…" if shows else None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column.right)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return self.cell(row, column.field, role)

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

    def _cached(self, row: int, *, fetch: bool) -> Any:
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

    def _store(self, page: int, rows: list[Any]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    def _arrived(self, generation: int, page: int, result: Any) -> None:
        if generation != self._generation:
            return  # an answer to a search the user has already replaced
        self._pending.discard(page)
        rows = [self.convert(r) for r in result.rows]
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
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
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

    def redraw(self) -> None:
        """Show the rows held again (after the date display or the names shown changed)."""
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def row_at(self, row: int) -> Any:
        """The row if its page is in memory (a visible row always is)."""
        return self._cached(row, fetch=False) if 0 <= row < self._count else None

    def row_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found is not None else None

    def loaded_count(self) -> int:
        return self._count

    def cached_rows(self) -> int:
        """How many rows are held in memory now (at most max_pages × page size)."""
        return sum(len(rows) for rows in self._pages.values())
