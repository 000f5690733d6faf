"""Screenshot views of the administration pages: `users`, `audit` and `settings`, each in a signed-in main
window of the demo vault. Registered with the shell's `ui.shell.screenshots`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _area(key: str) -> Callable[[Any], QWidget]:
    def view(env: Any) -> QWidget:
        window: QWidget = env.main_window(key)
        return window

    return view


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    for key in ("users", "audit", "settings"):
        views[key] = _area(key)
