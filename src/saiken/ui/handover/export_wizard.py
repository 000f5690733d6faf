"""The export wizard (issue 9 item 4): a supervisor's approval, the engagement and the kind, what goes in
with its counts — shown before anything is written — the staging folder (the CD-R burning folder) and the
medium's label, then one transaction writes the package, the medium, the ledger entry and the audit entry.
The last page shows the password once, prints the notice and verifies the burned medium."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from saiken.domain.roles import Capability
from saiken.exchange.package import KIND_LABELS
from saiken.exchange.package.contents import ENTITY_LABELS
from saiken.services import handover
from saiken.ui.handover.burn_page import BurnPage
from saiken.ui.handover.package_written import PackageWrittenPage
from saiken.ui.handover.wizard_kit import (
    facts_form,
    fill_form,
    fit_rows,
    message_label,
    prepare_wizard,
    refusal_text,
)
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.tables import ReadOnlyTable

KINDS = {"ward": ("debtors", "answers"), "contractor": ("report",)}
MEDIUM_PREFIX = {"ward": "区", "contractor": "事"}


class ApprovalPage(QWizardPage):
    """Only a supervisor may make a package; anyone else reads why and whom to ask."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Supervisor approval"))
        self.allowed = context.can(Capability.EXPORT)
        user = context.user
        who = QLabel(
            self.tr("Signed in as %1 (%2).").replace("%1", user.name).replace("%2", user.role_label), self
        )
        self.explanation = message_label(self, "hintText" if self.allowed else "errorText")
        self.approve = QCheckBox(
            self.tr("I approve this package as the supervisor responsible for it (%1).").replace(
                "%1", user.name
            ),
            self,
        )
        self.approve.toggled.connect(self.completeChanged)
        if self.allowed:
            self.explanation.setText(
                self.tr(
                    "A package takes personal data out of this vault. It is signed with the organisation key, and the export, the medium and the password notice are written in the custody ledger under your name."
                )
            )
        else:
            self.explanation.setText(
                self.tr(
                    "Only a supervisor (取扱責任者) may make a package: it takes personal data out of the vault and is signed with the organisation key, which only supervisors hold. Ask your supervisor to make it."
                )
            )
            self.approve.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        layout.addWidget(self.approve)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.allowed and self.approve.isChecked()


