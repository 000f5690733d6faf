"""The debtor card: a header with who and how much (as of today by the vault's Clock) and the tabs.

Opening a card calls `get_card` on the worker (the service audits `debtor.view`). The card reloads when the
shell's one `changed` signal says something on this debtor's file changed — whether the change was made
from the card, from another screen or by an import — and only then, so the header amounts always come
from the service, never from arithmetic in the GUI. `reloads` counts the loads asked for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saiken.services import debtors
from saiken.services.changes import Changes
from saiken.ui.debtors.charge_statement import ChargeStatementDialog
from saiken.ui.debtors.payment_dialog import PaymentDialog
from saiken.ui.debtors.tab_attachments import AttachmentsTab
from saiken.ui.debtors.tab_claims import ClaimsTab
from saiken.ui.debtors.tab_inquiries import DocumentsTab, InquiriesTab
from saiken.ui.debtors.tab_plan import PlanTab
from saiken.ui.debtors.tab_records import RecordsTab
from saiken.ui.debtors.tab_tags import TagsTab
from saiken.ui.kit import display

AMOUNT_KEYS = ("principal", "paid", "additional_charge", "late_charge", "total")


class AmountTile(QFrame):
    def __init__(self, label: str, key: str, *, emphasis: bool = False):
        super().__init__()
        self.setObjectName("amountTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = "#fff7e6" if emphasis else "#ffffff"
        border = "#f0b429" if emphasis else "#d9e2ec"
        self.setStyleSheet(
            f"QFrame#amountTile {{ background: {colour}; border: 1px solid {border}; border-radius: 5px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        caption = QLabel(label)
        caption.setStyleSheet("color: #52606d; border: none;")
        self.value = QLabel("")
        self.value.setObjectName(f"amount_{key}")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        size = "15pt" if emphasis else "13pt"
        self.value.setStyleSheet(f"font-size: {size}; font-weight: bold; border: none;")
        layout.addWidget(caption)
        layout.addWidget(self.value)


class DebtorCardPage(QWidget):
    """One debtor's card. `back_requested` when the user returns to the list (Esc or the button)."""

    back_requested = Signal()
    loaded = Signal(debtors.DebtorCard)

    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debtorCard")
        self.context = context
        self.debtor_id: int | None = None
        self.card: Any = None
        self.reloads = 0
        context.ops.changed.connect(self._on_changed)

        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setObjectName("backToList")
        self.name = QLabel("")
        self.name.setObjectName("debtorName")
        self.name.setStyleSheet("font-size: 17pt; font-weight: bold; color: #102a43;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading = QLabel("")
        self.reading.setObjectName("hintText")
        self.status_chip = QLabel("")
        self.status_chip.setObjectName("statusChip")
        self.facts = QLabel("")
        self.facts.setObjectName("debtorFacts")
        self.contact = QLabel("")
        self.contact.setObjectName("debtorContact")
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.limitation = QLabel("")
        self.limitation.setObjectName("limitationLine")
        self.as_of = QLabel("")
        self.as_of.setObjectName("hintText")
        self.payment_button = QPushButton(self.tr("Record payment…"))
        self.payment_button.setObjectName("primary")
        self.payment_button.setToolTip("Ctrl+P")
        self.statement_button = QPushButton(self.tr("Charge statement…"))
        self.statement_button.setToolTip("Ctrl+K")

        name_row = QHBoxLayout()
        name_row.addWidget(self.back_button)
        name_row.addSpacing(10)
        name_row.addWidget(self.name)
        name_row.addSpacing(8)
        name_row.addWidget(self.status_chip)
        name_row.addStretch(1)
        name_row.addWidget(self.statement_button)
        name_row.addWidget(self.payment_button)

        tiles = QGridLayout()
        self.tiles: dict[str, AmountTile] = {}
        labels = (
            self.tr("Principal"),
            self.tr("Paid"),
            self.tr("Additional charge"),
            self.tr("Late charge"),
            self.tr("Total due"),
        )
        for column, (key, label) in enumerate(zip(AMOUNT_KEYS, labels, strict=True)):
            tile = AmountTile(label, key, emphasis=key == "total")
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 1)

        header = QFrame()
        header.setObjectName("card")
        head = QVBoxLayout(header)
        head.addLayout(name_row)
        facts_row = QHBoxLayout()
        facts_row.addWidget(self.reading)
        facts_row.addSpacing(16)
        facts_row.addWidget(self.facts)
        facts_row.addStretch(1)
        head.addLayout(facts_row)
        head.addWidget(self.contact)
        head.addLayout(tiles)
        foot = QHBoxLayout()
        foot.addWidget(self.limitation)
        foot.addStretch(1)
        foot.addWidget(self.as_of)
        head.addLayout(foot)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("cardTabs")
        self.claims_tab = ClaimsTab(self)
        self.records_tab = RecordsTab(self)
        self.plan_tab = PlanTab(self)
        self.inquiries_tab = InquiriesTab(self)
        self.documents_tab = DocumentsTab(self)
        self.attachments_tab = AttachmentsTab(self)
        self.tags_tab = TagsTab(self)
        self._tab_widgets = (
            self.claims_tab,
            self.records_tab,
            self.plan_tab,
            self.inquiries_tab,
            self.documents_tab,
            self.attachments_tab,
            self.tags_tab,
        )
        for widget, title in zip(
            self._tab_widgets,
            (
                self.tr("Claims && payments"),
                self.tr("Negotiation"),
                self.tr("Instalments"),
                self.tr("Inquiries"),
                self.tr("Documents sent"),
                self.tr("Attachments"),
                self.tr("Tags && notes"),
            ),
            strict=True,
        ):
            self.tabs.addTab(widget, title)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 10)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.payment_button.clicked.connect(self.open_payment_dialog)
        self.statement_button.clicked.connect(self.open_charge_statement)
        QShortcut(QKeySequence("Esc"), self, self.back_requested.emit)
        QShortcut(QKeySequence("Ctrl+P"), self, self.open_payment_dialog)
        QShortcut(QKeySequence("Ctrl+K"), self, self.open_charge_statement)
        for number in range(1, len(self._tab_widgets) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda n=number: self.tabs.setCurrentIndex(n - 1))
        self.payment_dialog: PaymentDialog | None = None
        self.statement_dialog: ChargeStatementDialog | None = None

    # --- loading ------------------------------------------------------------------------------------------
    def open_debtor(self, debtor_id: int) -> None:
        """Show `debtor_id` (the service audits the view)."""
        self.debtor_id = debtor_id
        self.reload()

    def reload(self) -> None:
        if self.debtor_id is None:
            return
        self.reloads += 1
        self.context.ops.call(debtors.get_card, self.debtor_id, on_result=self.show_card, owner=self)

    def _on_changed(self, changes: Changes) -> None:
        """Reload only when something on this debtor's file changed."""
        if changes.touches_debtor(self.debtor_id):
            self.reload()

    def show_card(self, card: Any) -> None:
        self.card = card
        self.debtor_id = card.id
        self.name.setText(display.honorific(card.name, card.kind))
        self.reading.setText(card.name_kana)
        colour = display.status_colour(card.status).name()
        self.status_chip.setText(card.status)
        self.status_chip.setStyleSheet(
            f"background: {colour}; border-radius: 9px; padding: 2px 12px; font-weight: bold;"
        )
        self.facts.setText(
            "　｜　".join(
                [
                    self.tr("Management no. {no}").format(no=card.management_no),
                    self.tr("Handler: {name}").format(name=card.handler or self.tr("(none)")),
                ]
            )
        )
        contact = []
        if card.representative:
            contact.append(self.tr("Representative: {name}").format(name=card.representative))
        if card.phones:
            contact.append(self.tr("Phone: {phone}").format(phone="・".join(card.phones)))
        address = f"〒{card.postal_code}　{card.address}" if card.postal_code else card.address
        if address:
            contact.append(address)
        self.contact.setText("　｜　".join(contact))
        totals = card.totals
        for key in AMOUNT_KEYS:
            self.tiles[key].value.setText(display.yen(getattr(totals, key)))
        self.as_of.setText(self.tr("As of {day}").format(day=display.day(totals.as_of)))
        self.limitation.setText(self._limitation_text(card.limitation))
        for tab in self._tab_widgets:
            tab.show_card(card)
        self.loaded.emit(card)

    def _limitation_text(self, limitation: Any) -> str:
        if limitation is None or limitation.expiry is None:
            return self.tr("Limitation: not computed (no start date)")
        text = limitation.message or self.tr("Limitation expires {day}").format(
            day=display.day(limitation.expiry)
        )
        level = (limitation.level or "").lower()
        if level in ("warning", "warn", "soon"):
            self.limitation.setStyleSheet("color: #b45309; font-weight: bold;")
        elif level in ("expired", "danger"):
            self.limitation.setStyleSheet("color: #b42318; font-weight: bold;")
        else:
            self.limitation.setStyleSheet("color: #334e68;")
        return text

    # --- actions ------------------------------------------------------------------------------------------
    def open_payment_dialog(self) -> PaymentDialog | None:
        if self.card is None:
            return None
        dialog = PaymentDialog(
            self.context,
            self.card.id,
            debtor_name=display.honorific(self.card.name, self.card.kind),
            today=self.context.clock.today(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.payment_dialog = dialog
        dialog.open()
        return dialog

    def open_charge_statement(self) -> None:
        if self.card is None:
            return
        self.context.ops.call(
            debtors.charge_statement, self.card.id, on_result=self._show_statement, owner=self
        )

    def _show_statement(self, result: Any) -> None:
        if result is None:
            self.context.dialogs.info(
                self, self.tr("Charge statement"), self.tr("This debtor has no claim to compute charges for.")
            )
            return
        title = self.tr("Charge statement — {name}").format(
            name=display.honorific(self.card.name, self.card.kind)
        )
        dialog = ChargeStatementDialog(result, self, title=title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statement_dialog = dialog
        dialog.open()
