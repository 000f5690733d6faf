"""Tab 債権・納付: the claims (with receipt tranches) and the payments, with the payment entry button."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saiken.domain.wareki import format_fiscal_year
from saiken.ui.kit import display
from saiken.ui.kit.tables import ReadOnlyTable
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

NATURES = {
    "public": QT_TRANSLATE_NOOP("ClaimsTab", "Public law"),
    "private": QT_TRANSLATE_NOOP("ClaimsTab", "Private law"),
}


class ClaimsTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.claims = ReadOnlyTable(
            [
                self.tr("Programme"),
                self.tr("Fiscal year"),
                self.tr("Decision"),
                self.tr("Grant"),
                self.tr("Received"),
                self.tr("Order date"),
                self.tr("Due date"),
                self.tr("Principal"),
                self.tr("Nature"),
            ],
            right=(3, 7),
            stretch=0,
            object_name="claimsTable",
        )
        self.payments = ReadOnlyTable(
            [
                self.tr("Payment date"),
                self.tr("Amount"),
                self.tr("Source"),
                self.tr("Ward confirmed"),
                self.tr("Entered by"),
                self.tr("Note"),
            ],
            right=(1,),
            stretch=5,
            object_name="paymentsTable",
        )
        self.add_button = QPushButton(self.tr("Record payment…"))
        self.add_button.setObjectName("addPayment")
        self.add_button.clicked.connect(card_page.open_payment_dialog)
        self.payment_total = QLabel("")
        self.payment_total.setObjectName("paymentTotal")

        layout = QVBoxLayout(self)
        layout.addWidget(_section(self.tr("Claims")))
        layout.addWidget(self.claims, 2)
        row = QHBoxLayout()
        row.addWidget(_section(self.tr("Payments")))
        row.addStretch(1)
        row.addWidget(self.payment_total)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.payments, 3)

    def load_form(self, card: Any, *, fresh: bool) -> None:
        """No form of its own (payments are entered in the payment dialog)."""

    def has_unsaved_input(self) -> bool:
        return False

    def show_card(self, card: Any) -> None:
        rows = []
        for claim in card.claims:
            received = "、".join(
                f"{display.day(t.received_on)} {display.yen(t.amount)}" for t in claim.tranches
            )
            rows.append(
                [
                    claim.programme,
                    format_fiscal_year(claim.fiscal_year) if claim.fiscal_year else "",
                    display.day(claim.decision_date),
                    display.yen(claim.grant_amount),
                    received,
                    display.day(claim.order_date),
                    display.day(claim.due_date),
                    display.yen(claim.principal),
                    self.tr(NATURES[claim.nature]) if claim.nature in NATURES else claim.nature,
                ]
            )
        self.claims.set_rows(rows)
        payments = sorted(card.payments, key=lambda p: (p.paid_on, p.id), reverse=True)
        self.payments.set_rows(
            [
                [
                    display.day(p.paid_on),
                    display.yen(p.amount),
                    p.source,
                    self.tr("Yes") if p.confirmed else self.tr("Not yet"),
                    p.created_by,
                    self.tr("Reversed") if p.reversed else (self.tr("Reversal") if p.reverses_id else ""),
                ]
                for p in payments
            ],
            keys=[p.id for p in payments],
        )
        self.payment_total.setText(
            self.tr("Paid in total: {amount}").format(amount=display.yen(card.totals.paid))
        )


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 11pt; color: #243b53;")
    return label
