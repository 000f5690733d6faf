"""The debtor list: search box (debounced), filter panel, saved conditions and the lazy table.

Keyboard: Ctrl+F goes to the search box, Down moves into the table, arrows move, Enter opens the card,
Ctrl+Shift+F shows or hides the filter panel; Tab goes search → conditions → table → filter panel.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.roles import Capability
from saiken.services import debtors
from saiken.ui.debtors.filter_panel import FilterPanel
from saiken.ui.debtors.list_model import DebtorListModel

SEARCH_DEBOUNCE_MS = 250
_WIDTHS = (84, 200, 118, 78, 64, 50, 92, 92, 92, 88)


class DebtorTable(QTableView):
    """The table; Enter / Return opens the current row."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class DebtorListPage(QWidget):
    """Emits `open_requested(debtor_id)` when the user opens a row."""

    open_requested = Signal(int)

    def __init__(
        self, context: Any, parent: QWidget | None = None, *, search_delay_ms: int = SEARCH_DEBOUNCE_MS
    ):
        super().__init__(parent)
        self.setObjectName("debtorListPage")
        self.context = context
        self._filter_fields: dict[str, Any] = {}
        self._conditions: dict[str, Any] = {}

        title = QLabel(self.tr("Debtors"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel("")
        self.count_label.setObjectName("pageSubtitle")
        self.search = QLineEdit()
        self.search.setObjectName("debtorSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, reading, phone or management no. (Ctrl+F)"))
        self.search.setMinimumWidth(360)
        self.conditions = QComboBox()
        self.conditions.setObjectName("savedConditions")
        self.conditions.setMinimumWidth(180)
        self.save_condition_button = QPushButton(self.tr("Save condition…"))
        self.delete_condition_button = QPushButton(self.tr("Delete"))
        self.filter_toggle = QPushButton(self.tr("Filters"))
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setChecked(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("Import workbook…"))
        self.import_button.setObjectName("importWorkbook")
        self.import_button.setVisible(context.can(Capability.EDIT))
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("exportList")
        self.export_button.setVisible(context.can(Capability.EXPORT))
        self.export_button.clicked.connect(self.export_list)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Saved conditions")))
        bar.addWidget(self.conditions, 1)
        bar.addWidget(self.save_condition_button)
        bar.addWidget(self.delete_condition_button)
        bar.addWidget(self.filter_toggle)

        self.model = DebtorListModel(context.ops, self)
        self.table = DebtorTable()
        self.table.setObjectName("debtorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated_row.connect(self._open_row)

        self.filters = FilterPanel()
        filter_frame = QFrame()
        filter_frame.setObjectName("card")
        frame_layout = QVBoxLayout(filter_frame)
        frame_layout.setContentsMargins(10, 8, 10, 8)
        frame_layout.addWidget(self.filters)
        self.filter_frame = filter_frame

        self.status = QLabel("")
        self.status.setObjectName("hintText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(filter_frame)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.installEventFilter(self)
        self.filters.applied.connect(self._filters_applied)
        self.filter_toggle.toggled.connect(filter_frame.setVisible)
        self.conditions.activated.connect(self._condition_chosen)
        self.save_condition_button.clicked.connect(self.save_condition)
        self.delete_condition_button.clicked.connect(self.delete_condition)
        self.model.total_changed.connect(self._show_count)
        self.model.loading_changed.connect(self._show_loading)
        self.model.failed.connect(lambda error: self._show_error(error))
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.filter_toggle.toggle)

        QWidget.setTabOrder(self.search, self.conditions)
        QWidget.setTabOrder(self.conditions, self.save_condition_button)
        QWidget.setTabOrder(self.save_condition_button, self.delete_condition_button)
        QWidget.setTabOrder(self.delete_condition_button, self.filter_toggle)
        # then the filter panel, top to bottom and left to right as it is drawn, then the table
        chain = [self.filter_toggle, *self.filters.focus_chain(), self.table]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.search)
        self.apply()
        self.load_conditions()
        # Everyone may filter by themselves; the full list of users needs the right to read users or the
        # audit log, so a handler without it simply sees their own name.
        self.filters.set_handlers([context.user.name])
        context.ops.call(
            debtors.handler_names,
            on_result=lambda names: self.filters.set_handlers(sorted({*names, context.user.name})),
            on_error=lambda _error: None,
            owner=self,
        )

    # --- searching ----------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.apply()
        if self.model.rowCount() or self.model.loading:
            self.table.setFocus()

    def current_fields(self) -> dict[str, Any]:
        return {"text": self.search.text().strip(), **self._filter_fields}

    def apply(self) -> None:
        self.model.set_filter(debtors.DebtorFilter(**self.current_fields()))

    def _filters_applied(self, fields: dict[str, Any]) -> None:
        self._filter_fields = fields
        self.apply()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} debtors").format(n=f"{total:,}"))
        if total == 0:
            self.status.setText(self.tr("No debtor matches. Change the search words or clear the filters."))
        else:
            self.status.setText(self.tr("Enter opens the card. Ctrl+F searches."))

    def _show_loading(self) -> None:
        if self.model.loading:
            self.status.setText(self.tr("Loading…"))
        elif self.model.total is not None:
            self._show_count(self.model.total)

    def _show_error(self, error: BaseException) -> None:
        from saiken.ui.kit.errors import show_error

        show_error(self, error)

    # --- the ward's workbook in, the list out ---------------------------------------------------------
    def open_import(self) -> None:
        from saiken.ui.debtors.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self)
        dialog.imported.connect(lambda _report: self.apply())
        self.context.dialogs._run(dialog)
        dialog.deleteLater()

    def export_list(self) -> None:
        """The list as it is filtered now, to .xlsx, with 「パスワードを付ける」 (personal data)."""
        from saiken.ui.kit.protected_save import save_with_password

        flt = debtors.DebtorFilter(**self.current_fields())
        save_with_password(
            self.context,
            self,
            title=self.tr("Export the debtor list to Excel"),
            suggested=self.tr("Debtor list.xlsx"),
            save=_export_list,
            save_args=(flt,),
        )

    def _open_row(self, row: int) -> None:
        debtor_id = self.model.debtor_id(row)
        if debtor_id is not None:
            self.open_requested.emit(debtor_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._debounce.stop()
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    # --- saved conditions ---------------------------------------------------------------------------------
    def load_conditions(self) -> None:
        self.context.ops.call(debtors.list_conditions, on_result=self._show_conditions, owner=self)

    def _show_conditions(self, conditions: list[tuple[str, Any]]) -> None:
        self._conditions = dict(conditions)
        self.conditions.clear()
        self.conditions.addItem(self.tr("(choose)"), "")
        for name in self._conditions:
            self.conditions.addItem(name, name)
        self.delete_condition_button.setEnabled(bool(self._conditions))

    def _condition_chosen(self, index: int) -> None:
        name = self.conditions.itemData(index)
        if not name:
            return
        flt = self._conditions[name]
        self.search.blockSignals(True)
        self.search.setText(getattr(flt, "text", ""))
        self.search.blockSignals(False)
        self.filters.set_fields(flt)
        self._filter_fields = (
            {k: v for k, v in vars(flt).items() if k != "text"}
            if hasattr(flt, "__dict__")
            else self.filters.fields()
        )
        self.apply()

    def save_condition(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(
                self, self.tr("Save condition"), self.tr("Name of this condition:")
            )
            if not ok or not name.strip():
                return
        flt = debtors.DebtorFilter(**self.current_fields())
        self.context.ops.call(
            debtors.save_condition,
            name.strip(),
            flt,
            on_result=lambda _r: self.load_conditions(),
            owner=self,
        )

    def delete_condition(self) -> None:
        name = self.conditions.currentData()
        if not name:
            return
        if not self.context.dialogs.confirm(
            self,
            self.tr("Delete condition"),
            self.tr("Delete the saved condition “{name}”?").format(name=name),
            self.tr("Delete"),
        ):
            return
        self.context.ops.call(
            debtors.delete_condition,
            name,
            on_result=lambda _r: self.load_conditions(),
            owner=self,
        )


def _export_list(session: Any, path: Any, flt: Any, *, password: Any) -> Any:
    """On the worker: the export service, protected with `password` when given; returns the SavedFile."""
    from saiken.services.excel_export import export_debtor_list

    return export_debtor_list(session, path, flt, password=password).saved
