"""Driving nested modal dialogs from the event loop: `when(condition, action)` runs `action` once
`condition()` holds, checked by a timer (so it works inside a dialog's own exec loop, where a test's
waitUntil would block the very dialog it waits for)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


def when(
    condition: Callable[[], bool], action: Callable[[], object], *, every_ms: int = 20, tries: int = 1000
) -> None:
    def check(left: int = tries) -> None:
        if condition():
            action()
        elif left:
            QTimer.singleShot(every_ms, lambda: check(left - 1))

    QTimer.singleShot(every_ms, check)
