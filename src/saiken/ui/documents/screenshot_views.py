"""Screenshot views of the 文書 area: `documents` (the templates with their versions, the editor and the
live preview) and `letter` (a preview of demand letters to the demo's debtors), in the demo vault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _documents(env: Any) -> QWidget:
    window: QWidget = env.main_window("documents")
    return window


def _letter(env: Any) -> QWidget:
    window: Any = env.main_window("documents")
    page = window.findChild(QWidget, "documentTabs").parent()
    page.tabs.setCurrentWidget(page.batch)
    page.batch.preview_batch()
    return window


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["documents"] = _documents
    views["letter"] = _letter
