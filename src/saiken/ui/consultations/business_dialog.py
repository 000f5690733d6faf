"""Register or correct a business: the items seed 001 lists, the representative's date of birth in 和暦
as people write it (昭和50年3月2日, S50.3.2), readings in any kana. The service checks everything and its
message appears in the dialog; nothing is saved until it accepts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.consultation_terms import BUSINESS_KINDS, INDUSTRIES
from saiken.services import consultations as cs
from saiken.ui.kit import display
from saiken.ui.kit.fields import error_label, show_problem

TEXT_FIELDS = (
    "name",
    "name_kana",
    "postal_code",
    "address",
    "phone",
    "email",
    "representative",
    "representative_kana",
    "representative_born",
)


class BusinessDialog(QDialog):
    """`saved(row)` after the service stored the business (new, or corrected when `business` is given)."""

    saved = Signal(object)

    def __init__(self, context: Any, business: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("businessDialog")
        self.context = context
        self.business = business
        self.setWindowTitle(self.tr("Correct the business") if business else self.tr("Register a business"))
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Business name"),
            "name_kana": self.tr("Reading (kana)"),
            "postal_code": self.tr("Postal code"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "representative": self.tr("Representative"),
            "representative_kana": self.tr("Representative's reading"),
            "representative_born": self.tr("Representative's date of birth"),
        }
        self.kind = QComboBox()
        self.kind.setObjectName("businessKind")
        self.kind.addItems(list(BUSINESS_KINDS))
        self.industry = QComboBox()
        self.industry.setObjectName("businessIndustry")
        self.industry.addItems(list(INDUSTRIES))
        self.employees = QSpinBox()
        self.employees.setObjectName("businessEmployees")
        self.employees.setRange(0, 100_000)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("businessNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        form = QFormLayout()
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"business_{name}")
            self.edits[name] = edit
            form.addRow(labels[name], edit)
            if name == "name_kana":
                form.addRow(self.tr("Kind"), self.kind)
                form.addRow(self.tr("Industry"), self.industry)
                form.addRow(self.tr("Employees"), self.employees)
        self.edits["representative_born"].setPlaceholderText(self.tr("e.g. 昭和50年3月2日 or S50.3.2"))
        self.edits["phone"].setPlaceholderText("03-1234-5678")
        form.addRow(self.tr("Notes"), self.notes)
        if business is not None:
            for name in TEXT_FIELDS:
                value = getattr(business, name)
                if name == "representative_born":
                    value = display.wareki(value)
                self.edits[name].setText(value or "")
            self.kind.setCurrentText(business.kind)
            self.industry.setCurrentText(business.industry)
            self.employees.setValue(business.employees or 0)
            self.notes.setPlainText(business.notes)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 560)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: self.edits[name].text().strip() for name in TEXT_FIELDS}
        values["kind"] = self.kind.currentText()
        values["industry"] = self.industry.currentText()
        values["employees"] = self.employees.value()
        values["notes"] = self.notes.toPlainText().strip()
        values["representative_born"] = values["representative_born"] or None
        return values

    def submit(self) -> None:
        values = self.values()
        if self.business is None:
            self.context.ops.call(
                cs.add_business,
                **values,
                on_result=self._done,
                on_error=self._failed,
                owner=self,
            )
            return
        if values["employees"] == 0 and self.business.employees is None:
            values["employees"] = None  # left empty as it was
        self.context.ops.call(
            cs.update_business,
            self.business.id,
            **values,
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.saved.emit(change.row)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        show_problem(self.error, error)
