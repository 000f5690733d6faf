"""The filter panel of the debtor list: statuses, handler, balance, due date, next action and tags.

Dates accept everything `saiken.domain.wareki.parse_date` reads (2025-09-16, 令和7年9月16日, R7.9.16); amounts
everything `parse_yen` reads (1,234,567 or 1234567円). A bad field is named in one red line and nothing is
applied until it is fixed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.domain.money import parse_yen
from saiken.domain.wareki import parse_date
from saiken.ui.kit import display

UNASSIGNED_KEY = "\u0000unassigned"  # the picker's item for debtors with no handler


class FilterPanel(QWidget):
    """Emits `applied(fields)` with the DebtorFilter fields (without `text`) when the user applies it."""

    applied = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.status_checks: dict[str, QCheckBox] = {}
        statuses = QHBoxLayout()
        for i, status in enumerate(display.statuses()):
            check = QCheckBox(status)
            check.setObjectName(f"status_{i}")
            self.status_checks[status] = check
            statuses.addWidget(check)
        statuses.addStretch(1)

        self.handler = QComboBox()
        self.handler.setObjectName("handlerFilter")
        self.handler.addItem(self.tr("Anyone"), "")
        self.handler.setMinimumWidth(130)
        self.min_balance, self.max_balance = self._range_edits("balance", self.tr("e.g. 100,000"))
        self.due_from, self.due_to = self._range_edits("due", self.tr("e.g. R7.4.1"))
        self.next_from, self.next_to = self._range_edits("next", self.tr("e.g. R7.10.1"))
        self.tags = QLineEdit()
        self.tags.setObjectName("tagsFilter")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setMinimumWidth(160)

        fields = QGridLayout()
        fields.setHorizontalSpacing(6)
        fields.addWidget(QLabel(self.tr("Status")), 0, 0)
        fields.addLayout(statuses, 0, 1, 1, 11)
        column = 0
        for label, low, high in (
            (self.tr("Principal balance"), self.min_balance, self.max_balance),
            (self.tr("Due date"), self.due_from, self.due_to),
            (self.tr("Next action"), self.next_from, self.next_to),
        ):
            fields.addWidget(QLabel(label), 1, column)
            pair = QHBoxLayout()
            pair.addWidget(low)
            pair.addWidget(QLabel("〜"))
            pair.addWidget(high)
            fields.addLayout(pair, 1, column + 1)
            column += 2
        fields.addWidget(QLabel(self.tr("Handler")), 2, 0)
        fields.addWidget(self.handler, 2, 1)
        fields.addWidget(QLabel(self.tr("Tags")), 2, 2)
        fields.addWidget(self.tags, 2, 3)
        fields.setColumnStretch(6, 1)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("primary")
        self.clear_button = QPushButton(self.tr("Clear"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.apply_button)
        fields.addLayout(buttons, 2, 5)
        layout.addLayout(fields)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        for edit in self.findChildren(QLineEdit):
            edit.returnPressed.connect(self.apply)

    def _range_edits(self, key: str, placeholder: str) -> tuple[QLineEdit, QLineEdit]:
        low, high = QLineEdit(), QLineEdit()
        low.setObjectName(f"{key}From")
        high.setObjectName(f"{key}To")
        for edit in (low, high):
            edit.setPlaceholderText(placeholder)
            edit.setFixedWidth(105)
        return low, high

    def focus_chain(self) -> list[QWidget]:
        """The panel's fields in the order the eye reads them (for the page's tab order)."""
        return [
            *self.status_checks.values(),
            self.min_balance,
            self.max_balance,
            self.due_from,
            self.due_to,
            self.next_from,
            self.next_to,
            self.handler,
            self.tags,
            self.clear_button,
            self.apply_button,
        ]

    def set_handlers(self, choices: list[tuple[str, str]]) -> None:
        """(account name, display name) of every handler; the display name is what the picker shows."""
        current = self.handler.currentData() or None
        self.handler.clear()
        self.handler.addItem(self.tr("Anyone"), "")
        self.handler.addItem(self.tr("(no handler)"), UNASSIGNED_KEY)
        for name, display_name in choices:
            self.handler.addItem(display_name, name)
        self._select_handler(current)

    def _select_handler(self, name: str | None) -> None:
        if name == "":
            name = UNASSIGNED_KEY
        index = self.handler.findData(name) if name else 0
        if index < 0:
            self.handler.addItem(str(name), name)
            index = self.handler.count() - 1
        self.handler.setCurrentIndex(index)

    # --- reading and writing the fields --------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """The DebtorFilter fields as entered; raises ValidationError naming the first bad field."""
        result: dict[str, Any] = {
            "statuses": frozenset(s for s, check in self.status_checks.items() if check.isChecked()),
            "handler": self._handler_value(),
            "min_balance": self._amount(self.min_balance, self.tr("Principal balance (from)")),
            "max_balance": self._amount(self.max_balance, self.tr("Principal balance (to)")),
            "due_from": self._date(self.due_from, self.tr("Due date (from)")),
            "due_to": self._date(self.due_to, self.tr("Due date (to)")),
            "next_action_from": self._date(self.next_from, self.tr("Next action (from)")),
            "next_action_to": self._date(self.next_to, self.tr("Next action (to)")),
            "tags": frozenset(t.strip() for t in self.tags.text().replace("、", ",").split(",") if t.strip()),
        }
        for low, high, label in (
            ("min_balance", "max_balance", self.tr("Principal balance")),
            ("due_from", "due_to", self.tr("Due date")),
            ("next_action_from", "next_action_to", self.tr("Next action")),
        ):
            if result[low] is not None and result[high] is not None and result[low] > result[high]:
                raise ValidationError(
                    self.tr("{field}: the start is after the end. Swap the two values.").format(field=label)
                )
        return result

    def _handler_value(self) -> str | None:
        data = self.handler.currentData()
        if data == UNASSIGNED_KEY:
            return ""  # debtors.UNASSIGNED: no handler
        return data or None

    def _amount(self, edit: QLineEdit, label: str) -> int | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_yen(text)
        except ValidationError as error:
            edit.setFocus()
            raise ValidationError(f"{label}: {error.message}") from error

    def _date(self, edit: QLineEdit, label: str) -> dt.date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValidationError as error:
            edit.setFocus()
            raise ValidationError(f"{label}: {error.message}") from error

    def set_fields(self, flt: Any) -> None:
        """Show a saved condition's fields (a DebtorFilter)."""
        statuses = set(getattr(flt, "statuses", ()) or ())
        for status, check in self.status_checks.items():
            check.setChecked(status in statuses)
        self._select_handler(getattr(flt, "handler", None))
        for edit, value in ((self.min_balance, flt.min_balance), (self.max_balance, flt.max_balance)):
            edit.setText("" if value is None else f"{value:,}")
        for edit, value in (
            (self.due_from, flt.due_from),
            (self.due_to, flt.due_to),
            (self.next_from, flt.next_action_from),
            (self.next_to, flt.next_action_to),
        ):
            edit.setText(display.day(value))
        self.tags.setText("、".join(sorted(getattr(flt, "tags", ()) or ())))
        self.error.hide()

    def active_count(self) -> int:
        try:
            fields = self.fields()
        except ValidationError:
            return 0
        return sum(1 for value in fields.values() if value not in (None, frozenset()))

    # --- actions --------------------------------------------------------------------------------------------
    def apply(self) -> bool:
        try:
            fields = self.fields()
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        self.error.hide()
        self.applied.emit(fields)
        return True

    def clear(self) -> None:
        for check in self.status_checks.values():
            check.setChecked(False)
        self.handler.setCurrentIndex(0)
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        self.error.hide()
        self.apply()
