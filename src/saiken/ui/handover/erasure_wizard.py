"""The erasure wizard (issue 9 item 7; the contractor's supervisor): erase one engagement (every record,
then the backups re-made) or crypto-erase the whole vault; the copies the application cannot reach are
listed first; the confirmation names what is destroyed and asks for the engagement's (or organisation's)
name typed out; then the signed 消去証明書 is shown for printing and saving, and — for an engagement — the
erasure package for the ward is made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from saiken.domain.roles import Capability
from saiken.services import handover
from saiken.services.changes import Area, Changes
from saiken.services.context import read_session
from saiken.services.handover.erasure import unreachable_copies
from saiken.ui.handover.burn_page import BurnPage
from saiken.ui.handover.package_written import PackageWrittenPage
from saiken.ui.handover.wizard_kit import (
    facts_form,
    fill_form,
    message_label,
    prepare_wizard,
    preview_pdf,
    refusal_text,
)
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.protected_save import save_with_password

ERASED = Changes.of_every_debtor(
    Area.DEBTORS, Area.PAYMENTS, Area.RECORDS, Area.PLANS, Area.INQUIRIES, Area.DOCUMENTS, Area.ATTACHMENTS
)


def _copies(s: Any, engagement_id: int | None) -> list[str]:
    """What no software can erase (read only). Asked of services: an `erasure_preview` of their own."""
    with read_session(s) as session:
        return unreachable_copies(session, engagement_id)


class MethodPage(QWizardPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("What to erase"))
        self.allowed = context.can(Capability.ERASE) and context.org_role == "contractor"
        self.explanation = message_label(self, "hintText" if self.allowed else "errorText")
        if not context.can(Capability.ERASE):
            self.explanation.setText(
                self.tr(
                    "Only a supervisor (取扱責任者) may erase data and sign the certificate of erasure. Ask your supervisor."
                )
            )
        elif context.org_role != "contractor":
            self.explanation.setText(
                self.tr(
                    "Engagements are erased in the contractor's vault. In the ward's vault the certificate of erasure arrives as an erasure package: take it in with 「Take in a package」."
                )
            )
        else:
            self.explanation.setText(
                self.tr(
                    "At the end of the work (seed 000 ⑮) the contractor erases everything of the engagement and certifies it to the ward with a signed certificate of erasure."
                )
            )
        self.engagement_mode = QRadioButton(
            self.tr("Erase one engagement (its debtors and every record)"), self
        )
        self.engagement_mode.setObjectName("eraseEngagement")
        self.vault_mode = QRadioButton(
            self.tr(
                "Crypto-erase the whole vault (keys, database and backups; the vault is gone afterwards)"
            ),
            self,
        )
        self.vault_mode.setObjectName("eraseVault")
        group = QButtonGroup(self)
        group.addButton(self.engagement_mode)
        group.addButton(self.vault_mode)
        self.engagement_mode.setChecked(True)
        self.engagement = QComboBox(self)
        self.engagement.setObjectName("erasureEngagement")
        for widget in (self.engagement_mode, self.vault_mode, self.engagement):
            widget.setEnabled(self.allowed)
        for signal in (self.engagement_mode.toggled, self.engagement.currentIndexChanged):
            signal.connect(self.completeChanged)
        self.engagement_mode.toggled.connect(self.engagement.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        layout.addWidget(self.engagement_mode)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.engagement, 1)
        layout.addLayout(row)
        layout.addWidget(self.vault_mode)
        layout.addStretch(1)
        self.rows: dict[int, handover.EngagementRow] = {}
        if self.allowed:
            context.ops.call(handover.list_engagements, owner=self, on_result=self._show)

    def _show(self, rows: list[handover.EngagementRow]) -> None:
        self.engagement.clear()
        self.rows = {r.id: r for r in rows}
        for row in rows:
            if row.status != "erased":
                self.engagement.addItem(f"{row.name}（{row.debtors:,}件）", row.id)
        self.completeChanged.emit()

    @property
    def whole_vault(self) -> bool:
        return self.vault_mode.isChecked()

    def chosen(self) -> handover.EngagementRow | None:
        data = self.engagement.currentData()
        return self.rows.get(data) if data is not None else None

    def isComplete(self) -> bool:
        return self.allowed and (self.whole_vault or self.chosen() is not None)


class CopiesPage(QWizardPage):
    """What is destroyed, and what the application cannot reach (to be returned or destroyed by hand)."""

    def __init__(self, context: PageContext, method: MethodPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.method = method
        self.setTitle(self.tr("What is destroyed, and what is not within reach"))
        self.destroys = message_label(self, "errorText")
        self.copies = message_label(self, "copiesList")
        layout = QVBoxLayout(self)
        layout.addWidget(self.destroys)
        layout.addSpacing(8)
        layout.addWidget(
            QLabel(self.tr("Copies Saiken Desk cannot erase (return or destroy them yourselves):"), self)
        )
        layout.addWidget(self.copies)
        layout.addStretch(1)
        self.listed: list[str] | None = None

    def initializePage(self) -> None:
        self.listed = None
        self.copies.setText(self.tr("Looking through the vault…"))
        self.destroys.setText(describe_destruction(self.method, self.context))
        chosen = self.method.chosen()
        engagement_id = None if self.method.whole_vault or chosen is None else chosen.id
        self.context.ops.call(_copies, engagement_id, owner=self, on_result=self._show)

    def _show(self, copies: list[str]) -> None:
        self.listed = copies
        self.copies.setText("\n".join(f"・{line}" for line in copies))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.listed is not None


def describe_destruction(method: MethodPage, context: PageContext) -> str:
    chosen = method.chosen()
    if method.whole_vault or chosen is None:
        return QCoreApplication.translate(
            "ErasureWizard",
            "Destroyed: the whole vault of %1 — every debtor and record, the key slots, the key in this PC's credential store, the database and every backup. Nobody can open it again, not even with the recovery sheet.",
        ).replace("%1", context.org_name)
    return (
        QCoreApplication.translate(
            "ErasureWizard",
            "Destroyed: every record of the engagement 「%1」 — %2 debtors with their claims, payments, negotiation records, inquiries, documents and attachments — and every backup (one new backup without them is made). The engagement's name stays in the ledger as erased.",
        )
        .replace("%1", chosen.name)
        .replace("%2", f"{chosen.debtors:,}")
    )


class ConfirmPage(QWizardPage):
    """The responsible person, where the certificate goes (vault erase), and the name typed out."""

    erased = Signal(object)

    def __init__(self, context: PageContext, method: MethodPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.method = method
        self.setTitle(self.tr("Confirm the erasure"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Erase"))
        self.names = message_label(self, "errorText")
        self.responsible = QLineEdit(self)
        self.responsible.setObjectName("erasureResponsible")
        self.responsible.setPlaceholderText(self.tr("Full name of the supervisor responsible"))
        self.typed = QLineEdit(self)
        self.typed.setObjectName("erasureTyped")
        self.certificate_out = QLineEdit(self)
        self.certificate_out.setObjectName("certificateOut")
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.certificate_out, 1)
        where.addWidget(self.browse)
        self.where_label = QLabel(self.tr("Certificate saved to"), self)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Responsible person"), self.responsible)
        self.form.addRow(self.where_label, where)
        self.typed_label = QLabel(self)
        self.typed_label.setWordWrap(True)
        self.form.addRow(self.typed_label, self.typed)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.names)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for signal in (
            self.responsible.textChanged,
            self.typed.textChanged,
            self.certificate_out.textChanged,
        ):
            signal.connect(self.completeChanged)
        self.result: handover.ErasureResult | None = None
        self.busy = False

    def expected(self) -> str:
        chosen = self.method.chosen()
        if self.method.whole_vault or chosen is None:
            return self.context.org_name
        return chosen.name

    def initializePage(self) -> None:
        whole = self.method.whole_vault
        self.names.setText(describe_destruction(self.method, self.context))
        self.typed_label.setText(self.tr("Type 「%1」 to confirm").replace("%1", self.expected()))
        for widget in (self.where_label, self.certificate_out, self.browse):
            widget.setVisible(whole)
        self.message.clear()

    def _browse(self) -> None:
        chosen = self.context.dialogs.save_file(
            self, self.tr("Where the certificate of erasure goes"), "消去証明書.pdf", "PDF (*.pdf)"
        )
        if chosen is not None:
            self.certificate_out.setText(
                str(chosen if chosen.suffix.lower() == ".pdf" else chosen.with_suffix(".pdf"))
            )

    def isComplete(self) -> bool:
        ready = bool(self.responsible.text().strip()) and self.typed.text().strip() == self.expected()
        if self.method.whole_vault:
            ready = ready and bool(self.certificate_out.text().strip())
        return ready and not self.busy

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        if self.busy:
            return False
        self.busy = True
        self.message.clear()
        self.completeChanged.emit()
        chosen = self.method.chosen()
        if self.method.whole_vault or chosen is None:
            self.context.ops.call(
                handover.crypto_erase_vault,
                responsible=self.responsible.text(),
                certificate_out=self.certificate_out.text().strip(),
                owner=self,
                on_result=self._erased,
                on_error=self._refused,
                progress=self.tr("Erasing the vault…"),
            )
        else:
            self.context.ops.call(
                handover.erase_engagement,
                chosen.id,
                responsible=self.responsible.text(),
                owner=self,
                on_result=self._erased,
                on_error=self._refused,
                progress=self.tr("Erasing the engagement and re-making the backups…"),
            )
        return False

    def _erased(self, result: handover.ErasureResult) -> None:
        self.busy = False
        self.result = result
        if not self.method.whole_vault:
            self.context.ops.changed.emit(ERASED)
        self.erased.emit(result)
        self.wizard().next()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(refusal_text(error))
        self.completeChanged.emit()


class CertificatePage(QWizardPage):
    def __init__(
        self, context: PageContext, method: MethodPage, confirm: ConfirmPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.method = method
        self.confirm = confirm
        self.setTitle(self.tr("The certificate of erasure"))
        self.summary = message_label(self, "okText")
        self.facts = facts_form(self, [])
        self.print_button = QPushButton(self.tr("Print the certificate…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_certificate)
        self.save_button = QPushButton(self.tr("Save the certificate…"), self)
        self.save_button.clicked.connect(self.save_certificate)
        self.status = message_label(self, "okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.printed = False

    def initializePage(self) -> None:
        result = self.confirm.result
        if result is None:
            return
        whole = self.method.whole_vault
        statement = result.statement
        self.summary.setText(
            self.tr("The vault is erased. The certificate was saved to “%1”.").replace(
                "%1", self.confirm.certificate_out.text().strip()
            )
            if whole
            else self.tr(
                "The engagement is erased. Make the erasure package for the ward next (Next), and print the certificate for your records."
            )
        )
        fill_form(
            self.facts,
            self,
            [
                (self.tr("Certificate no."), result.certificate_no),
                (self.tr("Method"), statement.method_label),
                (
                    self.tr("Records erased"),
                    "、".join(f"{k} {n:,}件" for k, n in statement.record_counts.items() if n),
                ),
                (self.tr("Responsible person"), statement.responsible),
                (self.tr("Final audit checkpoint"), statement.final_checkpoint),
                (
                    self.tr("Backups re-made"),
                    self.tr("%1 removed, one new").replace("%1", str(result.backups_removed)),
                )
                if not whole
                else (self.tr("Backups"), self.tr("destroyed with the vault")),
            ],
        )
        self.save_button.setVisible(not whole)  # the vault is gone: its certificate was saved beforehand

    def isComplete(self) -> bool:
        return self.confirm.result is not None

    def nextId(self) -> int:
        return -1 if self.method.whole_vault else super().nextId()

    def print_certificate(self) -> None:
        result = self.confirm.result
        if result is None:
            return
        pdf = result.pdf
        QTimer.singleShot(0, self, lambda: self._preview(pdf))

    def _preview(self, pdf: bytes) -> None:
        if preview_pdf(
            self.context,
            self,
            pdf,
            title=self.tr("Certificate of erasure"),
            note=self.tr("Signed with the organisation key. It holds no personal data."),
        ):
            self.printed = True
            self.status.setText(self.tr("The certificate was printed."))

    def save_certificate(self) -> None:
        result = self.confirm.result
        if result is None:
            return
        save_with_password(
            self.context,
            self,
            title=self.tr("Save the certificate of erasure"),
            suggested=f"消去証明書_{result.certificate_no}.pdf",
            save=handover.save_certificate,
            save_args=(result.certificate_no,),
            personal_data=False,
            on_saved=lambda saved: self.status.setText(self.tr("Saved “%1”.").replace("%1", saved.path.name)),
        )


class ErasurePackagePage(BurnPage):
    """The erasure package for the ward: burning folder and medium label; Next writes it."""

    def __init__(self, context: PageContext, confirm: ConfirmPage, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            folder_name="erasureStaging",
            medium_name="erasureMedium",
            medium_prefix="事",
            parent=parent,
        )
        self.confirm = confirm
        self.setTitle(self.tr("The erasure package for the ward"))
        self.setSubTitle(
            self.tr(
                "The ward's import records the certificate and closes the media in its ledger. Choose the burning folder and the disc's label."
            )
        )

    def ready(self) -> bool:
        return self.confirm.result is not None

    def write(self, out_dir: str, media_id: str) -> None:
        erased = self.confirm.result
        assert erased is not None  # ready() said so
        self.context.ops.call(
            handover.export_erasure_package,
            erased.certificate_no,
            media_id=media_id,
            out_dir=out_dir,
            owner=self,
            on_result=self.written,
            on_error=self.refused,
            progress=self.progress_text(),
        )


class ErasureWizard(QWizard):
    vaultErased = Signal()  # the vault is gone: the window must sign out

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        prepare_wizard(self, object_name="erasureWizard", title=self.tr("Erasure and its certificate"))
        self.method = MethodPage(context, self)
        self.copies = CopiesPage(context, self.method, self)
        self.confirm = ConfirmPage(context, self.method, self)
        self.certificate = CertificatePage(context, self.method, self.confirm, self)
        self.package = ErasurePackagePage(context, self.confirm, self)
        self.written = PackageWrittenPage(context, self)
        for page in (self.method, self.copies, self.confirm, self.certificate, self.package, self.written):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)
        self.resize(820, 640)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _entered(self, _id: int) -> None:
        if self.currentPage() is self.written and self.package.result is not None:
            self.written.show_result(self.package.result)
            self.package.result = None

    def done(self, result: int) -> None:
        page = self.written
        if page.result is not None and not page.password_kept:
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
        whole = self.method.whole_vault and self.confirm.result is not None
        super().done(result)
        if whole:
            self.vaultErased.emit()
