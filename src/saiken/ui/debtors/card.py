"""The debtor card: a header with who and how much (as of today by the vault's Clock) and the tabs.

Opening a card calls `get_card` on the worker (the service audits `debtor.view`). The card reloads when the
shell's one `changed` signal says something on this debtor's file changed — whether the change was made
from the card, from another screen or by an import — and only then, so the header amounts always come
from the service, never from arithmetic in the GUI. `reloads` counts the loads asked for.

Forms belong to their debtor (DESIGN §4 convention 12): when another debtor's card is shown every tab's
forms are reset to that debtor, and leaving the card (back to the list, another debtor, signing out) with
unsaved input asks first (「保存していない入力があります」). A reload of the same debtor keeps what the user
is typing. Keyboard: Esc back to the list, Ctrl+Tab / Ctrl+Shift+Tab (and Alt+1…7) switch tabs wherever
the focus is, Ctrl+M records a payment, Ctrl+K shows the charge statement, Ctrl+P prints it.
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

from saiken.domain.roles import Capability
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
from saiken.ui.kit.form_guard import confirm_discard

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
        self.payment_button.setToolTip("Ctrl+M")
        self.statement_button = QPushButton(self.tr("Charge statement…"))
        self.statement_button.setToolTip("Ctrl+K / Ctrl+P")
        self.letters_button = QPushButton(self.tr("Make letters…"))
        self.letters_button.setObjectName("lettersForCard")
        self.letters_button.setVisible(context.can(Capability.EDIT))  # making letters is an edit
        self.letters_button.clicked.connect(self.letters_for_card)

        name_row = QHBoxLayout()
        name_row.addWidget(self.back_button)
        name_row.addSpacing(10)
        name_row.addWidget(self.name)
        name_row.addSpacing(8)
        name_row.addWidget(self.status_chip)
        name_row.addStretch(1)
        name_row.addWidget(self.letters_button)
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

        self.back_button.clicked.connect(self.request_back)
        self.payment_button.clicked.connect(self.open_payment_dialog)
        self.statement_button.clicked.connect(self.open_charge_statement)
        context_children = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Esc", self.request_back),
            ("Ctrl+M", self.open_payment_dialog),
            ("Ctrl+K", self.open_charge_statement),
            ("Ctrl+Tab", lambda: self.step_tab(1)),
            ("Ctrl+Shift+Tab", lambda: self.step_tab(-1)),
            ("Ctrl+Backtab", lambda: self.step_tab(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(context_children)
        for number in range(1, len(self._tab_widgets) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda n=number: self.tabs.setCurrentIndex(n - 1))
        self.payment_dialog: PaymentDialog | None = None
        self.statement_dialog: ChargeStatementDialog | None = None
        self._shown_id: int | None = None  # the debtor whose card the tabs and their forms show
        context.handlers.changed.connect(self.show_again)
        context.preferences.changed.connect(self.show_again)  # 日付の表示 changed: every date again

    # --- loading ------------------------------------------------------------------------------------------

    def letters_for_card(self) -> None:
        """Start a batch of letters (文書 › 文書を作る) for this debtor."""
        if self.card is not None:
            self.context.requests.letters_for.emit([self.card.management_no])

    def open_debtor(self, debtor_id: int) -> bool:
        """Show `debtor_id` (the service audits the view). False when the user kept their unsaved input."""
        if self._shown_id is not None and debtor_id != self._shown_id and not self.may_leave():
            return False
        self.debtor_id = debtor_id
        self.reload()
        return True

    def reload(self) -> None:
        if self.debtor_id is None:
            return
        self.reloads += 1
        self.context.ops.call(debtors.get_card, self.debtor_id, on_result=self.show_card, owner=self)

    def _on_changed(self, changes: Changes) -> None:
        """Reload only when something on this debtor's file changed."""
        if changes.touches_debtor(self.debtor_id):
            self.reload()

    def showing(self, debtor_id: int | None) -> bool:
        """True while the card (and its forms) show `debtor_id`: an answer arriving for a debtor the user
        has since left must not touch the forms of the one now shown."""
        return debtor_id is not None and debtor_id == self._shown_id

    def show_card(self, card: Any) -> None:
        fresh = card.id != self._shown_id
        self.card = card
        self.debtor_id = card.id
        self._shown_id = card.id
        self.show_again()
        for tab in self._tab_widgets:
            tab.load_form(card, fresh=fresh)
        self.loaded.emit(card)

    def show_again(self) -> None:
        """Show `self.card` (again, after the date display changed)."""
        card = self.card
        if card is None:
            return
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
                    self.tr("Handler: {name}").format(
                        name=self.context.handlers.label(card.handler) or self.tr("(none)")
                    ),
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
        self.as_of.setText(self.tr("As of {day}").format(day=display.long_day(totals.as_of)))
        self.limitation.setText(self._limitation_text(card.limitation))
        for tab in self._tab_widgets:
            tab.show_card(card)

    # --- forms ----------------------------------------------------------------------------------------------
    def unsaved_forms(self) -> list[str]:
        """The titles of the tabs holding input that has not been saved."""
        return [
            self.tabs.tabText(self.tabs.indexOf(tab)).replace("&&", "&")
            for tab in self._tab_widgets
            if tab.has_unsaved_input()
        ]

    def may_leave(self) -> bool:
        """True when nothing unsaved is on the card, or the user chose to discard it (the forms are then
        reset, so the input is never carried to another debtor)."""
        unsaved = self.unsaved_forms()
        if not unsaved:
            return True
        where = self.tr("Unsaved input on the card of {name}: {tabs}").format(
            name=display.honorific(self.card.name, self.card.kind) if self.card else "",
            tabs="、".join(unsaved),
        )
        if not confirm_discard(self.context.dialogs, self, where):
            return False
        if self.card is not None:
            for tab in self._tab_widgets:
                tab.load_form(self.card, fresh=True)
        return True

    def request_back(self) -> None:
        if self.may_leave():
            self.back_requested.emit()

    def show_record(self, record_id: int) -> None:
        """Turn to the negotiation tab with the record `record_id` selected (opened from the 交渉記録 area)."""
        self.tabs.setCurrentWidget(self.records_tab)
        self.records_tab.select_record(record_id)

    def step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _limitation_text(self, limitation: Any) -> str:
        """The limitation line as one Japanese sentence in the user's date display."""
        if limitation is None:
            self.limitation.setStyleSheet("color: #334e68;")
            return self.tr("Limitation is not computed: this debtor has no claim.")
        if limitation.expiry is None:
            self.limitation.setStyleSheet("color: #334e68;")
            return limitation.message or self.tr("Limitation is not computed: the claim has no due date.")
        days_left = (limitation.expiry - self.context.clock.today()).days
        day = display.long_day(limitation.expiry)
        level = (limitation.level or "").lower()
        if level == "expired" or days_left < 0:
            self.limitation.setStyleSheet("color: #b42318; font-weight: bold;")
            return self.tr("The limitation period ended on {day}.").format(day=day)
        if level == "warning":
            self.limitation.setStyleSheet("color: #b45309; font-weight: bold;")
            return self.tr("The limitation period ends soon, on {day} ({n} days left).").format(
                day=day, n=f"{days_left:,}"
            )
        self.limitation.setStyleSheet("color: #334e68;")
        return self.tr("The limitation period ends on {day} ({n} days left).").format(
            day=day, n=f"{days_left:,}"
        )

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

    def open_charge_statement(self, *, then_print: bool = False) -> None:
        if self.card is None:
            return
        self.context.ops.call(
            debtors.charge_statement,
            self.card.id,
            on_result=lambda result: self._show_statement(result, then_print=then_print),
            owner=self,
        )

    def print_statement(self) -> bool:
        """Ctrl+P on the card: the charge statement, straight to the print dialog."""
        if self.card is None:
            return False
        self.open_charge_statement(then_print=True)
        return True

    def _show_statement(self, result: Any, *, then_print: bool = False) -> None:
        if result is None:
            self.context.dialogs.info(
                self, self.tr("Charge statement"), self.tr("This debtor has no claim to compute charges for.")
            )
            return
        title = self.tr("Charge statement — {name}").format(
            name=display.honorific(self.card.name, self.card.kind)
        )
        dialog = ChargeStatementDialog(
            result, self, title=title, context=self.context, debtor_id=self.card.id
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statement_dialog = dialog
        dialog.open()
        if then_print:
            dialog.show_preview()
            dialog.print_statement()
