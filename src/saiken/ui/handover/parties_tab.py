"""Engagements and counterparts: who the packages go to, whether their key's fingerprint was compared on
paper, and what the next package would carry (counts, shown before anything is written)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saiken.domain.roles import Capability
from saiken.exchange.package import KIND_LABELS
from saiken.services import handover
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.tables import ReadOnlyTable

KINDS = {"ward": ("debtors", "answers"), "contractor": ("report",)}


class PartiesTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.engagements = ReadOnlyTable(
            [
                self.tr("Engagement"),
                self.tr("Period"),
                self.tr("Status"),
                self.tr("Counterpart"),
                self.tr("Debtors"),
                self.tr("Packages sent"),
                self.tr("Packages received"),
                self.tr("Media out"),
            ],
            right=(4, 5, 6, 7),
            stretch=0,
            object_name="engagementTable",
        )
        self.organisations = ReadOnlyTable(
            [
                self.tr("Organisation"),
                self.tr("Side"),
                self.tr("Key fingerprint"),
                self.tr("Compared on paper"),
            ],
            stretch=2,
            object_name="organisationTable",
        )
        self.kind = QComboBox(self)
        for kind in KINDS.get(context.org_role, ()):
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.preview_button = QPushButton(self.tr("What would the next package carry?"), self)
        self.preview_button.clicked.connect(self.preview)
        self.preview_button.setEnabled(context.can(Capability.EXPORT) and self.kind.count() > 0)
        self.preview_text = QLabel(self)
        self.preview_text.setObjectName("exportPreview")
        self.preview_text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Engagements"), self))
        layout.addWidget(self.engagements, 2)
        layout.addWidget(QLabel(self.tr("Counterparts"), self))
        layout.addWidget(self.organisations, 1)
        layout.addLayout(row)
        layout.addWidget(self.preview_text)
        self._engagement_ids: list[int] = []
        self.refresh()

    def refresh(self) -> None:
        self.context.ops.call(handover.list_engagements, on_result=self._show_engagements, owner=self)
        self.context.ops.call(handover.list_organisations, on_result=self._show_organisations, owner=self)

    def _show_engagements(self, rows: list[handover.EngagementRow]) -> None:
        self._engagement_ids = [r.id for r in rows]
        self.engagements.set_rows(
            [
                [
                    r.name,
                    r.period,
                    r.status_label,
                    r.counterpart or self.tr("not set"),
                    f"{r.debtors:,}",
                    str(r.packages_sent),
                    str(r.packages_received),
                    str(r.open_media),
                ]
                for r in rows
            ],
            self._engagement_ids,
        )
        if rows:
            self.engagements.selectRow(0)

    def _show_organisations(self, rows: list[handover.OrganisationRow]) -> None:
        self.organisations.set_rows(
            [
                [r.name, r.role_label, r.fingerprint, self.tr("yes") if r.confirmed else self.tr("not yet")]
                for r in rows
            ],
            [r.id for r in rows],
        )

    def preview(self) -> None:
        engagement = self.engagements.current_key()
        if engagement is None:
            self.preview_text.setText(self.tr("Choose an engagement first."))
            return
        self.context.ops.call(
            handover.preview_export,
            engagement_id=engagement,
            kind=self.kind.currentData(),
            on_result=self._previewed,
            on_error=self._refused,
            owner=self,
        )

    def _previewed(self, preview: Any) -> None:
        lines = "、".join(preview.lines())
        self.preview_text.setText(
            self.tr("Package %1 to %2: %3")
            .replace("%1", str(preview.sequence))
            .replace("%2", preview.counterpart)
            .replace("%3", lines)
        )

    def _refused(self, error: BaseException) -> None:
        self.preview_text.setText(str(error))
