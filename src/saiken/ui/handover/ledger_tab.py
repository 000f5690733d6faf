"""The custody ledger (管理簿): every entry, the media not yet returned with their age, a check of the
chain and signatures, saving the 確認記録票 PDF, and recording a handover, a notice, a return."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from saiken.domain import custody
from saiken.domain.clock import JST
from saiken.domain.roles import Capability
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover
from saiken.services.handover.ledger_documents import record_ledger_saved
from saiken.ui.kit.display import wareki
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.tables import ReadOnlyTable

RECORDABLE = (
    custody.HANDED_OVER,
    custody.NOTICE_HANDED_OVER,
    custody.NOTICE_RECEIVED,
    custody.RETURNED,
    custody.DESTROYED,
)


class LedgerTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entries = ReadOnlyTable(
            [
                self.tr("No."),
                self.tr("Date and time"),
                self.tr("Event"),
                self.tr("Medium"),
                self.tr("Content"),
                self.tr("Records"),
                self.tr("Handler"),
                self.tr("Counterpart"),
            ],
            right=(0, 5),
            stretch=4,
            object_name="ledgerTable",
        )
        self.media = ReadOnlyTable(
            [
                self.tr("Medium"),
                self.tr("Kind"),
                self.tr("Sent or received"),
                self.tr("Status"),
                self.tr("Counterpart"),
                self.tr("Since"),
                self.tr("Days out"),
            ],
            right=(6,),
            stretch=4,
            object_name="openMediaTable",
        )
        self.status = QLabel(self)
        self.status.setObjectName("ledgerStatus")
        self.status.setWordWrap(True)
        verify = QPushButton(self.tr("Check the ledger"), self)
        verify.clicked.connect(self.verify)
        save = QPushButton(self.tr("Save as PDF…"), self)
        save.clicked.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(verify)
        buttons.addWidget(save)
        buttons.addStretch(1)

        self.medium = QComboBox(self)
        self.medium.setObjectName("ledgerMedium")
        self.event_kind = QComboBox(self)
        self.event_kind.setObjectName("ledgerEvent")
        for event in RECORDABLE:
            self.event_kind.addItem(custody.EVENT_LABELS[event], event)
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Person on the other side"))
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.clicked.connect(self.record)
        self.record_button.setEnabled(context.can(Capability.EDIT))
        self.warning = QLabel(self)
        self.warning.setObjectName("ledgerWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c;")
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Medium"), self))
        form.addWidget(self.medium, 1)
        form.addWidget(self.event_kind)
        form.addWidget(self.person, 1)
        form.addWidget(self.record_button)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Media not yet returned, destroyed or erased"), lower))
        lower_layout.addWidget(self.media, 1)
        lower_layout.addLayout(form)
        lower_layout.addWidget(self.warning)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.entries)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        self.context.ops.call(handover.list_ledger, on_result=self._show_entries, owner=self)
        self.context.ops.call(handover.open_media, on_result=self._show_media, owner=self)

    def _show_entries(self, rows: list[handover.LedgerRow]) -> None:
        self.entries.set_rows(
            [
                [
                    str(r.seq),
                    f"{wareki(r.at.astimezone(JST).date())} {r.at.astimezone(JST):%H:%M}",
                    ("※" if r.same_occasion else "") + r.event_label,
                    f"{r.medium_id}（{r.medium_kind}）" if r.medium_id else "",
                    r.content,
                    f"{r.records:,}" if r.records else "",
                    r.handler,
                    " ".join(p for p in (r.counterpart_org, r.counterpart_person) if p),
                ]
                for r in rows
            ],
            [r.seq for r in rows],
        )

    def _show_media(self, media: list[handover.OpenMediumRow]) -> None:
        self.media.set_rows(
            [
                [
                    m.medium_id,
                    m.kind,
                    m.direction,
                    m.status_label,
                    m.counterpart,
                    wareki(m.opened_at.astimezone(JST).date()),
                    self.tr("%1 days").replace("%1", str(m.age_days)),
                ]
                for m in media
            ],
            [m.medium_id for m in media],
        )
        self.medium.clear()
        for m in media:
            self.medium.addItem(f"{m.medium_id}（{m.status_label}）", m.medium_id)

    def verify(self) -> None:
        self.context.ops.call(handover.verify_ledger, on_result=self._verified, owner=self)

    def _verified(self, report: Any) -> None:
        if report.ok:
            self.status.setText(
                self.tr("The ledger's chain is intact: %1 entries.").replace("%1", str(report.count))
            )
        else:
            self.status.setText(
                self.tr("The ledger has entries that do not check out:") + " " + " ".join(report.problems)
            )

    def record(self) -> None:
        medium = self.medium.currentData()
        if not medium:
            self.warning.setText(self.tr("Choose a medium first."))
            return
        self.context.ops.call(
            handover.record_event,
            medium_id=medium,
            event=self.event_kind.currentData(),
            counterpart_person=self.person.text(),
            on_result=self._recorded,
            owner=self,
        )

    def _recorded(self, done: handover.RecordedEvent) -> None:
        self.person.clear()
        self.warning.setText(done.warning or "")
        self.refresh()

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the ledger"), "管理簿.pdf", "PDF (*.pdf)")
        if not path:
            return
        self.context.ops.call(
            self._write_pdf, path, owner=self, on_result=lambda _: self.status.setText(self.tr("Saved."))
        )

    @staticmethod
    def _write_pdf(session: Any, path: str) -> None:
        pdf = handover.ledger_pdf(session)
        atomic_write_bytes(path, pdf)
        record_ledger_saved(session, entries=len(handover.list_ledger(session)), format="pdf")
