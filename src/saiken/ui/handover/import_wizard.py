"""The import wizard (issue 9 item 5): the package file, its password (typed as the notice shows it — case,
spaces and hyphens are forgiven), every check and a preview of who sent what and what it would change
(applied in a transaction that is rolled back), then one transaction takes it in and writes the ledger
entry. Every refusal is the service's own Japanese sentence, and nothing changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from saiken.domain.clock import JST
from saiken.exchange.package.contents import ENTITY_LABELS
from saiken.services import handover
from saiken.services.changes import Area, Changes
from saiken.services.file_protection import FilePassword, SavedFile, save_personal_file
from saiken.ui.handover.package_written import size_text
from saiken.ui.handover.wizard_kit import (
    facts_form,
    fill_form,
    fit_rows,
    message_label,
    prepare_wizard,
    refusal_text,
    set_tone,
)
from saiken.ui.kit.display import wareki
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.protected_save import save_with_password
from saiken.ui.kit.tables import ReadOnlyTable

IMPORTED = Changes.of_every_debtor(
    Area.DEBTORS, Area.PAYMENTS, Area.RECORDS, Area.PLANS, Area.INQUIRIES, Area.DOCUMENTS, Area.ATTACHMENTS
)


def _save_report(
    s: Any, path: Path, package_id: str, data: bytes, *, password: FilePassword | None
) -> SavedFile:
    saved = save_personal_file(s, path, data, title="交渉記録報告書", password=password)
    handover.record_report_saved(s, package_id, saved.size)
    return saved


def made_at(text: str) -> str:
    """The manifest's ISO time as 「令和7年9月16日 10:00」 (JST); the text as it is when it is not one."""
    try:
        at = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return str(text)
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    local = at.astimezone(JST)
    return f"{wareki(local)} {local:%H:%M}"


class FilePage(QWizardPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("The package file"))
        self.setSubTitle(
            self.tr("Choose the package file (SAIKEN-….zip) on the medium you received. It is only read.")
        )
        self.path = QLineEdit(self)
        self.path.setObjectName("packagePath")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen = self.context.dialogs.open_file(self, self.tr("The package file"), self.tr("Package (*.zip)"))
        if chosen is not None:
            self.path.setText(str(chosen))

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()


