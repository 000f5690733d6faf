"""The one place that turns errors into dialogs, and the wrapped message boxes and file dialogs.

A `SaikenError` is shown with its own message (Japanese, says what to do, holds no personal data).
Anything else is a bug: the user sees only "internal error, nothing was changed"; the log gets the
exception type and no details (details may hold personal data).

Every message box and file dialog of the application goes through `dialogs` (a `Dialogs`), which runs
real Qt dialogs and lets tests drive them: `dialogs.before_exec` is called with each dialog just before it
runs (a test schedules its click there) and `dialogs.history` keeps (title, text) of every message shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from saiken.domain.errors import LockedOutError, PermissionDeniedError, SaikenError, ValidationError

log = logging.getLogger(__name__)


def error_title(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return QCoreApplication.translate("Errors", "Please check the input")
    if isinstance(error, PermissionDeniedError):
        return QCoreApplication.translate("Errors", "Not permitted")
    if isinstance(error, LockedOutError):
        return QCoreApplication.translate("Errors", "Please wait")
    if isinstance(error, SaikenError):
        return QCoreApplication.translate("Errors", "Could not complete the operation")
    return QCoreApplication.translate("Errors", "Internal error")


def user_message(error: BaseException) -> str:
    """The text a person sees for `error`: ours verbatim, anything else a generic line without details."""
    if isinstance(error, SaikenError):
        return str(error)
    log.error("internal error (%s) in a GUI operation", type(error).__name__)
    return QCoreApplication.translate(
        "Errors", "An internal error occurred. Nothing was changed. Please tell your administrator."
    )


def wait_text(seconds: float) -> str:
    """「あと N 秒お待ちください」 for a lock-out, rounded up to whole seconds or minutes."""
    whole = max(1, int(seconds + 0.999))
    if whole < 120:
        return QCoreApplication.translate("Errors", "Please wait {n} seconds before trying again.").format(
            n=whole
        )
    return QCoreApplication.translate("Errors", "Please wait {n} minutes before trying again.").format(
        n=(whole + 59) // 60
    )


class Dialogs:
    """Message boxes and file dialogs that tests can drive (DESIGN §4 convention 7)."""

    def __init__(self) -> None:
        self.before_exec: Callable[[QDialog], None] | None = None
        self.history: list[tuple[str, str]] = []

    def _run(self, dialog: QDialog) -> int:
        if self.before_exec is not None:
            self.before_exec(dialog)
        return dialog.exec()

    def _box(
        self,
        parent: QWidget | None,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: QMessageBox.StandardButton,
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, parent)
        box.setObjectName("saikenMessageBox")
        self.history.append((title, text))
        return box

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._run(self._box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._run(self._box(parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok))

    def confirm(self, parent: QWidget | None, title: str, text: str, yes_label: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        box = self._box(parent, QMessageBox.Icon.Question, title, text, buttons)
        box.button(QMessageBox.StandardButton.Yes).setText(yes_label)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return self._run(box) == QMessageBox.StandardButton.Yes

    def save_file(self, parent: QWidget | None, title: str, suggested: str, name_filter: str) -> Path | None:
        dialog = QFileDialog(parent, title, suggested, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if self._run(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        dialog = QFileDialog(parent, title, "", name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if self._run(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])


dialogs = Dialogs()


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show `error` to the user: the one place errors become dialogs."""
    text = user_message(error)
    if isinstance(error, LockedOutError) and error.retry_after_seconds:
        text = f"{text}\n{wait_text(error.retry_after_seconds)}"
    dialogs.error(parent, error_title(error), text)
