"""The letterhead (差出人情報): who the letters come from, how to pay, the document-number prefix, the
days to the pay-by date and the window offset. No personal data; a supervisor or an admin changes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.letter_values import LETTERHEAD_LABELS
from saiken.domain.roles import Capability
from saiken.ui.kit.page_context import PageContext


class LetterheadTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        can_edit = context.can(Capability.APPROVE_TEMPLATES) or context.can(Capability.MANAGE_USERS)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label in LETTERHEAD_LABELS.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"letterhead_{key}")
            edit.setEnabled(can_edit)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.pay_by_days = QSpinBox(self)
        self.pay_by_days.setRange(1, 90)
        self.window_x = QDoubleSpinBox(self)
        self.window_y = QDoubleSpinBox(self)
        for box in (self.window_x, self.window_y):
            box.setRange(-20, 20)
            box.setSuffix(" mm")
        for widget in (self.pay_by_days, self.window_x, self.window_y):
            widget.setEnabled(can_edit)
        form.addRow(self.tr("Days to the pay-by date"), self.pay_by_days)
        form.addRow(self.tr("Move the address right"), self.window_x)
        form.addRow(self.tr("Move the address down"), self.window_y)
        self.save_button = QPushButton(self.tr("Save the letterhead"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(can_edit)
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel(self)
        self.saved.setObjectName("okText")
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("What every letter prints as its sender and how to pay. No personal data belongs here."),
            self,
        )
        note.setObjectName("hintText")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        from saiken.services import letters

        self.context.ops.call(letters.get_letterhead, owner=self, on_result=self._show)

    def _show(self, row: Any) -> None:
        for key, edit in self.fields.items():
            edit.setText(row.values.get(key, ""))
        self.pay_by_days.setValue(row.pay_by_days)
        self.window_x.setValue(row.window_x_mm)
        self.window_y.setValue(row.window_y_mm)

    def save(self) -> None:
        from saiken.services import letters

        changes: dict[str, Any] = {key: edit.text() for key, edit in self.fields.items()}
        changes |= {
            "pay_by_days": self.pay_by_days.value(),
            "window_x_mm": self.window_x.value(),
            "window_y_mm": self.window_y.value(),
        }
        self.context.ops.call(letters.update_letterhead, owner=self, on_result=self._saved, **changes)

    def _saved(self, row: Any) -> None:
        self._show(row)
        self.saved.setText(self.tr("Saved."))
