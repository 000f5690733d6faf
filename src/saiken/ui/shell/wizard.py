"""The first-run wizard: organisation and role, the first administrator, then the recovery key — once.

Page 2 is the commit page: "Create" makes the vault (`services.vault.create_vault`) and signs the new
administrator in (the session stays in `Operations`), on the worker thread. Page 3 shows the recovery key
with a printable sheet and cannot be finished until the user confirms the key is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from saiken.domain.clock import Clock, system_clock
from saiken.ui.kit.background import Operations
from saiken.ui.kit.errors import show_error
from saiken.ui.kit.password_fields import PasswordFields


def _create_and_sign_in(
    folder: Path, org_role: str, org_name: str, admin: str, password: str, clock: Clock
) -> Any:
    from saiken.services import vault

    created = vault.create_vault(
        folder, org_role=org_role, org_name=org_name, admin_user=admin, admin_password=password, clock=clock
    )
    return created, vault.open_vault(folder, admin, password, clock=clock)


def _keyring_available() -> bool:
    from saiken.services import vault_info  # light: keeps SQLAlchemy & co. off the first-run start

    return bool(vault_info.keyring_available())


class _Completion:
    """Tells QWizard whether a page is complete WITHOUT overriding `isComplete`: PySide6 6.12 loses a
    reference to True/False on every call of a Python `isComplete` (the interpreter aborts later). A hidden
    mandatory field is filled ("1") when the page may go on and emptied when it may not."""

    def __init__(self, page: QWizardPage, name: str) -> None:
        self.field = QLineEdit(page)
        self.field.hide()
        page.registerField(f"{name}*", self.field)

    def set(self, complete: bool) -> None:
        text = "1" if complete else ""
        if self.field.text() != text:
            self.field.setText(text)

    @property
    def complete(self) -> bool:
        return self.field.text() == "1"


class OrganisationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your organisation"))
        self.setSubTitle(
            self.tr(
                "Saiken Desk keeps its data in an encrypted vault on this PC. First, tell it whose vault this is."
            )
        )
        self.ward = QRadioButton(self.tr("Ward (the office that owns the claims)"), self)
        self.contractor = QRadioButton(self.tr("Contractor (the law firm collecting for the ward)"), self)
        self.contractor.setChecked(True)
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.ward)
        self.roles.addButton(self.contractor)
        self.org_name = QLineEdit(self)
        self.org_name.setObjectName("orgName")
        self.org_name.setPlaceholderText(self.tr("e.g. Shinjuku Ward Industry Promotion Division"))
        self.completion = _Completion(self, "organisationComplete")
        self.org_name.textChanged.connect(lambda text: self.completion.set(bool(text.strip())))
        form = QFormLayout(self)
        form.setVerticalSpacing(12)
        roles = QVBoxLayout()
        roles.addWidget(self.ward)
        roles.addWidget(self.contractor)
        form.addRow(self.tr("This installation is used by"), roles)
        form.addRow(self.tr("Organisation name"), self.org_name)

    @property
    def org_role(self) -> str:
        return "ward" if self.ward.isChecked() else "contractor"


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "The administrator manages users and settings and is also the first supervisor. Choose a user name and a password."
            )
        )
        self.admin = QLineEdit(self)
        self.admin.setObjectName("adminName")
        self.admin.setText("admin")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("User name"), self.admin)
        self.passwords = PasswordFields(self, form=form)
        self.passwords.hide()
        self.device_note = QLabel(self)
        self.device_note.setWordWrap(True)
        self.device_note.setObjectName("hintText")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.device_note)
        layout.addStretch(1)
        self.completion = _Completion(self, "adminComplete")
        self.admin.textChanged.connect(self._changed)
        self.passwords.changed.connect(self._check)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the vault"))
        self._changed()

    def initializePage(self) -> None:
        if _keyring_available():
            self.device_note.setText(
                self.tr(
                    "The vault will also be bound to this Windows account: a copy of its files is useless elsewhere without the recovery key."
                )
            )
        else:
            self.device_note.setText(
                self.tr(
                    "This PC has no credential store (keyring), so the vault is made without binding to this account. The password alone protects it."
                )
            )

    def _changed(self) -> None:
        self.passwords.set_user_name(self.admin.text().strip())  # emits `changed`, which checks

    def _check(self) -> None:
        self.completion.set(bool(self.admin.text().strip()) and self.passwords.acceptable)


class RecoveryKeyPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr(
                "This key opens the vault when every password is forgotten or on a new PC. It is shown only this once."
            )
        )
        self.state = QLabel(self.tr("Creating the vault…"), self)
        self.state.setObjectName("hintText")
        self.state.setWordWrap(True)
        self.key = QLabel(self)
        self.key.setObjectName("recoveryKey")
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key.hide()
        self.advice = QLabel(
            self.tr(
                "Print the sheet now (or save it as a PDF on removable media) and keep it locked away from this PC. Do not photograph it or type it into e-mail or notes."
            ),
            self,
        )
        self.advice.setWordWrap(True)
        self.sheet_button = QPushButton(self.tr("Print / save as PDF…"), self)
        self.sheet_button.setObjectName("primary")
        self.sheet_button.setEnabled(False)
        self.sheet_button.clicked.connect(wizard.open_sheet)
        self.stored = QCheckBox(self.tr("I have stored the recovery key in a safe place"), self)
        self.stored.setEnabled(False)
        self.completion = _Completion(self, "keyStored")
        self.stored.toggled.connect(self.completion.set)
        row = QHBoxLayout()
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.state)
        layout.addWidget(self.key)
        layout.addWidget(self.advice)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.stored)

    def initializePage(self) -> None:
        self._wizard.create_vault()

    def show_key(self, recovery_key: str, device_bound: bool) -> None:
        if device_bound:
            self.state.setText(
                self.tr(
                    "The vault was created and you are signed in as its administrator. It is bound to this account."
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "The vault was created and you are signed in as its administrator. It is not bound to this account (no credential store)."
                )
            )
        self.key.setText(recovery_key)
        self.key.show()
        self.sheet_button.setEnabled(True)
        self.stored.setEnabled(True)


class FirstRunWizard(QWizard):
    def __init__(
        self, ops: Operations, folder: Path, parent: QWidget | None = None, *, clock: Clock = system_clock
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.folder = Path(folder)
        self.clock = clock  # the vault it creates, its session and the recovery sheet's date share it
        self.setWindowTitle(self.tr("Saiken Desk — create a vault"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.organisation = OrganisationPage(self)
        self.admin = AdminPage(self)
        self.recovery = RecoveryKeyPage(self)
        for page in (self.organisation, self.admin, self.recovery):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.created: Any = None
        self._recovery_key = ""
        self.resize(720, 560)

    def create_vault(self) -> None:
        if self.created is not None:
            return
        password = self.admin.passwords.value()
        self.ops.open_session(
            _create_and_sign_in,
            self.folder,
            self.organisation.org_role,
            self.organisation.org_name.text().strip(),
            self.admin.admin.text().strip(),
            password,
            self.clock,
            owner=self,
            on_result=self._created,
            on_error=self._failed,
            progress=self.tr("Creating the vault…"),
            with_extra=True,
        )
        self.admin.passwords.clear()

    def _created(self, outcome: tuple[Any, Any]) -> None:
        _user, self.created = outcome
        self._recovery_key = self.created.recovery_key
        self.recovery.show_key(self._recovery_key, self.created.device_bound)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)
        self.restart()  # back to the start; what was typed stays, except the passwords
        self.organisation.completion.set(bool(self.organisation.org_name.text().strip()))
        self.admin._check()

    def open_sheet(self) -> None:
        from saiken.exchange.pdf.recovery_sheet import render_recovery_sheet

        facts = self.ops.describe()
        user = facts.get("user")
        self.ops.call_unbound(
            render_recovery_sheet,
            org_name=facts.get("org_name") or self.organisation.org_name.text().strip(),
            vault_id=self.created.vault_id,
            recovery_key=self._recovery_key,
            created_at=self.clock.now(),
            created_by=user.name if user else self.admin.admin.text().strip(),
            org_fingerprint=self.created.org_fingerprint,
            genesis_fingerprint=self.created.genesis_fingerprint,
            owner=self,
            on_result=self._show_sheet,
            progress=self.tr("Preparing the sheet…"),
        )

    def _show_sheet(self, data: bytes) -> None:
        from saiken.ui.admin.recovery_sheet_dialog import RecoverySheetDialog
        from saiken.ui.kit.errors import dialogs

        dialog = RecoverySheetDialog(self.ops, data, self)
        dialogs._run(dialog)

    def reject(self) -> None:
        if self.created is not None and not self.recovery.stored.isChecked():
            return  # the key is shown only once: the user must confirm it is stored before leaving
        super().reject()

    def done(self, result: int) -> None:
        self._recovery_key = ""
        self.recovery.key.clear()
        super().done(result)
