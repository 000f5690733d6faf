"""The debtor list: search box (debounced), filter panel, saved conditions and the lazy table.

Keyboard: Ctrl+F goes to the search box; Enter there opens the only hit, or the first one; Down moves into
the table, arrows move, Enter opens the card; Ctrl+Shift+F shows or hides the filter panel; Tab goes
search → conditions → filter panel → table.

Columns: 「列…」 chooses which columns are shown (phone, e-mail, address and tags besides the usual ones);
dragging a header moves a column and dragging its edge resizes it. The order, the widths and the choice
are the user's own (`services.preferences`, saved a moment after the last change).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.roles import Capability
from saiken.services import debtors, preferences
from saiken.services.preferences import ColumnLayout
from saiken.ui.debtors.filter_panel import FilterPanel
from saiken.ui.debtors.list_model import COLUMN_KEYS, COLUMNS, DebtorListModel
from saiken.ui.kit.tables import ListTable

SEARCH_DEBOUNCE_MS = 250
LAYOUT_SAVE_DELAY_MS = 800
TABLE_NAME = "debtor_list"


class DebtorTable(ListTable):
    """The debtor table; Enter / Return opens the current row. Several rows can be selected (Ctrl/Shift)
    for a batch of letters."""

    def __init__(self, object_name: str = "") -> None:
        super().__init__(object_name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


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
        self.columns_button = QPushButton(self.tr("Columns…"))
        self.columns_button.setObjectName("chooseColumns")
        self.columns_menu = QMenu(self.columns_button)
        self.columns_button.setMenu(self.columns_menu)

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
        self.letters_button = QPushButton(self.tr("Make letters…"))
        self.letters_button.setObjectName("lettersForSelection")
        self.letters_button.setToolTip(
            self.tr("Letters for the selected debtors (Ctrl+click or Shift+click to select several)")
        )
        self.letters_button.setVisible(context.can(Capability.EDIT))  # making letters is an edit
        self.letters_button.clicked.connect(self.letters_for_selection)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.letters_button)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Saved conditions")))
        bar.addWidget(self.conditions, 1)
        bar.addWidget(self.save_condition_button)
        bar.addWidget(self.delete_condition_button)
        bar.addWidget(self.filter_toggle)
        bar.addWidget(self.columns_button)

        self.model = DebtorListModel(context.ops, self)
        self.table = DebtorTable("debtorTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self._column_actions: dict[str, QAction] = {}
        for index, column in enumerate(COLUMNS):
            action = QAction(self.model.headerData(index, Qt.Orientation.Horizontal), self.columns_menu)
            action.setCheckable(True)
            action.setObjectName(f"column_{column.field}")
            action.toggled.connect(lambda shown, i=index: self._show_column(i, shown))
            if column.field in ("management_no", "name"):
                action.setEnabled(False)  # a list without them names nobody
            self.columns_menu.addAction(action)
            self._column_actions[column.field] = action
        self._applied_layout: tuple[ColumnLayout, ...] | None = None
        self._applying = False
        self.apply_layout(context.preferences.table(TABLE_NAME))
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(LAYOUT_SAVE_DELAY_MS)
        self._layout_timer.timeout.connect(self.save_layout)
        header.sectionMoved.connect(lambda *_args: self._layout_changed())
        header.sectionResized.connect(lambda *_args: self._layout_changed())
        context.preferences.changed.connect(self._preferences_changed)
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
        self.search.returnPressed.connect(self.open_first_hit)
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
        QWidget.setTabOrder(self.filter_toggle, self.columns_button)
        # then the filter panel, top to bottom and left to right as it is drawn, then the table
        chain = [self.columns_button, *self.filters.focus_chain(), self.table]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.search)
        self._open_when_loaded = False
        self.apply()
        self.load_conditions()
        # Every handler by display name: a READ-level list, so everyone may filter by anyone.
        context.handlers.changed.connect(self._handlers_known)
        context.handlers.ensure_loaded(context.ops)
        self._handlers_known()

    def _handlers_known(self) -> None:
        self.filters.set_handlers(self.context.handlers.choices())
        self.model.set_handler_labels(self.context.handlers.label)

    # --- searching ----------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_first_hit(self) -> None:
        """Enter in the search box: open the only hit, or the first one (searching first if the words
        changed since the last search)."""
        self._debounce.stop()
        wanted = debtors.DebtorFilter(**self.current_fields())
        if self.model.current_filter() != wanted:
            self._open_when_loaded = True
            self.model.set_filter(wanted)
            return
        self._open_first()

    def _open_first(self) -> None:
        self._open_when_loaded = False
        if self.model.loading:
            self._open_when_loaded = True
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self._open_row(0)

    def _rows_loaded(self) -> None:
        if self._open_when_loaded and not self.model.loading:
            self._open_first()

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
            self.status.setText(
                self.tr("Enter opens the card (in the search box: the first hit). Ctrl+F searches.")
            )

    def _show_loading(self) -> None:
        self._rows_loaded()
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

    def selected_management_numbers(self) -> list[str]:
        """The management numbers of the selected rows, in the list's order."""
        numbers: list[str] = []
        selection = self.table.selectionModel()
        for index in sorted(selection.selectedRows(), key=lambda i: i.row()) if selection else []:
            row = self.model.row_at(index.row())
            if row is not None:
                numbers.append(row.management_no)
        return numbers

    def letters_for_selection(self) -> None:
        """Start a batch of letters (文書 › 文書を作る) for the selected debtors."""
        numbers = self.selected_management_numbers()
        if not numbers:
            self.context.dialogs.info(
                self,
                self.tr("Make letters"),
                self.tr("Select the debtors to write to first (Ctrl+click or Shift+click selects several)."),
            )
            return
        self.context.requests.letters_for.emit(numbers)

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

    # --- columns ------------------------------------------------------------------------------------------
    def apply_layout(self, layout: tuple[ColumnLayout, ...]) -> None:
        """Show the columns as the user left them (the defaults for a list never arranged)."""
        header = self.table.horizontalHeader()
        saved = {item.key: item for item in layout}
        order = [item.key for item in layout if item.key in COLUMN_KEYS]
        order += [key for key in COLUMN_KEYS if key not in order]  # columns added since the layout was saved
        self._applying = True
        try:
            for visual, key in enumerate(order):
                logical = COLUMN_KEYS.index(key)
                header.moveSection(header.visualIndex(logical), visual)
                column = COLUMNS[logical]
                item = saved.get(key)
                shown = item.visible if item is not None else column.shown
                if key in ("management_no", "name"):
                    shown = True
                header.resizeSection(logical, item.width if item is not None else column.width)
                header.setSectionHidden(logical, not shown)
                self._column_actions[key].setChecked(shown)
        finally:
            self._applying = False
        self._applied_layout = layout

    def current_layout(self) -> tuple[ColumnLayout, ...]:
        header = self.table.horizontalHeader()
        return tuple(
            ColumnLayout(
                COLUMN_KEYS[logical],
                header.sectionSize(logical) or COLUMNS[logical].width,
                not header.isSectionHidden(logical),
            )
            for logical in (header.logicalIndex(visual) for visual in range(header.count()))
        )

    def _show_column(self, logical: int, shown: bool) -> None:
        if self._applying:
            return
        header = self.table.horizontalHeader()
        header.setSectionHidden(logical, not shown)
        if shown and header.sectionSize(logical) < 24:
            header.resizeSection(logical, COLUMNS[logical].width)
        self._layout_changed()

    def _layout_changed(self) -> None:
        if not self._applying:
            self._layout_timer.start()

    def save_layout(self) -> None:
        self._layout_timer.stop()
        layout = self.current_layout()
        if layout == self._applied_layout:
            return
        self._applied_layout = layout
        self.context.ops.call(
            preferences.save_table_layout,
            TABLE_NAME,
            list(layout),  # the window reads the preferences again (Area.PREFERENCES)
            on_error=lambda _error: None,  # a layout that could not be kept is not worth a message box
            owner=self,
        )

    def _preferences_changed(self) -> None:
        layout = self.context.preferences.table(TABLE_NAME)
        if layout and layout != self._applied_layout and not self._layout_timer.isActive():
            self.apply_layout(layout)
        self.model.redraw()

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
