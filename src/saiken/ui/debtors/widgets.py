"""Small widgets shared by the debtor card's tabs and dialogs: read-only tables, date and amount fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
)

from saiken.domain.errors import ValidationError
from saiken.domain.money import parse_yen
from saiken.domain.wareki import parse_date
from saiken.ui.debtors import display

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ReadOnlyTable(QTableWidget):
    """A table of plain text rows; columns listed in `right` are right-aligned (amounts, counts)."""

    def __init__(
        self,
        headers: Sequence[str],
        *,
        right: Sequence[int] = (),
        stretch: int | None = None,
        object_name: str = "",
    ):
        super().__init__(0, len(headers))
        if object_name:
            self.setObjectName(object_name)
        self._right = set(right)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in self._right:
            item = self.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(RIGHT)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setTextAlignment(RIGHT if c in self._right else LEFT)
                if c == 0:  # always set: reading an unset role returns an invalid QVariant (see current_key)
                    item.setData(Qt.ItemDataRole.UserRole, keys[r] if keys is not None else r)
                self.setItem(r, c, item)

    def current_key(self) -> Any:
        """The key of the selected row. Never reads an unset role: PySide6 6.12 on CPython 3.11 drops a
        reference to None each time an invalid QVariant is returned, which crashes the interpreter."""
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def texts(self) -> list[list[str]]:
        return [
            [self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]


class DateField(QLineEdit):
    """A date typed as people write it: 2025-09-16, 2025/9/16, 令和7年9月16日, R7.9.16."""

    def __init__(self, value: dt.date | None = None, *, object_name: str = ""):
        super().__init__(display.day(value))
        if object_name:
            self.setObjectName(object_name)
        self.setPlaceholderText("R7.9.16")
        self.setMinimumWidth(120)

    def date(self, label: str, *, required: bool = True) -> dt.date | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(
                    self.tr("Enter {field} (e.g. 2025/09/16, 令和7年9月16日 or R7.9.16).").format(field=label)
                )
            return None
        try:
            return parse_date(text)
        except ValidationError as error:
            raise ValidationError(f"{label}: {error.message}") from error


class AmountField(QLineEdit):
    """An amount in whole yen: 1,234,567 or 1234567円; shown right-aligned."""

    def __init__(self, *, object_name: str = ""):
        super().__init__()
        if object_name:
            self.setObjectName(object_name)
        self.setAlignment(RIGHT)
        self.setPlaceholderText(self.tr("0 yen"))
        self.setMinimumWidth(120)

    def amount(self, label: str, *, required: bool = True, positive: bool = True) -> int | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(self.tr("Enter {field} (e.g. 50,000).").format(field=label))
            return None
        try:
            value = parse_yen(text)
        except ValidationError as error:
            raise ValidationError(f"{label}: {error.message}") from error
        if positive and value <= 0:
            raise ValidationError(self.tr("{field} must be at least 1 yen.").format(field=label))
        return value


def error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.hide()
    return label


def show_problem(label: QLabel, error: BaseException) -> None:
    """A dialog's own error line: the SaikenError's message, or the generic text for a bug."""
    from saiken.ui.errors import user_message

    label.setText(user_message(error))
    label.show()
