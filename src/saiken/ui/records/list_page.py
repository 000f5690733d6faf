"""The 交渉記録 list: every current negotiation record across debtors, newest first, with its filters.

Keyboard, as on the debtor list: Ctrl+F goes to the search box (a debtor's name, reading, phone or
management number); Enter there opens the first record found; Down moves into the table; Enter opens the
record's card; Ctrl+Shift+F shows or hides the filters. 「報告書…」 (and Ctrl+P) opens the 交渉記録報告書 of
the period and handler chosen in the filters.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services.records import RecordFilter
from saiken.store.models.records import CHANNELS
from saiken.ui.kit.fields import DateField, error_label
from saiken.ui.kit.tables import ListTable
from saiken.ui.records.model import COLUMNS, RecordsModel

SEARCH_DEBOUNCE_MS = 250
UNASSIGNED_KEY = "\u0000unassigned"


class RecordFilters(QWidget):
    """Period, handler, channel, promises, next action due. Emits `applied(fields)` (RecordFilter fields
    without `text`); a date that cannot be read is named and nothing is applied."""

    applied = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordFilters")
        self.period_from = DateField(object_name="periodFrom")
        self.period_to = DateField(object_name="periodTo")
        for edit in (self.period_from, self.period_to):
            edit.setPlaceholderText(self.tr("e.g. R7.9.1"))
            edit.setFixedWidth(120)
        self.handler = QComboBox()
        self.handler.setObjectName("recordHandler")
        self.handler.setMinimumWidth(130)
        self.set_handlers([])
        self.channel = QComboBox()
        self.channel.setObjectName("recordChannel")
        self.channel.addItem(self.tr("Any channel"), "")
        for channel in CHANNELS:
            self.channel.addItem(channel, channel)
        self.promise = QComboBox()
        self.promise.setObjectName("recordPromise")
        for label, value in (
            (self.tr("Promises: any record"), ""),
            (self.tr("With a promise"), "any"),
            (self.tr("Promises still due"), "pending"),
            (self.tr("Promises missed"), "missed"),
        ):
            self.promise.addItem(label, value)
        self.next_due = QCheckBox(self.tr("Next action due"))
        self.next_due.setObjectName("nextActionDue")
        self.next_due.setToolTip(self.tr("The debtor's latest record plans an action for today or earlier."))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("primary")
        self.clear_button = QPushButton(self.tr("Clear"))
        self.error = error_label()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.addWidget(QLabel(self.tr("Period")), 0, 0)
        period = QHBoxLayout()
        period.addWidget(self.period_from)
        period.addWidget(QLabel("〜"))
        period.addWidget(self.period_to)
        grid.addLayout(period, 0, 1)
        grid.addWidget(QLabel(self.tr("Handler")), 0, 2)
        grid.addWidget(self.handler, 0, 3)
        grid.addWidget(self.channel, 0, 4)
        grid.addWidget(self.promise, 0, 5)
        grid.addWidget(self.next_due, 0, 6)
        grid.setColumnStretch(7, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.apply_button)
        grid.addLayout(buttons, 0, 8)
        grid.addWidget(self.error, 1, 0, 1, 9)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        for edit in (self.period_from, self.period_to):
            edit.returnPressed.connect(self.apply)

    def focus_chain(self) -> list[QWidget]:
        return [
            self.period_from,
            self.period_to,
            self.handler,
            self.channel,
            self.promise,
            self.next_due,
            self.clear_button,
            self.apply_button,
        ]

    def set_handlers(self, choices: list[tuple[str, str]]) -> None:
        current = self.handler.currentData()
        self.handler.clear()
        self.handler.addItem(self.tr("Anyone"), None)
        self.handler.addItem(self.tr("(no handler)"), UNASSIGNED_KEY)
        for name, display_name in choices:
            self.handler.addItem(display_name, name)
        index = self.handler.findData(current) if current else 0
        self.handler.setCurrentIndex(max(index, 0))

    def fields(self) -> dict[str, Any]:
        handler = self.handler.currentData()
        return {
            "period_from": self.period_from.date(self.tr("Period (from)"), required=False),
            "period_to": self.period_to.date(self.tr("Period (to)"), required=False),
            "handler": "" if handler == UNASSIGNED_KEY else handler,
            "channel": self.channel.currentData() or None,
            "promise": self.promise.currentData() or "",
            "next_action_due": self.next_due.isChecked(),
        }

    def apply(self) -> bool:
        try:
            fields = self.fields()
            if fields["period_from"] and fields["period_to"] and fields["period_from"] > fields["period_to"]:
                raise ValidationError(self.tr("Period: the start is after the end. Swap the two dates."))
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        self.error.hide()
        self.applied.emit(fields)
        return True

    def clear(self) -> None:
        self.period_from.clear()
        self.period_to.clear()
        self.handler.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.promise.setCurrentIndex(0)
        self.next_due.setChecked(False)
        self.apply()


class RecordListPage(QWidget):
    """Emits `open_requested(debtor_id, record_id)` when the user opens a record, `report_requested()`
    for the 交渉記録報告書."""

    open_requested = Signal(int, int)
    report_requested = Signal()

    def __init__(
        self, context: Any, parent: QWidget | None = None, *, search_delay_ms: int = SEARCH_DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordListPage")
        self.context = context
        self._filter_fields: dict[str, Any] = {}
        title = QLabel(self.tr("Negotiation records"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel("")
        self.count_label.setObjectName("pageSubtitle")
        self.report_button = QPushButton(self.tr("Negotiation report…"))
        self.report_button.setObjectName("openReport")
        self.report_button.setToolTip("Ctrl+P")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.report_button)

        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Debtor's name, reading, phone or management no. (Ctrl+F)"))
        self.search.setMinimumWidth(360)
        self.filter_toggle = QPushButton(self.tr("Filters"))
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addStretch(1)
        bar.addWidget(self.filter_toggle)

        self.filters = RecordFilters()
        frame = QFrame()
        frame.setObjectName("card")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(10, 8, 10, 8)
        frame_layout.addWidget(self.filters)
        self.filter_frame = frame

        self.model = RecordsModel(context.ops, self)
        self.table = ListTable("recordTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel("")
        self.status.setObjectName("hintText")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(frame)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.open_first_hit)
        self.search.installEventFilter(self)
        self.filters.applied.connect(self._filters_applied)
        self.filter_toggle.toggled.connect(frame.setVisible)
        self.table.activated_row.connect(self._open_row)
        self.report_button.clicked.connect(self.report_requested)
        self.model.total_changed.connect(self._show_count)
        self.model.loading_changed.connect(self._loading)
        self.model.failed.connect(self._failed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.filter_toggle.toggle)
        chain = [self.search, self.filter_toggle, *self.filters.focus_chain(), self.table, self.report_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.search)
        context.handlers.changed.connect(self._handlers_known)
        context.handlers.ensure_loaded(context.ops)
        context.preferences.changed.connect(self.model.redraw)
        self._handlers_known()
        self._open_when_loaded = False
        self.apply()

    def _handlers_known(self) -> None:
        self.filters.set_handlers(self.context.handlers.choices())
        self.model.set_handler_labels(self.context.handlers.label)

    # --- searching ------------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def filter_fields(self) -> dict[str, Any]:
        """The filters applied now (the RecordFilter fields without the search text)."""
        return dict(self._filter_fields)

    def current_filter(self) -> RecordFilter:
        return RecordFilter(text=self.search.text().strip(), **self._filter_fields)

    def apply(self) -> None:
        self.model.set_filter(self.current_filter())

    def _filters_applied(self, fields: dict[str, Any]) -> None:
        self._filter_fields = fields
        self.apply()

    def open_first_hit(self) -> None:
        self._debounce.stop()
        wanted = self.current_filter()
        self._open_when_loaded = True
        if self.model.current_filter() != wanted:
            self.model.set_filter(wanted)
        else:
            self._loading()

    def _loading(self) -> None:
        if self.model.loading:
            self.status.setText(self.tr("Loading…"))
            return
        if self.model.total is not None:
            self._show_count(self.model.total)
        if self._open_when_loaded:
            self._open_when_loaded = False
            if self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))
                self._open_row(0)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} records").format(n=f"{total:,}"))
        if total == 0:
            self.status.setText(self.tr("No record matches. Change the search words or clear the filters."))
        else:
            self.status.setText(self.tr("Newest first. Enter opens the record on its debtor's card."))

    def _failed(self, error: BaseException) -> None:
        from saiken.ui.kit.errors import show_error

        show_error(self, error)

    def _open_row(self, row: int) -> None:
        found = self.model.debtor_of(row)
        if found is not None:
            self.open_requested.emit(*found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._debounce.stop()
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)
