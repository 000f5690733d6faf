"""Payment entry: date (和暦 accepted), amount, source, confirmed by the ward. Saved through the service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.ui.kit import display
from saiken.ui.kit.fields import AmountField, DateField, error_label, show_problem

SOURCES = ("納付書", "口座振込", "窓口", "現金書留", "その他")


class PaymentDialog(QDialog):
    """Emits `saved(payment_row)` after the service stored the payment; stays open on a problem."""

    def __init__(
        self,
        context: Any,
        debtor_id: int,
        *,
        debtor_name: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Record a payment"))
        self.context = context
        self.debtor_id = debtor_id
        self.paid_on = DateField(today or context.clock.today(), object_name="paidOn")
        self.amount = AmountField(object_name="paymentAmount")
        self.source = QComboBox()
        self.source.setObjectName("paymentSource")
        self.source.setEditable(True)
        self.source.addItems(SOURCES)
        self.confirmed = QCheckBox(self.tr("Confirmed by the ward"))
        self.confirmed.setObjectName("paymentConfirmed")
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Payment date"), self.paid_on)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Source"), self.source)
        form.addRow("", self.confirmed)
        layout = QVBoxLayout(self)
        if debtor_name:
            who = QLabel(debtor_name)
            who.setStyleSheet("font-weight: bold; font-size: 11pt;")
            layout.addWidget(who)
        hint = QLabel(self.tr("Dates may be written as 2025/9/16, R7.9.16 or 令和7年9月16日."))
        hint.setObjectName("hintText")
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.amount.setFocus()
        self.setMinimumWidth(420)

    def values(self) -> dict[str, Any]:
        return {
            "paid_on": self.paid_on.date(self.tr("Payment date")),
            "amount": self.amount.amount(self.tr("Amount")),
            "source": self.source.currentText().strip(),
            "confirmed": self.confirmed.isChecked(),
        }

    def submit(self) -> None:
        try:
            values = self.values()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self.context.ops.call(
            debtors.add_payment,
            self.debtor_id,
            **values,
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, _done: Any) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_problem(self.error, error)


def payment_amount_text(row: Any) -> str:
    return display.yen(row.amount)
