"""Copied text does not stay on the clipboard (DESIGN §5): cleared after N seconds and on lock.

Text copied through `ClipboardGuard.copy`, and any text that lands on the clipboard while one of our
widgets has the focus (Ctrl+C in a field or table), is remembered; after `clear_after_ms` the clipboard is
emptied if it still holds that text (never what the user copied from another program since). `clear_now`
(on lock) empties it at once under the same condition.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

DEFAULT_CLEAR_SECONDS = 30


class ClipboardGuard(QObject):
    def __init__(
        self, parent: QObject | None = None, *, clear_after_seconds: int = DEFAULT_CLEAR_SECONDS
    ) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_now)
        self.set_clear_after_ms(clear_after_seconds * 1000)
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._on_changed)
        self._setting = False

    def set_clear_after_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(max(1, int(milliseconds)))

    @property
    def clear_after_ms(self) -> int:
        return self._timer.interval()

    def copy(self, text: str) -> None:
        """Put `text` on the clipboard; it is cleared after the interval or on lock."""
        self._setting = True
        try:
            self._clipboard.setText(text)
        finally:
            self._setting = False
        self._remember(text)

    def _remember(self, text: str) -> None:
        self._ours = text
        self._timer.start()

    def _on_changed(self) -> None:
        if self._setting:
            return
        text = self._clipboard.text()
        if text and QApplication.focusWidget() is not None:
            self._remember(text)  # copied from one of our widgets (we have the focus)

    def clear_now(self) -> None:
        self._timer.stop()
        if self._ours is not None and self._clipboard.text() == self._ours:
            self._clipboard.clear()
        self._ours = None
