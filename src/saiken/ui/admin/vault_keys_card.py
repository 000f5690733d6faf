"""The "Vault keys" card of the settings page: the organisation key's and the founding statement's
fingerprints (to read aloud to the other organisation, and to compare with the recovery sheet), and, for an
administrator, renewing the vault key and making a new recovery key (shown once, with its sheet)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saiken.domain.roles import Capability
from saiken.ui.kit.errors import dialogs, show_error
from saiken.ui.kit.page_context import PageContext


def _fingerprints(session: Any) -> tuple[str, str]:
    from saiken.services import vault

    return vault.org_fingerprint(session), vault.genesis_fingerprint(session)


def _new_recovery_key(session: Any) -> tuple[Any, bytes | None]:
    from saiken.services import vault

    result = vault.rekey(session, new_recovery_key=True)
    sheet = vault.recovery_sheet(session, result.recovery_key) if result.recovery_key else None
    return result, sheet


class VaultKeysCard(QFrame):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Vault keys"), self)
        title.setObjectName("sectionTitle")
        explain = QLabel(
            self.tr(
                "Read the organisation key's fingerprint aloud, five digits at a time, when the other organisation registers your key. Both fingerprints are printed on the recovery sheet: if they differ from what you see here, tell your supervisor at once."
            ),
            self,
        )
        explain.setWordWrap(True)
        explain.setObjectName("hintText")
        form = QFormLayout()
        self.org_fingerprint = QLabel("…", self)
        self.org_fingerprint.setObjectName("orgFingerprint")
        self.genesis_fingerprint = QLabel("…", self)
        self.genesis_fingerprint.setObjectName("genesisFingerprint")
        for label in (self.org_fingerprint, self.genesis_fingerprint):
            label.setStyleSheet("font-family: monospace; font-size: 15px;")
        form.addRow(self.tr("Organisation key"), self.org_fingerprint)
        form.addRow(self.tr("Founding record"), self.genesis_fingerprint)
        self.rekey_button = QPushButton(self.tr("Renew the vault key…"), self)
        self.rekey_button.clicked.connect(self.renew)
        self.recovery_button = QPushButton(self.tr("Make a new recovery key…"), self)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setObjectName("okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.rekey_button)
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(form)
        admin = context.can(Capability.MANAGE_USERS) and not context.demo
        if admin:
            layout.addLayout(buttons)
            layout.addWidget(self.result)
        for button in (self.rekey_button, self.recovery_button):
            button.setVisible(admin)
        self.refresh()

    def refresh(self) -> None:
        self.context.ops.call(_fingerprints, owner=self, on_result=self._show)

    def _show(self, prints: tuple[str, str]) -> None:
        self.org_fingerprint.setText(prints[0])
        self.genesis_fingerprint.setText(prints[1])

    def renew(self) -> None:
        question = self.tr(
            "Give the vault a new key? The database and every backup are encrypted again; everyone keeps their password."
        )
        if not dialogs.confirm(self, self.tr("Renew the vault key"), question, self.tr("Renew")):
            return
        from saiken.services import vault

        self._busy(True)
        self.context.ops.call(
            vault.rekey,
            owner=self,
            progress=self.tr("Renewing the vault key and encrypting the backups again…"),
            on_result=self._renewed,
            on_error=self._failed,
        )

    def _renewed(self, result: Any) -> None:
        self._busy(False)
        self.result.setText(
            self.tr("The vault has a new key. Backups encrypted again: {n}.").format(
                n=result.backups_reencrypted
            )
        )
        if result.recovery_key:
            self._show_recovery_key(result.recovery_key, None)
        self.refresh()

    def new_recovery_key(self) -> None:
        question = self.tr(
            "Make a new recovery key? The printed sheet you have now stops working. The new key is shown only once: print its sheet."
        )
        if not dialogs.confirm(self, self.tr("New recovery key"), question, self.tr("Make a new key")):
            return
        self._busy(True)
        self.context.ops.call(
            _new_recovery_key,
            owner=self,
            progress=self.tr("Renewing the vault key and encrypting the backups again…"),
            on_result=lambda outcome: self._show_recovery_key(outcome[0].recovery_key, outcome[1]),
            on_error=self._failed,
        )

    def _show_recovery_key(self, key: str, sheet: bytes | None) -> None:
        self._busy(False)
        self.result.setText(self.tr("A new recovery key was made. Destroy the old sheet."))
        dialogs.info(
            self,
            self.tr("New recovery key"),
            self.tr("The new recovery key (shown only now):\n\n{key}").format(key=key),
        )
        if sheet is not None:
            from saiken.ui.admin.recovery_sheet_dialog import RecoverySheetDialog

            dialogs._run(RecoverySheetDialog(self.context.ops, sheet, self))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        show_error(self, error)

    def _busy(self, busy: bool) -> None:
        for button in (self.rekey_button, self.recovery_button):
            button.setEnabled(not busy)
