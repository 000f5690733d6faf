"""Who may handle a debtor: the account names with the display names people know each other by.

One directory per signed-in window (`context.handlers`), loaded once (`ensure_loaded`) from the READ-level
`debtors.handler_names` and again after users change. Pickers list `choices()` (display name shown, account
name as the item's data); tables and cards show `label(account_name)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class HandlerDirectory(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._order: list[str] = []
        self._asked = False

    def ensure_loaded(self, ops: Any) -> None:
        if not self._asked:
            self.reload(ops)

    def reload(self, ops: Any) -> None:
        from saiken.services import debtors

        self._asked = True
        ops.call(debtors.handler_names, on_result=self.set_choices, on_error=lambda _error: None, owner=self)

    def set_choices(self, choices: list[Any]) -> None:
        self._names = {choice.name: choice.display_name for choice in choices}
        self._order = [choice.name for choice in choices]
        self.changed.emit()

    def choices(self) -> list[tuple[str, str]]:
        """(account name, display name) in the order of the display names."""
        return [(name, self._names[name]) for name in self._order]

    def label(self, name: str | None) -> str:
        """The display name of the account `name` (the account name itself when it is not known)."""
        if not name:
            return ""
        return self._names.get(name, name)
