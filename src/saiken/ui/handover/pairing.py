"""Pairing with a counterpart (issue 9 item 1): register their public key file, give them ours, print or
save the fingerprint sheet (照合用紙) that both sides compare on paper, and — only after comparing — mark
the counterpart as confirmed. Packages go only to confirmed counterparts."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from saiken.domain.roles import Capability
from saiken.services import handover
from saiken.ui.handover.wizard_kit import message_label, preview_pdf, refusal_text, set_tone
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.tables import ReadOnlyTable


class PairingActions(QWidget):
    """The buttons under the counterparts table; `organisations` is that table (keys: organisation ids)."""

    pairingChanged = Signal()  # a counterpart was registered or confirmed: the tables show it anew

    def __init__(
        self, context: PageContext, organisations: ReadOnlyTable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.organisations = organisations
        self.confirmed: dict[int, bool] = {}
        supervisor = context.can(Capability.EXPORT)
        self.add_button = QPushButton(self.tr("Register their key…"), self)
        self.add_button.clicked.connect(self.add_counterpart)
        self.export_button = QPushButton(self.tr("Save our key…"), self)
        self.export_button.clicked.connect(self.export_key)
        self.print_button = QPushButton(self.tr("Print the pairing sheet…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(self.tr("Save the pairing sheet…"), self)
        self.save_button.clicked.connect(self.save_sheet)
        self.confirm_button = QPushButton(self.tr("The fingerprints match"), self)
        self.confirm_button.clicked.connect(self.confirm)
        for button in (self.add_button, self.export_button, self.confirm_button):
            button.setEnabled(supervisor)
            if not supervisor:
                button.setToolTip(self.tr("Only a supervisor may register and confirm counterparts."))
        self.status = message_label(self, "hintText")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.print_button, self.save_button, self.confirm_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def show_rows(self, rows: list[handover.OrganisationRow]) -> None:
        self.confirmed = {r.id: r.confirmed for r in rows}

    def _failed(self, error: BaseException) -> None:
        set_tone(self.status, ok=False)
        self.status.setText(refusal_text(error))

    def _done(self, text: str) -> None:
        set_tone(self.status, ok=True)
        self.status.setText(text)

    def add_counterpart(self) -> None:
        chosen = self.context.dialogs.open_file(
            self, self.tr("The counterpart's key file"), self.tr("Key file (*.json *.key *.txt)")
        )
        if chosen is None:
            return
        self.context.ops.call(
            handover.add_counterpart,
            chosen,
            owner=self,
            on_result=lambda row: self._registered(row),
            on_error=self._failed,
        )

    def _registered(self, row: handover.OrganisationRow) -> None:
        self._done(
            self.tr(
                "Registered 「%1」 (fingerprint %2). Print the pairing sheet, compare it with theirs, and only then press 「The fingerprints match」."
            )
            .replace("%1", row.name)
            .replace("%2", row.fingerprint)
        )
        self.pairingChanged.emit()

    def export_key(self) -> None:
        chosen = self.context.dialogs.save_file(
            self, self.tr("Save our public key"), "組織の公開鍵.json", self.tr("Key file (*.json)")
        )
        if chosen is None:
            return
        self.context.ops.call(
            handover.export_key,
            chosen,
            owner=self,
            on_result=lambda fingerprint: self._done(
                self.tr("Saved our public key (fingerprint %1). Give the file to the counterpart.").replace(
                    "%1", fingerprint
                )
            ),
            on_error=self._failed,
        )

    def print_sheet(self) -> None:
        organisation = self.organisations.current_key()
        self.context.ops.call(
            handover.fingerprint_sheet,
            organisation,
            owner=self,
            # shown after the delivery: a modal preview inside it would hold up every later result
            on_result=lambda pdf: QTimer.singleShot(0, self, lambda: self._preview(pdf)),
            on_error=self._failed,
        )

    def _preview(self, pdf: bytes) -> None:
        printed = preview_pdf(
            self.context,
            self,
            pdf,
            title=self.tr("Pairing sheet"),
            note=self.tr(
                "Both organisations print this sheet and compare the fingerprints group by group, on paper or by telephone."
            ),
        )
        if printed:
            self._done(self.tr("The pairing sheet was printed."))

    def save_sheet(self) -> None:
        organisation = self.organisations.current_key()
        chosen = self.context.dialogs.save_file(
            self, self.tr("Save the pairing sheet"), "照合用紙.pdf", "PDF (*.pdf)"
        )
        if chosen is None:
            return
        path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_suffix(".pdf")
        self.context.ops.call(
            handover.save_fingerprint_sheet,
            path,
            organisation,
            owner=self,
            on_result=lambda saved: self._done(self.tr("Saved “%1”.").replace("%1", saved.name)),
            on_error=self._failed,
        )

    def confirm(self) -> None:
        organisation = self.organisations.current_key()
        if organisation is None:
            self._failed_text(self.tr("Choose a counterpart first."))
            return
        if self.confirmed.get(organisation):
            self._done(self.tr("This counterpart's fingerprint was already confirmed."))
            return
        item = self.organisations.item(self.organisations.currentRow(), 0)
        name = item.text() if item is not None else ""
        if not self.context.dialogs.confirm(
            self,
            self.tr("Confirm the pairing"),
            self.tr(
                "Did you compare every group of 「%1」's fingerprint on both printed sheets, and are they the same? Packages will go to and come from this key."
            ).replace("%1", name),
            self.tr("They match"),
        ):
            return
        self.context.ops.call(
            handover.confirm_pairing,
            organisation,
            owner=self,
            on_result=lambda row: self._confirmed(row),
            on_error=self._failed,
        )

    def _confirmed(self, row: handover.OrganisationRow) -> None:
        self._done(self.tr("「%1」 is confirmed: packages may now be exchanged.").replace("%1", row.name))
        self.pairingChanged.emit()

    def _failed_text(self, text: str) -> None:
        set_tone(self.status, ok=False)
        self.status.setText(text)
