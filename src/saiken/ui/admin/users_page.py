"""User management (admin): list, add, change password, remove (with confirmation)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.roles import ROLE_LABELS, Role
from saiken.ui.kit.errors import dialogs
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.page_header import page_header
from saiken.ui.kit.password_fields import PasswordFields
from saiken.ui.kit.tables import RowsModel


def role_text(row: Any) -> str:
    label = ROLE_LABELS.get(Role(row.role), row.role) if row.role in Role._value2member_map_ else row.role
    if getattr(row, "is_supervisor", False) and row.role != Role.SUPERVISOR:
        label = f"{label}・{ROLE_LABELS[Role.SUPERVISOR]}"
    return label


class AddUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.name = QLineEdit(self)
        self.name.setObjectName("userName")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in (Role.HANDLER, Role.SUPERVISOR, Role.VIEWER, Role.ADMIN):
            self.role.addItem(ROLE_LABELS[role], role.value)
        form = QFormLayout()
        form.addRow(self.tr("User name (for signing in)"), self.name)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        self.passwords = PasswordFields(self, label=self.tr("Initial password"), form=form)
        self.passwords.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda text: self.passwords.set_user_name(text.strip()))
        self.passwords.changed.connect(self._update)
        self.setMinimumWidth(520)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name.text().strip()) and self.passwords.acceptable
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class ChangePasswordDialog(QDialog):
    """A new password for `user_name`; `own=True` (your own password) also asks for the current one."""

    def __init__(
        self, user_name: str, parent: QWidget | None = None, *, own: bool = False, reason: str = ""
    ) -> None:
        super().__init__(parent)
        self.own = own
        self.setWindowTitle(self.tr("Change the password of {name}").format(name=user_name))
        form = QFormLayout()
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setObjectName("currentPassword")
        if own:
            form.addRow(self.tr("Current password"), self.current)
        else:
            self.current.hide()
        self.passwords = PasswordFields(self, label=self.tr("New password"), form=form)
        self.passwords.hide()
        self.passwords.set_user_name(user_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if reason:
            note = QLabel(reason, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        if not own:
            note = QLabel(
                self.tr("The user must choose a new password of their own at the next sign-in."), self
            )
            note.setObjectName("hintText")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.passwords.changed.connect(self._update)
        self.current.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(500)

    def _update(self) -> None:
        ok = self.passwords.acceptable and (not self.own or bool(self.current.text()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def old_password(self) -> str | None:
        return self.current.text() if self.own else None

    def clear(self) -> None:
        self.current.clear()
        self.passwords.clear()


class UsersPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        page_header(
            layout,
            self,
            self.tr("Users"),
            self.tr(
                "Each user signs in with their own password and holds keys of their own. Removing a user gives the vault a new key: nothing they kept opens the vault or its backups any more."
            ),
        )
        self.show_removed = QCheckBox(self.tr("Show removed users"), self)
        self.show_removed.toggled.connect(self._refill)
        self.model = RowsModel(
            [self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("State")],
            [
                lambda r: r.name,
                lambda r: r.display_name,
                role_text,
                lambda r: self.tr("Active") if r.active else self.tr("Removed"),
            ],
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.add_button.setObjectName("primary")
        self.password_button = QPushButton(self.tr("Change password…"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.add_button.clicked.connect(self.add_user)
        self.password_button.clicked.connect(self.change_password)
        self.remove_button.clicked.connect(self.remove_user)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_removed)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._all: list[Any] = []
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        from saiken.services import users

        self.context.ops.call(users.list_users, include_removed=True, owner=self, on_result=self._show)

    def _show(self, rows: list[Any]) -> None:
        self._all = list(rows)
        self._refill()

    def _refill(self) -> None:
        rows = self._all if self.show_removed.isChecked() else [r for r in self._all if r.active]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> Any | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row(indexes[0].row()) if indexes else None

    def select_user(self, name: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.name == name:
                self.table.selectRow(number)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        usable = row is not None and row.active
        self.password_button.setEnabled(usable)
        self.remove_button.setEnabled(usable and row is not None and row.name != self.context.user.name)

    def _done(self, message: str) -> None:
        self.refresh()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 8000)

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        from saiken.services import users

        name = dialog.name.text().strip()
        self.context.ops.call(
            users.add_user,
            name,
            role=dialog.role.currentData(),
            password=dialog.passwords.value(),
            display_name=dialog.display_name.text().strip(),
            owner=self,
            progress=self.tr("Adding the user…"),
            on_result=lambda _r: self._done(self.tr("User {name} was added.").format(name=name)),
        )
        dialog.passwords.clear()

    def change_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ChangePasswordDialog(row.name, self, own=row.name == self.context.user.name)
        if dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        from saiken.services import users

        self.context.ops.call(
            users.change_password,
            row.name,
            old_password=dialog.old_password(),
            new_password=dialog.passwords.value(),
            owner=self,
            progress=self.tr("Changing the password…"),
            on_result=lambda _r: self._done(
                self.tr("The password of {name} was changed.").format(name=row.name)
            ),
        )
        dialog.clear()

    def remove_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr(
            "Remove the user {name}? The vault gets a new key and the database and every backup are encrypted again, so nothing they kept opens them. Their past audit entries are kept."
        ).format(name=row.name)
        if not dialogs.confirm(self, self.tr("Remove user"), question, self.tr("Remove")):
            return
        from saiken.services import users

        self.context.ops.call(
            users.remove_user,
            row.name,
            owner=self,
            progress=self.tr("Removing the user and renewing the vault key…"),
            on_result=lambda result: self._removed(row.name, result),
        )

    def _removed(self, name: str, result: Any) -> None:
        """Say what the rotation did; a new recovery key (when the old slot could not take the new key) is
        shown once, like at creation."""
        self._done(self.tr("User {name} was removed.").format(name=name))
        lines = [
            self.tr("User {name} was removed and the vault has a new key.").format(name=name),
            self.tr("Backups encrypted again: {n}").format(n=result.backups_reencrypted),
        ]
        if result.org_key_replaced:
            lines.append(
                self.tr(
                    "The organisation key was replaced too: tell the other organisation its new fingerprint (Settings)."
                )
            )
        if result.needs_reset:
            lines.append(
                self.tr("Reset the password of: {names}").format(names="、".join(result.needs_reset))
            )
        if result.recovery_key:
            lines.append(
                self.tr("A new recovery key was made (shown only now): {key}").format(key=result.recovery_key)
            )
        dialogs.info(self, self.tr("Remove user"), "\n".join(lines))
