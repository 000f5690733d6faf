"""Preview, print or save the recovery-key sheet — from memory.

The PDF (made by `saiken.exchange.pdf.recovery_sheet`) is held in a QBuffer and shown with QtPdf; printing
renders its pages straight onto the printer. Nothing goes to a temp file. Only an explicit "save as PDF"
writes a file, atomically (saiken.fsutil), and that save is recorded in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saiken.domain.errors import VaultError
from saiken.fsutil import atomic_write_bytes
from saiken.ui.kit.background import Operations
from saiken.ui.kit.errors import dialogs, show_error
from saiken.ui.kit.pdf_print import load_pdf, print_document


def save_sheet(session: Any, path: Path, data: bytes) -> Path:
    """Write the sheet atomically and record the save (no key, no path in the audit entry)."""
    from saiken.services import vault

    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        # Said as it is (issue 6 item 8): nothing was saved, the vault exists, the key is still on screen.
        raise VaultError(
            QCoreApplication.translate(
                "RecoverySheetDialog",
                "The recovery key sheet could not be saved to {path} ({reason}). Nothing was saved. The vault itself is created: choose another place and save again, or print the sheet, or copy the recovery key shown on the screen by hand before you close it.",
            ).format(path=path, reason=type(error).__name__)
        ) from None
    vault.record_recovery_sheet_saved(session, size=len(data))
    return path


class RecoverySheetDialog(QDialog):
    def __init__(self, ops: Operations, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key sheet"))
        self._ops = ops
        self._data = data
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        note = QLabel(
            self.tr(
                "Print the sheet and keep it locked away from this PC. Saving it as a file is possible, but a file is easier to copy: keep it on removable media in a safe."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("hintText")
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.clicked.connect(self.save_sheet)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(760, 900)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Recovery key sheet"))
        dialog = QPrintDialog(printer, self)
        if dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        pages = print_document(self.document, printer)
        self.status.setText(self.tr("Sent {n} page(s) to the printer.").format(n=pages))

    def save_sheet(self) -> None:
        path = dialogs.save_file(
            self, self.tr("Save the recovery key sheet"), "recovery-key.pdf", self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self._ops.call(
            save_sheet,
            path,
            self._data,
            owner=self,
            on_result=self._saved,
            on_error=lambda error: show_error(self, error),
        )

    def _saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}.").format(path=path))

    def done(self, result: int) -> None:
        self.document.close()
        self._buffer.close()
        self._data = b""
        super().done(result)
