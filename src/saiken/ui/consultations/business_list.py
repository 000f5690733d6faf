"""The business list: a search box (kana, width and variant kanji folded; phone numbers with or without
hyphens) over a table in 五十音 order. Ctrl+F searches, Down enters the table, Enter opens the card,
Ctrl+N registers a business."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from saiken.domain.roles import Capability
from saiken.services import consultations as cs
from saiken.ui.consultations.business_dialog import BusinessDialog
from saiken.ui.kit import display
from saiken.ui.kit.tables import ReadOnlyTable

SEARCH_DEBOUNCE_MS = 250
PAGE = 500


class BusinessTable(ReadOnlyTable):
    activated_key = Signal(int)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_key() is not None:
            self.activated_key.emit(int(self.current_key()))
            return
        super().keyPressEvent(event)


class BusinessListPage(QWidget):
    open_requested = Signal(int)

    def __init__(
        self, context: Any, parent: QWidget | None = None, *, search_delay_ms: int = SEARCH_DEBOUNCE_MS
    ):
        super().__init__(parent)
        self.setObjectName("businessListPage")
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName("businessSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search business, reading, representative, phone or e-mail (Ctrl+F)")
        )
        self.count = QLabel("")
        self.count.setObjectName("pageSubtitle")
        self.new_button = QPushButton(self.tr("Register a business… (Ctrl+N)"))
        self.new_button.setObjectName("newBusiness")
        self.new_button.setEnabled(context.can(Capability.EDIT))
        self.table = BusinessTable(
            [
                self.tr("Business"),
                self.tr("Reading"),
                self.tr("Kind"),
                self.tr("Industry"),
                self.tr("Representative"),
                self.tr("Phone"),
                self.tr("Last consulted"),
                self.tr("Consultations"),
            ],
            right=(7,),
            stretch=0,
            object_name="businessTable",
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(search_delay_ms)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.table.activated_key.connect(self.open_requested.emit)
        self.table.doubleClicked.connect(lambda _i: self._open_current())
        self.new_button.clicked.connect(self.new_business)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_business)
        self.rows: list[Any] = []

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _enter(self) -> None:
        self._timer.stop()
        self.refresh()
        self.table.setFocus()
        if self.table.rowCount():
            self.table.selectRow(0)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            if self.table.rowCount():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        self.context.ops.call(
            cs.search_businesses, self.search.text(), limit=PAGE, on_result=self._show, owner=self
        )

    def _show(self, page: Any) -> None:
        self.rows = list(page.rows)
        self.table.set_rows(
            [
                [
                    r.name,
                    r.name_kana,
                    r.kind,
                    r.industry,
                    r.representative,
                    r.phone,
                    display.day(r.last_consulted_on),
                    f"{r.consultations:,}",
                ]
                for r in self.rows
            ],
            keys=[r.id for r in self.rows],
        )
        if page.total > len(self.rows):
            self.count.setText(
                self.tr("{shown} of {total} businesses").format(shown=len(self.rows), total=page.total)
            )
        else:
            self.count.setText(self.tr("{total} businesses").format(total=page.total))

    def _open_current(self) -> None:
        key = self.table.current_key()
        if key is not None:
            self.open_requested.emit(int(key))

    def new_business(self) -> BusinessDialog | None:
        if not self.context.can(Capability.EDIT):
            return None
        dialog = BusinessDialog(self.context, None, self)
        dialog.saved.connect(lambda row: self.open_requested.emit(row.id))
        dialog.open()
        self.dialog = dialog
        return dialog
