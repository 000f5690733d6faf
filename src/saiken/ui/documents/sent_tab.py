"""Batches sent: every batch with its counts; its letters with document numbers, the tracking number
(引受番号, typed from the post office's receipt) and returns (宛所不明, 受取拒否 …), flagged on the card."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.letter_kinds import RETURN_REASONS
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.ui.kit.page_context import PageContext

ID_ROLE = Qt.ItemDataRole.UserRole


def _cell(text: str, value: Any = None, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if value is not None:
        item.setData(ID_ROLE, value)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


class SentTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.batch_id: int | None = None
        self.batches = QTableWidget(0, 6, self)
        self.batches.setObjectName("batchTable")
        self.batches.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Template"),
                self.tr("Letters"),
                self.tr("Returned"),
                self.tr("Made by"),
            ]
        )
        self.batches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.batches.itemSelectionChanged.connect(self._batch_selected)
        self.letters = QTableWidget(0, 6, self)
        self.letters.setObjectName("sentTable")
        self.letters.setHorizontalHeaderLabels(
            [
                self.tr("Management no."),
                self.tr("Name"),
                self.tr("Document no."),
                self.tr("Mailing"),
                self.tr("Tracking no."),
                self.tr("Returned"),
            ]
        )
        self.letters.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.save_tracking = QPushButton(self.tr("Save tracking numbers"), self)
        self.save_tracking.clicked.connect(self.store_tracking)
        self.reason = QComboBox(self)
        for reason in RETURN_REASONS:
            self.reason.addItem(reason)
        self.returned_button = QPushButton(self.tr("Record as returned"), self)
        self.returned_button.clicked.connect(self.mark_returned)
        can_edit = context.can(Capability.EDIT)
        self.save_tracking.setEnabled(can_edit)
        self.returned_button.setEnabled(can_edit)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.letters, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_tracking)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Reason"), self))
        row.addWidget(self.reason)
        row.addWidget(self.returned_button)
        bottom_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.batches)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        from saiken.services import letters

        self.context.ops.call(letters.list_batches, owner=self, on_result=self._show_batches)

    def _show_batches(self, rows: list[Any]) -> None:
        self.batches.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = [
                format_wareki(row.letter_date),
                row.kind_label,
                f"{row.template_name}（第{row.version}版）",
                f"{row.letters}通",
                f"{row.returned}通",
                row.created_by,
            ]
            for column, value in enumerate(values):
                self.batches.setItem(index, column, _cell(value, row.id if column == 0 else None))
        self.batches.resizeColumnsToContents()
        if rows and self.batch_id is None:
            self.batches.selectRow(0)

    def _batch_selected(self) -> None:
        items = self.batches.selectedItems()
        if not items:
            return
        self.batch_id = int(_item(self.batches, items[0].row(), 0).data(ID_ROLE))
        self.reload_letters()

    def reload_letters(self) -> None:
        if self.batch_id is None:
            return
        from saiken.services import letters

        self.context.ops.call(letters.batch_letters, self.batch_id, owner=self, on_result=self._show_letters)

    def _show_letters(self, rows: list[Any]) -> None:
        self.letters.setRowCount(len(rows))
        for index, row in enumerate(rows):
            returned = f"{format_wareki(row.returned_on)} {row.returned_reason}" if row.returned_on else ""
            values = [row.management_no, row.name, row.document_number, row.method, row.tracking_no, returned]
            for column, value in enumerate(values):
                self.letters.setItem(
                    index,
                    column,
                    _cell(value, row.document_id if column == 0 else None, editable=column == 4),
                )
        self.letters.resizeColumnsToContents()

    def store_tracking(self) -> None:
        if self.batch_id is None:
            return
        numbers = {
            int(_item(self.letters, r, 0).data(ID_ROLE)): _item(self.letters, r, 4).text()
            for r in range(self.letters.rowCount())
        }
        from saiken.services import letters

        self.context.ops.call(
            letters.set_tracking_numbers,
            self.batch_id,
            numbers,
            owner=self,
            on_result=lambda _: self.reload_letters(),
        )

    def mark_returned(self) -> None:
        rows = {item.row() for item in self.letters.selectedItems()}
        if len(rows) != 1:
            self.context.dialogs.info(
                self, self.tr("Returned letter"), self.tr("Choose the one letter that came back.")
            )
            return
        (row,) = rows
        document_id = int(_item(self.letters, row, 0).data(ID_ROLE))
        today = self.context.clock.today()
        text, ok = QInputDialog.getText(
            self,
            self.tr("Returned letter"),
            self.tr("Date it came back (e.g. R7.10.3):"),
            text=format_wareki(today),
        )
        if not ok:
            return
        from saiken.domain.errors import SaikenError
        from saiken.domain.wareki import parse_date
        from saiken.services import letters

        try:
            on = parse_date(text)
        except SaikenError as error:
            self.context.dialogs.error(self, self.tr("Returned letter"), str(error))
            return
        self.context.ops.call(
            letters.record_return,
            document_id,
            on=on,
            reason=self.reason.currentText(),
            owner=self,
            on_result=self._returned,
        )

    def _returned(self, _row: Any) -> None:
        self.reload_letters()
        self.refresh()
