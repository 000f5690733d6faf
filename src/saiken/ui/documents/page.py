"""The 文書 area: templates with their versions (editor and live preview with a fictional debtor), making
and printing letters, the batches sent (tracking numbers, returns) and the letterhead."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from saiken.ui.documents.batch_tab import BatchTab
from saiken.ui.documents.letterhead_tab import LetterheadTab
from saiken.ui.documents.sent_tab import SentTab
from saiken.ui.documents.templates_tab import TemplatesTab
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.page_header import page_header


class DocumentsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        page_header(
            layout,
            self,
            self.tr("Documents"),
            self.tr(
                "Demand letters, notices and agreements from templates approved by a supervisor, previewed and printed from memory."
            ),
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentTabs")
        self.templates = TemplatesTab(context, self)
        self.batch = BatchTab(context, self)
        self.sent = SentTab(context, self)
        self.letterhead = LetterheadTab(context, self)
        self.tabs.addTab(self.templates, self.tr("Templates"))
        self.tabs.addTab(self.batch, self.tr("Make letters"))
        self.tabs.addTab(self.sent, self.tr("Sent"))
        self.tabs.addTab(self.letterhead, self.tr("Letterhead"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        context.ops.changed.connect(self._data_changed)

    def start_batch(self, numbers: list[str]) -> None:
        """Show 文書を作る with these debtors (asked for from the debtor list or a card)."""
        self.tabs.setCurrentWidget(self.batch)
        self.batch.set_management_numbers(numbers)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.sent:
            self.sent.refresh()

    def _data_changed(self, _result: object = None) -> None:
        self.sent.refresh()
