"""The signed-in user's preferences as the screens use them: the date style every screen formats with
(`display.set_date_style`) and the saved column layouts of the lists.

`PreferenceStore.apply(preferences)` takes the service's `Preferences` (at sign-in, and from the change
record after the user changed one) and emits `changed`; a screen that shows dates re-renders on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from saiken.services.preferences import ColumnLayout, Preferences
from saiken.ui.kit import display


class PreferenceStore(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = Preferences()

    def apply(self, preferences: Preferences) -> None:
        self.current = preferences
        display.set_date_style(preferences.date_style)
        self.changed.emit()

    def reset(self) -> None:
        """Back to the defaults (after sign-out: the next user brings their own)."""
        self.current = Preferences()
        display.set_date_style(display.WAREKI)

    def table(self, name: str) -> tuple[ColumnLayout, ...]:
        return self.current.table(name)
