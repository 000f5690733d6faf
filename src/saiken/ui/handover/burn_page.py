"""The page before a package is written, shared by the export and erasure wizards: the burning folder (the
folder the burning software writes to the disc from) and the label written on the disc; its commit button
「パッケージを書き出す」 writes the package in the background, and a refusal is shown on the page with
nothing written. A wizard's page adds its own rows to `form` and says in `write()` which package to make."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from saiken.domain import custody
from saiken.services import handover
from saiken.ui.handover.wizard_kit import message_label, refusal_text
from saiken.ui.kit.page_context import PageContext


def choose_folder(context: PageContext, parent: QWidget, title: str, start: str = "") -> Path | None:
    """A folder chooser that tests can drive (through `dialogs.before_exec`)."""
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    accepted = context.dialogs._run(dialog) == QDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles()
    dialog.deleteLater()
    return Path(chosen[0]) if accepted and chosen else None


class BurnPage(QWizardPage):
    """Burning folder and medium label, then Next writes the package (`write()`, one transaction)."""

    def __init__(
        self,
        context: PageContext,
        *,
        folder_name: str,
        medium_name: str,
        medium_prefix: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton, QCoreApplication.translate("BurnPage", "Write the package")
        )
        self.folder = QLineEdit(self)
        self.folder.setObjectName(folder_name)
        browse = QPushButton(QCoreApplication.translate("BurnPage", "Choose…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.medium = QLineEdit(self)
        self.medium.setObjectName(medium_name)
        self.medium.setMaxLength(custody.MEDIUM_ID_MAX)
        self.medium.setPlaceholderText(
            QCoreApplication.translate("BurnPage", "e.g. %1-R7-003").replace("%1", medium_prefix)
        )
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("BurnPage", "Burning folder"), where)
        self.form.addRow(QCoreApplication.translate("BurnPage", "Medium label"), self.medium)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for signal in (self.folder.textChanged, self.medium.textChanged):
            signal.connect(self.completeChanged)
        self.result: handover.ExportResult | None = None
        self.writing = False

    def _browse(self) -> None:
        chosen = choose_folder(
            self.context,
            self,
            QCoreApplication.translate("BurnPage", "The burning folder"),
            self.folder.text(),
        )
        if chosen is not None:
            self.folder.setText(str(chosen))

    def isComplete(self) -> bool:
        return bool(self.folder.text().strip() and self.medium.text().strip()) and not self.writing

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        if self.writing or not self.ready():
            return False
        self.writing = True
        self.message.clear()
        self.completeChanged.emit()
        self.write(self.folder.text().strip(), self.medium.text())
        return False

    def ready(self) -> bool:
        """Whether the package can be written now (the page before has what it needs)."""
        return True

    def write(self, out_dir: str, media_id: str) -> None:
        """Start writing the package in the background with `on_result=self.written`,
        `on_error=self.refused` and `progress=self.progress_text()`."""
        raise NotImplementedError

    def progress_text(self) -> str:
        return QCoreApplication.translate("BurnPage", "Writing the package…")

    def written(self, result: handover.ExportResult) -> None:
        self.writing = False
        self.result = result
        self.wizard().next()

    def refused(self, error: BaseException) -> None:
        self.writing = False
        self.message.setText(refusal_text(error))
        self.completeChanged.emit()
