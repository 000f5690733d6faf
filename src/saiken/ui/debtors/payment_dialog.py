"""Payment entry: date (和暦 accepted), amount, source, confirmed by the ward. Saved through the service.

A payment acknowledges the debt: when it renews limitation, the dialog shows the new expiry date and asks
before it is saved. The status bar then says what was recorded (「納付 30,000円 を登録しました」). Cancel or
Esc with something typed asks before it is thrown away.
"""

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
from saiken.services.changes import Changed
from saiken.ui.kit import display
from saiken.ui.kit.fields import AmountField, DateField, error_label, show_problem
from saiken.ui.kit.form_guard import FormGuard, confirm_discard

SOURCES = ("納付書", "口座振込", "窓口", "現金書留", "その他")


class PaymentDialog(QDialog):
    """Accepts once the service stored the payment (the card follows the change record); stays open on a
    problem."""

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
        self.guard = FormGuard([self.paid_on, self.amount, self.source, self.confirmed])

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
            debtors.limitation_if_paid,
            self.debtor_id,
            paid_on=values["paid_on"],
            on_result=lambda change: self._confirmed(values, change),
            on_error=self._failed,
            owner=self,
        )

    def _confirmed(self, values: dict[str, Any], change: Any) -> None:
        if change.renews and not self.context.dialogs.confirm(
            self,
            self.tr("The payment renews limitation"),
            self.tr(
                "A payment of {amount} on {day} acknowledges the debt: the limitation period is renewed and then ends on {after} (until now {before}). Record the payment?"
            ).format(
                amount=display.yen(values["amount"]),
                day=display.long_day(values["paid_on"]),
                after=display.long_day(change.after),
                before=display.long_day(change.before),
            ),
            self.tr("Record payment"),
        ):
            self.buttons.setEnabled(True)
            return
        self.context.ops.call(
            debtors.add_payment,
            self.debtor_id,
            **values,
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, changed: Changed[Any]) -> None:
        self.buttons.setEnabled(True)
        row = changed.value
        self.context.notices.say(
            self.tr("Recorded a payment of {amount} ({day}).").format(
                amount=display.yen(row.amount), day=display.long_day(row.paid_on)
            )
        )
        self.guard.mark_clean()
        self.accept()

    def reject(self) -> None:
        """Cancel or Esc: ask before what was typed is thrown away."""
        if self.guard.dirty() and not confirm_discard(self.context.dialogs, self):
            return
        super().reject()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_problem(self.error, error)


def payment_amount_text(row: Any) -> str:
    return display.yen(row.amount)