class ChoosePage(QWizardPage):
    """The engagement and the kind of package (only the kinds this side makes)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Engagement and kind"))
        self.setSubTitle(self.tr("A package belongs to one engagement and goes to its counterpart."))
        self.engagement = QComboBox(self)
        self.engagement.setObjectName("exportEngagement")
        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKind")
        for kind in KINDS.get(context.org_role, ()):
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.engagement.currentIndexChanged.connect(self.completeChanged)
        self.kind.currentIndexChanged.connect(self.completeChanged)
        other = QLabel(
            self.tr(
                "The erasure report is made by the erasure wizard after an engagement is erased. Template packages (no personal data) cannot be made yet."
            ),
            self,
        )
        other.setObjectName("hintText")
        other.setWordWrap(True)
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Engagement"), self.engagement)
        form.addRow(self.tr("Kind"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(other)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.loaded = False

    def initializePage(self) -> None:
        if not self.loaded:
            self.context.ops.call(
                handover.list_engagements, owner=self, on_result=self._show, on_error=self._failed
            )

    def _show(self, rows: list[handover.EngagementRow]) -> None:
        self.loaded = True
        self.engagement.clear()
        for row in rows:
            if row.status != "active":
                continue
            none = self.tr("no counterpart")
            label = f"{row.name}（{row.counterpart or none}）"
            self.engagement.addItem(label, row.id)
        if not self.engagement.count():
            self.message.setText(
                self.tr(
                    "There is no engagement in progress to make a package for. Add one under 業務と相手方."
                )
            )
        if not self.kind.count():
            self.message.setText(self.tr("This vault's side makes no packages of its own."))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(refusal_text(error))

    def isComplete(self) -> bool:
        return self.engagement.currentData() is not None and self.kind.currentData() is not None


class CountsPage(QWizardPage):
    """What goes in, counted, before anything is written."""

    def __init__(self, context: PageContext, choose: ChoosePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choose = choose
        self.setTitle(self.tr("What goes in"))
        self.setSubTitle(
            self.tr(
                "Counted from the vault now; nothing is written yet. A later package carries only what changed since the last one the counterpart acknowledged."
            )
        )
        self.facts = facts_form(self, [])
        self.table = ReadOnlyTable(
            [self.tr("Data"), self.tr("Records")], right=(1,), stretch=0, object_name="exportCounts"
        )
        self.table.setMaximumWidth(560)
        self.total = QLabel(self)
        self.total.setObjectName("exportTotal")
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.preview: handover.ExportPreview | None = None

    def initializePage(self) -> None:
        self.preview = None
        self.message.clear()
        self.total.setText(self.tr("Counting…"))
        self.table.set_rows([], [])
        self.context.ops.call(
            handover.preview_export,
            engagement_id=self.choose.engagement.currentData(),
            kind=self.choose.kind.currentData(),
            owner=self,
            on_result=self._show,
            on_error=self._refused,
        )

    def _show(self, preview: handover.ExportPreview) -> None:
        self.preview = preview
        fill_form(
            self.facts,
            self,
            [
                (self.tr("Engagement"), preview.engagement.name),
                (self.tr("Kind"), preview.kind_label),
                (self.tr("To"), preview.counterpart),
                (self.tr("Their key fingerprint"), preview.counterpart_fingerprint),
                (
                    self.tr("Package no."),
                    self.tr("%1 (the first)").replace("%1", "1")
                    if preview.sequence == 1
                    else str(preview.sequence),
                ),
                (
                    self.tr("Acknowledges"),
                    preview.acknowledges[:8] if preview.acknowledges else self.tr("none yet"),
                ),
            ],
        )
        keys = list(preview.counts)
        self.table.set_rows([[ENTITY_LABELS.get(e, e), f"{preview.counts[e]:,}"] for e in keys], keys)
        fit_rows(self.table)
        self.total.setText(self.tr("%1 records in all").replace("%1", f"{preview.total:,}"))
        if not preview.total:
            self.message.setText(
                self.tr("Nothing has changed since the last package the counterpart acknowledged.")
            )
        self.completeChanged.emit()

    def _refused(self, error: BaseException) -> None:
        self.total.clear()
        self.message.setText(refusal_text(error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None


class StagingPage(BurnPage):
    """The burning folder and the medium's label; Next writes the package (one transaction)."""

    def __init__(
        self, context: PageContext, choose: ChoosePage, counts: CountsPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            folder_name="stagingFolder",
            medium_name="mediumLabel",
            medium_prefix=MEDIUM_PREFIX.get(context.org_role, "") or "区",
            parent=parent,
        )
        self.choose = choose
        self.counts = counts
        self.setTitle(self.tr("Staging folder and medium"))
        self.setSubTitle(
            self.tr(
                "Choose the folder your burning software writes to the CD-R from, and the label written on the disc. The password notice never goes into this folder."
            )
        )
        self.medium_kind = QComboBox(self)
        for kind in ("CD-R", "DVD-R"):
            self.medium_kind.addItem(kind, kind)
        self.part = QComboBox(self)
        self.part.setObjectName("exportPart")
        self.part.setVisible(False)
        self.part_label = QLabel(self.tr("Part (management numbers)"), self)
        self.part_label.setVisible(False)
        self.form.addRow(self.tr("Medium"), self.medium_kind)
        self.form.addRow(self.part_label, self.part)

    def write(self, out_dir: str, media_id: str) -> None:
        numbers = self.part.currentData() if self.part.isVisible() else None
        self.context.ops.call(
            handover.export_package,
            engagement_id=self.choose.engagement.currentData(),
            kind=self.choose.kind.currentData(),
            media_id=media_id,
            out_dir=out_dir,
            media_kind=self.medium_kind.currentData(),
            numbers=tuple(numbers) if numbers else None,
            owner=self,
            on_result=self.written,
            on_error=self.refused,
            progress=self.progress_text(),
        )

    def refused(self, error: BaseException) -> None:
        ranges = getattr(error, "ranges", None)
        if ranges:
            self.part.clear()
            for first, last in ranges:
                self.part.addItem(f"{first}～{last}", (first, last))
            self.part.setVisible(True)
            self.part_label.setVisible(True)
        super().refused(error)


class ExportWizard(QWizard):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        prepare_wizard(self, object_name="exportWizard", title=self.tr("New package"))
        self.approval = ApprovalPage(context, self)
        self.choose = ChoosePage(context, self)
        self.counts = CountsPage(context, self.choose, self)
        self.staging = StagingPage(context, self.choose, self.counts, self)
        self.written = PackageWrittenPage(context, self)
        for page in (self.approval, self.choose, self.counts, self.staging, self.written):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)
        self.resize(820, 640)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _entered(self, _id: int) -> None:
        if self.currentPage() is self.written and self.staging.result is not None:
            self.written.show_result(self.staging.result)
            self.staging.result = None  # the password lives on the last page only, until it closes

    def done(self, result: int) -> None:
        page = self.written
        if page.package_id is not None and page.result is not None and not page.password_kept:
            if not self.context.dialogs.confirm(
                self,
                self.windowTitle(),
                self.tr(
                    "The password will not be shown again and the package cannot be opened without it. Close without printing or saving the password notice?"
                ),
                self.tr("Close"),
            ):
                return
        page.forget_password()
        super().done(result)
