"""The 受渡・管理簿 area."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget, QWizard

from saiken.ui.handover.erasure_wizard import ErasureWizard
from saiken.ui.handover.export_wizard import ExportWizard
from saiken.ui.handover.import_wizard import ImportWizard
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
        self.export_button = QPushButton(self.tr("New package…"), self)
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.open_export_wizard)
        self.import_button = QPushButton(self.tr("Take in a package…"), self)
        self.import_button.clicked.connect(self.open_import_wizard)
        self.erasure_button = QPushButton(self.tr("Erasure…"), self)
        self.erasure_button.clicked.connect(self.open_erasure_wizard)
        self.erasure_button.setVisible(context.org_role == "contractor")
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.erasure_button)
        layout.addLayout(actions)
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

    def _open(self, wizard: QWizard) -> QWizard:
        """Shown window-modal (not exec'd: results keep arriving); the page shows anew when it closes."""
        wizard.finished.connect(lambda _result: self._data_changed())
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def open_export_wizard(self) -> ExportWizard:
        wizard = ExportWizard(self.context, self)
        self._open(wizard)
        return wizard

    def open_import_wizard(self) -> ImportWizard:
        wizard = ImportWizard(self.context, self)
        self._open(wizard)
        return wizard

    def open_erasure_wizard(self) -> ErasureWizard:
        wizard = ErasureWizard(self.context, self)
        wizard.vaultErased.connect(self._vault_erased)
        self._open(wizard)
        return wizard

    def _vault_erased(self) -> None:
        """The vault no longer exists: say so, then close the window (there is nothing to lock or sign in to;
        the session was closed by the erasure)."""
        window = self.window()
        self.context.dialogs.info(
            window,
            self.tr("The vault is erased"),
            self.tr(
                "The vault was crypto-erased: its keys, database and backups are gone. Saiken Desk closes now. Keep the certificate of erasure, and destroy any copies listed in the wizard."
            ),
        )
        QTimer.singleShot(0, window, window.close)
