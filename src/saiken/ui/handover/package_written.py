"""The last page of a package export (debtors, report, answers, erasure): where the package is, its SHA-256,
the medium, what went in, the ledger entry written — and the password, shown this once in groups, with
「パスワード通知書を印刷」, saving the notice (never onto the medium), and 「媒体を検証」, which re-reads the
burned copy and compares its SHA-256."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage

from saiken.exchange.package.contents import ENTITY_LABELS
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover
from saiken.ui.handover.wizard_kit import (
    facts_form,
    fill_form,
    message_label,
    password_label,
    preview_pdf,
    refusal_text,
    set_tone,
    spaced_groups,
)
from saiken.ui.kit.page_context import PageContext


def _save_notice(s: Any, path: Path, result: handover.ExportResult) -> Path:
    atomic_write_bytes(path, handover.password_notice_pdf(result))
    handover.record_notice_saved(s, result.package_id)
    return path


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):,.1f} MB"
    return QCoreApplication.translate("PackageWrittenPage", "%1 bytes").replace("%1", f"{size:,}")


class PackageWrittenPage(QWizardPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("The package is written"))
        self.setSubTitle(
            self.tr(
                "Burn the package file onto the medium, then read the burned copy back with 「Verify the medium」. Hand the password notice over separately from the medium, on another occasion."
            )
        )
        self.result: handover.ExportResult | None = None
        self.package_id: str | None = None
        self.printed = False
        self.saved = False
        self.verified = False
        self.facts = facts_form(self, [])
        self.password = password_label(self)
        self.password_hint = QLabel(
            self.tr(
                "This is the only time the password is shown: Saiken Desk does not keep it. Print the password notice now; the letters are all capitals and the hyphens may be left out."
            ),
            self,
        )
        self.password_hint.setObjectName("hintText")
        self.password_hint.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print the password notice"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_notice)
        self.save_button = QPushButton(self.tr("Save the notice…"), self)
        self.save_button.clicked.connect(self.save_notice)
        self.verify_button = QPushButton(self.tr("Verify the medium…"), self)
        self.verify_button.clicked.connect(self.verify_medium)
        self.status = message_label(self, "okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Password of the package"), self))
        layout.addWidget(self.password)
        layout.addWidget(self.password_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def show_result(self, result: handover.ExportResult) -> None:
        self.result = result
        self.package_id = result.package_id
        contents = "、".join(f"{ENTITY_LABELS.get(e, e)} {n:,}件" for e, n in result.records.items())
        fill_form(
            self.facts,
            self,
            [
                (self.tr("Package file"), str(result.path)),
                (self.tr("Size"), size_text(result.size)),
                (self.tr("SHA-256"), result.sha256),
                (self.tr("Medium"), result.media_id),
                (self.tr("Package no."), str(result.sequence)),
                (self.tr("Contents"), contents or self.tr("nothing new")),
                (
                    self.tr("Ledger"),
                    self.tr("Entry %1 (prepared) written").replace("%1", str(result.ledger_seq)),
                ),
            ],
        )
        self.password.setText(spaced_groups(result.password))

    @property
    def password_kept(self) -> bool:
        """True once the notice was printed or saved (the password is then on paper or in a file)."""
        return self.printed or self.saved

    def forget_password(self) -> None:
        self.password.clear()
        self.result = None

    def print_notice(self) -> None:
        if self.result is None:
            return
        pdf = handover.password_notice_pdf(self.result)
        # not inside a delivery: the modal preview would hold up every later result
        QTimer.singleShot(0, self, lambda: self._preview(pdf))

    def _preview(self, pdf: bytes) -> None:
        printed = preview_pdf(
            self.context,
            self,
            pdf,
            title=self.tr("Password notice"),
            note=self.tr(
                "The notice holds the password and no personal data. Hand it over separately from the medium."
            ),
        )
        if printed:
            self.printed = True
            self.status.setText(self.tr("The password notice was printed."))

    def save_notice(self) -> None:
        result = self.result
        if result is None:
            return
        chosen = self.context.dialogs.save_file(
            self,
            self.tr("Save the password notice"),
            f"パスワード通知書_{result.media_id}.pdf",
            "PDF (*.pdf)",
        )
        if chosen is None:
            return
        path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_suffix(".pdf")
        if path.resolve().parent == result.path.resolve().parent:
            set_tone(self.status, ok=False)
            self.status.setText(
                self.tr(
                    "Do not save the notice into the burning folder: it would go onto the medium with the package. Choose another folder."
                )
            )
            return
        self.context.ops.call(
            _save_notice, path, result, owner=self, on_result=self._notice_saved, on_error=self._failed
        )

    def _notice_saved(self, path: Path) -> None:
        self.saved = True
        set_tone(self.status, ok=True)
        self.status.setText(
            self.tr("Saved the password notice as “%1”. Keep it apart from the medium.").replace(
                "%1", path.name
            )
        )

    def verify_medium(self) -> None:
        package_id = self.package_id
        if package_id is None:
            return
        chosen = self.context.dialogs.open_file(
            self, self.tr("The package file on the burned medium"), self.tr("Package (*.zip)")
        )
        if chosen is None:
            return
        self.context.ops.call(
            handover.verify_medium,
            package_id,
            chosen,
            owner=self,
            on_result=self._verified,
            on_error=self._failed,
            progress=self.tr("Reading the medium…"),
        )

    def _verified(self, check: handover.MediumCheck) -> None:
        if check.ok:
            self.verified = True
            set_tone(self.status, ok=True)
            self.status.setText(
                self.tr("The medium matches: SHA-256 %1. Written in the ledger.").replace(
                    "%1", check.actual_sha256
                )
            )
        else:
            set_tone(self.status, ok=False)
            self.status.setText(
                self.tr(
                    "The medium does NOT match the package: expected %1, read %2. Burn the package again onto a new medium."
                )
                .replace("%1", check.expected_sha256)
                .replace("%2", check.actual_sha256)
            )

    def _failed(self, error: BaseException) -> None:
        set_tone(self.status, ok=False)
        self.status.setText(refusal_text(error))
