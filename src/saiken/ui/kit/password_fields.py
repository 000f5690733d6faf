"""A new password typed twice, with the password policy checked live as the user types.

The policy itself is the service's (`services.users.check_password_policy`, pure, no database): this
widget only shows its problems, plus whether the two entries match. `acceptable` tells the dialog when it
may go on; `changed` fires on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

PolicyCheck = Callable[[str], list[str]]


def service_policy(password: str, user_name: str = "") -> list[str]:
    from saiken.services import users

    try:
        return list(users.check_password_policy(password, user_name=user_name or None))
    except TypeError:  # an older signature without the user name
        return list(users.check_password_policy(password))


class PasswordFields(QWidget):
    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str | None = None,
        form: QFormLayout | None = None,
        policy: Callable[[str, str], list[str]] = service_policy,
    ) -> None:
        """With `form`, the rows are added to that form (aligned with its other fields) instead of this widget.
        `policy(password, user_name)` gives the problems (default: the sign-in password policy)."""
        super().__init__(parent)
        self._user_name = ""
        self._policy = policy
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("newPassword")
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setObjectName("confirmPassword")
        self.rules = QLabel(
            self.tr(
                "At least 10 characters. No rules about symbols or digits: a long phrase you can remember is best. Common passwords and your user name are refused."
            ),
            self,
        )
        self.rules.setObjectName("hintText")
        self.rules.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("errorText")
        self.problems.setWordWrap(True)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label or self.tr("Password"), self.password)
        form.addRow(self.tr("Password (again)"), self.confirm)
        form.addRow("", self.rules)
        form.addRow("", self.problems)
        self.password.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def set_user_name(self, name: str) -> None:
        self._user_name = name
        self._update()

    def current_problems(self) -> list[str]:
        text = self.password.text()
        if not text:
            return []
        found = self._policy(text, self._user_name)
        if self.confirm.text() and self.confirm.text() != text:
            found.append(self.tr("The two passwords are not the same."))
        return found

    @property
    def acceptable(self) -> bool:
        text = self.password.text()
        return bool(text) and text == self.confirm.text() and not self._policy(text, self._user_name)

    def value(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()

    def _update(self) -> None:
        found = self.current_problems()
        if found:
            self.problems.setObjectName("errorText")
            self.problems.setText("\n".join(f"・{problem}" for problem in found))
        elif self.acceptable:
            self.problems.setObjectName("okText")
            self.problems.setText(self.tr("This password can be used."))
        else:
            self.problems.setText("")
        self.problems.style().unpolish(self.problems)
        self.problems.style().polish(self.problems)
        self.changed.emit()
