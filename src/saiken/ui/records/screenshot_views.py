"""Screenshot view of the 交渉記録 area: `records` (the demo vault's records, newest first, and its filters).
Registered with the shell's `ui.shell.screenshots`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _records(env: Any) -> QWidget:
    from saiken.ui.records.page import RecordsPage

    window = env.main_window("records")
    env.settle()
    page = window.findChild(RecordsPage)
    if page is not None:
        page.list_page.table.setFocus()
        page.list_page.table.selectRow(0)
    return window


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["records"] = _records
