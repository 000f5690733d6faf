"""Screenshot views of the 受渡・管理簿 area in the demo vault: `ledger` (the 管理簿 with its open media) and
`handover` (the engagements, the counterparts and what the next package would carry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget


def _page(env: Any) -> tuple[QWidget, Any]:
    window: QWidget = env.main_window("handover")
    tabs = window.findChild(QTabWidget, "handoverTabs")
    assert tabs is not None, "the 受渡・管理簿 page has no tabs"
    return window, tabs.parent()


def _ledger(env: Any) -> QWidget:
    window, page = _page(env)
    page.tabs.setCurrentWidget(page.ledger)
    return window


def _handover(env: Any) -> QWidget:
    window, page = _page(env)
    page.tabs.setCurrentWidget(page.parties)
    return window


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["ledger"] = _ledger
    views["handover"] = _handover
