"""The 受渡・管理簿 area."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from saiken.ui.handover.ledger_tab import LedgerTab
from saiken.ui.handover.parties_tab import PartiesTab
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.page_header import page_header


class HandoverPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        page_header(
            layout,
            self,
            self.tr("Handover & ledger"),
            self.tr(
                "Signed, encrypted packages between the ward and the contractor, and the custody ledger of every medium and password notice."
            ),
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("handoverTabs")
        self.ledger = LedgerTab(context, self)
        self.parties = PartiesTab(context, self)
        self.tabs.addTab(self.ledger, self.tr("Custody ledger"))
        self.tabs.addTab(self.parties, self.tr("Engagements and counterparts"))
        layout.addWidget(self.tabs, 1)
        context.ops.changed.connect(self._data_changed)

    def _data_changed(self, _changes: object = None) -> None:
        self.ledger.refresh()
        self.parties.refresh()
