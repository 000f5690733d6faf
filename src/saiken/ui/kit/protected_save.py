"""Saving a file that holds personal data, with 「パスワードを付ける」 (issue 11 item 2).

Every screen that saves such a file (a workbook, a letter, a report …) calls `save_with_password`:

    save_with_password(context, self, title=TITLE, suggested="債務者一覧.xlsx",
                       save=gateway.export_list, save_args=(flt,))

1. `ProtectedSaveDialog` asks where to save and offers 「パスワードを付ける」 — on by default for personal
   data — with a generated password (grouped, ≥ 128 bits) or one the person types twice (the sign-in
   password policy, and what the format can hold, checked live).
2. The save runs on the worker: `save(session, path, *save_args, password=FilePassword | None)` must return
   a `services.file_protection.SavedFile` (the service protects the bytes in memory, writes them
   atomically and audits the save — that it was protected, never the password).
3. `PasswordOnceDialog` shows the password ONCE, big, with 「パスワード通知書を印刷…」 (a notice without
   personal data, previewed and printed from memory) and 「コピー」 (cleared from the clipboard after the
   vault's setting). Closing it before printing or copying asks first. The password is never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services.file_protection import (
    FilePassword,
    FileType,
    SavedFile,
    file_password_problems,
    file_type_of,
    generate_file_password,
    password_notice_pdf,
    typed_file_password,
)
from saiken.ui.kit.errors import Dialogs, show_error
from saiken.ui.kit.password_fields import PasswordFields
from saiken.ui.kit.pdf_preview import PdfPreviewDialog

_FILTERS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    password: FilePassword | None


class ProtectedSaveDialog(QDialog):
    def __init__(
        self,
        dialogs: Dialogs,
        *,
        title: str,
        suggested: Path | str,
        personal_data: bool = True,
        user_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("protectedSaveDialog")
        self.setWindowTitle(title)
        self._dialogs = dialogs
        self._personal = personal_data
        self.file_type: FileType = file_type_of(suggested)
        heading = QLabel(title, self)
        heading.setObjectName("pageTitle")
        self.path = QLineEdit(str(suggested), self)
        self.path.setObjectName("savePath")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Save to"), self))
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        self.protect = QCheckBox(self.tr("Protect the file with a password"), self)
        self.protect.setObjectName("protectFile")
        self.protect.setChecked(personal_data)
        self.generated = QRadioButton(self.tr("Make a password for me (recommended)"), self)
        self.generated.setObjectName("generatedPassword")
        self.typed = QRadioButton(self.tr("Use a password I type"), self)
        self.typed.setObjectName("typedPassword")
        self.generated.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.generated)
        group.addButton(self.typed)
        self.passwords = PasswordFields(self, label=self.tr("File password"), policy=self._policy)
        self.passwords.set_user_name(user_name)
        how = {
            "xlsx": self.tr("Excel will ask for the password when the file is opened (Office encryption)."),
            "pdf": self.tr(
                "Acrobat Reader, Edge and Chrome will ask for the password when the file is opened (AES-256)."
            ),
        }[self.file_type]
        self.how = QLabel(
            how
            + "\n"
            + self.tr(
                "The password is shown once after saving and is not kept anywhere: write it down or print the password notice, and hand it over separately from the file."
            ),
            self,
        )
        self.how.setObjectName("hintText")
        self.how.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "This file holds personal data. Without a password, anyone who gets hold of the file can read it."
            ),
            self,
        )
        self.warning.setObjectName("errorText")
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(where)
        layout.addSpacing(6)
        layout.addWidget(self.protect)
        for widget in (self.generated, self.typed, self.passwords):
            row = QHBoxLayout()
            row.addSpacing(24)
            row.addWidget(widget, 1)
            layout.addLayout(row)
        layout.addWidget(self.how)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for signal in (
            self.protect.toggled,
            self.typed.toggled,
            self.passwords.changed,
            self.path.textChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.resize(620, self.sizeHint().height())
        self._choice: SaveChoice | None = None

    def _policy(self, text: str, user_name: str) -> list[str]:
        return file_password_problems(text, file_type=self.file_type, user_name=user_name or None)

    def _browse(self) -> None:
        chosen = self._dialogs.save_file(self, self.windowTitle(), self.path.text(), _FILTERS[self.file_type])
        if chosen is not None:
            suffix = f".{self.file_type}"
            self.path.setText(str(chosen if chosen.suffix.lower() == suffix else chosen.with_suffix(suffix)))

    def _update(self) -> None:
        on = self.protect.isChecked()
        self.generated.setEnabled(on)
        self.typed.setEnabled(on)
        self.passwords.setVisible(on and self.typed.isChecked())
        self.how.setVisible(on)
        self.warning.setVisible(self._personal and not on)
        ready = bool(self.path.text().strip()) and (
            not on or self.generated.isChecked() or self.passwords.acceptable
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)

    def _accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        if path.suffix.lower() != f".{self.file_type}":
            path = path.with_suffix(f".{self.file_type}")
        password: FilePassword | None = None
        if self.protect.isChecked():
            if self.generated.isChecked():
                password = generate_file_password()
            else:
                try:
                    password = typed_file_password(
                        self.passwords.value(), file_type=self.file_type, user_name=self.passwords._user_name
                    )
                except ValidationError as error:
                    show_error(self, error)
                    return
        self._choice = SaveChoice(path, password)
        self.accept()

    def choice(self) -> SaveChoice | None:
        return self._choice

    def done(self, result: int) -> None:
        self.passwords.clear()
        super().done(result)


class PasswordOnceDialog(QDialog):
    """The password of a file just saved, shown this once. `printed` / `copied` record what was done."""

    def __init__(self, context: Any, saved: SavedFile, password: FilePassword, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passwordOnceDialog")
        self.setWindowTitle(self.tr("The file's password"))
        self._context = context
        self._saved = saved
        self._password: FilePassword | None = password
        self.printed = False
        self.copied = False
        done = QLabel(
            self.tr("Saved “{name}” with a password.").format(name=saved.path.name),
            self,
        )
        done.setObjectName("okText")
        self.shown = QLabel(password.text, self)
        self.shown.setObjectName("shownPassword")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.shown.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.shown.setFont(font)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setStyleSheet("border: 2px solid #1f2933; border-radius: 4px; padding: 10px;")
        how = (
            self.tr("Type it exactly as shown, hyphens included; the letters are all capitals.")
            if password.generated
            else self.tr("Type it exactly as shown.")
        )
        note = QLabel(
            how
            + "\n"
            + self.tr(
                "This is the only time it is shown: Saiken Desk does not keep it. Hand it over separately from the file (print the password notice), never in the same envelope or e-mail."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("hintText")
        code = QLabel(self.tr("File check code: {code}").format(code=saved.check_code), self)
        code.setObjectName("hintText")
        self.print_button = QPushButton(self.tr("Print the password notice…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_notice)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.clicked.connect(self.copy_password)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close_after_asking)
        self.status = QLabel(self)
        self.status.setObjectName("okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        for widget in (done, self.shown, note, code):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.resize(620, self.sizeHint().height())

    def copy_password(self) -> None:
        if self._password is None:
            return
        self._context.clipboard.copy(self._password.text)
        self.copied = True
        self.status.setText(self.tr("Copied. It is cleared from the clipboard shortly."))

    def print_notice(self) -> None:
        if self._password is None:
            return
        self.print_button.setEnabled(False)
        self._context.ops.call(
            password_notice_pdf,
            self._saved,
            self._password,
            owner=self,
            # not inside the delivery: a modal dialog there would hold up every later result
            on_result=lambda pdf: QTimer.singleShot(0, self, lambda: self._preview(pdf)),
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        show_error(self, error)

    def _preview(self, pdf: bytes) -> None:
        self.print_button.setEnabled(True)
        preview = PdfPreviewDialog(
            self._context.dialogs,
            pdf,
            title=self.tr("Password notice"),
            note=self.tr("Print the notice and hand it over separately from the file."),
            parent=self,
        )
        self._context.dialogs._run(preview)
        if preview.printed_pages:
            self.printed = True
            self.status.setText(self.tr("The password notice was printed."))
        preview.deleteLater()

    def close_after_asking(self) -> None:
        if not (self.printed or self.copied) and not self._context.dialogs.confirm(
            self,
            self.windowTitle(),
            self.tr("The password will not be shown again. Have you written it down or printed the notice?"),
            self.tr("Close"),
        ):
            return
        self.accept()

    def done(self, result: int) -> None:
        self._password = None
        self.shown.clear()
        super().done(result)


def save_with_password(
    context: Any,
    parent: QWidget | None,
    *,
    title: str,
    suggested: Path | str,
    save: Callable[..., SavedFile],
    save_args: tuple[Any, ...] = (),
    personal_data: bool = True,
    on_saved: Callable[[SavedFile], None] | None = None,
) -> None:
    """The whole save of a file with personal data: ask (where, and the password), save on the worker,
    then show the password once. `save(session, path, *save_args, password=…)` returns a SavedFile."""
    dialog = ProtectedSaveDialog(
        context.dialogs,
        title=title,
        suggested=suggested,
        personal_data=personal_data,
        user_name=context.user.name,
        parent=parent,
    )
    accepted = context.dialogs._run(dialog) == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    dialog.deleteLater()
    if not accepted or choice is None:
        return

    def saved(result: SavedFile) -> None:
        if choice.password is not None:
            once = PasswordOnceDialog(context, result, choice.password, parent)
            context.dialogs._run(once)
            once.deleteLater()
        else:
            text = QCoreApplication.translate("ProtectedSave", "Saved “{name}” without a password.")
            context.dialogs.info(parent, title, text.format(name=result.path.name))
        if on_saved is not None:
            on_saved(result)

    context.ops.call(
        save,
        choice.path,
        *save_args,
        password=choice.password,
        owner=parent,
        # shown after the delivery returns: a modal dialog inside it would hold up every later result
        on_result=lambda result: QTimer.singleShot(0, lambda: saved(result)),
        on_error=lambda error: show_error(parent, error),
        progress=QCoreApplication.translate("ProtectedSave", "Saving…"),
    )
