"""What a save did, said in one line in the status bar (「納付 30,000円 を登録しました」).

Pages say it through `context.notices.say(text)`; the main window shows each line in its status bar. The
lines are kept (`history`) so that tests can read what the user was told.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Notices(QObject):
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[str] = []

    def say(self, text: str) -> None:
        self.history.append(text)
        del self.history[:-50]
        self.message.emit(text)

    @property
    def last(self) -> str:
        return self.history[-1] if self.history else ""
