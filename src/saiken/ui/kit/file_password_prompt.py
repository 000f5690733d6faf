"""Asking for the password of a protected file being opened (an encrypted workbook from the ward …).

Services never ask (DESIGN §4 convention 2): they raise PasswordRequiredError or WrongPasswordError, and
the screen asks here, then calls the service again with the password. The dialog runs through
`dialogs._run`, so tests drive it like every other dialog. The password lives only in the widget and in the
caller's memory for the one operation; it is never stored.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.ui.kit.errors import Dialogs


class FilePasswordDialog(QDialog):
    def __init__(self, file_name: str, *, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filePasswordDialog")
        self.setWindowTitle(self.tr("Password-protected file"))
        self.intro = intro = QLabel(
            self.tr("The file “{name}” is protected with a password. Enter the password to open it.").format(
                name=file_name
            ),
            self,
        )
        intro.setWordWrap(True)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        self.password = QLineEdit(self)
        self.password.setObjectName("filePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(self.tr("Show the password"), self)
        self.show_text.toggled.connect(
            lambda on: self.password.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        hint = QLabel(
            self.tr(
                "It is usually on a password notice handed over separately from the file. Capitals and lower case are different; a generated password may be typed with or without its hyphens."
            ),
            self,
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.problem, self.password, self.show_text, hint, self.buttons):
            layout.addWidget(widget)
        self.password.textChanged.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())
        self.password.setFocus()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.password.text()))

    def _accept(self) -> None:
        if self.password.text():
            self.accept()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.password.clear()
        super().done(result)


def ask_file_password(
    dialogs: Dialogs, parent: QWidget | None, file_name: str, *, problem: str = ""
) -> str | None:
    """The password the person typed for `file_name`, or None when they cancelled. `problem` (e.g. the
    service's "wrong password" message) is shown above the field when asking again."""
    dialog = FilePasswordDialog(file_name, problem=problem, parent=parent)
    try:
        if dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text()
    finally:
        dialog.password.clear()
        dialog.deleteLater()