class PasswordPage(QWizardPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The package's password"))
        self.setSubTitle(
            self.tr(
                "Type the password from the password notice that came separately from the medium. Small letters, spaces and missing hyphens are forgiven."
            )
        )
        self.password = QLineEdit(self)
        self.password.setObjectName("packagePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self.completeChanged)
        self.person = QLineEdit(self)
        self.person.setObjectName("handedOverBy")
        self.person.setPlaceholderText(self.tr("e.g. 山田（架空区 産業振興課）"))
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Handed over by"), self.person)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return bool(self.password.text().strip())


class CheckPage(QWizardPage):
    """Every check and the preview (rolled back); Next takes the package in (one transaction)."""

    def __init__(
        self, context: PageContext, file: FilePage, password: PasswordPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.file = file
        self.password_page = password
        self.setTitle(self.tr("Checks and preview"))
        self.setSubTitle(
            self.tr(
                "The signature, the sender, the recipient and the order are checked, and the package is tried on the vault and rolled back: nothing is kept yet."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Take the package in"))
        self.status = message_label(self)
        self.facts = facts_form(self, [])
        self.table = ReadOnlyTable(
            [self.tr("Data"), self.tr("New"), self.tr("Changed"), self.tr("Unchanged")],
            right=(1, 2, 3),
            stretch=0,
            object_name="importCounts",
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(self.facts)
        layout.addWidget(self.table)
        layout.addStretch(1)
        self.preview: handover.IncomingPreview | None = None
        self.result: handover.ImportResult | None = None
        self.busy = False

    def initializePage(self) -> None:
        self.preview = None
        self.busy = True
        set_tone(self.status, ok=True)
        self.status.setText(self.tr("Checking the package…"))
        fill_form(self.facts, self, [])
        self.table.set_rows([], [])
        self.table.setVisible(False)
        self.context.ops.call(
            handover.inspect_package,
            self.file.path.text().strip(),
            self.password_page.password.text(),
            owner=self,
            on_result=self._show,
            on_error=self._refused,
            progress=self.tr("Checking the package…"),
        )

    def _show(self, preview: handover.IncomingPreview) -> None:
        self.busy = False
        self.preview = preview
        set_tone(self.status, ok=True)
        self.status.setText(
            self.tr("Every check passed: signed by %1, addressed to this vault.").replace(
                "%1", preview.sender
            )
        )
        engagement = preview.engagement_title + (self.tr(" (new here)") if preview.new_engagement else "")
        fill_form(
            self.facts,
            self,
            [
                (self.tr("From"), preview.sender),
                (self.tr("Their key fingerprint"), preview.sender_fingerprint),
                (self.tr("Kind"), preview.kind_label),
                (self.tr("Package no."), str(preview.sequence)),
                (self.tr("Engagement"), engagement),
                (self.tr("Medium"), preview.media_id),
                (self.tr("Made by"), f"{preview.created_by}　{made_at(preview.created_at)}"),
                (
                    self.tr("Records"),
                    self.tr("%1 records, %2 files, %3")
                    .replace("%1", f"{sum(preview.records.values()):,}")
                    .replace("%2", str(len(preview.files)))
                    .replace("%3", size_text(preview.size)),
                ),
                (self.tr("Sender's checkpoint"), preview.sender_checkpoint or self.tr("none")),
            ],
        )
        keys = list(preview.counts)
        self.table.set_rows(
            [
                [
                    ENTITY_LABELS.get(e, e),
                    f"{preview.counts[e].new:,}",
                    f"{preview.counts[e].changed:,}",
                    f"{preview.counts[e].unchanged:,}",
                ]
                for e in keys
            ],
            keys,
        )
        fit_rows(self.table)
        self.table.setVisible(bool(keys))
        self.completeChanged.emit()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        set_tone(self.status, ok=False)
        self.status.setText(refusal_text(error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None and not self.busy

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        if self.busy or self.preview is None:
            return False
        self.busy = True
        self.completeChanged.emit()
        self.context.ops.call(
            handover.import_package,
            self.file.path.text().strip(),
            self.password_page.password.text(),
            counterpart_person=self.password_page.person.text(),
            owner=self,
            on_result=self._imported,
            on_error=self._refused,
            progress=self.tr("Taking the package in…"),
        )
        return False

    def _imported(self, result: handover.ImportResult) -> None:
        self.busy = False
        self.result = result
        self.password_page.password.clear()
        self.context.ops.changed.emit(IMPORTED)
        self.wizard().next()


class DonePage(QWizardPage):
    def __init__(self, context: PageContext, check: CheckPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.check = check
        self.setTitle(self.tr("The package is taken in"))
        self.summary = message_label(self, "okText")
        self.facts = facts_form(self, [])
        self.report_button = QPushButton(self.tr("Save the 交渉記録報告書…"), self)
        self.report_button.clicked.connect(self.save_report)
        self.report_button.setVisible(False)
        self.status = message_label(self, "okText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.facts)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.check.result
        if result is None:
            return
        preview = result.preview
        self.summary.setText(
            self.tr("Took in package %1 from %2: %3 records.")
            .replace("%1", str(preview.sequence))
            .replace("%2", preview.sender)
            .replace("%3", f"{sum(preview.records.values()):,}")
        )
        consultation_area = [
            ENTITY_LABELS[e]
            + self.tr(": %1 new, %2 changed").replace("%1", f"{c.new:,}").replace("%2", f"{c.changed:,}")
            for e, c in preview.counts.items()
            if e in handover.CONSULTATION_ENTITIES and (c.new or c.changed)
        ]
        consultations = (
            [(self.tr("Consultation area"), "\n".join(consultation_area))] if consultation_area else []
        )
        fill_form(
            self.facts,
            self,
            [
                *consultations,
                (
                    self.tr("Ledger"),
                    self.tr("Entry %1 (received, medium %2) written")
                    .replace("%1", str(result.ledger_seq))
                    .replace("%2", result.medium_id),
                ),
                (
                    self.tr("Acknowledged"),
                    self.tr("%1 of our packages").replace("%1", str(result.acknowledged)),
                ),
                (
                    self.tr("The medium"),
                    self.tr("Keep it locked away and return or destroy it as the ledger says."),
                ),
            ],
        )
        self.report_button.setVisible(result.report_workbook is not None)

    def save_report(self) -> None:
        result = self.check.result
        if result is None or result.report_workbook is None:
            return
        save_with_password(
            self.context,
            self,
            title=self.tr("Save the 交渉記録報告書"),
            suggested=f"交渉記録報告書_{result.medium_id}.xlsx",
            save=_save_report,
            save_args=(result.preview.package_id, result.report_workbook),
            on_saved=lambda saved: self.status.setText(self.tr("Saved “%1”.").replace("%1", saved.path.name)),
        )


class ImportWizard(QWizard):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        prepare_wizard(self, object_name="importWizard", title=self.tr("Take in a package"))
        self.file = FilePage(context, self)
        self.password = PasswordPage(context, self)
        self.check = CheckPage(context, self.file, self.password, self)
        self.done_page = DonePage(context, self.check, self)
        for page in (self.file, self.password, self.check, self.done_page):
            self.addPage(page)
        self.resize(820, 640)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def done(self, result: int) -> None:
        self.password.password.clear()
        super().done(result)
