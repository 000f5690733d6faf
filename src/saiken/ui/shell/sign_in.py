"""Signing in: the form (used by the start-up dialog and by the lock screen) and the start-up dialog.

The password goes to `services.vault.open_vault` on the worker thread; the session it returns is kept by
`Operations` and never reaches a widget. Errors of the family are shown in the form itself, in Japanese,
and the form stays: a wrong password says so, a lock-out says how long to wait and counts down.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import LockedOutError, VaultInUseError
from saiken.ui.kit.background import Operations
from saiken.ui.kit.errors import dialogs, user_message, wait_text

if TYPE_CHECKING:
    from saiken.services.context import SignedInUser


def org_role_label(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if role == "ward":
        return QCoreApplication.translate("SignInForm", "Ward")
    if role == "contractor":
        return QCoreApplication.translate("SignInForm", "Contractor")
    return role


class SignInForm(QFrame):
    """Organisation, user, password and one line of feedback. Emits `signedIn(SignedInUser)`."""

    signedIn = Signal(object)

    def __init__(
        self,
        ops: Operations,
        folder: Path,
        *,
        org_name: str,
        org_role: str,
        user_names: list[str],
        title: str | None = None,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._ops = ops
        self._folder = Path(folder)
        self._retry = QTimer(self)
        self._retry.setInterval(1000)
        self._retry.timeout.connect(self._tick)
        self._wait_left = 0
        self._attempt: tuple[object, tuple[object, ...]] | None = None

        self.heading = QLabel(title or self.tr("Sign in"), self)
        self.heading.setObjectName("pageTitle")
        self.org = QLabel(f"{org_name}（{org_role_label(org_role)}）", self)
        self.org.setObjectName("pageSubtitle")
        self.message = QLabel(message, self)
        self.message.setObjectName("hintText")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        self.user = QComboBox(self)
        self.user.setEditable(True)
        self.user.addItems(user_names)
        self.user.setObjectName("userName")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.password.returnPressed.connect(self.submit)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.in_use = QLabel(self)  # open in another window or on another PC, or left open by a crash
        self.in_use.setObjectName("hintText")
        self.in_use.setWordWrap(True)
        self.in_use.hide()
        self.check_again = QPushButton(self.tr("Check again"), self)
        self.check_again.setFlat(True)
        self.check_again.clicked.connect(self.refresh_use)
        self.check_again.hide()
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.recovery_button = QPushButton(self.tr("Use the recovery key…"), self)
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self._use_recovery_key)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.org)
        layout.addWidget(self.message)
        layout.addWidget(self.in_use)
        layout.addWidget(self.check_again, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        if user_names:
            self.password.setFocus()
        QTimer.singleShot(0, self.refresh_use)  # after the first paint (the check loads filelock)

    def refresh_use(self) -> None:
        """Say before anyone types a password when the vault is open elsewhere (one process per vault),
        or was left open by a window that ended without closing it."""
        from saiken.services.vault_info import vault_use

        try:
            use = vault_use(self._folder)
        except OSError:
            use = None
        if use is not None and use.in_use:
            where = use.where or self.tr("someone whose details cannot be read")
            self.in_use.setText(
                self.tr(
                    "This vault is open elsewhere now: {where}. It can be open in one place at a time: ask them to sign out (or close the window there), then check again."
                ).format(where=where)
            )
        elif use is not None and use.left_open:
            self.in_use.setText(
                self.tr(
                    "Last time this vault was not closed properly ({where}; the window was ended, or the PC switched off). Signing in takes it over safely; everything saved before then is kept."
                ).format(where=use.left_open)
            )
        self.in_use.setVisible(use is not None and bool(use.in_use or use.left_open))
        self.check_again.setVisible(use is not None and use.in_use)

    def select_user(self, name: str) -> None:
        self.user.setCurrentText(name)
        self.password.setFocus()

    def submit(self) -> None:
        name = self.user.currentText().strip()
        password = self.password.text()
        if not name or not password:
            self._show_error(self.tr("Enter your user name and password."))
            return
        if self._wait_left > 0:
            return
        from saiken.services import vault

        self._open(vault.open_vault, self._folder, name, password)

    def _open(self, fn, *args, accept_older_state: bool = False) -> None:
        """Sign in on the worker. The arguments are kept only until the answer (an older vault may be
        accepted by an admin with the same credentials), then dropped."""
        self._attempt = (fn, args)
        self._busy(True)
        self._ops.open_session(
            fn,
            *args,
            accept_older_state=accept_older_state,
            owner=self,
            on_result=self._succeeded,
            on_error=self._failed,
            progress=self.tr("Opening the vault…"),
        )

    def _use_recovery_key(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Open with the recovery key"))
        dialog.setLabelText(
            self.tr("Type the recovery key from the printed sheet (hyphens and spaces do not matter).")
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        if dialogs._run(dialog) != QDialog.DialogCode.Accepted or not dialog.textValue().strip():
            return
        from saiken.services import vault

        self._open(vault.open_with_recovery_key, self._folder, dialog.textValue().strip())

    def _busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy and self._wait_left <= 0)
        self.recovery_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.user.setEnabled(not busy)

    def _succeeded(self, user: SignedInUser) -> None:
        self._attempt = None
        self.password.clear()
        self.error.hide()
        self._busy(False)
        self.signedIn.emit(user)

    def _failed(self, error: BaseException) -> None:
        attempt, self._attempt = self._attempt, None
        self.password.clear()
        if attempt is not None and type(error).__name__ == "OlderThanAnchorError":
            if self._accept_older(error):
                self._open(*attempt[:1], *attempt[1], accept_older_state=True)
                return
        if isinstance(error, LockedOutError) and error.retry_after_seconds > 0:
            self._wait_left = int(error.retry_after_seconds + 0.999)
            self._retry.start()
            self._show_error(f"{user_message(error)}\n{wait_text(self._wait_left)}")
        else:
            self._show_error(user_message(error))
        if isinstance(error, VaultInUseError):
            self.refresh_use()
        self._busy(False)
        self.password.setFocus()

    def _accept_older(self, error: BaseException) -> bool:
        """The vault is older than (or differs from) what this PC last saw: say so, and let an administrator
        accept it explicitly (the acceptance is audited; anyone else is refused by the service)."""
        text = (
            user_message(error)
            + "\n\n"
            + self.tr(
                "Only an administrator can accept this state, for example after restoring a backup on purpose. The acceptance is recorded in the audit log."
            )
        )
        return dialogs.confirm(
            self, self.tr("The vault is older than expected"), text, self.tr("Accept and sign in")
        )

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._retry.stop()
            self.error.setText(self.tr("You can try again now."))
            self._busy(False)
            return
        lines = self.error.text().split("\n")
        lines[-1] = wait_text(self._wait_left)
        self.error.setText("\n".join(lines))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class SignInDialog(QDialog):
    """The start-up sign-in window of an existing vault."""

    def __init__(
        self,
        ops: Operations,
        folder: Path,
        *,
        org_name: str,
        org_role: str,
        user_names: list[str],
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saiken Desk — sign in"))
        self.form = SignInForm(
            ops,
            folder,
            org_name=org_name,
            org_role=org_role,
            user_names=user_names,
            message=message,
            parent=self,
        )
        self.form.signedIn.connect(self._signed_in)
        self.user: SignedInUser | None = None
        brand = QLabel(self.tr("Saiken Desk"), self)
        brand.setObjectName("emptyTitle")
        brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 28)
        layout.setSpacing(16)
        layout.addWidget(brand)
        layout.addWidget(self.form)

    def _signed_in(self, user: SignedInUser) -> None:
        self.user = user
        self.accept()
