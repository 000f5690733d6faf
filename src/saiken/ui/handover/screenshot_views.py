"""Screenshot views of the 受渡・管理簿 area in the demo vault: `ledger` (the 管理簿 with its open media) and
`handover` (the export wizard on its page of counts: what the next package would carry, before anything is
written)."""

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
    env.keep.append(window)
    env.settle()
    wizard = page.open_export_wizard()
    wizard.approval.approve.setChecked(True)
    wizard.next()
    env.settle()
    wizard.next()
    env.settle()
    assert wizard.currentPage() is wizard.counts and wizard.counts.preview is not None, (
        wizard.counts.message.text() or "the counts page did not load"
    )
    return wizard


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["ledger"] = _ledger
    views["handover"] = _handover
